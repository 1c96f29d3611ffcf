// The host's traffic model over a real engine transcript: windows of rows, filters built in
// time-boxed ticks, hex toggles, eviction at the head.
import * as assert from 'node:assert/strict';
import { Transcript } from '../../src/engine/transcript';
import { TrafficModel } from '../../src/panel/traffic';
import { NO_FILTER } from '../../src/shared/protocol';

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);
const eventText = (): string => 'event';

function transcriptOf(count: number, maxEntries = 1000): Transcript {
  const transcript = new Transcript({ maxEntries, maxBytes: 16 * 1024 * 1024, captureBytes: 65536 });
  for (let index = 0; index < count; index++) {
    transcript.recordData(index % 2 === 0 ? 'out' : 'in', bytes(index % 2 === 0 ? `ping ${index}` : `pong ${index}`));
  }
  return transcript;
}

/** Ticks until the layout is built (a filter builds in slices). */
function settle(model: TrafficModel): ReturnType<TrafficModel['tick']> {
  let state = model.tick(50);
  for (let guard = 0; model.building && guard < 1000; guard++) {
    state = model.tick(50);
  }
  return state;
}

describe('panel traffic model', () => {
  it('shows every entry as one line and answers windows of rows', () => {
    const model = new TrafficModel(transcriptOf(10), eventText);
    const state = settle(model);
    assert.deepEqual([state.totalLines, state.totalRows, state.headShift], [10, 10, 0]);
    assert.deepEqual(model.rows(3, 2).map((row) => [row.line, row.text]), [[3, 'pong 3'], [4, 'ping 4']]);
  });

  it('filters by direction and text, and a new generation tells the webview to drop its rows', () => {
    const model = new TrafficModel(transcriptOf(10), eventText);
    settle(model);
    const before = model.generation;
    model.setView({ ...NO_FILTER, text: 'PONG', in: true, out: true }, false, undefined);
    const state = settle(model);
    assert.ok(model.generation > before);
    assert.equal(state.totalRows, 5);
    assert.deepEqual(model.rows(0, 5).map((row) => row.text), ['pong 1', 'pong 3', 'pong 5', 'pong 7', 'pong 9']);
    assert.deepEqual(model.rows(0, 1)[0].marks, [0, 4]);
    model.setView({ ...NO_FILTER, out: false }, false, undefined);
    assert.equal(settle(model).totalRows, 5);
  });

  it('shows hex dumps for every row, then toggles one back in place', () => {
    const model = new TrafficModel(transcriptOf(4), eventText);
    model.setView(NO_FILTER, true, undefined);
    let state = settle(model);
    assert.equal(state.totalLines, 8, 'each short row: 1 line + 1 dump line');
    assert.equal(model.rows(2, 1)[0].seq, 1);
    model.toggleRow(1, undefined);
    state = settle(model);
    assert.equal(state.totalLines, 7);
    assert.deepEqual(model.rows(0, 7).map((row) => [row.seq, row.line, row.lines]), [[0, 0, 2], [1, 2, 1], [2, 3, 2], [3, 5, 2]]);
  });

  it('reports entries evicted at the head as a head shift', () => {
    const transcript = transcriptOf(100, 100);
    const model = new TrafficModel(transcript, eventText);
    settle(model);
    transcript.recordData('in', bytes('late 1'));
    transcript.recordData('in', bytes('late 2'));
    const state = settle(model);
    assert.equal(state.headShift, 2);
    assert.equal(state.counters.evictedEntries, 2);
    assert.equal(model.rows(99, 1)[0].text, 'late 2');
  });
});

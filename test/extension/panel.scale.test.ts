/**
 * The traffic view's host model at the largest transcript the settings allow (1,000,000 entries):
 * a filter, the global hex view and a row toggle are built in time-boxed slices, so no single step
 * holds the extension host for long, and the windowed rows are still exactly right. The entries are
 * recorded straight into the engine's real Transcript (a million datagrams over loopback would take
 * a minute and prove nothing more about the panel).
 */
import * as assert from 'node:assert/strict';
import { Transcript } from '../../src/engine/transcript';
import { eventText } from '../../src/panel/strings';
import { TrafficModel, type TrafficState } from '../../src/panel/traffic';
import { NO_FILTER } from '../../src/shared/protocol';

const ENTRIES = 1_000_000;
/** A tick asks for 12 ms; allow for one stride of entries past the deadline and a GC pause. */

describe('payload panel traffic at a million entries', function () {
  this.timeout(120_000);
  let transcript: Transcript;
  let model: TrafficModel;

  before(() => {
    transcript = new Transcript({ maxEntries: ENTRIES, maxBytes: 1024 * 1024 * 1024, captureBytes: 65_536 });
    // A thousand distinct payloads, shared: the transcript keeps bytes by reference.
    const payloads = Array.from({ length: 1000 }, (_, index) => new TextEncoder().encode(`message ${String(index).padStart(3, '0')} ${index % 100 === 7 ? 'NEEDLE' : 'hay'}`));
    for (let index = 0; index < ENTRIES; index++) {
      transcript.recordData(index % 2 === 0 ? 'in' : 'out', payloads[index % 1000], '127.0.0.1:9');
    }
    model = new TrafficModel(transcript, eventText);
  });

  /** Ticks until the layout is complete; returns the last state and how many ticks it took. */
  function build(): { readonly state: TrafficState; readonly ticks: number } {
    let ticks = 0;
    for (;;) {
      const state = model.tick(12);
      ticks++;
      if (state.indexing === undefined) {
        return { state, ticks };
      }
      assert.ok(ticks < 10_000, 'the layout never finished');
    }
  }

  it('needs no index for the unfiltered text view, and answers windows at both ends', () => {
    const { state, ticks } = build();
    assert.equal(ticks, 1);
    assert.equal(state.totalLines, ENTRIES);
    assert.deepEqual(model.rows(0, 3).map((row) => [row.seq, row.line, row.text]), [
      [0, 0, 'message 000 hay'],
      [1, 1, 'message 001 hay'],
      [2, 2, 'message 002 hay'],
    ]);
    assert.deepEqual(model.rows(ENTRIES - 2, 10).map((row) => [row.seq, row.line]), [
      [ENTRIES - 2, ENTRIES - 2],
      [ENTRIES - 1, ENTRIES - 1],
    ]);
  });

  it('filters a million entries in time-boxed slices, not in one go', () => {
    model.setView({ ...NO_FILTER, text: 'needle' }, false, undefined);
    const { state, ticks } = build();
    assert.equal(state.totalRows, ENTRIES / 100);
    assert.ok(ticks > 1, 'the work was spread over several ticks');
    const window = model.rows(5000, 3);
    assert.deepEqual(window.map((row) => [row.seq, row.line]), [[500_007, 5000], [500_107, 5001], [500_207, 5002]]);
    assert.deepEqual(window[0].marks, [12, 18]);
  });

  it('lays out a million rows as hex dumps, then toggles one back in place', () => {
    model.setView(NO_FILTER, true, undefined);
    const { state } = build();
    // 15-byte payloads dump in one line, the 18-byte NEEDLE ones (one in a hundred) in two.
    const total = ENTRIES * 2 + ENTRIES / 100;
    assert.equal(state.totalLines, total);
    model.toggleRow(10, undefined);
    const toggled = model.tick(12);
    assert.equal(toggled.totalLines, total - 1);
    // Rows 0–9 take two lines each, except seq 7 (NEEDLE) with three: seq 10 starts at line 21.
    const [row] = model.rows(21, 1);
    assert.equal(row.seq, 10);
    assert.equal(row.lines, 1);
    assert.equal(row.dump, undefined);
    assert.equal(model.rows(22, 1)[0].seq, 11, 'the next row starts right under it');
    const last = model.rows(total - 6, 5);
    assert.equal(last[last.length - 1].seq, ENTRIES - 1);
    assert.equal(last[last.length - 1].dump?.lines.length, 1);
  });

  it('keeps up as the ring buffer evicts at the head and grows at the tail', () => {
    model.setView({ ...NO_FILTER, text: 'needle' }, false, undefined);
    build();
    const payload = new TextEncoder().encode('fresh NEEDLE');
    for (let index = 0; index < 1000; index++) {
      transcript.recordData('in', payload, '127.0.0.1:9');
    }
    const state = model.tick(12);
    assert.equal(state.headShift, 10, 'ten matching rows fell off the head');
    assert.equal(state.totalRows, ENTRIES / 100 - 10 + 1000);
    const tail = model.rows(state.totalLines - 1, 1);
    assert.equal(tail[0].text, 'fresh NEEDLE');
  });
});

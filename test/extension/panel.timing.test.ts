/**
 * Timing in the panel, host side, driven with the webview's own messages: each row's delta and the
 * round trip of an answer, as finished strings in the display language, and the round-trip summary
 * in the traffic update. Traffic is real TCP over loopback.
 */
import * as assert from 'node:assert/strict';
import type { TranscriptEntry } from '../../src/engine';
import type { ActivatedApi } from '../../src/extension';
import type { PayloadPanel } from '../../src/panel';
import { formatDuration } from '../../src/panel/timing';
import { activateApi, cleanUp, connectedPair, openReadyPanel, waitFor, waitForMessage } from './panelHelpers';

const UNITS = { microseconds: '{0} µs', milliseconds: '{0} ms', seconds: '{0} s' };

describe('payload panel timing', function () {
  this.timeout(30_000);
  let api: ActivatedApi;

  before(async () => {
    api = await activateApi();
  });

  afterEach(async () => {
    await cleanUp(api);
  });

  it('rows carry the delta and the round trip; the traffic update carries the summary', async () => {
    const { client, connection } = await connectedPair(api);
    const engine = api.testing.services.engine;
    const panel: PayloadPanel = await openReadyPanel(api, client.id);
    for (const [request, answer] of [['ping 1', 'pong 1'], ['ping 2', 'pong 2']]) {
      const before = engine.get(client.id)?.stats.bytesIn ?? 0;
      await api.send(client.id, request);
      await waitFor('the request', () => (engine.get(connection.id)?.stats.bytesIn ?? 0) >= request.length * (request.endsWith('1') ? 1 : 2));
      await api.send(connection.id, answer);
      await waitFor('the answer', () => (engine.get(client.id)?.stats.bytesIn ?? 0) >= before + answer.length);
    }
    const entries: TranscriptEntry[] = engine.transcript(client.id).entries();
    const answers = entries.filter((entry) => entry.direction === 'in');
    assert.equal(answers.length, 2);
    const trips = answers.map((answer) => answer.mono - (entries[entries.indexOf(answer) - 1] as TranscriptEntry).mono);

    const traffic = await waitForMessage(panel, 'traffic', (message) => message.counters.entries === entries.length && message.roundTrips !== undefined, 0);
    const sorted = [...trips].sort((a, b) => a - b);
    const text = (value: number): string => formatDuration(value, UNITS, 'en');
    assert.equal(traffic.roundTrips, `Round trips: 2 · min ${text(sorted[0])} · median ${text(sorted[0])} · p99 ${text(sorted[1])} · max ${text(sorted[1])}`);

    const requestId = 4242;
    const mark = panel.recorded.sent.length;
    assert.equal(await panel.receive({ type: 'requestRows', requestId, generation: 0, start: 0, count: entries.length }), true);
    const rows = (await waitForMessage(panel, 'rows', (message) => message.requestId === requestId, mark)).rows;
    assert.equal(rows[0].delta, undefined, 'the first row has no row before it');
    for (let index = 1; index < rows.length; index++) {
      assert.equal(rows[index].delta, `+${text(entries[index].mono - entries[index - 1].mono)}`);
    }
    const answerRows = rows.filter((row) => row.direction === 'in');
    assert.deepEqual(answerRows.map((row) => row.roundTrip), trips.map(text));
    assert.ok(rows.filter((row) => row.direction !== 'in').every((row) => row.roundTrip === undefined));
  });
});

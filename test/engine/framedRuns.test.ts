/**
 * A framed read's messages are kept as one run when nobody listens for data events, and one entry
 * each when someone does. Both must leave the same transcripts, in the connection and in its
 * server's mirror, with the transcript's limits cutting runs part-way.
 */
import * as assert from 'node:assert/strict';
import { SocketEngine, type TranscriptEntry } from '../../src/engine';
import { firstConnection, portOf, waitFor } from './helpers';

const LINES = Array.from({ length: 300 }, (_, index) => `line ${index} ${'x'.repeat(index % 7)}\n`);
const BYTES = LINES.join('').length;

/** What stays the same however the bytes were read: times and read boundaries aside. */
const shape = (entries: readonly TranscriptEntry[]): unknown[] =>
  entries.map((entry) => [entry.seq, entry.kind, entry.direction, entry.socketId, entry.sourceSeq, entry.length, Buffer.from(entry.data ?? new Uint8Array()).toString('latin1')]);

async function deliver(listen: boolean): Promise<{ connection: unknown[]; server: unknown[]; messages: number | undefined; evicted: number }> {
  const engine = new SocketEngine({ transcriptLimits: { maxEntries: 120 } });
  const received: string[] = [];
  const subscription = listen ? engine.onData(({ entry }) => received.push(entry.kind)) : undefined;
  try {
    const server = await engine.open('tcp-listen://127.0.0.1:0?framing=line');
    const client = await engine.open(`tcp://127.0.0.1:${portOf(server)}`);
    const connection = await firstConnection(engine, server.id);
    // Two writes, each many lines in one go, the second starting mid-line.
    const payload = Buffer.from(LINES.join(''), 'latin1');
    await engine.send(client.id, payload.subarray(0, 5000));
    await engine.send(client.id, payload.subarray(5000));
    await waitFor('every line at the server', () => (engine.get(connection.id)?.stats.bytesIn === BYTES ? true : undefined));
    if (listen) {
      assert.ok(received.length >= LINES.length, 'the data listener heard every message');
    }
    return {
      connection: shape(engine.transcript(connection.id).entries()),
      server: shape(engine.transcript(server.id).entries()),
      messages: engine.get(connection.id)?.stats.messagesIn,
      evicted: engine.transcript(server.id).counters().evictedEntries,
    };
  } finally {
    subscription?.dispose();
    await engine.dispose();
  }
}

describe('framed reads as runs', function () {
  this.timeout(20_000);

  it('leave the same transcripts as one entry per message, cut by maxEntries part-way through a run', async () => {
    const runs = await deliver(false);
    const each = await deliver(true);
    assert.equal(runs.messages, 300);
    // The connection holds its last 120 entries: lines 180 to 299 (its connect entry went long before).
    const lines = runs.connection.filter((row) => (row as unknown[])[1] === 'data');
    assert.equal(lines.length, 120);
    assert.deepEqual((lines[0] as unknown[])[6], LINES[180]);
    assert.deepEqual((lines[119] as unknown[])[6], LINES[299]);
    assert.deepEqual(runs.connection, each.connection);
    assert.deepEqual(runs.server, each.server);
    assert.equal(runs.evicted, each.evicted);
    // The server's mirrored lines name the connection seq each came from.
    const mirrored = runs.server.filter((row) => (row as unknown[])[1] === 'data') as unknown[][];
    assert.deepEqual(
      mirrored.map((row) => row[4]),
      lines.map((row) => (row as unknown[])[0]),
    );
  });
});

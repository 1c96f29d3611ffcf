import * as assert from 'node:assert/strict';
import { SocketEngine, type SendProgress } from '../../src/engine';
import { delay, firstConnection, portOf, receive, waitFor } from './helpers';
import { startPythonPeer, type PythonPeer } from './peers/python';

const MiB = 1024 * 1024;

/** Every progress call, with when it came. */
function recorder(): { calls: SendProgress[]; onProgress: (progress: SendProgress) => void } {
  const calls: SendProgress[] = [];
  return { calls, onProgress: (progress) => calls.push({ ...progress }) };
}

function assertNonDecreasing(calls: readonly SendProgress[]): void {
  for (let index = 1; index < calls.length; index++) {
    assert.ok(calls[index].sent >= calls[index - 1].sent, `progress went back: ${JSON.stringify(calls)}`);
  }
}

describe('Sending: backpressure, progress and cancellation', () => {
  let engine: SocketEngine;
  let peer: PythonPeer | undefined;
  beforeEach(() => {
    engine = new SocketEngine({ statsIntervalMs: 20 });
  });
  afterEach(async () => {
    peer?.kill();
    peer = undefined;
    await engine.dispose();
  });

  it('sends 64 MiB to a peer that reads late: exact total, bounded memory and progress, and no progress while the peer sleeps', async () => {
    // The peer reads only when released, so "while the peer sleeps" holds on a busy machine too.
    peer = startPythonPeer('tcp-sink', { hold: true });
    const client = await engine.open(`tcp://127.0.0.1:${Number(await peer.ready)}`);
    const total = 64 * MiB;
    const payload = new Uint8Array(total).fill(0x5a);
    const arrayBuffersBefore = process.memoryUsage().arrayBuffers;
    const { calls, onProgress } = recorder();
    const started = Date.now();
    let finished = false;
    const sending = engine.send(client.id, payload, { onProgress }).then((result) => {
      finished = true;
      return result;
    });

    await delay(400);
    const early = engine.get(client.id)?.stats.bytesOut ?? -1;
    await delay(300);
    const later = engine.get(client.id)?.stats.bytesOut ?? -1;
    assert.equal(finished, false, 'the send cannot finish while the peer does not read');
    assert.ok(later > 0 && later < total / 2, `${later} bytes handed over while the peer sleeps`);
    assert.equal(later, early, 'the send waits for drain: nothing more is handed over while the peer sleeps');
    const growth = process.memoryUsage().arrayBuffers - arrayBuffersBefore;
    assert.ok(growth < 16 * MiB, `array buffers grew by ${growth} bytes: the payload must not be copied`);

    peer.release();
    assert.deepEqual(await sending, { bytesSent: total, targets: 1, cancelled: false });
    const elapsed = Date.now() - started;
    assert.equal(engine.get(client.id)?.stats.bytesOut, total);
    await engine.close(client.id);
    assert.deepEqual(await peer.result, { total });

    assert.ok(calls.length >= 2, JSON.stringify(calls));
    assert.ok(calls.length <= Math.ceil(elapsed / 100) + 2, `${calls.length} progress calls in ${elapsed} ms`);
    assert.ok(calls.every((call) => call.total === total));
    for (let index = 1; index < calls.length; index++) {
      assert.ok(calls[index].sent > calls[index - 1].sent, `progress must increase: ${JSON.stringify(calls)}`);
    }
    assert.deepEqual(calls[calls.length - 1], { sent: total, total });

    // The transcript records the whole length but captures only the cap.
    const out = engine.transcript(client.id).entries().find((entry) => entry.direction === 'out');
    assert.equal(out?.length, total);
    assert.equal(out?.data?.byteLength, 64 * 1024);
  });

  it('cancels mid-send: the peer receives exactly the bytes handed over, and the transcript says so', async () => {
    peer = startPythonPeer('tcp-sink', { hold: true });
    const client = await engine.open(`tcp://127.0.0.1:${Number(await peer.ready)}`);
    const total = 64 * MiB;
    const controller = new AbortController();
    const { calls, onProgress } = recorder();
    const sending = engine.send(client.id, new Uint8Array(total), { signal: controller.signal, onProgress });
    await delay(300);
    controller.abort();
    const result = await sending;
    assert.equal(result.cancelled, true);
    assert.equal(result.targets, 1);
    assert.ok(result.bytesSent > 0 && result.bytesSent < total, `${result.bytesSent} of ${total}`);
    assert.equal(engine.get(client.id)?.stats.bytesOut, result.bytesSent);
    assertNonDecreasing(calls);
    assert.deepEqual(calls[calls.length - 1], { sent: result.bytesSent, total });

    const info = engine
      .transcript(client.id)
      .entries()
      .filter((entry) => entry.kind === 'info')
      .map((entry) => [entry.code, entry.detail]);
    assert.deepEqual(info, [['CANCELLED', `send cancelled after ${result.bytesSent} of ${total} bytes`]]);
    assert.equal(engine.get(client.id)?.state, 'open', 'a cancelled send leaves the connection open');

    // A graceful close flushes what was handed over, then FIN: the peer counts exactly that.
    peer.release();
    await engine.close(client.id);
    assert.deepEqual(await peer.result, { total: result.bytesSent });
  });

  it('a send whose signal is already aborted sends nothing', async () => {
    const server = await engine.open('tcp-listen://127.0.0.1:0');
    const client = await engine.open(`tcp://127.0.0.1:${portOf(server)}`);
    const connection = await firstConnection(engine, server.id);
    const result = await engine.send(client.id, Buffer.from('never'), { signal: AbortSignal.abort() });
    assert.deepEqual(result, { bytesSent: 0, targets: 1, cancelled: true });
    await engine.send(client.id, Buffer.from('after'));
    assert.equal((await receive(engine, connection.id, 5)).toString(), 'after');
    await delay(20);
    assert.equal(engine.get(connection.id)?.stats.bytesIn, 5);
    assert.equal(engine.get(client.id)?.stats.bytesOut, 5);
  });

  it("sends to a server's 'all' connections with progress summed over them", async () => {
    const server = await engine.open('tcp-listen://127.0.0.1:0');
    const clients = [await engine.open(`tcp://127.0.0.1:${portOf(server)}`), await engine.open(`tcp://127.0.0.1:${portOf(server)}`)];
    await waitFor('2 connections', () => (engine.get(server.id)?.connections === 2 ? true : undefined));
    // Slow readers, so the send has to wait and report progress on the way.
    for (const client of clients) {
      engine.setReceiving(client.id, false);
    }
    const each = 8 * MiB;
    const payload = Buffer.alloc(each);
    for (let index = 0; index < each; index++) {
      payload[index] = (index * 7 + (index >> 13)) & 0xff;
    }
    const { calls, onProgress } = recorder();
    let finished = false;
    const sending = engine.send(server.id, payload, { onProgress }).then((result) => {
      finished = true;
      return result;
    });
    await delay(300);
    assert.equal(finished, false, 'paused readers hold the send back');
    for (const client of clients) {
      engine.setReceiving(client.id, true);
    }
    assert.deepEqual(await sending, { bytesSent: 2 * each, targets: 2, cancelled: false });
    assertNonDecreasing(calls);
    assert.ok(calls.every((call) => call.total === 2 * each), JSON.stringify(calls));
    assert.deepEqual(calls[calls.length - 1], { sent: 2 * each, total: 2 * each });
    assert.ok(calls.length >= 2, JSON.stringify(calls));
    assert.equal(engine.get(server.id)?.stats.bytesOut, 2 * each);
    for (const client of clients) {
      const received = await receive(engine, client.id, each, 10_000);
      assert.equal(received.length, each);
      assert.ok(received.equals(payload), 'every client receives the exact payload');
    }
  });

  it('an empty payload resolves at once with bytesSent 0, and the peer receives nothing', async () => {
    const server = await engine.open('tcp-listen://127.0.0.1:0');
    const client = await engine.open(`tcp://127.0.0.1:${portOf(server)}`);
    const connection = await firstConnection(engine, server.id);
    const { calls, onProgress } = recorder();
    assert.deepEqual(await engine.send(client.id, new Uint8Array(0), { onProgress }), { bytesSent: 0, targets: 1, cancelled: false });
    assert.deepEqual(calls, [{ sent: 0, total: 0 }], 'one final progress call');
    assert.deepEqual(await engine.send(server.id, new Uint8Array(0)), { bytesSent: 0, targets: 1, cancelled: false });
    await engine.send(client.id, Buffer.from([0x00]));
    assert.deepEqual(await receive(engine, connection.id, 1), Buffer.from([0x00]));
    await delay(20);
    assert.deepEqual(engine.get(connection.id)?.stats, { bytesIn: 1, bytesOut: 0, messagesIn: 1, messagesOut: 1 });
    assert.equal(engine.get(client.id)?.stats.bytesIn, 0);
    assert.equal(engine.get(client.id)?.stats.bytesOut, 1);
  });
});

/**
 * engine.sendNow: send() without a promise for an open stream socket and one chunk. Its bytes, entry
 * and counters must be send()'s, its errors send()'s rejections, and what it leaves to send() untouched.
 */
import * as assert from 'node:assert/strict';
import * as net from 'node:net';
import { EngineError, SocketEngine, type SendProgress, type TranscriptEntry } from '../../src/engine';
import { firstConnection, portOf, waitFor } from './helpers';

const MiB = 1024 * 1024;

interface RawPeer {
  readonly port: number;
  /** Everything each accepted socket received, in accept order. */
  readonly received: Buffer[][];
  readonly sockets: net.Socket[];
  close(): Promise<void>;
}

/** A plain node:net server that keeps what it reads: no engine on the far side. */
async function rawPeer(): Promise<RawPeer> {
  const received: Buffer[][] = [];
  const sockets: net.Socket[] = [];
  const server = net.createServer((socket) => {
    const chunks: Buffer[] = [];
    received.push(chunks);
    sockets.push(socket);
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    received,
    sockets,
    close: async () => {
      for (const socket of sockets) {
        socket.destroy();
      }
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

async function bytesOf(chunks: Buffer[], length: number): Promise<Buffer> {
  await waitFor(`${length} bytes at the peer`, () => (Buffer.concat(chunks).length >= length ? true : undefined));
  return Buffer.concat(chunks);
}

/** An entry without what differs from one send to the next (its seq, its times). */
function shape(entry: TranscriptEntry | undefined): Record<string, unknown> {
  assert.ok(entry !== undefined);
  const { seq: _seq, time: _time, mono: _mono, ...rest } = entry;
  return { ...rest, data: entry.data === undefined ? undefined : Buffer.from(entry.data).toString('hex') };
}

/** The error `run` throws, or the rejection of the promise it returns, as plain fields. */
async function failure(run: () => unknown): Promise<Record<string, unknown>> {
  try {
    await run();
  } catch (error) {
    assert.ok(error instanceof EngineError, String(error));
    return { code: error.code, message: error.message, data: error.data, socketId: error.socketId };
  }
  assert.fail('expected an EngineError');
}

function thrown(run: () => unknown): Record<string, unknown> {
  try {
    run();
  } catch (error) {
    assert.ok(error instanceof EngineError, String(error));
    return { code: error.code, message: error.message, data: error.data, socketId: error.socketId };
  }
  assert.fail('expected sendNow to throw');
}

describe('engine.sendNow: one chunk, sent before it returns, exactly as send()', function () {
  this.timeout(15_000);
  let engine: SocketEngine;
  let peer: RawPeer | undefined;
  beforeEach(() => {
    engine = new SocketEngine({ statsIntervalMs: 20 });
  });
  afterEach(async () => {
    await engine.dispose();
    await peer?.close();
    peer = undefined;
  });

  it("a client's bytes reach a raw peer exactly, with send()'s entry and counters", async () => {
    peer = await rawPeer();
    const client = await engine.open(`tcp://127.0.0.1:${peer.port}`);
    const first = Buffer.from([0x00, 0xff, 0x0d, 0x0a, 0x41, 0x80]);
    assert.deepEqual(engine.sendNow(client.id, first), { bytesSent: 6, targets: 1, cancelled: false });
    // Written already: the socket holds the bytes before any turn of the event loop.
    assert.deepEqual(engine.get(client.id)?.stats, { bytesIn: 0, bytesOut: 6, messagesIn: 0, messagesOut: 1 });
    assert.deepEqual(await engine.send(client.id, first), { bytesSent: 6, targets: 1, cancelled: false });
    assert.deepEqual(engine.get(client.id)?.stats, { bytesIn: 0, bytesOut: 12, messagesIn: 0, messagesOut: 2 });
    const out = engine.transcript(client.id).entries().filter((entry) => entry.kind === 'data');
    assert.equal(out.length, 2);
    assert.deepEqual(shape(out[0]), shape(out[1]));
    assert.deepEqual(shape(out[0]), { kind: 'data', direction: 'out', peer: `127.0.0.1:${peer.port}`, socketId: undefined, length: 6, data: first.toString('hex') });
    assert.ok(out[1].seq === out[0].seq + 1);
    // Exactly one chunk (1 MiB) is still sendNow's.
    const chunk = Buffer.alloc(MiB, 0x61);
    assert.deepEqual(engine.sendNow(client.id, chunk, { target: 'ignored by a client' }), { bytesSent: MiB, targets: 1, cancelled: false });
    assert.deepEqual(await bytesOf(peer.received[0], 12 + MiB), Buffer.concat([first, first, chunk]));
  });

  it("an accepted connection: its entry, its server's mirror and both sockets' counters are send()'s", async () => {
    const server = await engine.open('tcp-listen://127.0.0.1:0');
    const raw = net.connect(portOf(server), '127.0.0.1');
    const chunks: Buffer[] = [];
    raw.on('data', (chunk) => chunks.push(chunk));
    try {
      const connection = await firstConnection(engine, server.id);
      assert.deepEqual(engine.sendNow(connection.id, Buffer.from('now')), { bytesSent: 3, targets: 1, cancelled: false });
      assert.deepEqual(await engine.send(connection.id, Buffer.from('now')), { bytesSent: 3, targets: 1, cancelled: false });
      assert.equal((await bytesOf(chunks, 6)).toString(), 'nownow');
      const own = engine.transcript(connection.id).entries().filter((entry) => entry.kind === 'data');
      assert.deepEqual(shape(own[0]), shape(own[1]));
      const mirrored = engine.transcript(server.id).entries().filter((entry) => entry.kind === 'data');
      assert.deepEqual(shape(mirrored[0]), { ...shape(mirrored[1]), sourceSeq: own[0].seq });
      assert.deepEqual(mirrored.map((entry) => [entry.socketId, entry.sourceSeq]), [[connection.id, own[0].seq], [connection.id, own[1].seq]]);
      assert.deepEqual(engine.get(connection.id)?.stats, { bytesIn: 0, bytesOut: 6, messagesIn: 0, messagesOut: 2 });
      assert.deepEqual(engine.get(server.id)?.stats, { bytesIn: 0, bytesOut: 6, messagesIn: 0, messagesOut: 2 });
    } finally {
      raw.destroy();
    }
  });

  it("throws send()'s errors: an unknown id, a closed socket, a socket the peer reset", async () => {
    assert.deepEqual(thrown(() => engine.sendNow('s99', Buffer.from('x'))), await failure(() => engine.send('s99', Buffer.from('x'))));
    assert.equal(thrown(() => engine.sendNow('s99', Buffer.from('x'))).code, 'UNKNOWN_SOCKET');
    peer = await rawPeer();
    const client = await engine.open(`tcp://127.0.0.1:${peer.port}`);
    await engine.close(client.id, 'reset');
    const closed = thrown(() => engine.sendNow(client.id, Buffer.from('x')));
    assert.deepEqual(closed, await failure(() => engine.send(client.id, Buffer.from('x'))));
    assert.deepEqual(closed, { code: 'NOT_OPEN', message: `socket ${client.id} is closed, not open`, data: { reason: 'not-open', id: client.id, state: 'closed' }, socketId: client.id });
    // Neither recorded anything.
    assert.equal(engine.transcript(client.id).entries().filter((entry) => entry.kind === 'data').length, 0);
  });

  it('prefix=1: the spec\'s and a send\'s own, the same bytes as send(); its refusals are send()\'s', async () => {
    peer = await rawPeer();
    const client = await engine.open(`tcp://127.0.0.1:${peer.port}?framing=length&length=u16be&prefix=1`);
    assert.deepEqual(engine.sendNow(client.id, Buffer.from('hello')), { bytesSent: 7, targets: 1, cancelled: false });
    await engine.send(client.id, Buffer.from('hello'));
    assert.deepEqual(engine.sendNow(client.id, Buffer.from('raw'), { prefix: false }), { bytesSent: 3, targets: 1, cancelled: false });
    assert.equal((await bytesOf(peer.received[0], 17)).toString('latin1'), '\x00\x05hello\x00\x05hello' + 'raw');
    const out = engine.transcript(client.id).entries().filter((entry) => entry.kind === 'data');
    assert.deepEqual(shape(out[0]), shape(out[1]));
    assert.deepEqual(engine.get(client.id)?.stats, { bytesIn: 0, bytesOut: 17, messagesIn: 0, messagesOut: 3 });

    engine.setFraming(client.id, { framing: 'length', length: 'u8' });
    const tooLong = thrown(() => engine.sendNow(client.id, Buffer.alloc(256), { prefix: true }));
    assert.deepEqual(tooLong, await failure(() => engine.send(client.id, Buffer.alloc(256), { prefix: true })));
    assert.deepEqual(tooLong.data, { reason: 'prefix-too-long', length: 256, max: 255 });
    engine.setFraming(client.id, { framing: 'line' });
    const needsLength = thrown(() => engine.sendNow(client.id, Buffer.from('x'), { prefix: true }));
    assert.deepEqual(needsLength, await failure(() => engine.send(client.id, Buffer.from('x'), { prefix: true })));
    assert.equal(needsLength.code, 'INVALID_ARGUMENT');
    assert.equal((needsLength.data as { reason: string }).reason, 'prefix-needs-length');
  });

  it('leaves to send(), doing nothing: over 1 MiB (with its prefix too), a server, a UDP socket', async () => {
    peer = await rawPeer();
    const client = await engine.open(`tcp://127.0.0.1:${peer.port}?framing=length&length=u32be`);
    assert.equal(engine.sendNow(client.id, Buffer.alloc(MiB + 1)), undefined);
    // A payload of exactly one chunk is over it with its 4-byte prefix.
    assert.equal(engine.sendNow(client.id, Buffer.alloc(MiB), { prefix: true }), undefined);
    assert.equal(engine.transcript(client.id).entries().filter((entry) => entry.kind === 'data').length, 0);
    assert.deepEqual(engine.get(client.id)?.stats, { bytesIn: 0, bytesOut: 0, messagesIn: 0, messagesOut: 0 });
    const big = Buffer.alloc(2 * MiB, 0x62);
    assert.deepEqual(await engine.send(client.id, big), { bytesSent: 2 * MiB, targets: 1, cancelled: false });
    assert.ok((await bytesOf(peer.received[0], 2 * MiB)).equals(big));

    const server = await engine.open('tcp-listen://127.0.0.1:0');
    assert.equal(engine.sendNow(server.id, Buffer.from('x')), undefined);
    const udp = await engine.open('udp-listen://127.0.0.1:0');
    assert.equal(engine.sendNow(udp.id, Buffer.from('x'), { target: `127.0.0.1:${portOf(udp)}` }), undefined);
    assert.deepEqual(engine.get(udp.id)?.stats, { bytesIn: 0, bytesOut: 0, messagesIn: 0, messagesOut: 0 });
  });

  it("an aborted signal and onProgress as send() has them: nothing sent and a CANCELLED entry; one final progress call", async () => {
    peer = await rawPeer();
    const client = await engine.open(`tcp://127.0.0.1:${peer.port}`);
    const progress: SendProgress[] = [];
    assert.deepEqual(engine.sendNow(client.id, Buffer.from('never'), { signal: AbortSignal.abort(), onProgress: (sent) => progress.push(sent) }), { bytesSent: 0, targets: 1, cancelled: true });
    assert.deepEqual(await engine.send(client.id, Buffer.from('never'), { signal: AbortSignal.abort() }), { bytesSent: 0, targets: 1, cancelled: true });
    const live = new AbortController();
    assert.deepEqual(engine.sendNow(client.id, Buffer.from('sent'), { signal: live.signal, onProgress: (sent) => progress.push(sent) }), { bytesSent: 4, targets: 1, cancelled: false });
    assert.deepEqual(progress, [{ sent: 0, total: 5 }, { sent: 4, total: 4 }]);
    const infos = engine.transcript(client.id).entries().filter((entry) => entry.kind === 'info').map((entry) => [entry.code, entry.detail]);
    assert.deepEqual(infos, [['CANCELLED', 'send cancelled after 0 of 5 bytes'], ['CANCELLED', 'send cancelled after 0 of 5 bytes']]);
    assert.equal((await bytesOf(peer.received[0], 4)).toString(), 'sent');
    assert.deepEqual(engine.get(client.id)?.stats, { bytesIn: 0, bytesOut: 4, messagesIn: 0, messagesOut: 3 });
  });
});

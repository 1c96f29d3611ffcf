/**
 * The engine against an independent peer: python3 sockets written the way the socket primer teaches
 * (peers/peer.py). Bytes must cross exactly, and each side must see the other's address.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { SocketEngine, type TranscriptEntry } from '../../src/engine';
import { firstConnection, portOf, receive, waitFor } from './helpers';
import { startPythonPeer, type PythonPeer } from './peers/python';

const families = [
  { name: 'IPv4', number: 4, host: '127.0.0.1', bracketed: '127.0.0.1', family: 'IPv4' },
  { name: 'IPv6', number: 6, host: '::1', bracketed: '[::1]', family: 'IPv6' },
] as const;

/** Bytes that trip up text handling: NUL, 0xff, CR LF, then some text. */
const REQUEST = Buffer.from([0x00, 0xff, 0x0d, 0x0a, 0x68, 0x69]);
const REPLY = Buffer.from([0x0d, 0x0a, 0x00, 0xff, 0x6f, 0x6b]);

function kinds(engine: SocketEngine, id: string): string[] {
  return engine
    .transcript(id)
    .entries()
    .map((entry) => `${entry.kind}:${entry.direction ?? entry.code ?? ''}`);
}

async function datagram(engine: SocketEngine, id: string): Promise<TranscriptEntry> {
  await waitFor(`a datagram on ${id}`, () => ((engine.get(id)?.stats.messagesIn ?? 0) >= 1 ? true : undefined));
  const entry = engine
    .transcript(id)
    .entries()
    .find((candidate) => candidate.kind === 'data' && candidate.direction === 'in');
  assert.ok(entry);
  return entry;
}

describe('Interop with python3 peers', () => {
  let engine: SocketEngine;
  let peer: PythonPeer | undefined;
  let directory: string;
  beforeEach(() => {
    engine = new SocketEngine({ statsIntervalMs: 20 });
    directory = fs.mkdtempSync(path.join(os.tmpdir(), 'sw-interop-'));
  });
  afterEach(async () => {
    peer?.kill();
    peer = undefined;
    await engine.dispose();
    fs.rmSync(directory, { recursive: true, force: true });
  });

  for (const family of families) {
    it(`python TCP server (${family.name}) <- engine tcp:// client`, async () => {
      peer = startPythonPeer('tcp-server', { family: family.number, host: family.host, expect: REQUEST.length, reply: REPLY.toString('hex') });
      const port = Number(await peer.ready);
      const client = await engine.open(`tcp://${family.bracketed}:${port}`);
      assert.deepEqual(client.remote, { family: family.family, address: family.host, port });
      await engine.send(client.id, REQUEST);
      assert.deepEqual(await receive(engine, client.id, REPLY.length), REPLY);
      // The peer shuts down its side after replying; the engine answers with its own FIN.
      assert.deepEqual(await peer.result, { received: REQUEST.toString('hex'), peer: [family.host, portOf(client)] });
      await waitFor('client closed', () => (engine.get(client.id)?.state === 'closed' ? true : undefined));
      assert.deepEqual(kinds(engine, client.id), ['connect:', 'data:out', 'data:in', 'info:FIN', 'close:']);
    });

    it(`engine tcp-listen (${family.name}) <- python TCP client`, async () => {
      const server = await engine.open(`tcp-listen://${family.bracketed}:0`);
      peer = startPythonPeer('tcp-client', {
        family: family.number,
        host: family.host,
        port: portOf(server),
        send: REQUEST.toString('hex'),
        expect: REPLY.length,
      });
      const pythonPort = Number(await peer.ready);
      const connection = await firstConnection(engine, server.id);
      assert.deepEqual(connection.remote, { family: family.family, address: family.host, port: pythonPort });
      assert.deepEqual(await receive(engine, connection.id, REQUEST.length), REQUEST);
      await engine.send(server.id, REPLY, { target: connection.id });
      assert.deepEqual(await peer.result, { received: REPLY.toString('hex') });
      const peerLabel = `${family.bracketed}:${pythonPort}`;
      assert.deepEqual(
        engine.transcript(server.id).entries().slice(0, 4).map((entry) => [entry.kind, entry.direction, entry.peer]),
        [
          ['listen', undefined, undefined],
          ['accept', undefined, peerLabel],
          ['data', 'in', peerLabel],
          ['data', 'out', peerLabel],
        ],
      );
    });

    it(`python UDP server (${family.name}) <- engine udp:// client, and the reply comes back`, async () => {
      peer = startPythonPeer('udp-server', { family: family.number, host: family.host, reply: REPLY.toString('hex') });
      const port = Number(await peer.ready);
      const client = await engine.open(`udp://${family.bracketed}:${port}`);
      await engine.send(client.id, REQUEST);
      assert.deepEqual(await peer.result, { received: REQUEST.toString('hex'), peer: [family.host, portOf(client)] });
      const reply = await datagram(engine, client.id);
      assert.deepEqual(Buffer.from(reply.data ?? []), REPLY);
      assert.equal(reply.peer, `${family.bracketed}:${port}`);
      assert.deepEqual(engine.get(client.id)?.peers.map((known) => known.address), [{ family: family.family, address: family.host, port }]);
    });

    it(`engine udp-listen (${family.name}) <- python udp client (sendto), and the engine replies to the sender`, async () => {
      const receiver = await engine.open(`udp-listen://${family.bracketed}:0`);
      peer = startPythonPeer('udp-client', {
        family: family.number,
        host: family.host,
        port: portOf(receiver),
        send: REQUEST.toString('hex'),
        expect: 1,
      });
      const pythonPort = Number(await peer.ready);
      const request = await datagram(engine, receiver.id);
      assert.deepEqual(Buffer.from(request.data ?? []), REQUEST);
      assert.equal(request.peer, `${family.bracketed}:${pythonPort}`);
      const [sender] = engine.get(receiver.id)?.peers ?? [];
      assert.deepEqual([sender.address, sender.messages, sender.bytes], [{ family: family.family, address: family.host, port: pythonPort }, 1, REQUEST.length]);
      await engine.send(receiver.id, REPLY, { target: request.peer });
      assert.deepEqual(await peer.result, { received: REPLY.toString('hex') });
    });
  }

  it('python UNIX server <- engine unix:// client', async () => {
    const socketPath = path.join(directory, 'py-server.sock');
    peer = startPythonPeer('unix-server', { path: socketPath, expect: REQUEST.length, reply: REPLY.toString('hex') });
    assert.equal(await peer.ready, socketPath);
    const client = await engine.open(`unix://${socketPath}`);
    assert.deepEqual(client.remote, { family: 'unix', address: socketPath });
    await engine.send(client.id, REQUEST);
    assert.deepEqual(await receive(engine, client.id, REPLY.length), REPLY);
    assert.deepEqual(await peer.result, { received: REQUEST.toString('hex') });
    await waitFor('client closed', () => (engine.get(client.id)?.state === 'closed' ? true : undefined));
    assert.deepEqual(kinds(engine, client.id), ['connect:', 'data:out', 'data:in', 'info:FIN', 'close:']);
  });

  it('engine unix-listen <- python UNIX client', async () => {
    const socketPath = path.join(directory, 'engine-server.sock');
    const server = await engine.open(`unix-listen://${socketPath}`);
    peer = startPythonPeer('unix-client', { path: socketPath, send: REQUEST.toString('hex'), expect: REPLY.length });
    await peer.ready;
    const connection = await firstConnection(engine, server.id);
    assert.deepEqual(await receive(engine, connection.id, REQUEST.length), REQUEST);
    await engine.send(server.id, REPLY, { target: connection.id });
    assert.deepEqual(await peer.result, { received: REPLY.toString('hex') });
    await waitFor('connection forgotten', () => (engine.get(server.id)?.connections === 0 ? true : undefined));
    assert.deepEqual(
      engine.transcript(server.id).entries().map((entry) => [entry.kind, entry.direction ?? entry.code, entry.peer]),
      [
        ['listen', undefined, undefined],
        ['accept', undefined, '#1'],
        ['data', 'in', '#1'],
        ['data', 'out', '#1'],
        ['info', 'FIN', '#1'],
        ['close', undefined, '#1'],
      ],
    );
  });
});

/**
 * engine.onIncoming: a socket's incoming bytes handed straight to its listeners (a server's: every
 * connection's), as the transcript keeps them, for runners that do not need entry objects.
 */
import * as assert from 'node:assert/strict';
import { setListenerErrorSink, SocketEngine } from '../../src/engine';
import { firstConnection, portOf, waitFor } from './helpers';

interface Heard {
  readonly socketId: string;
  readonly text: string;
  readonly length: number;
  readonly peer: string | undefined;
}

function hear(into: Heard[], label = ''): (socketId: string, data: Uint8Array, length: number, peer: string | undefined) => void {
  return (socketId, data, length, peer) => into.push({ socketId: `${label}${socketId}`, text: Buffer.from(data).toString('latin1'), length, peer });
}

describe('engine.onIncoming', () => {
  let engine: SocketEngine;
  beforeEach(() => {
    engine = new SocketEngine();
  });
  afterEach(async () => {
    setListenerErrorSink(() => undefined);
    await engine.dispose();
  });

  it("gives a connection's bytes to its own listeners, then to its server's, named by the connection, with the peer", async () => {
    const server = await engine.open('tcp-listen://127.0.0.1:0');
    const heard: Heard[] = [];
    const serverTap = engine.onIncoming(server.id, hear(heard, 'server:'));
    const client = await engine.open(`tcp://127.0.0.1:${portOf(server)}`);
    const connection = await firstConnection(engine, server.id);
    engine.onIncoming(connection.id, hear(heard, 'own:'));
    const clientHeard: Heard[] = [];
    engine.onIncoming(client.id, hear(clientHeard));
    await engine.send(client.id, Buffer.from('hello\r\n'));
    await waitFor('both listeners', () => (heard.length === 2 ? true : undefined));
    const peer = `127.0.0.1:${client.local?.port}`;
    assert.deepEqual(heard, [
      { socketId: `own:${connection.id}`, text: 'hello\r\n', length: 7, peer },
      { socketId: `server:${connection.id}`, text: 'hello\r\n', length: 7, peer },
    ]);
    // Outgoing bytes are nobody's incoming: the client heard nothing of its own send.
    assert.deepEqual(clientHeard, []);
    await engine.send(connection.id, Buffer.from('back'));
    await waitFor('the reply at the client', () => (clientHeard.length === 1 ? true : undefined));
    assert.deepEqual(clientHeard, [{ socketId: client.id, text: 'back', length: 4, peer: `127.0.0.1:${portOf(server)}` }]);
    // The transcript records as before.
    assert.equal(engine.transcript(connection.id).entries().filter((entry) => entry.direction === 'in').length, 1);
    serverTap.dispose();
    await engine.send(client.id, Buffer.from('again'));
    await waitFor('the connection listener', () => (heard.length === 3 ? true : undefined));
    assert.equal(heard[2].socketId, `own:${connection.id}`, 'the disposed server listener heard nothing more');
  });

  it('hands over what the transcript keeps: cut at the capture limit, with the length that arrived', async () => {
    engine.setTranscriptLimits({ captureBytes: 4 });
    const server = await engine.open('tcp-listen://127.0.0.1:0');
    const heard: Heard[] = [];
    engine.onIncoming(server.id, hear(heard));
    const client = await engine.open(`tcp://127.0.0.1:${portOf(server)}`);
    await firstConnection(engine, server.id);
    await engine.send(client.id, Buffer.from('abcdefgh'));
    await waitFor('the chunk', () => (heard.reduce((sum, item) => sum + item.length, 0) === 8 ? true : undefined));
    assert.deepEqual(heard.map((item) => [item.text, item.length]), [['abcd', 8]]);
  });

  it('gives a framed connection one call per message, and keeps the same transcript as without a listener', async () => {
    const server = await engine.open('tcp-listen://127.0.0.1:0?framing=line');
    const heard: Heard[] = [];
    engine.onIncoming(server.id, hear(heard));
    const client = await engine.open(`tcp://127.0.0.1:${portOf(server)}`);
    const connection = await firstConnection(engine, server.id);
    await engine.send(client.id, Buffer.from('one\ntwo\r\nthr'));
    await engine.send(client.id, Buffer.from('ee\nfour\n'));
    await waitFor('four lines', () => (heard.length === 4 ? true : undefined));
    assert.deepEqual(heard.map((item) => item.text), ['one\n', 'two\r\n', 'three\n', 'four\n']);
    const kept = engine.transcript(connection.id).entries().filter((entry) => entry.direction === 'in');
    assert.deepEqual(kept.map((entry) => Buffer.from(entry.data ?? new Uint8Array()).toString('latin1')), ['one\n', 'two\r\n', 'three\n', 'four\n']);
  });

  it('gives a UDP socket each datagram with its sender', async () => {
    const receiver = await engine.open('udp-listen://127.0.0.1:0');
    const heard: Heard[] = [];
    engine.onIncoming(receiver.id, hear(heard));
    const client = await engine.open(`udp://127.0.0.1:${portOf(receiver)}`);
    await engine.send(client.id, Buffer.from([0, 1, 255]));
    await engine.send(client.id, Buffer.alloc(0));
    await waitFor('two datagrams', () => (heard.length === 2 ? true : undefined));
    const peer = `127.0.0.1:${client.local?.port}`;
    assert.deepEqual(heard, [
      { socketId: receiver.id, text: '\u0000\u0001\u00ff', length: 3, peer },
      { socketId: receiver.id, text: '', length: 0, peer },
    ]);
  });

  it('a listener that throws reaches the error sink, not the others or the socket', async () => {
    const failures: unknown[] = [];
    setListenerErrorSink((error) => failures.push(error));
    const receiver = await engine.open('udp-listen://127.0.0.1:0');
    engine.onIncoming(receiver.id, () => {
      throw new Error('listener bug');
    });
    const heard: Heard[] = [];
    engine.onIncoming(receiver.id, hear(heard));
    const client = await engine.open(`udp://127.0.0.1:${portOf(receiver)}`);
    await engine.send(client.id, Buffer.from('x'));
    await engine.send(client.id, Buffer.from('y'));
    await waitFor('both datagrams', () => (heard.length === 2 ? true : undefined));
    assert.deepEqual(heard.map((item) => item.text), ['x', 'y']);
    assert.deepEqual(failures.map((error) => (error as Error).message), ['listener bug', 'listener bug']);
    assert.equal(engine.get(receiver.id)?.state, 'open');
    assert.equal(engine.get(receiver.id)?.stats.messagesIn, 2);
  });

  it('refuses an unknown socket with UNKNOWN_SOCKET', () => {
    assert.throws(() => engine.onIncoming('s404', () => undefined), { code: 'UNKNOWN_SOCKET', message: 'no socket with id s404' });
  });
});

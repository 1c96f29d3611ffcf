/**
 * The peer's end of stream (FIN) as an engine event, against python3 peers that shut down their
 * write side: onDidEnd comes at the FIN, the transcript holds it as `info` FIN, and with
 * allowHalfOpen the socket stays open so the engine can still answer.
 */
import * as assert from 'node:assert/strict';
import { SocketEngine, type EndEvent } from '../../src/engine';
import { nextEvent, portOf, waitFor } from './helpers';
import { PEER_WAIT_MS, startHalfClosePeer as startPeer, type HalfClosePeer as Peer } from './peers/halfClose';

function transcriptKinds(engine: SocketEngine, id: string): string[] {
  return engine.transcript(id).entries().map((entry) => `${entry.kind}:${entry.direction ?? entry.code ?? ''}`);
}

describe('the peer ends its stream (FIN): onDidEnd', function () {
  this.timeout(30_000);
  let engine: SocketEngine;
  let peer: Peer | undefined;
  beforeEach(() => {
    engine = new SocketEngine();
  });
  afterEach(async () => {
    peer?.process.kill('SIGKILL');
    peer = undefined;
    await engine.dispose();
  });

  it('allowHalfOpen server: the FIN comes as an event while the connection stays open, and the answer still reaches the python client', async () => {
    const server = await engine.open('tcp-listen://127.0.0.1:0?allowHalfOpen=1');
    const events: string[] = [];
    engine.onDidChange((info) => info.parentId === server.id && events.push(`changed:${info.state}`));
    const ended = nextEvent(engine.onDidEnd, 'the FIN', () => true, PEER_WAIT_MS);
    engine.onDidEnd((event) => events.push(`end:${engine.get(event.socketId)?.state ?? 'gone'}`));
    peer = startPeer('client', portOf(server), 'hello');
    const connection = await waitFor(`a connection on ${server.id}`, () => engine.connections(server.id)[0], PEER_WAIT_MS);
    const event: EndEvent = await ended;
    assert.equal(event.socketId, connection.id);
    assert.equal(event.parentId, server.id);
    assert.deepEqual([event.entry.kind, event.entry.code, event.entry.detail, event.entry.peer], ['info', 'FIN', 'peer closed its sending side', `127.0.0.1:${connection.remote?.port}`]);
    assert.equal(engine.transcript(connection.id).at(event.entry.seq), event.entry);
    assert.equal(engine.get(connection.id)?.state, 'open');
    await engine.send(connection.id, Buffer.from('bye'));
    await engine.close(connection.id);
    assert.equal(await peer.line('RESULT'), Buffer.from('bye').toString('hex'));
    assert.deepEqual(events, ['end:open', 'changed:closing', 'changed:closed']);
    assert.deepEqual(transcriptKinds(engine, server.id).slice(1), ['accept:', 'data:in', 'info:FIN', 'data:out', 'close:']);
  });

  it('without allowHalfOpen, Node closes the connection after the FIN: the event comes first, then the close', async () => {
    const server = await engine.open('tcp-listen://127.0.0.1:0');
    const events: string[] = [];
    engine.onDidEnd((event) => events.push(`end:${event.socketId}`));
    engine.onDidRemove((event) => events.push(`removed:${event.id}`));
    const created = nextEvent(engine.onDidCreate, 'the accepted connection', (info) => info.parentId === server.id, PEER_WAIT_MS);
    peer = startPeer('client', portOf(server), 'hello');
    const connection = await created;
    assert.equal(await peer.line('RESULT'), '');
    await waitFor('the connection to be removed', () => (events.includes(`removed:${connection.id}`) ? true : undefined), PEER_WAIT_MS);
    assert.deepEqual(events, [`end:${connection.id}`, `removed:${connection.id}`]);
    assert.deepEqual(transcriptKinds(engine, server.id).slice(1), ['accept:', 'data:in', 'info:FIN', 'close:']);
  });

  it('allowHalfOpen client: a python server that shuts down its write side still receives what the engine sends after the FIN', async () => {
    peer = startPeer('server', 0, 'hi');
    const port = Number(await peer.line('READY'));
    const ended = nextEvent(engine.onDidEnd, 'the FIN', () => true, PEER_WAIT_MS);
    const client = await engine.open(`tcp://127.0.0.1:${port}?allowHalfOpen=1`);
    const event = await ended;
    assert.equal(event.socketId, client.id);
    assert.equal(event.parentId, undefined);
    assert.equal(engine.get(client.id)?.state, 'open');
    await engine.send(client.id, Buffer.from('after'));
    await engine.close(client.id);
    assert.equal(await peer.line('RESULT'), Buffer.from('after').toString('hex'));
    assert.deepEqual(transcriptKinds(engine, client.id), ['connect:', 'data:in', 'info:FIN', 'data:out', 'close:']);
  });
});

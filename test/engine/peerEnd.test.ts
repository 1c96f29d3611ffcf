/**
 * The peer's end of stream (FIN) as an engine event, against python3 peers that shut down their
 * write side: onDidEnd comes at the FIN, the transcript holds it as `info` FIN, and with
 * allowHalfOpen the socket stays open so the engine can still answer.
 */
import * as assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { SocketEngine, type EndEvent } from '../../src/engine';
import { nextEvent, portOf, waitFor } from './helpers';

// A client that sends, shuts down its write side, then reads to EOF; or a server that does the same
// for its one connection. Prints READY <port> (server), then RESULT <hex of everything it read>.
const PEER = `
import socket, sys
mode, port, send = sys.argv[1], int(sys.argv[2]), sys.argv[3].encode()
if mode == "server":
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)
    listener.settimeout(5)
    print("READY", listener.getsockname()[1], flush=True)
    conn, _ = listener.accept()
else:
    conn = socket.create_connection(("127.0.0.1", port), timeout=5)
conn.settimeout(5)
conn.sendall(send)
conn.shutdown(socket.SHUT_WR)
received = b""
while True:
    chunk = conn.recv(4096)
    if not chunk:
        break
    received += chunk
print("RESULT", received.hex(), flush=True)
`;

/** python3 starts slowly on a busy machine: the peer's waits get more time than the engine's. */
const PEER_WAIT_MS = 15_000;

interface Peer {
  readonly process: ChildProcess;
  readonly line: (prefix: string) => Promise<string>;
}

function startPeer(mode: 'client' | 'server', port: number, send: string): Peer {
  const child = spawn('python3', ['-c', PEER, mode, String(port), send], { stdio: ['ignore', 'pipe', 'inherit'] });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString('latin1')));
  const line = (prefix: string): Promise<string> =>
    waitFor(`the peer's ${prefix} line`, () => output.split('\n').find((candidate) => candidate.startsWith(`${prefix} `))?.slice(prefix.length + 1).trim(), PEER_WAIT_MS);
  return { process: child, line };
}

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

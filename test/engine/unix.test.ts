import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { EngineError, SocketEngine, type SocketInfo } from '../../src/engine';
import { startPythonPeer } from './peers/python';

// Compiled tests live in out/test/engine; the peer script stays in the source tree.
const PEER_SCRIPT = path.resolve(__dirname, '..', '..', '..', 'test', 'engine', 'peers', 'peer.py');
import { abstractNamesPadded } from '../../src/engine/unix';
import { nextEvent, receive, waitFor } from './helpers';

/** Kinds and codes of a transcript, as `kind:code` strings. */
function kinds(engine: SocketEngine, id: string): string[] {
  return engine
    .transcript(id)
    .entries()
    .map((entry) => `${entry.kind}:${entry.code ?? ''}`);
}

async function connectionCount(engine: SocketEngine, serverId: string, count: number): Promise<SocketInfo[]> {
  await waitFor(`${count} connections on ${serverId}`, () => (engine.get(serverId)?.connections === count ? true : undefined));
  return engine.connections(serverId);
}

async function closedState(engine: SocketEngine, id: string): Promise<void> {
  await waitFor(`${id} closed`, () => (engine.get(id)?.state === 'closed' ? true : undefined));
}

describe('UNIX stream sockets', function () {
  if (process.platform === 'win32') {
    return;
  }
  let engine: SocketEngine;
  let directory: string;
  beforeEach(() => {
    engine = new SocketEngine({ statsIntervalMs: 20 });
    directory = fs.mkdtempSync(path.join(os.tmpdir(), 'sw-unix-'));
  });
  afterEach(async () => {
    await engine.dispose();
    fs.rmSync(directory, { recursive: true, force: true });
  });

  const places = [
    { name: 'a filesystem path', abstract: false },
    { name: 'an abstract name', abstract: true },
  ];
  for (const place of places) {
    it(`round-trips exact bytes between unix-listen and a unix client over ${place.name}`, async function () {
      if (place.abstract && (process.platform !== 'linux' || abstractNamesPadded())) {
        // A padding runtime refuses @name (tested below).
        this.skip();
      }
      const address = place.abstract ? `@sw-test-${randomBytes(6).toString('hex')}` : path.join(directory, 'echo.sock');
      const server = await engine.open(`unix-listen://${address}`);
      assert.equal(server.kind, 'unix-server');
      assert.equal(server.state, 'listening');
      assert.deepEqual(server.triple, { domain: 'AF_UNIX', type: 'SOCK_STREAM', protocol: '0' });
      assert.deepEqual(server.local, { family: 'unix', address });
      assert.deepEqual(server.resolved, [address]);
      if (place.abstract) {
        assert.equal(fs.existsSync(address), false, 'an abstract name has no file');
      } else {
        assert.equal(fs.lstatSync(address).isSocket(), true);
      }

      const client = await engine.open(`unix://${address}`);
      assert.equal(client.kind, 'unix-client');
      assert.equal(client.state, 'open');
      assert.deepEqual(client.triple, { domain: 'AF_UNIX', type: 'SOCK_STREAM', protocol: '0' });
      assert.deepEqual(client.remote, { family: 'unix', address });
      assert.deepEqual(client.local, { family: 'unix', address: '' }, 'a client socket is unnamed');
      const [connection] = await connectionCount(engine, server.id, 1);
      assert.equal(connection.id, `${server.id}.1`);
      assert.equal(connection.kind, 'unix-connection');
      assert.equal(connection.parentId, server.id);
      assert.deepEqual(connection.local, { family: 'unix', address });
      assert.equal(connection.remote, undefined);
      assert.deepEqual(connection.triple, { domain: 'AF_UNIX', type: 'SOCK_STREAM', protocol: '0' });

      const request = Buffer.from([0x00, 0xff, 0x0d, 0x0a, 0x75, 0x6e, 0x69, 0x78]);
      assert.deepEqual(await engine.send(client.id, request), { bytesSent: 8, targets: 1, cancelled: false });
      assert.deepEqual(await receive(engine, connection.id, 8), request);
      const reply = Buffer.from([0xff, 0x00, 0x0a]);
      await engine.send(server.id, reply, { target: connection.id });
      assert.deepEqual(await receive(engine, client.id, 3), reply);

      assert.deepEqual(engine.get(client.id)?.stats, { bytesIn: 3, bytesOut: 8, messagesIn: 1, messagesOut: 1 });
      assert.deepEqual(engine.get(server.id)?.stats, { bytesIn: 8, bytesOut: 3, messagesIn: 1, messagesOut: 1 });
      const clientEntries = engine.transcript(client.id).entries();
      assert.deepEqual(clientEntries.map((entry) => [entry.kind, entry.direction, entry.peer]), [
        ['connect', undefined, address],
        ['data', 'out', address],
        ['data', 'in', address],
      ]);
      const serverEntries = engine.transcript(server.id).entries();
      assert.deepEqual(serverEntries.map((entry) => [entry.kind, entry.direction, entry.peer, entry.socketId]), [
        ['listen', undefined, undefined, undefined],
        ['accept', undefined, '#1', connection.id],
        ['data', 'in', '#1', connection.id],
        ['data', 'out', '#1', connection.id],
      ]);
      assert.equal(serverEntries[0].detail, address);
    });
  }

  it('labels accepted connections #1, #2 in the order they were accepted', async () => {
    const address = path.join(directory, 'two.sock');
    const server = await engine.open(`unix-listen://${address}`);
    const first = await engine.open(`unix://${address}`);
    await connectionCount(engine, server.id, 1);
    const second = await engine.open(`unix://${address}`);
    const connections = await connectionCount(engine, server.id, 2);
    assert.deepEqual(connections.map((connection) => connection.id), [`${server.id}.1`, `${server.id}.2`]);

    await engine.send(second.id, Buffer.from('two'));
    await receive(engine, connections[1].id, 3);
    await engine.send(first.id, Buffer.from('one'));
    await receive(engine, connections[0].id, 3);
    const data = engine
      .transcript(server.id)
      .entries()
      .filter((entry) => entry.kind !== 'listen')
      .map((entry) => [entry.kind, entry.peer, Buffer.from(entry.data ?? []).toString()]);
    assert.deepEqual(data, [
      ['accept', '#1', ''],
      ['accept', '#2', ''],
      ['data', '#2', 'two'],
      ['data', '#1', 'one'],
    ]);
    // Connections have their own transcripts, with their own label.
    assert.deepEqual(engine.transcript(connections[1].id).entries().map((entry) => [entry.kind, entry.peer]), [
      ['accept', '#2'],
      ['data', '#2'],
    ]);
  });

  it('removes the socket file when the server closes, so the path can be listened on again', async () => {
    const address = path.join(directory, 'gone.sock');
    const server = await engine.open(`unix-listen://${address}`);
    assert.equal(fs.lstatSync(address).isSocket(), true);
    await engine.close(server.id);
    assert.equal(engine.get(server.id)?.state, 'closed');
    assert.equal(fs.existsSync(address), false, 'libuv unlinks the file on close');
    const reopened = await engine.reopen(server.id);
    assert.equal(reopened.state, 'listening');
    assert.deepEqual(kinds(engine, server.id), ['listen:', 'close:', 'listen:']);
  });

  it('closing a server with live connections closes them too, and the clients see FIN', async () => {
    const address = path.join(directory, 'busy.sock');
    const server = await engine.open(`unix-listen://${address}`);
    const clients = [await engine.open(`unix://${address}`), await engine.open(`unix://${address}`)];
    const connections = await connectionCount(engine, server.id, 2);
    await engine.send(clients[0].id, Buffer.from('before'));
    await receive(engine, connections[0].id, 6);

    await engine.close(server.id);
    const serverInfo = engine.get(server.id) as SocketInfo;
    assert.equal(serverInfo.state, 'closed');
    assert.equal(serverInfo.connections, 0);
    assert.deepEqual(engine.connections(server.id), []);
    for (const connection of connections) {
      assert.equal(engine.get(connection.id), undefined, 'closed connections are forgotten');
    }
    assert.equal(fs.existsSync(address), false);
    for (const client of clients) {
      await closedState(engine, client.id);
    }
    assert.deepEqual(kinds(engine, clients[0].id), ['connect:', 'data:', 'info:FIN', 'close:']);
    assert.deepEqual(kinds(engine, clients[1].id), ['connect:', 'info:FIN', 'close:']);
    const serverKinds = kinds(engine, server.id);
    assert.deepEqual(serverKinds.slice(0, 4), ['listen:', 'accept:', 'accept:', 'data:']);
    assert.deepEqual(serverKinds.slice(4).sort(), ['close:', 'close:', 'close:', 'info:FIN', 'info:FIN']);
    assert.equal(serverKinds[serverKinds.length - 1], 'close:', "the server's own close comes last");
  });

  it("a 'reset' close of a UNIX server with a live connection destroys it; the client sees EOF", async () => {
    const address = path.join(directory, 'reset.sock');
    const server = await engine.open(`unix-listen://${address}`);
    const client = await engine.open(`unix://${address}`);
    const [connection] = await connectionCount(engine, server.id, 1);
    await engine.close(server.id, 'reset');
    assert.equal(engine.get(server.id)?.state, 'closed');
    assert.equal(engine.get(connection.id), undefined);
    assert.equal(fs.existsSync(address), false);
    await closedState(engine, client.id);
    assert.deepEqual(kinds(engine, client.id), ['connect:', 'info:FIN', 'close:']);
    // The connection's close carries its mode (an export writes RST for it), the server's own does not.
    assert.deepEqual(kinds(engine, server.id), ['listen:', 'accept:', 'close:', 'close:reset']);
  });

  it("closes a UNIX connection in every mode; 'reset' has no RST on UNIX sockets and destroys instead", async () => {
    const address = path.join(directory, 'modes.sock');
    const server = await engine.open(`unix-listen://${address}`);
    for (const mode of ['graceful', 'half', 'reset'] as const) {
      const client = await engine.open(`unix://${address}`);
      const [connection] = await connectionCount(engine, server.id, 1);
      const removed = nextEvent(engine.onDidRemove, `removal of ${connection.id}`, (event) => event.id === connection.id);
      await engine.close(client.id, mode);
      await closedState(engine, client.id);
      assert.deepEqual(await removed, { id: connection.id, parentId: server.id });
      const expected = {
        graceful: ['connect:', 'info:FIN', 'close:'],
        half: ['connect:', 'info:SHUT_WR', 'info:FIN', 'close:'],
        reset: ['connect:', 'close:reset'],
      }[mode];
      assert.deepEqual(kinds(engine, client.id), expected, mode);
      assert.equal(engine.get(client.id)?.error, undefined, mode);
    }
  });
});

describe('removeStale=1 re-checks the file in the same synchronous step as the unlink', function () {
  if (process.platform === 'win32') {
    return;
  }
  // The probe's connect is the async window: a file swapped in while it runs must survive.
  const nodeNet = createRequire(__filename)('node:net') as { connect: typeof net.connect };
  const originalConnect = nodeNet.connect;
  let engine: SocketEngine;
  let directory: string;
  beforeEach(() => {
    engine = new SocketEngine();
    directory = fs.mkdtempSync(path.join(os.tmpdir(), 'sw-stale-'));
  });
  afterEach(async () => {
    nodeNet.connect = originalConnect;
    await engine.dispose();
    fs.rmSync(directory, { recursive: true, force: true });
  });

  /** Runs `swap` right after the stale-file probe has connected (and been refused), before the engine looks again. */
  function swapDuringProbe(socketPath: string, swap: () => void): void {
    nodeNet.connect = ((...args: Parameters<typeof net.connect>) => {
      const socket = originalConnect(...args);
      const [options] = args as unknown as [{ readonly path?: unknown } | undefined];
      if (options?.path === socketPath) {
        nodeNet.connect = originalConnect;
        swap();
      }
      return socket;
    }) as typeof net.connect;
  }

  async function staleFile(name: string): Promise<string> {
    const socketPath = path.join(directory, name);
    const peer = startPythonPeer('unix-stale', { path: socketPath });
    assert.deepEqual(await peer.result, { stale: true });
    return socketPath;
  }

  it('a regular file swapped in meanwhile is not unlinked: EADDRINUSE, not a socket', async () => {
    const socketPath = await staleFile('swap-file.sock');
    swapDuringProbe(socketPath, () => {
      fs.unlinkSync(socketPath);
      fs.writeFileSync(socketPath, 'precious');
    });
    const error = await engine.open(`unix-listen://${socketPath}?removeStale=1`).then(() => assert.fail('listened'), (failure: unknown) => failure);
    assert.ok(error instanceof EngineError);
    assert.equal(error.code, 'EADDRINUSE');
    assert.equal(error.data.reason, 'unix-path-not-socket');
    assert.equal(fs.readFileSync(socketPath, 'utf8'), 'precious', 'the swapped-in file survives');
  });

  it('another socket file swapped in meanwhile (another inode) is not unlinked: EADDRINUSE', async () => {
    const socketPath = await staleFile('swap-socket.sock');
    let swappedInode = 0;
    swapDuringProbe(socketPath, () => {
      fs.unlinkSync(socketPath);
      // Synchronously, so the swap is done before the probe's answer arrives: python3 binds a new socket file.
      execFileSync('python3', [PEER_SCRIPT, 'unix-stale', '--path', socketPath]);
      swappedInode = fs.lstatSync(socketPath).ino;
    });
    const error = await engine.open(`unix-listen://${socketPath}?removeStale=1`).then(() => assert.fail('listened'), (failure: unknown) => failure);
    assert.ok(error instanceof EngineError);
    assert.equal(error.code, 'EADDRINUSE');
    assert.equal(error.data.reason, 'unix-path-in-use');
    assert.equal(error.message, `${socketPath} was replaced by another socket while it was checked`);
    assert.equal(fs.lstatSync(socketPath).ino, swappedInode, 'the swapped-in socket file survives');
  });

  it('the stale file itself is still removed, and the listen goes ahead', async () => {
    const socketPath = await staleFile('plain-stale.sock');
    const server = await engine.open(`unix-listen://${socketPath}?removeStale=1`);
    assert.equal(server.state, 'listening');
    assert.deepEqual(engine.transcript(server.id).entries().map((entry) => `${entry.kind}:${entry.code ?? ''}`), ['info:STALE_REMOVED', 'listen:']);
  });
});

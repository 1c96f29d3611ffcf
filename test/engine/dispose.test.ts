import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { EngineError, SocketEngine, setListenerErrorSink } from '../../src/engine';
import { delay, firstConnection, portOf, receive, waitFor } from './helpers';
import { startPythonPeer } from './peers/python';

/** libuv handles and requests that belong to sockets, as process.getActiveResourcesInfo() names them. */
const SOCKET_RESOURCES = new Set([
  'TCPServerWrap',
  'TCPSocketWrap',
  'TCPWrap',
  'UDPWrap',
  'PipeWrap',
  'PipeServerWrap',
  'PipeConnectWrap',
  'TCPConnectWrap',
  'ConnectWrap',
  'ShutdownWrap',
  'WriteWrap',
  'SendWrap',
]);

/** Counts of live socket resources per type (timers, which mocha owns, are left out). */
function socketResources(): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const type of process.getActiveResourcesInfo()) {
    if (SOCKET_RESOURCES.has(type)) {
      counts[type] = (counts[type] ?? 0) + 1;
    }
  }
  return counts;
}

/**
 * The socket resources once closing handles are released. Node emits a server's 'close' on the next
 * tick after uv_close(), and libuv releases the handle in its close phase, one loop turn later; so
 * this waits (at most a second) for the counts to come back to `expected`.
 */
async function settledResources(expected: Record<string, number>): Promise<Record<string, number>> {
  const same = (): boolean => JSON.stringify(socketResources()) === JSON.stringify(expected);
  await waitFor('socket handles to be released', () => (same() ? true : undefined), 1000).catch(() => undefined);
  return socketResources();
}

/**
 * The socket resources once they stop changing (three equal readings 20 ms apart, at most a second):
 * an earlier test's child process may still be releasing its pipes, which would count against this one.
 */
async function quietResources(): Promise<Record<string, number>> {
  let last = JSON.stringify(socketResources());
  let equal = 0;
  for (let tries = 0; tries < 50 && equal < 3; tries++) {
    await delay(20);
    const now = JSON.stringify(socketResources());
    equal = now === last ? equal + 1 : 0;
    last = now;
  }
  return socketResources();
}

describe('Disposing the engine, and an engine that never crashes the process', () => {
  let engine: SocketEngine;
  let directory: string;
  beforeEach(() => {
    engine = new SocketEngine({ statsIntervalMs: 20 });
    directory = fs.mkdtempSync(path.join(os.tmpdir(), 'sw-dispose-'));
  });
  afterEach(async () => {
    await engine.dispose();
    fs.rmSync(directory, { recursive: true, force: true });
  });

  it('dispose() closes one of every kind, with live connections and a send in flight, and leaves no handle behind', async () => {
    const before = await quietResources();
    const socketPath = path.join(directory, 'all.sock');

    const tcpServer = await engine.open('tcp-listen://127.0.0.1:0');
    const tcpClients = [];
    for (let index = 0; index < 3; index++) {
      tcpClients.push(await engine.open(`tcp://127.0.0.1:${portOf(tcpServer)}`));
    }
    await waitFor('3 connections', () => (engine.get(tcpServer.id)?.connections === 3 ? true : undefined));
    const udpListen = await engine.open('udp-listen://127.0.0.1:0');
    const udpClient = await engine.open(`udp://127.0.0.1:${portOf(udpListen)}`);
    await engine.send(udpClient.id, Buffer.from('u'));
    await waitFor('a datagram', () => (engine.get(udpListen.id)?.stats.messagesIn === 1 ? true : undefined));
    const unixServer = await engine.open(`unix-listen://${socketPath}`);
    const unixClient = await engine.open(`unix://${socketPath}`);
    const unixConnection = await firstConnection(engine, unixServer.id);
    await engine.send(unixClient.id, Buffer.from('x'));
    await receive(engine, unixConnection.id, 1);

    // A big send to a reader that has stopped reading: dispose must end it, not wait for it.
    const [firstConnectionOfTcp] = engine.connections(tcpServer.id);
    engine.setReceiving(firstConnectionOfTcp.id, false);
    const inFlight = engine.send(tcpClients.find((client) => client.local?.port === firstConnectionOfTcp.remote?.port)?.id ?? '', new Uint8Array(32 * 1024 * 1024));
    const inFlightOutcome = inFlight.then(
      (result) => ({ result }),
      (error: unknown) => ({ error }),
    );
    await delay(50);

    const during = socketResources();
    // 1 TCP server + 3 clients + 3 accepted, 2 UDP, 1 UNIX server + 1 client + 1 accepted.
    assert.equal((during.TCPServerWrap ?? 0) - (before.TCPServerWrap ?? 0), 1, JSON.stringify(during));
    assert.equal((during.TCPSocketWrap ?? 0) - (before.TCPSocketWrap ?? 0), 6, JSON.stringify(during));
    assert.equal((during.UDPWrap ?? 0) - (before.UDPWrap ?? 0), 2, JSON.stringify(during));
    assert.equal((during.PipeWrap ?? 0) + (during.PipeServerWrap ?? 0) - (before.PipeWrap ?? 0) - (before.PipeServerWrap ?? 0), 3, JSON.stringify(during));
    assert.equal(fs.lstatSync(socketPath).isSocket(), true);

    await engine.dispose();
    assert.deepEqual(await settledResources(before), before, 'every socket handle is closed once dispose() resolves');
    assert.equal(fs.existsSync(socketPath), false, 'the UNIX socket file is gone');
    assert.deepEqual(engine.list(), []);
    assert.equal(engine.get(tcpServer.id), undefined);

    const outcome = await Promise.race([inFlightOutcome, delay(2000).then(() => ({ hung: true }))]);
    assert.ok('error' in outcome, `the send in flight must fail, got ${JSON.stringify(outcome)}`);
    assert.ok(outcome.error instanceof EngineError);
    assert.equal(outcome.error.code, 'NOT_OPEN');
    assert.equal(outcome.error.message, 'the socket closed while a send was waiting for room');

    // Twice is fine; afterwards nothing opens.
    await engine.dispose();
    await assert.rejects(engine.open('tcp-listen://127.0.0.1:0'), (error: unknown) => {
      assert.ok(error instanceof EngineError);
      assert.equal(error.code, 'NOT_OPEN');
      assert.equal(error.message, 'the socket engine has been disposed');
      return true;
    });
    assert.throws(() => engine.add('udp://127.0.0.1:9'), (error: unknown) => error instanceof EngineError && error.code === 'NOT_OPEN');
    assert.deepEqual(socketResources(), before, 'a refused open creates no handle');
  });

  it('every close mode leaves no handle behind, without dispose', async () => {
    const before = await quietResources();
    const socketPath = path.join(directory, 'modes.sock');
    for (const [scheme, listen] of [
      ['tcp', 'tcp-listen://127.0.0.1:0'],
      ['unix', `unix-listen://${socketPath}`],
    ] as const) {
      const server = await engine.open(listen);
      // A reopened tcp-listen://…:0 gets a new ephemeral port.
      const target = (): string => (scheme === 'tcp' ? `tcp://127.0.0.1:${portOf(engine.get(server.id) ?? server)}` : `unix://${socketPath}`);
      for (const mode of ['graceful', 'half', 'reset'] as const) {
        const client = await engine.open(target());
        const connection = await firstConnection(engine, server.id);
        await engine.send(client.id, Buffer.from(mode));
        await receive(engine, connection.id, mode.length);
        await engine.close(client.id, mode);
        await waitFor(`${scheme} client closed after ${mode}`, () => (engine.get(client.id)?.state === 'closed' ? true : undefined));
        await waitFor(`${scheme} connection forgotten after ${mode}`, () => (engine.get(server.id)?.connections === 0 ? true : undefined));
      }
      // A server closed with a live connection, in each mode a server has.
      for (const mode of ['graceful', 'reset'] as const) {
        if (engine.get(server.id)?.state !== 'listening') {
          await engine.reopen(server.id);
        }
        const client = await engine.open(target());
        await firstConnection(engine, server.id);
        await engine.close(server.id, mode);
        // A TCP reset is an RST: the client fails with ECONNRESET. UNIX sockets have no RST: the client sees EOF.
        const expected = scheme === 'tcp' && mode === 'reset' ? 'error' : 'closed';
        const ended = await waitFor(`${scheme} client ${expected} after server ${mode}`, () => {
          const info = engine.get(client.id);
          return info?.state === 'closed' || info?.state === 'error' ? info : undefined;
        });
        assert.equal(ended.state, expected, `${scheme} ${mode}`);
        assert.equal(ended.error?.code, expected === 'error' ? 'ECONNRESET' : undefined);
      }
    }
    const receiver = await engine.open('udp-listen://127.0.0.1:0');
    const sender = await engine.open(`udp://127.0.0.1:${portOf(receiver)}`);
    await engine.close(sender.id, 'graceful');
    await engine.close(receiver.id, 'reset');
    const closing = await engine.open('tcp-listen://127.0.0.1:0');
    await engine.open(`tcp://127.0.0.1:${portOf(closing)}`);
    await engine.closeAll();

    assert.ok(engine.list().length > 0, 'closed sockets stay listed');
    const states = engine.list().map((info) => info.state);
    assert.deepEqual(new Set(states), new Set(['closed', 'error']), JSON.stringify(states));
    assert.deepEqual(await settledResources(before), before);
    assert.equal(fs.existsSync(socketPath), false);
  });

  it('socket errors after open are captured: no uncaught exception, no unhandled rejection', async () => {
    const uncaught: unknown[] = [];
    const onUncaught = (error: unknown): void => {
      uncaught.push(error);
    };
    process.on('uncaughtException', onUncaught);
    process.on('unhandledRejection', onUncaught);
    const listenerErrors: unknown[] = [];
    setListenerErrorSink((error) => listenerErrors.push(error));
    try {
      // A listener that throws must not reach the socket code.
      const subscription = engine.onData(() => {
        throw new Error('listener bug');
      });

      // A client reset by a python peer (SO_LINGER 0): ECONNRESET on the client.
      const peer = startPythonPeer('tcp-reset-after', { expect: 1 });
      const client = await engine.open(`tcp://127.0.0.1:${Number(await peer.ready)}`);
      await engine.send(client.id, Buffer.from('x'));
      await peer.result;
      const failed = await waitFor('client error', () => {
        const info = engine.get(client.id);
        return info?.state === 'error' ? info : undefined;
      });
      assert.equal(failed.error?.code, 'ECONNRESET');

      // An accepted connection reset by its client: the server records it and lives on.
      const server = await engine.open('tcp-listen://127.0.0.1:0');
      const raw = net.connect(portOf(server), '127.0.0.1');
      raw.on('error', () => undefined);
      await new Promise<void>((resolve) => raw.once('connect', () => resolve()));
      const connection = await firstConnection(engine, server.id);
      raw.write('y');
      await receive(engine, connection.id, 1);
      raw.resetAndDestroy();
      await waitFor('connection forgotten', () => (engine.get(server.id)?.connections === 0 ? true : undefined));
      const errors = engine
        .transcript(server.id)
        .entries()
        .filter((entry) => entry.kind === 'error')
        .map((entry) => [entry.code, entry.socketId]);
      assert.deepEqual(errors, [['ECONNRESET', connection.id]]);
      assert.equal(engine.get(server.id)?.state, 'listening');

      // Sending on the failed client is a typed rejection, not a crash.
      await assert.rejects(engine.send(client.id, Buffer.from('z')), (error: unknown) => error instanceof EngineError && error.code === 'NOT_OPEN');

      // The engine still works.
      const again = await engine.open(`tcp://127.0.0.1:${portOf(server)}`);
      const next = await waitFor('a new connection', () => engine.connections(server.id)[0]);
      await engine.send(again.id, Buffer.from('ok'));
      assert.equal((await receive(engine, next.id, 2)).toString(), 'ok');
      subscription.dispose();

      await delay(50);
      assert.deepEqual(uncaught, []);
      assert.ok(listenerErrors.length >= 3, `${listenerErrors.length} listener errors routed to the sink`);
      assert.ok(listenerErrors.every((error) => error instanceof Error && error.message === 'listener bug'));
    } finally {
      process.off('uncaughtException', onUncaught);
      process.off('unhandledRejection', onUncaught);
      setListenerErrorSink(() => undefined);
    }
  });
});

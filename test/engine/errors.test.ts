import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { EngineError, SOCKET_ERROR_REASONS, SocketEngine, type EngineErrorCode } from '../../src/engine';
import { delay, firstConnection, portOf, waitFor } from './helpers';
import { startPythonPeer } from './peers/python';

/** Runs `action`, expects an EngineError with this code, and returns it. */
async function expectEngineError(action: () => Promise<unknown>, code: EngineErrorCode): Promise<EngineError> {
  try {
    await action();
  } catch (error) {
    assert.ok(error instanceof EngineError, `expected an EngineError, got ${String(error)}`);
    assert.equal(error.code, code, `expected ${code}, got ${error.code}: ${error.message}`);
    return error;
  }
  assert.fail(`expected ${code}, but it succeeded`);
}

/** A port that was free a moment ago: nothing listens there now. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('Engine errors: a code, data, an error state, and a process that keeps running', () => {
  let engine: SocketEngine;
  let directory: string;
  beforeEach(() => {
    engine = new SocketEngine();
    directory = fs.mkdtempSync(path.join(os.tmpdir(), 'sw-errors-'));
  });
  afterEach(async () => {
    await engine.dispose();
    fs.rmSync(directory, { recursive: true, force: true });
  });

  it('ECONNREFUSED: nobody listens on the port', async () => {
    const port = await closedPort();
    const error = await expectEngineError(() => engine.open(`tcp://127.0.0.1:${port}`), 'ECONNREFUSED');
    assert.equal(error.data.address, '127.0.0.1');
    assert.equal(error.data.port, port);
    assert.ok(error.socketId);
    const info = engine.get(error.socketId);
    assert.equal(info?.state, 'error');
    assert.equal(info?.error?.code, 'ECONNREFUSED');
    assert.deepEqual(engine.transcript(error.socketId).entries().map((entry) => [entry.kind, entry.code]), [['error', 'ECONNREFUSED']]);
  });

  it('EADDRINUSE: a second listener on the same port', async () => {
    const first = await engine.open('tcp-listen://127.0.0.1:0');
    const error = await expectEngineError(() => engine.open(`tcp-listen://127.0.0.1:${portOf(first)}`), 'EADDRINUSE');
    assert.equal(error.data.port, String(portOf(first)));
    assert.equal(engine.get(first.id)?.state, 'listening', 'the first listener is untouched');
    assert.equal(engine.get(error.socketId ?? '')?.state, 'error');
  });

  it('EACCES: a port below 1024 for an unprivileged user', async function () {
    const script = `
      const { SocketEngine } = require(${JSON.stringify(path.resolve(__dirname, '../../src/engine'))});
      const engine = new SocketEngine();
      engine.open('tcp-listen://127.0.0.1:80').then(
        () => { console.log(JSON.stringify({ opened: true })); return engine.dispose(); },
        (error) => { console.log(JSON.stringify({ code: error.code, port: error.data.port, name: error.name })); return engine.dispose(); });`;
    let command: string[];
    if (process.getuid?.() === 0) {
      // As root every port is allowed: drop to nobody to meet the error a normal user meets.
      command = ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, '-e', script];
    } else {
      command = [process.execPath, '-e', script];
    }
    const run = spawnSync(command[0], command.slice(1), { encoding: 'utf8', timeout: 10_000, cwd: os.tmpdir() });
    if (run.error !== undefined) {
      console.log(`      skipped: cannot run an unprivileged process (${run.error.message})`);
      this.skip();
    }
    const result = JSON.parse(run.stdout.trim()) as Record<string, unknown>;
    if (result.opened === true) {
      console.log('      skipped: this system lets unprivileged users bind port 80');
      this.skip();
    }
    assert.deepEqual(result, { code: 'EACCES', port: '80', name: 'EngineError' });
  });

  it('EADDRNOTAVAIL: binding an address this machine does not have', async () => {
    // 192.0.2.1 is TEST-NET-1: never assigned, and bind() sends nothing.
    const error = await expectEngineError(() => engine.open('tcp-listen://192.0.2.1:0'), 'EADDRNOTAVAIL');
    assert.equal(error.data.address, '192.0.2.1');
  });

  it('ENOTFOUND: a name that cannot resolve (.invalid is reserved)', async () => {
    const error = await expectEngineError(() => engine.open('tcp://no-such-host.invalid:80'), 'ENOTFOUND');
    assert.equal(error.data.host, 'no-such-host.invalid');
    assert.equal(engine.get(error.socketId ?? '')?.state, 'error');
  });

  it('ETIMEDOUT: a listener whose accept queue is full drops the SYN', async () => {
    const blackhole = startPythonPeer('tcp-blackhole', { timeout: 10 });
    try {
      const port = Number(await blackhole.ready);
      const started = Date.now();
      const error = await expectEngineError(() => engine.open(`tcp://127.0.0.1:${port}?timeout=300`), 'ETIMEDOUT');
      assert.equal(error.data.timeout, 300);
      assert.equal(error.message, 'connect timed out after 300 ms');
      assert.ok(Date.now() - started < 3000);
      assert.equal(engine.get(error.socketId ?? '')?.state, 'error');
    } finally {
      blackhole.kill();
    }
  });

  it('ECONNRESET: the peer closes with SO_LINGER 0', async () => {
    const peer = startPythonPeer('tcp-reset-after', { expect: 1 });
    const port = Number(await peer.ready);
    const client = await engine.open(`tcp://127.0.0.1:${port}`);
    await engine.send(client.id, Buffer.from('x'));
    await peer.result;
    const info = await waitFor('error state', () => {
      const current = engine.get(client.id);
      return current?.state === 'error' ? current : undefined;
    });
    assert.equal(info.error?.code, 'ECONNRESET');
  });

  it('EPIPE: writing on after the peer has closed (allowHalfOpen keeps our side open)', async () => {
    const peer = startPythonPeer('tcp-close-after', { expect: 1 });
    const port = Number(await peer.ready);
    const client = await engine.open(`tcp://127.0.0.1:${port}?allowHalfOpen=1`);
    await engine.send(client.id, Buffer.from('x'));
    await peer.result;
    await waitFor('the FIN', () => engine.transcript(client.id).entries().find((entry) => entry.code === 'FIN'));
    assert.equal(engine.get(client.id)?.state, 'open', 'after the peer FIN a half-open socket can still send');
    // The first write draws a RST from the closed peer; the next one meets EPIPE.
    await engine.send(client.id, Buffer.from('a')).catch(() => undefined);
    await delay(50);
    await engine.send(client.id, Buffer.from('b')).catch(() => undefined);
    const info = await waitFor('error state', () => {
      const current = engine.get(client.id);
      return current?.state === 'error' ? current : undefined;
    });
    assert.equal(info.error?.code, 'EPIPE');
  });

  it('a paused reader lets the peer back up, and resumes', async () => {
    // Room for the whole payload, so the PAUSED/RESUMED entries are not evicted by the data.
    engine.setTranscriptLimits({ maxBytes: 64 * 1024 * 1024 });
    const server = await engine.open('tcp-listen://127.0.0.1:0');
    const client = await engine.open(`tcp://127.0.0.1:${portOf(server)}`);
    const connection = await firstConnection(engine, server.id);
    assert.equal(engine.setReceiving(connection.id, false).paused, true);
    const payload = new Uint8Array(32 * 1024 * 1024);
    let settled = false;
    const sending = engine.send(client.id, payload).then((result) => {
      settled = true;
      return result;
    });
    await delay(300);
    assert.equal(settled, false, 'a 32 MiB send cannot finish while the reader is paused');
    assert.ok((engine.get(connection.id)?.stats.bytesIn ?? 0) < payload.byteLength);
    engine.setReceiving(connection.id, true);
    assert.equal((await sending).bytesSent, payload.byteLength);
    await waitFor('all bytes', () => (engine.get(connection.id)?.stats.bytesIn === payload.byteLength ? true : undefined), 10_000);
    const codes = engine.transcript(connection.id).entries().filter((entry) => entry.kind === 'info').map((entry) => entry.code);
    assert.deepEqual(codes, ['PAUSED', 'RESUMED']);
  });

  it('ENOENT: a UNIX client to a path that does not exist', async () => {
    const missing = path.join(directory, 'missing.sock');
    const error = await expectEngineError(() => engine.open(`unix://${missing}`), 'ENOENT');
    assert.equal(error.data.path, missing);
  });

  it('UNIX_PATH_TOO_LONG: sun_path holds 107 bytes on Linux', async function () {
    if (process.platform !== 'linux') {
      this.skip();
    }
    const long = `/tmp/${'a'.repeat(103)}`;
    const error = await expectEngineError(() => engine.open(`unix-listen://${long}`), 'UNIX_PATH_TOO_LONG');
    assert.equal(error.data.bytes, 108);
    assert.equal(error.data.max, 107);
    assert.deepEqual(engine.list(), [], 'a spec error creates no socket');
  });

  it('STALE_UNIX_SOCKET: a socket file nobody listens on, removed on request', async () => {
    const socketPath = path.join(directory, 'stale.sock');
    const peer = startPythonPeer('unix-stale', { path: socketPath });
    assert.deepEqual(await peer.result, { stale: true });
    const error = await expectEngineError(() => engine.open(`unix-listen://${socketPath}`), 'STALE_UNIX_SOCKET');
    assert.equal(error.data.path, socketPath);
    assert.equal(error.message, `${socketPath} is a stale socket file (nobody listens on it); remove it or open with ?removeStale=1`);
    const server = await engine.open(`unix-listen://${socketPath}?removeStale=1`);
    assert.equal(server.state, 'listening');
    const kinds = engine.transcript(server.id).entries().map((entry) => `${entry.kind}:${entry.code ?? ''}`);
    assert.deepEqual(kinds, ['info:STALE_REMOVED', 'listen:']);
  });

  it('EADDRINUSE, not stale: a live UNIX listener keeps its file', async () => {
    const socketPath = path.join(directory, 'live.sock');
    await engine.open(`unix-listen://${socketPath}`);
    const error = await expectEngineError(() => engine.open(`unix-listen://${socketPath}?removeStale=1`), 'EADDRINUSE');
    assert.equal(error.message, `another process is listening on ${socketPath}`);
  });

  it('UNSUPPORTED: UNIX datagram sockets, refused clearly by open', async () => {
    const error = await expectEngineError(() => engine.open('unix-dgram:///tmp/x.sock'), 'UNSUPPORTED');
    assert.equal(
      error.message,
      'UNIX datagram sockets (AF_UNIX, SOCK_DGRAM) cannot be created by Node.js; use unix:// for a UNIX stream socket or udp:// for datagrams',
    );
    assert.deepEqual(engine.list(), []);
  });

  it('EMSGSIZE: a UDP datagram larger than 65,507 bytes; the socket stays open', async () => {
    const socket = await engine.open('udp-listen://127.0.0.1:0');
    const error = await expectEngineError(
      () => engine.send(socket.id, new Uint8Array(70_000), { target: `127.0.0.1:${portOf(socket)}` }),
      'EMSGSIZE',
    );
    assert.equal(error.data.bytes, 70_000);
    assert.equal(engine.get(socket.id)?.state, 'open');
  });

  it('NOT_OPEN and UNKNOWN_SOCKET: acting on the wrong socket', async () => {
    const server = await engine.open('tcp-listen://127.0.0.1:0');
    await engine.close(server.id);
    await expectEngineError(() => engine.send(server.id, Buffer.from('x')), 'NOT_OPEN');
    await expectEngineError(() => engine.send('s999', Buffer.from('x')), 'UNKNOWN_SOCKET');
    const listening = await engine.open('tcp-listen://127.0.0.1:0');
    await expectEngineError(() => engine.send(listening.id, Buffer.from('x')), 'NO_TARGET');
    await expectEngineError(() => engine.send(listening.id, Buffer.from('x'), { target: 's2.9' }), 'UNKNOWN_TARGET');
  });

  it("the engine's own refusals carry a data.reason the extension words them by", async () => {
    const reasons: Array<[string, string | undefined]> = [];
    const note = (error: EngineError): void => {
      reasons.push([error.code, typeof error.data.reason === 'string' ? error.data.reason : undefined]);
    };
    const server = await engine.open('tcp-listen://127.0.0.1:0');
    const udp = await engine.open('udp-listen://127.0.0.1:0');
    note(await expectEngineError(() => engine.send('s999', Buffer.from('x')), 'UNKNOWN_SOCKET'));
    note(await expectEngineError(() => engine.send(server.id, Buffer.from('x')), 'NO_TARGET'));
    note(await expectEngineError(() => engine.send(server.id, Buffer.from('x'), { target: 's2.9' }), 'UNKNOWN_TARGET'));
    note(await expectEngineError(() => engine.close(server.id, 'half'), 'UNSUPPORTED'));
    note(await expectEngineError(() => engine.reopen(server.id), 'INVALID_ARGUMENT'));
    note(await expectEngineError(async () => engine.membership(server.id, 'join', '239.1.2.3'), 'UNSUPPORTED'));
    note(await expectEngineError(async () => engine.setReceiving(udp.id, false), 'UNSUPPORTED'));
    note(await expectEngineError(() => engine.send(udp.id, Buffer.from('x')), 'NO_TARGET'));
    note(await expectEngineError(() => engine.send(udp.id, Buffer.from('x'), { target: '[::1]:9' }), 'EINVAL'));
    note(await expectEngineError(() => engine.close(udp.id, 'half'), 'UNSUPPORTED'));
    note(await expectEngineError(async () => engine.setConnectTimeout(0), 'INVALID_ARGUMENT'));
    note(await expectEngineError(async () => engine.setTranscriptLimits({ maxEntries: 0 }), 'INVALID_ARGUMENT'));
    note(await expectEngineError(async () => engine.setTranscriptLimits({ captureBytes: 2048, maxBytes: 1024 }), 'INVALID_ARGUMENT'));
    note(await expectEngineError(() => engine.open(`unix-dgram://${directory}/d.sock`), 'UNSUPPORTED'));
    await engine.close(server.id);
    note(await expectEngineError(() => engine.send(server.id, Buffer.from('x')), 'NOT_OPEN'));
    await engine.dispose();
    note(await expectEngineError(() => engine.open('tcp-listen://127.0.0.1:0'), 'NOT_OPEN'));
    assert.deepEqual(reasons, [
      ['UNKNOWN_SOCKET', 'socket-unknown'],
      ['NO_TARGET', 'no-connection'],
      ['UNKNOWN_TARGET', 'connection-unknown'],
      ['UNSUPPORTED', 'half-close-server'],
      ['INVALID_ARGUMENT', 'reopen-not-closed'],
      ['UNSUPPORTED', 'multicast-needs-udp'],
      ['UNSUPPORTED', 'pause-not-stream'],
      ['NO_TARGET', 'udp-no-peer'],
      ['EINVAL', 'target-family'],
      ['UNSUPPORTED', 'half-close-udp'],
      ['INVALID_ARGUMENT', 'connect-timeout-invalid'],
      ['INVALID_ARGUMENT', 'transcript-limit'],
      ['INVALID_ARGUMENT', 'capture-over-budget'],
      ['UNSUPPORTED', 'unix-dgram-unsupported'],
      ['NOT_OPEN', 'not-open'],
      ['NOT_OPEN', 'engine-disposed'],
    ]);
    assert.ok(reasons.every(([, reason]) => SOCKET_ERROR_REASONS.some((known) => known === reason)));
  });

  it('CANCELLED: a connect in progress stops when asked', async () => {
    const blackhole = startPythonPeer('tcp-blackhole', { timeout: 10 });
    try {
      const port = Number(await blackhole.ready);
      const controller = new AbortController();
      setTimeout(() => controller.abort(), 100);
      const error = await expectEngineError(() => engine.open(`tcp://127.0.0.1:${port}?timeout=5000`, { signal: controller.signal }), 'CANCELLED');
      assert.equal(engine.get(error.socketId ?? '')?.state, 'closed');
    } finally {
      blackhole.kill();
    }
  });
});

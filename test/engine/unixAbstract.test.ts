/**
 * Linux abstract UNIX names (`@name`) against independent peers: socat's ABSTRACT-LISTEN and
 * ABSTRACT-CONNECT and python3's `b'\0name'`, which pass the name's own length. Node before 22
 * (libuv < 1.48) binds and connects with the whole 108-byte sun_path instead, so the kernel's name
 * is `name` plus NUL padding and no other program can reach it: there the engine refuses `@name`
 * with a clear error rather than create such a socket. /proc/net/unix shows what the kernel holds.
 */
import * as assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as net from 'node:net';
import { EngineError, SocketEngine } from '../../src/engine';
import { abstractNamesPadded } from '../../src/engine/unix';
import { receive, waitFor } from './helpers';
import { startPythonPeer } from './peers/python';

/** Abstract names the kernel holds whose text starts with `name`, as /proc/net/unix prints them (NUL as '@'). */
function kernelNames(name: string): string[] {
  return fs
    .readFileSync('/proc/net/unix', 'utf8')
    .split('\n')
    .map((line) => line.trim().split(/\s+/)[7] ?? '')
    .filter((entry) => entry.startsWith(`@${name}`));
}

function uniqueName(): string {
  return `sw-abstract-${randomBytes(5).toString('hex')}`;
}

interface Socat {
  readonly child: ChildProcess;
  output(): Buffer;
  readonly exited: Promise<number | null>;
}

/** socat with a bounded life: killed after 15 s, and by the test's afterEach. */
function startSocat(args: readonly string[], started: Socat[]): Socat {
  const child = spawn('socat', ['-T', '10', ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
  const chunks: Buffer[] = [];
  child.stdout?.on('data', (chunk: Buffer) => chunks.push(chunk));
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => {
    clearTimeout(timer);
    resolve(code);
  }));
  const socat = { child, output: () => Buffer.concat(chunks), exited };
  started.push(socat);
  return socat;
}

describe('abstract UNIX names (@name) with socat and python3', function () {
  if (process.platform !== 'linux') {
    return;
  }
  let engine: SocketEngine;
  const socats: Socat[] = [];
  beforeEach(() => {
    engine = new SocketEngine({ statsIntervalMs: 20 });
  });
  afterEach(async () => {
    for (const socat of socats.splice(0)) {
      socat.child.kill('SIGKILL');
    }
    await engine.dispose();
  });

  it(`the runtime check is right for Node ${process.version} (libuv ${process.versions.uv}): padded exactly when /proc/net/unix shows padding`, async () => {
    const name = uniqueName();
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(`\0${name}`, resolve));
    try {
      const [entry] = kernelNames(name);
      assert.ok(entry !== undefined, 'the raw Node listener is in /proc/net/unix');
      assert.equal(entry !== `@${name}`, abstractNamesPadded(), `kernel name ${JSON.stringify(entry)}`);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
    assert.equal(abstractNamesPadded('1.46.0'), true);
    assert.equal(abstractNamesPadded('1.47.9'), true);
    assert.equal(abstractNamesPadded('1.48.0'), false);
    assert.equal(abstractNamesPadded('1.51.0'), false);
  });

  describe('on a runtime that pads: refused, and nothing is created', function () {
    before(function () {
      if (!abstractNamesPadded()) {
        this.skip();
      }
    });

    for (const scheme of ['unix-listen', 'unix']) {
      it(`${scheme}://@name is refused with UNSUPPORTED unix-abstract-padded`, async () => {
        const name = uniqueName();
        const error = await engine.open(`${scheme}://@${name}`).then(
          () => assert.fail('opened'),
          (failure: unknown) => failure,
        );
        assert.ok(error instanceof EngineError);
        assert.equal(error.code, 'UNSUPPORTED');
        assert.deepEqual(error.data, { reason: 'unix-abstract-padded', path: `@${name}`, runtime: process.version, libuv: process.versions.uv });
        assert.equal(
          error.message,
          `abstract socket name '@${name}' needs Node.js 22 or later: Node.js ${process.version} (libuv ${process.versions.uv}) pads it with NUL bytes, so no other program could reach it`,
        );
        const [info] = engine.list();
        assert.equal(info.state, 'error');
        assert.equal(info.error?.data.reason, 'unix-abstract-padded');
        assert.deepEqual(kernelNames(name), [], 'no padded socket was created');
      });
    }
  });

  describe('on a runtime that does not pad: socat and python3 reach the engine, and the engine reaches them', function () {
    before(function () {
      if (abstractNamesPadded()) {
        this.skip();
      }
    });

    it('unix-listen://@name holds exactly @name, and socat ABSTRACT-CONNECT talks to it both ways', async () => {
      const name = uniqueName();
      const server = await engine.open(`unix-listen://@${name}`);
      assert.deepEqual(kernelNames(name), [`@${name}`], 'no NUL padding');
      const socat = startSocat(['-', `ABSTRACT-CONNECT:${name}`], socats);
      socat.child.stdin?.write(Buffer.from([0x00, 0xff, 0x0a, 0x73]));
      await waitFor('the socat connection', () => (engine.get(server.id)?.connections === 1 ? true : undefined));
      const [connection] = engine.connections(server.id);
      assert.deepEqual(await receive(engine, connection.id, 4), Buffer.from([0x00, 0xff, 0x0a, 0x73]));
      await engine.send(server.id, Buffer.from('pong\n'), { target: connection.id });
      await waitFor('the reply at socat', () => (socat.output().toString() === 'pong\n' ? true : undefined));
      socat.child.stdin?.end();
      assert.equal(await socat.exited, 0);
    });

    it('unix://@name reaches socat ABSTRACT-LISTEN, both ways', async () => {
      const name = uniqueName();
      const socat = startSocat([`ABSTRACT-LISTEN:${name}`, '-'], socats);
      await waitFor('socat to listen', () => (kernelNames(name).length > 0 ? true : undefined), 10_000);
      const client = await engine.open(`unix://@${name}`);
      assert.equal(client.state, 'open');
      assert.deepEqual(client.remote, { family: 'unix', address: `@${name}` });
      await engine.send(client.id, Buffer.from('hello socat\n'));
      await waitFor('the bytes at socat', () => (socat.output().toString() === 'hello socat\n' ? true : undefined));
      socat.child.stdin?.write('hello engine\n');
      assert.equal((await receive(engine, client.id, 13)).toString(), 'hello engine\n');
      await engine.close(client.id);
    });

    it("python3 connect(b'\\0name') reaches unix-listen://@name, and unix://@name reaches python3 bind(b'\\0name')", async () => {
      const name = uniqueName();
      const server = await engine.open(`unix-listen://@${name}`);
      const client = startPythonPeer('unix-client', { path: `@${name}`, send: '00ff0d0a', expect: 2 });
      await client.ready;
      await waitFor('the python connection', () => (engine.get(server.id)?.connections === 1 ? true : undefined));
      const [connection] = engine.connections(server.id);
      assert.deepEqual(await receive(engine, connection.id, 4), Buffer.from([0x00, 0xff, 0x0d, 0x0a]));
      await engine.send(server.id, Buffer.from([0x6f, 0x6b]), { target: connection.id });
      assert.deepEqual(await client.result, { received: '6f6b' });

      const other = uniqueName();
      const peer = startPythonPeer('unix-server', { path: `@${other}`, expect: 3, reply: 'beef' });
      await peer.ready;
      const outgoing = await engine.open(`unix://@${other}`);
      await engine.send(outgoing.id, Buffer.from('abc'));
      assert.deepEqual(await receive(engine, outgoing.id, 2), Buffer.from([0xbe, 0xef]));
      assert.deepEqual(await peer.result, { received: '616263' });
    });
  });
});

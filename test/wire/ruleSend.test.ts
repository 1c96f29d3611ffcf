/**
 * Rule replies and section send steps sent at once (engine.sendNow) and through send() when they
 * cannot be: the order the peer reads them in, and the errors of sending to a closed connection.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { SocketEngine, type SocketInfo } from '../../src/engine';
import { attachRulesText, runWire, type RuleBinding, type RuleEvent } from '../../src/wire';
import { temporaryDirectory, waitUntil, wire } from './helpers';

const MiB = 1024 * 1024;

interface RawClient {
  readonly socket: net.Socket;
  readonly received: () => Buffer;
  readonly closed: Promise<void>;
}

async function connect(listener: SocketInfo): Promise<RawClient> {
  const socket = net.connect(listener.local?.port ?? 0, '127.0.0.1');
  const chunks: Buffer[] = [];
  socket.on('data', (chunk: Buffer) => chunks.push(chunk));
  socket.on('error', () => undefined);
  const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('error', reject);
  });
  return { socket, received: () => Buffer.concat(chunks), closed };
}

function attach(engine: SocketEngine, listener: SocketInfo, rules: string, events: RuleEvent[], baseDirectory?: string): RuleBinding {
  const attached = attachRulesText(engine, listener.id, rules, { onEvent: (event) => events.push(event), baseDirectory });
  assert.ok(attached.ok, attached.ok ? '' : attached.errors.map((error) => error.message).join('\n'));
  return attached.binding;
}

describe('wire: rule replies and send steps sent at once, in order, with the same errors', function () {
  this.timeout(20_000);
  let engine: SocketEngine;
  let directory: string;
  const clients: net.Socket[] = [];
  beforeEach(() => {
    engine = new SocketEngine();
    directory = temporaryDirectory('sw-wire-rule-send-');
  });
  afterEach(async () => {
    for (const client of clients.splice(0)) {
      client.destroy();
    }
    await engine.dispose();
    fs.rmSync(directory, { recursive: true, force: true });
  });

  it("a 2 MiB reply, then a 5-byte one, then the next hit's reply: the peer reads them in that order", async () => {
    const big = Buffer.alloc(2 * MiB);
    for (let index = 0; index < big.length; index++) {
      big[index] = (index * 31 + (index >> 11)) & 0xff;
    }
    fs.writeFileSync(path.join(directory, 'big.bin'), big);
    const listener = await engine.open('tcp-listen://127.0.0.1:0');
    const events: RuleEvent[] = [];
    const binding = attach(engine, listener, 'on "A"\n  reply file big.bin\n  reply "tail!"\non "B"\n  reply "bee"\n', events, directory);
    const client = await connect(listener);
    clients.push(client.socket);
    // Both requests in one write: the second hit comes right after the first's big reply.
    client.socket.write('AB');
    const expected = Buffer.concat([big, Buffer.from('tail!bee')]);
    await waitUntil('every reply', () => client.received().length >= expected.length, 10_000);
    assert.ok(client.received().equals(expected), 'the exact bytes, in order');
    assert.deepEqual(binding.hits, [1, 1]);
    assert.equal(binding.errors, 0);
    const connection = engine.connections(listener.id)[0];
    const out = engine.transcript(connection.id).entries().filter((entry) => entry.kind === 'data' && entry.direction === 'out');
    assert.deepEqual(out.map((entry) => entry.length), [2 * MiB, 5, 3]);
    assert.deepEqual(engine.get(connection.id)?.stats, { bytesIn: 2, bytesOut: 2 * MiB + 8, messagesIn: 1, messagesOut: 3 });
  });

  it('pipelined requests in one read: each answered in turn, with its capture and its count', async () => {
    const listener = await engine.open('tcp-listen://127.0.0.1:0');
    const events: RuleEvent[] = [];
    const binding = attach(engine, listener, 'on /^GET (?<n>\\d+)\\n/\n  reply "OK {{n}} #{{counter}}\\n"\n  reply "."\n', events);
    const client = await connect(listener);
    clients.push(client.socket);
    const count = 200;
    client.socket.write(Array.from({ length: count }, (_, index) => `GET ${index}\n`).join(''));
    const expected = Array.from({ length: count }, (_, index) => `OK ${index} #${index + 1}\n.`).join('');
    await waitUntil('every reply', () => client.received().length >= expected.length);
    assert.equal(client.received().toString(), expected);
    assert.deepEqual(binding.hits, [count]);
    assert.deepEqual(events.map((event) => event.type === 'hit' && event.hits), Array.from({ length: count }, (_, index) => index + 1));
  });

  it('a reply to a connection the peer closed: the same error event, and nothing more is answered', async () => {
    const listener = await engine.open('tcp-listen://127.0.0.1:0');
    const events: RuleEvent[] = [];
    // After the wait the connection has closed (a reply after an action that waited); `on closed` replies to a closed one at once.
    const binding = attach(engine, listener, 'on "req"\n  wait 300ms\n  reply "late"\n  reply "later"\non closed\n  reply "never"\n', events);
    const client = await connect(listener);
    clients.push(client.socket);
    const port = client.socket.localPort;
    client.socket.end('req');
    await client.closed;
    await waitUntil('the rule error', () => events.some((event) => event.type === 'error'));
    const connection = events.find((event) => event.type === 'hit')?.socketId ?? '';
    await waitUntil('the connection closed', () => engine.get(connection) === undefined);
    // Nothing else comes: no `later`, no `on closed` after the failure.
    await new Promise((resolve) => setTimeout(resolve, 100));
    assert.deepEqual(events, [
      { type: 'hit', rule: 0, line: 1, socketId: connection, peer: `127.0.0.1:${port}`, bytes: 3, hits: 1 },
      // A closed accepted connection is forgotten: by then its id is unknown.
      {
        type: 'error',
        rule: 0,
        line: 1,
        socketId: connection,
        error: { code: 'ENGINE', message: `no socket with id ${connection}`, data: { reason: 'engine', id: connection, engineCode: 'UNKNOWN_SOCKET', engineReason: 'socket-unknown' } },
      },
    ]);
    assert.equal(binding.errors, 1);
    assert.equal(client.received().length, 0);

    // `on closed` with a reply: the reply fails at once, reported the same way.
    const second = await engine.open('tcp-listen://127.0.0.1:0');
    const closedEvents: RuleEvent[] = [];
    attach(engine, second, 'on closed\n  reply "gone"\n', closedEvents);
    const other = await connect(second);
    clients.push(other.socket);
    const otherPort = other.socket.localPort;
    other.socket.end();
    await waitUntil('the rule error', () => closedEvents.some((event) => event.type === 'error'));
    const id = closedEvents[0]?.socketId ?? '';
    assert.deepEqual(closedEvents, [
      { type: 'hit', rule: 0, line: 1, socketId: id, peer: `127.0.0.1:${otherPort}`, bytes: 0, hits: 1 },
      {
        type: 'error',
        rule: 0,
        line: 1,
        socketId: id,
        error: { code: 'ENGINE', message: `socket ${id} is closed, not open`, data: { reason: 'engine', id, state: 'closed', engineCode: 'NOT_OPEN', engineReason: 'not-open' } },
      },
    ]);
  });

  it("a section's send steps: at once, 2 MiB through send(), in order; a send after close fails as before", async () => {
    const big = Buffer.alloc(2 * MiB, 0x7a);
    fs.writeFileSync(path.join(directory, 'big.bin'), big);
    const chunks: Buffer[] = [];
    const peer = net.createServer((socket) => socket.on('data', (chunk: Buffer) => chunks.push(chunk)));
    await new Promise<void>((resolve) => peer.listen(0, '127.0.0.1', resolve));
    try {
      const port = (peer.address() as net.AddressInfo).port;
      const result = await runWire(wire(`
### sends
open tcp://127.0.0.1:{{port}}
repeat 3
  send "n{{i}}"
end
send file big.bin
send "end"
close
send "after close"
`), { variables: { port: String(port) }, baseDirectory: directory });
      const steps = result.sections[0].steps;
      assert.deepEqual(steps.map((step) => [step.kind, step.outcome, step.bytes]), [
        ['open', 'passed', 0],
        ['send', 'passed', 2],
        ['send', 'passed', 2],
        ['send', 'passed', 2],
        ['send', 'passed', 2 * MiB],
        ['send', 'passed', 3],
        ['close', 'passed', 0],
        ['send', 'failed', 0],
      ]);
      const failed = steps[steps.length - 1];
      const id = result.sections[0].socketIds[0];
      assert.equal(failed.message, `socket ${id} is closed, not open`);
      assert.deepEqual(failed.error?.data, { reason: 'engine', id, state: 'closed', engineCode: 'NOT_OPEN', engineReason: 'not-open' });
      const expected = Buffer.concat([Buffer.from('n0n1n2'), big, Buffer.from('end')]);
      await waitUntil('every byte', () => Buffer.concat(chunks).length >= expected.length);
      assert.ok(Buffer.concat(chunks).equals(expected), 'the exact bytes, in order');
    } finally {
      await new Promise<void>((resolve) => peer.close(() => resolve()));
    }
  });
});

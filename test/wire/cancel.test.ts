import * as assert from 'node:assert/strict';
import { SocketEngine } from '../../src/engine';
import { runWire, serveWire } from '../../src/wire';
import { killPeers, startPython, waitUntil, wire } from './helpers';

/** libuv handles and requests that belong to sockets, as process.getActiveResourcesInfo() names them. */
const SOCKET_RESOURCES = new Set(['TCPServerWrap', 'TCPSocketWrap', 'TCPWrap', 'UDPWrap', 'PipeWrap', 'PipeServerWrap', 'PipeConnectWrap', 'TCPConnectWrap', 'ConnectWrap', 'ShutdownWrap', 'WriteWrap', 'SendWrap']);

function socketResources(): string {
  const counts: Record<string, number> = {};
  for (const type of process.getActiveResourcesInfo()) {
    if (SOCKET_RESOURCES.has(type)) {
      counts[type] = (counts[type] ?? 0) + 1;
    }
  }
  return JSON.stringify(Object.entries(counts).sort());
}

/** Waits (at most a second) for libuv to release closing handles, then compares. */
async function assertResources(expected: string): Promise<void> {
  await waitUntil('socket handles to be released', () => socketResources() === expected, 1000).catch(() => undefined);
  assert.equal(socketResources(), expected);
}

const SECTIONS = [
  '### busy',
  'listen tcp-listen://127.0.0.1:0 as server',
  'on any',
  '  reply "ok"',
  'open tcp://127.0.0.1:{{server.port}} as client',
  'open tcp://127.0.0.1:{{port}} as echo',
  'listen udp-listen://127.0.0.1:0 as udp',
  'use client',
  'send "x"',
  'expect "ok"',
  'use echo',
  'expect "never" within 30s',
  '### after',
  'wait 1ms',
].join('\n');

describe('wire runner: a cancelled run leaves no handle', function () {
  this.timeout(30_000);
  afterEach(() => killPeers());

  it('aborting during an expect closes every socket of the section, and the later sections do not run', async () => {
    const peer = startPython('echo');
    const port = await peer.ready;
    // The python child's pipes are handles too: the baseline is taken with the peer running.
    const before = socketResources();
    const stop = new AbortController();
    const started = Date.now();
    const result = await runWire(wire(SECTIONS), {
      variables: { port },
      signal: stop.signal,
      onEvent: (event) => {
        if (event.type === 'step-start' && event.step.text === 'expect "never" within 30s') {
          setTimeout(() => stop.abort(), 50);
        }
      },
    });
    assert.ok(Date.now() - started < 10_000, 'the abort ended the 30 s expect');
    assert.deepEqual(result.sections.map((section) => section.outcome), ['cancelled', 'cancelled']);
    const last = result.sections[0].steps[result.sections[0].steps.length - 1];
    assert.deepEqual([last.outcome, last.error?.code, last.message], ['cancelled', 'CANCELLED', 'the run was cancelled']);
    assert.equal(result.sections[1].steps.length, 0);
    assert.equal(result.outcome, 'cancelled');
    await assertResources(before);
  });

  it("with the caller's engine, every socket the section opened is closed after the abort", async () => {
    const peer = startPython('echo');
    const port = await peer.ready;
    const before = socketResources();
    const engine = new SocketEngine();
    try {
      const stop = new AbortController();
      const run = runWire(wire(SECTIONS), { engine, variables: { port }, signal: stop.signal });
      await waitUntil('four sockets', () => engine.list().length === 4);
      await waitUntil('the echo client to wait', () => engine.list().every((info) => info.state === 'open' || info.state === 'listening'));
      stop.abort();
      const result = await run;
      assert.equal(result.sections[0].outcome, 'cancelled');
      assert.deepEqual(engine.list().map((info) => info.state), ['closed', 'closed', 'closed', 'closed']);
      assert.deepEqual(result.sections[0].socketIds, engine.list().map((info) => info.id));
    } finally {
      await engine.dispose();
    }
    await assertResources(before);
  });

  it('a signal aborted before the run opens nothing', async () => {
    const before = socketResources();
    const stop = new AbortController();
    stop.abort();
    const result = await runWire(wire(SECTIONS), { variables: { port: '9' }, signal: stop.signal });
    assert.deepEqual(result.sections.map((section) => [section.outcome, section.steps.length]), [['cancelled', 0], ['cancelled', 0]]);
    await assertResources(before);
  });

  it('aborting during a wait, and stopping a served mock server, leave nothing open either', async () => {
    const before = socketResources();
    const stop = new AbortController();
    setTimeout(() => stop.abort(), 200);
    const waited = await runWire(wire('### w\nlisten tcp-listen://127.0.0.1:0 as l\nopen tcp://127.0.0.1:{{l.port}}\nwait 30s\n'), { signal: stop.signal });
    assert.deepEqual(waited.sections[0].steps.map((step) => `${step.kind} ${step.outcome}`), ['listen passed', 'open passed', 'wait cancelled']);
    await assertResources(before);
    const serving = new AbortController();
    const served = serveWire(wire('### mock\nlisten tcp-listen://127.0.0.1:0\non any\n  reply "x"\nlisten udp-listen://127.0.0.1:0\n'), 'mock', { signal: serving.signal });
    setTimeout(() => serving.abort(), 200);
    const result = await served;
    assert.equal(result.outcome, 'passed');
    assert.equal(result.socketIds.length, 2);
    await assertResources(before);
  });
});

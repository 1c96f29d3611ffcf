import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRunnerEngine, runWire, type FileResult, type RunEvent, type SectionResult } from '../../src/wire';
import { freePort, killPeers, startPython, startSocatEcho, temporaryDirectory, wire } from './helpers';

async function run(text: string, variables: Record<string, string> = {}, onEvent?: (event: RunEvent) => void): Promise<FileResult> {
  return runWire(wire(text), { variables, onEvent });
}

/** The section's steps as `line outcome` strings, and the failure message, for exact comparison. */
function summary(section: SectionResult): { steps: string[]; message?: string } {
  return { steps: section.steps.map((step) => `${step.line} ${step.outcome}`), message: section.message };
}

function passed(result: FileResult): void {
  for (const section of result.sections) {
    assert.equal(section.outcome, 'passed', `${section.name}: ${section.message ?? ''}`);
  }
}

describe('wire runner against real peers', function () {
  this.timeout(30_000);
  afterEach(() => killPeers());

  it('python3 echo over TCP: strings, hex, base64, exactly and contains, then a graceful close', async () => {
    const peer = startPython('echo');
    const port = await peer.ready;
    const result = await run(
      '### echo\nopen tcp://127.0.0.1:{{port}}\nsend "hello\\r\\n"\nexpect "hello\\r\\n"\nsend hex 00 01 ff\nexpect exactly hex 00 01 ff within 2s\nsend base64 AAEC\nexpect bytes 3\nclose\n',
      { port },
    );
    passed(result);
    assert.deepEqual(result.sections[0].steps.map((step) => [step.kind, step.bytes]), [
      ['open', 0], ['send', 7], ['expect', 7], ['send', 3], ['expect', 3], ['send', 3], ['expect', 3], ['close', 0],
    ]);
    assert.equal(result.sections[0].socketIds.length, 1);
  });

  it('socketName names the engine sockets a section opens (the editor labels them with the section)', async () => {
    const peer = startPython('echo');
    const port = await peer.ready;
    const engine = createRunnerEngine();
    const names: string[] = [];
    const subscription = engine.onDidCreate((info) => names.push(info.name ?? ''));
    try {
      const result = await runWire(wire('### Named\nopen tcp://127.0.0.1:{{port}} as peer\nopen tcp://127.0.0.1:{{port}}\n'), {
        engine,
        variables: { port },
        socketName: (section, name) => `${section}${name === undefined ? '' : ` · ${name}`}`,
      });
      passed(result);
      assert.deepEqual(names, ['Named · peer', 'Named']);
    } finally {
      subscription.dispose();
      await engine.dispose();
    }
  });

  it('defaults lose to the file\'s @variables (editor settings), and a mismatch carries expected/actual for a diff', async () => {
    const peer = startPython('echo');
    const port = await peer.ready;
    const result = await runWire(wire('@greeting = file\n### d\nopen tcp://127.0.0.1:{{port}}\nsend "{{greeting}} {{who}}"\nexpect exactly "file settings"\nsend "x"\nexpect exactly "y"\n'), {
      defaults: { port, greeting: 'setting', who: 'settings' },
    });
    const steps = result.sections[0].steps;
    assert.deepEqual(steps.map((step) => step.outcome), ['passed', 'passed', 'passed', 'passed', 'failed']);
    assert.deepEqual([steps[4].error?.code, steps[4].error?.data.expected, steps[4].error?.data.actual], ['MISMATCH', 'exactly "y"', '1 byte: "x" (hex 78)']);
  });

  it('IPv6 on ::1, and a regex capture reused in a later send', async () => {
    const peer = startPython('line', { family: 6 });
    const port = await peer.ready;
    const result = await run(
      '### line over ::1\nopen tcp://[::1]:{{port}}\nexpect /^HELLO (?<server>\\S+)\\r\\n/\nsend "name {{server}}\\r\\n"\nexpect exactly "OK NAME PYLINE\\r\\n"\nsend "quit\\r\\n"\nexpect exactly "OK QUIT\\r\\n"\nexpect eof\nexpect closed\n',
      { port },
    );
    passed(result);
  });

  it('UNIX sockets: a python3 echo server and socat on a path', async () => {
    const directory = temporaryDirectory('sw-wire-unix-');
    try {
      const python = path.join(directory, 'python.sock');
      const socat = path.join(directory, 'socat.sock');
      const peers = [startPython('echo', { path: python }), startSocatEcho(`UNIX-LISTEN:${socat},fork`)];
      await Promise.all(peers.map((peer) => peer.ready));
      for (const socketPath of [python, socat]) {
        const result = await run('### unix\nopen unix://{{path}}\nsend "over a path\\n"\nexpect exactly "over a path\\n"\nclose fin\nexpect eof\n', { path: socketPath });
        passed(result);
      }
    } finally {
      fs.rmSync(directory, { recursive: true, force: true });
    }
  });

  it('socat as a TCP echo server', async () => {
    const port = String(await freePort());
    const peer = startSocatEcho(`TCP-LISTEN:${port},bind=127.0.0.1,reuseaddr,fork`);
    await peer.ready;
    passed(await run('### socat\nopen tcp://127.0.0.1:{{port}}\nrepeat 5\n  send "line {{i}}\\n"\n  expect exactly "line {{i}}\\n"\nend\n', { port }));
  });

  it('UDP: each expect takes one datagram; {{peer}} is its sender; IPv6 too', async () => {
    const four = startPython('udp-pong');
    const six = startPython('udp-pong', { family: 6 });
    const [port4, port6] = await Promise.all([four.ready, six.ready]);
    const result = await run(
      [
        '### udp4', 'open udp://127.0.0.1:{{port4}}', 'send "ping {{counter}}"', 'expect exactly "pong 1"', 'send "ping x"', 'expect /^pong (?<word>\\w)$/',
        'send "ping {{word}}{{word}}" to {{peer}}', 'expect "xx"',
        '### udp6', 'listen udp-listen://[::1]:0', 'send "ping six" to [::1]:{{port6}}', 'expect exactly "pong six"', 'send "ping again" to {{peer}}', 'expect exactly "pong again"',
      ].join('\n'),
      { port4, port6 },
    );
    passed(result);
  });

  it("the engine's own listeners: a section that listens with rules and talks to itself", async () => {
    const result = await run(
      [
        '### self', 'listen tcp-listen://127.0.0.1:0 as server', 'on /^GET (?<key>\\w+)\\n/', '  reply "VALUE {{key}} #{{counter}}\\n"',
        'open tcp://{{server.host}}:{{server.port}} as client', 'send "GET a\\nGET b\\n"', 'expect exactly "VALUE a #1\\nVALUE b #2\\n"',
        'listen udp-listen://127.0.0.1:0 as dns', 'on hex 01 02', '  reply hex 03 04', 'open udp://127.0.0.1:{{dns.port}}', 'send hex 01 02', 'expect exactly hex 03 04',
        'use client', 'send "GET c\\n"', 'expect exactly "VALUE c #3\\n"',
      ].join('\n'),
    );
    passed(result);
    assert.equal(result.sections[0].socketIds.length, 4);
  });

  it('exactly and contains on data that arrives byte by byte', async () => {
    const peer = startPython('trickle');
    const port = await peer.ready;
    const result = await run(
      [
        '### split', 'open tcp://127.0.0.1:{{port}}', 'send "hello world"', 'expect exactly "hello world" within 5s', 'send "say hello"', 'expect "hello" within 5s',
        '### mismatch', 'open tcp://127.0.0.1:{{port}}', 'send "abcdef"', 'expect exactly "abd" within 5s',
      ].join('\n'),
      { port },
    );
    const [split, mismatch] = result.sections;
    assert.equal(split.outcome, 'passed', split.message);
    assert.equal(split.steps[2].bytes, 11);
    assert.equal(split.steps[4].skippedBytes, 4);
    assert.equal(split.steps[4].bytes, 5);
    assert.equal(mismatch.outcome, 'failed');
    assert.equal(mismatch.steps[2].error?.code, 'MISMATCH');
    // The mismatch shows as soon as the third byte arrives, however the bytes were grouped.
    assert.match(mismatch.steps[2].message ?? '', /^expected exactly "abd", got [3-6] bytes: "abc[def]*" \(hex 61 62 63( 64)?( 65)?( 66)?\)$/);
  });

  it('timeouts give the exact message, with what arrived as escapes and hex', async () => {
    const echo = startPython('echo');
    const udp = startPython('udp-echo');
    const [port, udpPort] = await Promise.all([echo.ready, udp.ready]);
    const result = await run(
      [
        '### partial', 'open tcp://127.0.0.1:{{port}}', 'send "x\\r\\n\\x00"', 'wait 300ms', 'expect "nope" within 200ms',
        '### nothing', '@timeout = 150ms', 'open tcp://127.0.0.1:{{port}}', 'expect exactly "y"',
        '### udp', 'open udp://127.0.0.1:{{udpPort}}', 'expect "pong" within 100ms',
      ].join('\n'),
      { port, udpPort },
    );
    assert.deepEqual(result.sections.map(summary), [
      { steps: ['2 passed', '3 passed', '4 passed', '5 failed'], message: 'expected "nope" within 200ms, got 4 bytes: "x\\r\\n\\0" (hex 78 0d 0a 00)' },
      { steps: ['8 passed', '9 failed'], message: 'expected exactly "y" within 150ms, got nothing' },
      { steps: ['11 passed', '12 failed'], message: 'expected "pong" within 100ms, got no datagram' },
    ]);
    assert.deepEqual(result.sections.map((section) => section.steps[section.steps.length - 1].error?.code), ['TIMEOUT', 'TIMEOUT', 'TIMEOUT']);
  });

  it('MISMATCH and TIMEOUT carry their facts in data (matcher, bytes, timeout), beside the unchanged English message', async () => {
    const result = await run(
      [
        '### mismatch', 'listen tcp-listen://127.0.0.1:0 as server', 'on any', '  reply "a\\n"', 'open tcp://{{server.host}}:{{server.port}}', 'send "x"', 'expect exactly "b\\n"',
        '### timeout', 'listen tcp-listen://127.0.0.1:0 as slow', 'on any', '  reply "x"', 'open tcp://{{slow.host}}:{{slow.port}}', 'send "hi"', 'expect /^never/i within 200ms',
        '### udp timeout', 'listen udp-listen://127.0.0.1:0 as quiet', 'open udp://{{quiet.host}}:{{quiet.port}}', 'expect bytes 4 within 100ms',
      ].join('\n'),
    );
    const errors = result.sections.map((section) => section.steps[section.steps.length - 1]);
    const facts = (index: number, keys: readonly string[]): Record<string, unknown> =>
      Object.fromEntries(keys.map((key) => [key, errors[index].error?.data[key]]));
    const keys = ['reason', 'matcherKind', 'matcherText', 'matcherCount', 'received', 'actualQuoted', 'actualHex', 'inboxKind', 'timeoutMs', 'expected', 'actual'];
    assert.deepEqual(errors.map((step) => [step.error?.code, step.message]), [
      ['MISMATCH', 'expected exactly "b\\n", got 2 bytes: "a\\n" (hex 61 0a)'],
      ['TIMEOUT', 'expected /^never/i within 200ms, got 1 byte: "x" (hex 78)'],
      ['TIMEOUT', 'expected 4 bytes within 100ms, got no datagram'],
    ]);
    assert.deepEqual(facts(0, keys), {
      reason: 'mismatch', matcherKind: 'exactly', matcherText: '"b\\n"', matcherCount: undefined, received: 2, actualQuoted: '"a\\n"', actualHex: '61 0a',
      inboxKind: 'stream', timeoutMs: undefined, expected: 'exactly "b\\n"', actual: '2 bytes: "a\\n" (hex 61 0a)',
    });
    assert.deepEqual(facts(1, keys), {
      reason: 'timeout', matcherKind: 'regex', matcherText: '/^never/i', matcherCount: undefined, received: 1, actualQuoted: '"x"', actualHex: '78',
      inboxKind: 'stream', timeoutMs: 200, expected: '/^never/i', actual: '1 byte: "x" (hex 78)',
    });
    assert.deepEqual(facts(2, keys), {
      reason: 'timeout', matcherKind: 'bytes', matcherText: '4', matcherCount: 4, received: 0, actualQuoted: undefined, actualHex: undefined,
      inboxKind: 'datagram', timeoutMs: 100, expected: '4 bytes', actual: 'no datagram',
    });
  });

  it('eof and closed: the peer closing ends the wait at once, not at the timeout', async () => {
    const peer = startPython('line');
    const port = await peer.ready;
    const result = await run(
      [
        '### eof', 'open tcp://127.0.0.1:{{port}}', 'expect "HELLO"', 'send "quit\\n"', 'expect "OK QUIT\\r\\n"', 'expect eof', 'expect closed',
        '### more after the end', '@timeout = 10s', 'open tcp://127.0.0.1:{{port}}', 'send "quit\\n"', 'expect exactly "HELLO pyline\\r\\nOK QUIT\\r\\n"', 'expect "more"',
      ].join('\n'),
      { port },
    );
    assert.equal(result.sections[0].outcome, 'passed', result.sections[0].message);
    const last = result.sections[1].steps[3];
    assert.equal(last.error?.code, 'PEER_CLOSED');
    assert.match(last.message ?? '', /^expected "more", but (the connection closed|the peer closed its side \(eof\)); got nothing$/);
    assert.ok(last.elapsedMs < 5000, `failed after ${last.elapsedMs} ms, not at the 10 s timeout`);
  });

  it('repeat and counters: {{i}} per iteration, {{counter}} per send, from 1 again in the next section', async () => {
    const peer = startPython('echo');
    const port = await peer.ready;
    const events: string[] = [];
    const result = await run(
      [
        '### nested', 'open tcp://127.0.0.1:{{port}}', 'repeat 2', '  repeat 3', '    send "[{{counter}}:{{i}}]"', '  end', 'end',
        'expect exactly "[1:0][2:1][3:2][4:0][5:1][6:2]"',
        '### again', 'open tcp://127.0.0.1:{{port}}', 'send "{{counter}}"', 'expect exactly "1"', 'repeat 0', '  send "never"', 'end',
      ].join('\n'),
      { port },
      (event) => {
        if (event.type === 'step-end' && event.result.kind === 'send') {
          events.push(`${event.section}:${(event.result.iterations ?? []).join('.')}`);
        }
      },
    );
    passed(result);
    assert.deepEqual(events, ['nested:0.0', 'nested:0.1', 'nested:0.2', 'nested:1.0', 'nested:1.1', 'nested:1.2', 'again:']);
  });

  it('the first failed step fails its section and closes its sockets; the next section still runs', async () => {
    const port = String(await freePort());
    const echo = startPython('echo');
    const echoPort = await echo.ready;
    const events: string[] = [];
    const result = await run(
      ['### refused', 'open tcp://127.0.0.1:{{port}}', 'send "never sent"', '### unknown variable', 'open tcp://127.0.0.1:{{echoPort}}', 'send "{{nope}}"', '### fine', 'wait 1ms'].join('\n'),
      { port, echoPort },
      (event) => events.push(event.type === 'step-end' ? `${event.type} ${event.result.line} ${event.result.outcome}` : event.type),
    );
    assert.deepEqual(result.sections.map((section) => section.outcome), ['failed', 'failed', 'passed']);
    assert.equal(result.sections[0].steps[0].error?.code, 'ENGINE');
    assert.equal(result.sections[0].steps[0].error?.data.engineCode, 'ECONNREFUSED');
    assert.match(result.sections[0].message ?? '', new RegExp(`^cannot open tcp://127\\.0\\.0\\.1:${port}: `));
    assert.equal(result.sections[1].message, "unknown variable 'nope'");
    assert.equal(result.sections[1].steps[1].error?.code, 'UNKNOWN_VARIABLE');
    assert.equal(result.outcome, 'failed');
    assert.deepEqual(events, [
      'section-start', 'step-start', 'step-end 2 failed', 'section-end',
      'section-start', 'step-start', 'step-end 5 passed', 'step-start', 'step-end 6 failed', 'section-end',
      'section-start', 'step-start', 'step-end 8 passed', 'section-end',
    ]);
  });
});

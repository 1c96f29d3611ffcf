import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { cli, cliFolder } from './cliHelpers';
import { freePort, startPython, waitUntil } from './helpers';

/** TAP 13 → its plan and test points, each with its YAML diagnostics as an object. */
function parseTap(text: string): { plan: number; points: Array<{ ok: boolean; number: number; name: string; directive?: string; yaml: Record<string, unknown> }> } {
  const lines = text.trimEnd().split('\n');
  assert.equal(lines[0], 'TAP version 13');
  const plan = /^1\.\.(\d+)$/.exec(lines[1]);
  assert.ok(plan, `a plan on line 2: ${lines[1]}`);
  const points: Array<{ ok: boolean; number: number; name: string; directive?: string; yaml: Record<string, unknown> }> = [];
  for (let index = 2; index < lines.length; index++) {
    const point = /^(ok|not ok) (\d+) - (.*?)(?: # (.*))?$/.exec(lines[index]);
    assert.ok(point, `a test point: ${lines[index]}`);
    const yaml: Record<string, unknown> = {};
    if (lines[index + 1] === '  ---') {
      index += 2;
      for (; lines[index] !== '  ...'; index++) {
        const field = /^ {2}(\w+): (.*)$/.exec(lines[index]);
        assert.ok(field, `a YAML field: ${lines[index]}`);
        yaml[field[1]] = JSON.parse(field[2]);
      }
    }
    points.push({ ok: point[1] === 'ok', number: Number(point[2]), name: point[3], directive: point[4], yaml });
  }
  assert.equal(points.length, Number(plan[1]));
  return { plan: Number(plan[1]), points };
}

/** The elements of a JUnit report, with their attributes; checks that tags nest and close. */
function parseJunit(text: string): Array<{ tag: string; attributes: Record<string, string>; text: string }> {
  assert.ok(text.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n'));
  const elements: Array<{ tag: string; attributes: Record<string, string>; text: string }> = [];
  const stack: string[] = [];
  const unescape = (value: string): string => value.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
  const pattern = /<(\/?)(\w+)((?:\s+\w+="[^"]*")*)\s*(\/?)>([^<]*)/g;
  for (const match of text.slice(text.indexOf('?>') + 2).matchAll(pattern)) {
    const [, closing, tag, attributeText, selfClosing, after] = match;
    if (closing === '/') {
      assert.equal(stack.pop(), tag, `</${tag}> closes what was opened`);
      continue;
    }
    const attributes: Record<string, string> = {};
    for (const attribute of attributeText.matchAll(/(\w+)="([^"]*)"/g)) {
      attributes[attribute[1]] = unescape(attribute[2]);
    }
    elements.push({ tag, attributes, text: unescape(after) });
    if (selfClosing !== '/') {
      stack.push(tag);
    }
  }
  assert.deepEqual(stack, [], 'every element is closed');
  return elements;
}

describe('socket-workbench CLI (node dist/cli.js)', function () {
  this.timeout(40_000);
  const folder = cliFolder('sw-wire-cli-', {
    'good.wire': '@port = 1\n### echo\nopen tcp://127.0.0.1:{{port}}\nsend "hi\\n"\nexpect exactly "hi\\n"\n',
    'mixed.wire': '### passes\nopen tcp://127.0.0.1:{{port}}\nsend "a"\nexpect "a"\n### fails <&>\nopen tcp://127.0.0.1:{{port}}\nsend "b"\nexpect "c" within 100ms\n',
    'bad.wire': '### broken\nsend\nwait soon\n',
  });

  it('exit 0 when every section passed; the spec report goes to stdout and stderr stays empty', async () => {
    const result = await cli(['run', 'good.wire', '--var', `port=${folder.port()}`], { cwd: folder.directory() });
    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stderr, '');
    assert.match(result.stdout, /^good\.wire\n {2}echo\n {4}✓ 3: open tcp:\/\/127\.0\.0\.1:\{\{port\}\} \([\d.]+ ms\)\n/);
    assert.match(result.stdout, /\n {2}✓ echo \([\d.]+ ms\)\n/);
    assert.match(result.stdout, /\n1 passed, 0 failed \([\d.]+ ms\)\n$/);
  });

  it('exit 1 when a section failed; TAP 13 has one test point per section with the failure in YAML', async () => {
    const result = await cli(['run', 'mixed.wire', `--var=port=${folder.port()}`, '--reporter', 'tap'], { cwd: folder.directory() });
    assert.equal(result.code, 1);
    assert.equal(result.stderr, '');
    const tap = parseTap(result.stdout);
    assert.equal(tap.plan, 2);
    assert.deepEqual(tap.points.map((point) => [point.ok, point.number, point.name]), [[true, 1, 'mixed.wire > passes'], [false, 2, 'mixed.wire > fails <&>']]);
    assert.deepEqual(tap.points[1].yaml, {
      message: 'expected "c" within 100ms, got 1 byte: "b" (hex 62)',
      outcome: 'failed',
      code: 'TIMEOUT',
      file: 'mixed.wire',
      line: 8,
      step: 'expect "c" within 100ms',
      duration_ms: tap.points[1].yaml.duration_ms,
    });
  });

  it('exit 2 for a parse error, even when another file passed; diagnostics on stderr, the report on stdout', async () => {
    const output = path.join(folder.directory(), 'report.xml');
    const result = await cli(['run', 'good.wire', 'bad.wire', '--var', `port=${folder.port()}`, '--reporter', 'junit', '--output', output], { cwd: folder.directory() });
    assert.equal(result.code, 2);
    assert.equal(result.stdout, '');
    assert.equal(result.stderr, `bad.wire:2:6: expected a payload after 'send' ("…", hex, base64, file or <<END)\nbad.wire:3:6: expected a duration after 'wait' (250ms, 2s, 1m), got 'soon'\n`);
    const elements = parseJunit(fs.readFileSync(output, 'utf8'));
    assert.deepEqual(elements.map((element) => element.tag), ['testsuites', 'testsuite', 'testcase', 'testsuite', 'testcase', 'error']);
    assert.deepEqual([elements[0].attributes.tests, elements[0].attributes.failures, elements[0].attributes.errors], ['2', '0', '1']);
    assert.deepEqual([elements[2].attributes.name, elements[2].attributes.classname], ['echo', 'good.wire']);
    assert.equal(elements[5].attributes.type, 'PARSE');
    assert.match(elements[5].text, /^bad\.wire:2:6: expected a payload/);
  });

  it('JUnit XML on stdout: one testcase per section, failures with their message, names escaped', async () => {
    const result = await cli(['run', 'mixed.wire', '--var', `port=${folder.port()}`, '--reporter', 'junit'], { cwd: folder.directory() });
    assert.equal(result.code, 1);
    const elements = parseJunit(result.stdout);
    const cases = elements.filter((element) => element.tag === 'testcase');
    assert.deepEqual(cases.map((element) => element.attributes.name), ['passes', 'fails <&>']);
    const failure = elements.find((element) => element.tag === 'failure');
    assert.deepEqual([failure?.attributes.type, failure?.attributes.message], ['TIMEOUT', 'expected "c" within 100ms, got 1 byte: "b" (hex 62)']);
    assert.equal(failure?.text, 'mixed.wire:8: expect "c" within 100ms\nexpected "c" within 100ms, got 1 byte: "b" (hex 62)');
  });

  it('exit 2 for usage errors, with the usage on stderr and nothing on stdout', async () => {
    for (const args of [[], ['run'], ['launch', 'x.wire'], ['run', 'good.wire', '--nope'], ['run', 'good.wire', '--timeout', 'soon'], ['run', 'good.wire', '--reporter', 'xml'], ['run', 'good.wire', '--section', 'missing'], ['run', 'absent.wire'], ['serve', 'good.wire']]) {
      const result = await cli(args, { cwd: folder.directory() });
      if (args.length === 0) {
        assert.equal(result.code, 0, 'no arguments prints the usage');
        assert.match(result.stdout, /^Usage:/);
        continue;
      }
      assert.equal(result.code, 2, args.join(' '));
      assert.equal(result.stdout, '', args.join(' '));
      assert.match(result.stderr, /^socket-workbench: /, args.join(' '));
    }
  });

  it('--timeout sets the default expect timeout, which @timeout and within override', async () => {
    fs.writeFileSync(path.join(folder.directory(), 'slow.wire'), '### default\nopen tcp://127.0.0.1:{{port}}\nexpect "x"\n### file\n@timeout = 150ms\nopen tcp://127.0.0.1:{{port}}\nexpect "x"\n### step\nopen tcp://127.0.0.1:{{port}}\nexpect "x" within 50ms\n');
    const result = await cli(['run', 'slow.wire', '--var', `port=${folder.port()}`, '--timeout', '300ms', '--reporter', 'tap'], { cwd: folder.directory() });
    assert.equal(result.code, 1);
    assert.deepEqual(parseTap(result.stdout).points.map((point) => point.yaml.message), [
      'expected "x" within 300ms, got nothing',
      'expected "x" within 150ms, got nothing',
      'expected "x" within 50ms, got nothing',
    ]);
  });

  it('serve answers clients until --for runs out, then exits 0', async () => {
    fs.writeFileSync(path.join(folder.directory(), 'mock.wire'), '### mock\nlisten tcp-listen://127.0.0.1:0\non connect\n  reply "220 ready\\r\\n"\non /^HELO (?<name>\\S+)\\r\\n/\n  reply "250 hello {{name}}\\r\\n"\non "QUIT\\r\\n"\n  reply "221 bye {{counter}}\\r\\n"\n  close\n');
    let replies: unknown;
    const result = await cli(['serve', 'mock.wire', '--section', 'mock', '--for', '3s'], {
      cwd: folder.directory(),
      during: (_pid, output) => {
        void (async () => {
          await waitUntil('the listening line', () => /listening on 127\.0\.0\.1:\d+/.test(output()));
          const listening = /listening on 127\.0\.0\.1:(\d+)/.exec(output());
          replies = (await startPython('smtp-clients', { port: Number(listening?.[1]), clients: 3 }).result).replies;
        })();
      },
    });
    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stderr, '');
    assert.match(result.stdout, /^listening on 127\.0\.0\.1:\d+ \(mock\)\n/);
    assert.equal((replies as string[][]).length, 3);
    assert.deepEqual((replies as string[][]).map((reply) => reply[1]), ['250 hello client0\r\n', '250 hello client1\r\n', '250 hello client2\r\n']);
  });

  it('Ctrl+C (SIGINT) cancels a run: the sockets close, the process exits promptly with 1', async () => {
    fs.writeFileSync(path.join(folder.directory(), 'hang.wire'), '### hang\nopen tcp://127.0.0.1:{{port}}\nexpect "never" within 60s\n');
    const started = Date.now();
    const result = await cli(['run', 'hang.wire', '--var', `port=${folder.port()}`], {
      cwd: folder.directory(),
      during: (pid, output) => {
        void waitUntil('the run to start', () => output().includes('hang.wire'), 10_000).then(() => setTimeout(() => process.kill(pid, 'SIGINT'), 300));
      },
    });
    assert.equal(result.code, 1);
    assert.ok(Date.now() - started < 15_000);
    assert.match(result.stdout, /✗ 3: expect "never" within 60s \([\d.]+ ms\)\n {8}the run was cancelled\n/);
  });

  it('record writes a client conversation as a section (stdin to the socket, the reply to stdout) that run then passes', async () => {
    const line = await startPython('line').ready;
    const out = path.join(folder.directory(), 'recorded.wire');
    const recorded = await cli(['record', `tcp://127.0.0.1:${line}`, '--out', out, '--section', 'line session'], { cwd: folder.directory(), stdin: 'name ada\r\nquit\n' });
    assert.equal(recorded.code, 0, recorded.stderr);
    assert.equal(recorded.stdout, 'HELLO pyline\r\nOK NAME ADA\r\nOK QUIT\r\n');
    assert.match(recorded.stderr, /^recorded \d+ transcript entries as /);
    const text = fs.readFileSync(out, 'utf8');
    // stdin may reach the socket before or after the greeting arrives: the steps follow what happened.
    assert.ok(text.startsWith(`### line session\nopen tcp://127.0.0.1:${line}\n`), text);
    assert.ok(text.includes('"name ada\\r\\n') && text.includes('OK QUIT\\r\\n"'), text);
    assert.match(text, /\nexpect eof\nclose\n$/);
    const replay = await cli(['run', out], { cwd: folder.directory() });
    assert.equal(replay.code, 0, replay.stdout + replay.stderr);
    const refused = await cli(['record', `tcp://127.0.0.1:${await freePort()}`, '--out', out], { cwd: folder.directory() });
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /^socket-workbench: cannot open tcp:\/\/127\.0\.0\.1:\d+: connect ECONNREFUSED/);
    const usage = await cli(['record', 'tcp://127.0.0.1:1'], { cwd: folder.directory() });
    assert.equal(usage.code, 2);
  });
});

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseRules, type Matcher, type Payload, type Step, type WireFile } from '../../src/wire';
import { payloadBytes, type Scope } from '../../src/wire/expand';
import { temporaryDirectory, wire } from './helpers';

function scope(variables: Record<string, string> = {}, baseDirectory = process.cwd()): Scope {
  return {
    variable: (name) => (variables[name] === undefined ? undefined : Buffer.from(variables[name], 'utf8')),
    env: { HOME_TEST: 'home' },
    counter: 7,
    iteration: 3,
    peer: '127.0.0.1:9',
    baseDirectory,
  };
}

function only(text: string): Step {
  const file = wire(`### s\n${text}\n`);
  assert.equal(file.sections[0].steps.length, 1, `one step from ${text}`);
  return file.sections[0].steps[0];
}

function sendBytes(text: string, variables: Record<string, string> = {}, baseDirectory?: string): string {
  const step = only(text);
  assert.equal(step.kind, 'send');
  return Buffer.from(payloadBytes((step as Extract<Step, { kind: 'send' }>).payload, scope(variables, baseDirectory))).toString('hex');
}

function matcherOf(text: string): Matcher {
  const step = only(text);
  assert.equal(step.kind, 'expect');
  return (step as Extract<Step, { kind: 'expect' }>).matcher;
}

describe('wire parser: every directive and payload form', () => {
  it('payload forms give the exact bytes', () => {
    const hex = (text: string): string => Buffer.from(text, 'latin1').toString('hex');
    const table: Array<[string, string]> = [
      ['send "hello\\r\\n"', hex('hello\r\n')],
      ['send "tab\\tnul\\0bs\\\\q\\"x\\x41"', hex('tab\tnul\0bs\\q"xA')],
      ['send "é"', 'c3a9'],
      ['send ""', ''],
      ['send hex 00 01 ff', '0001ff'],
      ['send hex 0x48,0x65 \\x6c', '48656c'],
      ['send hex 48:65-6C', '48656c'],
      ['send base64 AAEC/w==', '000102ff'],
      ['send base64 AAEC_w', '000102ff'],
      ['send "{{name}}!"', hex('bob!')],
      ['send "n={{counter}} i={{i}} p={{peer}} e={{env:HOME_TEST}}"', hex('n=7 i=3 p=127.0.0.1:9 e=home')],
      ['send hex {{bytes}}', 'beef'],
      ['send "\\x7b\\x7b"', hex('{{')],
    ];
    for (const [line, expected] of table) {
      assert.equal(sendBytes(line, { name: 'bob', bytes: 'be ef' }), expected, line);
    }
  });

  it('heredocs join lines with \\n, or \\r\\n with crlf, with no separator after the last line', () => {
    const lf = only('send <<END\nline one\n  two\nEND');
    assert.equal(Buffer.from(payloadBytes((lf as Extract<Step, { kind: 'send' }>).payload, scope())).toString(), 'line one\n  two');
    const crlf = only('send <<EOF crlf\nGET / HTTP/1.1\nHost: x\n\n\nEOF');
    assert.equal(Buffer.from(payloadBytes((crlf as Extract<Step, { kind: 'send' }>).payload, scope())).toString(), 'GET / HTTP/1.1\r\nHost: x\r\n\r\n');
    const escapesStayLiteral = only('send <<END\na\\nb\nEND');
    assert.equal(Buffer.from(payloadBytes((escapesStayLiteral as Extract<Step, { kind: 'send' }>).payload, scope())).toString(), 'a\\nb');
  });

  it('file payloads are read relative to the wire file', () => {
    const directory = temporaryDirectory('sw-wire-file-');
    try {
      fs.writeFileSync(path.join(directory, 'body.bin'), Buffer.from([1, 2, 3]));
      assert.equal(sendBytes('send file body.bin', {}, directory), '010203');
      assert.equal(sendBytes('send file {{name}}.bin', { name: 'body' }, directory), '010203');
    } finally {
      fs.rmSync(directory, { recursive: true, force: true });
    }
  });

  it('every step keyword', () => {
    const file = wire(
      [
        '@host = 127.0.0.1',
        '### all of them',
        'open tcp://{{host}}:7000 as c',
        'listen udp-listen://127.0.0.1:0 as u',
        'use c',
        'send "a"',
        'send "b" to 127.0.0.1:9',
        'send hex 01 to {{peer}}',
        'expect "a"',
        'expect "a" within 250ms',
        'wait 2s',
        'repeat 3',
        '  repeat 2',
        '    send "{{i}}"',
        '  end',
        'end',
        'close',
        'close fin',
        'close rst',
      ].join('\n'),
    );
    const steps = file.sections[0].steps;
    assert.deepEqual(
      steps.map((step) => [step.kind, step.line, step.column]),
      [
        ['open', 3, 1], ['listen', 4, 1], ['use', 5, 1], ['send', 6, 1], ['send', 7, 1], ['send', 8, 1], ['expect', 9, 1],
        ['expect', 10, 1], ['wait', 11, 1], ['repeat', 12, 1], ['close', 17, 1], ['close', 18, 1], ['close', 19, 1],
      ],
    );
    assert.deepEqual(steps[0].kind === 'open' && [steps[0].spec.source, steps[0].name], ['tcp://{{host}}:7000', 'c']);
    assert.deepEqual(steps[4].kind === 'send' && steps[4].to?.source, '127.0.0.1:9');
    assert.deepEqual(steps[7].kind === 'expect' && steps[7].within, 250);
    assert.deepEqual(steps[8].kind === 'wait' && steps[8].milliseconds, 2000);
    const repeat = steps[9];
    assert.ok(repeat.kind === 'repeat');
    assert.equal(repeat.count, 3);
    assert.ok(repeat.steps[0].kind === 'repeat' && repeat.steps[0].count === 2 && repeat.steps[0].steps[0].kind === 'send');
    assert.deepEqual(steps.slice(10).map((step) => step.kind === 'close' && step.mode), ['graceful', 'half', 'reset']);
    assert.deepEqual(file.variables.map((variable) => [variable.name, variable.value.source]), [['host', '127.0.0.1']]);
  });

  it('every matcher', () => {
    const kinds = (text: string): unknown => {
      const matcher = matcherOf(text);
      switch (matcher.kind) {
        case 'contains':
        case 'exactly':
          return [matcher.kind, matcher.payload.kind];
        case 'regex':
          return [matcher.kind, matcher.source, matcher.flags];
        case 'bytes':
          return [matcher.kind, matcher.count];
        default:
          return [matcher.kind];
      }
    };
    assert.deepEqual(kinds('expect "x"'), ['contains', 'string']);
    assert.deepEqual(kinds('expect hex 00'), ['contains', 'hex']);
    assert.deepEqual(kinds('expect base64 AA=='), ['contains', 'base64']);
    assert.deepEqual(kinds('expect file reply.bin'), ['contains', 'file']);
    assert.deepEqual(kinds('expect exactly "x"'), ['exactly', 'string']);
    assert.deepEqual(kinds('expect exactly hex 00 01 ff within 500ms'), ['exactly', 'hex']);
    assert.deepEqual(kinds('expect /^HELO (?<name>\\S+)\\r\\n/'), ['regex', '^HELO (?<name>\\S+)\\r\\n', '']);
    assert.deepEqual(kinds('expect /a[/]b/is'), ['regex', 'a[/]b', 'is']);
    assert.deepEqual(kinds('expect eof'), ['eof']);
    assert.deepEqual(kinds('expect closed within 1s'), ['closed']);
    assert.deepEqual(kinds('expect bytes 12'), ['bytes', 12]);
    const heredoc = matcherOf('expect exactly <<END crlf\nA\nB\nEND');
    assert.ok(heredoc.kind === 'exactly' && (heredoc.payload as Payload).kind === 'heredoc');
  });

  it('on rules with their indented actions belong to the listener before them', () => {
    const file = wire(
      [
        '### mock',
        'listen tcp-listen://127.0.0.1:2525 as smtp',
        'on connect',
        '  reply "220 ready\\r\\n"',
        '# a comment does not end the rule',
        '',
        '  wait 10ms',
        'on /^HELO (?<name>\\S+)\\r\\n/',
        '  reply "250 hello {{name}}\\r\\n"',
        'on exactly "QUIT\\r\\n"',
        '  reply "221 bye {{counter}}\\r\\n"',
        '  close',
        'on any',
        'on bytes 4',
        '  close rst',
        'on eof',
        '  close fin',
      ].join('\n'),
    );
    const section = file.sections[0];
    assert.equal(section.mockServer, true);
    const listen = section.steps[0];
    assert.ok(listen.kind === 'listen');
    assert.deepEqual(
      listen.rules.map((rule) => [rule.trigger.kind, rule.line, rule.actions.map((action) => [action.kind, action.line, action.column])]),
      [
        ['connect', 3, [['reply', 4, 3], ['wait', 7, 3]]],
        ['regex', 8, [['reply', 9, 3]]],
        ['exactly', 10, [['reply', 11, 3], ['close', 12, 3]]],
        ['any', 13, []],
        ['bytes', 14, [['close', 15, 3]]],
        ['eof', 16, [['close', 17, 3]]],
      ],
    );
  });

  it('sections: names, variables per section, comments, CRLF line ends and a BOM', () => {
    const file: WireFile = wire('\ufeff# top\r\n// also a comment\r\n@a = 1\r\n### first one \r\n@b = {{a}}2\r\nwait 1ms\r\n###second\r\nwait 1s\r\n');
    assert.deepEqual(file.sections.map((section) => [section.name, section.line, section.variables.map((variable) => variable.name), section.mockServer]), [
      ['first one', 4, ['b'], false],
      ['second', 7, [], false],
    ]);
  });

  it('parseRules reads rules on their own, with the lines of the text', () => {
    const parsed = parseRules('@greeting = hi\non connect\n  reply "{{greeting}}\\n"\non "ping"\n  reply "pong"\n');
    assert.ok(parsed.ok);
    assert.deepEqual(parsed.rules.map((rule) => [rule.trigger.kind, rule.line]), [['connect', 2], ['contains', 4]]);
    assert.deepEqual(parsed.variables.map((variable) => variable.name), ['greeting']);
    const bad = parseRules('on connect\n  reply nothing\n', { file: 'auto-reply' });
    assert.ok(!bad.ok);
    assert.equal(bad.errors[0].message, `auto-reply:2:9: expected a payload after 'reply' ("…", hex, base64, file or <<END)`);
    const stray = parseRules('on any\nsend "x"\n', { file: 'auto-reply' });
    assert.ok(!stray.ok);
    assert.equal(stray.errors[0].message, "auto-reply:2:1: expected only 'on' rules, their indented actions and '@name = value' lines");
  });
});

import * as assert from 'node:assert/strict';
import { isWireError, parseWire } from '../../src/wire';

/** [wire text, the first error's exact message (file:line:col: what was expected), data.reason]. */
const ERRORS: ReadonlyArray<readonly [string, string, string]> = [
  ["send \"x\"", "echo.wire:1:1: expected a section ('### name') before the first step 'send'", 'step-outside-section'],
  ["### s\n  send", "echo.wire:2:8: expected a payload after 'send' (\"…\", hex, base64, file or <<END)", 'payload-missing'],
  ["### s\nsend", "echo.wire:2:6: expected a payload after 'send' (\"…\", hex, base64, file or <<END)", 'payload-missing'],
  ["### s\nsend \"abc", "echo.wire:2:6: expected a closing '\"' for the string started here", 'string-unterminated'],
  ["### s\nsend \"a\\qb\"", "echo.wire:2:9: invalid string: unknown escape '\\q', invalid character 'q'", 'payload-invalid'],
  ["### s\nsend hex 00 0g", "echo.wire:2:14: invalid hex: invalid character 'g'", 'payload-invalid'],
  ["### s\nsend base64 A", "echo.wire:2:13: invalid base64: incomplete group, dangling character 'A'", 'payload-invalid'],
  ["### s\nsend hex", "echo.wire:2:9: expected hex digits after 'hex'", 'payload-missing'],
  ["### s\nsend \"x\" within 2s", "echo.wire:2:10: unexpected 'within 2s' after the payload; only 'to HOST:PORT' may follow it", 'text-after-payload'],
  ["### s\nsend \"x\" to", "echo.wire:2:12: expected HOST:PORT after 'to', e.g. to 127.0.0.1:9000", 'target-invalid'],
  ["### s\nsend <<", "echo.wire:2:8: expected a marker after '<<', e.g. <<END or <<END crlf", 'heredoc-marker'],
  ["### s\nsend <<END\nabc", "echo.wire:2:6: expected a line 'END' to end the heredoc started here", 'heredoc-unterminated'],
  ["### s\nsend \"{{name\"", "echo.wire:2:7: expected '}}' to close the macro started here", 'macro-unterminated'],
  ["### s\nsend \"{{a b}}\"", "echo.wire:2:7: expected a variable name or a macro (counter, i, time, unix_ms, random_hex N, uuid, peer, env:NAME) in '{{a b}}'", 'macro-invalid'],
  ["### s\nsend \"{{random_hex 0}}\"", "echo.wire:2:7: expected '{{random_hex N}}' with N from 1 to 4096 hex digits", 'macro-invalid'],
  ["### s\nsend \"{{counter 2}}\"", "echo.wire:2:7: '{{counter}}' takes no argument", 'macro-invalid'],
  ["### s\nsend \"{{env:}}\"", "echo.wire:2:7: expected an environment variable name after 'env:' in '{{env:}}'", 'macro-invalid'],
  ["@ = 1", "echo.wire:1:1: expected '@name = value' (a name of letters, digits, _ . -)", 'variable-syntax'],
  ["@peer = 1", "echo.wire:1:2: 'peer' is a built-in macro and cannot be a variable", 'variable-reserved'],
  ["### s\nwait", "echo.wire:2:5: expected a duration after 'wait' (250ms, 2s, 1m), got nothing", 'duration-invalid'],
  ["### s\nwait 5", "echo.wire:2:6: expected a duration after 'wait' (250ms, 2s, 1m), got '5'", 'duration-invalid'],
  ["### s\nexpect \"x\" within soon", "echo.wire:2:19: expected a duration after 'within' (250ms, 2s, 1m), got 'soon'", 'duration-invalid'],
  ["### s\nexpect", "echo.wire:2:8: expected a matcher after 'expect' (\"…\", hex, base64, file, <<END, exactly …, /regex/, eof, closed or bytes N)", 'matcher-missing'],
  ["### s\nexpect nothing", "echo.wire:2:8: expected a matcher after 'expect' (\"…\", hex, base64, file, <<END, exactly …, /regex/, eof, closed or bytes N)", 'matcher-missing'],
  ["### s\nexpect /abc", "echo.wire:2:8: expected a closing '/' for the regex started here", 'regex-invalid'],
  ["### s\nexpect /a(/", "echo.wire:2:8: invalid regex: Invalid regular expression: /a(/: Unterminated group", 'regex-invalid'],
  ["### s\nexpect /a/g", "echo.wire:2:11: regex flags may be d, i, m, s, u and v; got 'g'", 'regex-invalid'],
  ["### s\nexpect bytes x", "echo.wire:2:14: expected a positive number of bytes after 'bytes', got 'x'", 'count-invalid'],
  ["### s\nexpect \"a\" then", "echo.wire:2:12: unexpected 'then' after the matcher; only 'within DURATION' may follow it", 'text-after-payload'],
  ["### s\nopen", "echo.wire:2:6: expected a socket spec after 'open', e.g. tcp://127.0.0.1:7000", 'spec-missing'],
  ["### s\nopen tcp://127.0.0.1", "echo.wire:2:6: invalid spec: '127.0.0.1' has no port: write HOST:PORT, e.g. localhost:8080", 'spec-invalid'],
  ["### s\nopen tcp-listen://127.0.0.1:1", "echo.wire:2:6: 'open' connects a client; 'tcp-listen://127.0.0.1:1' is a listener spec: use 'listen tcp-listen://127.0.0.1:1'", 'spec-role'],
  ["### s\nlisten tcp://127.0.0.1:1", "echo.wire:2:8: 'listen' needs a listener spec (tcp-listen://, tls-listen://, udp-listen://, unix-listen://); 'tcp://127.0.0.1:1' connects a client", 'spec-role'],
  ["### s\nopen tcp://127.0.0.1:1 as", "echo.wire:2:6: invalid spec: port '1 as' is neither a number 0–65535 nor a service name", 'spec-invalid'],
  ["### s\nopen tcp://127.0.0.1:1 as a/b", "echo.wire:2:27: expected a name after 'as' (letters, digits, _ . -), got 'a/b'", 'name-invalid'],
  ["### s\nopen tcp://127.0.0.1:1 as a\nopen tcp://127.0.0.1:2 as a", "echo.wire:3:27: the name 'a' is already used in this section", 'name-duplicate'],
  ["### s\nuse b", "echo.wire:2:5: no socket named 'b' is opened before this line in the section ('open … as b')", 'name-unknown'],
  ["### s\nuse", "echo.wire:2:4: expected a socket name after 'use', got nothing", 'name-invalid'],
  ["### s\nrepeat x", "echo.wire:2:8: expected a number of times after 'repeat', got 'x'", 'count-invalid'],
  ["### s\nrepeat 2\nsend \"x\"", "echo.wire:2:1: expected 'end' to close this 'repeat' before the section ends", 'repeat-unclosed'],
  ["### s\nend", "echo.wire:2:1: 'end' without a 'repeat' to close", 'end-without-repeat'],
  ["### s\nclose now", "echo.wire:2:7: expected nothing, 'fin' or 'rst' after 'close', got 'now'", 'close-mode'],
  ["### s\non connect", "echo.wire:2:1: 'on' needs a 'listen' step before it in the section", 'rule-without-listen'],
  ["### s\nlisten tcp-listen://127.0.0.1:0\nrepeat 2\non any\nend", "echo.wire:4:1: 'on' rules belong to a listener and cannot be inside 'repeat'", 'rule-in-repeat'],
  ["### s\nlisten tcp-listen://127.0.0.1:0\non", "echo.wire:3:4: expected a matcher after 'on' (connect, any, \"…\", hex, base64, file, <<END, exactly …, /regex/, eof, closed or bytes N)", 'matcher-missing'],
  ["### s\nlisten tcp-listen://127.0.0.1:0\non any\n  send \"x\"", "echo.wire:4:3: expected an action under 'on' (reply, wait or close), got 'send'; end the rule with an unindented line", 'action-invalid'],
  ["### s\nlisten tcp-listen://127.0.0.1:0\non any extra", "echo.wire:3:8: unexpected 'extra' after the rule", 'text-after-payload'],
  ["### s\nfrobnicate", "echo.wire:2:1: unknown directive 'frobnicate': expected open, listen, use, send, expect, wait, repeat, end, close, starttls or on", 'unknown-directive'],
  ["###", "echo.wire:1:4: expected a section name after '###'", 'section-name-missing'],
];

describe('wire parser: every error, with its line and column', () => {
  for (const [text, message, reason] of ERRORS) {
    it(`${reason}: ${JSON.stringify(text)}`, () => {
      const result = parseWire(text, { file: 'echo.wire' });
      assert.ok(!result.ok, 'the text must not parse');
      const [first] = result.errors;
      assert.ok(isWireError(first));
      assert.equal(first.code, 'PARSE');
      assert.equal(first.message, message);
      assert.equal(first.data.reason, reason);
      const [, line, column] = /^echo\.wire:(\d+):(\d+): /.exec(message) ?? [];
      assert.equal(first.data.line, Number(line));
      assert.equal(first.data.column, Number(column));
      assert.equal(first.data.file, 'echo.wire');
    });
  }

  it('the example from the issue: a payload missing after an indented send', () => {
    const text = ['@port = 7', '', '### Echo', 'open tcp://127.0.0.1:{{port}}', 'repeat 2', '', '  send', 'end'].join('\n');
    const result = parseWire(text, { file: 'echo.wire' });
    assert.ok(!result.ok);
    assert.deepEqual(result.errors.map((error) => error.message), [`echo.wire:7:8: expected a payload after 'send' ("…", hex, base64, file or <<END)`]);
  });

  it('reports every error of a file in one pass, and a file with errors gives no sections to run', () => {
    const result = parseWire('### a\nsend\nwait x\n### b\nexpect\nend\n', { file: 'many.wire' });
    assert.ok(!result.ok);
    assert.deepEqual(result.errors.map((error) => `${error.data.line}:${error.data.column} ${error.data.reason}`), [
      '2:6 payload-missing',
      '3:6 duration-invalid',
      '5:8 matcher-missing',
      '6:1 end-without-repeat',
    ]);
  });
});

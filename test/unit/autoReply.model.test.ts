// The panel's auto-reply records and their wire text, both ways, checked against the runner's parser.
import * as assert from 'node:assert/strict';
import { EMPTY_RULE, isAutoReplyRule, quoteWireString, regexWire, ruleFromWire, ruleProblem, rulesFromWire, rulesToWire, ruleToWire, splitRules } from '../../src/autoReply/model';
import type { AutoReplyRule } from '../../src/shared/protocol';
import { parseRules } from '../../src/wire';

const rule = (patch: Partial<AutoReplyRule>): AutoReplyRule => ({ ...EMPTY_RULE, ...patch });

describe('auto-reply rule records', () => {
  it('write each matcher, form and action as wire text', () => {
    assert.equal(ruleToWire(rule({ pattern: 'PING\\r\\n', reply: 'PONG\\r\\n' })), 'on "PING\\r\\n"\n  reply "PONG\\r\\n"\n');
    assert.equal(ruleToWire(rule({ matcher: 'exactly', form: 'hex', pattern: ' 01 02 ', replyForm: 'hex', reply: 'ff' })), 'on exactly hex 01 02\n  reply hex ff\n');
    assert.equal(ruleToWire(rule({ matcher: 'regex', pattern: '^HELO (?<name>\\S+)\\r\\n', reply: '250 {{name}}', delayMs: 25, close: true })), 'on /^HELO (?<name>\\S+)\\r\\n/\n  wait 25ms\n  reply "250 {{name}}"\n  close\n');
    assert.equal(ruleToWire(rule({ matcher: 'any', close: true })), 'on any\n  close\n');
    assert.equal(ruleToWire(rule({ matcher: 'wire', pattern: 'on connect\n  reply "hi"' })), 'on connect\n  reply "hi"\n');
  });

  it('quote a bare double quote and a lone backslash, keep the escapes typed', () => {
    assert.equal(quoteWireString('say "hi"\\n'), '"say \\"hi\\"\\n"');
    assert.equal(quoteWireString('a\\"b'), '"a\\"b"');
    assert.equal(quoteWireString('end\\'), '"end\\\\"');
    assert.equal(regexWire('a/b'), '/a\\/b/');
    assert.equal(regexWire('/^x$/i'), '/^x$/i');
  });

  it('every written rule parses to one rule with the same trigger and actions', () => {
    const written = rule({ matcher: 'exactly', pattern: 'say "hi"', reply: 'ok', delayMs: 5, close: true });
    const parsed = parseRules(ruleToWire(written));
    assert.ok(parsed.ok);
    assert.equal(parsed.rules.length, 1);
    assert.equal(parsed.rules[0].trigger.kind, 'exactly');
    assert.deepEqual(parsed.rules[0].actions.map((action) => action.kind), ['wait', 'reply', 'close']);
  });

  it("report a rule's problem with the parser's reason and position, and a wire text that is not one rule", () => {
    const regex = ruleProblem(rule({ matcher: 'regex', pattern: '(' }));
    assert.equal(regex?.kind, 'parse');
    assert.deepEqual(regex?.kind === 'parse' ? [regex.error.data.reason, regex.error.data.line, regex.error.data.column] : undefined, ['regex-invalid', 1, 4]);
    const hex = ruleProblem(rule({ form: 'hex', pattern: 'zz' }));
    assert.equal(hex?.kind === 'parse' ? hex.error.data.reason : undefined, 'payload-invalid');
    assert.deepEqual(ruleProblem(rule({ matcher: 'wire', pattern: 'on "a"\n  reply "b"\non "c"\n  close\n' })), { kind: 'count', count: 2 });
    assert.equal(ruleProblem(rule({ pattern: 'x', reply: 'y' })), undefined);
  });

  it('join only the rules that take part', () => {
    const rules = [rule({ pattern: 'a', reply: 'A' }), rule({ enabled: false, pattern: 'b', reply: 'B' }), rule({ pattern: 'c', reply: 'C' })];
    assert.equal(rulesToWire(rules), 'on "a"\n  reply "A"\non "c"\n  reply "C"\n');
    assert.equal(rulesToWire(rules, (index) => index === 1), 'on "b"\n  reply "B"\n');
  });

  it('read wire text back: one record per rule, a form record when it fits, else the text kept as typed', () => {
    const text = '@greeting = hi\non connect\n  reply "220 {{greeting}}\\r\\n"\non /^HELO (\\S+)/i\n  reply "250"\non exactly hex 01 02\n  wait 10ms\n  reply hex 03\n  close\n# done\non any\n  close rst\n';
    assert.deepEqual(splitRules(text), [
      '@greeting = hi\non connect\n  reply "220 {{greeting}}\\r\\n"\n',
      'on /^HELO (\\S+)/i\n  reply "250"\n',
      'on exactly hex 01 02\n  wait 10ms\n  reply hex 03\n  close\n# done\n',
      'on any\n  close rst\n',
    ]);
    const rules = rulesFromWire(text);
    assert.deepEqual(rules.map((record) => record.matcher), ['wire', 'regex', 'exactly', 'wire']);
    assert.deepEqual(rules[1], rule({ matcher: 'regex', pattern: '/^HELO (\\S+)/i', reply: '250' }));
    assert.deepEqual(rules[2], rule({ matcher: 'exactly', form: 'hex', pattern: '01 02', delayMs: 10, replyForm: 'hex', reply: '03', close: true }));
    assert.equal(rules[3].pattern, 'on any\n  close rst\n');
    assert.deepEqual(ruleFromWire('on "QUIT\\r\\n"\n  reply "221 bye"\n  close\n'), rule({ pattern: 'QUIT\\r\\n', reply: '221 bye', close: true }));
    assert.deepEqual(ruleFromWire('on /a\\/b/\n  reply "x"\n'), rule({ matcher: 'regex', pattern: 'a/b', reply: 'x' }));
    for (const record of rules) {
      assert.equal(ruleProblem(record), undefined, JSON.stringify(record));
    }
  });

  it('accept only well-formed stored records', () => {
    assert.ok(isAutoReplyRule(rule({})));
    assert.ok(!isAutoReplyRule({ ...rule({}), matcher: 'glob' }));
    assert.ok(!isAutoReplyRule({ ...rule({}), delayMs: 1.5 }));
    assert.ok(!isAutoReplyRule(null));
    assert.ok(!isAutoReplyRule({ ...rule({}), close: 'yes' }));
  });
});

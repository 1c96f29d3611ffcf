// The host's check of every webview message: known type, right field types, bounds, no extras.
import * as assert from 'node:assert/strict';
import { validateWebviewMessage } from '../../src/panel/validate';
import { LIMITS } from '../../src/shared/protocol';

const reason = (value: unknown): string | undefined => {
  const result = validateWebviewMessage(value);
  return result.ok ? undefined : result.reason;
};

describe('panel message validation', () => {
  it('accepts well-formed messages of each shape', () => {
    for (const message of [
      { type: 'ready' },
      { type: 'send', text: 'hi', encoding: 'utf8', lineEnding: 'crlf', target: 'all', repeat: { intervalMs: 10, count: 0 } },
      { type: 'requestRows', requestId: 1, generation: 2, start: 0, count: LIMITS.maxRequestLines },
      { type: 'setView', filter: { text: 'GET', mode: 'hex', in: true, out: false, events: true }, hexAll: false },
      { type: 'copyRow', seq: 3, format: 'payload' },
      { type: 'savePayload', text: 'x', encoding: 'escapes', lineEnding: 'none' },
      { type: 'setRules', rules: [] },
      { type: 'setRules', rules: [{ enabled: false, matcher: 'regex', form: 'text', pattern: '^HELO', replyForm: 'hex', reply: '32 35', delayMs: 10, close: true }] },
      { type: 'editRulesAsWire' },
    ]) {
      assert.equal(reason(message), undefined, JSON.stringify(message));
    }
  });

  it('refuses what is not a message, with the reason the log shows', () => {
    assert.equal(reason('ready'), 'a message must be an object, got "ready"');
    assert.equal(reason([]), 'a message must be an object, got an array');
    assert.equal(reason({ type: 'format-disk' }), 'unknown message type "format-disk"');
    assert.equal(reason({ type: 'toString' }), 'unknown message type "toString"');
  });

  it('refuses wrong field types, values outside the bounds and unknown fields', () => {
    assert.equal(reason({ type: 'send', text: 'x', encoding: 'rot13', lineEnding: 'none' }), 'send.encoding must be one of utf8, hex, base64, escapes, got "rot13"');
    assert.equal(reason({ type: 'send', text: 'x', encoding: 'utf8', lineEnding: 'cr' }), 'send.lineEnding must be one of none, lf, crlf, got "cr"');
    assert.equal(reason({ type: 'copyRow', seq: 1, format: 'pdf' }), 'copyRow.format must be one of text, hex, payload, got "pdf"');
    assert.equal(reason({ type: 'setView', filter: { text: '', mode: 'regex', in: true, out: true, events: true }, hexAll: true }), 'setView.filter.mode must be one of text, hex, got "regex"');
    assert.equal(reason({ type: 'requestRows', requestId: 1, generation: 1, start: 0, count: LIMITS.maxRequestLines + 1 }), `requestRows.count is ${LIMITS.maxRequestLines + 1}, outside 0..${LIMITS.maxRequestLines}`);
    assert.equal(reason({ type: 'toggleRow', seq: 1.5 }), 'toggleRow.seq must be an integer, got 1.5');
    assert.equal(reason({ type: 'clear', extra: 1 }), 'clear.extra is not a known field');
    assert.equal(reason({ type: 'loadSaved' }), 'loadSaved.name is missing');
    const rule = { enabled: true, matcher: 'contains', form: 'text', pattern: 'a', replyForm: 'text', reply: 'b', delayMs: 0, close: false };
    assert.equal(reason({ type: 'setRules', rules: {} }), 'setRules.rules must be an array, got an object');
    assert.equal(reason({ type: 'setRules', rules: Array.from({ length: LIMITS.maxRules + 1 }, () => rule) }), `setRules.rules has ${LIMITS.maxRules + 1} items; the limit is ${LIMITS.maxRules}`);
    assert.equal(reason({ type: 'setRules', rules: [rule, { ...rule, matcher: 'glob' }] }), 'setRules.rules[1].matcher must be one of contains, exactly, regex, any, wire, got "glob"');
    assert.equal(reason({ type: 'setRules', rules: [{ ...rule, delayMs: -1 }] }), `setRules.rules[0].delayMs is -1, outside 0..${LIMITS.maxRuleDelayMs}`);
    assert.equal(reason({ type: 'setRules', rules: [{ ...rule, hits: 3 }] }), 'setRules.rules[0].hits is not a known field');
    assert.equal(reason({ type: 'checkTarget', text: 'x'.repeat(LIMITS.maxShortText + 1) }), `checkTarget.text is ${LIMITS.maxShortText + 1} characters long; the limit is ${LIMITS.maxShortText}`);
  });

  it('bounds loadHistory by the history the library keeps (LIMITS.maxHistory)', () => {
    assert.equal(LIMITS.maxHistory, 100);
    assert.equal(reason({ type: 'loadHistory', index: 0 }), undefined);
    assert.equal(reason({ type: 'loadHistory', index: LIMITS.maxHistory - 1 }), undefined);
    assert.equal(reason({ type: 'loadHistory', index: LIMITS.maxHistory }), 'loadHistory.index is 100, outside 0..99');
    assert.equal(reason({ type: 'loadHistory', index: -1 }), 'loadHistory.index is -1, outside 0..99');
  });
});

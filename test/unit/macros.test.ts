// The composer's macros: each one's exact expansion, and the problems with their offset.
import * as assert from 'node:assert/strict';
import { expandMacros, uuidFrom, type MacroContext } from '../../src/shared/macros';

const NOW = Date.UTC(2026, 11, 2, 6, 30, 0, 123);
const fixed = (fill: number): MacroContext => ({ counter: 7, now: NOW, randomBytes: (count) => new Uint8Array(count).fill(fill) });

describe('composer macros', () => {
  it('expand counter, time, unix_ms, random_hex N and uuid, leaving other text alone', () => {
    assert.deepEqual(expandMacros('n={{counter}} t={{time}} ms={{ unix_ms }}', fixed(0)), { ok: true, text: `n=7 t=2026-12-02T06:30:00.123Z ms=${NOW}`, expanded: 3 });
    assert.deepEqual(expandMacros('{{random_hex 5}}|{{random_hex 4}}', fixed(0xab)), { ok: true, text: 'ababa|abab', expanded: 2 });
    assert.deepEqual(expandMacros('{{uuid}}', fixed(0xff)), { ok: true, text: 'ffffffff-ffff-4fff-bfff-ffffffffffff', expanded: 1 });
    assert.deepEqual(expandMacros('no macros { } }}', fixed(0)), { ok: true, text: 'no macros { } }}', expanded: 0 });
  });

  it('a uuid is version 4, variant 10', () => {
    assert.equal(uuidFrom(new Uint8Array(16)), '00000000-0000-4000-8000-000000000000');
  });

  it('refuse an unknown macro, a bad digit count and an unterminated one, at their offset', () => {
    assert.deepEqual(expandMacros('ab{{name}}', fixed(0)), { ok: false, problem: 'unknown', macro: '{{name}}', offset: 2 });
    assert.deepEqual(expandMacros('{{counter 2}}', fixed(0)), { ok: false, problem: 'unknown', macro: '{{counter 2}}', offset: 0 });
    assert.deepEqual(expandMacros('x{{random_hex 0}}', fixed(0)), { ok: false, problem: 'digits', macro: '{{random_hex 0}}', offset: 1 });
    assert.deepEqual(expandMacros('x{{random_hex 4097}}', fixed(0)), { ok: false, problem: 'digits', macro: '{{random_hex 4097}}', offset: 1 });
    assert.deepEqual(expandMacros('{{counter', fixed(0)), { ok: false, problem: 'unterminated', macro: '{{counter', offset: 0 });
  });
});

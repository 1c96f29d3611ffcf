import * as assert from 'node:assert/strict';
import { isWireError, parseRules, parseWire } from '../../src/wire';

/** A small seeded PRNG (mulberry32), so a failing case can be replayed with WIRE_SEED=<seed>. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

const TOKENS = [
  '###', '#', '//', '@', '@x', '=', 'open', 'listen', 'use', 'send', 'expect', 'wait', 'repeat', 'end', 'close', 'on', 'reply',
  'fin', 'rst', 'as', 'to', 'within', 'exactly', 'eof', 'closed', 'bytes', 'connect', 'any', 'hex', 'base64', 'file', '<<END',
  'END', 'crlf', '"', '"a\\r\\n"', '\\', '\\x', '\\x4', '{{', '}}', '{{x}}', '{{env:A}}', '{{random_hex 9999}}', '/', '/a(?<n>b)/',
  '/[/', 'tcp://127.0.0.1:7', 'tcp-listen://127.0.0.1:0', 'udp://[::1]:9', 'unix:///tmp/x', '0x', '00', 'ff', 'zz', '250ms',
  '2s', '-1', '99999999999', '\t', '  ', 'é', '\u0000', '\ud800', '💥', 'AA==', '=', '[', ']', '(', ')',
];

function randomLine(next: () => number): string {
  const indent = next() < 0.3 ? '  ' : '';
  const count = Math.floor(next() * 7);
  const words: string[] = [];
  for (let index = 0; index < count; index++) {
    if (next() < 0.15) {
      // Any character at all, including controls and lone surrogates.
      words.push(String.fromCharCode(Math.floor(next() * 0x10000)));
    } else {
      words.push(TOKENS[Math.floor(next() * TOKENS.length)]);
    }
  }
  return indent + words.join(next() < 0.8 ? ' ' : '');
}

describe('wire parser: property tests', () => {
  const seed = process.env.WIRE_SEED === undefined ? Date.now() % 2 ** 31 : Number(process.env.WIRE_SEED);

  it(`random files never throw, and every error is a typed PARSE error at a real position (seed ${seed})`, () => {
    console.log(`      wire property seed: ${seed} (replay with WIRE_SEED=${seed})`);
    const next = random(seed);
    for (let round = 0; round < 2000; round++) {
      const lines: string[] = [];
      const lineCount = 1 + Math.floor(next() * 8);
      for (let index = 0; index < lineCount; index++) {
        lines.push(next() < 0.2 ? '### section' : randomLine(next));
      }
      const text = lines.join(next() < 0.5 ? '\n' : '\r\n');
      // A random character may itself be a line feed.
      const textLines = text.split(/\r?\n/).length;
      let result;
      try {
        result = parseWire(text, { file: 'random.wire' });
      } catch (error) {
        assert.fail(`seed ${seed}, round ${round}: parseWire threw ${String(error)} for ${JSON.stringify(text)}`);
      }
      if (!result.ok) {
        for (const error of result.errors) {
          assert.ok(isWireError(error), `seed ${seed}, round ${round}: not a WireError`);
          assert.equal(error.code, 'PARSE');
          assert.notEqual(error.data.reason, 'internal', `seed ${seed}, round ${round}: ${error.message} for ${JSON.stringify(text)}`);
          const line = Number(error.data.line);
          const column = Number(error.data.column);
          assert.ok(line >= 1 && line <= textLines, `seed ${seed}, round ${round}: line ${line} of ${textLines} in ${error.message}`);
          assert.ok(column >= 1, `seed ${seed}, round ${round}: column ${column} in ${error.message}`);
          assert.match(error.message, /^random\.wire:\d+:\d+: \S/);
        }
      }
      const rules = parseRules(text);
      if (!rules.ok) {
        assert.ok(rules.errors.every((error) => isWireError(error) && error.code === 'PARSE' && error.data.reason !== 'internal'));
      }
    }
  });

  it('arbitrary input types are refused as data, not thrown', () => {
    for (const value of [undefined, null, 42, {}, [], 'a\u0000b']) {
      const result = parseWire(value as unknown as string);
      assert.ok(typeof result.ok === 'boolean');
    }
  });
});

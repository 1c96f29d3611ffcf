import * as assert from 'node:assert/strict';
import { EngineError } from '../../src/engine/shared/errors';
import {
  convertPayload,
  decodePayload,
  encodePayload,
  findInvalidUtf8,
  previewBytes,
  validatePayload,
  type CodecErrorReason,
} from '../../src/engine/shared/codecs';
import { PAYLOAD_ENCODINGS, type PayloadEncoding } from '../../src/engine/shared/types';

const bytes = (...values: number[]): Uint8Array => Uint8Array.from(values);

// ---------------------------------------------------------------------------------------------
// Seeded randomness: every property assertion names the seed, and a failure prints how to replay it.

const SEED = process.env.SEED !== undefined ? Number(process.env.SEED) >>> 0 : (Math.random() * 2 ** 32) >>> 0;

/** mulberry32: tiny, fast, and good enough to spread test inputs. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = state;
    mixed = Math.imul(mixed ^ (mixed >>> 15), mixed | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
}

/** Integer in [low, high]. */
function integer(random: () => number, low: number, high: number): number {
  return low + Math.floor(random() * (high - low + 1));
}

function pick<T>(random: () => number, values: readonly T[]): T {
  return values[Math.floor(random() * values.length)] as T;
}

/** Bytes that stress the escapes and hex grammars turn up far more often than chance would give them. */
const INTERESTING_BYTES = [0x00, 0x09, 0x0a, 0x0d, 0x20, 0x30, 0x5c, 0x78, 0x58, 0x7e, 0x7f, 0x80, 0xc3, 0xef, 0xff];

function randomBytes(random: () => number): Uint8Array {
  const length = random() < 0.05 ? integer(random, 200, 2000) : integer(random, 0, 40);
  const result = new Uint8Array(length);
  const mode = integer(random, 0, 2);
  for (let position = 0; position < length; position++) {
    result[position] =
      mode === 0 ? integer(random, 0, 255) : mode === 1 ? pick(random, INTERESTING_BYTES) : integer(random, 0x20, 0x7e);
  }
  return result;
}

/** A well-formed string: ASCII, Latin-1, the rest of the BMP (surrogates excluded), astral, and BOMs. */
function randomString(random: () => number): string {
  const length = integer(random, 0, 30);
  const codePoints: number[] = [];
  for (let position = 0; position < length; position++) {
    const kind = integer(random, 0, 5);
    if (kind === 0) {
      codePoints.push(integer(random, 0, 0x7f));
    } else if (kind === 1) {
      codePoints.push(integer(random, 0x80, 0x7ff));
    } else if (kind === 2) {
      const bmp = integer(random, 0x800, 0xffff - 0x800);
      codePoints.push(bmp >= 0xd800 ? bmp + 0x800 : bmp);
    } else if (kind === 3) {
      codePoints.push(integer(random, 0x10000, 0x10ffff));
    } else if (kind === 4) {
      codePoints.push(pick(random, [0xfeff, 0xfffd, 0x1f600, 0x5c, 0x0d, 0x0a, 0x00]));
    } else {
      codePoints.push(integer(random, 0x20, 0x7e));
    }
  }
  return String.fromCodePoint(...codePoints);
}

const ROUNDS = 500;

const hexOf = (data: Uint8Array): string => Array.from(data, (value) => value.toString(16).padStart(2, '0')).join(' ');

// ---------------------------------------------------------------------------------------------

interface ErrorCase {
  readonly encoding: PayloadEncoding;
  readonly input: string;
  readonly reason: CodecErrorReason;
  readonly offset: number;
  readonly character: string;
  readonly message: string;
}

function expectCodecError(run: () => unknown, expected: ErrorCase): void {
  assert.throws(run, (error: unknown) => {
    assert.ok(error instanceof EngineError, `${JSON.stringify(expected.input)}: an EngineError`);
    assert.equal(error.code, 'CODEC_INVALID');
    assert.equal(error.message, expected.message);
    assert.deepEqual(error.data, {
      encoding: expected.encoding,
      offset: expected.offset,
      character: expected.character,
      reason: expected.reason,
    });
    return true;
  });
}

describe('codecs', () => {
  let failedOnce = false;
  afterEach(function () {
    if (this.currentTest?.state === 'failed' && !failedOnce) {
      failedOnce = true;
      console.log(`\n    codecs property tests used SEED=${SEED}; replay with: SEED=${SEED} npx mocha --no-config out/test/engine/codecs.test.js`);
    }
  });

  describe('encodePayload / decodePayload tables', () => {
    const table: ReadonlyArray<readonly [PayloadEncoding, string, Uint8Array]> = [
      ['utf8', '', bytes()],
      ['utf8', 'Hello\r\n', bytes(0x48, 0x65, 0x6c, 0x6c, 0x6f, 0x0d, 0x0a)],
      ['utf8', 'é€😀', bytes(0xc3, 0xa9, 0xe2, 0x82, 0xac, 0xf0, 0x9f, 0x98, 0x80)],
      ['utf8', '\u0000\uffff', bytes(0x00, 0xef, 0xbf, 0xbf)],
      ['utf8', '\ufeffA', bytes(0xef, 0xbb, 0xbf, 0x41)],
      ['hex', '', bytes()],
      ['hex', '00 ff 0d 0a', bytes(0x00, 0xff, 0x0d, 0x0a)],
      ['hex', '48 65 6c 6c 6f 0d 0a', bytes(0x48, 0x65, 0x6c, 0x6c, 0x6f, 0x0d, 0x0a)],
      ['hex', '48656c6c6f', bytes(0x48, 0x65, 0x6c, 0x6c, 0x6f)],
      ['hex', '0x48 0x65', bytes(0x48, 0x65)],
      ['hex', '0X480X65', bytes(0x48, 0x65)],
      ['hex', '\\x48\\x65', bytes(0x48, 0x65)],
      ['hex', '\\X48 \\x65', bytes(0x48, 0x65)],
      ['hex', '48:65:6c', bytes(0x48, 0x65, 0x6c)],
      ['hex', '48-65-6C', bytes(0x48, 0x65, 0x6c)],
      ['hex', '0x48, 0x65', bytes(0x48, 0x65)],
      ['hex', ' \t48\n65\r\n6c\v\f', bytes(0x48, 0x65, 0x6c)],
      ['hex', 'DEADbeef', bytes(0xde, 0xad, 0xbe, 0xef)],
      ['hex', '0x4865', bytes(0x48, 0x65)],
      ['hex', '480x65', bytes(0x48, 0x65)],
      ['hex', '00', bytes(0x00)],
      ['hex', '0x00', bytes(0x00)],
      ['base64', '', bytes()],
      ['base64', 'SGVsbG8NCg==', bytes(0x48, 0x65, 0x6c, 0x6c, 0x6f, 0x0d, 0x0a)],
      ['base64', 'SGVsbG8NCg', bytes(0x48, 0x65, 0x6c, 0x6c, 0x6f, 0x0d, 0x0a)],
      ['base64', 'AP8NCg==', bytes(0x00, 0xff, 0x0d, 0x0a)],
      ['base64', '+/+/', bytes(0xfb, 0xff, 0xbf)],
      ['base64', '-_-_', bytes(0xfb, 0xff, 0xbf)],
      ['base64', '+_-/', bytes(0xfb, 0xff, 0xbf)],
      ['base64', ' S G V s\nb G 8 =\t', bytes(0x48, 0x65, 0x6c, 0x6c, 0x6f)],
      ['base64', 'QQ= =', bytes(0x41)],
      ['base64', 'QUI=', bytes(0x41, 0x42)],
      ['base64', 'QR==', bytes(0x41)],
      ['escapes', '', bytes()],
      ['escapes', 'Hello\\r\\n', bytes(0x48, 0x65, 0x6c, 0x6c, 0x6f, 0x0d, 0x0a)],
      ['escapes', '\\0\\xff\\r\\n', bytes(0x00, 0xff, 0x0d, 0x0a)],
      ['escapes', '\\t\\\\\\x4A\\X4a', bytes(0x09, 0x5c, 0x4a, 0x4a)],
      ['escapes', '\\a\\b\\e\\f\\v', bytes(0x07, 0x08, 0x1b, 0x0c, 0x0b)],
      ['escapes', '\\012', bytes(0x00, 0x31, 0x32)],
      ['escapes', 'é😀', bytes(0xc3, 0xa9, 0xf0, 0x9f, 0x98, 0x80)],
      ['escapes', 'a\nb', bytes(0x61, 0x0a, 0x62)],
      ['escapes', '\\\\x41', bytes(0x5c, 0x78, 0x34, 0x31)],
    ];
    for (const [encoding, input, expected] of table) {
      it(`${encoding} ${JSON.stringify(input)} → ${hexOf(expected) || '(empty)'}`, () => {
        assert.deepEqual(encodePayload(input, encoding), expected);
      });
    }

    const display: ReadonlyArray<readonly [PayloadEncoding, Uint8Array, string]> = [
      ['utf8', bytes(0x48, 0x65, 0x6c, 0x6c, 0x6f, 0x0d, 0x0a), 'Hello\r\n'],
      ['utf8', bytes(0x41, 0xff, 0x42), 'A\ufffdB'],
      ['utf8', bytes(0xe2, 0x82), '\ufffd'],
      ['utf8', bytes(0xef, 0xbb, 0xbf, 0x41), '\ufeffA'],
      ['hex', bytes(), ''],
      ['hex', bytes(0x00, 0xff, 0x0d, 0x0a), '00 ff 0d 0a'],
      ['hex', bytes(0x48, 0x65, 0x6c), '48 65 6c'],
      ['base64', bytes(), ''],
      ['base64', bytes(0x41), 'QQ=='],
      ['base64', bytes(0x41, 0x42), 'QUI='],
      ['base64', bytes(0x41, 0x42, 0x43), 'QUJD'],
      ['base64', bytes(0xfb, 0xff, 0xbf), '+/+/'],
      ['base64', bytes(0x00, 0xff, 0x0d, 0x0a), 'AP8NCg=='],
      ['escapes', bytes(0x48, 0x65, 0x6c, 0x6c, 0x6f, 0x0d, 0x0a), 'Hello\\r\\n'],
      ['escapes', bytes(0x00, 0xff, 0x0d, 0x0a), '\\0\\xff\\r\\n'],
      ['escapes', bytes(0x09, 0x5c, 0x20, 0x7e, 0x7f, 0x1b, 0x07, 0x80), '\\t\\\\ ~\\x7f\\x1b\\x07\\x80'],
      ['escapes', bytes(0xc3, 0xa9), '\\xc3\\xa9'],
    ];
    for (const [encoding, input, expected] of display) {
      it(`${encoding} display of ${hexOf(input) || '(empty)'} is ${JSON.stringify(expected)}`, () => {
        assert.equal(decodePayload(input, encoding), expected);
      });
    }

    it('escapes display shows every byte value as documented', () => {
      for (let value = 0; value < 256; value++) {
        const shown = decodePayload(bytes(value), 'escapes');
        const named: Record<number, string> = { 0x00: '\\0', 0x09: '\\t', 0x0a: '\\n', 0x0d: '\\r', 0x5c: '\\\\' };
        const expected =
          named[value] ?? (value >= 0x20 && value <= 0x7e ? String.fromCharCode(value) : `\\x${value.toString(16).padStart(2, '0')}`);
        assert.equal(shown, expected, `byte ${value}`);
      }
    });
  });

  describe('errors', () => {
    const cases: readonly ErrorCase[] = [
      // hex
      { encoding: 'hex', input: '486g', reason: 'invalid-character', offset: 3, character: 'g', message: "hex: invalid character 'g' at offset 3" },
      { encoding: 'hex', input: '48 g', reason: 'invalid-character', offset: 3, character: 'g', message: "hex: invalid character 'g' at offset 3" },
      { encoding: 'hex', input: '48 6', reason: 'odd-digits', offset: 3, character: '6', message: "hex: odd number of hex digits, dangling digit '6' at offset 3" },
      { encoding: 'hex', input: '486', reason: 'odd-digits', offset: 2, character: '6', message: "hex: odd number of hex digits, dangling digit '6' at offset 2" },
      { encoding: 'hex', input: '4 8', reason: 'odd-digits', offset: 0, character: '4', message: "hex: odd number of hex digits, dangling digit '4' at offset 0" },
      { encoding: 'hex', input: '4:8', reason: 'odd-digits', offset: 0, character: '4', message: "hex: odd number of hex digits, dangling digit '4' at offset 0" },
      { encoding: 'hex', input: '4\\x65', reason: 'odd-digits', offset: 0, character: '4', message: "hex: odd number of hex digits, dangling digit '4' at offset 0" },
      { encoding: 'hex', input: '0x4', reason: 'odd-digits', offset: 2, character: '4', message: "hex: odd number of hex digits, dangling digit '4' at offset 2" },
      { encoding: 'hex', input: '40x65', reason: 'invalid-character', offset: 2, character: 'x', message: "hex: invalid character 'x' at offset 2" },
      { encoding: 'hex', input: '48 0x', reason: 'empty-prefix', offset: 3, character: '0', message: "hex: '0x' prefix without digits, '0' at offset 3" },
      { encoding: 'hex', input: '0x 48', reason: 'empty-prefix', offset: 0, character: '0', message: "hex: '0x' prefix without digits, '0' at offset 0" },
      { encoding: 'hex', input: '0xg1', reason: 'invalid-character', offset: 2, character: 'g', message: "hex: invalid character 'g' at offset 2" },
      { encoding: 'hex', input: '\\X', reason: 'empty-prefix', offset: 0, character: '\\', message: "hex: '\\X' prefix without digits, '\\' at offset 0" },
      { encoding: 'hex', input: '48\\', reason: 'empty-prefix', offset: 2, character: '\\', message: "hex: '\\' without 'x' and digits at offset 2" },
      { encoding: 'hex', input: '\\n', reason: 'invalid-character', offset: 1, character: 'n', message: "hex: invalid character 'n' after '\\' at offset 1" },
      { encoding: 'hex', input: '48\u00a065', reason: 'invalid-character', offset: 2, character: '\u00a0', message: 'hex: invalid character U+00A0 at offset 2' },
      { encoding: 'hex', input: '48\u200b', reason: 'invalid-character', offset: 2, character: '\u200b', message: 'hex: invalid character U+200B at offset 2' },
      { encoding: 'hex', input: '48😀', reason: 'invalid-character', offset: 2, character: '😀', message: "hex: invalid character '😀' (U+1F600) at offset 2" },
      { encoding: 'hex', input: '\u0007', reason: 'invalid-character', offset: 0, character: '\u0007', message: 'hex: invalid character U+0007 at offset 0' },
      // base64
      { encoding: 'base64', input: 'QU*D', reason: 'invalid-character', offset: 2, character: '*', message: "base64: invalid character '*' at offset 2" },
      { encoding: 'base64', input: 'QUJD.', reason: 'invalid-character', offset: 4, character: '.', message: "base64: invalid character '.' at offset 4" },
      { encoding: 'base64', input: 'QUJDR', reason: 'dangling-character', offset: 4, character: 'R', message: "base64: incomplete group, dangling character 'R' at offset 4" },
      { encoding: 'base64', input: 'Q===', reason: 'dangling-character', offset: 0, character: 'Q', message: "base64: incomplete group, dangling character 'Q' at offset 0" },
      { encoding: 'base64', input: 'QQ=', reason: 'bad-padding', offset: 2, character: '=', message: "base64: invalid padding '=' (the data needs '==') at offset 2" },
      { encoding: 'base64', input: 'QUI==', reason: 'bad-padding', offset: 4, character: '=', message: "base64: invalid padding '=' (the data needs '=') at offset 4" },
      { encoding: 'base64', input: 'QQ= ==', reason: 'bad-padding', offset: 5, character: '=', message: "base64: invalid padding '=' (the data needs '==') at offset 5" },
      { encoding: 'base64', input: 'QUJD=', reason: 'bad-padding', offset: 4, character: '=', message: "base64: invalid padding '=' (the data needs no padding) at offset 4" },
      { encoding: 'base64', input: '====', reason: 'bad-padding', offset: 0, character: '=', message: "base64: invalid padding '=' (the data needs no padding) at offset 0" },
      { encoding: 'base64', input: 'QQ==QQ==', reason: 'after-padding', offset: 4, character: 'Q', message: "base64: unexpected character 'Q' after padding at offset 4" },
      { encoding: 'base64', input: 'QQ==é', reason: 'invalid-character', offset: 4, character: 'é', message: "base64: invalid character 'é' (U+00E9) at offset 4" },
      // escapes
      { encoding: 'escapes', input: 'ab\\q', reason: 'unknown-escape', offset: 3, character: 'q', message: "escapes: unknown escape '\\q', invalid character 'q' at offset 3" },
      { encoding: 'escapes', input: '\\ ', reason: 'unknown-escape', offset: 1, character: ' ', message: "escapes: unknown escape '\\ ', invalid character ' ' at offset 1" },
      { encoding: 'escapes', input: '\\é', reason: 'unknown-escape', offset: 1, character: 'é', message: "escapes: unknown escape '\\é', invalid character 'é' (U+00E9) at offset 1" },
      { encoding: 'escapes', input: '\\x4g', reason: 'bad-hex-escape', offset: 3, character: 'g', message: "escapes: invalid character 'g' in '\\x' escape (needs two hex digits) at offset 3" },
      { encoding: 'escapes', input: '\\xg0', reason: 'bad-hex-escape', offset: 2, character: 'g', message: "escapes: invalid character 'g' in '\\x' escape (needs two hex digits) at offset 2" },
      { encoding: 'escapes', input: '\\x4 ', reason: 'bad-hex-escape', offset: 3, character: ' ', message: "escapes: invalid character ' ' in '\\x' escape (needs two hex digits) at offset 3" },
      { encoding: 'escapes', input: 'ab\\x4', reason: 'incomplete-escape', offset: 2, character: '\\', message: "escapes: incomplete escape '\\x4' at the end of the input, '\\' at offset 2" },
      { encoding: 'escapes', input: '\\x', reason: 'incomplete-escape', offset: 0, character: '\\', message: "escapes: incomplete escape '\\x' at the end of the input, '\\' at offset 0" },
      { encoding: 'escapes', input: 'Hello\\', reason: 'trailing-backslash', offset: 5, character: '\\', message: "escapes: trailing backslash '\\' at offset 5" },
      { encoding: 'escapes', input: 'a\ud800b', reason: 'lone-surrogate', offset: 1, character: '\ud800', message: 'escapes: lone surrogate U+D800 at offset 1' },
      { encoding: 'escapes', input: 'a\udc00', reason: 'lone-surrogate', offset: 1, character: '\udc00', message: 'escapes: lone surrogate U+DC00 at offset 1' },
      // utf8
      { encoding: 'utf8', input: 'ok\ud83d', reason: 'lone-surrogate', offset: 2, character: '\ud83d', message: 'utf8: lone surrogate U+D83D at offset 2' },
      { encoding: 'utf8', input: '😀\ude00', reason: 'lone-surrogate', offset: 2, character: '\ude00', message: 'utf8: lone surrogate U+DE00 at offset 2' },
    ];
    for (const expected of cases) {
      it(`${expected.encoding} ${JSON.stringify(expected.input)} → ${expected.reason} at ${expected.offset}`, () => {
        expectCodecError(() => encodePayload(expected.input, expected.encoding), expected);
        const validation = validatePayload(expected.input, expected.encoding);
        assert.equal(validation.ok, false);
        if (!validation.ok) {
          assert.deepEqual(validation.error, {
            code: 'CODEC_INVALID',
            message: expected.message,
            data: { encoding: expected.encoding, offset: expected.offset, character: expected.character, reason: expected.reason },
          });
        }
      });
    }

    it('refuses an unknown encoding with a typed error, both ways', () => {
      const bogus = 'rot13' as PayloadEncoding;
      assert.throws(() => encodePayload('a', bogus), (error: unknown) => error instanceof EngineError && error.code === 'CODEC_INVALID' && error.data.reason === 'unknown-encoding');
      assert.throws(() => decodePayload(bytes(1), bogus), (error: unknown) => error instanceof EngineError && error.data.reason === 'unknown-encoding');
      const conversion = convertPayload('41', 'hex', bogus);
      assert.equal(conversion.ok, false);
    });

    it('offsets in random bad input name the first bad character (seeded)', () => {
      const random = mulberry32(SEED);
      for (let round = 0; round < 300; round++) {
        const data = randomBytes(random);
        const good = decodePayload(data, 'hex');
        const at = integer(random, 0, good.length);
        const bad = good.slice(0, at) + 'z' + good.slice(at);
        const validation = validatePayload(bad, 'hex');
        assert.equal(validation.ok, false, `SEED=${SEED} round ${round}`);
        if (!validation.ok) {
          // A digit cut off by the `z` is reported as `z` itself: the bad character comes first.
          assert.equal(validation.error.data.offset, at, `SEED=${SEED} round ${round}: ${JSON.stringify(bad)}`);
          assert.equal(validation.error.data.character, 'z', `SEED=${SEED} round ${round}`);
        }
      }
    });
  });

  describe('round trips (seeded properties)', () => {

    for (const encoding of ['hex', 'base64', 'escapes'] as const) {
      it(`${encoding}: encode(decode(bytes)) equals bytes`, () => {
        const random = mulberry32(SEED);
        for (let round = 0; round < ROUNDS; round++) {
          const data = randomBytes(random);
          const text = decodePayload(data, encoding);
          assert.deepEqual(encodePayload(text, encoding), data, `SEED=${SEED} round ${round} ${encoding} ${JSON.stringify(text)}`);
        }
      });
    }

    it('escapes: every byte pair round-trips (exhaustive)', () => {
      const pair = new Uint8Array(2);
      for (let first = 0; first < 256; first++) {
        for (let second = 0; second < 256; second++) {
          pair[0] = first;
          pair[1] = second;
          const text = decodePayload(pair, 'escapes');
          assert.deepEqual(encodePayload(text, 'escapes'), pair, `${first} ${second}`);
        }
      }
    });

    it('utf8: random well-formed strings (astral included) survive encode → decode, and bytes survive decode → encode', () => {
      const random = mulberry32(SEED);
      for (let round = 0; round < ROUNDS; round++) {
        const text = randomString(random);
        const encoded = encodePayload(text, 'utf8');
        assert.deepEqual(encoded, new Uint8Array(Buffer.from(text, 'utf8')), `SEED=${SEED} round ${round}`);
        assert.equal(decodePayload(encoded, 'utf8'), text, `SEED=${SEED} round ${round}`);
        assert.deepEqual(encodePayload(decodePayload(encoded, 'utf8'), 'utf8'), encoded, `SEED=${SEED} round ${round}`);
        // Escapes text is UTF-8 for everything but the backslash.
        if (!text.includes('\\')) {
          assert.deepEqual(encodePayload(text, 'escapes'), encoded, `SEED=${SEED} round ${round} escapes`);
        }
      }
    });

    it('base64 matches Node for display and accepts URL-safe, unpadded and spaced variants', () => {
      const random = mulberry32(SEED);
      for (let round = 0; round < ROUNDS; round++) {
        const data = randomBytes(random);
        const standard = decodePayload(data, 'base64');
        assert.equal(standard, Buffer.from(data).toString('base64'), `SEED=${SEED} round ${round}`);
        const urlSafe = Buffer.from(data).toString('base64url');
        const spaced = standard.replace(/(.{1,5})/g, (chunk) => chunk + pick(random, [' ', '\n', '\t', '', '\r\n']));
        for (const variant of [urlSafe, standard.replace(/=+$/, ''), spaced]) {
          assert.deepEqual(encodePayload(variant, 'base64'), data, `SEED=${SEED} round ${round} ${JSON.stringify(variant)}`);
        }
      }
    });

    it('hex accepts every tolerated style', () => {
      const random = mulberry32(SEED);
      for (let round = 0; round < ROUNDS; round++) {
        const data = randomBytes(random);
        const pairs = Array.from(data, (value) => {
          const pair = value.toString(16).padStart(2, '0');
          return random() < 0.5 ? pair.toUpperCase() : pair;
        });
        const prefix = pick(random, ['', '0x', '0X', '\\x', '\\X']);
        const separator = pick(random, [' ', ':', '-', ', ', '\n', '\t', '', '\r\n  ']);
        const text = pairs.map((pair) => prefix + pair).join(separator === '' && prefix === '' ? '' : separator);
        assert.deepEqual(encodePayload(text, 'hex'), data, `SEED=${SEED} round ${round} ${JSON.stringify(text)}`);
      }
    });

    it('convertPayload between every pair of lossless encodings keeps the bytes (seeded)', () => {
      const random = mulberry32(SEED);
      for (let round = 0; round < 200; round++) {
        const data = randomBytes(random);
        for (const from of ['hex', 'base64', 'escapes'] as const) {
          for (const to of ['hex', 'base64', 'escapes'] as const) {
            const result = convertPayload(decodePayload(data, from), from, to);
            assert.ok(result.ok, `SEED=${SEED} round ${round} ${from}→${to}`);
            assert.deepEqual(result.bytes, data, `SEED=${SEED} round ${round} ${from}→${to}`);
            assert.equal(result.text, decodePayload(data, to), `SEED=${SEED} round ${round} ${from}→${to}`);
          }
        }
      }
    });

    it('findInvalidUtf8 agrees with a fatal TextDecoder (seeded)', () => {
      const random = mulberry32(SEED);
      const fatal = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
      const decodes = (data: Uint8Array): boolean => {
        try {
          fatal.decode(data);
          return true;
        } catch {
          return false;
        }
      };
      for (let round = 0; round < 2000; round++) {
        const data = round % 2 === 0 ? randomBytes(random) : encodePayload(randomString(random), 'utf8');
        if (round % 4 === 1 && data.length > 0) {
          data[integer(random, 0, data.length - 1)] = pick(random, [0x80, 0xbf, 0xc0, 0xc1, 0xe0, 0xed, 0xf4, 0xf5, 0xff]);
        }
        const offset = findInvalidUtf8(data);
        const message = `SEED=${SEED} round ${round} ${hexOf(data)}`;
        assert.equal(offset === -1, decodes(data), message);
        if (offset >= 0) {
          // Everything before the offset is valid; the sequence starting there is not.
          assert.ok(decodes(data.subarray(0, offset)), message);
          assert.equal(decodePayload(data.subarray(offset), 'utf8').charCodeAt(0), 0xfffd, message);
        }
      }
    });
  });

  describe('validatePayload', () => {
    it('returns the bytes for valid input', () => {
      assert.deepEqual(validatePayload('48 65', 'hex'), { ok: true, bytes: bytes(0x48, 0x65) });
      assert.deepEqual(validatePayload('Hi\\n', 'escapes'), { ok: true, bytes: bytes(0x48, 0x69, 0x0a) });
    });

    it('accepts the empty payload in every encoding', () => {
      for (const encoding of PAYLOAD_ENCODINGS) {
        assert.deepEqual(validatePayload('', encoding), { ok: true, bytes: bytes() }, encoding);
      }
    });
  });

  describe('convertPayload', () => {
    it('converts the primer example hex to escapes and utf8', () => {
      assert.deepEqual(convertPayload('48 65 6c 6c 6f 0d 0a', 'hex', 'escapes'), {
        ok: true,
        text: 'Hello\\r\\n',
        bytes: bytes(0x48, 0x65, 0x6c, 0x6c, 0x6f, 0x0d, 0x0a),
      });
      const utf8 = convertPayload('48 65 6c 6c 6f 0d 0a', 'hex', 'utf8');
      assert.ok(utf8.ok);
      assert.equal(utf8.text, 'Hello\r\n');
    });

    it('normalizes when from and to are the same', () => {
      const result = convertPayload('0x48,0X65:6C', 'hex', 'hex');
      assert.ok(result.ok);
      assert.equal(result.text, '48 65 6c');
    });

    it('converts utf8 text with astral characters to escapes and back', () => {
      const there = convertPayload('é😀\r\n', 'utf8', 'escapes');
      assert.ok(there.ok);
      assert.equal(there.text, '\\xc3\\xa9\\xf0\\x9f\\x98\\x80\\r\\n');
      const back = convertPayload(there.text, 'escapes', 'utf8');
      assert.ok(back.ok);
      assert.equal(back.text, 'é😀\r\n');
    });

    it('keeps a byte order mark when converting to utf8', () => {
      const result = convertPayload('ef bb bf 41', 'hex', 'utf8');
      assert.ok(result.ok);
      assert.equal(result.text, '\ufeffA');
    });

    it('refuses to show bytes that are not UTF-8 as utf8, naming the first bad byte', () => {
      assert.deepEqual(convertPayload('48 69 ff 0a', 'hex', 'utf8'), {
        ok: false,
        error: {
          code: 'CODEC_INVALID',
          message: 'utf8: bytes are not valid UTF-8, first bad byte 0xff at offset 2',
          data: { encoding: 'utf8', offset: 2, character: '\\xff', reason: 'not-utf8', byte: 0xff },
        },
      });
      const cut = convertPayload('\\x41\\xe2\\x82', 'escapes', 'utf8');
      assert.ok(!cut.ok);
      assert.equal(cut.error.data.offset, 1);
      const surrogate = convertPayload('ed a0 80', 'hex', 'utf8');
      assert.ok(!surrogate.ok);
      assert.equal(surrogate.error.data.offset, 0);
      const overlong = convertPayload('41 c0 af', 'hex', 'utf8');
      assert.ok(!overlong.ok);
      assert.equal(overlong.error.data.offset, 1);
    });

    it('reports invalid source text with the source encoding', () => {
      const result = convertPayload('48 6', 'hex', 'base64');
      assert.deepEqual(result, {
        ok: false,
        error: {
          code: 'CODEC_INVALID',
          message: "hex: odd number of hex digits, dangling digit '6' at offset 3",
          data: { encoding: 'hex', offset: 3, character: '6', reason: 'odd-digits' },
        },
      });
    });
  });

  describe('previewBytes', () => {
    it('shows short payloads whole, escapes-style, on one line', () => {
      assert.equal(previewBytes(bytes(0x48, 0x65, 0x6c, 0x6c, 0x6f, 0x0d, 0x0a), 20), 'Hello\\r\\n');
      assert.equal(previewBytes(bytes(), 10), '');
    });

    it('cuts at max characters with an ellipsis, never inside an escape', () => {
      const data = encodePayload('abcdef', 'utf8');
      assert.equal(previewBytes(data, 6), 'abcdef');
      assert.equal(previewBytes(data, 5), 'abcd…');
      assert.equal(previewBytes(data, 1), '…');
      assert.equal(previewBytes(data, 0), '');
      const escaped = bytes(0x41, 0x1b, 0x42);
      assert.equal(previewBytes(escaped, 6), 'A\\x1bB');
      assert.equal(previewBytes(escaped, 5), 'A…');
      assert.equal(previewBytes(escaped, 4), 'A…');
    });

    it('never exceeds max and reads a prefix of the display text (seeded)', () => {
      const random = mulberry32(SEED);
      for (let round = 0; round < ROUNDS; round++) {
        const data = randomBytes(random);
        const max = integer(random, 0, 60);
        const preview = previewBytes(data, max);
        const full = decodePayload(data, 'escapes');
        const message = `SEED=${SEED} round ${round} max ${max}`;
        assert.ok(preview.length <= max, message);
        if (max === 0) {
          assert.equal(preview, '', message);
        } else if (full.length <= max) {
          assert.equal(preview, full, message);
        } else {
          assert.ok(preview.endsWith('…') && full.startsWith(preview.slice(0, -1)), message);
        }
      }
    });

    it('previews the start of a large payload', () => {
      const large = new Uint8Array(16 * 1024 * 1024);
      assert.equal(previewBytes(large, 9), '\\0\\0\\0\\0…');
    });
  });

  describe('1 MiB of random bytes', () => {
    // Speed is measured by `npm run bench` (codec-*), not asserted here; this checks the round trip at size.
    const random = mulberry32(SEED);
    const data = new Uint8Array(1024 * 1024).map(() => integer(random, 0, 255));

    for (const encoding of PAYLOAD_ENCODINGS.filter((candidate) => candidate !== 'utf8')) {
      it(`${encoding} round-trips 1 MiB exactly`, () => {
        assert.deepEqual(encodePayload(decodePayload(data, encoding), encoding), data, `SEED=${SEED}`);
      });
    }
  });
});

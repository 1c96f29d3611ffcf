/** Text → bytes for the payload codecs (codecs.ts), with failures returned, not thrown, for as-you-type checks. */
import { EngineError, type EngineErrorData } from './errors';
import type { CodecErrorReason } from './codecs';
import type { PayloadEncoding } from './types';
import { BASE64_VALUES, CODE_BACKSLASH, CODE_EQUALS, CODE_ZERO, ESCAPE_VALUES, HEX_SEPARATORS, HEX_VALUES, WHITESPACE, utf8Encoder } from './codecTables';

// ---------------------------------------------------------------------------------------------
// Failures

/** A parse failure, returned rather than thrown so as-you-type validation does not pay for exceptions. */
interface Failure {
  readonly encoding: string;
  readonly reason: CodecErrorReason;
  readonly offset: number;
  readonly character: string;
  readonly message: string;
}

export function toEngineError(failure: Failure): EngineError {
  const data: EngineErrorData = {
    encoding: failure.encoding,
    offset: failure.offset,
    character: failure.character,
    reason: failure.reason,
  };
  return new EngineError('CODEC_INVALID', failure.message, data);
}

/** The whole code point at `offset` (an astral character is one character to the user). */
function characterAt(text: string, offset: number): string {
  const codePoint = text.codePointAt(offset);
  return codePoint === undefined ? '' : String.fromCodePoint(codePoint);
}

/** Quotes a character for a message; invisible ones are named by code point so the message shows them. */
export function describeCharacter(character: string): string {
  const codePoint = character.codePointAt(0);
  if (codePoint === undefined) {
    return '';
  }
  const name = 'U+' + codePoint.toString(16).toUpperCase().padStart(4, '0');
  if (isInvisible(codePoint)) {
    return name;
  }
  return codePoint < 0x80 ? `'${character}'` : `'${character}' (${name})`;
}

/** Controls, odd spaces, zero-width and format characters, surrogates: quoting them would show nothing useful. */
function isInvisible(codePoint: number): boolean {
  return (
    codePoint < 0x20 ||
    (codePoint >= 0x7f && codePoint <= 0xa0) ||
    codePoint === 0xad ||
    (codePoint >= 0x2000 && codePoint <= 0x200f) ||
    (codePoint >= 0x2028 && codePoint <= 0x202f) ||
    (codePoint >= 0x205f && codePoint <= 0x206f) ||
    codePoint === 0x3000 ||
    codePoint === 0xfeff ||
    (codePoint >= 0xd800 && codePoint <= 0xdfff)
  );
}

export function failure(encoding: PayloadEncoding, reason: CodecErrorReason, text: string, offset: number, problem: string): Failure {
  const character = characterAt(text, offset);
  return { encoding, reason, offset, character, message: `${encoding}: ${problem.replace('%c', describeCharacter(character))} at offset ${offset}` };
}

export function unknownEncoding(encoding: string): Failure {
  return { encoding: String(encoding), reason: 'unknown-encoding', offset: 0, character: '', message: `unknown payload encoding '${String(encoding)}'` };
}

export function isKnownEncoding(encoding: string): encoding is PayloadEncoding {
  return encoding === 'utf8' || encoding === 'hex' || encoding === 'base64' || encoding === 'escapes';
}

// ---------------------------------------------------------------------------------------------
// Text → bytes

export function parse(text: string, encoding: PayloadEncoding): Uint8Array | Failure {
  switch (encoding) {
    case 'utf8':
      return parseUtf8(text);
    case 'hex':
      return parseHex(text);
    case 'base64':
      return parseBase64(text);
    case 'escapes':
      return parseEscapes(text);
    default:
      return unknownEncoding(encoding);
  }
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** String.prototype.isWellFormed (ES2024; Node 20, current browsers) is far faster than the regex, which then only locates. */
const isWellFormed = (String.prototype as unknown as { isWellFormed?: (this: string) => boolean }).isWellFormed;

function parseUtf8(text: string): Uint8Array | Failure {
  if (isWellFormed === undefined || !isWellFormed.call(text)) {
    const lone = LONE_SURROGATE.exec(text);
    if (lone !== null) {
      return failure('utf8', 'lone-surrogate', text, lone.index, 'lone surrogate %c');
    }
  }
  return utf8Encoder.encode(text);
}

/** Returns only the filled part, copied so callers never hold the oversized scratch buffer. */
export function filled(output: Uint8Array, count: number): Uint8Array {
  return count === output.length ? output : output.slice(0, count);
}

function isHexDigitAt(text: string, position: number): boolean {
  const code = text.charCodeAt(position);
  return code < 128 && HEX_VALUES[code] >= 0;
}

function parseHex(text: string): Uint8Array | Failure {
  const length = text.length;
  const output = new Uint8Array(length >>> 1);
  let count = 0;
  // The first digit of a pair, waiting for its partner.
  let high = -1;
  let highOffset = 0;
  for (let position = 0; position < length; position++) {
    const code = text.charCodeAt(position);
    const value = code < 128 ? HEX_VALUES[code] : -1;
    if (value >= 0) {
      if (high >= 0) {
        output[count++] = (high << 4) | value;
        high = -1;
      } else if (code === CODE_ZERO && (text.charCodeAt(position + 1) | 0x20) === 0x78) {
        // `0x` prefix: only at a pair boundary, since `40x` is 0x40 then a stray `x`.
        const problem = checkPrefix(text, position);
        if (problem !== undefined) {
          return problem;
        }
        position++;
      } else {
        high = value;
        highOffset = position;
      }
      continue;
    }
    const separator = code < 128 && HEX_SEPARATORS[code] === 1;
    if (high >= 0 && (separator || code === CODE_BACKSLASH)) {
      return failure('hex', 'odd-digits', text, highOffset, 'odd number of hex digits, dangling digit %c');
    }
    if (separator) {
      continue;
    }
    if (code === CODE_BACKSLASH && high < 0) {
      if (position + 1 >= length) {
        return failure('hex', 'empty-prefix', text, position, "%c without 'x' and digits");
      }
      if ((text.charCodeAt(position + 1) | 0x20) !== 0x78) {
        return failure('hex', 'invalid-character', text, position + 1, "invalid character %c after '\\'");
      }
      const problem = checkPrefix(text, position);
      if (problem !== undefined) {
        return problem;
      }
      position++;
      continue;
    }
    return failure('hex', 'invalid-character', text, position, 'invalid character %c');
  }
  if (high >= 0) {
    return failure('hex', 'odd-digits', text, highOffset, 'odd number of hex digits, dangling digit %c');
  }
  return filled(output, count);
}

/** A `0x` / `\x` prefix at `start` must be followed by a digit; anything else is reported here. */
function checkPrefix(text: string, start: number): Failure | undefined {
  const next = start + 2;
  if (isHexDigitAt(text, next)) {
    return undefined;
  }
  const code = text.charCodeAt(next);
  const endsHere = next >= text.length || (code < 128 && HEX_SEPARATORS[code] === 1) || code === CODE_BACKSLASH;
  if (endsHere) {
    const prefix = text.slice(start, start + 2);
    return failure('hex', 'empty-prefix', text, start, `'${prefix}' prefix without digits, %c`);
  }
  return failure('hex', 'invalid-character', text, next, 'invalid character %c');
}

function parseBase64(text: string): Uint8Array | Failure {
  const length = text.length;
  const output = new Uint8Array(((length >>> 2) + 1) * 3);
  let count = 0;
  // Sextets gathered for the current group of four, packed into an integer.
  let accumulator = 0;
  let sextets = 0;
  let groupStart = 0;
  let dataCharacters = 0;
  let padding = 0;
  // Offsets of the first three `=`; the error points at the first one that is wrong.
  const paddingOffsets: number[] = [];
  for (let position = 0; position < length; position++) {
    const code = text.charCodeAt(position);
    if (code < 128 && WHITESPACE[code] === 1) {
      continue;
    }
    if (code === CODE_EQUALS) {
      padding++;
      if (paddingOffsets.length < 3) {
        paddingOffsets.push(position);
      }
      continue;
    }
    const value = code < 128 ? BASE64_VALUES[code] : -1;
    if (value < 0) {
      return failure('base64', 'invalid-character', text, position, 'invalid character %c');
    }
    if (padding > 0) {
      return failure('base64', 'after-padding', text, position, 'unexpected character %c after padding');
    }
    if (sextets === 0) {
      groupStart = position;
    }
    dataCharacters++;
    accumulator = (accumulator << 6) | value;
    if (++sextets === 4) {
      output[count++] = accumulator >>> 16;
      output[count++] = (accumulator >>> 8) & 0xff;
      output[count++] = accumulator & 0xff;
      accumulator = 0;
      sextets = 0;
    }
  }
  if (sextets === 1) {
    return failure('base64', 'dangling-character', text, groupStart, 'incomplete group, dangling character %c');
  }
  if (padding > 0) {
    const expected = (4 - (dataCharacters % 4)) % 4;
    if (padding !== expected) {
      // Too many: the first extra `=` is wrong. Too few (or none needed): the first one is.
      const wrong = padding > expected && expected > 0 ? paddingOffsets[expected] : paddingOffsets[0];
      const needs = expected === 0 ? 'no padding' : `'${'='.repeat(expected)}'`;
      return failure('base64', 'bad-padding', text, wrong, `invalid padding %c (the data needs ${needs})`);
    }
  }
  if (sextets === 2) {
    output[count++] = accumulator >>> 4;
  } else if (sextets === 3) {
    output[count++] = accumulator >>> 10;
    output[count++] = (accumulator >>> 2) & 0xff;
  }
  return filled(output, count);
}

function parseEscapes(text: string): Uint8Array | Failure {
  const length = text.length;
  // Worst case three bytes per UTF-16 unit (a surrogate pair is two units for four bytes).
  const output = new Uint8Array(length * 3);
  let count = 0;
  for (let position = 0; position < length; position++) {
    const code = text.charCodeAt(position);
    if (code < 0x80) {
      if (code !== CODE_BACKSLASH) {
        output[count++] = code;
        continue;
      }
      const start = position;
      if (++position >= length) {
        return failure('escapes', 'trailing-backslash', text, start, 'trailing backslash %c');
      }
      const letter = text.charCodeAt(position);
      if ((letter | 0x20) === 0x78) {
        const high = position + 1 < length ? hexValueAt(text, position + 1) : -2;
        const low = position + 2 < length ? hexValueAt(text, position + 2) : -2;
        if (high === -1) {
          return failure('escapes', 'bad-hex-escape', text, position + 1, "invalid character %c in '\\x' escape (needs two hex digits)");
        }
        if (high >= 0 && low === -1) {
          return failure('escapes', 'bad-hex-escape', text, position + 2, "invalid character %c in '\\x' escape (needs two hex digits)");
        }
        if (high < 0 || low < 0) {
          const cut = text.slice(start, length);
          return failure('escapes', 'incomplete-escape', text, start, `incomplete escape '${cut}' at the end of the input, %c`);
        }
        output[count++] = (high << 4) | low;
        position += 2;
        continue;
      }
      const value = letter < 128 ? ESCAPE_VALUES[letter] : -1;
      if (value < 0) {
        const escape = '\\' + characterAt(text, position);
        return failure('escapes', 'unknown-escape', text, position, `unknown escape '${escape}', invalid character %c`);
      }
      output[count++] = value;
    } else if (code < 0x800) {
      output[count++] = 0xc0 | (code >> 6);
      output[count++] = 0x80 | (code & 0x3f);
    } else if (code >= 0xd800 && code <= 0xdfff) {
      const next = text.charCodeAt(position + 1);
      if (code > 0xdbff || !(next >= 0xdc00 && next <= 0xdfff)) {
        return failure('escapes', 'lone-surrogate', text, position, 'lone surrogate %c');
      }
      const codePoint = 0x10000 + ((code - 0xd800) << 10) + (next - 0xdc00);
      output[count++] = 0xf0 | (codePoint >> 18);
      output[count++] = 0x80 | ((codePoint >> 12) & 0x3f);
      output[count++] = 0x80 | ((codePoint >> 6) & 0x3f);
      output[count++] = 0x80 | (codePoint & 0x3f);
      position++;
    } else {
      output[count++] = 0xe0 | (code >> 12);
      output[count++] = 0x80 | ((code >> 6) & 0x3f);
      output[count++] = 0x80 | (code & 0x3f);
    }
  }
  return filled(output, count);
}

/** Hex digit value at `position`, or -1. */
function hexValueAt(text: string, position: number): number {
  const code = text.charCodeAt(position);
  return code < 128 ? HEX_VALUES[code] : -1;
}

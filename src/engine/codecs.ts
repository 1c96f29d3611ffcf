/**
 * Payload codecs: the text a user types into a send box becomes bytes on the wire (`encodePayload`),
 * and bytes from the wire become text for display (`decodePayload`).
 *
 * This module is also bundled into the webview, so it uses only Uint8Array and TextEncoder/TextDecoder:
 * no Buffer, no Node modules, no atob/btoa (which work on Latin-1 strings and throw DOMExceptions).
 *
 * Input grammars (text → bytes):
 * - utf8: the text as UTF-8. A lone surrogate is an error: UTF-8 cannot carry it, and sending U+FFFD
 *   in its place would silently change the payload.
 * - hex: pairs of hex digits in either case. Ignored between pairs: whitespace, `:`, `-`, `,` and the
 *   prefixes `0x` / `\x` (either case), so `48 65`, `48:65`, `0x48, 0x65`, `\x48\x65` and `4865` all
 *   mean the same. A pair never spans a separator: `4 8` is a dangling `4`, not 0x48.
 * - base64: the standard alphabet and the URL-safe `-` `_`, mixed freely; whitespace ignored; padding
 *   optional, but when present it must be exactly what the length needs. Non-zero bits left over in the
 *   last character are accepted (like most decoders), so `QR==` decodes to `A`.
 * - escapes: plain text (non-ASCII as UTF-8) with `\r \n \t \0 \\ \xHH` (the display set) and also
 *   `\a \b \e \f \v` (BEL, BS, ESC, FF, VT) because people paste terminal sequences. `\xHH` takes exactly
 *   two hex digits. There are no octal escapes: `\012` is NUL followed by "12", which keeps `\0` from
 *   display unambiguous.
 *
 * Errors: every invalid input throws `EngineError('CODEC_INVALID')` with data
 * `{ encoding, offset, character, reason }`. `offset` is the UTF-16 index of the first bad character;
 * when the input simply stops too early (a dangling hex digit, `\x4` at the end) it is the start of the
 * unfinished piece, so the offset always names a real character.
 */
import { EngineError, type EngineErrorData, type EngineErrorInfo } from './errors';
import type { PayloadEncoding } from './types';

/** Why an input was refused; the extension localizes on this, not on the English message. */
export type CodecErrorReason =
  /** A character that cannot appear in this encoding. */
  | 'invalid-character'
  /** hex: a digit without its partner before a separator or the end. */
  | 'odd-digits'
  /** hex: `0x` or `\x` with no digits after it. */
  | 'empty-prefix'
  /** base64: `=` where the length needs none, or the wrong number of them. */
  | 'bad-padding'
  /** base64: data after the padding. */
  | 'after-padding'
  /** base64: a last group of one character, which cannot make a byte. */
  | 'dangling-character'
  /** escapes: a backslash followed by a letter that is not an escape. */
  | 'unknown-escape'
  /** escapes: `\x` followed by something that is not two hex digits. */
  | 'bad-hex-escape'
  /** escapes: `\x` or `\xH` cut off by the end of the input. */
  | 'incomplete-escape'
  /** escapes: a backslash as the last character. */
  | 'trailing-backslash'
  /** utf8, escapes: half of a surrogate pair, which UTF-8 cannot encode. */
  | 'lone-surrogate'
  /** convertPayload to utf8: the bytes are not valid UTF-8; here `offset` counts bytes, not characters. */
  | 'not-utf8'
  /** An encoding name the codecs do not know (a caller bug, e.g. a stale webview message). */
  | 'unknown-encoding';

export type PayloadValidation =
  | { readonly ok: true; readonly bytes: Uint8Array }
  | { readonly ok: false; readonly error: EngineErrorInfo };

export type PayloadConversion =
  | { readonly ok: true; readonly text: string; readonly bytes: Uint8Array }
  | { readonly ok: false; readonly error: EngineErrorInfo };

// ---------------------------------------------------------------------------------------------
// Public API

/** Text typed by the user → the bytes to send. Throws EngineError('CODEC_INVALID') on invalid input. */
export function encodePayload(text: string, encoding: PayloadEncoding): Uint8Array {
  const result = parse(text, encoding);
  if (result instanceof Uint8Array) {
    return result;
  }
  throw toEngineError(result);
}

/**
 * Bytes → text for display. Never fails for a known encoding: invalid UTF-8 shows as U+FFFD, and
 * hex, base64 and escapes are lossless (`encodePayload(decodePayload(b, e), e)` equals `b`).
 */
export function decodePayload(bytes: Uint8Array, encoding: PayloadEncoding): string {
  switch (encoding) {
    case 'utf8':
      return utf8Decoder.decode(bytes);
    case 'hex':
      return formatHex(bytes);
    case 'base64':
      return formatBase64(bytes);
    case 'escapes':
      return formatEscapes(bytes);
    default:
      throw toEngineError(unknownEncoding(encoding));
  }
}

/** As-you-type validation: the same rules as encodePayload, without throwing. */
export function validatePayload(text: string, encoding: PayloadEncoding): PayloadValidation {
  const result = parse(text, encoding);
  return result instanceof Uint8Array ? { ok: true, bytes: result } : { ok: false, error: toEngineError(result).toJSON() };
}

/**
 * Rewrites payload text from one encoding to another through its bytes (also `from === to`, which
 * normalizes, e.g. `0x48,0x65` → `48 65`). Fails when the text is invalid in `from`, or when `to` is
 * utf8 and the bytes are not valid UTF-8, because showing U+FFFD would lose bytes.
 */
export function convertPayload(text: string, from: PayloadEncoding, to: PayloadEncoding): PayloadConversion {
  const bytes = parse(text, from);
  if (!(bytes instanceof Uint8Array)) {
    return { ok: false, error: toEngineError(bytes).toJSON() };
  }
  if (to === 'utf8') {
    const badOffset = findInvalidUtf8(bytes);
    if (badOffset >= 0) {
      const byte = bytes[badOffset];
      const character = ESCAPED[byte];
      const error = new EngineError(
        'CODEC_INVALID',
        `utf8: bytes are not valid UTF-8, first bad byte 0x${HEX_PAIRS[byte]} at offset ${badOffset}`,
        { encoding: 'utf8', offset: badOffset, character, reason: 'not-utf8', byte },
      );
      return { ok: false, error: error.toJSON() };
    }
  }
  if (!isKnownEncoding(to)) {
    return { ok: false, error: toEngineError(unknownEncoding(to)).toJSON() };
  }
  return { ok: true, text: decodePayload(bytes, to), bytes };
}

/**
 * A one-line, escapes-style preview for list rows: at most `max` characters, cut at a whole escape
 * and ended with `…` when the bytes do not fit. Reads only as many bytes as it shows.
 */
export function previewBytes(bytes: Uint8Array, max = 80): string {
  if (max < 1) {
    return '';
  }
  const pieces: string[] = [];
  let used = 0;
  for (let position = 0; position < bytes.length; position++) {
    const piece = ESCAPED[bytes[position]];
    if (used + piece.length > max) {
      // Make room for the ellipsis without splitting an escape such as `\x1b`.
      while (pieces.length > 0 && used + 1 > max) {
        used -= (pieces.pop() ?? '').length;
      }
      return pieces.join('') + '…';
    }
    pieces.push(piece);
    used += piece.length;
  }
  return pieces.join('');
}

/**
 * The offset of the first byte that starts an ill-formed UTF-8 sequence (overlong forms, surrogates,
 * values above U+10FFFF, and cut-off sequences are ill-formed), or -1 when all of it is valid.
 */
export function findInvalidUtf8(bytes: Uint8Array): number {
  const length = bytes.length;
  let position = 0;
  while (position < length) {
    const lead = bytes[position];
    if (lead < 0x80) {
      position++;
      continue;
    }
    let needed: number;
    // The first continuation byte has a narrower range for some leads (overlongs, surrogates, > U+10FFFF).
    let low = 0x80;
    let high = 0xbf;
    if (lead >= 0xc2 && lead <= 0xdf) {
      needed = 1;
    } else if (lead >= 0xe0 && lead <= 0xef) {
      needed = 2;
      if (lead === 0xe0) {
        low = 0xa0;
      } else if (lead === 0xed) {
        high = 0x9f;
      }
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      needed = 3;
      if (lead === 0xf0) {
        low = 0x90;
      } else if (lead === 0xf4) {
        high = 0x8f;
      }
    } else {
      return position;
    }
    // A sequence cut off by the end of the bytes is ill-formed from its lead byte.
    if (position + needed >= length) {
      return position;
    }
    const first = bytes[position + 1];
    if (first < low || first > high) {
      return position;
    }
    for (let next = 2; next <= needed; next++) {
      const continuation = bytes[position + next];
      if (continuation < 0x80 || continuation > 0xbf) {
        return position;
      }
    }
    position += needed + 1;
  }
  return -1;
}

// ---------------------------------------------------------------------------------------------
// Tables

const utf8Encoder = new TextEncoder();
// ignoreBOM keeps a leading EF BB BF as U+FEFF: the display must show every byte that arrived.
const utf8Decoder = new TextDecoder('utf-8', { ignoreBOM: true });
// Used on output that is pure ASCII, where native decoding beats building strings piece by piece.
const asciiDecoder = new TextDecoder('utf-8');

const HEX_DIGITS = '0123456789abcdef';
/** Character code of the hex digit for each nibble. */
const HEX_DIGIT_CODES = Uint8Array.from(HEX_DIGITS, (digit) => digit.charCodeAt(0));
/** `00`..`ff` by byte value. */
const HEX_PAIRS: readonly string[] = Array.from({ length: 256 }, (_, value) => HEX_DIGITS[value >> 4] + HEX_DIGITS[value & 15]);

/** Value of an ASCII hex digit, or -1. */
const HEX_VALUES = new Int8Array(128).fill(-1);
for (let value = 0; value < 16; value++) {
  HEX_VALUES[HEX_DIGITS.charCodeAt(value)] = value;
  HEX_VALUES[HEX_DIGITS.toUpperCase().charCodeAt(value)] = value;
}

const WHITESPACE = new Uint8Array(128);
for (const character of ' \t\n\r\v\f') {
  WHITESPACE[character.charCodeAt(0)] = 1;
}

/** What may sit between hex pairs. */
const HEX_SEPARATORS = WHITESPACE.slice();
for (const character of ':-,') {
  HEX_SEPARATORS[character.charCodeAt(0)] = 1;
}

const BASE64_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const BASE64_CODES = Uint8Array.from(BASE64_ALPHABET, (character) => character.charCodeAt(0));
/** Sextet value of a base64 character (standard or URL-safe), or -1. */
const BASE64_VALUES = new Int8Array(128).fill(-1);
for (let value = 0; value < 64; value++) {
  BASE64_VALUES[BASE64_ALPHABET.charCodeAt(value)] = value;
}
BASE64_VALUES['-'.charCodeAt(0)] = 62;
BASE64_VALUES['_'.charCodeAt(0)] = 63;

const CODE_BACKSLASH = 0x5c;
const CODE_EQUALS = 0x3d;
const CODE_ZERO = 0x30;

/** Byte value of the letter after a backslash in the escapes encoding, or -1 (`x` is handled apart). */
const ESCAPE_VALUES = new Int16Array(128).fill(-1);
for (const [letter, value] of [
  ['r', 0x0d], ['n', 0x0a], ['t', 0x09], ['0', 0x00], ['\\', 0x5c],
  ['a', 0x07], ['b', 0x08], ['e', 0x1b], ['f', 0x0c], ['v', 0x0b],
] as const) {
  ESCAPE_VALUES[letter.charCodeAt(0)] = value;
}

/** The display form of each byte in the escapes encoding. */
const ESCAPED: readonly string[] = Array.from({ length: 256 }, (_, value) => {
  switch (value) {
    case 0x00:
      return '\\0';
    case 0x09:
      return '\\t';
    case 0x0a:
      return '\\n';
    case 0x0d:
      return '\\r';
    case CODE_BACKSLASH:
      return '\\\\';
    default:
      return value >= 0x20 && value <= 0x7e ? String.fromCharCode(value) : '\\x' + HEX_PAIRS[value];
  }
});
/** ESCAPED as character codes, four slots per byte, with the used length apart, for the byte writer. */
const ESCAPED_CODES = new Uint8Array(256 * 4);
const ESCAPED_LENGTHS = new Uint8Array(256);
ESCAPED.forEach((escaped, value) => {
  ESCAPED_LENGTHS[value] = escaped.length;
  for (let position = 0; position < escaped.length; position++) {
    ESCAPED_CODES[value * 4 + position] = escaped.charCodeAt(position);
  }
});

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

function toEngineError(failure: Failure): EngineError {
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
function describe(character: string): string {
  const codePoint = character.codePointAt(0) ?? 0;
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

function failure(encoding: PayloadEncoding, reason: CodecErrorReason, text: string, offset: number, problem: string): Failure {
  const character = characterAt(text, offset);
  return { encoding, reason, offset, character, message: `${encoding}: ${problem.replace('%c', describe(character))} at offset ${offset}` };
}

function unknownEncoding(encoding: string): Failure {
  return { encoding: String(encoding), reason: 'unknown-encoding', offset: 0, character: '', message: `unknown payload encoding '${String(encoding)}'` };
}

function isKnownEncoding(encoding: string): encoding is PayloadEncoding {
  return encoding === 'utf8' || encoding === 'hex' || encoding === 'base64' || encoding === 'escapes';
}

// ---------------------------------------------------------------------------------------------
// Text → bytes

function parse(text: string, encoding: PayloadEncoding): Uint8Array | Failure {
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
function filled(output: Uint8Array, count: number): Uint8Array {
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

// ---------------------------------------------------------------------------------------------
// Bytes → text. Each formatter writes character codes into a byte array and decodes it once.

function formatHex(bytes: Uint8Array): string {
  const length = bytes.length;
  if (length === 0) {
    return '';
  }
  const output = new Uint8Array(length * 3 - 1).fill(0x20);
  for (let position = 0, write = 0; position < length; position++, write += 3) {
    const value = bytes[position];
    output[write] = HEX_DIGIT_CODES[value >> 4];
    output[write + 1] = HEX_DIGIT_CODES[value & 15];
  }
  return asciiDecoder.decode(output);
}

function formatBase64(bytes: Uint8Array): string {
  const length = bytes.length;
  const output = new Uint8Array(Math.ceil(length / 3) * 4);
  let write = 0;
  let position = 0;
  for (const whole = length - (length % 3); position < whole; position += 3) {
    const group = (bytes[position] << 16) | (bytes[position + 1] << 8) | bytes[position + 2];
    output[write++] = BASE64_CODES[group >>> 18];
    output[write++] = BASE64_CODES[(group >>> 12) & 63];
    output[write++] = BASE64_CODES[(group >>> 6) & 63];
    output[write++] = BASE64_CODES[group & 63];
  }
  const rest = length - position;
  if (rest > 0) {
    const group = (bytes[position] << 16) | (rest === 2 ? bytes[position + 1] << 8 : 0);
    output[write++] = BASE64_CODES[group >>> 18];
    output[write++] = BASE64_CODES[(group >>> 12) & 63];
    output[write++] = rest === 2 ? BASE64_CODES[(group >>> 6) & 63] : CODE_EQUALS;
    output[write] = CODE_EQUALS;
  }
  return asciiDecoder.decode(output);
}

function formatEscapes(bytes: Uint8Array): string {
  const length = bytes.length;
  const output = new Uint8Array(length * 4);
  let write = 0;
  for (let position = 0; position < length; position++) {
    const value = bytes[position];
    const size = ESCAPED_LENGTHS[value];
    const base = value * 4;
    output[write] = ESCAPED_CODES[base];
    if (size > 1) {
      output[write + 1] = ESCAPED_CODES[base + 1];
      if (size > 2) {
        output[write + 2] = ESCAPED_CODES[base + 2];
        output[write + 3] = ESCAPED_CODES[base + 3];
      }
    }
    write += size;
  }
  return asciiDecoder.decode(output.subarray(0, write));
}

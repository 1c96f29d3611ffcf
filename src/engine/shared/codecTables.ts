/** Lookup tables shared by the payload codecs (codecs.ts): built once, so no codec branches per byte on a regex. */

// ---------------------------------------------------------------------------------------------
// Tables

export const utf8Encoder = new TextEncoder();
// ignoreBOM keeps a leading EF BB BF as U+FEFF: the display must show every byte that arrived.
export const utf8Decoder = new TextDecoder('utf-8', { ignoreBOM: true });
// Used on output that is pure ASCII, where native decoding beats building strings piece by piece.
export const asciiDecoder = new TextDecoder('utf-8');

export const HEX_DIGITS = '0123456789abcdef';
/** Character code of the hex digit for each nibble. */
export const HEX_DIGIT_CODES = Uint8Array.from(HEX_DIGITS, (digit) => digit.charCodeAt(0));
/** `00`..`ff` by byte value. */
export const HEX_PAIRS: readonly string[] = Array.from({ length: 256 }, (_, value) => HEX_DIGITS[value >> 4] + HEX_DIGITS[value & 15]);

/** Value of an ASCII hex digit, or -1. */
export const HEX_VALUES = new Int8Array(128).fill(-1);
for (let value = 0; value < 16; value++) {
  HEX_VALUES[HEX_DIGITS.charCodeAt(value)] = value;
  HEX_VALUES[HEX_DIGITS.toUpperCase().charCodeAt(value)] = value;
}

export const WHITESPACE = new Uint8Array(128);
for (const character of ' \t\n\r\v\f') {
  WHITESPACE[character.charCodeAt(0)] = 1;
}

/** What may sit between hex pairs. */
export const HEX_SEPARATORS = WHITESPACE.slice();
for (const character of ':-,') {
  HEX_SEPARATORS[character.charCodeAt(0)] = 1;
}

const BASE64_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
export const BASE64_CODES = Uint8Array.from(BASE64_ALPHABET, (character) => character.charCodeAt(0));
/** Sextet value of a base64 character (standard or URL-safe), or -1. */
export const BASE64_VALUES = new Int8Array(128).fill(-1);
for (let value = 0; value < 64; value++) {
  BASE64_VALUES[BASE64_ALPHABET.charCodeAt(value)] = value;
}
BASE64_VALUES['-'.charCodeAt(0)] = 62;
BASE64_VALUES['_'.charCodeAt(0)] = 63;

export const CODE_BACKSLASH = 0x5c;
export const CODE_EQUALS = 0x3d;
export const CODE_ZERO = 0x30;

/** Byte value of the letter after a backslash in the escapes encoding, or -1 (`x` is handled apart). */
export const ESCAPE_VALUES = new Int16Array(128).fill(-1);
for (const [letter, value] of [
  ['r', 0x0d], ['n', 0x0a], ['t', 0x09], ['0', 0x00], ['\\', 0x5c],
  ['a', 0x07], ['b', 0x08], ['e', 0x1b], ['f', 0x0c], ['v', 0x0b],
] as const) {
  ESCAPE_VALUES[letter.charCodeAt(0)] = value;
}

/** The display form of each byte in the escapes encoding. */
export const ESCAPED: readonly string[] = Array.from({ length: 256 }, (_, value) => {
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
export const ESCAPED_CODES = new Uint8Array(256 * 4);
export const ESCAPED_LENGTHS = new Uint8Array(256);
ESCAPED.forEach((escaped, value) => {
  ESCAPED_LENGTHS[value] = escaped.length;
  for (let position = 0; position < escaped.length; position++) {
    ESCAPED_CODES[value * 4 + position] = escaped.charCodeAt(position);
  }
});

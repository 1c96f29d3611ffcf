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
import { EngineError, type EngineErrorInfo } from './errors';
import type { LineEnding, PayloadEncoding } from './types';
import { formatBase64, formatEscapes, formatHex } from './codecFormat';
import { isKnownEncoding, parse, toEngineError, unknownEncoding } from './codecParse';
import { ESCAPED, HEX_PAIRS, utf8Decoder } from './codecTables';
import { utf8SequenceLength } from './utf8';

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
    if (bytes[position] < 0x80) {
      position++;
      continue;
    }
    const size = utf8SequenceLength(bytes, position);
    if (size === 0) {
      return position;
    }
    position += size;
  }
  return -1;
}

const LINE_ENDING_BYTES: Record<LineEnding, Uint8Array> = {
  none: new Uint8Array(),
  lf: Uint8Array.of(0x0a),
  crlf: Uint8Array.of(0x0d, 0x0a),
};

/** The bytes a send request means: the decoded payload, then the line ending. Throws CODEC_INVALID. */
export function payloadBytes(text: string, encoding: PayloadEncoding, lineEnding: LineEnding): Uint8Array {
  const bytes = encodePayload(text, encoding);
  const ending = LINE_ENDING_BYTES[lineEnding];
  if (ending.length === 0) {
    return bytes;
  }
  const joined = new Uint8Array(bytes.length + ending.length);
  joined.set(bytes);
  joined.set(ending, bytes.length);
  return joined;
}

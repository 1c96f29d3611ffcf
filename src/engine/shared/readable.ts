/**
 * Bytes as people read them: valid UTF-8 shows as its characters (`günaydın\r\n`), and only control
 * characters, invisible format characters and invalid sequences are escaped, byte by byte, in the
 * escapes syntax (`\r \n \t \0 \\ \xHH`). The result is valid `escapes` payload text, so parsing it
 * back gives exactly the same bytes: a literal backslash is written `\\`.
 */
import { ESCAPED } from './codecTables';
import { utf8SequenceLength } from './utf8';

/** Characters shown escaped although their UTF-8 is valid: controls (C0, DEL, C1), format and line/paragraph separators. */
const HIDDEN = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u;

const utf8 = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });

/**
 * Calls `piece` with each shown piece in order, with the bytes it stands for (`start`, `length`);
 * stops when it returns false.
 */
function eachPiece(bytes: Uint8Array, piece: (text: string, start: number, length: number) => boolean): void {
  let position = 0;
  while (position < bytes.length) {
    const value = bytes[position];
    if (value < 0x80) {
      if (!piece(ESCAPED[value], position, 1)) {
        return;
      }
      position++;
      continue;
    }
    const size = utf8SequenceLength(bytes, position);
    if (size === 0) {
      if (!piece(ESCAPED[value], position, 1)) {
        return;
      }
      position++;
      continue;
    }
    const character = utf8.decode(bytes.subarray(position, position + size));
    if (HIDDEN.test(character)) {
      // An invisible character is shown as its bytes, so it can neither hide nor reorder text.
      for (let offset = 0; offset < size; offset++) {
        if (!piece(ESCAPED[bytes[position + offset]], position + offset, 1)) {
          return;
        }
      }
    } else if (!piece(character, position, size)) {
      return;
    }
    position += size;
  }
}

/** The whole bytes as readable text (see the module comment); byte-exact through the escapes codec. */
export function formatReadable(bytes: Uint8Array): string {
  const pieces: string[] = [];
  eachPiece(bytes, (text) => {
    pieces.push(text);
    return true;
  });
  return pieces.join('');
}

/**
 * A one-line readable preview: at most `max` characters (UTF-16 code units), cut at a whole
 * character or escape and ended with `…` when the bytes do not fit.
 */
export function previewReadable(bytes: Uint8Array, max = 80): string {
  if (max < 1) {
    return '';
  }
  const pieces: string[] = [];
  let used = 0;
  let cut = false;
  eachPiece(bytes, (text) => {
    if (used + text.length > max) {
      cut = true;
      return false;
    }
    pieces.push(text);
    used += text.length;
    return true;
  });
  if (!cut) {
    return pieces.join('');
  }
  while (pieces.length > 0 && used + 1 > max) {
    used -= (pieces.pop() ?? '').length;
  }
  return pieces.join('') + '…';
}

export interface ReadablePreview {
  /** At most `max` characters, ended with `…` when the bytes did not fit. */
  readonly text: string;
  /**
   * For each shown byte, the character offset where its piece starts (the bytes of one character
   * share its start), then the end: so byte ranges (search matches) map onto the text.
   */
  readonly offsets: readonly number[];
}

/** A readable preview with the byte → character map a list row needs to mark matches. */
export function readablePreview(bytes: Uint8Array, max: number): ReadablePreview {
  let text = '';
  const offsets: number[] = [];
  let cut = false;
  eachPiece(bytes, (piece, _start, length) => {
    if (text.length + piece.length > max) {
      cut = true;
      return false;
    }
    for (let index = 0; index < length; index++) {
      offsets.push(text.length);
    }
    text += piece;
    return true;
  });
  offsets.push(text.length);
  return { text: cut ? text + '…' : text, offsets };
}

// The lexing pass behind SourceText: finds every comment and string literal of a whole document and
// returns the document with their contents blanked. It jumps between the characters that can start
// one (indexOf per character kind, native speed) instead of visiting every character, records
// string literals as offsets (their values are decoded only when a recogniser asks), and blanks in
// a byte buffer, so the cost is a few native passes plus a little work per comment and literal.
import { StringTable, ValueKind } from './literals';
import type { Dialect } from './source';

export { StringTable, type StringToken } from './literals';

const HASH = 35;
const NEWLINE = 10;
const SPACE = 32;
const SLASH = 47;
const STAR = 42;
const DOUBLE = 34;
const SINGLE = 39;
const BACKTICK = 96;
const BACKSLASH = 92;
const LOWER_B = 98;
const LOWER_R = 114;
/** r R b B u U f F: Python's string prefixes (Rust's are among them). */
function isPrefixCode(code: number): boolean {
  switch (code | 32) {
    case 114:
    case 98:
    case 117:
    case 102:
      return true;
    default:
      return false;
  }
}

export function isWordCode(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;
}

/**
 * The byte buffer the blanking writes into, kept from one scan to the next and grown to the largest
 * document seen: a new buffer per scan was as big as the document. A scan is synchronous and
 * `code()` copies it out into a string, so no two scans share it at once.
 */
let scratch: Buffer = Buffer.allocUnsafe(0);

function scratchFor(text: string, width: 1 | 2): Buffer {
  const bytes = text.length * width;
  if (scratch.length < bytes) {
    scratch = Buffer.allocUnsafe(Math.max(bytes, scratch.length * 2));
  }
  scratch.write(text, 0, bytes, width === 1 ? 'latin1' : 'utf16le');
  return scratch;
}

export interface Masked {
  /** The document with comments and string contents blanked (newlines kept). */
  readonly code: string;
  readonly strings: StringTable;
}

class Lexer {
  readonly strings: StringTable;
  /** The text as bytes (one per character when the text allows it, else UTF-16), written into `scratch` at the first blank. */
  buffer: Buffer | undefined;
  private readonly width: 1 | 2;
  private readonly python: boolean;
  /** The next backslash and newline at or after the last place asked about (shared by every literal: one pass each). */
  private nextEscape = -1;
  private nextNewline = -1;
  private nextBlankNewline = -1;
  /** The literal stringFrom found last (fields, not an object per literal: documents hold thousands). */
  private foundEnd = 0;
  private foundContentStart = 0;
  private foundContentEnd = 0;
  private foundKind = ValueKind.None;

  constructor(private readonly text: string, private readonly dialect: Dialect) {
    this.strings = new StringTable(text);
    this.python = dialect === 'python';
    this.width = /[\u0100-\uffff]/.test(text) ? 2 : 1;
  }

  /**
   * The first newline at or after `from` (the text's length when none), through one of two cursors:
   * the literal scan's and the blanking's, each asked in increasing order.
   */
  private newlineFrom(from: number, cursor: 'scan' | 'blank'): number {
    const cached = cursor === 'scan' ? this.nextNewline : this.nextBlankNewline;
    if (cached >= from) {
      return cached;
    }
    const found = this.text.indexOf('\n', from);
    const next = found === -1 ? this.text.length : found;
    if (cursor === 'scan') {
      this.nextNewline = next;
    } else {
      this.nextBlankNewline = next;
    }
    return next;
  }

  /** Blanks [from, to) to spaces, newlines kept (so lines keep their numbers). */
  private blank(from: number, to: number): void {
    if (to <= from) {
      return;
    }
    const { text, width } = this;
    this.buffer ??= scratchFor(text, width);
    const buffer = this.buffer;
    if (width === 1) {
      buffer.fill(SPACE, from, to);
    } else {
      buffer.fill(' ', from * 2, to * 2, 'utf16le');
    }
    // The shared newline cursor: a document without newlines is not searched to its end per blank.
    for (let newline = this.newlineFrom(from, 'blank'); newline < to; newline = this.newlineFrom(newline + 1, 'blank')) {
      if (width === 1) {
        buffer[newline] = NEWLINE;
      } else {
        buffer.writeUInt16LE(NEWLINE, newline * 2);
      }
    }
  }

  /** The masked text. */
  code(): string {
    return this.buffer === undefined ? this.text : this.buffer.toString(this.width === 1 ? 'latin1' : 'utf16le', 0, this.text.length * this.width);
  }

  run(): void {
    const { text, python } = this;
    const length = text.length;
    const backticks = this.dialect === 'javascript' || this.dialect === 'go';
    const prefixed = python || this.dialect === 'rust';
    const commentCharacter = python ? '#' : '/';
    // The next occurrence of each character that may start a comment or a literal (length: none).
    let nextComment = -1;
    let nextDouble = -1;
    let nextSingle = -1;
    let nextBacktick = backticks ? -1 : length;
    const after = (character: string, from: number): number => {
      const found = text.indexOf(character, from);
      return found === -1 ? length : found;
    };
    let position = 0;
    while (position < length) {
      if (nextComment < position) {
        nextComment = after(commentCharacter, position);
      }
      if (nextDouble < position) {
        nextDouble = after('"', position);
      }
      if (nextSingle < position) {
        nextSingle = after('\'', position);
      }
      if (nextBacktick < position) {
        nextBacktick = after('`', position);
      }
      const index = Math.min(nextComment, nextDouble, nextSingle, nextBacktick);
      if (index >= length) {
        break;
      }
      const character = text.charCodeAt(index);
      if (character === HASH || character === SLASH) {
        const next = text.charCodeAt(index + 1);
        if (python || next === SLASH) {
          const newline = text.indexOf('\n', index);
          const end = newline === -1 ? length : newline;
          this.blank(index, end);
          position = end;
        } else if (next === STAR) {
          const close = text.indexOf('*/', index + 2);
          const end = close === -1 ? length : close + 2;
          this.blank(index, end);
          position = end;
        } else {
          position = index + 1;
        }
        continue;
      }
      // A prefix (r"…", b'…', f"…", r#"…"#) starts at most three characters before its quote.
      let start = -1;
      if (prefixed && character !== BACKTICK) {
        for (let candidate = Math.max(position, index - 3); candidate < index && start === -1; candidate++) {
          if (isPrefixCode(text.charCodeAt(candidate)) && this.prefixesQuote(candidate) && this.stringFrom(candidate)) {
            start = candidate;
          }
        }
      }
      if (start === -1 && this.stringFrom(index)) {
        start = index;
      }
      if (start === -1) {
        position = index + 1;
        continue;
      }
      this.strings.add(start, this.foundEnd, this.foundContentStart, this.foundContentEnd, this.foundKind);
      // Keep the quotes (and prefix) so the code still reads as "a string here".
      this.blank(this.foundContentStart, this.foundContentEnd);
      position = this.foundEnd;
    }
  }

  /** A prefix letter that starts a token and is followed, within two more letters or `#`s, by a quote. */
  private prefixesQuote(index: number): boolean {
    const { text } = this;
    if (isWordCode(text.charCodeAt(index - 1))) {
      return false;
    }
    for (let offset = 1; offset <= 3 && index + offset < text.length; offset++) {
      const next = text.charCodeAt(index + offset);
      if (next === DOUBLE || next === SINGLE) {
        return true;
      }
      if (!isPrefixCode(next) && next !== HASH) {
        return false;
      }
    }
    return false;
  }

  /** Whether a string literal starts at `index` (including a prefix such as r, b, f, r#); it is then in the found fields. */
  private stringFrom(index: number): boolean {
    const { text, dialect } = this;
    const character = text.charCodeAt(index);
    if (dialect === 'python') {
      // Up to two prefix letters right before the quote.
      let quoteAt = index;
      while (quoteAt < index + 2 && isPrefixCode(text.charCodeAt(quoteAt))) {
        quoteAt++;
      }
      const quoteCode = text.charCodeAt(quoteAt);
      if ((quoteCode !== DOUBLE && quoteCode !== SINGLE) || (quoteAt > index && isWordCode(text.charCodeAt(index - 1)))) {
        return false;
      }
      const triple = text.charCodeAt(quoteAt + 1) === quoteCode && text.charCodeAt(quoteAt + 2) === quoteCode;
      const quote = quoteCode === DOUBLE ? (triple ? '"""' : '"') : (triple ? '\'\'\'' : '\'');
      let raw = false;
      let formatted = false;
      for (let letter = index; letter < quoteAt; letter++) {
        const code = text.charCodeAt(letter) | 32;
        raw ||= code === LOWER_R;
        formatted ||= code === 102;
      }
      return this.quoted(quoteAt + quote.length, quote, !raw, quote.length === 1, formatted ? ValueKind.None : (raw ? ValueKind.Raw : ValueKind.Escaped));
    }
    if (dialect === 'rust') {
      const wordBefore = isWordCode(text.charCodeAt(index - 1));
      if (character === LOWER_B || character === LOWER_R) {
        const raw = /^b?r(#*)"/.exec(text.slice(index, index + 12));
        if (raw !== null && !wordBefore) {
          return this.quoted(index + raw[0].length, `"${raw[1]}`, false, false, ValueKind.Raw);
        }
        if (character === LOWER_B && text.charCodeAt(index + 1) === DOUBLE && !wordBefore) {
          return this.quoted(index + 2, '"', true, false, ValueKind.Escaped);
        }
        return false;
      }
      if (character === SINGLE) {
        // A char literal closes within a few characters; otherwise it is a lifetime.
        const close = text.charCodeAt(index + 1) === BACKSLASH ? text.indexOf('\'', index + 2) : (text.charCodeAt(index + 2) === SINGLE ? index + 2 : -1);
        if (close === -1 || close - index > 12) {
          return false;
        }
        return this.quoted(index + 1, '\'', true, true, ValueKind.Escaped);
      }
      return character === DOUBLE ? this.quoted(index + 1, '"', true, false, ValueKind.Escaped) : false;
    }
    if (character === DOUBLE || character === SINGLE) {
      return this.quoted(index + 1, text[index], true, true, ValueKind.Escaped);
    }
    if (character === BACKTICK && (dialect === 'javascript' || dialect === 'go')) {
      const javascript = dialect === 'javascript';
      return this.quoted(index + 1, '`', javascript, false, javascript ? ValueKind.Template : ValueKind.Raw);
    }
    return false;
  }

  /** Where the literal whose content starts at `contentStart` closes: jumps between quotes, escapes and newlines. */
  private quoted(contentStart: number, quote: string, escapes: boolean, endsAtNewline: boolean, kind: ValueKind): true {
    const { text } = this;
    const length = text.length;
    const first = quote[0];
    let nextQuote = -1;
    let index = contentStart;
    while (index < length) {
      if (nextQuote < index) {
        nextQuote = text.indexOf(first, index);
        nextQuote = nextQuote === -1 ? length : nextQuote;
      }
      if (escapes && this.nextEscape < index) {
        const found = text.indexOf('\\', index);
        this.nextEscape = found === -1 ? length : found;
      }
      const nextEscape = escapes ? this.nextEscape : length;
      const nextNewline = endsAtNewline ? this.newlineFrom(index, 'scan') : length;
      const stop = Math.min(nextQuote, nextEscape, nextNewline);
      if (stop >= length) {
        index = length;
        break;
      }
      if (stop === nextEscape) {
        index = stop + 2;
      } else if (stop === nextNewline) {
        index = stop;
        break;
      } else if (quote.length === 1 || text.startsWith(quote, stop)) {
        return this.found(stop + quote.length, contentStart, stop, kind);
      } else {
        index = stop + 1;
      }
    }
    // Unterminated: blank to where it stops, and it is no literal.
    const end = Math.min(index, length);
    return this.found(end, contentStart, end, ValueKind.None);
  }

  private found(end: number, contentStart: number, contentEnd: number, kind: ValueKind): true {
    this.foundEnd = end;
    this.foundContentStart = contentStart;
    this.foundContentEnd = contentEnd;
    this.foundKind = kind;
    return true;
  }
}

/** Comments and string contents of `text` blanked to spaces (newlines kept, offsets unchanged), and its literals. */
export function maskSource(text: string, dialect: Dialect): Masked {
  const lexer = new Lexer(text, dialect);
  lexer.run();
  return { code: lexer.code(), strings: lexer.strings };
}

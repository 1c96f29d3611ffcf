// The lexing pass behind SourceText: finds every comment and string literal of a whole document and
// returns the document with their contents blanked. It jumps between the characters that can start
// one (indexOf per character kind, native speed) instead of visiting every character, records
// string literals as offsets (their values are decoded only when a recogniser asks), and blanks in
// a byte buffer, so the cost is a few native passes plus a little work per comment and literal.
import type { Dialect } from './source';

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

/** How a literal's value is read from its content. */
export const enum ValueKind {
  /** The content as written (raw strings). */
  Raw,
  /** The content with backslash escapes decoded. */
  Escaped,
  /** No plain value: an f-string, or an unterminated literal. */
  None,
  /** A JavaScript template: escaped, and no plain value once it holds `${`. */
  Template,
}

export interface StringToken {
  readonly start: number;
  /** One past the closing quote. */
  readonly end: number;
  /** The literal's text; undefined when it is not a plain literal (f-string, template with `${…}`). */
  readonly value: string | undefined;
}

const UNESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '0': '\0', '\\': '\\', '\'': '\'', '"': '"', '`': '`' };

function unescape(raw: string): string {
  return raw.includes('\\') ? raw.replace(/\\(.)/g, (_match, character: string) => UNESCAPES[character] ?? `\\${character}`) : raw;
}

/** String literals in document order, as parallel offset arrays; a token object is made on lookup only. */
export class StringTable {
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  private readonly contentStarts: number[] = [];
  private readonly contentEnds: number[] = [];
  private readonly kinds: ValueKind[] = [];

  constructor(private readonly text: string) {}

  add(start: number, end: number, contentStart: number, contentEnd: number, kind: ValueKind): void {
    this.starts.push(start);
    this.ends.push(end);
    this.contentStarts.push(contentStart);
    this.contentEnds.push(contentEnd);
    this.kinds.push(kind);
  }

  /** The literal whose opening quote (or prefix) is at `start`, if any. */
  get(start: number): StringToken | undefined {
    const { starts } = this;
    let low = 0;
    let high = starts.length - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const value = starts[middle];
      if (value === start) {
        return { start, end: this.ends[middle], value: this.value(middle) };
      }
      if (value < start) {
        low = middle + 1;
      } else {
        high = middle - 1;
      }
    }
    return undefined;
  }

  private value(index: number): string | undefined {
    const kind = this.kinds[index];
    if (kind === ValueKind.None) {
      return undefined;
    }
    const raw = this.text.slice(this.contentStarts[index], this.contentEnds[index]);
    if (kind === ValueKind.Raw) {
      return raw;
    }
    return kind === ValueKind.Template && raw.includes('${') ? undefined : unescape(raw);
  }
}

export interface Masked {
  /** The document with comments and string contents blanked (newlines kept). */
  readonly code: string;
  readonly strings: StringTable;
}

/** A literal found by the lexer: where its token ends and which part of it is content. */
interface Found {
  readonly end: number;
  readonly contentStart: number;
  readonly contentEnd: number;
  readonly kind: ValueKind;
}

class Lexer {
  readonly strings: StringTable;
  /** [from, to) pairs to blank, in document order. */
  readonly blanks: number[] = [];
  private readonly python: boolean;
  /** The next backslash and newline at or after the last place asked about (shared by every literal: one pass each). */
  private nextEscape = -1;
  private nextNewline = -1;

  constructor(private readonly text: string, private readonly dialect: Dialect) {
    this.strings = new StringTable(text);
    this.python = dialect === 'python';
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
          this.blanks.push(index, end);
          position = end;
        } else if (next === STAR) {
          const close = text.indexOf('*/', index + 2);
          const end = close === -1 ? length : close + 2;
          this.blanks.push(index, end);
          position = end;
        } else {
          position = index + 1;
        }
        continue;
      }
      // A prefix (r"…", b'…', f"…", r#"…"#) starts at most three characters before its quote.
      let found: { start: number; literal: Found } | undefined;
      if (prefixed && character !== BACKTICK) {
        for (let start = Math.max(position, index - 3); start < index && found === undefined; start++) {
          if (isPrefixCode(text.charCodeAt(start)) && this.prefixesQuote(start)) {
            const literal = this.stringFrom(start);
            found = literal === undefined ? undefined : { start, literal };
          }
        }
      }
      if (found === undefined) {
        const literal = this.stringFrom(index);
        found = literal === undefined ? undefined : { start: index, literal };
      }
      if (found === undefined) {
        position = index + 1;
        continue;
      }
      const { start, literal } = found;
      this.strings.add(start, literal.end, literal.contentStart, literal.contentEnd, literal.kind);
      // Keep the quotes (and prefix) so the code still reads as "a string here".
      this.blanks.push(literal.contentStart, literal.contentEnd);
      position = literal.end;
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

  /** A string literal that starts at `index` (including a prefix such as r, b, f, r#). */
  private stringFrom(index: number): Found | undefined {
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
        return undefined;
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
        return undefined;
      }
      if (character === SINGLE) {
        // A char literal closes within a few characters; otherwise it is a lifetime.
        const close = text.charCodeAt(index + 1) === BACKSLASH ? text.indexOf('\'', index + 2) : (text.charCodeAt(index + 2) === SINGLE ? index + 2 : -1);
        if (close === -1 || close - index > 12) {
          return undefined;
        }
        return this.quoted(index + 1, '\'', true, true, ValueKind.Escaped);
      }
      return character === DOUBLE ? this.quoted(index + 1, '"', true, false, ValueKind.Escaped) : undefined;
    }
    if (character === DOUBLE || character === SINGLE) {
      return this.quoted(index + 1, text[index], true, true, ValueKind.Escaped);
    }
    if (character === BACKTICK && (dialect === 'javascript' || dialect === 'go')) {
      const javascript = dialect === 'javascript';
      return this.quoted(index + 1, '`', javascript, false, javascript ? ValueKind.Template : ValueKind.Raw);
    }
    return undefined;
  }

  /** Where the literal whose content starts at `contentStart` closes: jumps between quotes, escapes and newlines. */
  private quoted(contentStart: number, quote: string, escapes: boolean, endsAtNewline: boolean, kind: ValueKind): Found {
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
      if (endsAtNewline && this.nextNewline < index) {
        const found = text.indexOf('\n', index);
        this.nextNewline = found === -1 ? length : found;
      }
      const nextEscape = escapes ? this.nextEscape : length;
      const nextNewline = endsAtNewline ? this.nextNewline : length;
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
        return { end: stop + quote.length, contentStart, contentEnd: stop, kind };
      } else {
        index = stop + 1;
      }
    }
    // Unterminated: blank to where it stops, and it is no literal.
    const end = Math.min(index, length);
    return { end, contentStart, contentEnd: end, kind: ValueKind.None };
  }
}

const blankCodes = (buffer: Buffer, from: number, to: number, width: 1 | 2): void => {
  if (width === 1) {
    buffer.fill(SPACE, from, to);
  } else {
    buffer.fill(' ', from * 2, to * 2, 'utf16le');
  }
};

/** Comments and string contents of `text` blanked to spaces (newlines kept, offsets unchanged), and its literals. */
export function maskSource(text: string, dialect: Dialect): Masked {
  const lexer = new Lexer(text, dialect);
  lexer.run();
  const { blanks } = lexer;
  if (blanks.length === 0) {
    return { code: text, strings: lexer.strings };
  }
  // One byte per character when the text allows it (the common case), else UTF-16.
  const width = /[\u0100-\uffff]/.test(text) ? 2 : 1;
  const buffer = Buffer.from(text, width === 1 ? 'latin1' : 'utf16le');
  for (let pair = 0; pair < blanks.length; pair += 2) {
    const from = blanks[pair];
    const to = blanks[pair + 1];
    if (to <= from) {
      continue;
    }
    blankCodes(buffer, from, to, width);
    // Newlines inside a block comment or a multi-line literal stay, so lines keep their numbers.
    for (let newline = text.indexOf('\n', from); newline !== -1 && newline < to; newline = text.indexOf('\n', newline + 1)) {
      if (width === 1) {
        buffer[newline] = NEWLINE;
      } else {
        buffer.writeUInt16LE(NEWLINE, newline * 2);
      }
    }
  }
  return { code: buffer.toString(width === 1 ? 'latin1' : 'utf16le'), strings: lexer.strings };
}

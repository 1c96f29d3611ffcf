// One pass over a whole document that the call recognisers share: comments become spaces and every
// string literal's content becomes spaces too (its quotes stay, its value is kept aside), so that
// patterns run over `code` never match inside a comment or a string, and offsets stay those of the
// document. Linear in the text; the CodeLens caches the result per document version.
import type { Literal } from './types';

export type Dialect = 'python' | 'javascript' | 'go' | 'rust' | 'c';

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

const HASH = 35;
const NEWLINE = 10;
const SPACE = 32;
const UTF16 = new TextDecoder('utf-16le');
const SLASH = 47;
const STAR = 42;
const DOUBLE = 34;
const SINGLE = 39;
const BACKTICK = 96;
/** r R b B u U f F: Python's string prefixes (Rust's are among them). */
const PREFIXES: ReadonlySet<number> = new Set([114, 82, 98, 66, 117, 85, 102, 70]);

function isWordCode(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;
}

export class SourceText {
  /** The document with comments and string contents blanked (newlines kept). */
  readonly code: string;
  /** String literals by the offset of their opening quote (or prefix). */
  readonly strings = new Map<number, StringToken>();
  private readonly lineStarts: number[] = [0];

  constructor(readonly text: string, readonly dialect: Dialect) {
    for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) {
      this.lineStarts.push(index + 1);
    }
    this.code = this.mask();
  }

  /** Zero-based line and character of an offset. */
  position(offset: number): { line: number; character: number } {
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.lineStarts[middle] <= offset) {
        low = middle;
      } else {
        high = middle - 1;
      }
    }
    return { line: low, character: offset - this.lineStarts[low] };
  }

  /** The string literal that spans exactly [start, end) once trimmed, if any. */
  stringAt(start: number, end: number): StringToken | undefined {
    const token = this.strings.get(start);
    return token !== undefined && token.end === end ? token : undefined;
  }

  /** Index of the bracket that closes the one at `open`, or -1 (strings are blank, so only code counts). */
  closing(open: number): number {
    let depth = 0;
    const code = this.code;
    for (let index = open; index < code.length; index++) {
      const character = code.charCodeAt(index);
      if (character === 40 || character === 91 || character === 123) {
        depth++;
      } else if (character === 41 || character === 93 || character === 125) {
        depth--;
        if (depth === 0) {
          return index;
        }
      }
    }
    return -1;
  }

  /** The top-level comma-separated pieces of the brackets at `open`, trimmed, as [start, end) ranges. */
  arguments(open: number): { start: number; end: number }[] | undefined {
    const close = this.closing(open);
    if (close === -1) {
      return undefined;
    }
    const pieces: { start: number; end: number }[] = [];
    let depth = 0;
    let pieceStart = open + 1;
    const code = this.code;
    for (let index = open + 1; index <= close; index++) {
      const character = code[index];
      if (character === '(' || character === '[' || character === '{') {
        depth++;
      } else if ((character === ')' || character === ']' || character === '}') && index < close) {
        depth--;
      } else if ((character === ',' && depth === 0) || index === close) {
        const piece = this.trim(pieceStart, index);
        if (piece.end > piece.start) {
          pieces.push(piece);
        }
        pieceStart = index + 1;
      }
    }
    return pieces;
  }

  trim(start: number, end: number): { start: number; end: number } {
    let from = start;
    let to = end;
    while (from < to && /\s/.test(this.code[from])) {
      from++;
    }
    while (to > from && /\s/.test(this.code[to - 1])) {
      to--;
    }
    return { start: from, end: to };
  }

  /**
   * The literal a piece of code spells: a string, an integer, a tuple `(a, b)`, a C address
   * constant, or a name that `constants` knows. `&` (Rust, C) and Python's `b` prefix are looked through.
   */
  literal(start: number, end: number, constants: ReadonlyMap<string, Literal>): Literal | undefined {
    let range = this.trim(start, end);
    while (range.end > range.start && this.code[range.start] === '&') {
      range = this.trim(range.start + 1, range.end);
    }
    const token = this.stringAt(range.start, range.end);
    if (token !== undefined) {
      return token.value === undefined ? undefined : { kind: 'string', value: token.value };
    }
    const written = this.code.slice(range.start, range.end);
    if (/^(0[xX][0-9a-fA-F]+|\d+)[uUlL]*$/.test(written)) {
      return { kind: 'number', value: Number(written.replace(/[uUlL]+$/, '')) };
    }
    if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(written)) {
      return constants.get(written);
    }
    if (written.startsWith('(') && this.closing(range.start) === range.end - 1) {
      const items = this.arguments(range.start) ?? [];
      return { kind: 'tuple', items: items.map((item) => this.literal(item.start, item.end, constants)) };
    }
    return undefined;
  }

  // -------------------------------------------------------------------------------------------

  private mask(): string {
    const { text, dialect } = this;
    const length = text.length;
    // Built in a UTF-16 buffer and decoded once: no string pieces per comment or literal.
    const out = new Uint16Array(length);
    let copied = 0;
    const blank = (from: number, to: number): void => {
      for (let index = copied; index < from; index++) {
        out[index] = text.charCodeAt(index);
      }
      for (let index = from; index < to; index++) {
        out[index] = text.charCodeAt(index) === NEWLINE ? NEWLINE : SPACE;
      }
      copied = to;
    };
    const python = dialect === 'python';
    let index = 0;
    while (index < length) {
      const character = text.charCodeAt(index);
      if (python ? character === HASH : character === SLASH && text.charCodeAt(index + 1) === SLASH) {
        const newline = text.indexOf('\n', index);
        const end = newline === -1 ? length : newline;
        blank(index, end);
        index = end;
        continue;
      }
      if (!python && character === SLASH && text.charCodeAt(index + 1) === STAR) {
        const close = text.indexOf('*/', index + 2);
        const end = close === -1 ? length : close + 2;
        blank(index, end);
        index = end;
        continue;
      }
      // Only quotes, and the letters that may prefix one (r"…", b'…', f"…", r#"…"#), can start a string.
      if (character === DOUBLE || character === SINGLE || character === BACKTICK || (PREFIXES.has(character) && this.prefixesQuote(index))) {
        const literal = this.stringFrom(index);
        if (literal !== undefined) {
          this.strings.set(index, literal.token);
          // Keep the quotes (and prefix) so the code still reads as "a string here".
          blank(literal.contentStart, literal.contentEnd);
          index = literal.token.end;
          continue;
        }
      }
      index++;
    }
    blank(length, length);
    return UTF16.decode(out);
  }

  /** A prefix letter that starts a token and is followed, within two more letters or `#`s, by a quote. */
  private prefixesQuote(index: number): boolean {
    const { text } = this;
    const before = text.charCodeAt(index - 1);
    if (isWordCode(before)) {
      return false;
    }
    for (let offset = 1; offset <= 3 && index + offset < text.length; offset++) {
      const next = text.charCodeAt(index + offset);
      if (next === DOUBLE || next === SINGLE) {
        return true;
      }
      if (!PREFIXES.has(next) && next !== HASH) {
        return false;
      }
    }
    return false;
  }

  /** A string literal that starts at `index` (including a prefix such as r, b, f, r#). */
  private stringFrom(index: number): { token: StringToken; contentStart: number; contentEnd: number } | undefined {
    const { text, dialect } = this;
    const character = text[index];
    if (dialect === 'python') {
      const prefix = /^[rRbBuUfF]{0,2}(?='|")/.exec(text.slice(index, index + 3));
      if (prefix === null || (prefix[0] !== '' && /[A-Za-z0-9_]/.test(text[index - 1] ?? ''))) {
        return undefined;
      }
      const quoteAt = index + prefix[0].length;
      const quote = text.startsWith(text[quoteAt].repeat(3), quoteAt) ? text[quoteAt].repeat(3) : text[quoteAt];
      const raw = /[rR]/.test(prefix[0]);
      const formatted = /[fF]/.test(prefix[0]);
      return this.quoted(index, quoteAt + quote.length, quote, !raw, quote.length === 1, formatted ? () => true : undefined);
    }
    if (dialect === 'rust') {
      const raw = /^b?r(#*)"/.exec(text.slice(index, index + 12));
      if (raw !== null && !/[A-Za-z0-9_]/.test(text[index - 1] ?? '')) {
        const closer = `"${raw[1]}`;
        return this.quoted(index, index + raw[0].length, closer, false, false);
      }
      if (character === 'b' && text[index + 1] === '"' && !/[A-Za-z0-9_]/.test(text[index - 1] ?? '')) {
        return this.quoted(index, index + 2, '"', true, false);
      }
      if (character === '\'') {
        // A char literal closes within a few characters; otherwise it is a lifetime.
        const close = text[index + 1] === '\\' ? text.indexOf('\'', index + 2) : (text[index + 2] === '\'' ? index + 2 : -1);
        if (close === -1 || close - index > 12) {
          return undefined;
        }
        return this.quoted(index, index + 1, '\'', true, true);
      }
      return character === '"' ? this.quoted(index, index + 1, '"', true, false) : undefined;
    }
    if (character === '"' || character === '\'') {
      return this.quoted(index, index + 1, character, true, true);
    }
    if (character === '`' && (dialect === 'javascript' || dialect === 'go')) {
      const interpolated = dialect === 'javascript' ? (content: string) => content.includes('${') : undefined;
      return this.quoted(index, index + 1, '`', dialect === 'javascript', false, interpolated);
    }
    return undefined;
  }

  private quoted(
    start: number,
    contentStart: number,
    quote: string,
    escapes: boolean,
    endsAtNewline: boolean,
    notPlain?: (content: string) => boolean,
  ): { token: StringToken; contentStart: number; contentEnd: number } {
    const { text } = this;
    const first = quote.charCodeAt(0);
    let index = contentStart;
    while (index < text.length) {
      const character = text.charCodeAt(index);
      if (escapes && character === 92) {
        index += 2;
        continue;
      }
      if (endsAtNewline && character === 10) {
        break;
      }
      if (character === first && (quote.length === 1 || text.startsWith(quote, index))) {
        const raw = text.slice(contentStart, index);
        const value = notPlain?.(raw) === true ? undefined : (escapes ? unescape(raw) : raw);
        return { token: { start, end: index + quote.length, value }, contentStart, contentEnd: index };
      }
      index++;
    }
    // Unterminated: blank to where it stops, and it is no literal.
    const end = Math.min(index, text.length);
    return { token: { start, end, value: undefined }, contentStart, contentEnd: end };
  }
}

/**
 * Names assigned a literal, collected by `pattern` (group 1 the name; the value runs from the end
 * of the match to the first `terminator` at depth 0, or the line end). A name assigned twice
 * with different values, or once with something that is not a literal, is left out: it is not
 * known from the text.
 */
export function collectConstants(source: SourceText, pattern: RegExp, terminator: string, base?: ReadonlyMap<string, Literal>): Map<string, Literal> {
  const known = new Map<string, Literal>(base);
  const unknown = new Set<string>();
  const code = source.code;
  for (const match of code.matchAll(pattern)) {
    const name = match[1];
    const valueStart = (match.index ?? 0) + match[0].length;
    let valueEnd = valueStart;
    let depth = 0;
    while (valueEnd < code.length) {
      const character = code[valueEnd];
      if (character === '(' || character === '[' || character === '{') {
        depth++;
      } else if (character === ')' || character === ']' || character === '}') {
        if (depth === 0) {
          break;
        }
        depth--;
      } else if (depth === 0 && (character === '\n' || character === terminator)) {
        break;
      }
      valueEnd++;
    }
    const value = source.literal(valueStart, valueEnd, known);
    const previous = known.get(name);
    if (value === undefined || unknown.has(name) || (previous !== undefined && JSON.stringify(previous) !== JSON.stringify(value))) {
      unknown.add(name);
      known.delete(name);
    } else {
      known.set(name, value);
    }
  }
  return known;
}

// The string literals a lexing pass found, as offsets in one typed array, and how each one's value
// is read (decoded only when a recogniser asks for it).
import { sliceShared } from './names';

/** How a literal's value is read from its content. */
export enum ValueKind {
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

/** Fields per literal in StringTable's array. */
const FIELDS = 5;

/**
 * String literals in document order, five integers each in one typed array (off the JavaScript heap,
 * so a big document's thousands of literals cost the garbage collector nothing); a token object is
 * made on lookup only.
 */
export class StringTable {
  private data = new Int32Array(256 * FIELDS);
  private count = 0;

  constructor(private readonly text: string) {}

  add(start: number, end: number, contentStart: number, contentEnd: number, kind: ValueKind): void {
    if ((this.count + 1) * FIELDS > this.data.length) {
      const grown = new Int32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    const at = this.count * FIELDS;
    this.data[at] = start;
    this.data[at + 1] = end;
    this.data[at + 2] = contentStart;
    this.data[at + 3] = contentEnd;
    this.data[at + 4] = kind;
    this.count++;
  }

  /** The literal whose opening quote (or prefix) is at `start`, if any. */
  get(start: number): StringToken | undefined {
    const index = this.find(start);
    return index === -1 ? undefined : { start, end: this.endOf(index), value: this.value(index) };
  }

  /** Index of the literal that starts at `start`, or -1. */
  find(start: number): number {
    const { data } = this;
    let low = 0;
    let high = this.count - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const value = data[middle * FIELDS];
      if (value === start) {
        return middle;
      }
      if (value < start) {
        low = middle + 1;
      } else {
        high = middle - 1;
      }
    }
    return -1;
  }

  /** One past the closing quote of the literal at `index` (from find). */
  endOf(index: number): number {
    return this.data[index * FIELDS + 1];
  }

  /** The value of the literal at `index` (from find); undefined when it is not a plain literal. */
  value(index: number): string | undefined {
    const at = index * FIELDS;
    const kind = this.data[at + 4] as ValueKind;
    if (kind === ValueKind.None) {
      return undefined;
    }
    const { text } = this;
    const start = this.data[at + 2];
    const end = this.data[at + 3];
    let escaped = false;
    if (kind !== ValueKind.Raw) {
      // What `includes('\\')` and `includes('${')` would say of the slice, before making it.
      for (let index = start; index < end; index++) {
        const code = text.charCodeAt(index);
        if (code === 36 && kind === ValueKind.Template && text.charCodeAt(index + 1) === 123 && index + 1 < end) {
          return undefined;
        }
        escaped ||= code === 92;
      }
    }
    // The same address in the next version is the same string (names.ts): no garbage per scan.
    return escaped ? unescape(text.slice(start, end)) : sliceShared(text, start, end);
  }
}

// One pass over a whole document that the call recognisers share: comments become spaces and every
// string literal's content becomes spaces too (its quotes stay, its value is kept aside), so that
// patterns run over `code` never match inside a comment or a string, and offsets stay those of the
// document. Linear in the text (the lexing is in mask.ts); the CodeLens caches the result per
// document version.
import { isWordCode, maskSource, type StringTable } from './mask';
import type { Literal } from './types';
import { sliceShared } from './names';

export type { StringToken } from './mask';

export type Dialect = 'python' | 'javascript' | 'go' | 'rust' | 'c';

/** JavaScript's \s: the characters `trim` skips. */
export function isSpaceCode(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13) || code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a)
    || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}

export class SourceText {
  /** The document with comments and string contents blanked (newlines kept). */
  readonly code: string;
  /** String literals by the offset of their opening quote (or prefix). */
  readonly strings: StringTable;
  /** Offsets where lines start, in a typed array (off the JavaScript heap); `lines` of them are used. */
  private lineStarts = new Int32Array(1024);
  private lines = 1;

  constructor(readonly text: string, readonly dialect: Dialect) {
    for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) {
      if (this.lines === this.lineStarts.length) {
        const grown = new Int32Array(this.lineStarts.length * 2);
        grown.set(this.lineStarts);
        this.lineStarts = grown;
      }
      this.lineStarts[this.lines++] = index + 1;
    }
    const masked = maskSource(text, dialect);
    this.code = masked.code;
    this.strings = masked.strings;
  }

  /** Zero-based line and character of an offset. */
  position(offset: number): { line: number; character: number } {
    const line = this.lineOf(offset);
    return { line, character: offset - this.lineStarts[line] };
  }

  /** Where zero-based `line` starts (from lineOf). */
  lineStart(line: number): number {
    return this.lineStarts[line];
  }

  /** The zero-based line of an offset (no object, for the scans that only want numbers). */
  lineOf(offset: number): number {
    let low = 0;
    let high = this.lines - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.lineStarts[middle] <= offset) {
        low = middle;
      } else {
        high = middle - 1;
      }
    }
    return low;
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
      const character = code.charCodeAt(index);
      if (character === 40 || character === 91 || character === 123) {
        depth++;
      } else if ((character === 41 || character === 93 || character === 125) && index < close) {
        depth--;
      } else if ((character === 44 && depth === 0) || index === close) {
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
    const code = this.code;
    while (from < to && isSpaceCode(code.charCodeAt(from))) {
      from++;
    }
    while (to > from && isSpaceCode(code.charCodeAt(to - 1))) {
      to--;
    }
    return { start: from, end: to };
  }

  /**
   * The literal a piece of code spells: a string, an integer, a tuple `(a, b)`, a C address
   * constant, or a name that `constants` knows. `&` (Rust, C) and Python's `b` prefix are looked through.
   */
  literal(start: number, end: number, constants: ReadonlyMap<string, Literal>): Literal | undefined {
    // Trimmed (and past any `&`) in place: this runs for every assignment and argument.
    const code = this.code;
    let from = start;
    let to = end;
    while (to > from && isSpaceCode(code.charCodeAt(to - 1))) {
      to--;
    }
    while (from < to && (isSpaceCode(code.charCodeAt(from)) || code.charCodeAt(from) === 38)) {
      from++;
    }
    const token = this.strings.find(from);
    if (token !== -1 && this.strings.endOf(token) === to) {
      const value = this.strings.value(token);
      return value === undefined ? undefined : stringLiteral(value);
    }
    const first = code.charCodeAt(from);
    if (first >= 48 && first <= 57) {
      const value = integerAt(code, from, to);
      return value === undefined ? undefined : numberLiteral(value);
    }
    if (isIdentifierStart(first)) {
      // A name, or an expression (a call, an attribute) that is no literal.
      let index = from + 1;
      while (index < to && isWordCode(code.charCodeAt(index))) {
        index++;
      }
      return index === to ? constants.get(sliceShared(code, from, to)) : undefined;
    }
    if (first === 40 && this.closing(from) === to - 1) {
      const items = this.arguments(from) ?? [];
      return { kind: 'tuple', items: items.map((item) => this.literal(item.start, item.end, constants)) };
    }
    return undefined;
  }
}

/**
 * String and number literals by value, shared across scans (they are read-only): the ports and
 * addresses of a new version are those of the last one, and an object per argument was garbage.
 * Bounded: emptied when full.
 */
const STRING_LITERALS = new Map<string | number, Literal>();
const NUMBER_LITERALS = new Map<string | number, Literal>();
const LITERALS_CAPACITY = 1024;

/** The literal for `value`, made once per table; a full table starts again (scans stay bounded). */
function shared(table: Map<string | number, Literal>, value: string | number): Literal {
  let literal = table.get(value);
  if (literal === undefined) {
    if (table.size >= LITERALS_CAPACITY) {
      table.clear();
    }
    literal = typeof value === 'string' ? { kind: 'string', value } : { kind: 'number', value };
    table.set(value, literal);
  }
  return literal;
}

function stringLiteral(value: string): Literal {
  return shared(STRING_LITERALS, value);
}

function numberLiteral(value: number): Literal {
  return shared(NUMBER_LITERALS, value);
}

/** A hexadecimal digit's value, or -1. */
function hexDigit(code: number): number {
  if (code >= 48 && code <= 57) {
    return code - 48;
  }
  const lower = code | 32;
  return lower >= 97 && lower <= 102 ? lower - 87 : -1;
}

/**
 * What `/^(0[xX][0-9a-fA-F]+|\d+)[uUlL]*$/` and `Number` make of `code.slice(from, to)` (C's
 * suffixes dropped), read in place: no slice and no match per argument.
 */
function integerAt(code: string, from: number, to: number): number | undefined {
  let digitsEnd = to;
  while (digitsEnd > from && ((code.charCodeAt(digitsEnd - 1) | 32) === 117 || (code.charCodeAt(digitsEnd - 1) | 32) === 108)) {
    digitsEnd--;
  }
  const hex = digitsEnd - from > 2 && code.charCodeAt(from) === 48 && (code.charCodeAt(from + 1) | 32) === 120;
  const first = hex ? from + 2 : from;
  if (digitsEnd <= first) {
    return undefined;
  }
  let value = 0;
  for (let index = first; index < digitsEnd; index++) {
    const digit = hexDigit(code.charCodeAt(index));
    if (digit === -1 || (!hex && digit > 9)) {
      return undefined;
    }
    value = value * (hex ? 16 : 10) + digit;
  }
  // Past 2^53 the sum may round otherwise than Number does: let Number read it.
  return Number.isSafeInteger(value) ? value : Number(code.slice(from, digitsEnd));
}

/** [A-Za-z_] */
export function isIdentifierStart(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;
}

/**
 * The name that ends at `end` (after `[ \t]*` when `spaces`), looking no further back than `from`:
 * what `/([A-Za-z_$][A-Za-z0-9_$]*)[ \t]*$/` finds in `code.slice(from, end)`, without the slice.
 */
export function nameBefore(code: string, end: number, from: number, dollar: boolean, spaces: boolean): string | undefined {
  let last = end;
  while (spaces && last > from && (code.charCodeAt(last - 1) === 32 || code.charCodeAt(last - 1) === 9)) {
    last--;
  }
  let run = last;
  while (run > from && (isWordCode(code.charCodeAt(run - 1)) || (dollar && code.charCodeAt(run - 1) === 36))) {
    run--;
  }
  while (run < last && !(isIdentifierStart(code.charCodeAt(run)) || (dollar && code.charCodeAt(run) === 36))) {
    run++;
  }
  return run < last ? sliceShared(code, run, last) : undefined;
}

/** Where a run of spaces and tabs that ends at `end` starts. */
export function skipBlanksBack(code: string, end: number): number {
  let index = end;
  while (index > 0 && (code.charCodeAt(index - 1) === 32 || code.charCodeAt(index - 1) === 9)) {
    index--;
  }
  return index;
}

/** Where a run of spaces and tabs that starts at `start` ends. */
export function skipBlanks(code: string, start: number): number {
  let index = start;
  while (index < code.length && (code.charCodeAt(index) === 32 || code.charCodeAt(index) === 9)) {
    index++;
  }
  return index;
}

/** Where the identifier (`[A-Za-z_][A-Za-z0-9_]*`) at `start` ends, or `start` when none starts there. */
export function identifierEnd(code: string, start: number): number {
  if (!isIdentifierStart(code.charCodeAt(start))) {
    return start;
  }
  let index = start + 1;
  while (index < code.length && isWordCode(code.charCodeAt(index))) {
    index++;
  }
  return index;
}

/**
 * The assignments a recogniser found: each name and where its value starts, in two parallel arrays
 * (a scan meets thousands of assignments; a pair object for each was garbage).
 */
export class Assignments {
  readonly names: string[] = [];
  readonly valueStarts: number[] = [];

  push(name: string, valueStart: number): void {
    this.names.push(name);
    this.valueStarts.push(valueStart);
  }
}

/** The assignments `pattern` matches (group 1 the name; the value starts where the match ends). */
export function matchedAssignments(code: string, pattern: RegExp): Assignments {
  const found = new Assignments();
  for (const match of code.matchAll(pattern)) {
    found.push(match[1], (match.index ?? 0) + match[0].length);
  }
  return found;
}

/**
 * A value that starts with a name followed by `(`, `[`, `{` or `.` (a call, an index, a member) and is
 * not a prefixed string: no literal, known without finding where the value ends. Most assignments.
 */
function isCallOrMember(source: SourceText, valueStart: number): boolean {
  const { code } = source;
  const start = skipBlanks(code, valueStart);
  const end = identifierEnd(code, start);
  if (end === start) {
    return false;
  }
  const next = code.charCodeAt(end);
  return (next === 40 || next === 91 || next === 123 || next === 46) && source.strings.get(start) === undefined;
}

/**
 * Names assigned a literal, from `assignments` in document order (or the matches of a pattern: group
 * 1 the name; the value runs from the end of the match to the first `terminator` at depth 0, or the
 * line end). A name assigned twice with different values, or once with something that is not a
 * literal, is left out: it is not known from the text.
 */
export function collectConstants(
  source: SourceText,
  assignments: RegExp | Assignments,
  terminator: string,
  base?: ReadonlyMap<string, Literal>,
): Map<string, Literal> {
  const known = new Map<string, Literal>(base);
  const unknown = new Set<string>();
  const code = source.code;
  const stop = terminator.charCodeAt(0);
  const forget = (name: string): void => {
    unknown.add(name);
    known.delete(name);
  };
  const { names, valueStarts } = assignments instanceof RegExp ? matchedAssignments(code, assignments) : assignments;
  for (let index = 0; index < names.length; index++) {
    const name = names[index];
    const valueStart = valueStarts[index];
    if (isCallOrMember(source, valueStart)) {
      forget(name);
      continue;
    }
    let valueEnd = valueStart;
    let depth = 0;
    while (valueEnd < code.length) {
      const character = code.charCodeAt(valueEnd);
      if (character === 40 || character === 91 || character === 123) {
        depth++;
      } else if (character === 41 || character === 93 || character === 125) {
        if (depth === 0) {
          break;
        }
        depth--;
      } else if (depth === 0 && (character === 10 || character === stop)) {
        break;
      }
      valueEnd++;
    }
    const value = source.literal(valueStart, valueEnd, known);
    const previous = known.get(name);
    if (value === undefined || unknown.has(name) || (previous !== undefined && JSON.stringify(previous) !== JSON.stringify(value))) {
      forget(name);
    } else {
      known.set(name, value);
    }
  }
  return known;
}

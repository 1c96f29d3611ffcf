// Line lexing shared by every language's scanner: is a position code, comment or string; the word,
// qualifier and call around it. Everything works on the hovered line plus at most LOOK_BACK_LINES
// lines above it (through ScanContext.lineAt), never on the whole document.
import type { ConstantEntry } from '../types';
import type { ScanContext, ScanResult } from './types';

/** How far back multi-line constructs (block comments, object literals) are followed. */
export const LOOK_BACK_LINES = 30;

export interface Syntax {
  readonly lineComment: string;
  readonly blockComments: boolean;
  readonly quotes: string;
  readonly tripleQuotes: boolean;
  /** Rust: a quote is a char literal only when it closes within a few characters (else a lifetime). */
  readonly charLiteralsMustClose: boolean;
}

export const C_SYNTAX: Syntax = { lineComment: '//', blockComments: true, quotes: '"\'', tripleQuotes: false, charLiteralsMustClose: false };
export const GO_SYNTAX: Syntax = { lineComment: '//', blockComments: true, quotes: '"\'`', tripleQuotes: false, charLiteralsMustClose: false };
export const RUST_SYNTAX: Syntax = { lineComment: '//', blockComments: true, quotes: '"\'', tripleQuotes: false, charLiteralsMustClose: true };
export const JS_SYNTAX: Syntax = { lineComment: '//', blockComments: true, quotes: '"\'`', tripleQuotes: false, charLiteralsMustClose: false };
export const PYTHON_SYNTAX: Syntax = { lineComment: '#', blockComments: false, quotes: '"\'', tripleQuotes: true, charLiteralsMustClose: false };

export type Position =
  | { readonly kind: 'code' }
  | { readonly kind: 'comment' }
  /** start is the opening quote, end is one past the closing quote (or the line end). */
  | { readonly kind: 'string'; readonly start: number; readonly end: number; readonly quote: string };

/** Index one past the closing quote, or the line length when the string does not close here. */
function stringEnd(line: string, from: number, quote: string, escapes: boolean): number {
  for (let index = from; index < line.length; index++) {
    const character = line[index];
    if (escapes && character === '\\') {
      index++;
    } else if (line.startsWith(quote, index)) {
      return index + quote.length;
    }
  }
  return line.length;
}

/** Rust: `'a'`, `'\n'`, `'\u{1F600}'` are chars; `'a` in `&'a str` is a lifetime. */
function rustCharEnd(line: string, from: number): number | undefined {
  if (line[from + 1] === '\\') {
    const close = line.indexOf('\'', from + 2);
    return close !== -1 && close - from <= 12 ? close + 1 : undefined;
  }
  return line[from + 2] === '\'' ? from + 3 : undefined;
}

export function classify(line: string, target: number, syntax: Syntax, inBlockComment: boolean): Position {
  let index = 0;
  if (inBlockComment) {
    const close = line.indexOf('*/');
    if (close === -1 || target < close + 2) {
      return { kind: 'comment' };
    }
    index = close + 2;
  }
  while (index < line.length) {
    if (line.startsWith(syntax.lineComment, index)) {
      return target >= index ? { kind: 'comment' } : { kind: 'code' };
    }
    if (syntax.blockComments && line.startsWith('/*', index)) {
      const close = line.indexOf('*/', index + 2);
      const end = close === -1 ? line.length : close + 2;
      if (target >= index && target < end) {
        return { kind: 'comment' };
      }
      index = end;
      continue;
    }
    const character = line[index];
    if (syntax.quotes.includes(character)) {
      let quote = character;
      if (syntax.tripleQuotes && line.startsWith(character.repeat(3), index)) {
        quote = character.repeat(3);
      }
      let end: number | undefined;
      if (character === '\'' && syntax.charLiteralsMustClose) {
        end = rustCharEnd(line, index);
      } else {
        end = stringEnd(line, index + quote.length, quote, character !== '`');
      }
      if (end !== undefined) {
        if (target >= index && target < end) {
          return { kind: 'string', start: index, end, quote };
        }
        index = end;
        continue;
      }
    }
    if (index >= target) {
      return { kind: 'code' };
    }
    index++;
  }
  return { kind: 'code' };
}

/** C-family block comments that started on an earlier line: look back a bounded number of lines. */
export function startsInsideBlockComment(context: ScanContext | undefined, lineText: string): boolean {
  if (context?.lineAt === undefined || context.line === undefined) {
    // Without the document, a leading ` * ` is the tell-tale of a doc-comment continuation.
    return /^\s*\*(\s|\/|$)/.test(lineText) && !/^\s*\*\//.test(lineText);
  }
  for (let line = context.line - 1; line >= 0 && line >= context.line - LOOK_BACK_LINES; line--) {
    const text = context.lineAt(line);
    if (text === undefined) {
      return false;
    }
    const open = text.lastIndexOf('/*');
    const close = text.lastIndexOf('*/');
    if (open !== -1 || close !== -1) {
      return open > close;
    }
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// Tokens and qualifiers.

export function isWordCharacter(character: string | undefined): boolean {
  return character !== undefined && /[A-Za-z0-9_]/.test(character);
}

export function wordAt(line: string, character: number): { start: number; end: number } | undefined {
  let anchor = character;
  if (!isWordCharacter(line[anchor])) {
    // The cursor may sit just after the word, as VS Code positions do at a word's end.
    if (!isWordCharacter(line[anchor - 1])) {
      return undefined;
    }
    anchor -= 1;
  }
  let start = anchor;
  while (start > 0 && isWordCharacter(line[start - 1])) {
    start--;
  }
  let end = anchor + 1;
  while (end < line.length && isWordCharacter(line[end])) {
    end++;
  }
  if (/[0-9]/.test(line[start])) {
    return undefined;
  }
  return { start, end };
}

/**
 * The dotted (or `::`) path written before the word at `start`: for `socket.AddressFamily.AF_INET`
 * it returns ['socket', 'AddressFamily']. `leading` tells whether the path itself starts with the
 * separator (`::libc::X`, `.socket.X`).
 */
export function qualifierPath(line: string, start: number, separator: '.' | '::'): { parts: string[]; leading: boolean } {
  const parts: string[] = [];
  let index = start;
  while (line.startsWith(separator, index - separator.length)) {
    let wordStart = index - separator.length;
    while (wordStart > 0 && isWordCharacter(line[wordStart - 1])) {
      wordStart--;
    }
    const word = line.slice(wordStart, index - separator.length);
    if (word === '') {
      return { parts, leading: true };
    }
    parts.unshift(word);
    index = wordStart;
  }
  const before = line[index - 1];
  return { parts, leading: before === '.' || (separator === '::' && before === ':') };
}

export function previousNonSpace(line: string, index: number): number {
  let position = index - 1;
  while (position >= 0 && /\s/.test(line[position])) {
    position--;
  }
  return position;
}

export function nextNonSpace(line: string, index: number): number {
  let position = index;
  while (position < line.length && /\s/.test(line[position])) {
    position++;
  }
  return position;
}

/** The identifier that ends right before `index` (skipping spaces), e.g. the callee before `(`. */
export function identifierBefore(line: string, index: number): { name: string; start: number } | undefined {
  const end = previousNonSpace(line, index) + 1;
  let start = end;
  while (start > 0 && isWordCharacter(line[start - 1])) {
    start--;
  }
  return start === end ? undefined : { name: line.slice(start, end), start };
}

/**
 * Walks left from `index` to the unmatched opening bracket `open`, skipping nested pairs and
 * strings; returns its position or -1. Works on one line; callers join lines when needed.
 */
export function unmatchedOpening(text: string, index: number, open: string, syntax: Syntax): number {
  const closers: Record<string, string> = { ')': '(', ']': '[', '}': '{' };
  const depth: Record<string, number> = { '(': 0, '[': 0, '{': 0 };
  for (let position = index - 1; position >= 0; position--) {
    const character = text[position];
    if (syntax.quotes.includes(character)) {
      // Skip back over a string: find its opening quote (escape-unaware, good enough locally).
      const opening = text.lastIndexOf(character, position - 1);
      if (opening !== -1) {
        position = opening;
        continue;
      }
    }
    if (character in closers) {
      depth[closers[character]]++;
    } else if (character in depth) {
      if (depth[character] > 0) {
        depth[character]--;
      } else if (character === open) {
        return position;
      } else {
        return -1;
      }
    }
  }
  return -1;
}


/** The text from up to LOOK_BACK_LINES lines above, joined, with the offset of the current line in it. */
export function textAbove(line: string, context: ScanContext | undefined): { text: string; offset: number } {
  const lines: string[] = [];
  if (context?.lineAt !== undefined && context.line !== undefined) {
    for (let index = context.line - 1; index >= 0 && index >= context.line - LOOK_BACK_LINES; index--) {
      const text = context.lineAt(index);
      if (text === undefined) {
        break;
      }
      lines.unshift(text);
    }
  }
  const before = lines.length === 0 ? '' : `${lines.join('\n')}\n`;
  return { text: before + line, offset: before.length };
}


export function identifierMatch(entry: ConstantEntry, text: string, start: number, end: number, qualifier?: string): ScanResult {
  return {
    name: entry.name,
    start,
    end,
    kind: qualifier === undefined ? 'identifier' : 'qualified',
    text,
    qualifier,
  };
}

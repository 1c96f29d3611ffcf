/**
 * Payloads (`"…"`, hex, base64, file, `<<END`) and matchers (`exactly`, `/regex/`, eof, closed,
 * bytes N) as the steps and rules write them. Literal text is checked with the engine's own codecs
 * here, so a bad escape is a parse error with its column, not a failure halfway through a run.
 */
import { validatePayload } from '../engine/index';
import { fail, literalText, parseTemplate, type LineContext } from './parseTemplate';
import type { Matcher, Payload, Template, Trigger } from './syntax';

/** Text still to read on a line, and the 1-based column of its first character. */
export interface Rest {
  readonly text: string;
  readonly column: number;
}

/** Reads the body of a heredoc from the lines after the current one; undefined when END never comes. */
export type HeredocReader = (marker: string) => { readonly lines: readonly string[]; readonly firstLine: number } | undefined;

export const PAYLOAD_FORMS = `("…", hex, base64, file or <<END)`;

export function skipSpaces(rest: Rest): Rest {
  const trimmed = rest.text.replace(/^\s+/, '');
  return { text: trimmed, column: rest.column + rest.text.length - trimmed.length };
}

/** The first word and what follows it (spaces skipped). */
export function firstWord(rest: Rest): { readonly word: string; readonly rest: Rest } {
  const start = skipSpaces(rest);
  const match = /^\S+/.exec(start.text);
  const word = match === null ? '' : match[0];
  return { word, rest: skipSpaces({ text: start.text.slice(word.length), column: start.column + word.length }) };
}

/**
 * Splits a trailing `KEYWORD VALUE` (e.g. ` within 2s`, ` to host:port`) off open-ended text such as
 * hex or base64, which cannot tell where it ends by itself.
 */
function splitTail(rest: Rest, tails: readonly string[]): { readonly body: Rest; readonly tail: Rest } {
  for (const keyword of tails) {
    const match = new RegExp(`\\s+${keyword}\\s+\\S+\\s*$`).exec(rest.text);
    if (match !== null) {
      return { body: { text: rest.text.slice(0, match.index), column: rest.column }, tail: skipSpaces({ text: rest.text.slice(match.index), column: rest.column + match.index }) };
    }
  }
  return { body: rest, tail: { text: '', column: rest.column + rest.text.length } };
}

export interface PayloadRead {
  readonly payload: Payload;
  /** What follows the payload on the line (a `within` or `to`), spaces skipped. */
  readonly rest: Rest;
}

/** Reads one payload; `after` names the keyword before it for the message, `tails` the keywords that may follow. */
export function readPayload(context: LineContext, input: Rest, after: string, heredoc: HeredocReader, tails: readonly string[]): PayloadRead {
  const rest = skipSpaces(input);
  const text = rest.text;
  if (text.startsWith('"')) {
    return readString(context, rest);
  }
  if (text.startsWith('<<')) {
    return readHeredoc(context, rest, heredoc);
  }
  const { word, rest: afterWord } = firstWord(rest);
  if (word === 'hex' || word === 'base64' || word === 'file') {
    const { body, tail } = splitTail(afterWord, tails);
    const trimmed = body.text.trimEnd();
    if (trimmed === '') {
      throw fail(context, afterWord.column, 'payload-missing', `expected ${word === 'file' ? 'a path' : `${word} digits`} after '${word}'`, { variant: 'form-body', word });
    }
    const template = parseTemplate(context, trimmed, body.column);
    if (word !== 'file') {
      checkLiteral(context, template, word, body.column);
    }
    return { payload: { kind: word, template }, rest: tail };
  }
  const column = text === '' ? input.column + 1 : rest.column;
  throw fail(context, column, 'payload-missing', `expected a payload after '${after}' ${PAYLOAD_FORMS}`, { after });
}

/** Checks hex or base64 without macros now, with the engine's codec, and points at the bad character. */
function checkLiteral(context: LineContext, template: Template, encoding: 'hex' | 'base64', column: number): void {
  const literal = literalText(template);
  if (literal === undefined) {
    return;
  }
  const result = validatePayload(literal, encoding);
  if (!result.ok) {
    const offset = Number(result.error.data.offset ?? 0);
    throw fail(context, column + offset, 'payload-invalid', `invalid ${encoding}: ${codecProblem(result.error.message)}`, codecFacts(encoding, result.error.data));
  }
}

/** The codec's message without its `escapes: ` lead and ` at offset N` tail: the column says where. */
/** The codec's facts, for the editor to word the problem as it words a codec error elsewhere. */
function codecFacts(encoding: string, data: Readonly<Record<string, unknown>>): Record<string, string | number> {
  const facts: Record<string, string | number> = { encoding, codecReason: String(data.reason ?? '') };
  if (typeof data.character === 'string') {
    facts.character = data.character;
  }
  if (typeof data.offset === 'number') {
    facts.offset = data.offset;
  }
  return facts;
}

function codecProblem(message: string): string {
  return message.replace(/^\w+: /, '').replace(/ at offset \d+$/, '');
}

function readString(context: LineContext, rest: Rest): PayloadRead {
  const text = rest.text;
  let position = 1;
  while (position < text.length && text[position] !== '"') {
    position += text[position] === '\\' ? 2 : 1;
  }
  if (position >= text.length) {
    throw fail(context, rest.column, 'string-unterminated', 'expected a closing \'"\' for the string started here');
  }
  const body = text.slice(1, position);
  const template = parseTemplate(context, body, rest.column + 1);
  for (const part of template.parts) {
    if (part.kind === 'text') {
      checkEscapes(context, part.text, part.column);
    }
  }
  return { payload: { kind: 'string', template }, rest: skipSpaces({ text: text.slice(position + 1), column: rest.column + position + 1 }) };
}

/** `\"` is the wire syntax's own escape; the rest are the engine's. Returns the text the codec reads. */
export function unquote(text: string): { readonly text: string; readonly offsets: readonly number[] } {
  let output = '';
  const offsets: number[] = [];
  for (let position = 0; position < text.length; position++) {
    if (text[position] === '\\' && text[position + 1] === '"') {
      offsets.push(position);
      output += '"';
      position++;
    } else {
      offsets.push(position);
      output += text[position];
    }
  }
  return { text: output, offsets };
}

function checkEscapes(context: LineContext, text: string, column: number): void {
  const unquoted = unquote(text);
  const result = validatePayload(unquoted.text, 'escapes');
  if (!result.ok) {
    const offset = Number(result.error.data.offset ?? 0);
    const original = unquoted.offsets[offset] ?? text.length;
    throw fail(context, column + original, 'payload-invalid', `invalid string: ${codecProblem(result.error.message)}`, codecFacts('escapes', result.error.data));
  }
}

function readHeredoc(context: LineContext, rest: Rest, heredoc: HeredocReader): PayloadRead {
  const match = /^<<([A-Za-z_][A-Za-z0-9_]*)(?:\s+(crlf))?(?=\s|$)/.exec(rest.text);
  if (match === null) {
    throw fail(context, rest.column + 2, 'heredoc-marker', "expected a marker after '<<', e.g. <<END or <<END crlf", {});
  }
  const marker = match[1];
  const body = heredoc(marker);
  if (body === undefined) {
    throw fail(context, rest.column, 'heredoc-unterminated', `expected a line '${marker}' to end the heredoc started here`, { marker });
  }
  const crlf = match[2] === 'crlf';
  const parts: Template['parts'][number][] = [];
  body.lines.forEach((line, index) => {
    if (index > 0) {
      parts.push({ kind: 'text', text: crlf ? '\r\n' : '\n', column: 1 });
    }
    parts.push(...parseTemplate({ file: context.file, line: body.firstLine + index }, line, 1).parts);
  });
  const template: Template = { parts, source: body.lines.join('\n') };
  return { payload: { kind: 'heredoc', template, crlf }, rest: skipSpaces({ text: rest.text.slice(match[0].length), column: rest.column + match[0].length }) };
}

const REGEX_FLAGS = /^[dimsuv]*$/;

function readRegex(context: LineContext, rest: Rest): { readonly matcher: Matcher; readonly rest: Rest } {
  const text = rest.text;
  let position = 1;
  let inClass = false;
  while (position < text.length) {
    const character = text[position];
    if (character === '\\') {
      position += 2;
      continue;
    }
    if (character === '[') {
      inClass = true;
    } else if (character === ']') {
      inClass = false;
    } else if (character === '/' && !inClass) {
      break;
    }
    position++;
  }
  if (position >= text.length) {
    throw fail(context, rest.column, 'regex-invalid', "expected a closing '/' for the regex started here", { variant: 'unclosed' });
  }
  const source = text.slice(1, position);
  const flagMatch = /^[A-Za-z]*/.exec(text.slice(position + 1));
  const flags = flagMatch === null ? '' : flagMatch[0];
  if (!REGEX_FLAGS.test(flags)) {
    throw fail(context, rest.column + position + 1, 'regex-invalid', `regex flags may be d, i, m, s, u and v; got '${flags}'`, { variant: 'flags', got: flags });
  }
  if (source === '') {
    throw fail(context, rest.column, 'regex-invalid', 'expected a regex between the slashes', { variant: 'empty' });
  }
  let regex: RegExp;
  try {
    regex = new RegExp(source, flags);
  } catch (error) {
    throw fail(context, rest.column, 'regex-invalid', `invalid regex: ${error instanceof Error ? error.message : String(error)}`, { variant: 'syntax', problem: error instanceof Error ? error.message : String(error) });
  }
  const end = position + 1 + flags.length;
  return { matcher: { kind: 'regex', source, flags, regex }, rest: skipSpaces({ text: text.slice(end), column: rest.column + end }) };
}

export const MATCHER_FORMS = `("…", hex, base64, file, <<END, exactly …, /regex/, eof, closed or bytes N)`;

/** Reads an expect matcher, or with `rule` set an `on` trigger (which adds connect and any). */
export function readMatcher(
  context: LineContext,
  input: Rest,
  after: string,
  heredoc: HeredocReader,
  tails: readonly string[],
  rule = false,
): { readonly matcher: Trigger; readonly rest: Rest } {
  const rest = skipSpaces(input);
  const { word, rest: afterWord } = firstWord(rest);
  if (rest.text.startsWith('/')) {
    return readRegex(context, rest);
  }
  switch (word) {
    case 'exactly': {
      const read = readPayload(context, afterWord, 'exactly', heredoc, tails);
      return { matcher: { kind: 'exactly', payload: read.payload }, rest: read.rest };
    }
    case 'eof':
    case 'closed':
      return { matcher: { kind: word }, rest: afterWord };
    case 'bytes': {
      const count = firstWord(afterWord);
      if (!/^\d{1,9}$/.test(count.word) || Number(count.word) < 1) {
        throw fail(context, afterWord.column, 'count-invalid', `expected a positive number of bytes after 'bytes', got ${count.word === '' ? 'nothing' : `'${count.word}'`}`, { after: 'bytes', got: count.word });
      }
      return { matcher: { kind: 'bytes', count: Number(count.word) }, rest: count.rest };
    }
    case 'connect':
    case 'any':
      if (rule) {
        return { matcher: { kind: word }, rest: afterWord };
      }
      break;
    default:
      break;
  }
  if (rest.text.startsWith('"') || rest.text.startsWith('<<') || word === 'hex' || word === 'base64' || word === 'file') {
    const read = readPayload(context, rest, after, heredoc, tails);
    return { matcher: { kind: 'contains', payload: read.payload }, rest: read.rest };
  }
  const forms = rule ? MATCHER_FORMS.replace('(', '(connect, any, ') : MATCHER_FORMS;
  const column = rest.text === '' ? input.column + 1 : rest.column;
  throw fail(context, column, 'matcher-missing', `expected a matcher after '${after}' ${forms}`, { after, rule: rule ? 1 : 0 });
}

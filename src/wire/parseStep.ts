/**
 * One directive line → one step, rule or action. The line parser (parser.ts) owns sections,
 * nesting and names; this file knows what each keyword takes.
 */
import { isEngineError, socketSpec } from '../engine/index';
import { fail, isName, literalText, parseDuration, parseTemplate, type LineContext } from './parseTemplate';
import { firstWord, readMatcher, readPayload, skipSpaces, type HeredocReader, type Rest } from './parsePayload';
import type { Action, CloseMode, Matcher, Rule, Step, Template } from './syntax';

export interface LineInput {
  readonly context: LineContext;
  /** The directive keyword, and the 1-based column where it starts. */
  readonly keyword: string;
  readonly keywordColumn: number;
  /** The text after the keyword. */
  readonly rest: Rest;
  /** The trimmed line, for reports. */
  readonly text: string;
  readonly heredoc: HeredocReader;
}

function ensureEnd(input: LineInput, rest: Rest, what: string): void {
  const left = skipSpaces(rest);
  if (left.text !== '') {
    throw fail(input.context, left.column, 'text-after-payload', `unexpected '${left.text}' after ${what}`, { got: left.text, after: what });
  }
}

function closeMode(input: LineInput, rest: Rest): CloseMode {
  const { word, rest: after } = firstWord(rest);
  ensureEnd(input, after, `'close ${word}'`);
  switch (word) {
    case '':
      return 'graceful';
    case 'fin':
      return 'half';
    case 'rst':
      return 'reset';
    default:
      throw fail(input.context, skipSpaces(rest).column, 'close-mode', `expected nothing, 'fin' or 'rst' after 'close', got '${word}'`, { got: word });
  }
}

/** `open SPEC [as NAME]` and `listen SPEC [as NAME]`; a spec without macros is checked now. */
export function readSocket(input: LineInput): { readonly spec: Template; readonly name?: string; readonly nameColumn: number } {
  const rest = skipSpaces(input.rest);
  let specText = rest.text.trimEnd();
  let name: string | undefined;
  let nameColumn = rest.column;
  const alias = /\s+as\s+(\S+)$/.exec(specText);
  if (alias !== null) {
    name = alias[1];
    nameColumn = rest.column + specText.length - name.length;
    specText = specText.slice(0, alias.index);
    if (!isName(name)) {
      throw fail(input.context, nameColumn, 'name-invalid', `expected a name after 'as' (letters, digits, _ . -), got '${name}'`, { after: 'as', got: name });
    }
  }
  if (specText === '') {
    throw fail(input.context, input.rest.column + 1, 'spec-missing', `expected a socket spec after '${input.keyword}', e.g. ${input.keyword === 'open' ? 'tcp://127.0.0.1:7000' : 'tcp-listen://127.0.0.1:7000'}`, { keyword: input.keyword });
  }
  const spec = parseTemplate(input.context, specText, rest.column);
  const literal = literalText(spec);
  if (literal !== undefined) {
    checkSpec(input, literal, rest.column);
  }
  return { spec, name, nameColumn };
}

/** The engine's error facts (primitive values only), for the editor to word as it words engine errors. */
function engineFacts(code: string, data: Readonly<Record<string, unknown>>): Record<string, string | number> {
  const facts: Record<string, string | number> = { engineCode: code, engineReason: String(data.reason ?? '') };
  for (const [key, value] of Object.entries(data)) {
    if (typeof value === 'string' || typeof value === 'number') {
      facts[`engine.${key}`] = value;
    }
  }
  return facts;
}

/** The engine parses the spec; a client spec after `listen` (or the reverse) is refused here. */
export function checkSpec(input: LineInput, text: string, column: number): void {
  let role: string;
  try {
    role = socketSpec.parse(text).role;
  } catch (error) {
    if (isEngineError(error)) {
      throw fail(input.context, column, 'spec-invalid', `invalid spec: ${error.message}`, engineFacts(error.code, error.data));
    }
    throw error;
  }
  if (input.keyword === 'open' && role === 'listen') {
    throw fail(input.context, column, 'spec-role', `'open' connects a client; '${text}' is a listener spec: use 'listen ${text}'`, { keyword: 'open', spec: text });
  }
  if (input.keyword === 'listen' && role !== 'listen') {
    throw fail(input.context, column, 'spec-role', `'listen' needs a listener spec (tcp-listen://, tls-listen://, udp-listen://, unix-listen://); '${text}' connects a client`, { keyword: 'listen', spec: text });
  }
}

/** Every step keyword but open/listen/use/repeat/end/on, which need the parser's state. */
export function readSimpleStep(input: LineInput): Step {
  const { context, keyword, rest, text } = input;
  const common = { line: context.line, column: input.keywordColumn, text };
  switch (keyword) {
    case 'send': {
      const read = readPayload(context, rest, 'send', input.heredoc, ['to']);
      const tail = firstWord(read.rest);
      if (tail.word === '') {
        return { kind: 'send', payload: read.payload, ...common };
      }
      if (tail.word !== 'to') {
        throw fail(context, read.rest.column, 'text-after-payload', `unexpected '${read.rest.text}' after the payload; only 'to HOST:PORT' may follow it`, { variant: 'send', got: read.rest.text });
      }
      const target = tail.rest.text.trimEnd();
      if (target === '' || /\s/.test(target)) {
        throw fail(context, tail.rest.column, 'target-invalid', "expected HOST:PORT after 'to', e.g. to 127.0.0.1:9000", {});
      }
      return { kind: 'send', payload: read.payload, to: parseTemplate(context, target, tail.rest.column), ...common };
    }
    case 'expect': {
      const read = readMatcher(context, rest, 'expect', input.heredoc, ['within']);
      const tail = firstWord(read.rest);
      let within: number | undefined;
      if (tail.word === 'within') {
        const duration = firstWord(tail.rest);
        within = parseDuration(context, duration.word, tail.rest.column, 'within');
        ensureEnd(input, duration.rest, `'within ${duration.word}'`);
      } else if (tail.word !== '') {
        throw fail(context, read.rest.column, 'text-after-payload', `unexpected '${read.rest.text}' after the matcher; only 'within DURATION' may follow it`, { variant: 'expect', got: read.rest.text });
      }
      return { kind: 'expect', matcher: read.matcher as Matcher, within, ...common };
    }
    case 'wait': {
      const duration = firstWord(rest);
      const milliseconds = parseDuration(context, duration.word, skipSpaces(rest).column, 'wait');
      ensureEnd(input, duration.rest, `'wait ${duration.word}'`);
      return { kind: 'wait', milliseconds, ...common };
    }
    case 'close':
      return { kind: 'close', mode: closeMode(input, rest), ...common };
    case 'starttls': {
      // `starttls [insecure] [ca=PATH]`, in either order, each at most once.
      let insecure = false;
      let ca: string | undefined;
      for (let remaining = rest; ; ) {
        const { word, rest: after } = firstWord(remaining);
        if (word === '') {
          break;
        }
        if (word === 'insecure' && !insecure) {
          insecure = true;
        } else if (word.startsWith('ca=') && word.length > 3 && ca === undefined) {
          ca = word.slice(3);
        } else {
          throw fail(context, skipSpaces(remaining).column, 'starttls-option', `expected 'insecure' or 'ca=PATH' after 'starttls', got '${word}'`, { got: word });
        }
        remaining = after;
      }
      return { kind: 'starttls', insecure, ...(ca === undefined ? {} : { ca }), ...common };
    }
    default:
      throw fail(context, input.keywordColumn, 'unknown-directive', `unknown directive '${keyword}': expected open, listen, use, send, expect, wait, repeat, end, close, starttls or on`, { got: keyword });
  }
}

/** `repeat N`. */
export function readRepeatCount(input: LineInput): number {
  const count = firstWord(input.rest);
  if (!/^\d{1,9}$/.test(count.word)) {
    throw fail(input.context, skipSpaces(input.rest).column, 'count-invalid', `expected a number of times after 'repeat', got ${count.word === '' ? 'nothing' : `'${count.word}'`}`, { after: 'repeat', got: count.word });
  }
  ensureEnd(input, count.rest, `'repeat ${count.word}'`);
  return Number(count.word);
}

/** `on TRIGGER`; the actions are added by the parser as the indented lines come. */
export function readRule(input: LineInput, actions: Action[]): Rule {
  const read = readMatcher(input.context, input.rest, 'on', input.heredoc, [], true);
  ensureEnd(input, read.rest, 'the rule');
  return { trigger: read.matcher, actions, line: input.context.line, column: input.keywordColumn, text: input.text };
}

/** An indented line under `on`: reply, wait or close. */
export function readAction(input: LineInput): Action {
  const { context, keyword, rest } = input;
  const position = { line: context.line, column: input.keywordColumn };
  switch (keyword) {
    case 'reply': {
      const read = readPayload(context, rest, 'reply', input.heredoc, []);
      ensureEnd(input, read.rest, 'the payload');
      return { kind: 'reply', payload: read.payload, ...position };
    }
    case 'wait': {
      const duration = firstWord(rest);
      const milliseconds = parseDuration(context, duration.word, skipSpaces(rest).column, 'wait');
      ensureEnd(input, duration.rest, `'wait ${duration.word}'`);
      return { kind: 'wait', milliseconds, ...position };
    }
    case 'close':
      return { kind: 'close', mode: closeMode(input, rest), ...position };
    default:
      throw fail(context, input.keywordColumn, 'action-invalid', `expected an action under 'on' (reply, wait or close), got '${keyword}'; end the rule with an unindented line`, { got: keyword });
  }
}

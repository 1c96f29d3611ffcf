/**
 * The smallest pieces of the wire syntax: `{{…}}` macros, durations and names. Each reader throws a
 * WireError (code PARSE) naming the line and column; the line parser collects them.
 */
import { parseError, type ParseErrorReason, type WireError } from './errors';
import type { Macro, Template, TemplatePart } from './syntax';

/** Where a piece of text sits: the file name and the 1-based line. Columns are passed alongside. */
export interface LineContext {
  readonly file: string;
  readonly line: number;
}

export function fail(context: LineContext, column: number, reason: ParseErrorReason, message: string, extra: Record<string, string | number> = {}): WireError {
  return parseError(context.file, context.line, column, reason, message, extra);
}

const NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

export function isName(text: string): boolean {
  return NAME.test(text);
}

/** Splits `text` (starting at 1-based `column`) into literal parts and macros. */
export function parseTemplate(context: LineContext, text: string, column: number): Template {
  const parts: TemplatePart[] = [];
  let position = 0;
  while (position < text.length) {
    const open = text.indexOf('{{', position);
    if (open < 0) {
      parts.push({ kind: 'text', text: text.slice(position), column: column + position });
      break;
    }
    if (open > position) {
      parts.push({ kind: 'text', text: text.slice(position, open), column: column + position });
    }
    const close = text.indexOf('}}', open + 2);
    if (close < 0) {
      throw fail(context, column + open, 'macro-unterminated', "expected '}}' to close the macro started here", {});
    }
    const inner = text.slice(open + 2, close);
    parts.push({ kind: 'macro', macro: parseMacro(context, inner, column + open), column: column + open });
    position = close + 2;
  }
  return { parts, source: text };
}

function parseMacro(context: LineContext, inner: string, column: number): Macro {
  const body = inner.trim();
  if (body.startsWith('env:')) {
    const name = body.slice(4).trim();
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
      throw fail(context, column, 'macro-invalid', `expected an environment variable name after 'env:' in '{{${inner}}}'`, { variant: 'env', macro: `{{${inner}}}` });
    }
    return { kind: 'env', name };
  }
  const words = body.split(/\s+/);
  switch (words[0]) {
    case 'counter':
    case 'i':
    case 'time':
    case 'unix_ms':
    case 'uuid':
    case 'peer':
      if (words.length > 1) {
        throw fail(context, column, 'macro-invalid', `'{{${words[0]}}}' takes no argument`, { variant: 'argument', macro: `{{${words[0]}}}` });
      }
      return { kind: words[0] };
    case 'random_hex': {
      const digits = words.length === 2 && /^\d{1,4}$/.test(words[1]) ? Number(words[1]) : 0;
      if (digits < 1 || digits > 4096) {
        throw fail(context, column, 'macro-invalid', "expected '{{random_hex N}}' with N from 1 to 4096 hex digits", { variant: 'digits', macro: `{{${inner}}}` });
      }
      return { kind: 'random_hex', digits };
    }
    default:
      if (words.length !== 1 || !isName(body)) {
        throw fail(context, column, 'macro-invalid', `expected a variable name or a macro (counter, i, time, unix_ms, random_hex N, uuid, peer, env:NAME) in '{{${inner}}}'`, { variant: 'name', macro: `{{${inner}}}` });
      }
      return { kind: 'variable', name: body };
  }
}

/** True when the template has no macros, so its text can be checked now. */
export function literalText(template: Template): string | undefined {
  let text = '';
  for (const part of template.parts) {
    if (part.kind === 'macro') {
      return undefined;
    }
    text += part.text;
  }
  return text;
}

const DURATION = /^(\d+(?:\.\d+)?)(ms|s|m)$/;

/** `250ms`, `2s`, `1.5s`, `1m` → milliseconds; undefined when it is not a duration. */
export function durationMs(text: string): number | undefined {
  const match = DURATION.exec(text);
  if (match === null) {
    return undefined;
  }
  const value = Number(match[1]);
  const factor = match[2] === 'ms' ? 1 : match[2] === 's' ? 1000 : 60_000;
  const milliseconds = Math.round(value * factor);
  return Number.isSafeInteger(milliseconds) ? milliseconds : undefined;
}

export function parseDuration(context: LineContext, text: string, column: number, after: string): number {
  const milliseconds = durationMs(text);
  if (milliseconds === undefined) {
    const shown = text === '' ? 'nothing' : `'${text}'`;
    throw fail(context, column, 'duration-invalid', `expected a duration after '${after}' (250ms, 2s, 1m), got ${shown}`, { after, got: text });
  }
  return milliseconds;
}

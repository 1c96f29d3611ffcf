/**
 * One auto-reply record as wire text (`on …` with its indented actions). Pure and browser-safe:
 * the host runs it, and the webview uses it when a rule switches to wire text, so nothing typed is lost.
 */
import type { AutoReplyRule } from './rules';

/** Puts a `"` that is not escaped behind a backslash; the user's escapes (`\r\n`) stay as typed. */
export function quoteWireString(text: string): string {
  let quoted = '';
  for (let index = 0; index < text.length; index++) {
    const character = text[index];
    if (character === '\\' && index + 1 < text.length) {
      quoted += character + text[index + 1];
      index++;
    } else if (character === '"') {
      quoted += '\\"';
    } else if (character === '\\') {
      quoted += '\\\\';
    } else {
      quoted += character;
    }
  }
  return `"${quoted}"`;
}

function payloadWire(form: AutoReplyRule['form'], text: string): string {
  return form === 'hex' ? `hex ${text.trim()}` : quoteWireString(text);
}

/** `^HELO (\S+)` becomes `/^HELO (\S+)/`; a pattern already written `/…/flags` is kept. */
export function regexWire(pattern: string): string {
  if (/^\/.*\/[a-z]*$/s.test(pattern) && pattern.length > 1) {
    return pattern;
  }
  let escaped = '';
  for (let index = 0; index < pattern.length; index++) {
    const character = pattern[index];
    if (character === '\\' && index + 1 < pattern.length) {
      escaped += character + pattern[index + 1];
      index++;
    } else {
      escaped += character === '/' ? '\\/' : character;
    }
  }
  return `/${escaped}/`;
}

/** The rule as wire text, ending with a newline. */
export function ruleToWire(rule: AutoReplyRule): string {
  if (rule.matcher === 'wire') {
    return rule.pattern.endsWith('\n') || rule.pattern === '' ? rule.pattern : `${rule.pattern}\n`;
  }
  const trigger = {
    contains: () => payloadWire(rule.form, rule.pattern),
    exactly: () => `exactly ${payloadWire(rule.form, rule.pattern)}`,
    regex: () => regexWire(rule.pattern),
    any: () => 'any',
  }[rule.matcher]();
  const lines = [`on ${trigger}`];
  if (rule.delayMs > 0) {
    lines.push(`  wait ${rule.delayMs}ms`);
  }
  if (rule.reply !== '' || rule.replyForm === 'hex' || !rule.close) {
    lines.push(`  reply ${payloadWire(rule.replyForm, rule.reply)}`);
  }
  if (rule.close) {
    lines.push('  close');
  }
  return `${lines.join('\n')}\n`;
}

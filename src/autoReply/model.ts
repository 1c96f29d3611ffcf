/**
 * The panel's auto-reply rules as a list of plain records, and their wire text (`on …` lines with
 * indented actions), both ways. Pure: no vscode, so test/unit checks it in plain Node. The wire
 * text is what the runner's rule engine parses; a record is one rule of it.
 */
import { LIMITS, RULE_FORMS, RULE_MATCHERS, type AutoReplyRule } from '../shared/protocol';
import { ruleToWire } from '../shared/ruleText';

export { quoteWireString, regexWire, ruleToWire } from '../shared/ruleText';
import { parseRules, type WireError } from '../wire';

export const EMPTY_RULE: AutoReplyRule = { enabled: true, matcher: 'contains', form: 'text', pattern: '', replyForm: 'text', reply: '', delayMs: 0, close: false };

/** The wire text of the rules that take part (enabled, and without errors when `active` says so). */
export function rulesToWire(rules: readonly AutoReplyRule[], active: (index: number) => boolean = (index) => rules[index].enabled): string {
  return rules.map((rule, index) => (active(index) ? ruleToWire(rule) : '')).join('');
}

export type RuleProblem = { readonly kind: 'parse'; readonly error: WireError } | { readonly kind: 'count'; readonly count: number };

/** Why one rule's wire text is not a rule the engine takes (a parse error, or a wire text that is not one rule). */
export function ruleProblem(rule: AutoReplyRule): RuleProblem | undefined {
  const parsed = parseRules(ruleToWire(rule), { file: 'auto-reply' });
  if (!parsed.ok) {
    return { kind: 'parse', error: parsed.errors[0] };
  }
  return parsed.rules.length === 1 ? undefined : { kind: 'count', count: parsed.rules.length };
}

const ON_LINE = /^on(\s|$)/;

/** Splits wire rules text into one piece per `on` rule; lines before the first rule go with it. */
export function splitRules(text: string): string[] {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  if (lines.at(-1) === '') {
    lines.pop();
  }
  const pieces: string[][] = [];
  let preamble: string[] = [];
  for (const line of lines) {
    if (ON_LINE.test(line)) {
      pieces.push([...preamble, line]);
      preamble = [];
    } else if (pieces.length === 0) {
      preamble.push(line);
    } else {
      pieces[pieces.length - 1].push(line);
    }
  }
  return pieces.map((piece) => `${piece.join('\n')}\n`);
}

const TEXT = /^"((?:[^"\\]|\\.)*)"$/;
const HEX = /^hex\s+(\S.*)$/;

function readPayload(text: string): { readonly form: AutoReplyRule['form']; readonly value: string } | undefined {
  const string = TEXT.exec(text);
  if (string !== null) {
    return { form: 'text', value: string[1] };
  }
  const hex = HEX.exec(text);
  return hex === null ? undefined : { form: 'hex', value: hex[1].trim() };
}

/** One rule's wire text as a record the panel's form can show, or a `wire` record keeping it as typed. */
export function ruleFromWire(piece: string): AutoReplyRule {
  const raw: AutoReplyRule = { ...EMPTY_RULE, matcher: 'wire', pattern: piece };
  const lines = piece.split('\n').filter((line) => line.trim() !== '' && !/^\s*(#|\/\/)/.test(line));
  const head = /^on\s+(.*)$/.exec(lines[0] ?? '');
  if (head === null) {
    return raw;
  }
  const trigger = head[1].trim();
  let rule: AutoReplyRule | undefined;
  const exactly = /^exactly\s+(.*)$/.exec(trigger);
  const payload = readPayload(exactly === null ? trigger : exactly[1]);
  if (trigger === 'any') {
    rule = { ...EMPTY_RULE, matcher: 'any' };
  } else if (payload !== undefined) {
    rule = { ...EMPTY_RULE, matcher: exactly === null ? 'contains' : 'exactly', form: payload.form, pattern: payload.value };
  } else if (/^\/.*\/[a-z]*$/.test(trigger)) {
    rule = { ...EMPTY_RULE, matcher: 'regex', pattern: /^\/.*\/$/.test(trigger) ? trigger.slice(1, -1).replace(/\\\//g, '/') : trigger };
  }
  if (rule === undefined) {
    return raw;
  }
  let delayMs = 0;
  let reply: { readonly form: AutoReplyRule['form']; readonly value: string } | undefined;
  let close = false;
  for (const line of lines.slice(1)) {
    const action = line.trim();
    const wait = /^wait\s+(\d+)ms$/.exec(action);
    const replied = /^reply\s+(.*)$/.exec(action);
    if (wait !== null && delayMs === 0 && reply === undefined && !close) {
      delayMs = Number(wait[1]);
    } else if (replied !== null && reply === undefined && !close) {
      reply = readPayload(replied[1].trim());
      if (reply === undefined) {
        return raw;
      }
    } else if (action === 'close' && !close) {
      close = true;
    } else {
      return raw;
    }
  }
  if (reply === undefined && !close) {
    return raw;
  }
  return { ...rule, delayMs, close, replyForm: reply?.form ?? 'text', reply: reply?.value ?? '' };
}

/** Rules text (from the API or the command) as the panel's records, one per `on` rule. */
export function rulesFromWire(text: string): AutoReplyRule[] {
  return splitRules(text).map(ruleFromWire);
}

/** A stored record as this version reads it (the workspace state may hold a hand edit or an older shape). */
export function isAutoReplyRule(value: unknown): value is AutoReplyRule {
  const rule = value as Partial<Record<keyof AutoReplyRule, unknown>> | null;
  return (
    typeof rule === 'object' && rule !== null &&
    typeof rule.enabled === 'boolean' &&
    (RULE_MATCHERS as readonly unknown[]).includes(rule.matcher) &&
    (RULE_FORMS as readonly unknown[]).includes(rule.form) &&
    (RULE_FORMS as readonly unknown[]).includes(rule.replyForm) &&
    typeof rule.pattern === 'string' && rule.pattern.length <= LIMITS.maxRuleChars &&
    typeof rule.reply === 'string' && rule.reply.length <= LIMITS.maxRuleChars &&
    typeof rule.delayMs === 'number' && Number.isInteger(rule.delayMs) && rule.delayMs >= 0 && rule.delayMs <= LIMITS.maxRuleDelayMs &&
    typeof rule.close === 'boolean'
  );
}

/**
 * Checks every message that comes from the webview before the host acts on it. The webview is our
 * own code, but it runs untrusted content's neighbour (a browser) and may be stale after an update,
 * so a message is accepted only when its type is known and every field has the right type, stays in
 * its bounds, and nothing unknown rides along. A refused message is logged and ignored.
 */
import { PAYLOAD_ENCODINGS } from '../engine';
import { COPY_FORMATS, LIMITS, LINE_ENDINGS, RULE_FORMS, RULE_MATCHERS, SEARCH_MODES, type WebviewMessage, type WebviewMessageType } from '../shared/protocol';

export type ValidationResult =
  | { readonly ok: true; readonly message: WebviewMessage }
  | { readonly ok: false; readonly reason: string };

type FieldRule =
  | { readonly kind: 'string'; readonly max: number; readonly optional?: boolean }
  | { readonly kind: 'integer'; readonly min: number; readonly max: number; readonly optional?: boolean }
  | { readonly kind: 'boolean'; readonly optional?: boolean }
  | { readonly kind: 'enum'; readonly values: readonly string[]; readonly optional?: boolean }
  | { readonly kind: 'object'; readonly fields: Readonly<Record<string, FieldRule>>; readonly optional?: boolean }
  | { readonly kind: 'array'; readonly max: number; readonly items: FieldRule; readonly optional?: boolean };

const short = { kind: 'string', max: LIMITS.maxShortText } as const;
const optionalShort = { ...short, optional: true } as const;
const seq = { kind: 'integer', min: 0, max: LIMITS.maxInteger } as const;
const optionalSeq = { ...seq, optional: true } as const;
const encoding = { kind: 'enum', values: PAYLOAD_ENCODINGS } as const;
const lineEnding = { kind: 'enum', values: LINE_ENDINGS } as const;
const payloadText = { kind: 'string', max: LIMITS.maxPayloadChars } as const;

const autoReplyRule = {
  kind: 'object',
  fields: {
    enabled: { kind: 'boolean' },
    matcher: { kind: 'enum', values: RULE_MATCHERS },
    form: { kind: 'enum', values: RULE_FORMS },
    pattern: { kind: 'string', max: LIMITS.maxRuleChars },
    replyForm: { kind: 'enum', values: RULE_FORMS },
    reply: { kind: 'string', max: LIMITS.maxRuleChars },
    delayMs: { kind: 'integer', min: 0, max: LIMITS.maxRuleDelayMs },
    close: { kind: 'boolean' },
  },
} as const;

const RULES: Readonly<Record<WebviewMessageType, Readonly<Record<string, FieldRule>>>> = {
  ready: {},
  send: {
    text: payloadText,
    encoding,
    lineEnding,
    target: optionalShort,
    repeat: {
      kind: 'object',
      optional: true,
      fields: {
        intervalMs: { kind: 'integer', min: LIMITS.minRepeatIntervalMs, max: LIMITS.maxRepeatIntervalMs },
        count: { kind: 'integer', min: 0, max: LIMITS.maxRepeatCount },
      },
    },
    macros: { kind: 'boolean', optional: true },
  },
  stopRepeat: {},
  sendFile: { target: optionalShort },
  cancelFile: {},
  requestRows: {
    requestId: seq,
    generation: seq,
    start: seq,
    count: { kind: 'integer', min: 0, max: LIMITS.maxRequestLines },
  },
  setView: {
    filter: {
      kind: 'object',
      fields: {
        text: short,
        mode: { kind: 'enum', values: SEARCH_MODES },
        in: { kind: 'boolean' },
        out: { kind: 'boolean' },
        events: { kind: 'boolean' },
      },
    },
    hexAll: { kind: 'boolean' },
    anchorSeq: optionalSeq,
  },
  viewport: { follow: { kind: 'boolean' }, lines: { kind: 'integer', min: 0, max: LIMITS.maxRequestLines } },
  toggleRow: { seq, anchorSeq: optionalSeq },
  copyRow: { seq, format: { kind: 'enum', values: COPY_FORMATS } },
  openDump: { seq },
  clear: {},
  reopen: {},
  openAgain: {},
  savePayload: { text: payloadText, encoding, lineEnding, name: optionalShort },
  loadSaved: { name: short },
  deleteSaved: { name: short },
  loadHistory: { index: { kind: 'integer', min: 0, max: LIMITS.maxHistory - 1 } },
  checkTarget: { text: short },
  saveTranscript: {},
  setRules: { rules: { kind: 'array', max: LIMITS.maxRules, items: autoReplyRule } },
  editRulesAsWire: {},
  saveAsWire: {},
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describeValue(value: unknown): string {
  if (typeof value === 'string') {
    return value.length > 40 ? `a string of ${value.length} characters` : JSON.stringify(value);
  }
  return Array.isArray(value) ? 'an array' : value === null ? 'null' : typeof value === 'object' ? 'an object' : String(value);
}

/** Returns a reason when `value` breaks `rule`, else undefined. */
function checkField(path: string, value: unknown, rule: FieldRule): string | undefined {
  if (value === undefined) {
    return rule.optional === true ? undefined : `${path} is missing`;
  }
  switch (rule.kind) {
    case 'string':
      if (typeof value !== 'string') {
        return `${path} must be a string, got ${describeValue(value)}`;
      }
      return value.length > rule.max ? `${path} is ${value.length} characters long; the limit is ${rule.max}` : undefined;
    case 'integer':
      if (typeof value !== 'number' || !Number.isInteger(value)) {
        return `${path} must be an integer, got ${describeValue(value)}`;
      }
      return value < rule.min || value > rule.max ? `${path} is ${value}, outside ${rule.min}..${rule.max}` : undefined;
    case 'boolean':
      return typeof value === 'boolean' ? undefined : `${path} must be true or false, got ${describeValue(value)}`;
    case 'enum':
      return typeof value === 'string' && rule.values.includes(value) ? undefined : `${path} must be one of ${rule.values.join(', ')}, got ${describeValue(value)}`;
    case 'object':
      return checkObject(path, value, rule.fields);
    case 'array':
      return checkArray(path, value, rule);
  }
}

function checkArray(path: string, value: unknown, rule: Extract<FieldRule, { kind: 'array' }>): string | undefined {
  if (!Array.isArray(value)) {
    return `${path} must be an array, got ${describeValue(value)}`;
  }
  if (value.length > rule.max) {
    return `${path} has ${value.length} items; the limit is ${rule.max}`;
  }
  for (const [index, item] of value.entries()) {
    const problem = checkField(`${path}[${index}]`, item, rule.items);
    if (problem !== undefined) {
      return problem;
    }
  }
  return undefined;
}

function checkObject(path: string, value: unknown, fields: Readonly<Record<string, FieldRule>>): string | undefined {
  if (!isRecord(value)) {
    return `${path} must be an object, got ${describeValue(value)}`;
  }
  for (const key of Object.keys(value)) {
    if (!Object.prototype.hasOwnProperty.call(fields, key)) {
      return `${path}.${key} is not a known field`;
    }
  }
  for (const [key, rule] of Object.entries(fields)) {
    const problem = checkField(`${path}.${key}`, value[key], rule);
    if (problem !== undefined) {
      return problem;
    }
  }
  return undefined;
}

/** Accepts a well-formed WebviewMessage; anything else gets a reason for the log. */
export function validateWebviewMessage(value: unknown): ValidationResult {
  if (!isRecord(value)) {
    return { ok: false, reason: `a message must be an object, got ${describeValue(value)}` };
  }
  const type = value.type;
  if (typeof type !== 'string' || !Object.prototype.hasOwnProperty.call(RULES, type)) {
    return { ok: false, reason: `unknown message type ${describeValue(type)}` };
  }
  const fields = { type: { kind: 'string', max: 32 } as const, ...RULES[type as WebviewMessageType] };
  const problem = checkObject(type, value, fields);
  if (problem !== undefined) {
    return { ok: false, reason: problem };
  }
  // Every field was checked against the rules of this type, so the shape is the declared one.
  return { ok: true, message: value as unknown as WebviewMessage };
}

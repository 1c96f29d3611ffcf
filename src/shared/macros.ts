/**
 * The composer's macros: `{{counter}}`, `{{time}}`, `{{unix_ms}}`, `{{random_hex N}}` and
 * `{{uuid}}`, expanded in the payload text before it is encoded (so `{{random_hex 8}}` works in a
 * hex payload too). Pure and browser-safe: the host expands at each send (a repeat anew for every
 * send) and the webview's preview expands with the counter the next send will have.
 */

export const COMPOSER_MACROS = ['counter', 'time', 'unix_ms', 'random_hex N', 'uuid'] as const;
export const MAX_RANDOM_HEX_DIGITS = 4096;

export interface MacroContext {
  /** The number of this send in the panel: 1, 2, 3… */
  readonly counter: number;
  /** ms since the epoch. */
  readonly now: number;
  readonly randomBytes: (count: number) => Uint8Array;
}

export type MacroProblem = 'unterminated' | 'unknown' | 'digits';

export type MacroExpansion =
  | { readonly ok: true; readonly text: string; readonly expanded: number }
  | { readonly ok: false; readonly problem: MacroProblem; readonly macro: string; readonly offset: number };

function hex(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes) {
    text += byte.toString(16).padStart(2, '0');
  }
  return text;
}

/** A version 4 UUID from 16 random bytes. */
export function uuidFrom(bytes: Uint8Array): string {
  const b = Uint8Array.from(bytes.subarray(0, 16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const text = hex(b);
  return `${text.slice(0, 8)}-${text.slice(8, 12)}-${text.slice(12, 16)}-${text.slice(16, 20)}-${text.slice(20)}`;
}

function value(inner: string, context: MacroContext): string | MacroProblem {
  const words = inner.trim().split(/\s+/);
  switch (words[0]) {
    case 'counter':
      return words.length === 1 ? String(context.counter) : 'unknown';
    case 'time':
      return words.length === 1 ? new Date(context.now).toISOString() : 'unknown';
    case 'unix_ms':
      return words.length === 1 ? String(Math.floor(context.now)) : 'unknown';
    case 'uuid':
      return words.length === 1 ? uuidFrom(context.randomBytes(16)) : 'unknown';
    case 'random_hex': {
      const digits = words.length === 2 && /^\d+$/.test(words[1]) ? Number(words[1]) : NaN;
      if (!(digits >= 1 && digits <= MAX_RANDOM_HEX_DIGITS)) {
        return 'digits';
      }
      return hex(context.randomBytes(Math.ceil(digits / 2))).slice(0, digits);
    }
    default:
      return 'unknown';
  }
}

export function expandMacros(text: string, context: MacroContext): MacroExpansion {
  let result = '';
  let position = 0;
  let expanded = 0;
  for (;;) {
    const open = text.indexOf('{{', position);
    if (open < 0) {
      return { ok: true, text: result + text.slice(position), expanded };
    }
    const close = text.indexOf('}}', open + 2);
    if (close < 0) {
      return { ok: false, problem: 'unterminated', macro: text.slice(open, open + 24), offset: open };
    }
    const inner = text.slice(open + 2, close);
    const replacement = value(inner, context);
    if (replacement === 'unknown' || replacement === 'digits' || replacement === 'unterminated') {
      return { ok: false, problem: replacement, macro: `{{${inner}}}`, offset: open };
    }
    result += text.slice(position, open) + replacement;
    expanded++;
    position = close + 2;
  }
}

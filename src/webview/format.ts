/**
 * Filling the host's translated templates, and the few formats the webview makes itself: numbers in
 * the user's locale, times of day, and codec errors found while the user types.
 */
import { describeCharacter } from '../engine/shared/codecParse';
import type { CodecErrorReason } from '../engine/shared/codecs';
import type { EngineErrorInfo } from '../engine/shared/errors';
import type { PanelStrings, StringKey } from '../shared/protocol';

let numberFormat = new Intl.NumberFormat('en');

export function setLocale(locale: string): void {
  try {
    numberFormat = new Intl.NumberFormat(locale);
  } catch {
    numberFormat = new Intl.NumberFormat('en');
  }
}

export function formatNumber(value: number): string {
  return numberFormat.format(value);
}

/** `{0}`, `{1}`… replaced by the arguments; a placeholder without an argument stays as written. */
export function format(template: string, ...args: readonly (string | number)[]): string {
  return template.replace(/\{(\d+)\}/g, (whole, index: string) => {
    const value = args[Number(index)];
    if (value === undefined) {
      return whole;
    }
    return typeof value === 'number' ? formatNumber(value) : value;
  });
}

const pad = (value: number, width: number): string => String(value).padStart(width, '0');

/** 14:03:07.125, in local time: rows need the time of day to the millisecond. */
export function formatTime(epochMs: number): string {
  const date = new Date(epochMs);
  return `${pad(date.getHours(), 2)}:${pad(date.getMinutes(), 2)}:${pad(date.getSeconds(), 2)}.${pad(date.getMilliseconds(), 3)}`;
}

/** Every codec reason has its sentence: the type makes a new reason in codecs.ts fail to compile here. */
const REASON_KEYS: Readonly<Record<CodecErrorReason, StringKey>> = {
  'invalid-character': 'codecInvalidCharacter',
  'odd-digits': 'codecOddDigits',
  'empty-prefix': 'codecEmptyPrefix',
  'bad-padding': 'codecBadPadding',
  'after-padding': 'codecAfterPadding',
  'dangling-character': 'codecDanglingCharacter',
  'unknown-escape': 'codecUnknownEscape',
  'bad-hex-escape': 'codecBadHexEscape',
  'incomplete-escape': 'codecIncompleteEscape',
  'trailing-backslash': 'codecTrailingBackslash',
  'lone-surrogate': 'codecLoneSurrogate',
  'not-utf8': 'codecNotUtf8',
  'unknown-encoding': 'codecUnknown',
};

/** A codec error from src/engine/codecs.ts in the user's language: what is wrong, and where. */
export function codecErrorText(strings: PanelStrings, error: EngineErrorInfo): string {
  const { reason, offset, character, byte } = error.data;
  const key = typeof reason === 'string' && Object.prototype.hasOwnProperty.call(REASON_KEYS, reason) ? REASON_KEYS[reason as CodecErrorReason] : 'codecUnknown';
  const where = typeof offset === 'number' ? offset : 0;
  if (key === 'codecNotUtf8') {
    const value = typeof byte === 'number' ? byte : 0;
    return format(strings.codecNotUtf8, `0x${value.toString(16).padStart(2, '0')}`, where);
  }
  const shown = typeof character === 'string' && character !== '' ? describeCharacter(character) : String(reason ?? '');
  return format(strings[key], shown, where);
}

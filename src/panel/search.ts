/**
 * The traffic filter: which directions to show, and a search for bytes typed as text (ASCII case
 * ignored) or as hex. Searching works on the captured bytes, so a text search finds `GET` in a
 * request and a hex search finds `0d 0a` anywhere; event rows match on their sentence.
 */
import { type EngineErrorInfo, type TranscriptEntry, validatePayload } from '../engine';
import type { FilterView } from '../shared/protocol';

export interface CompiledFilter {
  readonly view: FilterView;
  /** Bytes to find, or undefined when the filter only picks directions. */
  readonly needle?: Uint8Array;
  /** Text search: compare ASCII letters without case. */
  readonly foldCase: boolean;
  /** Lower-cased text for event sentences. */
  readonly eventNeedle?: string;
  /** The hex text did not parse; the text part of the filter is off. */
  readonly error?: EngineErrorInfo;
}

const FOLD = new Uint8Array(256);
for (let value = 0; value < 256; value++) {
  FOLD[value] = value >= 0x41 && value <= 0x5a ? value + 0x20 : value;
}

const encoder = new TextEncoder();

export function compileFilter(view: FilterView): CompiledFilter {
  const text = view.text;
  if (text.trim() === '') {
    return { view, foldCase: false };
  }
  if (view.mode === 'hex') {
    const parsed = validatePayload(text, 'hex');
    if (!parsed.ok) {
      return { view, foldCase: false, error: parsed.error };
    }
    return parsed.bytes.length === 0 ? { view, foldCase: false } : { view, needle: parsed.bytes, foldCase: false };
  }
  const needle = encoder.encode(text);
  for (let position = 0; position < needle.length; position++) {
    needle[position] = FOLD[needle[position]];
  }
  return { view, needle, foldCase: true, eventNeedle: text.toLowerCase() };
}

/** True when nothing is filtered out: every row shows. */
export function isEmptyFilter(filter: CompiledFilter): boolean {
  const { view } = filter;
  return filter.needle === undefined && view.in && view.out && view.events;
}

/** Whether the entry passes; `eventText` gives an event row's sentence (only called for events). */
export function matchesEntry(filter: CompiledFilter, entry: TranscriptEntry, eventText: (entry: TranscriptEntry) => string): boolean {
  const { view, needle } = filter;
  if (entry.kind !== 'data') {
    if (!view.events) {
      return false;
    }
    if (needle === undefined) {
      return true;
    }
    return filter.eventNeedle !== undefined && eventText(entry).toLowerCase().includes(filter.eventNeedle);
  }
  if (!(entry.direction === 'in' ? view.in : view.out)) {
    return false;
  }
  return needle === undefined || (entry.data !== undefined && indexOfBytes(entry.data, needle, filter.foldCase, 0) >= 0);
}

/** First index of `needle` in `haystack` at or after `from`, or -1. */
export function indexOfBytes(haystack: Uint8Array, needle: Uint8Array, foldCase: boolean, from: number): number {
  const last = haystack.length - needle.length;
  const first = needle[0];
  if (!foldCase) {
    for (let start = haystack.indexOf(first, from); start >= 0 && start <= last; start = haystack.indexOf(first, start + 1)) {
      if (equalAt(haystack, needle, start, false)) {
        return start;
      }
    }
    return -1;
  }
  for (let start = from; start <= last; start++) {
    if (FOLD[haystack[start]] === first && equalAt(haystack, needle, start, true)) {
      return start;
    }
  }
  return -1;
}

function equalAt(haystack: Uint8Array, needle: Uint8Array, start: number, foldCase: boolean): boolean {
  for (let offset = 1; offset < needle.length; offset++) {
    const value = haystack[start + offset];
    if ((foldCase ? FOLD[value] : value) !== needle[offset]) {
      return false;
    }
  }
  return true;
}

/** Byte ranges of every match within the first `limit` bytes: flat [start, end, ...], at most `max` matches. */
export function byteMatches(filter: CompiledFilter, bytes: Uint8Array, limit: number, max = 256): number[] {
  const { needle } = filter;
  const ranges: number[] = [];
  if (needle === undefined) {
    return ranges;
  }
  const window = bytes.subarray(0, Math.min(bytes.length, limit + needle.length - 1));
  for (let start = indexOfBytes(window, needle, filter.foldCase, 0); start >= 0 && start < limit && ranges.length < max * 2; start = indexOfBytes(window, needle, filter.foldCase, start + needle.length)) {
    ranges.push(start, Math.min(limit, start + needle.length));
  }
  return ranges;
}

/** Character ranges of a case-insensitive search in an event sentence. */
export function textMatches(filter: CompiledFilter, text: string): number[] {
  const ranges: number[] = [];
  const needle = filter.eventNeedle;
  if (needle === undefined || needle === '') {
    return ranges;
  }
  const haystack = text.toLowerCase();
  for (let start = haystack.indexOf(needle); start >= 0 && ranges.length < 512; start = haystack.indexOf(needle, start + needle.length)) {
    ranges.push(start, start + needle.length);
  }
  return ranges;
}

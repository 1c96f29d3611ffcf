/**
 * Matching received bytes, shared by `expect` steps and `on` rules. On a stream, a match says where
 * it starts and ends in the buffer (what comes before it is skipped, up to its end is consumed); on
 * UDP the whole datagram must match.
 */
import { previewBytes } from '../engine/index';
import { isLiteral } from './expand';
import type { Matcher, Trigger } from './syntax';

/** A matcher with its payload already expanded to bytes. */
export type ReadyMatcher =
  | { readonly kind: 'contains' | 'exactly'; readonly bytes: Buffer }
  | { readonly kind: 'regex'; readonly regex: RegExp; readonly source: string; readonly flags: string }
  | { readonly kind: 'eof' | 'closed' }
  | { readonly kind: 'bytes'; readonly count: number }
  | { readonly kind: 'connect' | 'any' };

export type StreamMatch =
  | { readonly kind: 'match'; readonly start: number; readonly end: number; readonly captures?: Readonly<Record<string, string>> }
  /** Not yet: more bytes (or the end of the stream) may still make it match. */
  | { readonly kind: 'wait' }
  /** Can never match what is buffered (exactly with other bytes). */
  | { readonly kind: 'mismatch' };

const WAIT: StreamMatch = { kind: 'wait' };
const MISMATCH: StreamMatch = { kind: 'mismatch' };

function regexMatch(regex: RegExp, text: string): { index: number; length: number; captures?: Record<string, string> } | undefined {
  regex.lastIndex = 0;
  const found = regex.exec(text);
  if (found === null) {
    return undefined;
  }
  let captures: Record<string, string> | undefined;
  if (found.groups !== undefined) {
    captures = {};
    // for…in, not Object.entries: no pair arrays per match (a mock's regex rule runs per request).
    for (const name in found.groups) {
      const value = found.groups[name];
      if (value !== undefined) {
        captures[name] = value;
      }
    }
  }
  return { index: found.index, length: found[0].length, captures };
}

/**
 * Whether the first `length` bytes are equal. Buffer#compare with offsets validates its four
 * arguments on every call, which cost more than the comparison on a ping-pong's short replies.
 */
function samePrefix(buffer: Buffer, expected: Buffer, length: number): boolean {
  if (length > 64) {
    return buffer.compare(expected, 0, length, 0, length) === 0;
  }
  for (let index = 0; index < length; index++) {
    if (buffer[index] !== expected[index]) {
      return false;
    }
  }
  return true;
}

/** Matches the buffered stream bytes; `eof`/`closed` say whether more can still come. */
export function matchStream(matcher: ReadyMatcher, buffer: Buffer, eof: boolean, closed: boolean): StreamMatch {
  switch (matcher.kind) {
    case 'contains': {
      const index = buffer.indexOf(matcher.bytes);
      return index < 0 ? WAIT : { kind: 'match', start: index, end: index + matcher.bytes.length };
    }
    case 'exactly': {
      const expected = matcher.bytes;
      const length = Math.min(buffer.length, expected.length);
      if (!samePrefix(buffer, expected, length)) {
        return MISMATCH;
      }
      return buffer.length >= expected.length ? { kind: 'match', start: 0, end: expected.length } : WAIT;
    }
    case 'regex': {
      const found = regexMatch(matcher.regex, buffer.toString('latin1'));
      return found === undefined ? WAIT : { kind: 'match', start: found.index, end: found.index + found.length, captures: found.captures };
    }
    case 'bytes':
      return buffer.length >= matcher.count ? { kind: 'match', start: 0, end: matcher.count } : WAIT;
    case 'eof':
      return eof || closed ? { kind: 'match', start: buffer.length, end: buffer.length } : WAIT;
    case 'closed':
      return closed ? { kind: 'match', start: buffer.length, end: buffer.length } : WAIT;
    case 'any':
      return buffer.length > 0 ? { kind: 'match', start: 0, end: buffer.length } : WAIT;
    case 'connect':
      return WAIT;
  }
}

/** Whether one datagram matches; captures when a regex with named groups does. */
export function matchDatagram(matcher: ReadyMatcher, datagram: Buffer): { readonly captures?: Readonly<Record<string, string>> } | undefined {
  switch (matcher.kind) {
    case 'contains':
      return datagram.includes(matcher.bytes) ? {} : undefined;
    case 'exactly':
      return datagram.equals(matcher.bytes) ? {} : undefined;
    case 'regex': {
      const found = regexMatch(matcher.regex, datagram.toString('latin1'));
      return found === undefined ? undefined : { captures: found.captures };
    }
    case 'bytes':
      return datagram.length === matcher.count ? {} : undefined;
    case 'any':
      return {};
    default:
      return undefined;
  }
}

/** Escapes `"` too, so the text reads as the wire string it would be. */
export function quoteBytes(bytes: Uint8Array, max = 80): string {
  return `"${previewBytes(bytes, max).replace(/"/g, '\\"')}"`;
}

const HEX_SHOWN = 32;

export function hexPreview(bytes: Uint8Array): string {
  const shown = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, HEX_SHOWN)).toString('hex').replace(/(..)(?!$)/g, '$1 ');
  return bytes.length > HEX_SHOWN ? `${shown} …` : shown;
}

/** `3 bytes: "hel" (hex 68 65 6c)`, or `nothing`. */
export function describeBytes(bytes: Uint8Array): string {
  if (bytes.length === 0) {
    return 'nothing';
  }
  return `${bytes.length} ${bytes.length === 1 ? 'byte' : 'bytes'}: ${quoteBytes(bytes)} (hex ${hexPreview(bytes)})`;
}

/** What a matcher waits for, in a message: `"hello\r\n"`, `exactly hex 00 01`, `/^OK/`, `eof`. */
export function describeMatcher(matcher: ReadyMatcher): string {
  switch (matcher.kind) {
    case 'contains':
      return quoteBytes(matcher.bytes);
    case 'exactly':
      return `exactly ${quoteBytes(matcher.bytes)}`;
    case 'regex':
      return `/${matcher.source}/${matcher.flags}`;
    case 'bytes':
      return `${matcher.count} ${matcher.count === 1 ? 'byte' : 'bytes'}`;
    case 'eof':
      return "eof (the peer's FIN)";
    case 'closed':
      return 'the socket to close';
    case 'connect':
      return 'a connection';
    case 'any':
      return 'any data';
  }
}

/**
 * A matcher as facts for a sentence in another language: its kind, and what it says as wire text
 * (`"hello\r\n"` quoted, `/^OK/i`, the count of `bytes N`); the kinds without text are words.
 */
export function matcherFacts(matcher: ReadyMatcher): { readonly matcherKind: ReadyMatcher['kind']; readonly matcherText?: string; readonly matcherCount?: number } {
  switch (matcher.kind) {
    case 'contains':
    case 'exactly':
      return { matcherKind: matcher.kind, matcherText: quoteBytes(matcher.bytes) };
    case 'regex':
      return { matcherKind: 'regex', matcherText: `/${matcher.source}/${matcher.flags}` };
    case 'bytes':
      return { matcherKind: 'bytes', matcherText: String(matcher.count), matcherCount: matcher.count };
    default:
      return { matcherKind: matcher.kind };
  }
}

/** Received bytes as facts: quoted as escapes and as hex (both as describeBytes shows them); none when empty. */
export function bytesFacts(bytes: Uint8Array): { readonly actualQuoted?: string; readonly actualHex?: string } {
  return bytes.length === 0 ? {} : { actualQuoted: quoteBytes(bytes), actualHex: hexPreview(bytes) };
}

/** Buffer views of payload bytes, so a literal matcher is not re-wrapped on every expect. */
const views = new WeakMap<Uint8Array, Buffer>();

function asBuffer(bytes: Uint8Array): Buffer {
  if (Buffer.isBuffer(bytes)) {
    return bytes;
  }
  let view = views.get(bytes);
  if (view === undefined) {
    view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    views.set(bytes, view);
  }
  return view;
}

/** The parsed trigger with its payload bytes; `bytesOf` expands payloads (macros may change per match). */
export function readyMatcher(trigger: Trigger | Matcher, bytesOf: (payload: Extract<Matcher, { payload: unknown }>['payload']) => Uint8Array): ReadyMatcher {
  switch (trigger.kind) {
    case 'contains':
    case 'exactly': {
      return { kind: trigger.kind, bytes: asBuffer(bytesOf(trigger.payload)) };
    }
    case 'regex':
      return { kind: 'regex', regex: trigger.regex, source: trigger.source, flags: trigger.flags };
    case 'bytes':
      return { kind: 'bytes', count: trigger.count };
    default:
      return { kind: trigger.kind };
  }
}

/** Ready matchers of triggers without macros, made once per parsed trigger; null: it has macros. */
const fixedMatchers = new WeakMap<Trigger | Matcher, ReadyMatcher | null>();

/** The ready matcher of a trigger that matches the same bytes every time, else undefined (use readyMatcher). */
export function fixedMatcher(trigger: Trigger | Matcher, bytesOf: Parameters<typeof readyMatcher>[1]): ReadyMatcher | undefined {
  const known = fixedMatchers.get(trigger);
  if (known !== undefined) {
    return known ?? undefined;
  }
  const fixed = (trigger.kind === 'contains' || trigger.kind === 'exactly') && !isLiteral(trigger.payload) ? null : readyMatcher(trigger, bytesOf);
  fixedMatchers.set(trigger, fixed);
  return fixed ?? undefined;
}

/**
 * The rule engine: `on` rules answering a listener's connections (TCP, UNIX) or datagrams (UDP).
 * It attaches to any engine listener socket, so the runner uses it for `listen` steps and the
 * editor can use it for a panel's auto-reply (attachRulesText with rules typed by the user).
 *
 * Per connection, data is buffered; the rules are tried in order and the first that matches wins:
 * the buffer is consumed up to the end of its match, its actions run (one connection's actions run
 * one after another), then the rest of the buffer is tried again. A datagram is matched whole.
 * That loop is RuleEngine, in ./ruleEngine.ts.
 */
import type { Disposable, SocketEngine } from '../engine/index';
import type { WireError, WireErrorInfo } from './errors';
import { parseRules } from './parser';
import { RuleEngine } from './ruleEngine';
import type { Rule } from './syntax';

export { DEFAULT_MAX_BUFFERED_BYTES } from './ruleEngine';

export interface RuleOptions {
  /** Variables the actions may use; a match's regex captures come on top. */
  readonly variable?: (name: string) => Uint8Array | undefined;
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Where `file PATH` replies are read from (default: the working directory). */
  readonly baseDirectory?: string;
  readonly onEvent?: (event: RuleEvent) => void;
  /** Bytes kept per connection while no rule matches; beyond this they are dropped (and reported). */
  readonly maxBufferedBytes?: number;
  /** Hit counts to go on from, by rule: a rule kept across an edit keeps counting, its `{{counter}}` too. */
  readonly startHits?: readonly number[];
}

export type RuleEvent =
  | { readonly type: 'hit'; readonly rule: number; readonly line: number; readonly socketId: string; readonly peer?: string; readonly bytes: number; readonly hits: number }
  | { readonly type: 'dropped'; readonly socketId: string; readonly bytes: number }
  | { readonly type: 'error'; readonly rule: number; readonly line: number; readonly socketId: string; readonly error: WireErrorInfo };

export interface RuleBinding extends Disposable {
  /** How often each rule matched, by rule index. */
  readonly hits: readonly number[];
  readonly errors: number;
}

export function attachRules(engine: SocketEngine, listenerId: string, rules: readonly Rule[], options: RuleOptions = {}): RuleBinding {
  return new RuleEngine(engine, listenerId, rules, options);
}

/** Parses rules text (wire syntax, `on` lines with indented actions) and attaches them. */
export function attachRulesText(
  engine: SocketEngine,
  listenerId: string,
  text: string,
  options: RuleOptions & { readonly file?: string } = {},
): { readonly ok: true; readonly binding: RuleBinding } | { readonly ok: false; readonly errors: readonly WireError[] } {
  const parsed = parseRules(text, { file: options.file });
  if (!parsed.ok) {
    return parsed;
  }
  return { ok: true, binding: attachRules(engine, listenerId, parsed.rules, options) };
}

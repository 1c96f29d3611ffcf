/**
 * Auto-reply rules on the extension's listeners, answered by the wire runner's rule engine: set as
 * wire text (the command and the API) or as the panel's list of rules, kept per socket spec in the
 * workspace state and attached again when a socket with that spec comes back (a reload, Open Again).
 */
import * as vscode from 'vscode';
import type { SocketInfo, SocketKind } from '../engine';
import { parseErrorAt, parseErrorSentence, runErrorSentence } from '../messages/wireErrors';
import { showWarning, type Services } from '../services';
import { byteCount, socketLabel } from '../socketText';
import type { AutoReplyRule } from '../shared/protocol';
import { attachRulesText, type RuleBinding, type RuleEvent } from '../wire';
import { isAutoReplyRule, ruleProblem, rulesFromWire, rulesToWire, ruleToWire, splitRules, type RuleProblem } from './model';

const STATE_KEY = 'socketWorkbench.autoReply';
const LISTENER_KINDS: ReadonlySet<SocketKind> = new Set(['tcp-server', 'unix-server', 'udp']);

/** What api.autoReply(id) and the command return: the wire text that runs and each rule's hits. */
export interface AutoReplyState {
  readonly rules: string;
  readonly hits: readonly number[];
  /** The rules as the panel lists them, each with its hits and its localized problem. */
  readonly items: readonly AutoReplyItem[];
  /** Actions that failed since the rules were set (each is logged; the first per rule is shown). */
  readonly failures: number;
}

export interface AutoReplyItem {
  readonly rule: AutoReplyRule;
  readonly hits: number;
  readonly problem?: string;
}

interface Entry {
  /** The socket's spec when the rules were set: the workspace state keys them by it. */
  readonly spec: string | undefined;
  readonly text: string;
  readonly rules: readonly AutoReplyRule[];
  readonly problems: readonly (string | undefined)[];
  /** For each rule of the binding (the wire text), the index of its record in `rules`. */
  readonly active: readonly number[];
  /** Hits each record had before its latest edit, kept across edits of other rules. */
  readonly carried: readonly number[];
  readonly binding: RuleBinding | undefined;
}

/** Auto-reply can answer on this socket: a TCP or UNIX server, or a UDP socket (bound, so it receives). */
export function canAutoReply(info: SocketInfo | undefined): boolean {
  return info !== undefined && info.parentId === undefined && LISTENER_KINDS.has(info.kind);
}

/** A form rule's problem is its sentence (its wire text's columns mean nothing in the form); a wire rule's keeps line and column. */
export function describeRuleProblem(problem: RuleProblem, rule: AutoReplyRule): string {
  if (problem.kind === 'parse') {
    return rule.matcher === 'wire' ? parseErrorAt(problem.error) : parseErrorSentence(problem.error);
  }
  return vscode.l10n.t('A wire rule must be exactly one \'on\' rule; this text has {0}.', problem.count);
}

export class AutoReplies implements vscode.Disposable {
  private readonly entries = new Map<string, Entry>();
  /** Per listener, the failures already shown since its rules were set. */
  private readonly reported = new Map<string, Set<string>>();
  private readonly subscriptions: { dispose(): void }[];
  private readonly changed = new vscode.EventEmitter<{ readonly socketId: string; readonly hitsOnly: boolean }>();
  /** A socket's rules or hits changed (hits come in bursts: listeners throttle). */
  readonly onDidChange = this.changed.event;

  constructor(private readonly services: Services) {
    const { engine } = services;
    this.subscriptions = [
      engine.onDidRemove((event) => {
        const entry = this.entries.get(event.id);
        if (entry !== undefined) {
          const spec = entry.spec;
          this.clear(event.id);
          if (spec !== undefined) {
            void this.persist(spec, undefined);
          }
        }
      }),
      engine.onDidCreate((info) => this.restore(info)),
    ];
  }

  /** Rules as wire text. Returns the localized parser messages when it does not parse (the old rules then stay). */
  setText(socketId: string, text: string): readonly string[] {
    if (text.trim() === '') {
      this.remove(socketId);
      return [];
    }
    const attached = attachRulesText(this.services.engine, socketId, text, { file: 'auto-reply', onEvent: (event) => this.ruleEvent(socketId, event) });
    if (!attached.ok) {
      return attached.errors.map((error) => parseErrorAt(error));
    }
    const pieces = splitRules(text);
    const fits = pieces.length === attached.binding.hits.length;
    const rules = fits ? rulesFromWire(text) : [{ enabled: true, matcher: 'wire' as const, form: 'text' as const, pattern: text, replyForm: 'text' as const, reply: '', delayMs: 0, close: false }];
    this.install(socketId, { spec: this.services.engine.get(socketId)?.spec, text, rules, problems: rules.map(() => undefined), active: fits ? rules.map((_, index) => index) : attached.binding.hits.map(() => 0), carried: rules.map(() => 0), binding: attached.binding });
    return [];
  }

  /** The panel's list: rules that are enabled and without problems run; each keeps its problem. */
  setRules(socketId: string, rules: readonly AutoReplyRule[], persist = true): void {
    const problems = rules.map((rule) => {
      const problem = ruleProblem(rule);
      return problem === undefined ? undefined : describeRuleProblem(problem, rule);
    });
    const active = rules.map((_, index) => index).filter((index) => rules[index].enabled && problems[index] === undefined);
    const text = rulesToWire(rules, (index) => active.includes(index));
    const previous = this.entries.get(socketId);
    const carried = this.carry(previous, rules);
    let binding: RuleBinding | undefined;
    if (active.length > 0) {
      // The running rules go on from their counts (their {{counter}} too); only the others keep theirs aside.
      const startHits = active.map((index) => carried[index]);
      const attached = attachRulesText(this.services.engine, socketId, text, { file: 'auto-reply', startHits, onEvent: (event) => this.ruleEvent(socketId, event) });
      binding = attached.ok ? attached.binding : undefined;
      if (binding !== undefined) {
        for (const index of active) {
          carried[index] = 0;
        }
      }
    }
    this.install(socketId, { spec: this.services.engine.get(socketId)?.spec, text, rules, problems, active, carried, binding }, persist);
  }

  get(socketId: string): AutoReplyState | undefined {
    const entry = this.entries.get(socketId);
    if (entry === undefined) {
      return undefined;
    }
    const hits = this.itemHits(entry);
    return {
      rules: entry.text,
      hits: entry.active.map((index, position) => entry.carried[index] + (entry.binding?.hits[position] ?? 0)),
      items: entry.rules.map((rule, index) => ({ rule, hits: hits[index], ...(entry.problems[index] === undefined ? {} : { problem: entry.problems[index] }) })),
      failures: entry.binding?.errors ?? 0,
    };
  }

  /** Removes a socket's rules, and forgets them for its spec. */
  remove(socketId: string): void {
    const spec = this.entries.get(socketId)?.spec ?? this.services.engine.get(socketId)?.spec;
    this.clear(socketId);
    if (spec !== undefined) {
      void this.persist(spec, undefined);
    }
    this.changed.fire({ socketId, hitsOnly: false });
  }

  /** What the workspace state keeps for a spec (ignoring what a hand edit made unreadable). */
  stored(spec: string): AutoReplyRule[] | undefined {
    const value = this.services.context.workspaceState.get<unknown>(STATE_KEY, {});
    const rules = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[spec] : undefined;
    return Array.isArray(rules) && rules.every(isAutoReplyRule) ? rules : undefined;
  }

  dispose(): void {
    for (const subscription of this.subscriptions) {
      subscription.dispose();
    }
    for (const id of [...this.entries.keys()]) {
      this.clear(id);
    }
    this.changed.dispose();
  }

  private install(socketId: string, entry: Entry, persist = true): void {
    this.clear(socketId);
    this.entries.set(socketId, entry);
    if (persist && entry.spec !== undefined) {
      void this.persist(entry.spec, entry.rules);
    }
    this.changed.fire({ socketId, hitsOnly: false });
  }

  private clear(socketId: string): void {
    this.entries.get(socketId)?.binding?.dispose();
    this.entries.delete(socketId);
    this.reported.delete(socketId);
  }

  private itemHits(entry: Entry): number[] {
    const hits = [...entry.carried];
    entry.active.forEach((index, position) => {
      hits[index] += entry.binding?.hits[position] ?? 0;
    });
    return hits;
  }

  /** A record whose wire text did not change keeps its hits. */
  private carry(previous: Entry | undefined, rules: readonly AutoReplyRule[]): number[] {
    if (previous === undefined) {
      return rules.map(() => 0);
    }
    const before = this.itemHits(previous);
    const unused = previous.rules.map((rule, index) => ({ text: ruleToWire(rule), hits: before[index], used: false }));
    return rules.map((rule) => {
      const text = ruleToWire(rule);
      const match = unused.find((candidate) => !candidate.used && candidate.text === text);
      if (match === undefined) {
        return 0;
      }
      match.used = true;
      return match.hits;
    });
  }

  private ruleEvent(socketId: string, event: RuleEvent): void {
    if (event.type === 'hit') {
      this.changed.fire({ socketId, hitsOnly: true });
      return;
    }
    const info = this.services.engine.get(socketId);
    const label = info === undefined ? socketId : socketLabel(info);
    const message =
      event.type === 'error'
        ? vscode.l10n.t('Auto-reply on {0}: the rule on line {1} failed: {2}', label, event.line, runErrorSentence(event.error))
        : vscode.l10n.t('Auto-reply on {0}: {1} that no rule matched were dropped.', label, byteCount(event.bytes));
    this.services.log.child('autoReply').warn(message);
    // Shown once per rule (and once for dropped bytes) until the rules change; the log keeps every one.
    const key = event.type === 'error' ? `rule ${event.rule}` : 'dropped';
    const reported = this.reported.get(socketId) ?? new Set<string>();
    this.reported.set(socketId, reported);
    if (!reported.has(key)) {
      reported.add(key);
      void showWarning(this.services, message, {});
    }
  }

  /** A socket with stored rules came back: its rules answer again. */
  private restore(info: SocketInfo): void {
    if (info.parentId !== undefined || this.entries.has(info.id) || !canAutoReply(info)) {
      return;
    }
    const rules = this.stored(info.spec);
    if (rules !== undefined && rules.length > 0) {
      this.services.log.child('autoReply').info(`restored ${rules.length} auto-reply rule(s) on ${info.spec}`);
      this.setRules(info.id, rules, false);
    }
  }

  private async persist(spec: string, rules: readonly AutoReplyRule[] | undefined): Promise<void> {
    const state = this.services.context.workspaceState;
    const value = state.get<unknown>(STATE_KEY, {});
    const all: Record<string, unknown> = typeof value === 'object' && value !== null && !Array.isArray(value) ? { ...(value as Record<string, unknown>) } : {};
    if (rules === undefined || rules.length === 0) {
      delete all[spec];
    } else {
      all[spec] = rules;
    }
    await state.update(STATE_KEY, all);
  }
}

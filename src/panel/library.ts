/**
 * Payloads the panel remembers, in the workspace state: the history of each socket (the last 100
 * sent, keyed by the socket's spec so it survives a reload, when ids are handed out anew) and the
 * named payloads saved for the whole workspace. Both are bounded, and entries a hand edit or an
 * older version made unreadable are skipped rather than trusted.
 */
import * as vscode from 'vscode';
import { PAYLOAD_ENCODINGS, type PayloadEncoding } from '../engine';
import { LIMITS, LINE_ENDINGS, type LineEnding, type PayloadSummary } from '../shared/protocol';

const HISTORY_KEY = 'socketWorkbench.payloadHistory';
const SAVED_KEY = 'socketWorkbench.savedPayloads';
export const MAX_HISTORY = LIMITS.maxHistory;
/** Sockets whose history is kept; the least recently used spec goes first. */
const MAX_HISTORY_SOCKETS = 50;
export const MAX_SAVED = 500;
/** Payloads longer than this are sent but not remembered: the workspace state is not a file store. */
export const MAX_REMEMBERED_CHARS = 64 * 1024;
const LABEL_CHARS = 60;

export interface StoredPayload {
  readonly text: string;
  readonly encoding: PayloadEncoding;
  readonly lineEnding: LineEnding;
}

export interface SavedPayload extends StoredPayload {
  readonly name: string;
}

function isStoredPayload(value: unknown): value is StoredPayload {
  const candidate = value as Partial<Record<keyof StoredPayload, unknown>> | null;
  return (
    typeof candidate?.text === 'string' &&
    candidate.text.length <= MAX_REMEMBERED_CHARS &&
    PAYLOAD_ENCODINGS.includes(candidate.encoding as PayloadEncoding) &&
    LINE_ENDINGS.includes(candidate.lineEnding as LineEnding)
  );
}

function isSavedPayload(value: unknown): value is SavedPayload {
  return isStoredPayload(value) && typeof (value as { name?: unknown }).name === 'string';
}

/** A one-line label: the text with line breaks shown, cut to fit a list. */
export function payloadLabel(text: string): string {
  const flat = text.replace(/\r/g, '\\r').replace(/\n/g, '\\n').replace(/\t/g, '\\t');
  return flat.length > LABEL_CHARS ? `${flat.slice(0, LABEL_CHARS - 1)}…` : flat;
}

export class PayloadLibrary {
  private readonly changedEmitter = new vscode.EventEmitter<'history' | 'saved'>();
  /** Fires when any panel changed the history or the saved payloads, so every panel can refresh. */
  readonly onDidChange = this.changedEmitter.event;

  constructor(private readonly state: vscode.Memento) {}

  history(spec: string): StoredPayload[] {
    const all = this.allHistory();
    const list = all[spec];
    return Array.isArray(list) ? list.filter(isStoredPayload).slice(0, MAX_HISTORY) : [];
  }

  /** The line ending last sent on this socket, which its panels start with. */
  lastLineEnding(spec: string): LineEnding | undefined {
    return this.history(spec)[0]?.lineEnding;
  }

  historySummaries(spec: string): PayloadSummary[] {
    return this.history(spec).map((item, index) => ({ key: String(index), label: payloadLabel(item.text), encoding: item.encoding, lineEnding: item.lineEnding }));
  }

  /** Puts a sent payload first in the socket's history (moving it up when it was there already). */
  async remember(spec: string, payload: StoredPayload): Promise<boolean> {
    if (payload.text.length > MAX_REMEMBERED_CHARS) {
      return false;
    }
    const item: StoredPayload = { text: payload.text, encoding: payload.encoding, lineEnding: payload.lineEnding };
    const list = this.history(spec).filter((old) => old.text !== item.text || old.encoding !== item.encoding || old.lineEnding !== item.lineEnding);
    list.unshift(item);
    const all = this.allHistory();
    delete all[spec];
    // Insertion order is recency: the spec just used goes last, the oldest are trimmed from the front.
    all[spec] = list.slice(0, MAX_HISTORY);
    const specs = Object.keys(all);
    for (const stale of specs.slice(0, Math.max(0, specs.length - MAX_HISTORY_SOCKETS))) {
      delete all[stale];
    }
    await this.state.update(HISTORY_KEY, all);
    this.changedEmitter.fire('history');
    return true;
  }

  saved(): SavedPayload[] {
    const value = this.state.get<unknown>(SAVED_KEY, []);
    return Array.isArray(value) ? value.filter(isSavedPayload).slice(0, MAX_SAVED) : [];
  }

  savedSummaries(): PayloadSummary[] {
    return this.saved().map((item) => ({ key: item.name, label: item.name, encoding: item.encoding, lineEnding: item.lineEnding }));
  }

  find(name: string): SavedPayload | undefined {
    return this.saved().find((item) => item.name === name);
  }

  /** Saves (or replaces) a named payload; false when the payload is too long or the list is full. */
  async save(payload: SavedPayload): Promise<boolean> {
    const others = this.saved().filter((item) => item.name !== payload.name);
    if (payload.text.length > MAX_REMEMBERED_CHARS || others.length >= MAX_SAVED) {
      return false;
    }
    const item: SavedPayload = { name: payload.name, text: payload.text, encoding: payload.encoding, lineEnding: payload.lineEnding };
    const list = [...others, item].sort((left, right) => left.name.localeCompare(right.name));
    await this.state.update(SAVED_KEY, list);
    this.changedEmitter.fire('saved');
    return true;
  }

  async delete(name: string): Promise<boolean> {
    const list = this.saved();
    const kept = list.filter((item) => item.name !== name);
    if (kept.length === list.length) {
      return false;
    }
    await this.state.update(SAVED_KEY, kept);
    this.changedEmitter.fire('saved');
    return true;
  }

  dispose(): void {
    this.changedEmitter.dispose();
  }

  private allHistory(): Record<string, unknown> {
    const value = this.state.get<unknown>(HISTORY_KEY, {});
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? { ...(value as Record<string, unknown>) } : {};
  }
}

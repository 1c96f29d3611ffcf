/**
 * Recently used addresses, per kind of socket, most recent first, kept in globalState so they follow
 * the user across workspaces. Bounded: a long session must not grow the state without limit.
 */
import type * as vscode from 'vscode';
import type { GuidedKind } from './steps';

/** Guided kinds, plus whole specs typed into Open Socket from Address and UDP send targets. */
export type RecentKind = GuidedKind | 'address' | 'target';

export const MAX_RECENT = 10;
const KEY_PREFIX = 'socketWorkbench.recent.';

export class RecentAddresses {
  constructor(private readonly memento: vscode.Memento) {}

  list(kind: RecentKind): string[] {
    const value = this.memento.get<unknown>(KEY_PREFIX + kind, []);
    return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string').slice(0, MAX_RECENT) : [];
  }

  /** Moves (or adds) `text` to the front, dropping the oldest beyond MAX_RECENT. */
  async add(kind: RecentKind, text: string): Promise<void> {
    const next = [text, ...this.list(kind).filter((item) => item !== text)].slice(0, MAX_RECENT);
    await this.memento.update(KEY_PREFIX + kind, next);
  }

  async clear(kind: RecentKind): Promise<void> {
    await this.memento.update(KEY_PREFIX + kind, undefined);
  }
}

/**
 * Auto-reply rules on a listener of the extension's engine, in wire syntax (`on …` lines with their
 * indented actions), answered by the runner's rule engine. `socketWorkbench.setAutoReply(socket,
 * rulesText)`: '' removes them; a text with errors is refused with the parser's messages.
 */
import * as vscode from 'vscode';
import { attachRulesText, type RuleBinding } from '../wire';
import { showWarning, type Services } from '../services';

export interface AutoReplyState {
  readonly rules: string;
  readonly hits: readonly number[];
}

function socketIdOf(value: unknown): string | undefined {
  if (typeof value === 'string') {
    return value;
  }
  if (typeof value === 'object' && value !== null) {
    const record = value as { socketId?: unknown; id?: unknown };
    return typeof record.socketId === 'string' ? record.socketId : typeof record.id === 'string' ? record.id : undefined;
  }
  return undefined;
}

export class AutoReplies implements vscode.Disposable {
  private readonly bindings = new Map<string, { readonly rules: string; readonly binding: RuleBinding }>();
  private readonly removed: { dispose(): void };

  constructor(private readonly services: Services) {
    this.removed = services.engine.onDidRemove((event) => this.clear(event.id));
  }

  /** Returns the parser's messages when the rules do not parse (the old rules then stay). */
  set(socketId: string, rules: string): readonly string[] {
    if (rules.trim() === '') {
      this.clear(socketId);
      return [];
    }
    const attached = attachRulesText(this.services.engine, socketId, rules, { file: 'auto-reply' });
    if (!attached.ok) {
      return attached.errors.map((error) => error.message);
    }
    this.clear(socketId);
    this.bindings.set(socketId, { rules, binding: attached.binding });
    return [];
  }

  get(socketId: string): AutoReplyState | undefined {
    const entry = this.bindings.get(socketId);
    return entry === undefined ? undefined : { rules: entry.rules, hits: [...entry.binding.hits] };
  }

  clear(socketId: string): void {
    this.bindings.get(socketId)?.binding.dispose();
    this.bindings.delete(socketId);
  }

  dispose(): void {
    this.removed.dispose();
    for (const id of [...this.bindings.keys()]) {
      this.clear(id);
    }
  }
}

export function registerAutoReplyCommand(services: Services, replies: AutoReplies): vscode.Disposable {
  return vscode.commands.registerCommand('socketWorkbench.setAutoReply', (socket: unknown, rulesText: unknown): AutoReplyState | undefined => {
    const id = socketIdOf(socket);
    if (id === undefined || services.engine.get(id) === undefined || typeof rulesText !== 'string') {
      void showWarning(services, vscode.l10n.t('Set Auto-Reply needs a listener socket and the rules as wire text.'), {});
      return undefined;
    }
    const errors = replies.set(id, rulesText);
    if (errors.length > 0) {
      void showWarning(services, vscode.l10n.t('The auto-reply rules were not set: {0}', errors.join(' · ')), {});
      return undefined;
    }
    return replies.get(id) ?? { rules: '', hits: [] };
  });
}

/**
 * `socketWorkbench.setAutoReply(socket, rulesText)`: wire-syntax `on …` rules with their indented
 * actions on any engine listener (src/autoReply/service.ts); '' removes them; a text with errors is
 * refused with the parser's messages in the user's language.
 */
import * as vscode from 'vscode';
import { canAutoReply, type AutoReplies, type AutoReplyState } from '../autoReply/service';
import { showWarning, type Services } from '../services';

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

/** The command's answer: the rules text that runs and its hits, as before the panel had records. */
function commandState(state: AutoReplyState | undefined): { readonly rules: string; readonly hits: readonly number[] } {
  return state === undefined ? { rules: '', hits: [] } : { rules: state.rules, hits: state.hits };
}

export function registerAutoReplyCommand(services: Services, replies: AutoReplies): vscode.Disposable {
  return vscode.commands.registerCommand('socketWorkbench.setAutoReply', (socket: unknown, rulesText: unknown) => {
    const id = socketIdOf(socket);
    if (id === undefined || !canAutoReply(services.engine.get(id)) || typeof rulesText !== 'string') {
      void showWarning(services, vscode.l10n.t('Set Auto-Reply needs a listener socket and the rules as wire text.'), {});
      return undefined;
    }
    const errors = replies.setText(id, rulesText);
    if (errors.length > 0) {
      void showWarning(services, vscode.l10n.t('The auto-reply rules were not set: {0}', errors.join(' · ')), {});
      return undefined;
    }
    return commandState(replies.get(id));
  });
}

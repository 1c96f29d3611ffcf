/**
 * Remove, Remove Closed and Remove All. Nothing is lost without a question: one socket whose
 * transcript recorded traffic asks first (and offers Save Transcript As…); several sockets (a
 * selection, Remove Closed, Remove All) ask once for all of them.
 */
import * as vscode from 'vscode';
import type { SocketInfo } from '../engine';
import { showInformation, showWarning } from '../services';
import { formatCount, isClosedState, isConnectionKind, socketLabel } from '../socketText';
import { concerning, registerCommand, SocketFailure, type CommandContext } from './context';
import { resolveSelection, selectedArguments } from './pick';
import { withDelayedProgress } from './progress';
import { targets } from './socket';

async function remove(context: CommandContext, first: unknown, second: unknown): Promise<void> {
  const selected = selectedArguments(first, second);
  if (selected.length > 1) {
    // A selection is removed as one: one question, and its accepted connections go with their servers.
    const sockets = resolveSelection(context.services, selected).map(({ info }) => info).filter((info) => !isConnectionKind(info.kind));
    // As for one socket: a question only when a transcript with traffic would go.
    await removeMany(context, sockets, sockets.some((info) => dataEntries(context, info) > 0));
    return;
  }
  const chosen = await targets(context, first, second, {
    filter: (info) => !isConnectionKind(info.kind),
    placeholder: vscode.l10n.t('Socket to remove (an open one is closed first)'),
    emptyMessage: vscode.l10n.t('There are no sockets.'),
    mismatch: (info) => vscode.l10n.t('{0} is an accepted connection: use Disconnect.', socketLabel(info)),
  });
  for (const { info } of chosen) {
    // Nothing lost: a transcript with traffic goes only when the user says so. An id passed as an
    // argument (tests, keybindings, other extensions) means the caller already decided.
    if (typeof first !== 'string' && !(await confirmDiscard(context, info))) {
      continue;
    }
    await concerning(socketLabel(info), () => context.services.engine.remove(info.id));
    context.guard.forget(info.id);
  }
}

function dataEntries(context: CommandContext, info: SocketInfo): number {
  return context.services.engine.transcript(info.id).entries().filter((entry) => entry.kind === 'data').length;
}

/** The one question before removing several sockets; exported for tests (a modal cannot be answered there). */
export function removeManyQuestion(count: number, withTraffic: number, open: number): { message: string; detail: string } {
  const message = count === 1 ? vscode.l10n.t('Remove 1 socket?') : vscode.l10n.t('Remove {0} sockets?', formatCount(count));
  const details: string[] = [];
  if (open > 0) {
    details.push(open === 1 ? vscode.l10n.t('1 of them is open and is closed first.') : vscode.l10n.t('{0} of them are open and are closed first.', formatCount(open)));
  }
  if (withTraffic > 0) {
    details.push(
      withTraffic === 1
        ? vscode.l10n.t('1 transcript holds traffic, which is discarded with it.')
        : vscode.l10n.t('{0} transcripts hold traffic, which is discarded with them.', formatCount(withTraffic)),
    );
  }
  return { message, detail: details.join(' ') };
}

/**
 * Removes sockets after one confirmation (unless `confirm` is false), each failure reported once
 * at the end, so removing many never ends in a row of toasts. Resolves to the removed ids.
 */
async function removeMany(context: CommandContext, sockets: readonly SocketInfo[], confirm: boolean): Promise<string[]> {
  const { engine } = context.services;
  if (sockets.length === 0) {
    return [];
  }
  if (confirm) {
    const withTraffic = sockets.filter((info) => dataEntries(context, info) > 0).length;
    const open = sockets.filter((info) => !isClosedState(info.state)).length;
    const { message, detail } = removeManyQuestion(sockets.length, withTraffic, open);
    const removeLabel = vscode.l10n.t('Remove');
    const choice = await showWarning(context.services, message, { modal: true, detail: detail === '' ? undefined : detail }, removeLabel);
    if (choice !== removeLabel) {
      return [];
    }
  }
  const removed: string[] = [];
  const failures: unknown[] = [];
  await withDelayedProgress({ title: vscode.l10n.t('Removing {0}…', socketCount(sockets.length)), cancellable: false }, async () => {
    await Promise.all(
      sockets.map(async (info) => {
        if (engine.get(info.id) === undefined) {
          return;
        }
        try {
          await engine.remove(info.id);
          context.guard.forget(info.id);
          removed.push(info.id);
        } catch (error) {
          failures.push(new SocketFailure(error, socketLabel(info)));
        }
      }),
    );
  });
  if (failures.length > 0) {
    throw failures[0];
  }
  return removed;
}

/** Remove Closed / Remove All; `{ confirm: false }` skips the question (tests, keybindings). */
async function removeWhere(context: CommandContext, which: 'closed' | 'all', options: unknown): Promise<string[]> {
  const sockets = context.services.engine.list().filter((info) => which === 'all' || isClosedState(info.state));
  if (sockets.length === 0) {
    void showInformation(context.services, which === 'all' ? vscode.l10n.t('There are no sockets.') : vscode.l10n.t('No socket is closed.'));
    return [];
  }
  const confirm = !(typeof options === 'object' && options !== null && (options as Record<string, unknown>).confirm === false);
  return removeMany(context, sockets, confirm);
}

/** Asks before a transcript that recorded traffic is discarded; offers to save it first. */
async function confirmDiscard(context: CommandContext, info: SocketInfo): Promise<boolean> {
  const traffic = dataEntries(context, info);
  if (traffic === 0) {
    return true;
  }
  const removeLabel = vscode.l10n.t('Remove');
  const saveLabel = vscode.l10n.t('Save Transcript As…');
  const choice = await showWarning(
    context.services,
    vscode.l10n.t('Remove {0}?', socketLabel(info)),
    {
      modal: true,
      detail: traffic === 1
        ? vscode.l10n.t('Its transcript holds 1 data entry, which is discarded with it.')
        : vscode.l10n.t('Its transcript holds {0} data entries, which are discarded with it.', formatCount(traffic)),
    },
    removeLabel,
    saveLabel,
  );
  if (choice === saveLabel) {
    await vscode.commands.executeCommand('socketWorkbench.saveTranscript', info.id);
    return false;
  }
  return choice === removeLabel;
}

function socketCount(count: number): string {
  return count === 1 ? vscode.l10n.t('1 socket') : vscode.l10n.t('{0} sockets', formatCount(count));
}

export function registerRemoveCommands(context: CommandContext): vscode.Disposable[] {
  return [
    registerCommand(context, 'socketWorkbench.remove', (first, second) => remove(context, first, second)),
    registerCommand(context, 'socketWorkbench.removeClosed', (options) => removeWhere(context, 'closed', options)),
    registerCommand(context, 'socketWorkbench.removeAll', (options) => removeWhere(context, 'all', options)),
  ];
}

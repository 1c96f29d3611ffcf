/**
 * Commands that act on one socket (or on every selected tree node): close in its three modes,
 * disconnect, reopen, remove, rename, copy the address, pause and resume reading, open the panel.
 */
import * as vscode from 'vscode';
import { EngineError, type CloseMode, type SocketInfo } from '../engine';
import { kindName, stateName } from '../messages';
import { showInformation, showStatusMessage } from '../services';
import { concerning, registerCommand, type CommandContext } from './context';
import { formatCount, isClosedState, isConnectionKind, isOpenState, isStreamKind, socketLabel } from '../socketText';
import { copyableAddress } from './labels';
import { reopenSocket } from './open';
import { resolveSelection, selectedArguments, socketFromArgument, type PickOptions, type ResolvedSocket } from './pick';
import { withDelayedProgress } from './progress';

const CLOSE_MODES: readonly CloseMode[] = ['graceful', 'half', 'reset'];

function socketCount(count: number): string {
  return count === 1 ? vscode.l10n.t('1 socket') : vscode.l10n.t('{0} sockets', formatCount(count));
}

/** Not closed, not already closing: what Close applies to. */
function closable(info: SocketInfo): boolean {
  return !isClosedState(info.state) && info.state !== 'closing';
}

/** The sockets to act on: the selection, the one argument, or the user's pick. */
export async function targets(context: CommandContext, first: unknown, second: unknown, options: PickOptions): Promise<ResolvedSocket[]> {
  const selected = selectedArguments(first, second);
  if (selected.length > 1) {
    return resolveSelection(context.services, selected);
  }
  const one = await socketFromArgument(context.services, first, options);
  return one === undefined ? [] : [one];
}

function mismatch(command: string): (info: SocketInfo) => string {
  return (info) => vscode.l10n.t('{0} does not apply to {1} ({2}, {3}).', command, socketLabel(info), kindName(info), stateName(info.state));
}

function closeOptions(): PickOptions {
  return {
    filter: (info) => closable(info),
    placeholder: vscode.l10n.t('Socket to close'),
    emptyMessage: vscode.l10n.t('No socket is open.'),
    connections: true,
  };
}

function streamOptions(command: string, placeholder: string, filter: (info: SocketInfo) => boolean): PickOptions {
  return {
    filter: (info) => isStreamKind(info.kind) && filter(info),
    placeholder,
    emptyMessage: vscode.l10n.t('No open TCP or UNIX connection: {0} applies to clients and accepted connections.', command),
    connections: true,
    mismatch: mismatch(command),
  };
}

async function close(context: CommandContext, first: unknown, second: unknown): Promise<void> {
  let mode: CloseMode = 'graceful';
  if (typeof second === 'string') {
    if (!CLOSE_MODES.includes(second as CloseMode)) {
      throw new EngineError('INVALID_ARGUMENT', vscode.l10n.t("Unknown close mode '{0}': use graceful, half or reset.", second), { mode: second });
    }
    mode = second as CloseMode;
  }
  for (const { info } of await targets(context, first, second, closeOptions())) {
    await concerning(socketLabel(info), () => context.services.engine.close(info.id, mode));
  }
}

async function closeAll(context: CommandContext): Promise<void> {
  const { engine } = context.services;
  const open = engine.list().filter(closable);
  if (open.length === 0) {
    void showInformation(context.services, vscode.l10n.t('No socket is open.'));
    return;
  }
  await withDelayedProgress({ title: vscode.l10n.t('Closing {0}…', socketCount(open.length)), cancellable: false }, () => engine.closeAll());
}

async function reopen(context: CommandContext, first: unknown, second: unknown): Promise<SocketInfo | SocketInfo[] | undefined> {
  const chosen = await targets(context, first, second, {
    filter: (info) => !isConnectionKind(info.kind) && isClosedState(info.state),
    placeholder: vscode.l10n.t('Socket to reopen'),
    emptyMessage: vscode.l10n.t('No closed socket to reopen.'),
    mismatch: (info) =>
      isConnectionKind(info.kind)
        ? vscode.l10n.t('{0} is an accepted connection: it cannot be reopened; the peer must connect again.', socketLabel(info))
        : vscode.l10n.t('{0} is {1}: close it before reopening.', socketLabel(info), stateName(info.state)),
  });
  const reopened: SocketInfo[] = [];
  for (const { info } of chosen) {
    const result = await concerning(socketLabel(info), () => reopenSocket(context, info));
    if (result !== undefined) {
      reopened.push(result);
    }
  }
  return chosen.length > 1 ? reopened : reopened[0];
}

async function rename(context: CommandContext, first: unknown, second: unknown): Promise<SocketInfo | undefined> {
  const chosen = await socketFromArgument(context.services, first, {
    filter: () => true,
    placeholder: vscode.l10n.t('Socket to rename'),
    emptyMessage: vscode.l10n.t('There are no sockets.'),
    connections: true,
  });
  if (chosen === undefined) {
    return undefined;
  }
  const { info } = chosen;
  let name = typeof second === 'string' ? second : undefined;
  if (name === undefined) {
    name = await vscode.window.showInputBox({
      title: vscode.l10n.t('Rename {0}', socketLabel(info)),
      value: info.name ?? '',
      prompt: vscode.l10n.t('A name for the socket; leave empty to show its address again.'),
      validateInput: (value) => (value.trim().length > 200 ? vscode.l10n.t('At most 200 characters.') : undefined),
    });
    if (name === undefined) {
      return undefined;
    }
  }
  const trimmed = name.trim();
  return context.services.engine.rename(info.id, trimmed === '' ? undefined : trimmed);
}

async function copyAddress(context: CommandContext, first: unknown, second: unknown): Promise<string | undefined> {
  const chosen = await targets(context, first, second, {
    filter: () => true,
    placeholder: vscode.l10n.t('Socket whose address to copy'),
    emptyMessage: vscode.l10n.t('There are no sockets.'),
    connections: true,
  });
  if (chosen.length === 0) {
    return undefined;
  }
  const text = chosen.map(({ info, target }) => copyableAddress(info, target)).join('\n');
  await vscode.env.clipboard.writeText(text);
  showStatusMessage(context.services, 'copy', vscode.l10n.t('Copied {0}', text.split('\n')[0]), 3000);
  return text;
}

async function setReceiving(context: CommandContext, first: unknown, second: unknown, receiving: boolean): Promise<SocketInfo | undefined> {
  const command = receiving ? vscode.l10n.t('Resume Reading') : vscode.l10n.t('Pause Reading');
  const chosen = await targets(
    context,
    first,
    second,
    streamOptions(
      command,
      receiving ? vscode.l10n.t('Connection to resume reading from') : vscode.l10n.t('Connection to stop reading from (the peer backs up)'),
      (info) => isOpenState(info.state) && info.paused === receiving,
    ),
  );
  let last: SocketInfo | undefined;
  for (const { info } of chosen) {
    last = await concerning(socketLabel(info), () => context.services.engine.setReceiving(info.id, receiving));
  }
  return last;
}

async function closeStream(context: CommandContext, first: unknown, second: unknown, mode: 'half' | 'reset' | 'graceful'): Promise<void> {
  const options: PickOptions =
    mode === 'graceful'
      ? {
          filter: (info) => isConnectionKind(info.kind) && closable(info),
          placeholder: vscode.l10n.t('Connection to disconnect'),
          emptyMessage: vscode.l10n.t('No server has a connection to disconnect.'),
          connectionsOnly: true,
          mismatch: (info) => vscode.l10n.t("Disconnect applies to a server's accepted connections; {0} is a {1}.", socketLabel(info), kindName(info)),
        }
      : mode === 'half'
        ? streamOptions(vscode.l10n.t('Half-Close'), vscode.l10n.t('Connection to half-close (send FIN, keep reading)'), (info) => info.state === 'open')
        : streamOptions(vscode.l10n.t('Reset'), vscode.l10n.t('Connection to reset (send RST)'), (info) => info.state === 'open' || info.state === 'half-closed');
  for (const { info } of await targets(context, first, second, options)) {
    await concerning(socketLabel(info), () => context.services.engine.close(info.id, mode));
  }
}

async function openPanel(context: CommandContext, first: unknown): Promise<void> {
  const chosen = await socketFromArgument(context.services, first, {
    filter: () => true,
    placeholder: vscode.l10n.t('Socket whose payload panel to open'),
    emptyMessage: vscode.l10n.t('There are no sockets.'),
    connections: true,
  });
  if (chosen !== undefined) {
    await context.features.panels.open(chosen.info.id);
  }
}

export function registerSocketCommands(context: CommandContext): vscode.Disposable[] {
  return [
    registerCommand(context, 'socketWorkbench.close', (first, second) => close(context, first, second)),
    registerCommand(context, 'socketWorkbench.closeAll', () => closeAll(context)),
    registerCommand(context, 'socketWorkbench.disconnect', (first, second) => closeStream(context, first, second, 'graceful')),
    registerCommand(context, 'socketWorkbench.halfClose', (first, second) => closeStream(context, first, second, 'half')),
    registerCommand(context, 'socketWorkbench.reset', (first, second) => closeStream(context, first, second, 'reset')),
    registerCommand(context, 'socketWorkbench.reopen', (first, second) => reopen(context, first, second)),
    registerCommand(context, 'socketWorkbench.rename', (first, second) => rename(context, first, second)),
    registerCommand(context, 'socketWorkbench.copyAddress', (first, second) => copyAddress(context, first, second)),
    registerCommand(context, 'socketWorkbench.pauseReading', (first, second) => setReceiving(context, first, second, false)),
    registerCommand(context, 'socketWorkbench.resumeReading', (first, second) => setReceiving(context, first, second, true)),
    registerCommand(context, 'socketWorkbench.openPanel', (first) => openPanel(context, first)),
  ];
}

/**
 * Send Saved Payload… (socketWorkbench.sendSavedPayload): pick a payload saved from any panel of
 * the workspace, a socket, and where it goes (a server's connection, a UDP address), then send.
 * Arguments skip the pickers: (name, socketId, target), for keybindings, the API and tests.
 */
import * as vscode from 'vscode';
import { formatAddress, parseTarget, type SendResult, type SocketInfo } from '../engine';
import { describeError } from '../messages';
import type { PayloadLibrary, SavedPayload } from '../panel/library';
import { payloadBytes } from '../panel/sender';
import { canSend, isServerKind, socketLabel } from '../socketText';
import { registerCommand, type CommandContext } from './context';
import { socketFromArgument } from './pick';
import { reportError, showInformation, showWarning, type Services } from '../services';

interface PayloadFeatures {
  readonly library: PayloadLibrary;
}

const ALL = 'all';

async function pickPayload(services: Services, library: PayloadLibrary, name: unknown): Promise<SavedPayload | undefined> {
  const saved = library.saved();
  if (typeof name === 'string') {
    const found = saved.find((item) => item.name === name);
    if (found === undefined) {
      void showWarning(services, vscode.l10n.t('There is no saved payload "{0}".', name), {});
    }
    return found;
  }
  if (saved.length === 0) {
    void showInformation(services, vscode.l10n.t('No payloads are saved yet. Save one from a payload panel with Save As….'));
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(
    saved.map((item) => ({ label: item.name, description: item.text.length > 60 ? `${item.text.slice(0, 59)}…` : item.text, item })),
    { title: vscode.l10n.t('Send Saved Payload'), placeHolder: vscode.l10n.t('Pick a saved payload') },
  );
  return picked?.item;
}

/** undefined = cancelled; '' = the socket's default (a client's peer, a UDP default target). */
async function pickTarget(services: Services, info: SocketInfo, target: unknown): Promise<string | undefined> {
  if (typeof target === 'string') {
    return target;
  }
  if (isServerKind(info.kind)) {
    const connections = services.engine.connections(info.id, 0, 200);
    if (connections.length <= 1) {
      return ALL;
    }
    const items = [
      { label: vscode.l10n.t('All connections ({0})', info.connections), target: ALL },
      ...connections.map((connection) => ({ label: connection.remote === undefined ? connection.id : formatAddress(connection.remote), description: connection.id, target: connection.id })),
    ];
    const picked = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Send Saved Payload'), placeHolder: vscode.l10n.t('Pick the connection to send to') });
    return picked?.target;
  }
  if (info.kind !== 'udp') {
    return '';
  }
  const known = info.peers.map((peer) => formatAddress(peer.address));
  if (info.defaultTarget !== undefined) {
    known.unshift(formatAddress(info.defaultTarget));
  }
  const typed = await vscode.window.showInputBox({
    title: vscode.l10n.t('Send Saved Payload'),
    prompt: vscode.l10n.t('The address to send the datagram to (host:port; <broadcast>:port broadcasts).'),
    value: known[0] ?? '',
    validateInput: (value) => {
      try {
        parseTarget(value, 'udp');
        return undefined;
      } catch (error) {
        return describeError(error);
      }
    },
  });
  return typed?.trim();
}

/** Picks what is missing, sends, and tells the user the outcome. Resolves to the result, or undefined. */
export async function sendSavedPayload(services: Services, features: PayloadFeatures, ...args: unknown[]): Promise<SendResult | undefined> {
  const [name, socketId, target] = args;
  let label = '';
  try {
    const payload = await pickPayload(services, features.library, name);
    if (payload === undefined) {
      return undefined;
    }
    // The same picker every socket command uses: ids, tree nodes, or a choice among sendable sockets.
    const info = (await socketFromArgument(services, socketId, {
      filter: canSend,
      placeholder: vscode.l10n.t('Pick the socket to send on'),
      emptyMessage: vscode.l10n.t('Nothing can send yet: open a client or a UDP socket, or wait for a connection to a server.'),
    }))?.info;
    if (info === undefined) {
      return undefined;
    }
    label = socketLabel(info);
    const chosen = await pickTarget(services, info, target);
    if (chosen === undefined) {
      return undefined;
    }
    const bytes = payloadBytes(payload.text, payload.encoding, payload.lineEnding);
    const result = await services.engine.send(info.id, bytes, { target: chosen === '' ? undefined : chosen });
    await features.library.remember(info.spec, payload);
    void showInformation(services, vscode.l10n.t('Sent "{0}" ({1} bytes) on {2}.', payload.name, bytes.length, label));
    return result;
  } catch (error) {
    reportError(services, error, label === '' ? undefined : label);
    return undefined;
  }
}

/** The payload library lives with the panels (it is theirs too); the command reaches it through them. */
export function registerPayloadCommands(context: CommandContext): vscode.Disposable[] {
  return [registerCommand(context, 'socketWorkbench.sendSavedPayload', (...args: unknown[]) => sendSavedPayload(context.services, context.features.panels, ...args))];
}

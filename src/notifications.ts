/**
 * Tells the user when a socket that was working fails later (ECONNRESET, EPIPE…): nobody is
 * waiting on a command then, so without this the failure would only be in the log. A failed open
 * is not reported here: the command that opened the socket reports it.
 */
import * as vscode from 'vscode';
import type { SocketInfo, SocketState } from './engine';
import { kindName } from './messages';
import { reportError, type Services } from './services';
import { connectionAddress, isOpenState, socketAddress } from './socketText';

/** Failures of a server's connections are reported at most once per server in this window. */
export const CONNECTION_ERROR_WINDOW_MS = 5000;

function describeSocket(info: SocketInfo): string {
  return info.name ?? `${kindName(info)} ${socketAddress(info)}`;
}

export function registerErrorNotifications(services: Services): vscode.Disposable {
  const { engine } = services;
  const states = new Map<string, SocketState>();
  /** When each server last had a connection failure reported. */
  const lastReported = new Map<string, number>();

  const changed = (info: SocketInfo): void => {
    const previous = states.get(info.id);
    states.set(info.id, info.state);
    if (info.state !== 'error' || previous === undefined || !isOpenState(previous) || info.error === undefined) {
      return;
    }
    if (info.parentId === undefined) {
      reportError(services, info.error, describeSocket(info));
      return;
    }
    // A server under load can lose many connections at once: one message, the rest in the log.
    const now = Date.now();
    if (now - (lastReported.get(info.parentId) ?? -Infinity) < CONNECTION_ERROR_WINDOW_MS) {
      return;
    }
    lastReported.set(info.parentId, now);
    const server = engine.get(info.parentId);
    const context = vscode.l10n.t('{0}, connection {1}', server === undefined ? info.parentId : describeSocket(server), connectionAddress(info));
    reportError(services, info.error, context);
  };

  for (const info of engine.list()) {
    states.set(info.id, info.state);
  }
  const subscriptions = [
    engine.onDidCreate((info) => states.set(info.id, info.state)),
    engine.onDidChange(changed),
    engine.onDidRemove((event) => {
      states.delete(event.id);
      lastReported.delete(event.id);
    }),
  ];
  return new vscode.Disposable(() => {
    for (const subscription of subscriptions) {
      subscription.dispose();
    }
    states.clear();
  });
}

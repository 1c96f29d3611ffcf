/**
 * Context keys for `when` clauses, so the palette offers Close only when something is open, Reopen
 * only when something is closed, and so on. Recomputed at most every 100 ms: accepts can be many.
 */
import * as vscode from 'vscode';
import type { SocketInfo } from './engine';
import type { Services } from './services';
import { canStartTls, tlsOf } from './tlsText';

const KEYS = ['hasSockets', 'hasOpenSockets', 'hasClosedSockets', 'hasStreams', 'hasUdpSockets', 'hasTlsSockets', 'hasTcpClients'] as const;
type Key = (typeof KEYS)[number];

function compute(sockets: readonly SocketInfo[]): Record<Key, boolean> {
  const isOpen = (info: SocketInfo): boolean => info.state !== 'closed' && info.state !== 'error';
  return {
    hasSockets: sockets.length > 0,
    hasOpenSockets: sockets.some(isOpen),
    hasClosedSockets: sockets.some((info) => !isOpen(info)),
    hasStreams: sockets.some((info) => (info.kind === 'tcp-client' || info.kind === 'unix-client') ? info.state === 'open' || info.state === 'half-closed' : info.connections > 0),
    hasUdpSockets: sockets.some((info) => info.kind === 'udp' && info.state === 'open'),
    // A server's connections are TLS when it is: the server stands for them in the palette's condition.
    hasTlsSockets: sockets.some((info) => tlsOf(info) !== undefined),
    hasTcpClients: sockets.some(canStartTls),
  };
}

export function registerContextKeys(services: Services): vscode.Disposable {
  const current = new Map<Key, boolean>();
  let timer: NodeJS.Timeout | undefined;
  const update = (): void => {
    timer = undefined;
    const next = compute(services.engine.list());
    for (const key of KEYS) {
      if (current.get(key) !== next[key]) {
        current.set(key, next[key]);
        void vscode.commands.executeCommand('setContext', `socketWorkbench.${key}`, next[key]);
      }
    }
  };
  const schedule = (): void => {
    timer ??= setTimeout(update, 100);
  };
  const { engine } = services;
  const subscriptions = [engine.onDidCreate(schedule), engine.onDidChange(schedule), engine.onDidRemove(schedule)];
  update();
  return new vscode.Disposable(() => {
    if (timer !== undefined) {
      clearTimeout(timer);
    }
    for (const subscription of subscriptions) {
      subscription.dispose();
    }
  });
}

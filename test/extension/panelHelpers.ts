/**
 * Helpers for the payload panel tests: the activated API, bounded waits on the messages a panel
 * posts to its webview, and cleanup. Everything here waits with a deadline.
 */
import * as vscode from 'vscode';
import type { SocketInfo } from '../../src/engine';
import type { ActivatedApi } from '../../src/extension';
import type { PayloadPanel } from '../../src/panel';
import type { HostMessage } from '../../src/shared/protocol';

export async function activateApi(): Promise<ActivatedApi> {
  const extension = vscode.extensions.getExtension<ActivatedApi>('socketworkbench.socket-workbench');
  if (extension === undefined) {
    throw new Error('socketworkbench.socket-workbench is not loaded');
  }
  return extension.activate();
}

export function delay(milliseconds: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, milliseconds));
}

export async function waitFor<T>(what: string, check: () => T | undefined | false, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value !== undefined && value !== false) {
      return value;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    }
    await delay(10);
  }
}

type MessageOf<K extends HostMessage['type']> = Extract<HostMessage, { type: K }>;

/** The first message of `type` posted at or after index `from` that matches. */
export function waitForMessage<K extends HostMessage['type']>(
  panel: PayloadPanel,
  type: K,
  matches: (message: MessageOf<K>) => boolean = () => true,
  from = 0,
  timeoutMs = 10_000,
): Promise<MessageOf<K>> {
  return waitFor(`a ${type} message`, () => {
    for (let index = from; index < panel.recorded.sent.length; index++) {
      const message = panel.recorded.sent[index];
      if (message.type === type && matches(message as MessageOf<K>)) {
        return message as MessageOf<K>;
      }
    }
    return undefined;
  }, timeoutMs);
}

/** Messages of one type posted so far. */
export function messagesOf<K extends HostMessage['type']>(panel: PayloadPanel, type: K): MessageOf<K>[] {
  return panel.recorded.sent.filter((message): message is MessageOf<K> => message.type === type);
}

/** Opens the panel of a socket and waits until its webview has started (it said `ready`). */
export async function openReadyPanel(api: ActivatedApi, socketId: string): Promise<PayloadPanel> {
  await api.testing.panels.open(socketId);
  const panel = api.testing.panels.panelFor(socketId);
  if (panel === undefined) {
    throw new Error(`no panel for ${socketId} after open()`);
  }
  await waitForMessage(panel, 'init');
  // The webview answers init with its view (filter, hex); a test's own setView must come after it.
  await waitFor('the webview to send its view', () => panel.recorded.received.includes('setView'));
  return panel;
}

/** Closes every panel and removes every socket, so tests do not see each other's leftovers. */
export async function cleanUp(api: ActivatedApi): Promise<void> {
  for (const panel of api.testing.panels.panels) {
    panel.dispose();
  }
  const { engine } = api.testing.services;
  for (const info of engine.list()) {
    await engine.remove(info.id).catch(() => undefined);
  }
}

export function portOf(api: ActivatedApi, socketId: string): number {
  const port = api.testing.services.engine.get(socketId)?.local?.port;
  if (port === undefined) {
    throw new Error(`socket ${socketId} has no local port`);
  }
  return port;
}

/** A loopback engine server with one engine client connected to it, and the server's side of that connection. */
export async function connectedPair(api: ActivatedApi): Promise<{ readonly server: SocketInfo; readonly client: SocketInfo; readonly connection: SocketInfo }> {
  const server = await api.open('tcp-listen://127.0.0.1:0');
  const client = await api.open(`tcp://127.0.0.1:${portOf(api, server.id)}`);
  const connection = await waitFor('the connection', () => api.testing.services.engine.connections(server.id)[0]);
  return { server, client, connection };
}

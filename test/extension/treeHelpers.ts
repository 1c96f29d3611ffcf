/**
 * Helpers for the Sockets view tests: the activated API, bounded waits, row snapshots, and
 * plain Node clients that stay connected (the extension host runs Node, so tests can use net).
 */
import * as assert from 'node:assert/strict';
import * as dgram from 'node:dgram';
import * as net from 'node:net';
import * as vscode from 'vscode';
import type { ActivatedApi } from '../../src/extension';
import type { SocketsTreeNode } from '../../src/tree';

export const EXTENSION_ID = 'socketworkbench.socket-workbench';

export async function activatedApi(): Promise<ActivatedApi> {
  const extension = vscode.extensions.getExtension<ActivatedApi>(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is not loaded`);
  return extension.activate();
}

export async function waitFor<T>(probe: () => T | undefined | false, what: string, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined && value !== false) {
      return value;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 15));
  }
}

/** Removes every socket, so each test starts from an empty view. */
export async function removeAllSockets(api: ActivatedApi): Promise<void> {
  const { engine } = api.testing.services;
  for (const info of engine.list()) {
    await engine.remove(info.id);
  }
  await api.testing.view.provider.flush();
}

export interface Row {
  readonly label: string;
  readonly description: string;
  readonly contextValue: string;
  readonly icon: string;
  readonly color: string;
  readonly id: string;
  readonly collapsible: vscode.TreeItemCollapsibleState | undefined;
  readonly command: string;
}

/** The TreeItem of a node as plain values. */
export function row(api: ActivatedApi, node: SocketsTreeNode): Row {
  const item = api.testing.view.provider.getTreeItem(node) as vscode.TreeItem;
  const icon = item.iconPath instanceof vscode.ThemeIcon ? item.iconPath : undefined;
  const label = typeof item.label === 'string' ? item.label : item.label?.label ?? '';
  return {
    label,
    // The activity marker (● for a new connection or data after a quiet spell) comes and goes with
    // timing; everyday.test.ts checks it, the other tests read the description without it.
    description: typeof item.description === 'string' ? item.description.replace(/^● /, '') : '',
    contextValue: item.contextValue ?? '',
    icon: icon?.id ?? '',
    color: icon?.color?.id ?? '',
    id: item.id ?? '',
    collapsible: item.collapsibleState,
    command: item.command?.command ?? '',
  };
}

/** The hover text of a node with Markdown escapes removed, as the reader sees it. */
export function tooltipText(api: ActivatedApi, node: SocketsTreeNode): string {
  const { provider } = api.testing.view;
  const item = provider.resolveTreeItem(provider.getTreeItem(node) as vscode.TreeItem, node, new vscode.CancellationTokenSource().token) as vscode.TreeItem;
  const tooltip = item.tooltip;
  assert.ok(tooltip instanceof vscode.MarkdownString, 'the tooltip is Markdown');
  assert.equal(tooltip.supportThemeIcons, true);
  return tooltip.value.replace(/\\([\\`*_{}[\]()#+\-.!|<>$~])/g, '$1');
}

export function roots(api: ActivatedApi): SocketsTreeNode[] {
  return api.testing.view.provider.getChildren() as SocketsTreeNode[];
}

export function children(api: ActivatedApi, node: SocketsTreeNode): SocketsTreeNode[] {
  return api.testing.view.provider.getChildren(node) as SocketsTreeNode[];
}

export function rootNode(api: ActivatedApi, socketId: string): SocketsTreeNode {
  const node = roots(api).find((candidate) => candidate.socketId === socketId);
  assert.ok(node, `no root node for ${socketId}`);
  return node;
}

/**
 * Waits until the provider fires a refresh that covers `node` (or the whole tree) and the row
 * then satisfies `check`: the row must get there through the view's own refresh events.
 */
export function waitForRefreshedRow(api: ActivatedApi, node: SocketsTreeNode, check: (value: Row) => boolean, what: string, timeoutMs = 10_000): Promise<Row> {
  const { provider } = api.testing.view;
  return new Promise<Row>((resolve, reject) => {
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}; the row is ${JSON.stringify(row(api, node))}`));
    }, timeoutMs);
    const subscription = provider.onDidChangeTreeData((elements) => {
      const covered = elements === undefined || elements === null || (Array.isArray(elements) ? elements.includes(node) : elements === node);
      if (!covered) {
        return;
      }
      const current = row(api, node);
      if (check(current)) {
        clearTimeout(timer);
        subscription.dispose();
        resolve(current);
      }
    });
  });
}

/** A plain TCP client that stays connected until closed. */
export async function connectClient(port: number, host = '127.0.0.1'): Promise<net.Socket> {
  return new Promise<net.Socket>((resolve, reject) => {
    const socket = net.connect({ port, host }, () => {
      socket.off('error', reject);
      socket.on('error', () => undefined);
      resolve(socket);
    });
    socket.once('error', reject);
  });
}

/** A UDP socket bound to an ephemeral loopback port. */
export async function udpPeer(): Promise<dgram.Socket> {
  const socket = dgram.createSocket('udp4');
  await new Promise<void>((resolve, reject) => {
    socket.once('error', reject);
    socket.bind(0, '127.0.0.1', () => {
      socket.off('error', reject);
      resolve();
    });
  });
  return socket;
}

export function portOf(api: ActivatedApi, socketId: string): number {
  const port = api.get(socketId)?.local?.port;
  assert.ok(port !== undefined && port > 0, `${socketId} has no bound port`);
  return port;
}

/**
 * The TreeDataProvider of the Sockets view. Children come from the model's node maps (a server
 * lists one page of its connections, so expanding a server with 10,000 costs one page), rows are
 * built from fresh engine snapshots, and tooltips only when hovered.
 */
import * as vscode from 'vscode';
import { formatAddress, type SocketEngine } from '../engine';
import { connectionItem, moreItem, peerItem, socketItem } from './items';
import type { SocketsModel } from './model';
import { PAGE_SIZE, type ConnectionNode, type SocketNode, type SocketsTreeNode } from './nodes';
import { peerTooltip, socketTooltip } from './tooltip';

export class SocketsTreeProvider implements vscode.TreeDataProvider<SocketsTreeNode>, vscode.Disposable {
  private readonly changeEmitter = new vscode.EventEmitter<SocketsTreeNode[] | undefined>();
  readonly onDidChangeTreeData = this.changeEmitter.event;

  constructor(
    private readonly engine: SocketEngine,
    readonly model: SocketsModel,
  ) {}

  /** Fires a batch of changed rows; undefined means the top-level list changed. */
  fire(elements: SocketsTreeNode[] | undefined): void {
    this.changeEmitter.fire(elements);
  }

  getChildren(element?: SocketsTreeNode): SocketsTreeNode[] {
    if (element === undefined) {
      // An empty root lets VS Code show the welcome view.
      return [...this.model.roots.values()];
    }
    if (element.type !== 'socket') {
      return [];
    }
    this.model.noteExpanded(element);
    if (element.connections.size > 0) {
      return this.page(element);
    }
    return [...element.peers.values()];
  }

  getTreeItem(element: SocketsTreeNode): vscode.TreeItem {
    this.model.markShown(element);
    switch (element.type) {
      case 'socket': {
        const info = this.engine.get(element.socketId);
        return info === undefined ? this.gone(element) : socketItem(element, info);
      }
      case 'connection': {
        const info = this.engine.get(element.socketId);
        return info === undefined ? this.gone(element) : connectionItem(element, info);
      }
      case 'peer': {
        const peer = this.engine.get(element.socketId)?.peers.find((candidate) => formatAddress(candidate.address) === element.target);
        return peerItem(element, peer?.bytes ?? 0, peer?.messages ?? element.messages);
      }
      case 'more': {
        const parent = element.parent;
        return moreItem(element, Math.min(parent.pageLimit, parent.connections.size), parent.connections.size, PAGE_SIZE);
      }
    }
  }

  resolveTreeItem(item: vscode.TreeItem, element: SocketsTreeNode, _token?: vscode.CancellationToken): vscode.TreeItem {
    item.tooltip = this.tooltip(element);
    return item;
  }

  getParent(element: SocketsTreeNode): SocketsTreeNode | undefined {
    return element.type === 'socket' ? undefined : element.parent;
  }

  /** The tooltip VS Code shows on hover; exposed so tests can read it without hovering. */
  tooltip(element: SocketsTreeNode): vscode.MarkdownString | undefined {
    if (element.type === 'more') {
      return undefined;
    }
    const info = this.engine.get(element.socketId);
    if (info === undefined) {
      return undefined;
    }
    if (element.type === 'peer') {
      return peerTooltip(element.target, info.peers.find((candidate) => formatAddress(candidate.address) === element.target), info);
    }
    const server = info.parentId === undefined ? undefined : this.engine.get(info.parentId);
    return socketTooltip(info, server);
  }

  /** Fires the pending refreshes now; resolves once listeners have run. */
  async flush(): Promise<void> {
    this.model.scheduler.flush();
    await Promise.resolve();
  }

  dispose(): void {
    this.changeEmitter.dispose();
  }

  /** The first `pageLimit` connections in accept order, then "Show more" if some are left. */
  private page(server: SocketNode): SocketsTreeNode[] {
    const limit = server.pageLimit;
    const page: SocketsTreeNode[] = [];
    for (const connection of server.connections.values()) {
      if (page.length >= limit) {
        break;
      }
      page.push(connection);
    }
    if (server.connections.size > limit) {
      page.push(server.more);
    }
    return page;
  }

  /** A row whose socket vanished between the refresh and VS Code's request: the next refresh drops it. */
  private gone(element: SocketNode | ConnectionNode): vscode.TreeItem {
    const item = new vscode.TreeItem(element.socketId, vscode.TreeItemCollapsibleState.None);
    item.id = element.id;
    return item;
  }
}

/**
 * Opens a server's row when its first connection arrives (and a UDP socket's when its first peer
 * speaks), so the user sees who connected. VS Code keeps a row that was drawn without children
 * collapsed when children appear, whatever the TreeItem says; reveal with `expand` is the only
 * way to open it. A row the user collapsed stays collapsed, and a hidden view is not forced open.
 */
import * as vscode from 'vscode';
import type { Logger } from '../log';
import type { SocketsModel } from './model';
import type { SocketNode, SocketsTreeNode } from './nodes';

export class AutoExpand implements vscode.Disposable {
  private readonly collapsedByUser = new WeakSet<SocketsTreeNode>();
  /** First children that arrived while the view was hidden. */
  private readonly waiting = new Set<SocketNode>();
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    private readonly treeView: vscode.TreeView<SocketsTreeNode>,
    private readonly model: SocketsModel,
    private readonly log: Logger,
  ) {
    this.subscriptions = [
      treeView.onDidCollapseElement((event) => {
        this.collapsedByUser.add(event.element);
        model.noteCollapsed(event.element);
      }),
      treeView.onDidExpandElement((event) => this.collapsedByUser.delete(event.element)),
      treeView.onDidChangeVisibility((event) => {
        if (event.visible) {
          const nodes = [...this.waiting];
          this.waiting.clear();
          nodes.forEach((node) => this.expand(node));
        }
      }),
    ];
  }

  /**
   * Called right after a refresh was fired: VS Code's reveal waits for pending refreshes, so the
   * row is collapsible by the time it is expanded.
   */
  afterRefresh(): void {
    if (this.model.gotFirstChild.size === 0) {
      return;
    }
    const nodes = [...this.model.gotFirstChild];
    this.model.gotFirstChild.clear();
    for (const node of nodes) {
      if (this.treeView.visible) {
        this.expand(node);
      } else {
        this.waiting.add(node);
      }
    }
  }

  dispose(): void {
    for (const subscription of this.subscriptions) {
      subscription.dispose();
    }
    this.waiting.clear();
  }

  private expand(node: SocketNode): void {
    const stillThere = this.model.get(node.socketId) === node && (node.connections.size > 0 || node.peers.size > 0);
    if (!stillThere || this.collapsedByUser.has(node)) {
      return;
    }
    this.treeView.reveal(node, { select: false, focus: false, expand: true }).then(undefined, (error: unknown) => {
      this.log.debug(`could not expand ${node.socketId}: ${error instanceof Error ? error.message : String(error)}`);
    });
  }
}

/**
 * The Sockets view: every socket, a server's connections and a UDP socket's recent peers, with
 * rows refreshed in batches at most ten times a second. Double-clicking a row opens its payload
 * panel (trees have no double-click event: two activations of one row within 400 ms count as one).
 */
import * as vscode from 'vscode';
import type { Activity } from '../activity';
import type { PanelManager } from '../panel';
import { reportError, type Services } from '../services';
import { ACTIVATE_COMMAND, SHOW_MORE_COMMAND } from './items';
import { AutoExpand } from './expand';
import { SocketsModel } from './model';
import { PAGE_SIZE, type SocketsTreeNode } from './nodes';
import { SocketsTreeProvider } from './provider';
import { RefreshScheduler } from './refresh';

export type { ConnectionNode, MoreNode, PeerNode, SocketNode, SocketsTreeNode } from './nodes';
export type { SocketsTreeProvider } from './provider';

export const VIEW_ID = 'socketWorkbench.sockets';
/** Two activations of the same row within this time are a double-click. */
export const DOUBLE_CLICK_MS = 400;

export interface SocketsView extends vscode.Disposable {
  readonly provider: SocketsTreeProvider;
  readonly treeView: vscode.TreeView<SocketsTreeNode>;
  /** The row of a socket or connection, if the view lists it. */
  node(socketId: string): SocketsTreeNode | undefined;
  /** Shows a socket's row, e.g. one just opened (selects it without taking the focus). */
  reveal(socketId: string, options?: { readonly focus?: boolean }): Promise<void>;
}

function isNode(value: unknown): value is SocketsTreeNode {
  return typeof value === 'object' && value !== null && 'type' in value && 'socketId' in value && typeof value.socketId === 'string';
}

export function registerSocketsView(services: Services, panels: PanelManager, activity: Activity): SocketsView {
  const log = services.log.child('tree');
  // The scheduler fires on a timer, never synchronously, so the provider and view exist by then.
  const scheduler = new RefreshScheduler<SocketsTreeNode>((elements) => {
    treeProvider.fire(elements);
    expansion.afterRefresh();
  });
  const model = new SocketsModel(services.engine, scheduler, activity);
  const treeProvider = new SocketsTreeProvider(services.engine, model);
  const treeView = vscode.window.createTreeView(VIEW_ID, { treeDataProvider: treeProvider, showCollapseAll: true, canSelectMany: true });
  const expansion = new AutoExpand(treeView, model, log);

  let lastActivation: { readonly node: SocketsTreeNode; readonly time: number } | undefined;
  const activate = (node: unknown): void => {
    if (!isNode(node)) {
      return;
    }
    const now = performance.now();
    if (lastActivation?.node !== node || now - lastActivation.time > DOUBLE_CLICK_MS) {
      lastActivation = { node, time: now };
      return;
    }
    lastActivation = undefined;
    log.debug(`open panel of ${node.socketId} (double-click)`);
    panels.open(node.socketId).catch((error: unknown) => reportError(services, error));
  };
  const showMore = (node: unknown): void => {
    if (isNode(node) && node.type === 'more') {
      model.extendPage(node.parent, PAGE_SIZE);
    }
  };

  const disposables: vscode.Disposable[] = [
    treeView,
    treeProvider,
    expansion,
    vscode.commands.registerCommand(ACTIVATE_COMMAND, activate),
    vscode.commands.registerCommand(SHOW_MORE_COMMAND, showMore),
  ];
  return {
    provider: treeProvider,
    treeView,
    node: (socketId) => model.get(socketId),
    reveal: async (socketId, options = {}) => {
      const node = model.get(socketId);
      if (node !== undefined) {
        if (node.type === 'connection') {
          model.ensureListed(node, PAGE_SIZE);
        }
        await treeView.reveal(node, { select: true, focus: options.focus === true, expand: false });
      }
    },
    dispose: () => {
      scheduler.dispose();
      model.dispose();
      for (const disposable of disposables) {
        disposable.dispose();
      }
    },
  };
}

/**
 * Keeps the Sockets view's nodes in step with the engine: one node per socket and connection
 * (stable identity, id → node), peers per UDP socket, and which rows need refreshing. Listens to
 * lifecycle events and to the engine's coalesced counters, never to individual data events.
 */
import { type Disposable, formatAddress, type RemovedEvent, type SocketEngine, type SocketInfo, type StatsChange } from '../engine';
import { ConnectionNode, SocketNode, PeerNode, type SocketsTreeNode } from './nodes';
import { RefreshScheduler } from './refresh';

export class SocketsModel {
  /** Top-level sockets in creation order (the engine's list() order). */
  readonly roots = new Map<string, SocketNode>();
  private readonly nodes = new Map<string, SocketNode | ConnectionNode>();
  /** Rows VS Code has asked for: only those are worth refreshing. */
  private readonly shown = new WeakSet<SocketsTreeNode>();
  /** Rows whose children VS Code lists (it asks only for expanded rows) and the user has not collapsed since. */
  private readonly expanded = new WeakSet<SocketsTreeNode>();
  private readonly subscriptions: Disposable[];

  /** Servers and UDP sockets on screen that just got their first child, for the view to expand. */
  readonly gotFirstChild = new Set<SocketNode>();

  constructor(
    private readonly engine: SocketEngine,
    readonly scheduler: RefreshScheduler<SocketsTreeNode>,
  ) {
    for (const info of engine.list()) {
      this.created(info);
      if (info.connections > 0) {
        for (const connection of engine.connections(info.id)) {
          this.created(connection);
        }
      }
    }
    this.subscriptions = [
      engine.onDidCreate((info) => this.created(info)),
      engine.onDidChange((info) => this.changed(info)),
      engine.onDidRemove((event) => this.removed(event)),
      engine.onDidChangeStats((changes) => this.counted(changes)),
    ];
  }

  get(socketId: string): SocketNode | ConnectionNode | undefined {
    return this.nodes.get(socketId);
  }

  /** Called when VS Code renders a row. */
  markShown(node: SocketsTreeNode): void {
    this.shown.add(node);
  }

  noteExpanded(node: SocketsTreeNode): void {
    this.expanded.add(node);
  }

  noteCollapsed(node: SocketsTreeNode): void {
    this.expanded.delete(node);
  }

  /** "Show more": one more page of a server's connections. */
  extendPage(node: SocketNode, pageSize: number): void {
    node.pageLimit = Math.min(node.pageLimit + pageSize, Math.max(node.connections.size, pageSize));
    this.scheduler.refresh(node);
  }

  /** Makes sure a connection is on its server's page, so it can be revealed. */
  ensureListed(node: ConnectionNode, pageSize: number): void {
    let index = 0;
    for (const socketId of node.parent.connections.keys()) {
      if (socketId === node.socketId) {
        break;
      }
      index++;
    }
    if (index >= node.parent.pageLimit) {
      node.parent.pageLimit = Math.ceil((index + 1) / pageSize) * pageSize;
      this.scheduler.refresh(node.parent);
      this.scheduler.flush();
    }
  }

  dispose(): void {
    for (const subscription of this.subscriptions) {
      subscription.dispose();
    }
    this.nodes.clear();
    this.roots.clear();
  }

  private refresh(node: SocketsTreeNode): void {
    if (this.shown.has(node)) {
      this.scheduler.refresh(node);
    }
  }

  private noteFirstChild(node: SocketNode): void {
    if (this.shown.has(node)) {
      this.gotFirstChild.add(node);
    }
  }

  private created(info: SocketInfo): void {
    if (this.nodes.has(info.id)) {
      return;
    }
    if (info.parentId === undefined) {
      const node = new SocketNode(info.id);
      this.nodes.set(info.id, node);
      this.roots.set(info.id, node);
      this.syncPeers(node, info);
      this.scheduler.refreshAll();
      return;
    }
    const parent = this.nodes.get(info.parentId);
    if (parent?.type !== 'socket') {
      return;
    }
    const node = new ConnectionNode(info.id, parent);
    this.nodes.set(info.id, node);
    parent.connections.set(info.id, node);
    if (parent.connections.size === 1) {
      this.noteFirstChild(parent);
    }
    // Structure: the parent re-lists its children; the other rows are untouched.
    this.refresh(parent);
  }

  private changed(info: SocketInfo): void {
    const node = this.nodes.get(info.id);
    if (node === undefined) {
      return;
    }
    if (node.type === 'socket') {
      this.syncPeers(node, info);
    }
    this.refresh(node);
  }

  private removed(event: RemovedEvent): void {
    const node = this.nodes.get(event.id);
    if (node === undefined) {
      return;
    }
    this.nodes.delete(event.id);
    this.scheduler.forget(node);
    if (node.type === 'connection') {
      node.parent.connections.delete(node.socketId);
      this.refresh(node.parent);
      return;
    }
    for (const connection of node.connections.values()) {
      this.nodes.delete(connection.socketId);
      this.scheduler.forget(connection);
    }
    for (const peer of node.peers.values()) {
      this.scheduler.forget(peer);
    }
    this.scheduler.forget(node.more);
    this.gotFirstChild.delete(node);
    this.roots.delete(event.id);
    this.scheduler.refreshAll();
  }

  private counted(changes: readonly StatsChange[]): void {
    for (const change of changes) {
      const node = this.nodes.get(change.id);
      if (node === undefined || !this.shown.has(node)) {
        continue;
      }
      if (node.type === 'connection') {
        this.scheduler.refresh(node);
        continue;
      }
      const info = this.engine.get(change.id);
      if (info === undefined) {
        continue;
      }
      if (info.kind === 'tcp-server' || info.kind === 'unix-server') {
        // A server's row shows no counters, only its tooltip does. Refreshing an expanded server
        // re-lists and redraws its page (closing a tooltip open on a connection), while the
        // connection rows show the traffic already: so only a collapsed server, about once a second.
        if (!this.expanded.has(node)) {
          this.scheduler.refreshSlowly(node);
        }
      } else {
        this.syncPeers(node, info);
        this.scheduler.refresh(node);
      }
    }
  }

  /**
   * Keeps one PeerNode per recent UDP sender, in the order they were first seen (rows must not
   * jump while the user aims at one). A new or dropped peer re-lists the socket's children.
   */
  private syncPeers(node: SocketNode, info: SocketInfo): void {
    if (info.kind !== 'udp') {
      return;
    }
    const latest = new Map<string, number>();
    for (const peer of info.peers) {
      latest.set(formatAddress(peer.address), peer.messages);
    }
    let structural = false;
    const next = new Map<string, PeerNode>();
    for (const [target, peer] of node.peers) {
      const messages = latest.get(target);
      if (messages === undefined) {
        structural = true;
        this.scheduler.forget(peer);
        continue;
      }
      if (messages !== peer.messages) {
        peer.messages = messages;
        this.refresh(peer);
      }
      next.set(target, peer);
    }
    for (const [target, messages] of latest) {
      if (!next.has(target)) {
        const peer = new PeerNode(node, target);
        peer.messages = messages;
        next.set(target, peer);
        structural = true;
      }
    }
    if (node.peers.size === 0 && next.size > 0) {
      this.noteFirstChild(node);
    }
    node.peers = next;
    if (structural) {
      this.refresh(node);
    }
  }
}

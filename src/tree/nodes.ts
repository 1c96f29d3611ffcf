/**
 * The Sockets view's elements. Each is created once and kept while its socket lives, so VS Code
 * can update rows in place (it matches refreshed elements by identity). Every node carries the
 * `socketId` commands act on; a UDP peer also carries the `target` a Send from it replies to.
 */

/** Connections listed per page: enough to browse, few enough that a 10,000-connection server stays cheap. */
export const PAGE_SIZE = 200;

/** A top-level socket: a server, a client or a UDP socket. */
export class SocketNode {
  readonly type = 'socket';
  /** Accepted connections of a server, in accept order (the engine's order too). */
  readonly connections = new Map<string, ConnectionNode>();
  /** Recent UDP peers by `host:port`, most recent first as the engine lists them. */
  peers = new Map<string, PeerNode>();
  /** How many connections the view lists; "Show more" raises it. */
  pageLimit = PAGE_SIZE;
  readonly more: MoreNode;

  constructor(readonly socketId: string) {
    this.more = new MoreNode(this);
  }

  get id(): string {
    return this.socketId;
  }
}

/** A connection a TCP or UNIX server accepted. */
export class ConnectionNode {
  readonly type = 'connection';

  constructor(
    readonly socketId: string,
    readonly parent: SocketNode,
  ) {}

  get id(): string {
    return this.socketId;
  }
}

/** A recent sender to a UDP socket; a Send on it replies to `target`. */
export class PeerNode {
  readonly type = 'peer';
  /** What the row last showed, so only peers whose counters moved are refreshed. */
  messages = 0;

  constructor(
    readonly parent: SocketNode,
    readonly target: string,
  ) {}

  get socketId(): string {
    return this.parent.socketId;
  }

  get id(): string {
    return `${this.parent.socketId} peer ${this.target}`;
  }
}

/** "Show 200 more…" under a server with more connections than its page lists. */
export class MoreNode {
  readonly type = 'more';

  constructor(readonly parent: SocketNode) {}

  get socketId(): string {
    return this.parent.socketId;
  }

  get id(): string {
    return `${this.parent.socketId} more`;
  }
}

/** Any element of the Sockets view. Commands accept it: they read `socketId` (and a peer's `target`). */
export type SocketsTreeNode = SocketNode | ConnectionNode | PeerNode | MoreNode;

/**
 * How the engine tells subscribers what its sockets did: the event emitters, the SocketOwner the
 * sockets report to, and the coalescing of counter updates (at most one stats event per interval,
 * however fast data flows). The socket classes know nothing of events; they call the owner.
 */
import { Emitter } from './events';
import type { ManagedSocket, SocketOwner } from './managed';
import type { LookupFunction } from './resolve';
import type { SocketInfo, SocketStats, TranscriptEntry, TranscriptLimits } from './shared/types';

export interface DataEvent {
  readonly socketId: string;
  readonly entry: TranscriptEntry;
}

/** The peer ended its stream (sent FIN). */
export interface EndEvent {
  readonly socketId: string;
  readonly parentId?: string;
  /** The transcript's `info` entry with code `FIN`. */
  readonly entry: TranscriptEntry;
}

export interface StatsChange {
  readonly id: string;
  readonly parentId?: string;
  readonly stats: Readonly<SocketStats>;
}

export interface RemovedEvent {
  readonly id: string;
  readonly parentId?: string;
}

/** What the owner reads from the engine at the time it is asked (settings change later). */
export interface OwnerSettings {
  readonly transcriptLimits: () => TranscriptLimits;
  readonly connectTimeout: () => number;
  readonly lookup?: LookupFunction;
  readonly confirmAllInterfaces?: SocketOwner['confirmAllInterfaces'];
  readonly tls: SocketOwner['tls'];
}

export class EngineReports {
  readonly created = new Emitter<SocketInfo>();
  readonly changed = new Emitter<SocketInfo>();
  readonly data = new Emitter<DataEvent>();
  readonly ended = new Emitter<EndEvent>();
  readonly stats = new Emitter<readonly StatsChange[]>();
  readonly removed = new Emitter<RemovedEvent>();
  readonly owner: SocketOwner;
  private readonly dirty = new Set<ManagedSocket>();
  private statsTimer: NodeJS.Timeout | undefined;
  private disposed = false;

  constructor(
    settings: OwnerSettings,
    private readonly statsIntervalMs: number,
  ) {
    const data = this.data;
    this.owner = {
      get transcriptLimits() {
        return settings.transcriptLimits();
      },
      get connectTimeout() {
        return settings.connectTimeout();
      },
      lookup: settings.lookup,
      tls: settings.tls,
      confirmAllInterfaces: settings.confirmAllInterfaces,
      // No SocketInfo is built for an event nobody listens to (a server changes on every accept).
      changed: (socket) => {
        if (this.changed.hasListeners) {
          this.changed.fire(socket.info());
        }
      },
      get wantsEntries() {
        return data.hasListeners;
      },
      recorded: (socket, entry) => {
        if (entry !== undefined && data.hasListeners) {
          data.fire({ socketId: socket.id, entry });
        }
        this.markDirty(socket);
      },
      peerEnded: (socket, entry) => {
        if (this.ended.hasListeners) {
          this.ended.fire({ socketId: socket.id, parentId: socket.parent?.id, entry });
        }
      },
      counted: (socket) => this.markDirty(socket),
      // Accepted connections live in their server's map only (one Map entry per connection, not two).
      adopted: (child) => {
        if (this.created.hasListeners) {
          this.created.fire(child.info());
        }
      },
      released: (child) => {
        this.unmark(child);
        child.parent?.removeConnection(child);
        this.removed.fire({ id: child.id, parentId: child.parent?.id });
      },
    };
  }

  /** The socket is gone: no stats event will name it. */
  forget(socket: ManagedSocket): void {
    this.unmark(socket);
  }

  private unmark(socket: ManagedSocket): void {
    socket.statsMarked = false;
    this.dirty.delete(socket);
  }

  dispose(): void {
    this.disposed = true;
    if (this.statsTimer !== undefined) {
      clearTimeout(this.statsTimer);
      this.statsTimer = undefined;
    }
    for (const emitter of [this.created, this.changed, this.data, this.ended, this.stats, this.removed]) {
      emitter.dispose();
    }
    this.dirty.clear();
  }

  private markDirty(socket: ManagedSocket): void {
    // The flag saves a Set lookup on every chunk and datagram; the Set keeps the order of first marking.
    if (!socket.statsMarked) {
      socket.statsMarked = true;
      this.dirty.add(socket);
    }
    if (this.statsTimer === undefined && !this.disposed) {
      this.statsTimer = setTimeout(() => this.flushStats(), this.statsIntervalMs);
    }
  }

  private flushStats(): void {
    this.statsTimer = undefined;
    if (this.dirty.size === 0) {
      return;
    }
    const changes: StatsChange[] = [];
    for (const socket of this.dirty) {
      socket.statsMarked = false;
      changes.push({ id: socket.id, parentId: socket.parent?.id, stats: socket.statsSnapshot() });
    }
    this.dirty.clear();
    this.stats.fire(changes);
  }
}

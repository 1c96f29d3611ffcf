/**
 * Accepted connections that have ended: the engine forgets them, but their traffic stays in their
 * server's transcript (tagged with the connection's id). This keeps the last SocketInfo of each,
 * bounded, so Save Transcript can still list and save them while their server exists.
 */
import type { Disposable, SocketEngine, SocketInfo, TranscriptCounters, TranscriptEntry } from '../engine';
import { isClosedState, isConnectionKind } from '../socketText';

/** Enough for a picker; older ended connections are still in their server's transcript. */
export const MAX_CLOSED_CONNECTIONS = 200;

export class ClosedConnections {
  private readonly closed = new Map<string, SocketInfo>();
  private readonly subscriptions: Disposable[];

  constructor(private readonly engine: SocketEngine) {
    this.subscriptions = [
      engine.onDidChange((info) => {
        if (isConnectionKind(info.kind) && isClosedState(info.state)) {
          this.closed.delete(info.id);
          this.closed.set(info.id, info);
          if (this.closed.size > MAX_CLOSED_CONNECTIONS) {
            const oldest = this.closed.keys().next().value;
            if (oldest !== undefined) {
              this.closed.delete(oldest);
            }
          }
        }
      }),
      engine.onDidRemove((event) => {
        if (event.parentId !== undefined) {
          return;
        }
        for (const [id, info] of this.closed) {
          if (info.parentId === event.id) {
            this.closed.delete(id);
          }
        }
      }),
    ];
  }

  /** Ended connections the engine no longer knows, newest last. */
  list(): SocketInfo[] {
    return [...this.closed.values()].filter((info) => this.engine.get(info.id) === undefined && info.parentId !== undefined && this.engine.get(info.parentId) !== undefined);
  }

  get(id: string): SocketInfo | undefined {
    return this.list().find((info) => info.id === id);
  }

  /** The connection's entries from its server's transcript, with counters for them. */
  transcript(info: SocketInfo): { entries: TranscriptEntry[]; counters: TranscriptCounters } {
    const server = this.engine.transcript(info.parentId ?? '');
    const entries = server.entries().filter((entry) => entry.socketId === info.id);
    const serverCounters = server.counters();
    let bytes = 0;
    let truncatedEntries = 0;
    let truncatedBytes = 0;
    for (const entry of entries) {
      const held = entry.data?.byteLength ?? 0;
      bytes += held;
      if (entry.kind === 'data' && entry.length > held) {
        truncatedEntries++;
        truncatedBytes += entry.length - held;
      }
    }
    return {
      entries,
      counters: {
        entries: entries.length,
        bytes,
        // What the server's transcript evicted may include this connection's oldest entries.
        evictedEntries: serverCounters.evictedEntries,
        evictedBytes: serverCounters.evictedBytes,
        truncatedEntries,
        truncatedBytes,
        firstSeq: entries[0]?.seq ?? serverCounters.nextSeq,
        nextSeq: serverCounters.nextSeq,
      },
    };
  }

  dispose(): void {
    for (const subscription of this.subscriptions) {
      subscription.dispose();
    }
    this.closed.clear();
  }
}

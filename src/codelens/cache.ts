// Socket calls per document version: the scan reads the whole document, so it runs once per edit
// and not per lens request (VS Code asks again on scroll, focus and every refresh we fire). Bounded,
// least recently used first out; the provider drops a document when VS Code closes it.
import { findSocketCalls, peerOf, type PeerOffer, type SocketCall } from '../hover/scanner';

export interface LensTarget {
  readonly call: SocketCall;
  readonly peer: PeerOffer;
}

interface Cached {
  readonly version: number;
  readonly targets: readonly LensTarget[];
}

export const DEFAULT_CALLS_CAPACITY = 32;

export class SocketCallCache {
  private readonly entries = new Map<string, Cached>();
  private scanCount = 0;

  constructor(private readonly capacity = DEFAULT_CALLS_CAPACITY) {}

  get(key: string, version: number, languageId: string, text: () => string): readonly LensTarget[] {
    const cached = this.entries.get(key);
    this.entries.delete(key);
    if (cached !== undefined && cached.version === version) {
      this.entries.set(key, cached);
      return cached.targets;
    }
    const targets: LensTarget[] = [];
    for (const call of findSocketCalls(text(), languageId)) {
      const peer = peerOf(call);
      if (peer !== undefined) {
        targets.push({ call, peer });
      }
    }
    this.scanCount++;
    this.entries.set(key, { version, targets });
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next();
      if (oldest.done !== true) {
        this.entries.delete(oldest.value);
      }
    }
    return targets;
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
  }

  /** How many documents were scanned (for tests: proves the cache is hit). */
  get scans(): number {
    return this.scanCount;
  }
}

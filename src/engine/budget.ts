/**
 * The engine-wide transcript pool: every top-level socket's transcript (servers, clients, UDP)
 * counts its captured bytes here, so however many sockets there are, the engine holds at most
 * `maxBytes`. An accepted connection's bytes are counted once, through its server's transcript,
 * which mirrors them.
 *
 * When the pool is over, the oldest entry across all member transcripts goes first (by monotonic
 * time), whichever socket holds it: a flood on one socket then eats its own history before it
 * eats a quiet socket's recent one. Finding the oldest looks at each member's head, so it costs
 * one pass over the top-level sockets per eviction, and evictions only happen while the pool is full.
 */
import { EngineError, withReason } from './shared/errors';
import type { Transcript } from './transcript';

export const DEFAULT_MAX_TOTAL_TRANSCRIPT_BYTES = 256 * 1024 * 1024;

export class TranscriptPool {
  /** Captured bytes the members hold; the transcripts keep it current as they record and evict. */
  heldBytes = 0;
  /** Entries evicted because the pool was full. */
  droppedEntries = 0;
  private readonly members = new Set<Transcript>();

  constructor(public maxBytes: number = DEFAULT_MAX_TOTAL_TRANSCRIPT_BYTES) {
    validateTotal(maxBytes);
  }

  join(transcript: Transcript): void {
    if (!this.members.has(transcript)) {
      this.members.add(transcript);
      transcript.pool = this;
      this.heldBytes += transcript.counters().bytes;
      this.trim();
    }
  }

  leave(transcript: Transcript): void {
    if (this.members.delete(transcript)) {
      transcript.pool = undefined;
      this.heldBytes -= transcript.counters().bytes;
    }
  }

  setMaxBytes(maxBytes: number): void {
    validateTotal(maxBytes);
    this.maxBytes = maxBytes;
    this.trim();
  }

  /** Evicts the oldest entries across the members until the pool fits. */
  trim(): void {
    while (this.heldBytes > this.maxBytes) {
      let oldest: Transcript | undefined;
      let oldestTime = Number.POSITIVE_INFINITY;
      for (const member of this.members) {
        const time = member.oldestHeldTime();
        if (time < oldestTime) {
          oldestTime = time;
          oldest = member;
        }
      }
      if (oldest === undefined) {
        return;
      }
      oldest.evictOldest();
      this.droppedEntries++;
    }
  }
}

function validateTotal(maxBytes: number): void {
  if (!Number.isInteger(maxBytes) || maxBytes < 1) {
    throw new EngineError(
      'INVALID_ARGUMENT',
      `transcript limit maxTotalBytes must be a positive integer, got ${String(maxBytes)}`,
      withReason('transcript-limit', { limit: 'maxTotalBytes', value: String(maxBytes) }),
    );
  }
}

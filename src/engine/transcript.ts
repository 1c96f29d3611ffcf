/**
 * A socket's transcript: a bounded ring buffer of events with wall-clock and monotonic times.
 *
 * Bounded three ways: by entry count, by a budget of captured bytes over all entries, and by a
 * per-entry capture cap. What falls out (evicted entries, bytes not captured) is counted, so the UI
 * can say "1,234 older entries dropped" instead of losing data silently.
 *
 * Recording is on the data path of every socket, so it avoids copies: a captured chunk is kept by
 * reference. The one copy made is of a cut capture, so a 64 KiB prefix does not pin a 1 GiB buffer.
 */
import { performance } from 'node:perf_hooks';
import { EngineError, withReason, type EngineErrorInfo } from './shared/errors';
import type {
  Direction,
  TranscriptCounters,
  TranscriptEntry,
  TranscriptKind,
  TranscriptLimits,
} from './shared/types';

export const DEFAULT_TRANSCRIPT_LIMITS: TranscriptLimits = {
  maxEntries: 10_000,
  maxBytes: 16 * 1024 * 1024,
  captureBytes: 64 * 1024,
};

/** Fields of an event entry; seq and times are added by the transcript. */
export interface EventFields {
  readonly peer?: string;
  readonly socketId?: string;
  readonly code?: string;
  readonly detail?: string;
  readonly error?: EngineErrorInfo;
}

/** Read access, for the UI and the API: a transcript's owner is the only writer. */
export interface TranscriptView {
  readonly limits: TranscriptLimits;
  counters(): TranscriptCounters;
  /** The entry with this seq, if it is still held. */
  at(seq: number): TranscriptEntry | undefined;
  /** Up to `count` entries starting at `fromSeq` (clamped to what is held), oldest first. */
  slice(fromSeq: number, count: number): TranscriptEntry[];
  /** Every held entry, oldest first. */
  entries(): TranscriptEntry[];
}

export class Transcript implements TranscriptView {
  // A deque that grows by doubling up to maxEntries, so idle sockets (10,000 accepted connections)
  // do not each reserve a full-size array.
  private ring: Array<TranscriptEntry | undefined> = new Array<TranscriptEntry | undefined>(8);
  private head = 0;
  private count = 0;
  private heldBytes = 0;
  private sequence = 0;
  private evictedEntries = 0;
  private evictedBytes = 0;
  private truncatedEntries = 0;
  private truncatedBytes = 0;

  constructor(private currentLimits: TranscriptLimits = DEFAULT_TRANSCRIPT_LIMITS) {
    validateLimits(currentLimits);
  }

  get limits(): TranscriptLimits {
    return this.currentLimits;
  }

  /** New limits apply at once: entries beyond them are evicted and counted. */
  setLimits(limits: TranscriptLimits): void {
    validateLimits(limits);
    this.currentLimits = limits;
    this.evictUntilFits(0, 0);
    if (this.ring.length > limits.maxEntries && this.count <= limits.maxEntries) {
      this.resize(Math.max(8, this.count));
    }
  }

  /** Records a lifecycle event (open, connect, accept, error, close, info). */
  recordEvent(kind: Exclude<TranscriptKind, 'data'>, fields: EventFields = {}): TranscriptEntry {
    const entry: TranscriptEntry = {
      seq: this.sequence++,
      kind,
      time: Date.now(),
      mono: performance.now(),
      length: 0,
      ...fields,
    };
    this.push(entry, 0);
    return entry;
  }

  /**
   * Records bytes that crossed the socket. The transcript keeps `data` by reference (the caller hands
   * it over and must not change it afterwards); only a capture cut at the cap is copied.
   */
  recordData(direction: Direction, data: Uint8Array, peer?: string, socketId?: string): TranscriptEntry {
    const cap = this.currentLimits.captureBytes;
    let captured = data;
    if (data.byteLength > cap) {
      // Copy the prefix: a view would keep the whole (possibly huge) buffer alive.
      captured = new Uint8Array(cap);
      captured.set(data.subarray(0, cap));
      this.truncatedEntries++;
      this.truncatedBytes += data.byteLength - cap;
    }
    const entry: TranscriptEntry = {
      seq: this.sequence++,
      kind: 'data',
      direction,
      time: Date.now(),
      mono: performance.now(),
      peer,
      socketId,
      length: data.byteLength,
      data: captured,
    };
    this.push(entry, captured.byteLength);
    return entry;
  }

  /**
   * Adds an entry recorded by another transcript (a server mirrors its connections' traffic). The
   * entry gets this transcript's next seq; its bytes are shared, not copied.
   */
  mirror(entry: TranscriptEntry, socketId: string | undefined = entry.socketId, peer: string | undefined = entry.peer): TranscriptEntry {
    // One object per mirrored chunk: this runs for every chunk a server's connections move.
    const copy: TranscriptEntry = { ...entry, seq: this.sequence++, socketId, peer };
    this.push(copy, entry.data?.byteLength ?? 0);
    return copy;
  }

  clear(): void {
    this.ring = new Array<TranscriptEntry | undefined>(8);
    this.head = 0;
    this.count = 0;
    this.heldBytes = 0;
    this.evictedEntries = 0;
    this.evictedBytes = 0;
    this.truncatedEntries = 0;
    this.truncatedBytes = 0;
  }

  counters(): TranscriptCounters {
    return {
      entries: this.count,
      bytes: this.heldBytes,
      evictedEntries: this.evictedEntries,
      evictedBytes: this.evictedBytes,
      truncatedEntries: this.truncatedEntries,
      truncatedBytes: this.truncatedBytes,
      firstSeq: this.sequence - this.count,
      nextSeq: this.sequence,
    };
  }

  at(seq: number): TranscriptEntry | undefined {
    const offset = seq - (this.sequence - this.count);
    if (!Number.isInteger(offset) || offset < 0 || offset >= this.count) {
      return undefined;
    }
    return this.ring[(this.head + offset) % this.ring.length];
  }

  slice(fromSeq: number, count: number): TranscriptEntry[] {
    const firstSeq = this.sequence - this.count;
    const start = Math.max(0, Math.floor(fromSeq) - firstSeq);
    const end = Math.min(this.count, start + Math.max(0, Math.floor(count)));
    const result: TranscriptEntry[] = [];
    for (let offset = start; offset < end; offset++) {
      result.push(this.ring[(this.head + offset) % this.ring.length] as TranscriptEntry);
    }
    return result;
  }

  entries(): TranscriptEntry[] {
    return this.slice(this.sequence - this.count, this.count);
  }

  private push(entry: TranscriptEntry, bytes: number): void {
    this.evictUntilFits(1, bytes);
    if (this.count === this.ring.length) {
      this.resize(Math.min(this.ring.length * 2, this.currentLimits.maxEntries));
    }
    this.ring[(this.head + this.count) % this.ring.length] = entry;
    this.count++;
    this.heldBytes += bytes;
  }

  /** Evicts the oldest entries until `entries` more entries and `bytes` more bytes fit. */
  private evictUntilFits(entries: number, bytes: number): void {
    const { maxEntries, maxBytes } = this.currentLimits;
    while (this.count > 0 && (this.count + entries > maxEntries || this.heldBytes + bytes > maxBytes)) {
      const oldest = this.ring[this.head] as TranscriptEntry;
      const oldestBytes = oldest.data?.byteLength ?? 0;
      this.ring[this.head] = undefined;
      this.head = (this.head + 1) % this.ring.length;
      this.count--;
      this.heldBytes -= oldestBytes;
      this.evictedEntries++;
      this.evictedBytes += oldestBytes;
    }
  }

  private resize(capacity: number): void {
    const next = new Array<TranscriptEntry | undefined>(capacity);
    for (let offset = 0; offset < this.count; offset++) {
      next[offset] = this.ring[(this.head + offset) % this.ring.length];
    }
    this.ring = next;
    this.head = 0;
  }
}

function validateLimits(limits: TranscriptLimits): void {
  for (const [key, value] of Object.entries(limits)) {
    if (!Number.isInteger(value) || value < 1) {
      throw new EngineError(
        'INVALID_ARGUMENT',
        `transcript limit ${key} must be a positive integer, got ${String(value)}`,
        withReason('transcript-limit', { limit: key, value: String(value) }),
      );
    }
  }
  if (limits.captureBytes > limits.maxBytes) {
    // One capture larger than the whole budget could never be held.
    throw new EngineError(
      'INVALID_ARGUMENT',
      `transcript captureBytes (${limits.captureBytes}) exceeds maxBytes (${limits.maxBytes})`,
      withReason('capture-over-budget', { limit: 'captureBytes', value: limits.captureBytes, max: limits.maxBytes }),
    );
  }
}

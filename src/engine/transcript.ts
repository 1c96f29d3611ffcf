/**
 * A socket's transcript: a bounded ring buffer of events with wall-clock and monotonic times.
 *
 * Bounded three ways: by entry count, by a budget of captured bytes over all entries, and by a
 * per-entry capture cap. What falls out (evicted entries, bytes not captured) is counted, so the UI
 * can say "1,234 older entries dropped" instead of losing data silently.
 *
 * Recording is on the data path of every socket, so it avoids copies: a captured chunk is kept by
 * reference. The one copy made is of a cut capture, so a 64 KiB prefix does not pin a 1 GiB buffer.
 *
 * Budgets shared between transcripts (budget.ts): a server's transcript holds every byte its
 * connections hold (it mirrors them), so evicting a mirrored chunk there evicts it from the
 * connection too (`onEvictData`); and the top-level transcripts draw from one engine-wide pool.
 */
import { performance } from 'node:perf_hooks';
import type { TranscriptPool } from './budget';
import { EngineError, withReason, type EngineErrorInfo } from './shared/errors';
import type {
  Direction,
  TranscriptBudget,
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
  readonly sourceSeq?: number;
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
  /** The engine-wide pool this transcript's bytes count against (top-level sockets only). */
  pool: TranscriptPool | undefined;
  /** Called for each data entry this transcript evicts; a server frees its connection's copy here. */
  onEvictData: ((entry: TranscriptEntry) => void) | undefined;

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
  recordEvent(
    kind: Exclude<TranscriptKind, 'data'>,
    fields: EventFields = {},
    time: number = Date.now(),
    mono: number = performance.now(),
  ): TranscriptEntry {
    const entry: TranscriptEntry = {
      seq: this.sequence++,
      kind,
      time,
      mono,
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
    // One object per mirrored chunk: this runs for every chunk a server's connections move. A data
    // entry is built as one literal, so all its fields sit in the object (a spread plus a new field
    // would give every mirrored chunk a second, out-of-object property store).
    const copy: TranscriptEntry =
      entry.kind === 'data'
        ? {
            seq: this.sequence++,
            kind: 'data',
            direction: entry.direction,
            time: entry.time,
            mono: entry.mono,
            peer,
            socketId,
            sourceSeq: entry.seq,
            length: entry.length,
            data: entry.data,
          }
        : { ...entry, seq: this.sequence++, sourceSeq: entry.seq, socketId, peer };
    this.push(copy, entry.data?.byteLength ?? 0);
    return copy;
  }

  /** A server's record of an accepted connection, as one literal (it is kept per connection). */
  recordAccept(peer: string | undefined, socketId: string, detail: string | undefined, time: number, mono: number): TranscriptEntry {
    const entry: TranscriptEntry = { seq: this.sequence++, kind: 'accept', time, mono, length: 0, peer, socketId, detail };
    this.push(entry, 0);
    return entry;
  }

  /**
   * Evicts (and counts) the oldest entries up to and including the one with `seq`: a server's budget
   * dropped that entry's bytes. Nothing happens if it is gone already.
   */
  evictThrough(seq: number): void {
    while (this.count > 0 && (this.ring[this.head] as TranscriptEntry).seq <= seq) {
      this.evictOldest();
    }
  }

  /** Monotonic time of the oldest entry, while the transcript holds captured bytes; else Infinity. */
  oldestHeldTime(): number {
    return this.heldBytes > 0 && this.count > 0 ? (this.ring[this.head] as TranscriptEntry).mono : Number.POSITIVE_INFINITY;
  }

  /** Evicts and counts the oldest entry. */
  evictOldest(): void {
    const oldest = this.ring[this.head] as TranscriptEntry;
    const oldestBytes = oldest.data?.byteLength ?? 0;
    this.ring[this.head] = undefined;
    // A compare, not `%`: an integer division twice per entry (here and in push) on the data path.
    this.head = this.head + 1 === this.ring.length ? 0 : this.head + 1;
    this.count--;
    this.heldBytes -= oldestBytes;
    this.evictedEntries++;
    this.evictedBytes += oldestBytes;
    if (oldestBytes > 0) {
      if (this.pool !== undefined) {
        this.pool.heldBytes -= oldestBytes;
      }
      this.onEvictData?.(oldest);
    }
  }

  clear(): void {
    // Through the eviction path, so a server's connections and the pool let go of the bytes too.
    while (this.count > 0) {
      this.evictOldest();
    }
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

  budget(): TranscriptBudget {
    return { heldBytes: this.heldBytes, maxBytes: this.currentLimits.maxBytes, droppedEntries: this.evictedEntries };
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
    const slot = this.head + this.count;
    this.ring[slot < this.ring.length ? slot : slot - this.ring.length] = entry;
    this.count++;
    this.heldBytes += bytes;
    const pool = this.pool;
    if (pool !== undefined && bytes > 0) {
      pool.heldBytes += bytes;
      if (pool.heldBytes > pool.maxBytes) {
        pool.trim();
      }
    }
  }

  /** Evicts the oldest entries until `entries` more entries and `bytes` more bytes fit. */
  private evictUntilFits(entries: number, bytes: number): void {
    const { maxEntries, maxBytes } = this.currentLimits;
    while (this.count > 0 && (this.count + entries > maxEntries || this.heldBytes + bytes > maxBytes)) {
      this.evictOldest();
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

/** Throws INVALID_ARGUMENT for limits no transcript could keep. */
export function validateLimits(limits: TranscriptLimits): void {
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

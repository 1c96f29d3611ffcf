/**
 * A socket's transcript: a bounded ring buffer of events with wall-clock and monotonic times.
 *
 * Bounded three ways: by entry count, by a budget of captured bytes over all entries, and by a
 * per-entry capture cap. What falls out (evicted entries, bytes not captured) is counted, so the UI
 * can say "1,234 older entries dropped" instead of losing data silently.
 *
 * Recording is on the data path of every socket, so it avoids copies: a captured chunk is kept by
 * reference. The one copy made is of a cut capture, so a 64 KiB prefix does not pin a 1 GiB buffer.
 * Entries are kept in columns (typed arrays for numbers, plain arrays for references), not as one
 * object each: 10,000 datagrams or framed messages per transcript, twice for a server's connection,
 * were 10,000 objects alive for the collector to keep moving. An entry object is built when someone
 * reads it; events, which are rare, keep theirs.
 *
 * Budgets shared between transcripts (budget.ts): a server's transcript holds every byte its
 * connections hold (it mirrors them), so evicting a mirrored chunk there evicts it from the
 * connection too (`onEvictData`); and the top-level transcripts draw from one engine-wide pool.
 */
import { performance } from 'node:perf_hooks';
import type { TranscriptPool } from './budget';
import type { EngineErrorInfo } from './shared/errors';
import type { Direction, TranscriptBudget, TranscriptCounters, TranscriptEntry, TranscriptKind, TranscriptLimits } from './shared/types';
import { ACCEPT, DATA_IN, DATA_OUT, dataEntry, EVENT, NO_SOURCE } from './transcriptEntry';
import { DEFAULT_TRANSCRIPT_LIMITS, validateLimits } from './transcriptLimits';

export { DEFAULT_TRANSCRIPT_LIMITS, validateLimits } from './transcriptLimits';

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
  // do not each reserve full-size columns.
  private times = new Float64Array(8);
  private monos = new Float64Array(8);
  private lengths = new Float64Array(8);
  private sources = new Float64Array(8);
  private kinds = new Uint8Array(8);
  /** Per kind: the captured bytes (data), the entry (event) or the detail (accept). */
  private refs: Array<Uint8Array | TranscriptEntry | string | undefined> = new Array<undefined>(8);
  private peers: Array<string | undefined> = new Array<undefined>(8);
  private socketIds: Array<string | undefined> = new Array<undefined>(8);
  private head = 0;
  private count = 0;
  private heldBytes = 0;
  private sequence = 0;
  private evictedEntries = 0;
  private evictedBytes = 0;
  private truncatedEntries = 0;
  private truncatedBytes = 0;
  // The last data entry recorded, as fields: what the engine's data event and a server's mirror
  // read, even when the pool evicted the entry at once.
  private lastSeq = -1;
  private lastKind = DATA_IN;
  private lastTime = 0;
  private lastMono = 0;
  private lastLength = 0;
  private lastSource = NO_SOURCE;
  private lastData: Uint8Array | undefined;
  private lastPeer: string | undefined;
  private lastSocketId: string | undefined;
  /** The engine-wide pool this transcript's bytes count against (top-level sockets only). */
  pool: TranscriptPool | undefined;
  /**
   * Called for each data entry this transcript evicts; a server frees its connection's copy here
   * (`socketId` and `sourceSeq` name it).
   */
  onEvictData: ((seq: number, socketId: string | undefined, sourceSeq: number | undefined) => void) | undefined;

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
    if (this.times.length > limits.maxEntries && this.count <= limits.maxEntries) {
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
      seq: this.sequence,
      kind,
      time,
      mono,
      length: 0,
      ...fields,
    };
    this.pushEvent(entry);
    return entry;
  }

  /**
   * Records bytes that crossed the socket and returns the entry. The transcript keeps `data` by
   * reference (the caller hands it over and must not change it afterwards); only a capture cut at
   * the cap is copied.
   */
  recordData(direction: Direction, data: Uint8Array, peer?: string, socketId?: string): TranscriptEntry {
    this.record(direction, data, peer, socketId);
    return this.lastEntry();
  }

  /** recordData without the entry object: the engine's data path, which reads `lastEntry()` only when someone listens. */
  record(direction: Direction, data: Uint8Array, peer: string | undefined, socketId?: string, time = Date.now(), mono = performance.now()): void {
    const cap = this.currentLimits.captureBytes;
    let captured = data;
    if (data.byteLength > cap) {
      // Copy the prefix: a view would keep the whole (possibly huge) buffer alive.
      captured = new Uint8Array(cap);
      captured.set(data.subarray(0, cap));
      this.truncatedEntries++;
      this.truncatedBytes += data.byteLength - cap;
    }
    this.pushData(direction === 'in' ? DATA_IN : DATA_OUT, time, mono, data.byteLength, captured, peer, socketId, NO_SOURCE);
  }

  /**
   * Adds the last data entry `source` recorded (a server mirrors its connections' traffic), with
   * this transcript's next seq; the bytes are shared, not copied.
   */
  mirrorLast(source: Transcript, socketId: string): void {
    this.pushData(source.lastKind, source.lastTime, source.lastMono, source.lastLength, source.lastData, source.lastPeer, socketId, source.lastSeq);
  }

  /**
   * Adds an entry recorded by another transcript. The entry gets this transcript's next seq; its
   * bytes are shared, not copied.
   */
  mirror(entry: TranscriptEntry, socketId: string | undefined = entry.socketId, peer: string | undefined = entry.peer): TranscriptEntry {
    if (entry.kind === 'data') {
      this.pushData(entry.direction === 'out' ? DATA_OUT : DATA_IN, entry.time, entry.mono, entry.length, entry.data, peer, socketId, entry.seq);
      return this.lastEntry();
    }
    const copy: TranscriptEntry = { ...entry, seq: this.sequence, sourceSeq: entry.seq, socketId, peer };
    this.pushEvent(copy);
    return copy;
  }

  /** A server's record of an accepted connection: columns only, as it is kept per connection. */
  recordAccept(peer: string | undefined, socketId: string, detail: string | undefined, time: number, mono: number): void {
    this.push(ACCEPT, time, mono, 0, detail, peer, socketId, NO_SOURCE, 0);
  }

  /** The last data entry recorded or mirrored, as an object (valid until the next one). */
  lastEntry(): TranscriptEntry {
    return dataEntry(this.lastSeq, this.lastKind, this.lastTime, this.lastMono, this.lastLength, this.lastData, this.lastPeer, this.lastSocketId, this.lastSource);
  }

  /**
   * Evicts (and counts) the oldest entries up to and including the one with `seq`: a server's budget
   * dropped that entry's bytes. Nothing happens if it is gone already.
   */
  evictThrough(seq: number): void {
    while (this.count > 0 && this.sequence - this.count <= seq) {
      this.evictOldest();
    }
  }

  /** Monotonic time of the oldest entry, while the transcript holds captured bytes; else Infinity. */
  oldestHeldTime(): number {
    return this.heldBytes > 0 && this.count > 0 ? this.monos[this.head] : Number.POSITIVE_INFINITY;
  }

  /** Evicts and counts the oldest entry. */
  evictOldest(): void {
    const head = this.head;
    const kind = this.kinds[head];
    const ref = this.refs[head];
    const oldestBytes = kind === DATA_IN || kind === DATA_OUT ? ((ref as Uint8Array | undefined)?.byteLength ?? 0) : 0;
    const oldestSeq = this.sequence - this.count;
    const socketId = this.socketIds[head];
    const source = this.sources[head];
    this.refs[head] = undefined;
    this.peers[head] = undefined;
    this.socketIds[head] = undefined;
    // A compare, not `%`: an integer division twice per entry (here and in push) on the data path.
    this.head = head + 1 === this.times.length ? 0 : head + 1;
    this.count--;
    this.heldBytes -= oldestBytes;
    this.evictedEntries++;
    this.evictedBytes += oldestBytes;
    if (oldestBytes > 0) {
      if (this.pool !== undefined) {
        this.pool.heldBytes -= oldestBytes;
      }
      this.onEvictData?.(oldestSeq, socketId, source === NO_SOURCE ? undefined : source);
    }
  }

  clear(): void {
    // Through the eviction path, so a server's connections and the pool let go of the bytes too.
    while (this.count > 0) {
      this.evictOldest();
    }
    this.allocate(8);
    this.head = 0;
    this.count = 0;
    this.heldBytes = 0;
    this.evictedEntries = 0;
    this.evictedBytes = 0;
    this.truncatedEntries = 0;
    this.truncatedBytes = 0;
    this.lastData = undefined;
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
    return this.entryAt(offset);
  }

  slice(fromSeq: number, count: number): TranscriptEntry[] {
    const firstSeq = this.sequence - this.count;
    const start = Math.max(0, Math.floor(fromSeq) - firstSeq);
    const end = Math.min(this.count, start + Math.max(0, Math.floor(count)));
    const result: TranscriptEntry[] = [];
    for (let offset = start; offset < end; offset++) {
      result.push(this.entryAt(offset));
    }
    return result;
  }

  entries(): TranscriptEntry[] {
    return this.slice(this.sequence - this.count, this.count);
  }

  /** The entry `offset` places after the oldest held one, built from the columns. */
  private entryAt(offset: number): TranscriptEntry {
    const slot = (this.head + offset) % this.times.length;
    const kind = this.kinds[slot];
    const ref = this.refs[slot];
    if (kind === EVENT) {
      return ref as TranscriptEntry;
    }
    const seq = this.sequence - this.count + offset;
    const peer = this.peers[slot];
    const socketId = this.socketIds[slot];
    if (kind === ACCEPT) {
      return { seq, kind: 'accept', time: this.times[slot], mono: this.monos[slot], length: 0, peer, socketId, detail: ref as string | undefined };
    }
    return dataEntry(seq, kind, this.times[slot], this.monos[slot], this.lengths[slot], ref as Uint8Array | undefined, peer, socketId, this.sources[slot]);
  }

  private pushEvent(entry: TranscriptEntry): void {
    this.push(EVENT, entry.time, entry.mono, 0, entry, undefined, undefined, NO_SOURCE, 0);
  }

  private pushData(
    kind: number,
    time: number,
    mono: number,
    length: number,
    data: Uint8Array | undefined,
    peer: string | undefined,
    socketId: string | undefined,
    source: number,
  ): void {
    this.lastSeq = this.sequence;
    this.lastKind = kind;
    this.lastTime = time;
    this.lastMono = mono;
    this.lastLength = length;
    this.lastData = data;
    this.lastPeer = peer;
    this.lastSocketId = socketId;
    this.lastSource = source;
    this.push(kind, time, mono, length, data, peer, socketId, source, data?.byteLength ?? 0);
  }

  private push(
    kind: number,
    time: number,
    mono: number,
    length: number,
    ref: Uint8Array | TranscriptEntry | string | undefined,
    peer: string | undefined,
    socketId: string | undefined,
    source: number,
    bytes: number,
  ): void {
    this.evictUntilFits(1, bytes);
    if (this.count === this.times.length) {
      this.resize(Math.min(this.times.length * 2, this.currentLimits.maxEntries));
    }
    const end = this.head + this.count;
    const slot = end < this.times.length ? end : end - this.times.length;
    this.kinds[slot] = kind;
    this.times[slot] = time;
    this.monos[slot] = mono;
    this.lengths[slot] = length;
    this.sources[slot] = source;
    this.refs[slot] = ref;
    this.peers[slot] = peer;
    this.socketIds[slot] = socketId;
    this.sequence++;
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

  private allocate(capacity: number): void {
    this.times = new Float64Array(capacity);
    this.monos = new Float64Array(capacity);
    this.lengths = new Float64Array(capacity);
    this.sources = new Float64Array(capacity);
    this.kinds = new Uint8Array(capacity);
    this.refs = new Array<undefined>(capacity);
    this.peers = new Array<undefined>(capacity);
    this.socketIds = new Array<undefined>(capacity);
  }

  private resize(capacity: number): void {
    const { times, monos, lengths, sources, kinds, refs, peers, socketIds, head, count } = this;
    const length = times.length;
    this.allocate(capacity);
    for (let offset = 0; offset < count; offset++) {
      const from = (head + offset) % length;
      this.times[offset] = times[from];
      this.monos[offset] = monos[from];
      this.lengths[offset] = lengths[from];
      this.sources[offset] = sources[from];
      this.kinds[offset] = kinds[from];
      this.refs[offset] = refs[from];
      this.peers[offset] = peers[from];
      this.socketIds[offset] = socketIds[from];
    }
    this.head = 0;
  }
}

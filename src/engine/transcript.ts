/**
 * A socket's transcript: a bounded ring buffer of events with wall-clock and monotonic times.
 *
 * Bounded three ways: by entry count, by a budget of captured bytes over all entries, and by a
 * per-entry capture cap. What falls out (evicted entries, bytes not captured) is counted, so the UI
 * can say "1,234 older entries dropped" instead of losing data silently.
 *
 * On the data path of every socket, so no copies (only a cut capture is copied, so a 64 KiB prefix
 * does not pin a 1 GiB buffer) and no object per entry: columns (transcriptColumns.ts), one slot per
 * framed read (a run), and an entry object only when someone reads it. Rare events keep theirs.
 *
 * Budgets shared between transcripts (budget.ts): a server's transcript holds every byte its
 * connections hold (it mirrors them), so evicting a mirrored chunk there evicts it from the
 * connection too (`onEvictData`); and the top-level transcripts draw from one engine-wide pool.
 */
import { performance } from 'node:perf_hooks';
import type { TranscriptPool } from './budget';
import type { Direction, TranscriptBudget, TranscriptCounters, TranscriptEntry, TranscriptKind, TranscriptLimits } from './shared/types';
import { fitsCapture, TranscriptColumns, type SlotRef } from './transcriptColumns';
import { ACCEPT, DATA_IN, DATA_OUT, dataEntry, EVENT, NO_SOURCE, type EventFields, type RecordedRun, type TranscriptView } from './transcriptEntry';
import { DEFAULT_TRANSCRIPT_LIMITS, validateLimits } from './transcriptLimits';

export { DEFAULT_TRANSCRIPT_LIMITS, validateLimits } from './transcriptLimits';
export type { EventFields, TranscriptView } from './transcriptEntry';

export class Transcript implements TranscriptView {
  // Grows by doubling up to maxEntries, so idle sockets (10,000 accepted connections) do not each
  // reserve full-size columns.
  private columns = new TranscriptColumns(8);
  /** Entries held: a run counts each of its messages. */
  private count = 0;
  private heldBytes = 0;
  private sequence = 0;
  private evictedEntries = 0;
  private evictedBytes = 0;
  private truncatedEntries = 0;
  private truncatedBytes = 0;
  // The last single data entry recorded, as fields: what the engine's data event and a server's
  // mirror read, even when the pool evicted the entry at once.
  private lastSeq = -1;
  private lastKind = DATA_IN;
  private lastTime = 0;
  private lastMono = 0;
  private lastLength = 0;
  private lastSource = NO_SOURCE;
  private lastData: Uint8Array | undefined;
  private lastPeer: string | undefined;
  private lastSocketId: string | undefined;
  /** The last run recorded, for a server's mirrorRun. */
  private lastRun: RecordedRun | undefined;
  /** The engine-wide pool this transcript's bytes count against (top-level sockets only). */
  pool: TranscriptPool | undefined;
  /**
   * Called for each data entry this transcript evicts, or once for the oldest messages of a run
   * with the last one's seq; a server frees its connection's copy here, through `sourceSeq`.
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
    const columns = this.columns;
    if (columns.capacity > limits.maxEntries && columns.held <= limits.maxEntries) {
      this.columns = columns.resized(Math.max(8, columns.held));
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

  /** Whether recordRun can take these messages whole: none is over the capture cap. */
  fitsRun(cuts: ArrayLike<number>, count: number): boolean {
    return fitsCapture(cuts, count, this.currentLimits.captureBytes);
  }

  /**
   * Records the `count` messages one read completed, message i being `buffer[cuts[i], cuts[i + 1])`,
   * none over the capture cap (fitsRun): an entry each, all in one slot. The caller hands `buffer`
   * and `cuts` (`count + 1` long: kept, so no longer than that) over and must not change them afterwards.
   */
  recordRun(direction: Direction, buffer: Uint8Array, cuts: Float64Array, count: number, peer: string | undefined, time: number, mono: number): void {
    const run: RecordedRun = { firstSeq: this.sequence, kind: direction === 'in' ? DATA_IN : DATA_OUT, buffer, cuts, count, peer, time, mono };
    this.lastRun = run;
    this.pushRun(run, undefined, NO_SOURCE);
  }

  /** Adds the run `source` recorded last (a server mirrors its connections' framed reads); buffer and cuts are shared. */
  mirrorRun(source: Transcript, socketId: string): void {
    const run = source.lastRun;
    if (run !== undefined) {
      this.pushRun(run, socketId, run.firstSeq);
    }
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

  /** The last single data entry recorded or mirrored (not a run's), as an object (valid until the next one). */
  lastEntry(): TranscriptEntry {
    return dataEntry(this.lastSeq, this.lastKind, this.lastTime, this.lastMono, this.lastLength, this.lastData, this.lastPeer, this.lastSocketId, this.lastSource);
  }

  /**
   * Evicts (and counts) the oldest entries up to and including the one with `seq`: a server's budget
   * dropped that entry's bytes. Nothing happens if it is gone already.
   */
  evictThrough(seq: number): void {
    while (this.count > 0 && this.sequence - this.count <= seq) {
      this.evictHead(seq - (this.sequence - this.count) + 1);
    }
  }

  /** Monotonic time of the oldest entry, while the transcript holds captured bytes; else Infinity. */
  oldestHeldTime(): number {
    return this.heldBytes > 0 && this.count > 0 ? this.columns.mono(this.columns.head) : Number.POSITIVE_INFINITY;
  }

  /** Evicts and counts the oldest entry. */
  evictOldest(): void {
    if (this.count > 0) {
      this.evictHead(1);
    }
  }

  clear(): void {
    // Through the eviction path, so a server's connections and the pool let go of the bytes too.
    while (this.count > 0) {
      this.evictHead(this.count);
    }
    this.columns = new TranscriptColumns(8);
    this.heldBytes = 0;
    this.evictedEntries = 0;
    this.evictedBytes = 0;
    this.truncatedEntries = 0;
    this.truncatedBytes = 0;
    this.lastData = undefined;
    this.lastRun = undefined;
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
    const columns = this.columns;
    return columns.entry(columns.index(columns.offsetOf(seq, this.sequence - this.count)), seq);
  }

  slice(fromSeq: number, count: number): TranscriptEntry[] {
    const firstSeq = this.sequence - this.count;
    const startSeq = Math.max(firstSeq, Math.floor(fromSeq));
    const endSeq = Math.min(this.sequence, startSeq + Math.max(0, Math.floor(count)));
    return startSeq >= endSeq ? [] : this.columns.read(startSeq, endSeq, firstSeq);
  }

  entries(): TranscriptEntry[] {
    return this.slice(this.sequence - this.count, this.count);
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
    ref: SlotRef,
    peer: string | undefined,
    socketId: string | undefined,
    source: number,
    bytes: number,
  ): void {
    this.evictUntilFits(1, bytes);
    this.nextSlot(kind, time, mono, length, ref, peer, socketId, source, 1);
    this.count++;
    this.added(bytes);
  }

  /** One slot for the messages of one read (a run), evicting first what they need. */
  private pushRun(run: RecordedRun, socketId: string | undefined, source: number): void {
    const { cuts, count } = run;
    const bytes = cuts[count] - cuts[0];
    this.evictUntilFits(count, bytes);
    const slot = this.nextSlot(run.kind, run.time, run.mono, 0, run.buffer, run.peer, socketId, source, count);
    this.columns.setCuts(slot, cuts);
    this.count += count;
    this.added(bytes);
    if (this.count > this.currentLimits.maxEntries) {
      // More messages than the transcript keeps: the run's oldest go at once.
      this.evictUntilFits(0, 0);
    }
  }

  /** Fills the next free slot (growing the ring if full) and returns it. */
  private nextSlot(kind: number, time: number, mono: number, length: number, ref: SlotRef, peer: string | undefined, socketId: string | undefined, source: number, span: number): number {
    let columns = this.columns;
    if (columns.held === columns.capacity) {
      columns = this.columns = columns.resized(Math.min(columns.capacity * 2, Math.max(this.currentLimits.maxEntries, columns.held + 1)));
    }
    const slot = columns.push(kind, time, mono, length, ref, peer, socketId, source, this.sequence, span);
    this.sequence += span;
    return slot;
  }

  private added(bytes: number): void {
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
    while (this.count > 0) {
      const overEntries = this.count + entries - maxEntries;
      const overBytes = this.heldBytes + bytes - maxBytes;
      if (overEntries <= 0 && overBytes <= 0) {
        return;
      }
      this.evictHead(Math.max(1, overEntries, overBytes > 0 ? this.columns.headEntriesFreeing(overBytes) : 0));
    }
  }

  /** Evicts and counts up to `entries` (at least one) of the oldest slot's entries; a run gives up its oldest messages. */
  private evictHead(entries: number): void {
    const columns = this.columns;
    const head = columns.head;
    const kind = columns.kind(head);
    const span = columns.span(head);
    const cuts = columns.cuts(head);
    const evicted = Math.min(span, Math.max(1, entries));
    const lastSeq = columns.first(head) + evicted - 1;
    const socketId = columns.socketId(head);
    let source = columns.source(head);
    let bytes: number;
    if (cuts === undefined) {
      bytes = kind === DATA_IN || kind === DATA_OUT ? ((columns.ref(head) as Uint8Array | undefined)?.byteLength ?? 0) : 0;
    } else {
      const start = columns.start(head);
      bytes = cuts[start + evicted] - cuts[start];
      if (source !== NO_SOURCE) {
        source += start + evicted - 1;
      }
    }
    if (evicted === span) {
      columns.releaseHead();
    } else {
      columns.dropMessages(head, evicted);
    }
    this.count -= evicted;
    this.heldBytes -= bytes;
    this.evictedEntries += evicted;
    this.evictedBytes += bytes;
    if (bytes > 0) {
      if (this.pool !== undefined) {
        this.pool.heldBytes -= bytes;
      }
      this.onEvictData?.(lastSeq, socketId, source === NO_SOURCE ? undefined : source);
    }
  }
}

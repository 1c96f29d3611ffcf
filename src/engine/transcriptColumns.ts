/**
 * The ring of slots a transcript keeps its entries in, as columns: typed arrays for numbers, plain
 * arrays for references, so 10,000 entries are not 10,000 objects for the collector to move.
 *
 * A slot is one entry, or a run: the messages one framed read completed, which share that read's
 * buffer and one array of cuts. A 64 KiB read of 100-byte lines is then one slot, not 655, in the
 * connection's transcript and in its server's mirror alike.
 */
import type { TranscriptEntry } from './shared/types';
import { ACCEPT, dataEntry, EVENT, NO_SOURCE } from './transcriptEntry';

export type SlotRef = Uint8Array | TranscriptEntry | string | undefined;

/** Whether no message of a run (`cuts`, `count` messages) is over the capture cap `cap`. */
export function fitsCapture(cuts: ArrayLike<number>, count: number, cap: number): boolean {
  if (cuts[count] - cuts[0] <= cap) {
    return true;
  }
  for (let index = 0; index < count; index++) {
    if (cuts[index + 1] - cuts[index] > cap) {
      return false;
    }
  }
  return true;
}

export class TranscriptColumns {
  times: Float64Array;
  monos: Float64Array;
  /** A single entry's length; a run's messages have theirs in its cuts. */
  lengths: Float64Array;
  /** The seq a mirrored entry has in its source (of a run's message 0); NO_SOURCE when not mirrored. */
  sources: Float64Array;
  /** Seq of the slot's oldest held entry. */
  firsts: Float64Array;
  /** Entries the slot holds: 1, or a run's messages not yet evicted. */
  spans: Float64Array;
  /** A run's oldest held message, as an index into its cuts. */
  starts: Float64Array;
  kinds: Uint8Array;
  /** Per kind: the captured bytes (data; a run's whole buffer), the entry (event) or the detail (accept). */
  refs: SlotRef[];
  peers: Array<string | undefined>;
  socketIds: Array<string | undefined>;
  /** A run's cuts: message i is `refs[cuts[i], cuts[i + 1])`. Shared with a server's mirror, never changed. */
  cuts: Array<Float64Array | undefined>;
  /** The oldest held slot, how many slots are held, and how many of those are runs. */
  head = 0;
  held = 0;
  runs = 0;

  constructor(capacity: number) {
    this.times = new Float64Array(capacity);
    this.monos = new Float64Array(capacity);
    this.lengths = new Float64Array(capacity);
    this.sources = new Float64Array(capacity);
    this.firsts = new Float64Array(capacity);
    this.spans = new Float64Array(capacity);
    this.starts = new Float64Array(capacity);
    this.kinds = new Uint8Array(capacity);
    this.refs = new Array<undefined>(capacity);
    this.peers = new Array<undefined>(capacity);
    this.socketIds = new Array<undefined>(capacity);
    this.cuts = new Array<undefined>(capacity);
  }

  get capacity(): number {
    return this.times.length;
  }

  /** Where the slot `offset` places after the oldest sits in the arrays. */
  index(offset: number): number {
    // A compare, not `%`: an integer division per entry on the data path.
    const at = this.head + offset;
    return at < this.times.length ? at : at - this.times.length;
  }

  /** The offset of the held slot holding `seq`, which must be held; `firstSeq` is the oldest held. */
  offsetOf(seq: number, firstSeq: number): number {
    // Without runs a slot is an entry; runs hold many seqs, so then a binary search.
    if (this.runs === 0) {
      return seq - firstSeq;
    }
    let low = 0;
    let high = this.held - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.firsts[this.index(middle)] <= seq) {
        low = middle;
      } else {
        high = middle - 1;
      }
    }
    return low;
  }

  /** The held entries `startSeq` (the oldest is `firstSeq`) up to `endSeq`, exclusive, as objects. */
  read(startSeq: number, endSeq: number, firstSeq: number): TranscriptEntry[] {
    const result: TranscriptEntry[] = [];
    let offset = this.offsetOf(startSeq, firstSeq);
    let slot = this.index(offset);
    for (let seq = startSeq; seq < endSeq; seq++) {
      if (seq >= this.firsts[slot] + this.spans[slot]) {
        slot = this.index(++offset);
      }
      result.push(this.entry(slot, seq));
    }
    return result;
  }

  /** The entry `seq`, which the slot at `slot` holds, built from the columns. */
  entry(slot: number, seq: number): TranscriptEntry {
    const kind = this.kinds[slot];
    const ref = this.refs[slot];
    if (kind === EVENT) {
      return ref as TranscriptEntry;
    }
    const peer = this.peers[slot];
    const socketId = this.socketIds[slot];
    if (kind === ACCEPT) {
      return { seq, kind: 'accept', time: this.times[slot], mono: this.monos[slot], length: 0, peer, socketId, detail: ref as string | undefined };
    }
    const cuts = this.cuts[slot];
    if (cuts === undefined) {
      return dataEntry(seq, kind, this.times[slot], this.monos[slot], this.lengths[slot], ref as Uint8Array | undefined, peer, socketId, this.sources[slot]);
    }
    const message = this.starts[slot] + (seq - this.firsts[slot]);
    const from = cuts[message];
    const to = cuts[message + 1];
    const source = this.sources[slot];
    const data = (ref as Uint8Array).subarray(from, to);
    return dataEntry(seq, kind, this.times[slot], this.monos[slot], to - from, data, peer, socketId, source === NO_SOURCE ? NO_SOURCE : source + message);
  }

  /** How many of the oldest slot's entries free at least `bytes` (all of them if they cannot). */
  headEntriesFreeing(bytes: number): number {
    const head = this.head;
    const cuts = this.cuts[head];
    const span = this.spans[head];
    if (cuts === undefined) {
      return span;
    }
    // Cuts only grow: the first message boundary at least `bytes` past the oldest held message.
    const start = this.starts[head];
    const target = cuts[start] + bytes;
    let low = 1;
    let high = span;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (cuts[start + middle] >= target) {
        high = middle;
      } else {
        low = middle + 1;
      }
    }
    return low;
  }

  /** Drops the oldest slot: its references go to the collector. */
  releaseHead(): void {
    const head = this.head;
    if (this.cuts[head] !== undefined) {
      this.runs--;
    }
    this.refs[head] = undefined;
    this.peers[head] = undefined;
    this.socketIds[head] = undefined;
    this.cuts[head] = undefined;
    this.head = head + 1 === this.times.length ? 0 : head + 1;
    this.held--;
  }

  /** The same held slots in columns of `capacity` (at least `held`), oldest first. */
  resized(capacity: number): TranscriptColumns {
    const next = new TranscriptColumns(capacity);
    for (let offset = 0; offset < this.held; offset++) {
      const from = this.index(offset);
      next.times[offset] = this.times[from];
      next.monos[offset] = this.monos[from];
      next.lengths[offset] = this.lengths[from];
      next.sources[offset] = this.sources[from];
      next.firsts[offset] = this.firsts[from];
      next.spans[offset] = this.spans[from];
      next.starts[offset] = this.starts[from];
      next.kinds[offset] = this.kinds[from];
      next.refs[offset] = this.refs[from];
      next.peers[offset] = this.peers[from];
      next.socketIds[offset] = this.socketIds[from];
      next.cuts[offset] = this.cuts[from];
    }
    next.held = this.held;
    next.runs = this.runs;
    return next;
  }
}

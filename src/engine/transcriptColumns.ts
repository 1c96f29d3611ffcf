/**
 * The ring of slots a transcript keeps its entries in, as columns: a slot's numbers side by side in
 * one Float64Array (one cache line per slot), its references side by side in one plain array, so
 * 10,000 entries are not 10,000 objects for the collector to move, and recording or evicting an
 * entry touches two or three cache lines rather than one per column (a server with 100 busy
 * connections keeps 200 rings, far more than the caches hold).
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

// A slot's numbers, at slot * NUMBERS in `numbers`.
const TIME = 0;
const MONO = 1;
/** A single entry's length; a run's messages have theirs in its cuts. */
const LENGTH = 2;
/** The seq a mirrored entry has in its source (of a run's message 0); NO_SOURCE when not mirrored. */
const SOURCE = 3;
/** Seq of the slot's oldest held entry. */
const FIRST = 4;
/** Entries the slot holds: 1, or a run's messages not yet evicted. */
const SPAN = 5;
/** A run's oldest held message, as an index into its cuts. */
const START = 6;
const KIND = 7;
const NUMBERS = 8;
// A slot's references, at slot * OBJECTS in `objects`.
/** Per kind: the captured bytes (data; a run's whole buffer), the entry (event) or the detail (accept). */
const REF = 0;
const PEER = 1;
const SOCKET = 2;
/** A run's cuts: message i is `ref[cuts[i], cuts[i + 1])`. Shared with a server's mirror, never changed. */
const CUTS = 3;
const OBJECTS = 4;

export class TranscriptColumns {
  readonly capacity: number;
  private readonly numbers: Float64Array;
  private readonly objects: Array<SlotRef | Float64Array>;
  /** The oldest held slot, how many slots are held, and how many of those are runs. */
  head = 0;
  held = 0;
  runs = 0;

  constructor(capacity: number) {
    this.capacity = capacity;
    this.numbers = new Float64Array(capacity * NUMBERS);
    this.objects = new Array<undefined>(capacity * OBJECTS);
  }

  /** Where the slot `offset` places after the oldest sits in the ring. */
  index(offset: number): number {
    // A compare, not `%`: an integer division per entry on the data path.
    const at = this.head + offset;
    return at < this.capacity ? at : at - this.capacity;
  }

  kind(slot: number): number {
    return this.numbers[slot * NUMBERS + KIND];
  }

  mono(slot: number): number {
    return this.numbers[slot * NUMBERS + MONO];
  }

  source(slot: number): number {
    return this.numbers[slot * NUMBERS + SOURCE];
  }

  first(slot: number): number {
    return this.numbers[slot * NUMBERS + FIRST];
  }

  span(slot: number): number {
    return this.numbers[slot * NUMBERS + SPAN];
  }

  start(slot: number): number {
    return this.numbers[slot * NUMBERS + START];
  }

  ref(slot: number): SlotRef {
    return this.objects[slot * OBJECTS + REF] as SlotRef;
  }

  socketId(slot: number): string | undefined {
    return this.objects[slot * OBJECTS + SOCKET] as string | undefined;
  }

  cuts(slot: number): Float64Array | undefined {
    return this.objects[slot * OBJECTS + CUTS] as Float64Array | undefined;
  }

  /** Fills the next free slot (the caller grew the ring if it was full) and returns it; a run then adds its cuts. */
  push(kind: number, time: number, mono: number, length: number, ref: SlotRef, peer: string | undefined, socketId: string | undefined, source: number, first: number, span: number): number {
    const slot = this.index(this.held);
    const numbers = this.numbers;
    const at = slot * NUMBERS;
    numbers[at + TIME] = time;
    numbers[at + MONO] = mono;
    numbers[at + LENGTH] = length;
    numbers[at + SOURCE] = source;
    numbers[at + FIRST] = first;
    numbers[at + SPAN] = span;
    numbers[at + START] = 0;
    numbers[at + KIND] = kind;
    const objects = this.objects;
    const base = slot * OBJECTS;
    objects[base + REF] = ref;
    objects[base + PEER] = peer;
    objects[base + SOCKET] = socketId;
    // CUTS stays undefined (released slots are cleared) unless setCuts makes the slot a run.
    this.held++;
    return slot;
  }

  setCuts(slot: number, cuts: Float64Array): void {
    this.objects[slot * OBJECTS + CUTS] = cuts;
    this.runs++;
  }

  /** A run at `slot` gives up its oldest `evicted` messages (not all of them). */
  dropMessages(slot: number, evicted: number): void {
    const at = slot * NUMBERS;
    this.numbers[at + START] += evicted;
    this.numbers[at + FIRST] += evicted;
    this.numbers[at + SPAN] -= evicted;
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
      if (this.first(this.index(middle)) <= seq) {
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
      if (seq >= this.first(slot) + this.span(slot)) {
        slot = this.index(++offset);
      }
      result.push(this.entry(slot, seq));
    }
    return result;
  }

  /** The entry `seq`, which the slot at `slot` holds, built from the columns. */
  entry(slot: number, seq: number): TranscriptEntry {
    const at = slot * NUMBERS;
    const numbers = this.numbers;
    const kind = numbers[at + KIND];
    const ref = this.ref(slot);
    if (kind === EVENT) {
      return ref as TranscriptEntry;
    }
    const base = slot * OBJECTS;
    const peer = this.objects[base + PEER] as string | undefined;
    const socketId = this.objects[base + SOCKET] as string | undefined;
    const time = numbers[at + TIME];
    const mono = numbers[at + MONO];
    if (kind === ACCEPT) {
      return { seq, kind: 'accept', time, mono, length: 0, peer, socketId, detail: ref as string | undefined };
    }
    const cuts = this.cuts(slot);
    if (cuts === undefined) {
      return dataEntry(seq, kind, time, mono, numbers[at + LENGTH], ref as Uint8Array | undefined, peer, socketId, numbers[at + SOURCE]);
    }
    const message = numbers[at + START] + (seq - numbers[at + FIRST]);
    const from = cuts[message];
    const to = cuts[message + 1];
    const source = numbers[at + SOURCE];
    const data = (ref as Uint8Array).subarray(from, to);
    return dataEntry(seq, kind, time, mono, to - from, data, peer, socketId, source === NO_SOURCE ? NO_SOURCE : source + message);
  }

  /** How many of the oldest slot's entries free at least `bytes` (all of them if they cannot). */
  headEntriesFreeing(bytes: number): number {
    const head = this.head;
    const cuts = this.cuts(head);
    const span = this.span(head);
    if (cuts === undefined) {
      return span;
    }
    // Cuts only grow: the first message boundary at least `bytes` past the oldest held message.
    const start = this.start(head);
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
    const objects = this.objects;
    const base = head * OBJECTS;
    if (objects[base + CUTS] !== undefined) {
      this.runs--;
    }
    objects[base + REF] = undefined;
    objects[base + PEER] = undefined;
    objects[base + SOCKET] = undefined;
    objects[base + CUTS] = undefined;
    this.head = head + 1 === this.capacity ? 0 : head + 1;
    this.held--;
  }

  /** The same held slots in columns of `capacity` (at least `held`), oldest first. */
  resized(capacity: number): TranscriptColumns {
    const next = new TranscriptColumns(capacity);
    for (let offset = 0; offset < this.held; offset++) {
      const from = this.index(offset);
      next.numbers.set(this.numbers.subarray(from * NUMBERS, (from + 1) * NUMBERS), offset * NUMBERS);
      for (let field = 0; field < OBJECTS; field++) {
        next.objects[offset * OBJECTS + field] = this.objects[from * OBJECTS + field];
      }
    }
    next.held = this.held;
    next.runs = this.runs;
    return next;
  }
}

/**
 * How a recording's entries travel to its worker (recorderWorker.ts): in batches, never one message
 * per entry. A batch is one transferable ArrayBuffer (~1 MiB) holding the captured bytes of several
 * entries back to back, a Float64Array of their numeric fields, and the few strings they name
 * (peers and connection ids, each once per batch). A run of entries lost to backpressure is one
 * record, so a flood the disk cannot take costs no memory per entry.
 */
import type { Direction, TranscriptEntry, TranscriptKind } from './shared/types';
import type { EngineErrorInfo } from './shared/errors';

/** A batch's data buffer; an entry larger than this travels in a buffer of its own. */
export const BATCH_BYTES = 1024 * 1024;
/** What an entry costs against maxPendingBytes besides its bytes: its metadata and packet headers. */
export const ENTRY_OVERHEAD = 64;

const KINDS: readonly TranscriptKind[] = ['open', 'listen', 'connect', 'accept', 'data', 'error', 'close', 'info'];
const DIRECTIONS: readonly (Direction | undefined)[] = [undefined, 'in', 'out'];

// The numeric fields of one record.
const SEQ = 0;
const KIND = 1;
const DIRECTION = 2;
const TIME = 3;
const MONO = 4;
const LENGTH = 5;
const OFFSET = 6;
const SIZE = 7;
const SOURCE_SEQ = 8;
const PEER = 9;
const SOCKET = 10;
/** For an entry: the index of its rare fields (code, detail, error), or -1; for a lost run: its count. */
const EXTRA = 11;
const FIELDS = 12;
/** Added to KIND for a run of lost entries. */
const LOST = 16;

interface Extras {
  readonly code?: string;
  readonly detail?: string;
  readonly error?: EngineErrorInfo;
}

/** A batch as posted: `buffer` is transferred, the rest is cloned. */
export interface BatchMessage {
  readonly type: 'batch';
  readonly buffer: ArrayBuffer;
  /** Bytes of `buffer` in use. */
  readonly used: number;
  readonly records: Float64Array;
  readonly count: number;
  readonly strings: readonly string[];
  readonly extras: readonly Extras[];
  /** What the batch counts against maxPendingBytes; the worker hands it back once written. */
  readonly cost: number;
}

/** One decoded record: an entry to write, or a run of `lost` entries (their `length` summed). */
export interface BatchItem {
  readonly entry: TranscriptEntry;
  readonly lost: number;
}

/** Builds one batch on the main thread. */
export class BatchBuilder {
  private records = new Float64Array(FIELDS * 256);
  private count = 0;
  private used = 0;
  private cost = 0;
  private strings: string[] = [];
  private stringIndex = new Map<string, number>();
  private extras: Extras[] = [];
  /** The last record, if it is a lost run that another lost entry can join. */
  private lostRun = -1;

  /** One view of the whole buffer: entries are copied in at their offsets, no view made per entry. */
  private readonly bytes: Uint8Array;

  constructor(private readonly buffer: ArrayBuffer) {
    this.bytes = new Uint8Array(buffer);
  }

  get size(): number {
    return this.count;
  }

  /** Whether `bytes` more captured bytes fit (an empty batch takes anything: its buffer was sized for it). */
  fits(bytes: number): boolean {
    return this.count === 0 || this.used + bytes <= this.buffer.byteLength;
  }

  /** Copies the entry's bytes in (8-byte aligned, so the checksum reads whole words); returns its cost. */
  add(entry: TranscriptEntry): number {
    const data = entry.data;
    const size = data?.byteLength ?? 0;
    const record = this.next();
    if (data !== undefined) {
      this.bytes.set(data, this.used);
      this.records[record + OFFSET] = this.used;
      this.used = (this.used + size + 7) & ~7;
    } else {
      this.records[record + OFFSET] = -1;
    }
    this.fill(record, entry, KINDS.indexOf(entry.kind));
    this.records[record + SIZE] = size;
    const { code, detail, error } = entry;
    if (code !== undefined || detail !== undefined || error !== undefined) {
      this.records[record + EXTRA] = this.extras.push({ code, detail, error }) - 1;
    } else {
      this.records[record + EXTRA] = -1;
    }
    this.lostRun = -1;
    const cost = size + ENTRY_OVERHEAD;
    this.cost += cost;
    return cost;
  }

  /** An entry the file will not get: joins the previous lost run if it is of the same flow. */
  lose(entry: TranscriptEntry): void {
    const run = this.lostRun;
    const kind = KINDS.indexOf(entry.kind) + LOST;
    if (
      run >= 0 &&
      this.records[run + KIND] === kind &&
      this.records[run + DIRECTION] === DIRECTIONS.indexOf(entry.direction) &&
      this.records[run + PEER] === this.string(entry.peer) &&
      this.records[run + SOCKET] === this.string(entry.socketId)
    ) {
      this.records[run + LENGTH] += entry.length;
      this.records[run + EXTRA] += 1;
      return;
    }
    const record = this.next();
    this.fill(record, entry, kind);
    this.records[record + OFFSET] = -1;
    this.records[record + SIZE] = 0;
    this.records[record + EXTRA] = 1;
    this.lostRun = record;
  }

  /** The message to post, with the buffer to transfer. */
  message(): BatchMessage {
    return {
      type: 'batch',
      buffer: this.buffer,
      used: this.used,
      records: this.records.slice(0, this.count * FIELDS),
      count: this.count,
      strings: this.strings,
      extras: this.extras,
      cost: this.cost,
    };
  }

  private next(): number {
    if ((this.count + 1) * FIELDS > this.records.length) {
      const grown = new Float64Array(this.records.length * 2);
      grown.set(this.records);
      this.records = grown;
    }
    return this.count++ * FIELDS;
  }

  private fill(record: number, entry: TranscriptEntry, kind: number): void {
    const records = this.records;
    records[record + SEQ] = entry.seq;
    records[record + KIND] = kind;
    records[record + DIRECTION] = DIRECTIONS.indexOf(entry.direction);
    records[record + TIME] = entry.time;
    records[record + MONO] = entry.mono;
    records[record + LENGTH] = entry.length;
    records[record + SOURCE_SEQ] = entry.sourceSeq ?? -1;
    records[record + PEER] = this.string(entry.peer);
    records[record + SOCKET] = this.string(entry.socketId);
  }

  private string(value: string | undefined): number {
    if (value === undefined) {
      return -1;
    }
    let index = this.stringIndex.get(value);
    if (index === undefined) {
      index = this.strings.push(value) - 1;
      this.stringIndex.set(value, index);
    }
    return index;
  }
}

/** The worker's side: the batch's entries in order, their data viewing the batch's buffer. */
export function* batchItems(batch: BatchMessage): Generator<BatchItem> {
  const { records, strings, extras, buffer } = batch;
  for (let index = 0; index < batch.count; index++) {
    const record = index * FIELDS;
    const kindCode = records[record + KIND];
    const lost = kindCode >= LOST;
    const offset = records[record + OFFSET];
    const extra = lost ? undefined : extras[records[record + EXTRA]];
    const sourceSeq = records[record + SOURCE_SEQ];
    const entry: TranscriptEntry = {
      seq: records[record + SEQ],
      kind: KINDS[lost ? kindCode - LOST : kindCode],
      direction: DIRECTIONS[records[record + DIRECTION]],
      time: records[record + TIME],
      mono: records[record + MONO],
      peer: strings[records[record + PEER]],
      socketId: strings[records[record + SOCKET]],
      sourceSeq: sourceSeq < 0 ? undefined : sourceSeq,
      length: records[record + LENGTH],
      data: offset < 0 ? undefined : new Uint8Array(buffer, offset, records[record + SIZE]),
      code: extra?.code,
      detail: extra?.detail,
      error: extra?.error,
    };
    yield { entry, lost: lost ? records[record + EXTRA] : 0 };
  }
}

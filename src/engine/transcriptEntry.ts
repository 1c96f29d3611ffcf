/** How a transcript's columns name an entry's kind, the entry object built from a slot, and the shapes transcripts share. */
import type { EngineErrorInfo } from './shared/errors';
import type { Direction, TranscriptCounters, TranscriptEntry, TranscriptLimits } from './shared/types';

/** What a slot of the columns holds. */
export const EVENT = 0;
export const DATA_IN = 1;
export const DATA_OUT = 2;
export const ACCEPT = 3;
/** `sources` of an entry that was not mirrored from another transcript. */
export const NO_SOURCE = -1;

/** A data entry as one literal, so all its fields sit in the object; `sourceSeq` only when mirrored. */
export function dataEntry(
  seq: number,
  kind: number,
  time: number,
  mono: number,
  length: number,
  data: Uint8Array | undefined,
  peer: string | undefined,
  socketId: string | undefined,
  source: number,
): TranscriptEntry {
  const direction: Direction = kind === DATA_OUT ? 'out' : 'in';
  return source === NO_SOURCE
    ? { seq, kind: 'data', direction, time, mono, peer, socketId, length, data }
    : { seq, kind: 'data', direction, time, mono, peer, socketId, sourceSeq: source, length, data };
}

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

/** The messages of one framed read, as a connection recorded them and its server mirrors them. */
export interface RecordedRun {
  readonly firstSeq: number;
  readonly kind: number;
  readonly buffer: Uint8Array;
  readonly cuts: Float64Array;
  readonly count: number;
  readonly peer: string | undefined;
  readonly time: number;
  readonly mono: number;
}

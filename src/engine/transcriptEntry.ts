/** How a transcript's columns name an entry's kind, and the entry object built from a slot. */
import type { Direction, TranscriptEntry } from './shared/types';

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


/**
 * Message framing of a byte stream: raw (every read is a message), line (LF; a CR before it is part
 * of the ending), delimiter, length prefix and fixed size. Pure: it is fed chunks and returns whole
 * messages, keeping the partial one pending (counted), so it is tested in plain Node.
 *
 * A frame longer than maxFrame is an error: the framer then stops (it cannot know where the next
 * frame starts) and the caller (stream.ts) resets the connection.
 */
import type { Buffer } from 'node:buffer';
import { asBuffer, concat, endAfter, FIELD_BYTES, indexOf, readField } from './framingBytes';
import type { LengthFormat } from './shared/types';

export type { LengthFormat } from './shared/types';
export { lengthPrefix } from './framingBytes';

export type Framing =
  | { readonly mode: 'raw' }
  | { readonly mode: 'line' }
  | { readonly mode: 'delimiter'; readonly delimiter: Uint8Array }
  | {
      readonly mode: 'length';
      readonly length: LengthFormat;
      /** Bytes before the length field (kept in the message). */
      readonly lengthOffset?: number;
      /** Added to the field's value to get the bytes that follow the field. */
      readonly lengthAdjust?: number;
      /** The field's value counts the header (offset bytes and the field) too. */
      readonly lengthIncludesHeader?: boolean;
    }
  | { readonly mode: 'fixed'; readonly size: number };

export const DEFAULT_MAX_FRAME = 16 * 1024 * 1024;

export interface FramedMessage {
  /** The whole frame as received (prefix and delimiter included). */
  readonly data: Uint8Array;
  /** The line ending or delimiter at the end, if any (`\r\n` or `\n` for lines). */
  readonly ending?: Uint8Array;
}

/**
 * The messages one chunk completed: `first` (the pending message the chunk finished, if any), then
 * message i is `buffer[cuts[i], cuts[i + 1])`. The object is reused by the next chunk; its `cuts`
 * are not (a transcript keeps them): each chunk's are an array of their own, of their exact size.
 */
export interface MessageRun {
  first: Uint8Array | undefined;
  buffer: Uint8Array;
  cuts: Float64Array;
  count: number;
}

export class FrameTooLarge extends Error {
  constructor(
    readonly size: number,
    readonly max: number,
    /** The whole messages the same push completed before the oversize frame. */
    readonly messages: readonly FramedMessage[] = [],
  ) {
    super(`frame of ${size} bytes exceeds the maximum of ${max}`);
  }
}

// Shared by every line message: the ending is read, never changed.
const CRLF = Uint8Array.of(0x0d, 0x0a);
const LF = Uint8Array.of(0x0a);

/**
 * Where every framer writes a chunk's cuts before they are copied out at their exact size: one
 * array for all framers (a chunk is cut synchronously), grown to the largest chunk's count. A view
 * of a bigger shared array would pin it for as long as any run of it is kept.
 */
let scratch: Float64Array = new Float64Array(1024);

/** Twice the room in the shared cuts, the ones written so far kept. */
function growScratch(): Float64Array {
  const next = new Float64Array(scratch.length * 2);
  next.set(scratch);
  scratch = next;
  return next;
}

export class Framer {
  private pending: Uint8Array[] = [];
  private pendingLength = 0;
  private failed = false;
  /** Length and fixed framing: the bytes the pending frame needs before it can complete (header or whole frame). */
  private needed = 0;
  /** What cut() returns, reused: no object per chunk or message. */
  readonly run: MessageRun = { first: undefined, buffer: new Uint8Array(0), cuts: new Float64Array(1), count: 0 };

  constructor(
    readonly framing: Framing,
    readonly maxFrame = DEFAULT_MAX_FRAME,
  ) {}

  /** Bytes of the message not yet complete. */
  get pendingBytes(): number {
    return this.pendingLength;
  }

  /** Hands over the bytes of the incomplete message and forgets them (a framing change flushes them). */
  takePending(): Uint8Array | undefined {
    if (this.pendingLength === 0) {
      return undefined;
    }
    const data = this.pending.length === 1 ? this.pending[0] : concat(this.pending, this.pendingLength);
    this.pending = [];
    this.pendingLength = 0;
    return data;
  }

  /** Feeds a chunk; returns the messages it completes. Throws FrameTooLarge (then stops for good). */
  push(chunk: Uint8Array): FramedMessage[] {
    let failure: unknown;
    try {
      this.cut(chunk);
    } catch (error) {
      failure = error;
    }
    // Also when an oversize frame threw: the messages before it are whole, and go with the error.
    const { first, buffer, cuts, count } = this.run;
    const pieces = first === undefined ? [] : [first];
    for (let index = 0; index < count; index++) {
      pieces.push(buffer.subarray(cuts[index], cuts[index + 1]));
    }
    const messages = pieces.map((data): FramedMessage => {
      const ending = this.endingOf(data);
      return ending === undefined ? { data } : { data, ending };
    });
    if (failure !== undefined) {
      throw failure instanceof FrameTooLarge ? new FrameTooLarge(failure.size, failure.max, messages) : failure;
    }
    return messages;
  }

  /**
   * Feeds a chunk; returns the messages it completes as a run of cuts in one buffer (the data path
   * of a framed socket: no view or object per message). The run is valid until the next call.
   * Throws FrameTooLarge, with `run` holding the messages before the oversize frame.
   */
  cut(chunk: Uint8Array): MessageRun {
    const run = this.run;
    run.count = 0;
    run.first = undefined;
    if (this.failed) {
      return run;
    }
    if (this.framing.mode === 'raw') {
      if (chunk.byteLength > 0) {
        run.buffer = chunk;
        run.cuts = Float64Array.of(0, chunk.byteLength);
        run.count = 1;
      }
      return run;
    }
    if (chunk.byteLength === 0 && this.pendingLength === 0) {
      return run;
    }
    // Where the pending frame ends in this chunk, when that is cheap to know (-1: not, or unknown).
    const end = this.pendingLength > 0 ? this.pendingEnd(chunk) : -1;
    if (this.pendingLength > 0 && end < 0 && this.cannotComplete(chunk)) {
      // A big frame arriving in pieces: keep the pieces, copy them once when the frame is whole.
      this.pending.push(chunk);
      this.pendingLength += chunk.byteLength;
      if (this.pendingLength > this.maxFrame) {
        this.fail(this.pendingLength);
      }
      return run;
    }
    let rest = chunk;
    if (end >= 0) {
      // The pending message ends early in this chunk: only it is copied, not the whole chunk.
      this.pending.push(chunk.subarray(0, end));
      run.first = concat(this.pending, this.pendingLength + end);
      this.pending = [];
      this.pendingLength = 0;
      rest = chunk.subarray(end);
    }
    if (rest.byteLength > 0) {
      this.pending.push(rest);
      this.pendingLength += rest.byteLength;
    }
    this.needed = 0;
    if (this.pendingLength === 0) {
      return run;
    }
    // Node's indexOf (memchr) rather than the typed array's: several times faster per line.
    const buffer = asBuffer(this.pending.length === 1 ? this.pending[0] : concat(this.pending, this.pendingLength));
    // Nothing is pending while the frames are cut: a FrameTooLarge leaves the framer empty.
    this.pending = [];
    this.pendingLength = 0;
    run.buffer = buffer;
    const start = this.framing.mode === 'line' ? this.cutLines(buffer) : this.cutFrames(buffer);
    const tail = buffer.subarray(start);
    this.pending = tail.byteLength === 0 ? [] : [tail];
    this.pendingLength = tail.byteLength;
    if (this.pendingLength > this.maxFrame && this.framing.mode !== 'length') {
      this.fail(this.pendingLength);
    }
    return run;
  }

  /** A whole message's line ending or delimiter (`\r\n` or `\n` for lines). */
  private endingOf(data: Uint8Array): Uint8Array | undefined {
    switch (this.framing.mode) {
      case 'line':
        return data.byteLength > 1 && data[data.byteLength - 2] === 0x0d ? CRLF : LF;
      case 'delimiter':
        return this.framing.delimiter;
      default:
        return undefined;
    }
  }

  /** Cuts the lines of `buffer` into the run; returns where the unfinished rest starts. */
  private cutLines(buffer: Buffer): number {
    let cuts = scratch;
    let count = 0;
    let start = 0;
    cuts[0] = 0;
    // The hot loop of line framing: memchr and one store per line.
    for (let index = buffer.indexOf(0x0a, 0); index >= 0; index = buffer.indexOf(0x0a, start)) {
      if (count + 1 === cuts.length) {
        cuts = growScratch();
      }
      start = index + 1;
      cuts[++count] = start;
    }
    this.endRun(count);
    return start;
  }

  /** Cuts the frames of `buffer` into the run; returns where the unfinished rest starts. */
  private cutFrames(buffer: Uint8Array): number {
    let count = 0;
    let start = 0;
    scratch[0] = 0;
    try {
      for (let end = this.frameEnd(buffer, start); end >= 0; end = this.frameEnd(buffer, start)) {
        if (count + 1 === scratch.length) {
          growScratch();
        }
        scratch[++count] = end;
        start = end;
      }
    } finally {
      // Also when an oversize frame threw: the run holds the frames before it.
      this.endRun(count);
    }
    return start;
  }

  private endRun(count: number): void {
    this.run.count = count;
    if (count > 0) {
      this.run.cuts = scratch.slice(0, count + 1);
    }
  }

  /**
   * Where in `chunk` the pending frame ends, when that is cheap to know (line, a one-byte delimiter,
   * fixed size); -1 otherwise, and the pending bytes and the chunk are then joined whole.
   */
  private pendingEnd(chunk: Uint8Array): number {
    const framing = this.framing;
    switch (framing.mode) {
      case 'line':
        return endAfter(chunk, 0x0a);
      case 'delimiter':
        return framing.delimiter.byteLength === 1 ? endAfter(chunk, framing.delimiter[0]) : -1;
      case 'fixed':
        return this.needed > this.pendingLength && this.needed - this.pendingLength <= chunk.byteLength ? this.needed - this.pendingLength : -1;
      default:
        return -1;
    }
  }

  /**
   * True when `chunk` added to the pending bytes cannot complete the pending frame. Asked only when
   * pendingEnd found no end, which for a line or a one-byte delimiter already settles it.
   */
  private cannotComplete(chunk: Uint8Array): boolean {
    const framing = this.framing;
    switch (framing.mode) {
      case 'length':
      case 'fixed':
        return this.pendingLength + chunk.byteLength < this.needed;
      case 'line':
        return true;
      case 'delimiter': {
        const delimiter = framing.delimiter;
        if (delimiter.byteLength === 1) {
          return true;
        }
        if (indexOf(chunk, delimiter, 0) >= 0) {
          return false;
        }
        // The delimiter may straddle the pending tail (maybe several small pieces) and the new chunk.
        const tail: Uint8Array[] = [chunk.subarray(0, delimiter.byteLength - 1)];
        let tailLength = 0;
        for (let index = this.pending.length - 1; index >= 0 && tailLength < delimiter.byteLength - 1; index--) {
          const piece = this.pending[index];
          const part = piece.subarray(Math.max(0, piece.byteLength - (delimiter.byteLength - 1 - tailLength)));
          tail.unshift(part);
          tailLength += part.byteLength;
        }
        return indexOf(concat(tail, -1), delimiter, 0) < 0;
      }
      case 'raw':
        return false;
    }
  }

  private fail(size: number): never {
    this.failed = true;
    this.pending = [];
    this.pendingLength = 0;
    throw new FrameTooLarge(size, this.maxFrame);
  }

  /** Where the frame starting at `start` ends, if it is complete; -1 if not. */
  private frameEnd(buffer: Uint8Array, start: number): number {
    const framing = this.framing;
    switch (framing.mode) {
      case 'raw':
        return -1;
      case 'line': {
        const index = buffer.indexOf(0x0a, start);
        return index < 0 ? -1 : index + 1;
      }
      case 'delimiter': {
        const index = indexOf(buffer, framing.delimiter, start);
        return index < 0 ? -1 : index + framing.delimiter.byteLength;
      }
      case 'fixed':
        if (buffer.byteLength - start >= framing.size) {
          return start + framing.size;
        }
        this.needed = framing.size;
        return -1;
      case 'length': {
        const offset = framing.lengthOffset ?? 0;
        const fieldBytes = FIELD_BYTES[framing.length];
        const header = offset + fieldBytes;
        if (buffer.byteLength - start < header) {
          this.needed = header;
          return -1;
        }
        const value = readField(buffer, start + offset, framing.length);
        const total = framing.lengthIncludesHeader === true ? value + (framing.lengthAdjust ?? 0) : header + value + (framing.lengthAdjust ?? 0);
        if (total > this.maxFrame) {
          this.fail(total);
        }
        // A length that says less than its own header cannot frame anything: treat it as too large to be valid.
        if (total < header) {
          this.fail(total);
        }
        if (buffer.byteLength - start >= total) {
          return start + total;
        }
        this.needed = total;
        return -1;
      }
    }
  }
}

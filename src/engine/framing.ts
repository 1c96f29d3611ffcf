/**
 * Message framing of a byte stream: raw (every read is a message), line (LF; a CR before it is part
 * of the ending), delimiter, length prefix and fixed size. Pure: it is fed chunks and returns whole
 * messages, keeping the partial one pending (counted), so it is tested in plain Node.
 *
 * A frame longer than maxFrame is an error: the framer then stops (it cannot know where the next
 * frame starts) and the caller resets the connection. Not yet hooked into stream.ts (see issue 14).
 */

export type LengthFormat = 'u8' | 'u16be' | 'u16le' | 'u32be' | 'u32le';

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

export class FrameTooLarge extends Error {
  constructor(readonly size: number, readonly max: number) {
    super(`frame of ${size} bytes exceeds the maximum of ${max}`);
  }
}

const FIELD_BYTES: Record<LengthFormat, number> = { u8: 1, u16be: 2, u16le: 2, u32be: 4, u32le: 4 };

function readField(bytes: Uint8Array, offset: number, format: LengthFormat): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset + offset, FIELD_BYTES[format]);
  switch (format) {
    case 'u8':
      return view.getUint8(0);
    case 'u16be':
      return view.getUint16(0, false);
    case 'u16le':
      return view.getUint16(0, true);
    case 'u32be':
      return view.getUint32(0, false);
    case 'u32le':
      return view.getUint32(0, true);
  }
}

/** The length prefix for a payload (`prefix=1` on send), or undefined if it does not fit the field. */
export function lengthPrefix(framing: Extract<Framing, { mode: 'length' }>, payloadLength: number): Uint8Array | undefined {
  const fieldBytes = FIELD_BYTES[framing.length];
  const header = (framing.lengthOffset ?? 0) + fieldBytes;
  const value = payloadLength - (framing.lengthAdjust ?? 0) + (framing.lengthIncludesHeader === true ? header : 0);
  if (value < 0 || value >= 2 ** (8 * fieldBytes)) {
    return undefined;
  }
  const bytes = new Uint8Array(header);
  const view = new DataView(bytes.buffer, framing.lengthOffset ?? 0, fieldBytes);
  switch (framing.length) {
    case 'u8':
      view.setUint8(0, value);
      break;
    case 'u16be':
      view.setUint16(0, value, false);
      break;
    case 'u16le':
      view.setUint16(0, value, true);
      break;
    case 'u32be':
      view.setUint32(0, value, false);
      break;
    case 'u32le':
      view.setUint32(0, value, true);
      break;
  }
  return bytes;
}

export class Framer {
  private pending: Uint8Array[] = [];
  private pendingLength = 0;
  private failed = false;

  constructor(
    readonly framing: Framing,
    readonly maxFrame = DEFAULT_MAX_FRAME,
  ) {}

  /** Bytes of the message not yet complete. */
  get pendingBytes(): number {
    return this.pendingLength;
  }

  /** Feeds a chunk; returns the messages it completes. Throws FrameTooLarge (then stops for good). */
  push(chunk: Uint8Array): FramedMessage[] {
    if (this.failed) {
      return [];
    }
    if (this.framing.mode === 'raw') {
      return chunk.byteLength === 0 ? [] : [{ data: chunk }];
    }
    if (chunk.byteLength > 0) {
      this.pending.push(chunk);
      this.pendingLength += chunk.byteLength;
    }
    const buffer = this.pending.length === 1 ? this.pending[0] : concat(this.pending, this.pendingLength);
    const messages: FramedMessage[] = [];
    let start = 0;
    for (;;) {
      const end = this.frameEnd(buffer, start);
      if (end === undefined) {
        break;
      }
      const data = buffer.subarray(start, end.end);
      messages.push(end.ending === undefined ? { data } : { data, ending: end.ending });
      start = end.end;
    }
    const rest = buffer.subarray(start);
    this.pending = rest.byteLength === 0 ? [] : [rest];
    this.pendingLength = rest.byteLength;
    if (this.pendingLength > this.maxFrame && this.framing.mode !== 'length') {
      this.fail(this.pendingLength);
    }
    return messages;
  }

  private fail(size: number): never {
    this.failed = true;
    this.pending = [];
    this.pendingLength = 0;
    throw new FrameTooLarge(size, this.maxFrame);
  }

  /** Where the frame starting at `start` ends, if it is complete. */
  private frameEnd(buffer: Uint8Array, start: number): { end: number; ending?: Uint8Array } | undefined {
    const framing = this.framing;
    switch (framing.mode) {
      case 'raw':
        return undefined;
      case 'line': {
        const index = buffer.indexOf(0x0a, start);
        if (index < 0) {
          return undefined;
        }
        const crlf = index > start && buffer[index - 1] === 0x0d;
        return { end: index + 1, ending: crlf ? Uint8Array.of(0x0d, 0x0a) : Uint8Array.of(0x0a) };
      }
      case 'delimiter': {
        const index = indexOf(buffer, framing.delimiter, start);
        return index < 0 ? undefined : { end: index + framing.delimiter.byteLength, ending: framing.delimiter };
      }
      case 'fixed':
        return buffer.byteLength - start >= framing.size ? { end: start + framing.size } : undefined;
      case 'length': {
        const offset = framing.lengthOffset ?? 0;
        const fieldBytes = FIELD_BYTES[framing.length];
        const header = offset + fieldBytes;
        if (buffer.byteLength - start < header) {
          return undefined;
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
        return buffer.byteLength - start >= total ? { end: start + total } : undefined;
      }
    }
  }
}

function concat(parts: readonly Uint8Array[], length: number): Uint8Array {
  const result = new Uint8Array(length);
  let offset = 0;
  for (const part of parts) {
    result.set(part, offset);
    offset += part.byteLength;
  }
  return result;
}

function indexOf(buffer: Uint8Array, needle: Uint8Array, from: number): number {
  if (needle.byteLength === 0) {
    return -1;
  }
  for (let index = buffer.indexOf(needle[0], from); index >= 0 && index + needle.byteLength <= buffer.byteLength; index = buffer.indexOf(needle[0], index + 1)) {
    let match = true;
    for (let offset = 1; offset < needle.byteLength; offset++) {
      if (buffer[index + offset] !== needle[offset]) {
        match = false;
        break;
      }
    }
    if (match) {
      return index;
    }
  }
  return -1;
}

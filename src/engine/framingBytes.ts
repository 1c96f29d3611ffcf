/** The byte work of framing: length fields, searching and joining pieces. Pure, like framing.ts. */
import { Buffer } from 'node:buffer';
import type { Framing } from './framing';
import type { LengthFormat } from './shared/types';

export const FIELD_BYTES: Record<LengthFormat, number> = { u8: 1, u16be: 2, u16le: 2, u32be: 4, u32le: 4 };

/** The length field's value; read byte by byte (a DataView per frame would be garbage per message). */
export function readField(bytes: Uint8Array, offset: number, format: LengthFormat): number {
  switch (format) {
    case 'u8':
      return bytes[offset];
    case 'u16be':
      return (bytes[offset] << 8) | bytes[offset + 1];
    case 'u16le':
      return bytes[offset] | (bytes[offset + 1] << 8);
    case 'u32be':
      return bytes[offset] * 0x1000000 + ((bytes[offset + 1] << 16) | (bytes[offset + 2] << 8) | bytes[offset + 3]);
    case 'u32le':
      return bytes[offset + 3] * 0x1000000 + ((bytes[offset + 2] << 16) | (bytes[offset + 1] << 8) | bytes[offset]);
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

/** Just after the first `byte` in `chunk`; -1 if there is none. */
export function endAfter(chunk: Uint8Array, byte: number): number {
  const index = asBuffer(chunk).indexOf(byte);
  return index < 0 ? -1 : index + 1;
}

/** A Buffer over the same bytes (a view, no copy), for Node's faster search. */
export function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/**
 * The parts joined in one new buffer of its own: not from Node's shared pool, which a kept message
 * would pin 8 KiB of, and not zero-filled first, as every byte is written.
 */
export function concat(parts: readonly Uint8Array[], knownLength: number): Uint8Array {
  const length = knownLength >= 0 ? knownLength : parts.reduce((sum, part) => sum + part.byteLength, 0);
  const result = Buffer.allocUnsafeSlow(length);
  let offset = 0;
  for (const part of parts) {
    result.set(part, offset);
    offset += part.byteLength;
  }
  return result;
}

export function indexOf(buffer: Uint8Array, needle: Uint8Array, from: number): number {
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

/**
 * What a framed stream connection needs beside its framer: the length prefix a send adds
 * (`prefix=1`), and the errors of framing at run time. Kept out of stream.ts, whose raw path stays
 * exactly what it was: it consults a framer only when the framing is not raw.
 */
import { lengthPrefix, type FrameTooLarge } from './framing';
import { describeFraming, framingOf } from './framingOptions';
import { EngineError, withReason } from './shared/errors';
import type { FramingOptions } from './shared/types';

/** The payload with its length prefix; throws INVALID_ARGUMENT when the stream is not length-framed or the payload does not fit the field. */
export function withLengthPrefix(framing: FramingOptions | undefined, payload: Uint8Array, id: string): Uint8Array {
  const described = framing === undefined ? undefined : framingOf(framing);
  if (described?.mode !== 'length') {
    throw prefixNeedsLength(id, framing);
  }
  const prefix = lengthPrefix(described, payload.byteLength);
  if (prefix === undefined) {
    const fieldBits = described.length === 'u8' ? 8 : described.length.startsWith('u16') ? 16 : 32;
    const header = (described.lengthOffset ?? 0) + fieldBits / 8;
    const max = 2 ** fieldBits - 1 + (described.lengthAdjust ?? 0) - (described.lengthIncludesHeader === true ? header : 0);
    throw new EngineError(
      'INVALID_ARGUMENT',
      `a ${payload.byteLength}-byte payload does not fit the ${described.length} length field (at most ${max} bytes)`,
      withReason('prefix-too-long', { length: payload.byteLength, max }),
      id,
    );
  }
  const result = new Uint8Array(prefix.byteLength + payload.byteLength);
  result.set(prefix);
  result.set(payload, prefix.byteLength);
  return result;
}

export function prefixNeedsLength(id: string, framing: FramingOptions | undefined): EngineError {
  return new EngineError(
    'INVALID_ARGUMENT',
    `prefix=1 needs a socket with framing=length; ${id} has ${describeFraming(framing)}`,
    withReason('prefix-needs-length', { id, framing: framing?.framing ?? 'raw' }),
    id,
  );
}

/** The error event of a frame over the maximum: the connection is then reset (where the next frame starts is unknown). */
export function frameTooLargeError(error: FrameTooLarge, id: string): EngineError {
  return new EngineError(
    'FRAME_TOO_LARGE',
    `a ${error.size}-byte frame exceeds the maximum of ${error.max} bytes; the connection was reset`,
    withReason('frame-too-large', { size: error.size, max: error.max }),
    id,
  );
}

/** Bytes → text for the payload codecs (codecs.ts): each formatter writes character codes and decodes once. */
import { BASE64_CODES, CODE_EQUALS, ESCAPED_CODES, ESCAPED_LENGTHS, HEX_DIGIT_CODES, asciiDecoder } from './codecTables';

// ---------------------------------------------------------------------------------------------
// Bytes → text. Each formatter writes character codes into a byte array and decodes it once.

export function formatHex(bytes: Uint8Array): string {
  const length = bytes.length;
  if (length === 0) {
    return '';
  }
  const output = new Uint8Array(length * 3 - 1).fill(0x20);
  for (let position = 0, write = 0; position < length; position++, write += 3) {
    const value = bytes[position];
    output[write] = HEX_DIGIT_CODES[value >> 4];
    output[write + 1] = HEX_DIGIT_CODES[value & 15];
  }
  return asciiDecoder.decode(output);
}

export function formatBase64(bytes: Uint8Array): string {
  const length = bytes.length;
  const output = new Uint8Array(Math.ceil(length / 3) * 4);
  let write = 0;
  let position = 0;
  for (const whole = length - (length % 3); position < whole; position += 3) {
    const group = (bytes[position] << 16) | (bytes[position + 1] << 8) | bytes[position + 2];
    output[write++] = BASE64_CODES[group >>> 18];
    output[write++] = BASE64_CODES[(group >>> 12) & 63];
    output[write++] = BASE64_CODES[(group >>> 6) & 63];
    output[write++] = BASE64_CODES[group & 63];
  }
  const rest = length - position;
  if (rest > 0) {
    const group = (bytes[position] << 16) | (rest === 2 ? bytes[position + 1] << 8 : 0);
    output[write++] = BASE64_CODES[group >>> 18];
    output[write++] = BASE64_CODES[(group >>> 12) & 63];
    output[write++] = rest === 2 ? BASE64_CODES[(group >>> 6) & 63] : CODE_EQUALS;
    output[write] = CODE_EQUALS;
  }
  return asciiDecoder.decode(output);
}

export function formatEscapes(bytes: Uint8Array): string {
  const length = bytes.length;
  const output = new Uint8Array(length * 4);
  let write = 0;
  for (let position = 0; position < length; position++) {
    const value = bytes[position];
    const size = ESCAPED_LENGTHS[value];
    const base = value * 4;
    output[write] = ESCAPED_CODES[base];
    if (size > 1) {
      output[write + 1] = ESCAPED_CODES[base + 1];
      if (size > 2) {
        output[write + 2] = ESCAPED_CODES[base + 2];
        output[write + 3] = ESCAPED_CODES[base + 3];
      }
    }
    write += size;
  }
  return asciiDecoder.decode(output.subarray(0, write));
}

/**
 * Hex dumps in the layout of `xxd` (`xxd -c WIDTH -g GROUP -o OFFSET -l MAX`), so a dump in the UI can be
 * compared with one from a terminal character for character:
 *
 *     00000000: 4865 6c6c 6f0d 0a                        Hello..
 *
 * Bundled into the webview too: no Buffer, no Node modules.
 */

export interface HexdumpOptions {
  /** The address shown for the first byte, like `xxd -o`. Default 0. */
  readonly offset?: number;
  /** Bytes per line, like `xxd -c`: an integer from 1 to 256 (xxd's limit). Default 16. */
  readonly width?: number;
  /** Bytes per space-separated group, like `xxd -g`; 0 means one group per line. Default 2. */
  readonly groupSize?: number;
  /** Dump at most this many bytes, like `xxd -l`. No marker is added: callers know the length. */
  readonly maxBytes?: number;
}

/** One line, split into columns for a UI that lays them out itself. */
export interface HexdumpLine {
  /** The address, at least eight lower-case hex digits (`00000010`). */
  readonly offset: string;
  /** Hex pairs in groups (`4865 6c6c 6f0d 0a`), without the padding the text dump adds to short lines. */
  readonly hex: string;
  /** Printable ASCII as itself, every other byte as `.`. */
  readonly ascii: string;
}

/**
 * The dump as text: one line per `width` bytes, each ending in a newline, exactly as `xxd` prints it
 * (so an empty input gives an empty string). Out-of-range options are clamped rather than thrown,
 * since this runs on a render path.
 */
export function hexdump(bytes: Uint8Array, options: HexdumpOptions = {}): string {
  const layout = normalize(bytes, options);
  const { width, groupSize, start, count, hexWidth } = layout;
  if (count === 0) {
    return '';
  }
  const lines = Math.ceil(count / width);
  const lastAddress = start + (lines - 1) * width;
  const maxAddressLength = Math.max(8, lastAddress.toString(16).length);
  // Built as character codes in one array and decoded once: the output is pure ASCII.
  const output = new Uint8Array(lines * (maxAddressLength + 2 + hexWidth + 1 + width + 1));
  let write = 0;
  for (let lineStart = 0; lineStart < count; lineStart += width) {
    write = writeAddress(output, write, start + lineStart);
    output[write++] = 0x3a;
    output[write++] = 0x20;
    const lineEnd = Math.min(lineStart + width, count);
    // Spaces first; the pairs then land at their columns, leaving group gaps and short-line padding.
    output.fill(0x20, write, write + hexWidth + 1);
    for (let column = 0; column < lineEnd - lineStart; column++) {
      const value = bytes[lineStart + column];
      const at = write + column * 2 + Math.floor(column / groupSize);
      output[at] = HEX_DIGIT_CODES[value >> 4];
      output[at + 1] = HEX_DIGIT_CODES[value & 15];
    }
    write += hexWidth + 1;
    for (let position = lineStart; position < lineEnd; position++) {
      output[write++] = ASCII_CODES[bytes[position]];
    }
    output[write++] = 0x0a;
  }
  return asciiDecoder.decode(output.subarray(0, write));
}

/** The same dump as columns; `hexdump` equals these lines with the hex column padded to full width. */
export function hexdumpLines(bytes: Uint8Array, options: HexdumpOptions = {}): HexdumpLine[] {
  const { width, groupSize, start, count } = normalize(bytes, options);
  const result: HexdumpLine[] = [];
  for (let lineStart = 0; lineStart < count; lineStart += width) {
    const lineEnd = Math.min(lineStart + width, count);
    const groups: string[] = [];
    let group = '';
    let ascii = '';
    for (let position = lineStart; position < lineEnd; position++) {
      const value = bytes[position];
      group += HEX_PAIRS[value];
      ascii += ASCII_CHARACTERS[value];
      if ((position - lineStart) % groupSize === groupSize - 1) {
        groups.push(group);
        group = '';
      }
    }
    if (group !== '') {
      groups.push(group);
    }
    result.push({ offset: formatAddress(start + lineStart), hex: groups.join(' '), ascii });
  }
  return result;
}

// ---------------------------------------------------------------------------------------------

const HEX_DIGITS = '0123456789abcdef';
const HEX_DIGIT_CODES = Uint8Array.from(HEX_DIGITS, (digit) => digit.charCodeAt(0));
const HEX_PAIRS: readonly string[] = Array.from({ length: 256 }, (_, value) => HEX_DIGITS[value >> 4] + HEX_DIGITS[value & 15]);
/** xxd's ASCII column: printable ASCII as itself, anything else (including 0x80 and up) as `.`. */
const ASCII_CODES = Uint8Array.from({ length: 256 }, (_, value) => (value >= 0x20 && value <= 0x7e ? value : 0x2e));
const ASCII_CHARACTERS: readonly string[] = Array.from(ASCII_CODES, (code) => String.fromCharCode(code));

const asciiDecoder = new TextDecoder('utf-8');

interface Layout {
  readonly width: number;
  readonly groupSize: number;
  /** Address of the first byte. */
  readonly start: number;
  /** Bytes to dump. */
  readonly count: number;
  /** Characters in a full line's hex column, trailing group space included (xxd pads short lines to it). */
  readonly hexWidth: number;
}

function normalize(bytes: Uint8Array, options: HexdumpOptions): Layout {
  const width = clampInteger(options.width, 1, 256, 16);
  const group = clampInteger(options.groupSize, 0, width, 2);
  // A group as wide as the line is what `xxd -g 0` prints.
  const groupSize = group === 0 ? width : group;
  const start = clampInteger(options.offset, 0, Number.MAX_SAFE_INTEGER, 0);
  const count = clampInteger(options.maxBytes, 0, bytes.length, bytes.length);
  return { width, groupSize, start, count, hexWidth: width * 2 + Math.ceil(width / groupSize) };
}

function clampInteger(value: number | undefined, low: number, high: number, fallback: number): number {
  if (value === undefined || Number.isNaN(value)) {
    return fallback;
  }
  return Math.min(high, Math.max(low, Math.floor(value)));
}

function formatAddress(address: number): string {
  return address.toString(16).padStart(8, '0');
}

/** Writes the address; below 2^32 digit by digit, since toString per line is the slow part of big dumps. */
function writeAddress(output: Uint8Array, write: number, address: number): number {
  if (address > 0xffffffff) {
    const text = formatAddress(address);
    for (let position = 0; position < text.length; position++) {
      output[write++] = text.charCodeAt(position);
    }
    return write;
  }
  for (let shift = 28; shift >= 0; shift -= 4) {
    output[write++] = HEX_DIGIT_CODES[(address >>> shift) & 15];
  }
  return write;
}

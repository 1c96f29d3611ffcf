/**
 * Synthesized IPv4/IPv6 + TCP/UDP headers for captures: what a packet of this payload between these
 * endpoints would have carried, with correct lengths and checksums (RFC 791, 8200, 9293, 768, 1071).
 */
import { isIPv4, isIPv6 } from 'node:net';

export interface Endpoint {
  /** 4 or 16 bytes. */
  readonly address: Uint8Array;
  readonly port: number;
}

export const TCP_FIN = 0x01;
export const TCP_SYN = 0x02;
export const TCP_RST = 0x04;
export const TCP_PSH = 0x08;
export const TCP_ACK = 0x10;

const PROTOCOL_TCP = 6;
const PROTOCOL_UDP = 17;
/** The window shift our SYNs announce, so a window of 65535 << 14 covers 64 KiB segments. */
export const WINDOW_SHIFT = 14;

/** The largest TCP payload one IP packet can carry (the 16-bit length fields). */
export function maxSegment(family: 4 | 6): number {
  return family === 4 ? 65535 - 20 - 20 : 65535 - 20;
}

/** An IPv4 or IPv6 address as bytes (a `%zone` is dropped); undefined for text that is neither. */
export function addressBytes(text: string): Uint8Array | undefined {
  const address = text.split('%')[0];
  if (isIPv4(address)) {
    return Uint8Array.from(address.split('.').map(Number));
  }
  if (!isIPv6(address)) {
    return undefined;
  }
  const words = (part: string): number[] => {
    const result: number[] = [];
    for (const group of part === '' ? [] : part.split(':')) {
      if (isIPv4(group)) {
        const [a, b, c, d] = group.split('.').map(Number);
        result.push((a << 8) | b, (c << 8) | d);
      } else {
        result.push(Number.parseInt(group, 16));
      }
    }
    return result;
  };
  const split = address.indexOf('::');
  const first = words(split < 0 ? address : address.slice(0, split));
  const last = split < 0 ? [] : words(address.slice(split + 2));
  const all = split < 0 ? first : [...first, ...new Array<number>(8 - first.length - last.length).fill(0), ...last];
  const bytes = new Uint8Array(16);
  all.forEach((word, index) => {
    bytes[index * 2] = word >> 8;
    bytes[index * 2 + 1] = word & 0xff;
  });
  return bytes;
}

/** `a.b.c.d` as `::ffff:a.b.c.d`, so both ends of a dual-stack flow have one family. */
export function mappedToIPv6(address: Uint8Array): Uint8Array {
  if (address.byteLength === 16) {
    return address;
  }
  const bytes = new Uint8Array(16);
  bytes[10] = 0xff;
  bytes[11] = 0xff;
  bytes.set(address, 12);
  return bytes;
}

/**
 * The 16-bit ones' complement sum (RFC 1071) of `bytes`, not yet complemented. Words are read in
 * the machine's order 32 bits at a time where the buffer allows it (the sum is order independent up
 * to a byte swap, undone at the end): this runs over every byte a recording writes.
 */
export function onesSum(bytes: Uint8Array, initial = 0): number {
  let sum = 0;
  let index = 0;
  const length = bytes.byteLength;
  const aligned = LITTLE_ENDIAN && (bytes.byteOffset & 3) === 0 && length >= 64;
  const fast = aligned ? wordSum?.(bytes, length & ~31) : undefined;
  if (fast !== undefined) {
    sum += ((fast & 0xff) << 8) | (fast >>> 8);
    index = length & ~31;
  } else if (aligned) {
    // 32-bit words summed as doubles: a word is hi·65536 + lo, and 65536 ≡ 1 in ones' complement
    // arithmetic (mod 65535), so the sum of the words folds to the sum of the 16-bit halves. One
    // load and one add per 4 bytes; four accumulators hide the add latency. Exact below 2^53:
    // at most 2^20 words (4 GiB of sum each) per block.
    const words = new Uint32Array(bytes.buffer, bytes.byteOffset, length >>> 2);
    let wide = 0;
    for (let start = 0; start < words.length; start += 1 << 20) {
      const end = Math.min(words.length, start + (1 << 20));
      let a = 0;
      let b = 0;
      let c = 0;
      let d = 0;
      let word = start;
      for (; word + 3 < end; word += 4) {
        a += words[word];
        b += words[word + 1];
        c += words[word + 2];
        d += words[word + 3];
      }
      for (; word < end; word++) {
        a += words[word];
      }
      wide = fold(wide + fold(a + b + c + d));
    }
    // Little-endian words: swap the folded sum back to network order.
    sum += ((wide & 0xff) << 8) | (wide >>> 8);
    index = words.length << 2;
  }
  for (; index + 1 < length; index += 2) {
    sum += (bytes[index] << 8) | bytes[index + 1];
  }
  if (index < length) {
    sum += bytes[index] << 8;
  }
  return fold(sum + initial);
}

const LITTLE_ENDIAN = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1;

/**
 * The folded sum of the little-endian 32-bit words of `bytes`' first `length` bytes (a multiple of
 * 32), or undefined where it cannot: the recording worker sets its WebAssembly one (wordSum.ts).
 */
export type WordSum = (bytes: Uint8Array, length: number) => number | undefined;
let wordSum: WordSum | undefined;

export function setWordSum(sum: WordSum | undefined): void {
  wordSum = sum;
}

function fold(sum: number): number {
  while (sum > 0xffff) {
    sum = (sum % 0x10000) + Math.floor(sum / 0x10000);
  }
  return sum;
}

function pseudoHeaderSum(source: Uint8Array, destination: Uint8Array, protocol: number, length: number): number {
  return onesSum(source, onesSum(destination, protocol + (length >>> 16) + (length & 0xffff)));
}

let ipIdentification = 0;

function ipHeader(view: DataView, bytes: Uint8Array, source: Uint8Array, destination: Uint8Array, protocol: number, payloadLength: number): number {
  if (source.byteLength === 4) {
    view.setUint8(0, 0x45);
    view.setUint16(2, 20 + payloadLength);
    view.setUint16(4, (ipIdentification = (ipIdentification + 1) & 0xffff));
    view.setUint16(6, 0x4000);
    view.setUint8(8, 64);
    view.setUint8(9, protocol);
    bytes.set(source, 12);
    bytes.set(destination, 16);
    view.setUint16(10, ~onesSum(bytes.subarray(0, 20)) & 0xffff);
    return 20;
  }
  view.setUint32(0, 0x60000000);
  view.setUint16(4, payloadLength);
  view.setUint8(6, protocol);
  view.setUint8(7, 64);
  bytes.set(source, 8);
  bytes.set(destination, 24);
  return 40;
}

export interface TcpSegment {
  readonly from: Endpoint;
  readonly to: Endpoint;
  readonly seq: number;
  readonly ack: number;
  readonly flags: number;
  /** The captured payload; may be shorter than `length` (then the checksum cannot be known: 0). */
  readonly payload: Uint8Array;
  /** Payload bytes on the wire. */
  readonly length: number;
}

/** IP and TCP headers for a segment; a SYN carries MSS and window-scale options. */
export function tcpHeaders(segment: TcpSegment): Uint8Array {
  const { from, to, flags } = segment;
  const ipLength = from.address.byteLength === 4 ? 20 : 40;
  const optionsLength = (flags & TCP_SYN) !== 0 ? 8 : 0;
  const tcpLength = 20 + optionsLength;
  const bytes = new Uint8Array(ipLength + tcpLength);
  const view = new DataView(bytes.buffer);
  ipHeader(view, bytes, from.address, to.address, PROTOCOL_TCP, tcpLength + segment.length);
  const tcp = ipLength;
  view.setUint16(tcp, from.port);
  view.setUint16(tcp + 2, to.port);
  view.setUint32(tcp + 4, segment.seq >>> 0);
  view.setUint32(tcp + 8, (flags & TCP_ACK) !== 0 ? segment.ack >>> 0 : 0);
  view.setUint8(tcp + 12, (tcpLength / 4) << 4);
  view.setUint8(tcp + 13, flags);
  // Unscaled on a SYN (RFC 7323); scaled afterwards, to 1 GiB.
  view.setUint16(tcp + 14, 0xffff);
  if (optionsLength > 0) {
    // MSS, NOP, window scale.
    view.setUint32(tcp + 20, 0x02040000 | Math.min(0xffff, maxSegment(from.address.byteLength === 4 ? 4 : 6)));
    view.setUint32(tcp + 24, 0x01030300 | WINDOW_SHIFT);
  }
  if (segment.payload.byteLength === segment.length) {
    const header = onesSum(bytes.subarray(tcp), pseudoHeaderSum(from.address, to.address, PROTOCOL_TCP, tcpLength + segment.length));
    view.setUint16(tcp + 16, ~onesSum(segment.payload, header) & 0xffff);
  }
  return bytes;
}

/** IP and UDP headers for a datagram of `length` bytes, of which `payload` was captured. */
export function udpHeaders(from: Endpoint, to: Endpoint, payload: Uint8Array, length: number): Uint8Array {
  const ipLength = from.address.byteLength === 4 ? 20 : 40;
  const bytes = new Uint8Array(ipLength + 8);
  const view = new DataView(bytes.buffer);
  ipHeader(view, bytes, from.address, to.address, PROTOCOL_UDP, 8 + length);
  view.setUint16(ipLength, from.port);
  view.setUint16(ipLength + 2, to.port);
  view.setUint16(ipLength + 4, 8 + length);
  if (payload.byteLength === length) {
    const sum = onesSum(payload, onesSum(bytes.subarray(ipLength), pseudoHeaderSum(from.address, to.address, PROTOCOL_UDP, 8 + length)));
    // 0 means "no checksum" in UDP: a computed 0 is sent as 0xffff.
    view.setUint16(ipLength + 6, (~sum & 0xffff) || 0xffff);
  }
  return bytes;
}

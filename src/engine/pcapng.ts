/**
 * The pcapng block formats (https://www.ietf.org/archive/id/draft-ietf-opsawg-pcapng-02.html), written
 * by hand: the npm registry has pcap readers and libpcap bindings but no maintained pcapng writer.
 *
 * Only what Socket Workbench writes: a Section Header Block, Interface Description Blocks, Enhanced
 * Packet Blocks and Interface Statistics Blocks, little-endian, with UTF-8 string options. A packet's
 * bytes are handed back as a separate buffer (never copied into the block), so a recording can pass
 * a 64 KiB payload to writev() as it is.
 */

/** LINKTYPE_RAW: each packet starts with its IPv4 or IPv6 header, no link layer. */
export const LINKTYPE_RAW = 101;

const BLOCK_SHB = 0x0a0d0d0a;
const BLOCK_IDB = 0x00000001;
const BLOCK_ISB = 0x00000005;
const BLOCK_EPB = 0x00000006;
const BYTE_ORDER_MAGIC = 0x1a2b3c4d;

const OPT_END = 0;
const OPT_COMMENT = 1;
const SHB_OS = 3;
const SHB_USERAPPL = 4;
const IF_NAME = 2;
const IF_DESCRIPTION = 3;
const IF_TSRESOL = 9;
const ISB_STARTTIME = 2;
const ISB_ENDTIME = 3;
const ISB_IFRECV = 4;
const ISB_IFDROP = 5;

export interface SectionOptions {
  readonly comment?: string;
  readonly os?: string;
  readonly application?: string;
}

export interface InterfaceOptions {
  readonly linkType: number;
  /** 0: no limit. */
  readonly snapLength?: number;
  readonly name?: string;
  readonly description?: string;
  readonly comment?: string;
}

export interface StatisticsOptions {
  readonly interfaceId: number;
  /** Microseconds since the epoch. */
  readonly time: number;
  readonly startTime?: number;
  readonly endTime?: number;
  readonly received?: number;
  /** Packets (here: transcript entries) the interface lost. */
  readonly dropped?: number;
  readonly comment?: string;
}

type Option = readonly [code: number, value: Uint8Array];

const encoder = new TextEncoder();

function text(code: number, value: string | undefined): Option[] {
  return value === undefined || value === '' ? [] : [[code, encoder.encode(value)]];
}

function u64(code: number, value: number | undefined): Option[] {
  if (value === undefined) {
    return [];
  }
  const bytes = new Uint8Array(8);
  new DataView(bytes.buffer).setBigUint64(0, BigInt(Math.max(0, Math.round(value))), true);
  return [[code, bytes]];
}

/** A pcapng timestamp (two 32-bit halves, high first) from microseconds. */
function timestamp(code: number, microseconds: number | undefined): Option[] {
  if (microseconds === undefined) {
    return [];
  }
  const bytes = new Uint8Array(8);
  const view = new DataView(bytes.buffer);
  const value = Math.max(0, Math.round(microseconds));
  view.setUint32(0, Math.floor(value / 0x1_0000_0000), true);
  view.setUint32(4, value % 0x1_0000_0000, true);
  return [[code, bytes]];
}

const pad4 = (length: number): number => (length + 3) & ~3;

function optionsLength(options: readonly Option[]): number {
  if (options.length === 0) {
    return 0;
  }
  return options.reduce((sum, [, value]) => sum + 4 + pad4(value.byteLength), 4);
}

function writeOptions(view: DataView, bytes: Uint8Array, offset: number, options: readonly Option[]): number {
  if (options.length === 0) {
    return offset;
  }
  for (const [code, value] of options) {
    view.setUint16(offset, code, true);
    view.setUint16(offset + 2, value.byteLength, true);
    bytes.set(value, offset + 4);
    offset += 4 + pad4(value.byteLength);
  }
  view.setUint16(offset, OPT_END, true);
  view.setUint16(offset + 2, 0, true);
  return offset + 4;
}

/** A block: type, total length, `body` bytes written by `fill`, the options, total length again. */
function block(type: number, bodyLength: number, options: readonly Option[], fill: (view: DataView, offset: number) => void): Uint8Array {
  const total = 12 + bodyLength + optionsLength(options);
  const bytes = new Uint8Array(total);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, type, true);
  view.setUint32(4, total, true);
  fill(view, 8);
  writeOptions(view, bytes, 8 + bodyLength, options);
  view.setUint32(total - 4, total, true);
  return bytes;
}

export function sectionHeaderBlock(options: SectionOptions = {}): Uint8Array {
  const list = [...text(OPT_COMMENT, options.comment), ...text(SHB_OS, options.os), ...text(SHB_USERAPPL, options.application)];
  return block(BLOCK_SHB, 16, list, (view, offset) => {
    view.setUint32(offset, BYTE_ORDER_MAGIC, true);
    view.setUint16(offset + 4, 1, true);
    view.setUint16(offset + 6, 0, true);
    // Section length unknown (-1): the file is written as a stream.
    view.setBigInt64(offset + 8, -1n, true);
  });
}

/** An interface with microsecond timestamps (if_tsresol 6). */
export function interfaceDescriptionBlock(options: InterfaceOptions): Uint8Array {
  const list: Option[] = [
    ...text(OPT_COMMENT, options.comment),
    ...text(IF_NAME, options.name),
    ...text(IF_DESCRIPTION, options.description),
    [IF_TSRESOL, Uint8Array.of(6)],
  ];
  return block(BLOCK_IDB, 8, list, (view, offset) => {
    view.setUint16(offset, options.linkType, true);
    view.setUint16(offset + 2, 0, true);
    view.setUint32(offset + 4, options.snapLength ?? 0, true);
  });
}

export function interfaceStatisticsBlock(options: StatisticsOptions): Uint8Array {
  const list: Option[] = [
    ...text(OPT_COMMENT, options.comment),
    ...timestamp(ISB_STARTTIME, options.startTime),
    ...timestamp(ISB_ENDTIME, options.endTime),
    ...u64(ISB_IFRECV, options.received),
    ...u64(ISB_IFDROP, options.dropped),
  ];
  return block(BLOCK_ISB, 12, list, (view, offset) => {
    view.setUint32(offset, options.interfaceId, true);
    const value = Math.max(0, Math.round(options.time));
    view.setUint32(offset + 4, Math.floor(value / 0x1_0000_0000), true);
    view.setUint32(offset + 8, value % 0x1_0000_0000, true);
  });
}

/**
 * An Enhanced Packet Block as parts to write in order: the head (block header and the synthesized
 * protocol headers), the captured payload (by reference; may be empty), and the tail (padding,
 * options, trailing length). `originalLength` counts bytes not captured; capture is what is there.
 */
export function enhancedPacketBlock(
  interfaceId: number,
  microseconds: number,
  headers: Uint8Array,
  payload: Uint8Array,
  originalLength: number,
  comment?: string,
): [Uint8Array, Uint8Array, Uint8Array] {
  const captured = headers.byteLength + payload.byteLength;
  const options = text(OPT_COMMENT, comment);
  const padding = pad4(captured) - captured;
  const tailLength = padding + optionsLength(options) + 4;
  const total = 28 + pad4(captured) + tailLength - padding;
  const head = new Uint8Array(28 + headers.byteLength);
  const view = new DataView(head.buffer);
  view.setUint32(0, BLOCK_EPB, true);
  view.setUint32(4, total, true);
  view.setUint32(8, interfaceId, true);
  const value = Math.max(0, Math.round(microseconds));
  view.setUint32(12, Math.floor(value / 0x1_0000_0000), true);
  view.setUint32(16, value % 0x1_0000_0000, true);
  view.setUint32(20, captured, true);
  view.setUint32(24, originalLength, true);
  head.set(headers, 28);
  const tail = new Uint8Array(tailLength);
  const tailView = new DataView(tail.buffer);
  writeOptions(tailView, tail, padding, options);
  tailView.setUint32(tailLength - 4, total, true);
  return [head, payload, tail];
}

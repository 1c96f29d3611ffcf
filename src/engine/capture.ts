/**
 * Turns transcript entries into pcapng packets: one interface (LINKTYPE_RAW), TCP flows with a
 * handshake at their open, sequence and acknowledgement numbers that follow the bytes, FINs at their
 * close; UDP datagrams with their real addresses and ports. Used by export (a whole transcript) and
 * by recording (entry by entry, as they happen).
 *
 * Choices a reader of the capture should know (docs/commands.md says them too):
 * - UNIX stream sockets are written as TCP over IPv4 loopback: the listening end is 127.0.0.1:49152
 *   and connection n comes from 127.0.0.1:(49152 + n); the socket path is the interface description.
 * - A message longer than its capture keeps its original length: the EPB's captured length is below
 *   it, and the missing bytes are never invented (the TCP checksum, which would need them, is 0).
 * - An entry that could not be written (evicted before export, or lost by a recording the disk could
 *   not keep up with) still moves the sequence numbers on, so Wireshark shows the gap, and the next
 *   packet's comment says how many entries were lost.
 * - Times are the transcript's wall clock, refined to microseconds by its monotonic clock.
 */
import { enhancedPacketBlock, interfaceDescriptionBlock, interfaceStatisticsBlock, LINKTYPE_RAW, sectionHeaderBlock } from './pcapng';
import {
  addressBytes,
  mappedToIPv6,
  maxSegment,
  tcpHeaders,
  TCP_ACK,
  TCP_FIN,
  TCP_PSH,
  TCP_RST,
  TCP_SYN,
  udpHeaders,
  type Endpoint,
} from './packets';
import type { Address, SocketKind, TranscriptEntry } from './shared/types';

/** What a capture says about the socket it came from. */
export interface CaptureSource {
  readonly id: string;
  readonly kind: SocketKind;
  readonly spec: string;
  readonly name?: string;
  readonly local?: Address;
  readonly remote?: Address;
}

/** Receives the file's bytes in order; parts may be kept by reference until written. */
export type CaptureSink = (parts: readonly Uint8Array[]) => void;

export const UNIX_LISTEN_PORT = 49152;
const UNIX_ADDRESS = Uint8Array.of(127, 0, 0, 1);

interface Flow {
  readonly number: number;
  readonly local: Endpoint;
  readonly remote: Endpoint;
  localSeq: number;
  remoteSeq: number;
  localFin: boolean;
  remoteFin: boolean;
}

export class CaptureWriter {
  private readonly flows = new Map<string, Flow>();
  private reported = { entries: 0, bytes: 0 };
  private flowCount = 0;
  private clientGeneration = 0;
  private clockOffset: number | undefined;
  private pendingNote: string | undefined;
  private lostEntries = 0;
  private lostBytes = 0;
  private packetCount = 0;
  private firstTime: number | undefined;
  private lastTime: number | undefined;
  private readonly unix: boolean;
  private readonly udp: boolean;
  private readonly application: string;

  constructor(
    private readonly source: CaptureSource,
    private readonly sink: CaptureSink,
    application = 'Socket Workbench',
  ) {
    this.unix = source.kind.startsWith('unix');
    this.udp = source.kind === 'udp';
    this.application = application;
  }

  get packets(): number {
    return this.packetCount;
  }

  /** The section header and the one interface. `comment` adds to the section's comment. */
  start(comment?: string): void {
    const { source } = this;
    const label = source.name === undefined ? source.spec : `${source.name} (${source.spec})`;
    const lines = [`Socket Workbench capture of ${label}, socket ${source.id} (${source.kind})`];
    if (this.unix) {
      lines.push(`UNIX stream connections are written as TCP over 127.0.0.1: the listening end is port ${UNIX_LISTEN_PORT}, connection n comes from port ${UNIX_LISTEN_PORT} + n`);
    }
    if (comment !== undefined) {
      lines.push(comment);
    }
    this.sink([
      sectionHeaderBlock({ comment: lines.join('\n'), os: `${process.platform} ${process.arch}`, application: this.application }),
      interfaceDescriptionBlock({
        linkType: LINKTYPE_RAW,
        name: source.name ?? source.id,
        description: this.unix ? (source.local?.address || source.remote?.address || source.spec) : source.spec,
        comment: `spec: ${source.spec}${source.name === undefined ? '' : `\nname: ${source.name}`}`,
      }),
    ]);
  }

  /** Writes the packets of one entry; events that have no packet write nothing. */
  add(entry: TranscriptEntry): void {
    this.noteLosses();
    if (this.udp) {
      if (entry.kind === 'data') {
        this.datagram(entry);
      }
      return;
    }
    switch (entry.kind) {
      case 'connect':
      case 'accept':
        this.open(entry);
        break;
      case 'data':
        this.data(entry);
        break;
      case 'info':
        if (entry.code === 'FIN') {
          this.fin(entry, false);
        } else if (entry.code === 'SHUT_WR') {
          this.fin(entry, true);
        }
        break;
      case 'error':
        this.reset(entry);
        break;
      case 'close':
        this.close(entry);
        break;
      default:
        break;
    }
  }

  /**
   * An entry that will not be written: counted for the next packet's comment, and a data entry's
   * bytes still advance its flow, so the gap shows as bytes not captured.
   */
  lose(entry: TranscriptEntry, count = 1): void {
    // `count` entries of one flow lost in a row: `entry.length` is all their bytes.
    this.lostEntries += count;
    this.lostBytes += entry.length;
    if (this.udp || entry.kind !== 'data') {
      return;
    }
    const flow = this.flows.get(this.key(entry)) ?? this.newFlow(entry);
    if (entry.direction === 'out') {
      flow.localSeq += entry.length;
    } else {
      flow.remoteSeq += entry.length;
    }
  }

  /** Entries lost so far (see lose()). */
  get lost(): { readonly entries: number; readonly bytes: number } {
    return { entries: this.lostEntries, bytes: this.lostBytes };
  }

  /** An Interface Statistics Block: packets written, entries lost, and why, if any were. */
  finish(comment?: string, dropped = this.lostEntries): void {
    const now = Date.now() * 1000;
    this.sink([
      interfaceStatisticsBlock({
        interfaceId: 0,
        time: this.lastTime ?? now,
        startTime: this.firstTime,
        endTime: this.lastTime,
        received: this.packetCount,
        dropped,
        comment,
      }),
    ]);
  }

  /** Microseconds since the epoch: the wall clock of the first entry, then monotonic differences. */
  private microseconds(entry: TranscriptEntry): number {
    this.clockOffset ??= entry.time - entry.mono;
    let milliseconds = this.clockOffset + entry.mono;
    if (Math.abs(milliseconds - entry.time) > 1000) {
      // The clock jumped (or the entry came from another process): trust the wall clock.
      this.clockOffset = entry.time - entry.mono;
      milliseconds = entry.time;
    }
    return Math.round(milliseconds * 1000);
  }

  /** Losses since the last packet become that packet's comment. */
  private noteLosses(): void {
    if (this.reported.entries !== this.lostEntries) {
      this.addNote(`${this.lostEntries - this.reported.entries} entries (${this.lostBytes - this.reported.bytes} bytes) lost before this packet`);
      this.reported = { entries: this.lostEntries, bytes: this.lostBytes };
    }
  }

  private addNote(note: string): void {
    this.pendingNote = this.pendingNote === undefined ? note : `${this.pendingNote}; ${note}`;
  }

  private emit(time: number, headers: Uint8Array, payload: Uint8Array, length: number): void {
    const comment = this.pendingNote;
    this.pendingNote = undefined;
    this.firstTime ??= time;
    this.lastTime = time;
    this.packetCount++;
    this.sink(enhancedPacketBlock(0, time, headers, payload, headers.byteLength + length, comment));
  }

  private key(entry: TranscriptEntry): string {
    return entry.socketId ?? `${this.source.id}#${this.clientGeneration}`;
  }

  private endpoint(text: string | undefined, fallback: Address | undefined, unixPort: number): Endpoint {
    if (this.unix) {
      return { address: UNIX_ADDRESS, port: unixPort };
    }
    const parsed = text === undefined ? undefined : parseEndpoint(text);
    if (parsed !== undefined) {
      return parsed;
    }
    const address = fallback?.family === 'unix' || fallback === undefined ? undefined : addressBytes(fallback.address);
    return { address: address ?? new Uint8Array(4), port: fallback?.port ?? 0 };
  }

  private newFlow(entry: TranscriptEntry, localText?: string): Flow {
    const number = ++this.flowCount;
    const listening = this.source.kind === 'tcp-server' || this.source.kind === 'unix-server';
    const local = this.endpoint(localText, this.source.local, listening ? UNIX_LISTEN_PORT : UNIX_LISTEN_PORT + number);
    const remote = this.endpoint(entry.peer, listening ? undefined : this.source.remote, listening ? UNIX_LISTEN_PORT + number : UNIX_LISTEN_PORT);
    const [localFamily, remoteFamily] = [local.address.byteLength, remote.address.byteLength];
    const flow: Flow = {
      number,
      local: localFamily === remoteFamily ? local : { ...local, address: mappedToIPv6(local.address) },
      remote: localFamily === remoteFamily ? remote : { ...remote, address: mappedToIPv6(remote.address) },
      // Fixed initial sequence numbers: an export of the same transcript is the same file.
      localSeq: (0x10000000 + number * 0x1000) >>> 0,
      remoteSeq: (0x20000000 + number * 0x1000) >>> 0,
      localFin: false,
      remoteFin: false,
    };
    this.flows.set(this.key(entry), flow);
    return flow;
  }

  private segment(flow: Flow, time: number, outgoing: boolean, flags: number, payload: Uint8Array, length: number): void {
    const [from, to] = outgoing ? [flow.local, flow.remote] : [flow.remote, flow.local];
    const seq = outgoing ? flow.localSeq : flow.remoteSeq;
    const ack = outgoing ? flow.remoteSeq : flow.localSeq;
    this.emit(time, tcpHeaders({ from, to, seq, ack, flags, payload, length }), payload, length);
    const advance = length + ((flags & (TCP_SYN | TCP_FIN)) !== 0 ? 1 : 0);
    if (outgoing) {
      flow.localSeq = (flow.localSeq + advance) >>> 0;
    } else {
      flow.remoteSeq = (flow.remoteSeq + advance) >>> 0;
    }
  }

  private open(entry: TranscriptEntry): void {
    if (entry.socketId === undefined) {
      this.clientGeneration++;
    }
    const flow = this.newFlow(entry, entry.detail);
    const time = this.microseconds(entry);
    const localOpens = entry.kind === 'connect';
    const empty = new Uint8Array(0);
    this.segment(flow, time, localOpens, TCP_SYN, empty, 0);
    this.segment(flow, time, !localOpens, TCP_SYN | TCP_ACK, empty, 0);
    this.segment(flow, time, localOpens, TCP_ACK, empty, 0);
  }

  private data(entry: TranscriptEntry): void {
    let flow = this.flows.get(this.key(entry));
    if (flow === undefined) {
      // Its open is not in the transcript (evicted, or before a recording started): no handshake is made up.
      flow = this.newFlow(entry);
      this.addNote('connection opened before the first entry held');
    }
    const time = this.microseconds(entry);
    const outgoing = entry.direction === 'out';
    const data = entry.data ?? new Uint8Array(0);
    const max = maxSegment(flow.local.address.byteLength === 4 ? 4 : 6);
    for (let offset = 0; offset < entry.length || (offset === 0 && entry.length === 0); offset += max) {
      const length = Math.min(max, entry.length - offset);
      const payload = data.subarray(Math.min(offset, data.byteLength), Math.min(offset + length, data.byteLength));
      const last = offset + length >= entry.length;
      this.segment(flow, time, outgoing, TCP_ACK | (last ? TCP_PSH : 0), payload, length);
      if (entry.length === 0) {
        break;
      }
    }
  }

  private fin(entry: TranscriptEntry, outgoing: boolean): void {
    const flow = this.flows.get(this.key(entry));
    if (flow === undefined || (outgoing ? flow.localFin : flow.remoteFin)) {
      return;
    }
    this.segment(flow, this.microseconds(entry), outgoing, TCP_FIN | TCP_ACK, new Uint8Array(0), 0);
    if (outgoing) {
      flow.localFin = true;
    } else {
      flow.remoteFin = true;
    }
    if (flow.localFin && flow.remoteFin) {
      // The last FIN is acknowledged by the other side.
      this.segment(flow, this.microseconds(entry), !outgoing, TCP_ACK, new Uint8Array(0), 0);
      this.flows.delete(this.key(entry));
    }
  }

  /** An RST: ours after a reset close or an oversize frame, the peer's after any other failure. */
  private reset(entry: TranscriptEntry, outgoing = entry.code === 'FRAME_TOO_LARGE'): void {
    const flow = this.flows.get(this.key(entry));
    if (flow === undefined) {
      return;
    }
    this.segment(flow, this.microseconds(entry), outgoing, TCP_RST | TCP_ACK, new Uint8Array(0), 0);
    this.flows.delete(this.key(entry));
  }

  private close(entry: TranscriptEntry): void {
    const flow = this.flows.get(this.key(entry));
    if (flow === undefined) {
      return;
    }
    if (entry.code === 'reset') {
      // close(reset): our RST, whatever FINs went before.
      this.reset(entry, true);
      return;
    }
    if (!flow.localFin) {
      this.fin(entry, true);
    }
    if (this.flows.has(this.key(entry))) {
      this.fin(entry, false);
    }
  }

  private datagram(entry: TranscriptEntry): void {
    const local = this.endpoint(undefined, this.source.local, 0);
    let remote = entry.peer === undefined ? undefined : parseEndpoint(entry.peer);
    if (remote === undefined) {
      this.addNote(`peer ${entry.peer ?? 'unknown'}`);
      remote = { address: new Uint8Array(local.address.byteLength), port: 0 };
    }
    const sameFamily = local.address.byteLength === remote.address.byteLength;
    const [mine, theirs] = sameFamily
      ? [local, remote]
      : [{ ...local, address: mappedToIPv6(local.address) }, { ...remote, address: mappedToIPv6(remote.address) }];
    const [from, to] = entry.direction === 'out' ? [mine, theirs] : [theirs, mine];
    const payload = entry.data ?? new Uint8Array(0);
    this.emit(this.microseconds(entry), udpHeaders(from, to, payload, entry.length), payload, entry.length);
  }
}

/** `127.0.0.1:5000` or `[::1]:53` as an endpoint; undefined for names, paths and labels. */
export function parseEndpoint(text: string): Endpoint | undefined {
  const match = /^\[([^\]]+)\]:(\d+)$/.exec(text) ?? /^([^:]+):(\d+)$/.exec(text);
  if (match === null) {
    return undefined;
  }
  const address = addressBytes(match[1]);
  const port = Number(match[2]);
  return address === undefined || port > 65535 ? undefined : { address, port };
}

/**
 * Records a socket's transcript as a wire section. A client becomes `open` plus `send` and
 * `expect exactly` steps (and `starttls` where it upgraded); a stream server becomes a `listen` section with one `on exactly … reply …`
 * rule per request and response it saw (a greeting becomes `on connect`, and a connection that ended
 * right after a response gets `close` there); a bound UDP socket the same, per datagram. Payloads read as `"…"` with escapes when mostly printable, else as hex.
 */
import type { SocketEngine, SocketInfo, TranscriptEntry } from '../engine/index';
import { decodePayload } from '../engine/index';
import { WireError } from './errors';

export interface RecordOptions {
  /** The section name; default: `Recorded <spec>`. */
  readonly name?: string;
}

/** `"…"` for mostly printable bytes (text with CR/LF/TAB), `hex …` otherwise. */
export function payloadText(bytes: Uint8Array): string {
  if (bytes.length === 0) {
    return '""';
  }
  let printable = 0;
  for (const byte of bytes) {
    if ((byte >= 0x20 && byte < 0x7f) || byte === 0x0a || byte === 0x0d || byte === 0x09) {
      printable++;
    }
  }
  if (printable / bytes.length < 0.8) {
    return `hex ${decodePayload(bytes, 'hex')}`;
  }
  // `"` is the wire string's own escape, and `{{` would start a macro.
  const escaped = decodePayload(bytes, 'escapes').replace(/"/g, '\\"').replace(/\{\{/g, '\\x7b{');
  return `"${escaped}"`;
}

function isData(entry: TranscriptEntry): boolean {
  return entry.kind === 'data' && entry.data !== undefined;
}

/** Consecutive entries in one direction, concatenated (chunk boundaries are the network's, not the peer's). */
interface Run {
  readonly direction: 'in' | 'out';
  readonly bytes: Buffer;
  /** Bytes the transcript did not capture (beyond its capture limit). */
  readonly lost: number;
}

function runs(entries: readonly TranscriptEntry[], merge: boolean): Run[] {
  const result: Run[] = [];
  for (const entry of entries) {
    if (!isData(entry) || entry.direction === undefined) {
      continue;
    }
    const data = Buffer.from(entry.data ?? new Uint8Array());
    const lost = entry.length - data.length;
    const last = result[result.length - 1];
    if (merge && last !== undefined && last.direction === entry.direction && last.lost === 0) {
      result[result.length - 1] = { direction: last.direction, bytes: Buffer.concat([last.bytes, data]), lost };
    } else {
      result.push({ direction: entry.direction, bytes: data, lost });
    }
  }
  return result;
}

function header(info: SocketInfo, name: string | undefined, entries: readonly TranscriptEntry[], evicted: number): string[] {
  const lines = [`### ${name ?? `Recorded ${info.spec}`}`];
  if (evicted > 0) {
    lines.push(`# ${evicted} older transcript entries had been dropped: this starts at the oldest one kept`);
  }
  if (entries.some((entry) => entry.kind === 'data' && entry.length > (entry.data?.length ?? 0))) {
    lines.push('# some data went beyond the transcript capture limit: those parts are matched by length (expect bytes N)');
  }
  return lines;
}

/** The entries before and after each STARTTLS upgrade: the replay upgrades between them. */
function upgradeParts(entries: readonly TranscriptEntry[]): TranscriptEntry[][] {
  const parts: TranscriptEntry[][] = [[]];
  for (const entry of entries) {
    if (entry.kind === 'info' && entry.code === 'STARTTLS') {
      parts.push([]);
    } else {
      parts[parts.length - 1].push(entry);
    }
  }
  return parts;
}

/** The step that upgrades as the recorded client did: unverified again when it was unverified. */
function starttlsLines(info: SocketInfo): string[] {
  if (info.tls?.insecure === true) {
    return ['starttls insecure'];
  }
  return ['# the upgrade verified the server: if that needed a CA file, add ca=PATH', 'starttls'];
}

function clientSection(info: SocketInfo, entries: readonly TranscriptEntry[], lines: string[]): void {
  const udp = info.kind === 'udp';
  lines.push(`open ${info.spec}`);
  upgradeParts(entries).forEach((part, index) => {
    if (index > 0) {
      lines.push(...starttlsLines(info));
    }
    for (const run of runs(part, !udp)) {
      if (run.direction === 'out') {
        lines.push(`send ${payloadText(run.bytes)}`);
        if (run.lost > 0) {
          lines.push(`# ${run.lost} more bytes were sent here, beyond the capture limit`);
        }
      } else {
        if (run.bytes.length > 0) {
          lines.push(`expect exactly ${payloadText(run.bytes)}`);
        }
        if (run.lost > 0) {
          lines.push(`expect bytes ${run.lost}`);
        }
      }
    }
  });
  if (!udp && entries.some((entry) => entry.kind === 'info' && entry.code === 'FIN')) {
    lines.push('expect eof');
  }
  lines.push('close');
}

/** Request → response pairs: each run of received bytes and the bytes sent after it. */
interface Pair {
  readonly request: Buffer;
  readonly response: Buffer;
  /** The connection ended right after this response: the replay closes it too. */
  close: boolean;
}

function rulesFrom(groups: ReadonlyMap<string, TranscriptEntry[]>, merge: boolean): { greeting?: Buffer; pairs: Pair[] } {
  let greeting: Buffer | undefined;
  const pairs: Pair[] = [];
  const seen = new Map<string, Pair>();
  for (const entries of groups.values()) {
    const sequence = runs(entries, merge);
    const ended = merge && entries.some((entry) => entry.kind === 'close' || (entry.kind === 'info' && entry.code === 'FIN'));
    let index = 0;
    if (sequence[0]?.direction === 'out') {
      greeting ??= sequence[0].bytes;
      index = 1;
    }
    for (; index < sequence.length; index++) {
      const request = sequence[index];
      if (request.direction !== 'in') {
        continue;
      }
      const answered = sequence[index + 1]?.direction === 'out';
      const response = answered ? sequence[index + 1].bytes : Buffer.alloc(0);
      const key = request.bytes.toString('hex');
      let pair = seen.get(key);
      if (pair === undefined && request.bytes.length > 0) {
        pair = { request: request.bytes, response, close: false };
        seen.set(key, pair);
        pairs.push(pair);
      }
      if (pair !== undefined && ended && answered && index + 2 === sequence.length) {
        pair.close = true;
      }
    }
  }
  return { greeting, pairs };
}

function listenerSection(info: SocketInfo, entries: readonly TranscriptEntry[], lines: string[]): void {
  const udp = info.kind === 'udp';
  // A stream server's transcript mirrors its connections (entry.socketId); UDP goes by peer.
  const groups = new Map<string, TranscriptEntry[]>();
  for (const entry of entries) {
    const key = (udp ? entry.peer : entry.socketId) ?? '';
    const group = groups.get(key);
    if (group === undefined) {
      groups.set(key, [entry]);
    } else {
      group.push(entry);
    }
  }
  const spec = udp && info.spec.startsWith('udp://') ? info.spec.replace(/^udp:/, 'udp-listen:') : info.spec;
  lines.push(`listen ${spec}`);
  const { greeting, pairs } = rulesFrom(groups, !udp);
  if (greeting !== undefined && !udp) {
    lines.push('on connect', `  reply ${payloadText(greeting)}`);
  }
  for (const { request, response, close } of pairs) {
    lines.push(`on exactly ${payloadText(request)}`);
    if (response.length > 0) {
      lines.push(`  reply ${payloadText(response)}`);
    }
    if (close) {
      lines.push('  close');
    }
  }
}

/** The wire text of one section (ending with a newline) that replays what the socket's transcript holds. */
export function recordSection(engine: SocketEngine, socketId: string, options: RecordOptions = {}): string {
  const info = engine.get(socketId);
  if (info === undefined) {
    throw new WireError('NOT_APPLICABLE', `no socket with id ${socketId}`, { reason: 'socket-unknown', socketId });
  }
  const transcript = engine.transcript(socketId);
  const entries = transcript.entries();
  const lines = header(info, options.name, entries, transcript.counters().evictedEntries);
  const listener = info.kind === 'tcp-server' || info.kind === 'unix-server' || (info.kind === 'udp' && info.defaultTarget === undefined);
  if (info.parentId !== undefined) {
    throw new WireError('NOT_APPLICABLE', `${socketId} is an accepted connection: record its server ${info.parentId}`, { reason: 'record-connection', socketId });
  }
  if (listener) {
    listenerSection(info, entries, lines);
  } else {
    clientSection(info, entries, lines);
  }
  return `${lines.join('\n')}\n`;
}

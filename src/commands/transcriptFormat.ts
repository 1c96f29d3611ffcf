/**
 * The two saved transcript formats. Both are plain text with a `#` header that states what was
 * dropped (evicted entries) or cut (bytes beyond the capture cap), so a saved file never pretends
 * to be complete when it is not. The format is fixed English text, not localized: saved files are
 * shared, diffed and parsed, and must read the same on every machine.
 *
 *   text: one line per entry:  TIME DELTA MARK PEER LENGTH PAYLOAD-AS-READABLE-TEXT   (data)
 *                              TIME DELTA * PEER KIND [CODE] [DETAIL]                 (events)
 *         DELTA is the time since the entry before (`+12.345ms`, monotonic clock), `-` for the
 *         first one held; MARK is `<` for received and `>` for sent bytes; PEER is `-` when there is none.
 *   hex:  the same line per entry, and after each data entry its xxd-style dump.
 * The payload reads as text where it is valid UTF-8 (`günaydın\r\n`); controls and invalid bytes are
 * escapes and a backslash is `\\`, so decoding the escapes gives back exactly the bytes.
 */
import { formatReadable, hexdump, type SocketInfo, type TranscriptCounters, type TranscriptEntry } from '../engine';

export type TranscriptFormat = 'text' | 'hex';

export const TRANSCRIPT_FORMATS: readonly TranscriptFormat[] = ['text', 'hex'];

function mark(entry: TranscriptEntry): string {
  if (entry.kind !== 'data') {
    return '*';
  }
  return entry.direction === 'in' ? '<' : '>';
}

function notCaptured(entry: TranscriptEntry): number {
  return entry.length - (entry.data?.byteLength ?? 0);
}

/** `+12.345ms` since the previous entry (`-` without one): the monotonic clock, exact to the µs. */
export function deltaColumn(entry: TranscriptEntry, previous: TranscriptEntry | undefined): string {
  return previous === undefined ? '-' : `+${Math.max(0, entry.mono - previous.mono).toFixed(3)}ms`;
}

/** The entry's one line, without a newline. */
export function entryLine(entry: TranscriptEntry, format: TranscriptFormat, previous?: TranscriptEntry): string {
  const head = `${new Date(entry.time).toISOString()} ${deltaColumn(entry, previous)} ${mark(entry)} ${entry.peer === undefined || entry.peer === '' ? '-' : entry.peer}`;
  if (entry.kind !== 'data') {
    return [head, entry.kind, entry.code, entry.detail].filter((part) => part !== undefined && part !== '').join(' ');
  }
  const cut = notCaptured(entry);
  const suffix = cut > 0 ? ` [+${cut} bytes not captured]` : '';
  if (format === 'hex') {
    return `${head} ${entry.length}${suffix}`;
  }
  return `${head} ${entry.length} ${formatReadable(entry.data ?? new Uint8Array())}${suffix}`;
}

/** The `#` header: the socket, when, and every counter of what the file does not hold. */
export function transcriptHeader(info: SocketInfo, counters: TranscriptCounters, format: TranscriptFormat, savedAt: Date): string[] {
  return [
    `# Socket Workbench transcript (${format})`,
    `# socket: ${info.id}${info.name === undefined ? '' : ` "${info.name}"`} ${info.kind} ${info.spec}`,
    `# saved: ${savedAt.toISOString()}`,
    `# entries: ${counters.entries}, captured bytes: ${counters.bytes}`,
    `# dropped: ${counters.evictedEntries} entries (${counters.evictedBytes} bytes)`,
    `# truncated: ${counters.truncatedEntries} entries (${counters.truncatedBytes} bytes not captured)`,
  ];
}

/** The whole file as text, ending with a newline. */
export function formatTranscript(
  info: SocketInfo,
  entries: readonly TranscriptEntry[],
  counters: TranscriptCounters,
  format: TranscriptFormat,
  savedAt: Date = new Date(),
): string {
  const parts: string[] = [transcriptHeader(info, counters, format, savedAt).join('\n'), '\n'];
  let previous: TranscriptEntry | undefined;
  for (const entry of entries) {
    parts.push(entryLine(entry, format, previous), '\n');
    previous = entry;
    if (format === 'hex' && entry.kind === 'data' && entry.data !== undefined && entry.data.byteLength > 0) {
      parts.push(hexdump(entry.data));
    }
  }
  return parts.join('');
}

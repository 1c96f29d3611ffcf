/**
 * The two saved transcript formats. Both are plain text with a `#` header that states what was
 * dropped (evicted entries) or cut (bytes beyond the capture cap), so a saved file never pretends
 * to be complete when it is not. The format is fixed English text, not localized: saved files are
 * shared, diffed and parsed, and must read the same on every machine.
 *
 *   text: one line per entry:  TIME MARK PEER LENGTH PAYLOAD-AS-ESCAPES   (data)
 *                              TIME * PEER KIND [CODE] [DETAIL]           (events)
 *         MARK is `<` for received and `>` for sent bytes; PEER is `-` when there is none.
 *   hex:  the same line per entry, and after each data entry its xxd-style dump.
 */
import { decodePayload, hexdump, type SocketInfo, type TranscriptCounters, type TranscriptEntry } from '../engine';

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

/** The entry's one line, without a newline. */
export function entryLine(entry: TranscriptEntry, format: TranscriptFormat): string {
  const head = `${new Date(entry.time).toISOString()} ${mark(entry)} ${entry.peer === undefined || entry.peer === '' ? '-' : entry.peer}`;
  if (entry.kind !== 'data') {
    return [head, entry.kind, entry.code, entry.detail].filter((part) => part !== undefined && part !== '').join(' ');
  }
  const cut = notCaptured(entry);
  const suffix = cut > 0 ? ` [+${cut} bytes not captured]` : '';
  if (format === 'hex') {
    return `${head} ${entry.length}${suffix}`;
  }
  return `${head} ${entry.length} ${decodePayload(entry.data ?? new Uint8Array(), 'escapes')}${suffix}`;
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
  for (const entry of entries) {
    parts.push(entryLine(entry, format), '\n');
    if (format === 'hex' && entry.kind === 'data' && entry.data !== undefined && entry.data.byteLength > 0) {
      parts.push(hexdump(entry.data));
    }
  }
  return parts.join('');
}

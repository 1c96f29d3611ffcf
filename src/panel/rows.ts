/**
 * Turns transcript entries into the rows the webview draws: a one-line preview, the search matches
 * in it, and the hex dump when the row is expanded. Only rows the webview asked for (its viewport)
 * pass through here, so the cost per frame is bounded by the screen, not by the traffic.
 */
import { hexdumpLines, previewBytes, type TranscriptEntry } from '../engine';
import { DUMP_WIDTH, MAX_INLINE_DUMP_LINES, type DumpView, type RowView } from '../shared/protocol';
import { byteMatches, textMatches, type CompiledFilter } from './search';

/** Characters of preview per row: wider than any panel, cheap to build. */
export const PREVIEW_CHARS = 240;
const INLINE_DUMP_BYTES = MAX_INLINE_DUMP_LINES * DUMP_WIDTH;

/** Each byte's preview piece (`A`, `\r`, `\x00`), the same as previewBytes prints. */
const PIECES: readonly string[] = Array.from({ length: 256 }, (_, value) => previewBytes(Uint8Array.of(value), 8));

/** Lines of dump under an expanded row: the dump (capped) plus a footer when bytes are not shown. */
export function dumpLineCount(entry: TranscriptEntry): number {
  const captured = entry.data?.byteLength ?? 0;
  if (entry.kind !== 'data' || captured === 0) {
    return 0;
  }
  const lines = Math.min(Math.ceil(captured / DUMP_WIDTH), MAX_INLINE_DUMP_LINES);
  const footer = captured > INLINE_DUMP_BYTES || entry.length > captured ? 1 : 0;
  return lines + footer;
}

/** The row's height in lines: 1, or 1 + its dump when expanded and there is something to dump. */
export function rowLines(entry: TranscriptEntry, expanded: boolean): number {
  return expanded ? 1 + dumpLineCount(entry) : 1;
}

interface Preview {
  readonly text: string;
  /** Character offset where each shown byte starts, plus the end. */
  readonly offsets: readonly number[];
}

function preview(bytes: Uint8Array): Preview {
  let text = '';
  const offsets: number[] = [0];
  for (let position = 0; position < bytes.length; position++) {
    const piece = PIECES[bytes[position]];
    if (text.length + piece.length > PREVIEW_CHARS) {
      return { text: text + '…', offsets };
    }
    text += piece;
    offsets.push(text.length);
  }
  return { text, offsets };
}

/** Byte ranges → character ranges in the preview, for the bytes the preview shows. */
function previewMarks(offsets: readonly number[], ranges: readonly number[]): number[] {
  const shown = offsets.length - 1;
  const marks: number[] = [];
  for (let index = 0; index < ranges.length; index += 2) {
    if (ranges[index] >= shown) {
      break;
    }
    marks.push(offsets[ranges[index]], offsets[Math.min(shown, ranges[index + 1])]);
  }
  return marks;
}

export function buildRow(
  entry: TranscriptEntry,
  index: number,
  line: number,
  lines: number,
  filter: CompiledFilter,
  eventText: (entry: TranscriptEntry) => string,
): RowView {
  const base = {
    seq: entry.seq,
    index,
    line,
    lines,
    kind: entry.kind,
    direction: entry.direction,
    time: entry.time,
    peer: entry.peer,
    length: entry.length,
    captured: entry.data?.byteLength ?? 0,
  };
  if (entry.kind !== 'data') {
    const text = eventText(entry);
    const marks = textMatches(filter, text);
    return marks.length > 0 ? { ...base, text, marks } : { ...base, text };
  }
  const data = entry.data ?? new Uint8Array();
  const shown = preview(data);
  const ranges = byteMatches(filter, data, Math.max(shown.offsets.length - 1, lines > 1 ? INLINE_DUMP_BYTES : 0));
  const marks = previewMarks(shown.offsets, ranges);
  const row: RowView = marks.length > 0 ? { ...base, text: shown.text, marks } : { ...base, text: shown.text };
  return lines > 1 ? { ...row, dump: dumpOf(data, ranges) } : row;
}

function dumpOf(data: Uint8Array, ranges: readonly number[]): DumpView {
  const shownBytes = Math.min(data.byteLength, INLINE_DUMP_BYTES);
  const marks: number[] = [];
  for (let index = 0; index < ranges.length; index += 2) {
    if (ranges[index] < shownBytes) {
      marks.push(ranges[index], Math.min(shownBytes, ranges[index + 1]));
    }
  }
  const lines = hexdumpLines(data, { width: DUMP_WIDTH, groupSize: 2, maxBytes: shownBytes });
  return marks.length > 0 ? { lines, marks, more: data.byteLength - shownBytes } : { lines, more: data.byteLength - shownBytes };
}

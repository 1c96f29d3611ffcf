/**
 * The traffic list's geometry as plain numbers: which lines are on screen, which window of rows to
 * ask the host for, how the scroll position is scaled past the browser's height limit, and where a
 * revealed row puts the viewport. No DOM, so it is tested in plain Node; virtualList.ts applies it.
 */
import { LIMITS } from '../shared/protocol';

export const LINE_HEIGHT = 22;
/** Browsers cap element heights (Chromium near 33.5 M px); stay well below. */
export const MAX_SCROLL_PX = 8_000_000;
/** Lines fetched beyond each edge of the viewport, so small scrolls need no round trip. */
export const OVERSCAN = 20;

/** A window of lines the list holds, for one generation of the transcript. */
export interface LineWindow {
  readonly generation: number;
  readonly start: number;
  readonly count: number;
}

/** Height of all lines in virtual pixels. */
export function contentPx(totalLines: number): number {
  return totalLines * LINE_HEIGHT;
}

/** Virtual pixels per scrollbar pixel: 1 until the content passes MAX_SCROLL_PX. */
export function scrollScale(totalLines: number, viewportHeight: number): number {
  const content = contentPx(totalLines);
  return content <= MAX_SCROLL_PX || MAX_SCROLL_PX <= viewportHeight ? 1 : (content - viewportHeight) / (MAX_SCROLL_PX - viewportHeight);
}

/** The spacer's height: the scrollbar's length, capped. */
export function spacerPx(totalLines: number, viewportHeight: number): number {
  return Math.max(0, Math.min(contentPx(totalLines), MAX_SCROLL_PX) - viewportHeight);
}

/** The largest virtual top: the last line at the bottom of the viewport. */
export function maxTop(totalLines: number, viewportHeight: number): number {
  return Math.max(0, contentPx(totalLines) - viewportHeight);
}

/** Lines [first, last) on screen. */
export function visibleRange(virtualTop: number, viewportHeight: number): [number, number] {
  const first = Math.floor(virtualTop / LINE_HEIGHT);
  return [first, first + Math.ceil(viewportHeight / LINE_HEIGHT) + 1];
}

/** The rows to ask the host for: the visible lines and OVERSCAN each side, at most LIMITS.maxRequestLines. */
export function requestWindow(first: number, last: number): { start: number; count: number } {
  const start = Math.max(0, first - OVERSCAN);
  return { start, count: Math.min(LIMITS.maxRequestLines, last + OVERSCAN - start) };
}

/** Whether the held window misses any visible line (or is of an older generation). */
export function needsRows(covered: LineWindow | undefined, generation: number, first: number, last: number, totalLines: number): boolean {
  const end = Math.min(last, totalLines);
  return covered === undefined || covered.generation !== generation || first < covered.start || end > covered.start + covered.count;
}

/** How many lines the host should send along with each update while following the tail (0: not following). */
export function tailLines(follow: boolean, viewportHeight: number): number {
  return follow ? Math.min(LIMITS.maxRequestLines, Math.ceil(viewportHeight / LINE_HEIGHT) + 2) : 0;
}

/** Rows after the transcript dropped `headShift` lines from its head: moved up, and gone when off the top. */
export function shiftRows<Row extends { readonly line: number; readonly lines: number }>(rows: readonly Row[], headShift: number): Row[] {
  return rows.map((row) => ({ ...row, line: row.line - headShift })).filter((row) => row.line + row.lines > 0);
}

/** The virtual top that brings a row of `lines` lines at `line` fully into view, moving as little as possible. */
export function revealTop(virtualTop: number, line: number, lines: number, viewportHeight: number, totalLines: number): number {
  const top = line * LINE_HEIGHT;
  const bottom = (line + lines) * LINE_HEIGHT;
  if (top < virtualTop) {
    return top;
  }
  if (bottom > virtualTop + viewportHeight) {
    return Math.min(maxTop(totalLines, viewportHeight), bottom - viewportHeight);
  }
  return virtualTop;
}

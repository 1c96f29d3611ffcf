/**
 * The host side of the traffic view: which transcript entries the panel shows and where, in lines.
 *
 * Unfiltered text view (the common case, and the one a flood of traffic hits) needs no index at
 * all: line N is seq firstSeq + N. A filter, the global hex view or a row toggled open switches to
 * a LineLayout built incrementally, a time-boxed slice per tick, so a million entries never block
 * the extension host. The layout only changes in tick(), whose result the panel posts at once, so
 * the line numbers in a rows answer always match the last `traffic` message the webview has seen.
 */
import type { TranscriptCounters, TranscriptEntry, TranscriptView } from '../engine';
import { NO_FILTER, type FilterView, type RowView, type TrafficCounters } from '../shared/protocol';
import { LineLayout } from './layout';
import { buildRow, rowLines } from './rows';
import { compileFilter, isEmptyFilter, matchesEntry, type CompiledFilter } from './search';
import { deltaOf, NO_TIMING, RoundTrips, type TimingStrings } from './timing';

/** Rows toggled open one by one are remembered up to this many (oldest forgotten first). */
const MAX_FLIPPED = 10_000;
/** Check the clock every this many entries while building a layout. */
const CLOCK_STRIDE = 256;

export interface TrafficState {
  readonly generation: number;
  readonly totalLines: number;
  readonly totalRows: number;
  readonly headShift: number;
  readonly counters: TrafficCounters;
  /** Undefined when the layout is complete. */
  readonly indexing?: number;
  readonly anchor?: { readonly seq: number; readonly line: number };
  readonly filter: CompiledFilter;
  /** The round-trip summary, when there are round trips. */
  readonly roundTrips?: string;
}

export class TrafficModel {
  private filter: CompiledFilter = compileFilter(NO_FILTER);
  private hexAll = false;
  /** Rows whose hex view differs from hexAll; a Set keeps insertion order for forgetting the oldest. */
  private readonly flipped = new Set<number>();
  /** Undefined in the identity layout (every held entry, one line each). */
  private layout: LineLayout | undefined;
  /** Next seq the layout has not looked at. */
  private scanSeq = 0;
  /** Where a build started, for the progress figure. */
  private buildFrom = 0;
  /** Identity layout: the firstSeq the webview was last told about (line 0). */
  private reportedFirstSeq: number;
  private pendingAnchor: number | undefined;
  private generationNumber = 1;

  private readonly roundTrips: RoundTrips;

  constructor(
    private transcript: TranscriptView,
    private readonly eventText: (entry: TranscriptEntry) => string,
    private readonly timing: TimingStrings = NO_TIMING,
  ) {
    this.reportedFirstSeq = transcript.counters().firstSeq;
    this.roundTrips = new RoundTrips(transcript);
  }

  get generation(): number {
    return this.generationNumber;
  }

  get building(): boolean {
    return this.layout !== undefined && this.scanSeq < this.transcript.counters().nextSeq;
  }

  get view(): { readonly filter: FilterView; readonly hexAll: boolean } {
    return { filter: this.filter.view, hexAll: this.hexAll };
  }

  /** Shows another transcript (the panel found its socket again). */
  replaceTranscript(transcript: TranscriptView): void {
    this.transcript = transcript;
    this.roundTrips.replace(transcript);
    this.relayout(undefined);
  }

  setView(filter: FilterView, hexAll: boolean, anchorSeq: number | undefined): void {
    this.filter = compileFilter(filter);
    if (hexAll !== this.hexAll) {
      this.flipped.clear();
    }
    this.hexAll = hexAll;
    this.relayout(anchorSeq);
  }

  /** Flips one row between text and hex. */
  toggleRow(seq: number, anchorSeq: number | undefined): void {
    let forgotten = false;
    if (this.flipped.has(seq)) {
      this.flipped.delete(seq);
    } else {
      this.flipped.add(seq);
      if (this.flipped.size > MAX_FLIPPED) {
        this.flipped.delete(this.flipped.values().next().value as number);
        forgotten = true;
      }
    }
    const entry = this.transcript.at(seq);
    if (this.layout !== undefined && !this.building && entry !== undefined && !forgotten) {
      // A complete layout is patched in place: one row changes height.
      const row = this.layout.rowOfSeq(seq);
      if (row >= 0) {
        this.layout.setLines(row, rowLines(entry, this.isExpanded(seq)));
      }
      this.generationNumber++;
      this.pendingAnchor = anchorSeq;
      return;
    }
    this.relayout(anchorSeq);
  }

  /** After the transcript was cleared: start over from what it holds now. */
  reset(): void {
    this.flipped.clear();
    this.relayout(undefined);
  }

  /**
   * Brings the layout up to date with the transcript, spending at most `budgetMs` on new rows, and
   * says what changed since the previous tick.
   */
  tick(budgetMs: number): TrafficState {
    const counters = this.transcript.counters();
    let headShift: number;
    let totalLines: number;
    let totalRows: number;
    let indexing: number | undefined;
    let anchor: TrafficState['anchor'];
    const layout = this.layout;
    if (layout === undefined) {
      headShift = Math.max(0, counters.firstSeq - this.reportedFirstSeq);
      this.reportedFirstSeq = counters.firstSeq;
      totalLines = totalRows = counters.entries;
      if (this.pendingAnchor !== undefined) {
        const seq = Math.max(this.pendingAnchor, counters.firstSeq);
        anchor = { seq, line: Math.min(seq - counters.firstSeq, Math.max(0, counters.entries - 1)) };
        this.pendingAnchor = undefined;
      }
    } else {
      headShift = layout.dropBefore(counters.firstSeq);
      this.scan(layout, counters.firstSeq, counters.nextSeq, budgetMs);
      totalLines = layout.lines;
      totalRows = layout.rows;
      if (this.scanSeq < counters.nextSeq) {
        const span = Math.max(1, counters.nextSeq - this.buildFrom);
        indexing = Math.min(0.99, (this.scanSeq - this.buildFrom) / span);
      }
      if (this.pendingAnchor !== undefined && (this.scanSeq > this.pendingAnchor || indexing === undefined)) {
        const row = layout.rowAtOrAfterSeq(this.pendingAnchor);
        anchor = row >= 0 ? { seq: layout.seqAt(row), line: layout.lineOf(row) } : { seq: this.pendingAnchor, line: Math.max(0, totalLines - 1) };
        this.pendingAnchor = undefined;
      }
    }
    return {
      generation: this.generationNumber,
      totalLines,
      totalRows,
      headShift,
      counters: {
        entries: counters.entries,
        evictedEntries: counters.evictedEntries,
        truncatedEntries: counters.truncatedEntries,
        truncatedBytes: counters.truncatedBytes,
      },
      indexing,
      anchor,
      filter: this.filter,
      roundTrips: this.roundTripSummary(),
    };
  }

  /** The rows covering lines [start, start + count) as of the last tick. */
  rows(start: number, count: number): RowView[] {
    this.roundTrips.update();
    const result: RowView[] = [];
    const end = start + count;
    const layout = this.layout;
    if (layout === undefined) {
      const base = this.reportedFirstSeq;
      for (const entry of this.transcript.slice(base + start, count)) {
        result.push(this.timed(entry, buildRow(entry, entry.seq - base, entry.seq - base, 1, this.filter, this.eventText)));
      }
      return result;
    }
    for (let row = layout.rowAtLine(start); row >= 0 && row < layout.endRow && layout.lineOf(row) < end; row++) {
      const entry = this.transcript.at(layout.seqAt(row));
      if (entry !== undefined) {
        result.push(this.timed(entry, buildRow(entry, layout.indexOf(row), layout.lineOf(row), layout.linesOf(row), this.filter, this.eventText)));
      }
    }
    return result;
  }

  /** The row with its delta and round trip as finished texts. */
  private timed(entry: TranscriptEntry, row: RowView): RowView {
    const delta = deltaOf(this.transcript, entry);
    const roundTrip = this.roundTrips.of(entry.seq);
    if (delta === undefined && roundTrip === undefined) {
      return row;
    }
    return {
      ...row,
      ...(delta === undefined ? {} : { delta: this.timing.delta(delta) }),
      ...(roundTrip === undefined ? {} : { roundTrip: this.timing.roundTrip(roundTrip) }),
    };
  }

  private roundTripSummary(): string | undefined {
    this.roundTrips.update();
    const summary = this.roundTrips.summary();
    return summary === undefined ? undefined : this.timing.summary(summary);
  }

  counters(): TranscriptCounters {
    return this.transcript.counters();
  }

  /** The entry behind a row, if the transcript still holds it. */
  entry(seq: number): TranscriptEntry | undefined {
    return this.transcript.at(seq);
  }

  private isExpanded(seq: number): boolean {
    return this.hexAll !== this.flipped.has(seq);
  }

  private relayout(anchorSeq: number | undefined): void {
    this.generationNumber++;
    this.pendingAnchor = anchorSeq;
    const counters = this.transcript.counters();
    if (isEmptyFilter(this.filter) && !this.hexAll && this.flipped.size === 0) {
      this.layout = undefined;
      this.reportedFirstSeq = counters.firstSeq;
      return;
    }
    this.layout = new LineLayout();
    this.scanSeq = counters.firstSeq;
    this.buildFrom = counters.firstSeq;
  }

  private scan(layout: LineLayout, firstSeq: number, nextSeq: number, budgetMs: number): void {
    const deadline = performance.now() + budgetMs;
    let seq = Math.max(this.scanSeq, firstSeq);
    while (seq < nextSeq) {
      const stop = Math.min(nextSeq, seq + CLOCK_STRIDE);
      for (; seq < stop; seq++) {
        const entry = this.transcript.at(seq);
        if (entry !== undefined && matchesEntry(this.filter, entry, this.eventText)) {
          layout.push(seq, rowLines(entry, this.isExpanded(seq)));
        }
      }
      if (performance.now() > deadline) {
        break;
      }
    }
    this.scanSeq = seq;
  }
}

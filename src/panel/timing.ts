/**
 * Timing of transcript entries, for the panel's columns and summary and the saved transcript:
 * the delta since the previous entry, and the round trip of an incoming message that follows an
 * outgoing one on the same connection (from the last outgoing entry to the first incoming one).
 * Pure: no vscode, so it is tested in plain Node; durations come from the monotonic clock.
 */
import type { TranscriptEntry, TranscriptView } from '../engine';

export interface RoundTripSummary {
  readonly count: number;
  readonly min: number;
  readonly median: number;
  readonly p99: number;
  readonly max: number;
}

/** Finished texts for the panel (built in strings.ts with the display language). */
export interface TimingStrings {
  delta(milliseconds: number): string;
  roundTrip(milliseconds: number): string;
  summary(summary: RoundTripSummary): string;
}

/** No timing texts (tests of the layout alone). */
export const NO_TIMING: TimingStrings = { delta: () => '', roundTrip: () => '', summary: () => '' };

/** How durations read: `{0}` is the number, already formatted for the display language. */
export interface DurationUnits {
  readonly microseconds: string;
  readonly milliseconds: string;
  readonly seconds: string;
}

/** A connection's key: an accepted connection's id on a server, else the peer (UDP), else the socket itself. */
function connectionKey(entry: TranscriptEntry): string {
  return entry.socketId ?? entry.peer ?? '';
}

/** Milliseconds since the entry before it, if that entry is still held. */
export function deltaOf(transcript: Pick<TranscriptView, 'at'>, entry: TranscriptEntry): number | undefined {
  const previous = transcript.at(entry.seq - 1);
  return previous === undefined ? undefined : Math.max(0, entry.mono - previous.mono);
}

/**
 * Round trips over a transcript, found incrementally: update() reads only the entries recorded since
 * the last call. Bounded by the transcript: round trips of evicted entries are forgotten.
 */
export class RoundTrips {
  private nextSeq: number;
  /** Last outgoing entry's time per connection, not yet answered. */
  private readonly waiting = new Map<string, number>();
  /** Round trips by seq, oldest first. */
  private seqs: number[] = [];
  private values: number[] = [];
  private sorted: number[] | undefined;

  constructor(private transcript: Pick<TranscriptView, 'counters' | 'slice'>) {
    this.nextSeq = transcript.counters().firstSeq;
  }

  /**
   * Reads what was recorded since the last update, at most `budget` entries (the rest on the next
   * call), so a million new entries never hold up the extension host at once.
   */
  update(budget = 50_000): void {
    const { firstSeq, nextSeq } = this.transcript.counters();
    if (nextSeq < this.nextSeq) {
      // Cleared or replaced: start again.
      this.reset(firstSeq);
    }
    if (this.nextSeq < firstSeq) {
      // Entries went before we saw them: a pending outgoing one may be gone too.
      this.waiting.clear();
      this.nextSeq = firstSeq;
    }
    let remaining = budget;
    while (this.nextSeq < nextSeq && remaining > 0) {
      const batch = this.transcript.slice(this.nextSeq, Math.min(4096, remaining, nextSeq - this.nextSeq));
      if (batch.length === 0) {
        break;
      }
      for (const entry of batch) {
        this.take(entry);
      }
      this.nextSeq = batch[batch.length - 1].seq + 1;
      remaining -= batch.length;
    }
    // Forget round trips whose entries were evicted.
    let drop = 0;
    while (drop < this.seqs.length && this.seqs[drop] < firstSeq) {
      drop++;
    }
    if (drop > 0) {
      this.seqs = this.seqs.slice(drop);
      this.values = this.values.slice(drop);
      this.sorted = undefined;
    }
  }

  /** Shows another transcript. */
  replace(transcript: Pick<TranscriptView, 'counters' | 'slice'>): void {
    this.transcript = transcript;
    this.reset(transcript.counters().firstSeq);
  }

  /** The round trip ending at this entry, in ms (call update() first). */
  of(seq: number): number | undefined {
    let low = 0;
    let high = this.seqs.length - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const value = this.seqs[middle];
      if (value === seq) {
        return this.values[middle];
      }
      if (value < seq) {
        low = middle + 1;
      } else {
        high = middle - 1;
      }
    }
    return undefined;
  }

  summary(): RoundTripSummary | undefined {
    if (this.values.length === 0) {
      return undefined;
    }
    this.sorted ??= [...this.values].sort((a, b) => a - b);
    const sorted = this.sorted;
    // Nearest rank: the smallest value with at least p of the values at or below it.
    const rank = (p: number): number => sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)];
    return { count: sorted.length, min: sorted[0], median: rank(0.5), p99: rank(0.99), max: sorted[sorted.length - 1] };
  }

  private reset(firstSeq: number): void {
    this.nextSeq = firstSeq;
    this.waiting.clear();
    this.seqs = [];
    this.values = [];
    this.sorted = undefined;
  }

  private take(entry: TranscriptEntry): void {
    const key = connectionKey(entry);
    if (entry.kind === 'data') {
      if (entry.direction === 'out') {
        this.waiting.set(key, entry.mono);
        return;
      }
      const sent = this.waiting.get(key);
      if (sent !== undefined) {
        this.waiting.delete(key);
        this.seqs.push(entry.seq);
        this.values.push(Math.max(0, entry.mono - sent));
        this.sorted = undefined;
      }
    } else if (entry.kind === 'connect' || entry.kind === 'accept' || entry.kind === 'close' || entry.kind === 'error') {
      // A new or ended connection answers nothing sent on the old one; a socket-wide event ends them all.
      if (entry.socketId === undefined && entry.peer === undefined) {
        this.waiting.clear();
      } else {
        this.waiting.delete(key);
      }
    }
  }
}

/**
 * A duration for people: `850 µs`, `12.3 ms`, `1.25 s`, `75 s`, three significant digits, in the
 * display language's number format.
 */
export function formatDuration(milliseconds: number, units: DurationUnits, locale?: string): string {
  const digits = (value: number): string => {
    const fraction = value >= 100 ? 0 : value >= 10 ? 1 : 2;
    return new Intl.NumberFormat(locale, { minimumFractionDigits: fraction, maximumFractionDigits: fraction }).format(value);
  };
  if (milliseconds < 1) {
    return units.microseconds.replace('{0}', new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(Math.round(milliseconds * 1000)));
  }
  if (milliseconds < 1000) {
    return units.milliseconds.replace('{0}', digits(milliseconds));
  }
  return units.seconds.replace('{0}', digits(milliseconds / 1000));
}

/**
 * The rows a filtered or hex-expanded traffic view shows, and where each starts, in lines. Rows
 * arrive at the tail (new traffic) and leave at the head (ring-buffer eviction), so the index is a
 * sliding window over two typed arrays: the row's seq, and a running total of lines (a prefix sum),
 * which turns "which row is at line N" into a binary search over up to a million rows.
 */
export class LineLayout {
  private seqs = new Float64Array(1024);
  /** ends[i + 1] - ends[i] is row i's height; ends[start] is the line count already dropped. */
  private ends = new Float64Array(1025);
  private start = 0;
  private end = 0;

  get rows(): number {
    return this.end - this.start;
  }

  get lines(): number {
    return this.ends[this.end] - this.ends[this.start];
  }

  push(seq: number, lines: number): void {
    if (this.end + 1 >= this.seqs.length) {
      this.grow();
    }
    this.seqs[this.end] = seq;
    this.ends[this.end + 1] = this.ends[this.end] + lines;
    this.end++;
  }

  /** Drops rows whose seq is below `firstSeq`; returns how many lines went. */
  dropBefore(firstSeq: number): number {
    const next = this.lowerBound(firstSeq);
    const dropped = this.ends[next] - this.ends[this.start];
    this.start = next;
    return dropped;
  }

  clear(): void {
    this.start = 0;
    this.end = 0;
    this.ends[0] = 0;
  }

  /** The row (an index for seqAt/lineOf) covering `line`, or -1 past the end. */
  rowAtLine(line: number): number {
    const target = this.ends[this.start] + line;
    let low = this.start;
    let high = this.end;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.ends[middle + 1] <= target) {
        low = middle + 1;
      } else {
        high = middle;
      }
    }
    return low < this.end ? low : -1;
  }

  /** The row with this seq, or -1. */
  rowOfSeq(seq: number): number {
    const row = this.lowerBound(seq);
    return row < this.end && this.seqs[row] === seq ? row : -1;
  }

  /** The first row whose seq is at least `seq` (the row to anchor on when `seq` was filtered out), or -1. */
  rowAtOrAfterSeq(seq: number): number {
    const row = this.lowerBound(seq);
    return row < this.end ? row : -1;
  }

  get endRow(): number {
    return this.end;
  }

  /** The row's position among the rows shown (0 = the first one still held). */
  indexOf(row: number): number {
    return row - this.start;
  }

  seqAt(row: number): number {
    return this.seqs[row];
  }

  lineOf(row: number): number {
    return this.ends[row] - this.ends[this.start];
  }

  linesOf(row: number): number {
    return this.ends[row + 1] - this.ends[row];
  }

  /** Changes one row's height; every later row moves (a loop over the tail: ~1 ms per million rows). */
  setLines(row: number, lines: number): void {
    const delta = lines - this.linesOf(row);
    if (delta === 0) {
      return;
    }
    for (let index = row + 1; index <= this.end; index++) {
      this.ends[index] += delta;
    }
  }

  private lowerBound(seq: number): number {
    let low = this.start;
    let high = this.end;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.seqs[middle] < seq) {
        low = middle + 1;
      } else {
        high = middle;
      }
    }
    return low;
  }

  /** Makes room at the tail: reclaims the dropped head first, doubles only when that is not enough. */
  private grow(): void {
    const live = this.end - this.start;
    const capacity = live * 2 + 2 < this.seqs.length ? this.seqs.length : this.seqs.length * 2;
    const seqs = new Float64Array(capacity);
    const ends = new Float64Array(capacity + 1);
    seqs.set(this.seqs.subarray(this.start, this.end));
    const base = this.ends[this.start];
    for (let index = 0; index <= live; index++) {
      ends[index] = this.ends[this.start + index] - base;
    }
    this.seqs = seqs;
    this.ends = ends;
    this.start = 0;
    this.end = live;
  }
}

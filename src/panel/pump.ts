/**
 * Paces what the traffic view sends to the webview. Nothing runs per packet: while the panel is
 * visible and its webview listening, a timer looks at the transcript's counters once per frame
 * (≤ 30 Hz; every 200 ms after two idle seconds) and posts one `traffic` message when something
 * moved. While the panel is hidden the timer stops altogether. Rows go out only for the lines the
 * webview shows: on request, or with the update itself while it follows the tail.
 */
import type * as vscode from 'vscode';
import { describeError } from '../messages';
import type { HostMessage, TrafficMessage } from '../shared/protocol';
import type { TrafficModel } from './traffic';

/** ≤ 30 messages a second. */
export const FRAME_MS = 34;
/** Once nothing moved for this long, look less often. */
const IDLE_AFTER_MS = 2000;
const IDLE_FRAME_MS = 200;
/** Time a tick may spend extending a layout; more while a new filter is being built. */
const TICK_BUDGET_MS = 4;
const BUILD_BUDGET_MS = 12;

export interface PumpOwner {
  /** The panel is visible and its webview has said `ready`. */
  live(): boolean;
  post(message: HostMessage): void;
  /** The transcript grew or shrank since the last frame (the panel refreshes UDP peers on it). */
  moved(): void;
  /** The budget line, finished text; a connection's changes with its server's traffic too. */
  budget(): string | undefined;
}

export class TrafficPump implements vscode.Disposable {
  private timer: NodeJS.Timeout | undefined;
  private dirty = true;
  private last: TrafficMessage | undefined;
  /** Lines the webview shows while it follows the tail; 0 when it does not follow. */
  private tailLines = 0;
  private seenNext = -1;
  private seenFirst = -1;
  private seenBudget: string | undefined;
  private lastMove = Date.now();

  constructor(
    private model: TrafficModel,
    private readonly owner: PumpOwner,
  ) {}

  /** The panel shows another model (it was bound to another socket). */
  replaceModel(model: TrafficModel): void {
    this.model = model;
    this.seenNext = -1;
    this.now();
  }

  /** The webview follows the tail showing `lines` lines (or stopped following: 0). */
  setViewport(follow: boolean, lines: number): void {
    this.tailLines = follow ? lines : 0;
    this.now();
  }

  /** The view changed shape (filter, toggle, clear), became visible, or the socket changed: update now. */
  now(): void {
    this.last = undefined;
    this.dirty = true;
    this.lastMove = Date.now();
    if (this.timer !== undefined) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    this.schedule(0);
  }

  dispose(): void {
    if (this.timer !== undefined) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
  }

  private schedule(delay: number): void {
    if (this.timer === undefined && this.owner.live()) {
      this.timer = setTimeout(() => this.tick(), delay);
    }
  }

  private tick(): void {
    this.timer = undefined;
    if (!this.owner.live()) {
      // Hidden: stop. Becoming visible calls now(), which starts again.
      return;
    }
    const counters = this.model.counters();
    if (counters.nextSeq !== this.seenNext || counters.firstSeq !== this.seenFirst) {
      this.seenNext = counters.nextSeq;
      this.seenFirst = counters.firstSeq;
      this.dirty = true;
      this.lastMove = Date.now();
      this.owner.moved();
    }
    const budget = this.owner.budget();
    if (budget !== this.seenBudget) {
      this.seenBudget = budget;
      this.dirty = true;
    }
    if (this.dirty || this.model.building) {
      this.dirty = false;
      this.post();
    }
    this.schedule(this.model.building || Date.now() - this.lastMove < IDLE_AFTER_MS ? FRAME_MS : IDLE_FRAME_MS);
  }

  private post(): void {
    const state = this.model.tick(this.model.building ? BUILD_BUDGET_MS : TICK_BUDGET_MS);
    const message: TrafficMessage = {
      type: 'traffic',
      generation: state.generation,
      totalLines: state.totalLines,
      totalRows: state.totalRows,
      headShift: state.headShift,
      counters: state.counters,
      ...(this.seenBudget === undefined ? {} : { budget: this.seenBudget }),
      ...(state.indexing === undefined ? {} : { indexing: state.indexing }),
      ...(state.anchor === undefined ? {} : { anchor: state.anchor }),
      ...(state.filter.error === undefined ? {} : { filterError: describeError(state.filter.error) }),
    };
    if (sameTraffic(this.last, message)) {
      return;
    }
    this.last = message;
    if (this.tailLines > 0) {
      const start = Math.max(0, state.totalLines - this.tailLines);
      const count = state.totalLines - start;
      this.owner.post({ ...message, tail: { start, count, rows: this.model.rows(start, count) } });
    } else {
      this.owner.post(message);
    }
  }
}

/** Nothing the webview would redraw for: skip the message. */
function sameTraffic(previous: TrafficMessage | undefined, next: TrafficMessage): boolean {
  return (
    previous !== undefined &&
    next.headShift === 0 &&
    next.anchor === undefined &&
    next.indexing === undefined &&
    previous.indexing === undefined &&
    previous.generation === next.generation &&
    previous.totalLines === next.totalLines &&
    previous.totalRows === next.totalRows &&
    previous.counters.entries === next.counters.entries &&
    previous.counters.evictedEntries === next.counters.evictedEntries &&
    previous.counters.truncatedEntries === next.counters.truncatedEntries &&
    previous.filterError === next.filterError &&
    previous.budget === next.budget
  );
}

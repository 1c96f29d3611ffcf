/**
 * Paces what the traffic view sends to the webview. Data events only mark the view dirty (a flag,
 * whatever the packet rate); a timer then posts at most one `traffic` message per frame budget
 * (≤ 30 Hz), and nothing at all while the panel is hidden or its webview not yet listening. Rows go
 * out only when the webview asks for them, for the lines it shows.
 */
import type * as vscode from 'vscode';
import { describeError } from '../messages';
import type { HostMessage, TrafficMessage } from '../shared/protocol';
import type { TrafficModel } from './traffic';

/** ≤ 30 messages a second. */
export const FRAME_MS = 34;
/** Time a tick may spend extending a layout; more while a new filter is being built. */
const TICK_BUDGET_MS = 4;
const BUILD_BUDGET_MS = 12;
/** Lifecycle entries of a server's connections do not fire data events; look now and then. */
const IDLE_POLL_MS = 1000;

export interface PumpHost {
  /** The panel is visible and its webview has said `ready`. */
  live(): boolean;
  post(message: HostMessage): void;
}

export class TrafficPump implements vscode.Disposable {
  private timer: NodeJS.Timeout | undefined;
  private readonly poll: NodeJS.Timeout;
  private lastTick = 0;
  private dirty = true;
  private last: TrafficMessage | undefined;

  constructor(
    private model: TrafficModel,
    private readonly host: PumpHost,
  ) {
    this.poll = setInterval(() => this.markDirty(), IDLE_POLL_MS);
    this.poll.unref?.();
  }

  /** The panel shows another model (it was bound to another socket). */
  replaceModel(model: TrafficModel): void {
    this.model = model;
    this.last = undefined;
    this.now();
  }

  /** Something changed; called on the data path, so it only sets a flag and maybe a timer. */
  markDirty(): void {
    this.dirty = true;
    if (this.timer === undefined && this.host.live()) {
      this.schedule();
    }
  }

  /** The view changed shape (filter, toggle, clear) or became visible: update without waiting for data. */
  now(): void {
    this.last = undefined;
    this.markDirty();
  }

  dispose(): void {
    clearInterval(this.poll);
    if (this.timer !== undefined) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
  }

  private schedule(): void {
    const wait = Math.max(0, this.lastTick + FRAME_MS - Date.now());
    this.timer = setTimeout(() => this.tick(), wait);
  }

  private tick(): void {
    this.timer = undefined;
    if (!this.host.live() || !this.dirty) {
      return;
    }
    this.lastTick = Date.now();
    this.dirty = false;
    const state = this.model.tick(this.model.building ? BUILD_BUDGET_MS : TICK_BUDGET_MS);
    const message: TrafficMessage = {
      type: 'traffic',
      generation: state.generation,
      totalLines: state.totalLines,
      totalRows: state.totalRows,
      headShift: state.headShift,
      counters: state.counters,
      ...(state.indexing === undefined ? {} : { indexing: state.indexing }),
      ...(state.anchor === undefined ? {} : { anchor: state.anchor }),
      ...(state.filter.error === undefined ? {} : { filterError: describeError(state.filter.error) }),
    };
    if (!sameTraffic(this.last, message)) {
      this.last = message;
      this.host.post(message);
    }
    if (this.model.building) {
      this.dirty = true;
      this.schedule();
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
    previous.filterError === next.filterError
  );
}

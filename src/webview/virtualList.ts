/**
 * The traffic list, virtualized: only the rows in (or near) the viewport exist in the DOM. The
 * list is measured in lines of fixed height; the host says how many lines there are and answers
 * requests for the rows covering a range of lines. A sticky layer holds the rows, a spacer gives
 * the scrollbar its length; past a few million pixels the scroll position is scaled, so a million
 * expanded rows still scroll end to end.
 */
import type { PanelStrings, RowView, RowsMessage, TrafficMessage } from '../shared/protocol';
import { element } from './dom';
import { post } from './hostChannel';
import { handleListKey, type ListKeyContext } from './listKeys';
import {
  LINE_HEIGHT, OVERSCAN, maxTop, needsRows, requestWindow, revealTop, scrollScale, shiftRows, spacerPx, tailLines, visibleRange,
  type LineWindow,
} from './listWindow';
import { renderRow } from './rowRender';

export { LINE_HEIGHT } from './listWindow';

export type RowAction = 'reply' | 'toggle' | 'copyText' | 'copyHex' | 'copyPayload' | 'openDump';

export interface ListEvents {
  followChanged(follow: boolean): void;
  action(seq: number, action: RowAction): void;
  /** The row at the top of the viewport, for restoring the scroll position. */
  topChanged(seq: number | undefined): void;
  /** The selected row, restored with the panel. */
  selected(seq: number): void;
}

export class VirtualList {
  readonly element: HTMLElement;
  private readonly layer: HTMLElement;
  private readonly spacer: HTMLElement;
  private totalLines = 0;
  private totalRows = 0;
  private generation = 0;
  private virtualTop = 0;
  private rows: RowView[] = [];
  private covered: LineWindow | undefined;
  private inFlight: LineWindow | undefined;
  private wanted = false;
  private requestId = 0;
  private followValue = true;
  private selectedSeq: number | undefined;
  private pendingSelectLine: number | undefined;
  private expectedScrollTop = -1;
  private frame = 0;
  private lastTop: number | undefined;
  private lastViewport = '';

  constructor(
    private readonly strings: PanelStrings,
    private readonly events: ListEvents,
    follow: boolean,
    selectedSeq: number | undefined,
  ) {
    this.followValue = follow;
    this.selectedSeq = selectedSeq;
    this.layer = element('div', { className: 'traffic-layer' });
    this.spacer = element('div', { className: 'traffic-spacer' });
    this.element = element('div', {
      id: 'traffic-list',
      className: 'traffic-viewport',
      attributes: { tabindex: 0, role: 'listbox', 'aria-label': strings.traffic, 'aria-describedby': 'traffic-help' },
    }, this.layer, this.spacer);
    this.element.addEventListener('scroll', () => this.onScroll(), { passive: true });
    this.element.addEventListener('wheel', (event) => {
      if (event.deltaY < 0) {
        this.setFollow(false);
      }
    }, { passive: true });
    this.element.addEventListener('keydown', (event) => handleListKey(event, this.keyContext()));
    this.element.addEventListener('click', (event) => this.onClick(event));
    this.element.addEventListener('dblclick', (event) => {
      const seq = this.seqOf(event.target);
      if (seq !== undefined && (event.target as Element).closest('button') === null) {
        this.events.action(seq, 'toggle');
      }
    });
    new ResizeObserver(() => this.layout()).observe(this.element);
  }

  get follow(): boolean {
    return this.followValue;
  }

  get lines(): number {
    return this.totalLines;
  }

  /** The seq at the top of the viewport, or undefined when following the tail. */
  anchorSeq(): number | undefined {
    return this.followValue ? undefined : this.topRow()?.seq;
  }

  setFollow(follow: boolean): void {
    if (follow === this.followValue) {
      return;
    }
    this.followValue = follow;
    this.events.followChanged(follow);
    this.reportViewport();
    if (follow) {
      this.scrollToEnd();
      this.request();
    }
  }

  applyTraffic(message: TrafficMessage): void {
    const previousTotal = this.totalLines;
    let refetch = message.generation !== this.generation;
    if (refetch) {
      this.generation = message.generation;
      this.rows = [];
      this.covered = undefined;
    } else if (message.headShift > 0) {
      refetch = true;
      this.rows = shiftRows(this.rows, message.headShift);
      if (!this.followValue) {
        this.virtualTop = Math.max(0, this.virtualTop - message.headShift * LINE_HEIGHT);
      }
    }
    this.totalLines = message.totalLines;
    this.totalRows = message.totalRows;
    if (message.anchor !== undefined && !this.followValue) {
      this.virtualTop = message.anchor.line * LINE_HEIGHT;
      refetch = true;
    }
    // Following the tail: the host sent the last rows along; nothing to ask for.
    const tail = this.followValue ? message.tail : undefined;
    if (tail !== undefined) {
      this.rows = [...tail.rows];
      this.covered = { generation: message.generation, start: tail.start, count: tail.count };
    }
    this.layout();
    if (tail !== undefined) {
      return;
    }
    const [, last] = this.visibleRange();
    if (refetch || (previousTotal < last + OVERSCAN && this.totalLines > previousTotal) || this.totalLines < previousTotal) {
      this.request();
    }
  }

  applyRows(message: RowsMessage): void {
    if (this.inFlight !== undefined && message.requestId === this.requestId) {
      this.inFlight = undefined;
    }
    if (message.generation === this.generation) {
      this.rows = [...message.rows];
      this.covered = { generation: message.generation, start: message.start, count: message.count };
      if (this.pendingSelectLine !== undefined) {
        const row = this.rows.find((candidate) => candidate.line <= (this.pendingSelectLine ?? 0) && (this.pendingSelectLine ?? 0) < candidate.line + candidate.lines) ?? this.rows[this.rows.length - 1];
        this.pendingSelectLine = undefined;
        if (row !== undefined) {
          this.select(row, false);
        }
      }
      this.scheduleRender();
    }
    if (this.wanted) {
      this.wanted = false;
      this.request();
    }
  }

  focus(): void {
    this.element.focus();
  }

  private scale(): number {
    return scrollScale(this.totalLines, this.element.clientHeight);
  }

  private maxTop(): number {
    return maxTop(this.totalLines, this.element.clientHeight);
  }

  /** Tells the host whether to send the tail rows with each update, and how many lines they fill. */
  private reportViewport(): void {
    const lines = tailLines(this.followValue, this.element.clientHeight);
    const key = `${this.followValue}:${lines}`;
    if (key !== this.lastViewport && this.element.clientHeight > 0) {
      this.lastViewport = key;
      post({ type: 'viewport', follow: this.followValue, lines });
    }
  }

  /** Sizes the spacer and puts the scrollbar where virtualTop says. */
  private layout(): void {
    this.reportViewport();
    const height = this.element.clientHeight;
    this.layer.style.height = `${height}px`;
    this.spacer.style.height = `${spacerPx(this.totalLines, height)}px`;
    if (this.followValue) {
      this.scrollToEnd();
    } else {
      this.virtualTop = Math.min(this.virtualTop, this.maxTop());
      this.setScrollTop(this.virtualTop / this.scale());
    }
    this.scheduleRender();
  }

  private scrollToEnd(): void {
    this.virtualTop = this.maxTop();
    this.setScrollTop(this.element.scrollHeight);
  }

  private setScrollTop(value: number): void {
    const target = Math.round(value);
    if (Math.abs(this.element.scrollTop - target) >= 1) {
      this.element.scrollTop = target;
      this.expectedScrollTop = this.element.scrollTop;
    }
  }

  private onScroll(): void {
    const top = this.element.scrollTop;
    if (this.expectedScrollTop >= 0 && Math.abs(top - this.expectedScrollTop) <= 1) {
      this.expectedScrollTop = -1;
      return;
    }
    this.expectedScrollTop = -1;
    this.virtualTop = Math.min(this.maxTop(), top * this.scale());
    const atEnd = top + this.element.clientHeight >= this.element.scrollHeight - 4;
    this.setFollow(atEnd);
    this.ensureCovered();
    this.scheduleRender();
  }

  /** Lines [first, last) on screen. */
  private visibleRange(): [number, number] {
    return visibleRange(this.virtualTop, this.element.clientHeight);
  }

  private ensureCovered(): void {
    const [first, last] = this.visibleRange();
    if (needsRows(this.covered, this.generation, first, last, this.totalLines)) {
      this.request();
    }
  }

  private request(): void {
    if (this.inFlight !== undefined) {
      this.wanted = true;
      return;
    }
    const [first, last] = this.visibleRange();
    const { start, count } = requestWindow(first, last);
    this.inFlight = { generation: this.generation, start, count };
    this.requestId++;
    post({ type: 'requestRows', requestId: this.requestId, generation: this.generation, start, count });
  }

  private scheduleRender(): void {
    if (this.frame === 0) {
      this.frame = requestAnimationFrame(() => {
        this.frame = 0;
        this.render();
      });
    }
  }

  private render(): void {
    const [first, last] = this.visibleRange();
    const nodes: HTMLElement[] = [];
    for (const row of this.rows) {
      if (row.line + row.lines <= first || row.line >= last) {
        continue;
      }
      const node = renderRow(this.strings, row, row.seq === this.selectedSeq, this.totalRows);
      node.style.transform = `translateY(${row.line * LINE_HEIGHT - this.virtualTop}px)`;
      node.style.height = `${row.lines * LINE_HEIGHT}px`;
      nodes.push(node);
    }
    this.layer.replaceChildren(...nodes);
    const selected = this.selectedSeq === undefined ? null : this.layer.querySelector(`#row-${this.selectedSeq}`);
    if (selected !== null) {
      this.element.setAttribute('aria-activedescendant', selected.id);
    } else {
      this.element.removeAttribute('aria-activedescendant');
    }
    const top = this.followValue ? undefined : this.topRow()?.seq;
    if (top !== this.lastTop) {
      this.lastTop = top;
      this.events.topChanged(top);
    }
  }

  private topRow(): RowView | undefined {
    const [first] = this.visibleRange();
    return this.rows.find((row) => row.line + row.lines > first);
  }

  private seqOf(target: EventTarget | null): number | undefined {
    const row = target instanceof Element ? target.closest('.row') : null;
    const seq = row?.getAttribute('data-seq');
    return seq === null || seq === undefined ? undefined : Number(seq);
  }

  /** A row the list holds (on screen or near it). */
  rowView(seq: number): RowView | undefined {
    return this.rows.find((candidate) => candidate.seq === seq);
  }

  private onClick(event: MouseEvent): void {
    const seq = this.seqOf(event.target);
    if (seq === undefined) {
      return;
    }
    const actionButton = (event.target as Element).closest('[data-action]');
    const action = actionButton?.getAttribute('data-action') as RowAction | null | undefined;
    const row = this.rows.find((candidate) => candidate.seq === seq);
    if (row !== undefined) {
      this.select(row, false);
    }
    if (action !== null && action !== undefined) {
      this.events.action(seq, action);
    }
  }

  private select(row: RowView, reveal: boolean): void {
    if (this.selectedSeq !== row.seq) {
      this.selectedSeq = row.seq;
      this.events.selected(row.seq);
    }
    if (reveal) {
      this.virtualTop = revealTop(this.virtualTop, row.line, row.lines, this.element.clientHeight, this.totalLines);
      const atEnd = this.virtualTop >= this.maxTop() - 1;
      this.setFollow(atEnd);
      if (!atEnd) {
        this.setScrollTop(this.virtualTop / this.scale());
      }
      this.ensureCovered();
    }
    this.scheduleRender();
  }

  /** Moves the selection to the row covering `line`, fetching it first if needed. */
  private selectLine(line: number): void {
    const target = Math.max(0, Math.min(this.totalLines - 1, line));
    const row = this.rows.find((candidate) => candidate.line <= target && target < candidate.line + candidate.lines);
    if (row !== undefined) {
      this.select(row, true);
      return;
    }
    this.pendingSelectLine = target;
    this.setFollow(false);
    this.virtualTop = Math.min(this.maxTop(), target * LINE_HEIGHT);
    this.setScrollTop(this.virtualTop / this.scale());
    this.request();
  }

  /** What the keyboard handler (listKeys.ts) needs to know and do. */
  keyContext(): ListKeyContext {
    const [first] = this.visibleRange();
    return {
      selected: this.rows.find((row) => row.seq === this.selectedSeq),
      firstLine: first,
      pageLines: Math.max(1, Math.floor(this.element.clientHeight / LINE_HEIGHT) - 1),
      totalLines: this.totalLines,
      selectLine: (line) => this.selectLine(line),
      follow: () => this.setFollow(true),
      action: (seq, action) => this.events.action(seq, action),
    };
  }
}

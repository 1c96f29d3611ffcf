/**
 * The traffic view: its toolbar (search as text or hex, direction filters, the hex-dump toggle,
 * autoscroll, Clear), the counters line ("1,234 older entries dropped"), the column header and the
 * virtualized list. Filtering happens on the host; this side sends the filter and draws results.
 */
import { validatePayload } from '../engine/shared/codecs';
import type { FilterView, PanelStrings, RowsMessage, SearchMode, TrafficMessage } from '../shared/protocol';
import { button, element, option, setPressed, toggle } from './dom';
import { codecErrorText, format } from './format';
import { post } from './hostChannel';
import type { StateStore } from './state';
import { VirtualList, type RowAction } from './virtualList';

const SEARCH_DELAY_MS = 150;

export class TrafficView {
  readonly element: HTMLElement;
  readonly list: VirtualList;
  private readonly search: HTMLInputElement;
  private readonly mode: HTMLSelectElement;
  private readonly searchError: HTMLElement;
  private readonly inToggle: HTMLButtonElement;
  private readonly outToggle: HTMLButtonElement;
  private readonly eventToggle: HTMLButtonElement;
  private readonly hexToggle: HTMLButtonElement;
  private readonly followToggle: HTMLButtonElement;
  private readonly status: HTMLElement;
  private readonly empty: HTMLElement;
  private searchTimer: number | undefined;

  constructor(
    private readonly strings: PanelStrings,
    private readonly store: StateStore,
  ) {
    const { filter, hexAll, follow } = store.state;
    this.search = element('input', {
      id: 'search',
      className: 'input search-input',
      attributes: { type: 'search', spellcheck: 'false', autocomplete: 'off', 'aria-label': strings.search, 'aria-describedby': 'search-error' },
    });
    this.search.value = filter.text;
    this.mode = element('select', { id: 'search-mode', className: 'select compact', attributes: { 'aria-label': strings.searchMode } },
      option('text', strings.searchText, filter.mode === 'text'), option('hex', strings.searchHex, filter.mode === 'hex'));
    this.searchError = element('span', { id: 'search-error', className: 'field-error inline', attributes: { 'aria-live': 'polite' } });
    this.inToggle = toggle(strings.showIn, 'arrow-left', filter.in, true);
    this.outToggle = toggle(strings.showOut, 'arrow-right', filter.out, true);
    this.eventToggle = toggle(strings.showEvents, 'info', filter.events, true);
    this.hexToggle = toggle(strings.hexView, 'file-binary', hexAll, true);
    this.followToggle = toggle(strings.autoscroll, 'fold-down', follow);
    const clear = button(strings.clear, { icon: 'clear-all', iconOnly: true });
    this.status = element('div', { className: 'traffic-status', attributes: { 'aria-live': 'polite' } });
    this.list = new VirtualList(strings, {
      followChanged: (value) => {
        setPressed(this.followToggle, value);
        this.setFollowTitle(value);
        this.store.update({ follow: value });
      },
      action: (seq, action) => this.rowAction(seq, action),
      topChanged: (seq) => this.store.update({ topSeq: seq }),
      selected: (seq) => this.store.update({ selectedSeq: seq }),
    }, follow, store.state.selectedSeq);
    this.empty = element('div', { className: 'traffic-empty', text: strings.noTraffic });
    const toolbar = element(
      'div',
      { className: 'traffic-toolbar', attributes: { role: 'toolbar', 'aria-label': strings.traffic } },
      element('div', { className: 'search-group' }, element('span', { className: 'codicon codicon-search search-icon', attributes: { 'aria-hidden': 'true' } }), this.search, this.mode),
      element('div', { className: 'toggle-group' }, this.inToggle, this.outToggle, this.eventToggle),
      element('div', { className: 'toggle-group' }, this.hexToggle),
      element('div', { className: 'toolbar-end' }, this.followToggle, clear),
    );
    const header = element(
      'div',
      { className: 'traffic-header', attributes: { 'aria-hidden': 'true' } },
      element('span', { className: 'cell time', text: strings.columnTime }),
      element('span', { className: 'cell direction', title: strings.columnDirection }),
      element('span', { className: 'cell peer', text: strings.columnPeer }),
      element('span', { className: 'cell length', text: strings.columnLength }),
      element('span', { className: 'cell data', text: strings.columnData }),
    );
    const help = element('div', { id: 'traffic-help', className: 'visually-hidden', text: strings.listHelp });
    this.element = element(
      'section',
      { className: 'traffic', attributes: { 'aria-label': strings.traffic } },
      toolbar,
      element('div', { className: 'traffic-subbar' }, this.status, this.searchError),
      header,
      element('div', { className: 'traffic-body' }, this.list.element, this.empty),
      help,
    );
    this.setFollowTitle(follow);

    this.search.addEventListener('input', () => {
      window.clearTimeout(this.searchTimer);
      this.searchTimer = window.setTimeout(() => this.filterChanged(), SEARCH_DELAY_MS);
    });
    this.search.addEventListener('keydown', (event) => {
      if (event.key === 'Escape' && this.search.value !== '') {
        event.preventDefault();
        event.stopPropagation();
        this.search.value = '';
        this.filterChanged();
      }
    });
    this.mode.addEventListener('change', () => {
      this.search.placeholder = this.mode.value === 'hex' ? strings.searchPlaceholderHex : strings.searchPlaceholderText;
      this.filterChanged();
    });
    this.search.placeholder = filter.mode === 'hex' ? strings.searchPlaceholderHex : strings.searchPlaceholderText;
    for (const button of [this.inToggle, this.outToggle, this.eventToggle, this.hexToggle]) {
      button.addEventListener('click', () => {
        setPressed(button, button.getAttribute('aria-pressed') !== 'true');
        this.filterChanged();
      });
    }
    this.followToggle.addEventListener('click', () => this.list.setFollow(!this.list.follow));
    clear.addEventListener('click', () => post({ type: 'clear' }));
  }

  /** Sends the current filter (on start too: the host then knows a restored one). */
  filterChanged(): void {
    window.clearTimeout(this.searchTimer);
    const filter: FilterView = {
      text: this.search.value.slice(0, 1024),
      mode: this.mode.value as SearchMode,
      in: this.inToggle.getAttribute('aria-pressed') === 'true',
      out: this.outToggle.getAttribute('aria-pressed') === 'true',
      events: this.eventToggle.getAttribute('aria-pressed') === 'true',
    };
    const hexAll = this.hexToggle.getAttribute('aria-pressed') === 'true';
    this.validateSearch(filter);
    this.store.update({ filter, hexAll });
    const anchorSeq = this.list.anchorSeq() ?? (this.list.follow ? undefined : this.store.state.topSeq);
    post({ type: 'setView', filter, hexAll, ...(anchorSeq === undefined ? {} : { anchorSeq }) });
  }

  applyTraffic(message: TrafficMessage): void {
    this.list.applyTraffic(message);
    const { counters } = message;
    const parts: string[] = [];
    if (message.indexing !== undefined) {
      parts.push(format(this.strings.filtering, Math.floor(message.indexing * 100)));
    } else if (this.filtered()) {
      parts.push(message.totalRows === 1 ? this.strings.matchesOne : format(this.strings.matches, message.totalRows));
    }
    if (counters.evictedEntries > 0) {
      parts.push(counters.evictedEntries === 1 ? this.strings.droppedOne : format(this.strings.dropped, counters.evictedEntries));
    }
    if (counters.truncatedEntries > 0) {
      parts.push(format(this.strings.truncated, counters.truncatedEntries, counters.truncatedBytes));
    }
    if (message.budget !== undefined) {
      parts.push(message.budget);
    }
    this.status.textContent = parts.join(' · ');
    this.empty.hidden = message.totalLines > 0 || message.indexing !== undefined;
    this.empty.textContent = counters.entries > 0 ? this.strings.noMatches : this.strings.noTraffic;
    if (message.filterError !== undefined && this.searchError.textContent === '') {
      this.searchError.textContent = message.filterError;
    }
  }

  applyRows(message: RowsMessage): void {
    this.list.applyRows(message);
  }

  focusSearch(): void {
    this.search.focus();
  }

  private filtered(): boolean {
    const { filter } = this.store.state;
    return filter.text.trim() !== '' || !filter.in || !filter.out || !filter.events;
  }

  private setFollowTitle(follow: boolean): void {
    this.followToggle.title = follow ? this.strings.autoscroll : this.strings.autoscrollPaused;
  }

  private validateSearch(filter: FilterView): void {
    let problem = '';
    if (filter.mode === 'hex' && filter.text.trim() !== '') {
      const result = validatePayload(filter.text, 'hex');
      if (!result.ok) {
        problem = format(this.strings.searchInvalidHex, codecErrorText(this.strings, result.error));
      }
    }
    this.searchError.textContent = problem;
    this.search.setAttribute('aria-invalid', problem === '' ? 'false' : 'true');
  }

  private rowAction(seq: number, action: RowAction): void {
    switch (action) {
      case 'toggle': {
        const anchorSeq = this.list.anchorSeq();
        post({ type: 'toggleRow', seq, ...(anchorSeq === undefined ? {} : { anchorSeq }) });
        return;
      }
      case 'copyText':
        post({ type: 'copyRow', seq, format: 'text' });
        return;
      case 'copyHex':
        post({ type: 'copyRow', seq, format: 'hex' });
        return;
      case 'copyPayload':
        post({ type: 'copyRow', seq, format: 'payload' });
        return;
      case 'openDump':
        post({ type: 'openDump', seq });
        return;
    }
  }
}

/**
 * History and saved payloads under the composer: a list each, with Load (and Delete, Save As for
 * saved ones). The texts stay on the host; the lists carry labels, and Load asks for the payload.
 */
import type { PanelStrings, PayloadSummary } from '../shared/protocol';
import { button, element, option, replaceChildren } from './dom';
import { format } from './format';
import { post } from './hostChannel';

export class LibraryControls {
  readonly element: HTMLElement;
  private readonly history: HTMLSelectElement;
  private readonly saved: HTMLSelectElement;
  private readonly loadHistory: HTMLButtonElement;
  private readonly loadSaved: HTMLButtonElement;
  private readonly deleteSaved: HTMLButtonElement;

  constructor(
    private readonly strings: PanelStrings,
    current: () => { readonly text: string; readonly encoding: 'utf8' | 'hex' | 'base64' | 'escapes'; readonly lineEnding: 'none' | 'lf' | 'crlf' },
  ) {
    this.history = element('select', { id: 'history', className: 'select grow' });
    this.saved = element('select', { id: 'saved', className: 'select grow' });
    this.loadHistory = button(strings.load, { icon: 'history', className: 'secondary', title: strings.load });
    this.loadSaved = button(strings.load, { icon: 'bookmark', className: 'secondary', title: strings.load });
    this.deleteSaved = button(strings.delete, { icon: 'trash', iconOnly: true });
    const saveAs = button(strings.saveAs, { icon: 'save', className: 'secondary', title: strings.saveAs });
    this.element = element(
      'div',
      { className: 'library' },
      element('div', { className: 'library-group' }, element('label', { className: 'field-label', text: strings.history, attributes: { for: 'history' } }), element('div', { className: 'row-controls' }, this.history, this.loadHistory)),
      element('div', { className: 'library-group' }, element('label', { className: 'field-label', text: strings.saved, attributes: { for: 'saved' } }), element('div', { className: 'row-controls' }, this.saved, this.loadSaved, this.deleteSaved, saveAs)),
    );
    this.loadHistory.addEventListener('click', () => {
      if (this.history.value !== '') {
        post({ type: 'loadHistory', index: Number(this.history.value) });
      }
    });
    this.loadSaved.addEventListener('click', () => {
      if (this.saved.value !== '') {
        post({ type: 'loadSaved', name: this.saved.value });
      }
    });
    this.deleteSaved.addEventListener('click', () => {
      if (this.saved.value !== '') {
        post({ type: 'deleteSaved', name: this.saved.value });
      }
    });
    saveAs.addEventListener('click', () => post({ type: 'savePayload', ...current() }));
    this.setHistory([]);
    this.setSaved([]);
  }

  setHistory(items: readonly PayloadSummary[]): void {
    this.fill(this.history, items, items.length === 0 ? this.strings.historyEmpty : format(this.strings.historyPlaceholder, items.length));
    this.loadHistory.disabled = items.length === 0;
  }

  setSaved(items: readonly PayloadSummary[]): void {
    const previous = this.saved.value;
    this.fill(this.saved, items, items.length === 0 ? this.strings.savedEmpty : format(this.strings.savedPlaceholder, items.length));
    if (items.some((item) => item.key === previous)) {
      this.saved.value = previous;
    }
    this.loadSaved.disabled = items.length === 0;
    this.deleteSaved.disabled = items.length === 0;
  }

  /** The newest entry comes first and is selected, so Load takes it without a choice. */
  private fill(select: HTMLSelectElement, items: readonly PayloadSummary[], summary: string): void {
    if (items.length === 0) {
      const empty = option('', summary, true);
      empty.disabled = true;
      replaceChildren(select, empty);
    } else {
      replaceChildren(select, ...items.map((item, index) => option(item.key, item.label === '' ? '""' : item.label, index === 0)));
    }
    select.title = summary;
    select.disabled = items.length === 0;
  }
}

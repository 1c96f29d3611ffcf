/**
 * The header's Framing field: the socket's framing in spec query syntax, applied with Enter or the
 * Apply button. The host checks the text (the engine's own rules) and answers with a notice.
 */
import type { PanelSocket, PanelStrings } from '../shared/protocol';
import { button, element } from './dom';
import { post } from './hostChannel';

const SUGGESTIONS = ['framing=raw', 'framing=line', 'framing=delimiter&delimiter=0d0a', 'framing=length&length=u16be', 'framing=length&length=u32be', 'framing=fixed&size=16'];

export class FramingControl {
  readonly element: HTMLElement;
  private readonly input: HTMLInputElement;
  private shown: string | undefined;

  constructor(strings: PanelStrings) {
    const label = element('label', { className: 'field-label', text: strings.framing, attributes: { for: 'framing' } });
    this.input = element('input', {
      id: 'framing',
      className: 'input framing-input',
      attributes: { type: 'text', list: 'framing-suggestions', spellcheck: 'false', autocomplete: 'off', title: strings.framingHint, 'aria-label': strings.framing },
    });
    const suggestions = element('datalist', { id: 'framing-suggestions' }, ...SUGGESTIONS.map((text) => element('option', { attributes: { value: text } })));
    const apply = button(strings.framingApply, { icon: 'check', className: 'framing-apply', title: strings.framingHint });
    apply.id = 'framing-apply';
    apply.addEventListener('click', () => this.apply());
    this.input.addEventListener('keydown', (event) => {
      if (event.key === 'Enter') {
        event.preventDefault();
        this.apply();
      }
    });
    this.element = element('div', { className: 'framing-field' }, label, this.input, suggestions, apply);
  }

  /** Shows the socket's framing; what the user is typing is left alone. */
  setSocket(socket: PanelSocket): void {
    this.element.hidden = socket.framing === undefined || socket.status !== 'live';
    if (socket.framing !== this.shown && document.activeElement !== this.input) {
      this.input.value = socket.framing ?? '';
    }
    this.shown = socket.framing;
  }

  private apply(): void {
    post({ type: 'setFraming', text: this.input.value });
    this.shown = undefined;
  }
}

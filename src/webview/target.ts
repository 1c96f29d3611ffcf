/**
 * The composer's target: for a server a list of its connections (or all of them), for UDP an
 * address with the recent peers offered and checked by the host as it is typed, for a client none.
 */
import type { PanelSocket, PanelStrings, TargetCheckMessage, TargetsMessage } from '../shared/protocol';
import { element, option, replaceChildren } from './dom';
import { format } from './format';
import { post } from './hostChannel';
import type { StateStore } from './state';

const CHECK_DELAY_MS = 250;

export class TargetControl {
  readonly element: HTMLElement;
  private readonly select: HTMLSelectElement;
  private readonly input: HTMLInputElement;
  private readonly peers: HTMLDataListElement;
  private readonly error: HTMLElement;
  private mode: PanelSocket['targeting'] = 'none';
  private checkTimer: number | undefined;
  private invalid = false;
  /** The user typed or picked a UDP target: the last peer heard from no longer fills it in. */
  private chosen = false;

  constructor(
    private readonly strings: PanelStrings,
    private readonly store: StateStore,
  ) {
    const label = element('label', { className: 'field-label', text: strings.target, attributes: { for: 'target' } });
    this.select = element('select', { id: 'target', className: 'select' });
    this.input = element('input', {
      id: 'target-address',
      className: 'input',
      attributes: { type: 'text', list: 'target-peers', spellcheck: 'false', autocomplete: 'off', placeholder: strings.targetUdpShort, title: strings.targetUdpPlaceholder, 'aria-describedby': 'target-error' },
    });
    this.peers = element('datalist', { id: 'target-peers' });
    this.error = element('div', { id: 'target-error', className: 'field-error', attributes: { 'aria-live': 'polite' } });
    this.element = element('div', { className: 'field target-field' }, label, this.select, this.input, this.peers, this.error);
    this.select.addEventListener('change', () => this.store.update({ target: this.select.value }));
    this.input.addEventListener('input', () => {
      this.chosen = true;
      this.store.update({ target: this.input.value });
      window.clearTimeout(this.checkTimer);
      this.checkTimer = window.setTimeout(() => post({ type: 'checkTarget', text: this.input.value }), CHECK_DELAY_MS);
    });
    this.input.value = store.state.target;
    this.chosen = store.state.target !== '';
  }

  /**
   * Aims the next send (Reply on a row): a server's connection, or a UDP sender's host:port. A
   * connection that is not in the list (beyond its first page) is added to it.
   */
  setTarget(target: string, label: string): void {
    if (this.mode === 'connections') {
      if (![...this.select.options].some((item) => item.value === target)) {
        this.select.append(option(target, label));
      }
      this.select.value = target;
    } else if (this.mode === 'address') {
      this.chosen = true;
      this.input.value = target;
      post({ type: 'checkTarget', text: target });
    } else {
      return;
    }
    this.store.update({ target });
  }

  setSocket(socket: PanelSocket): void {
    this.mode = socket.targeting;
    this.element.hidden = this.mode === 'none';
    this.select.hidden = this.mode !== 'connections';
    this.input.hidden = this.mode !== 'address';
    // The label points at whichever control is shown.
    this.element.querySelector('label')?.setAttribute('for', this.mode === 'address' ? 'target-address' : 'target');
    if (this.mode === 'address' && this.input.value.trim() !== '') {
      post({ type: 'checkTarget', text: this.input.value });
    }
  }

  setTargets(message: TargetsMessage): void {
    const wanted = this.store.state.target;
    const allLabel = format(this.strings.targetAllCount, message.total);
    const options = [option('all', allLabel, wanted === 'all' || wanted === '')];
    for (const connection of message.connections) {
      options.push(option(connection.id, connection.label, connection.id === wanted));
    }
    if (message.total > message.connections.length) {
      const more = option('', format(this.strings.targetMoreConnections, message.total - message.connections.length));
      more.disabled = true;
      options.push(more);
    }
    replaceChildren(this.select, ...options);
    if (![...this.select.options].some((item) => item.selected && !item.disabled)) {
      this.select.value = 'all';
    }
    replaceChildren(this.peers, ...message.peers.map((peer) => option(peer, peer)));
    // An empty target sends to the default peer, when the socket has one: show which.
    this.input.placeholder = message.defaultTarget ?? this.strings.targetUdpShort;
    // Without a default peer, the target starts as the last peer heard from, until the user picks one.
    const last = message.peers[0];
    if (this.mode === 'address' && message.defaultTarget === undefined && !this.chosen && last !== undefined && this.input.value !== last) {
      this.input.value = last;
      this.store.update({ target: last });
      post({ type: 'checkTarget', text: last });
    }
  }

  checked(message: TargetCheckMessage): void {
    if (message.text !== this.input.value) {
      return;
    }
    this.invalid = message.error !== undefined;
    this.error.textContent = message.error ?? '';
    this.input.setAttribute('aria-invalid', this.invalid ? 'true' : 'false');
  }

  /** What goes into a send: undefined when the socket needs no target. */
  value(): string | undefined {
    if (this.mode === 'connections') {
      return this.select.value === '' ? 'all' : this.select.value;
    }
    return this.mode === 'address' ? this.input.value.trim() : undefined;
  }

  get valid(): boolean {
    return this.mode !== 'address' || !this.invalid;
  }
}

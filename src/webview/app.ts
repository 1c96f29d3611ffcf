/**
 * The panel's UI once the host has said `init`: the socket header (and a banner when the socket is
 * closed or gone), the composer with history and saved payloads, the traffic view, and one live
 * region that announces send results and errors.
 */
import type { HostMessage, InitMessage, PanelSocket, PanelStrings, PanelTls } from '../shared/protocol';
import { Composer } from './composer';
import { button, element, icon, replaceChildren } from './dom';
import { format, setLocale } from './format';
import { post } from './hostChannel';
import { LibraryControls } from './library';
import type { StateStore } from './state';
import { RulesSection } from './rules';
import { TrafficView } from './traffic';

export class App {
  private readonly strings: PanelStrings;
  private readonly composer: Composer;
  private readonly library: LibraryControls;
  private readonly traffic: TrafficView;
  private readonly rules: RulesSection;
  private readonly header: HTMLElement;
  private readonly banner: HTMLElement;
  private readonly live: HTMLElement;

  constructor(init: InitMessage, private readonly store: StateStore, root: HTMLElement) {
    this.strings = init.strings;
    setLocale(init.locale);
    if (!store.restored) {
      // A new panel starts with this socket's last line ending, else LF in chat mode, else the setting.
      const lineEnding = init.rememberedLineEnding ?? (store.state.chat === true ? 'lf' : init.defaults.lineEnding);
      store.update({ encoding: init.defaults.encoding, lineEnding });
    }
    this.header = element('header', { className: 'socket-header' });
    this.banner = element('div', { className: 'banner', attributes: { role: 'status' } });
    this.live = element('div', { id: 'notice', className: 'notice', attributes: { role: 'status', 'aria-live': 'polite', 'aria-atomic': 'true' } });
    this.composer = new Composer(this.strings, store, { notice: (text, severity) => this.notice(text, severity) }, init.rememberedLineEnding);
    this.library = new LibraryControls(this.strings, () => this.composer.current());
    this.traffic = new TrafficView(this.strings, store, (row) => this.composer.replyTo(row));
    this.library.setHistory(init.history);
    this.library.setSaved(init.saved);
    this.rules = new RulesSection(this.strings, store);
    const composerBlock = element('div', { className: 'composer-block' }, this.composer.element, this.library.element, this.rules.element, this.live);
    replaceChildren(root, this.header, this.banner, composerBlock, this.traffic.element);
    this.setSocket(init.socket);
    document.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        this.composer.send();
      }
    });
    window.addEventListener('beforeunload', () => store.flush());
    // Tells the host the filter and position this panel had before it was hidden or reloaded.
    this.traffic.filterChanged();
    if (!store.restored) {
      this.composer.focus();
    }
  }

  handle(message: HostMessage): void {
    switch (message.type) {
      case 'init':
        return;
      case 'socket':
        return this.setSocket(message.socket);
      case 'targets':
        return this.composer.targets.setTargets(message);
      case 'targetCheck':
        return this.composer.targets.checked(message);
      case 'traffic':
        return this.traffic.applyTraffic(message);
      case 'rows':
        return this.traffic.applyRows(message);
      case 'notice':
        return this.notice(message.text, message.severity);
      case 'repeat':
        return this.composer.setRepeat(message);
      case 'fileProgress':
        return this.composer.setFileProgress(message);
      case 'history':
        return this.library.setHistory(message.items);
      case 'saved':
        return this.library.setSaved(message.items);
      case 'loadPayload':
        return this.composer.load(message);
      case 'rules':
        return this.rules.apply(message);
      case 'ruleHits':
        return this.rules.setHits(message.hits);
      case 'macroCounter':
        return this.composer.setMacroCounter(message.next);
      default: {
        // A host message type without a case here is a compile error.
        const unhandled: never = message;
        return unhandled;
      }
    }
  }

  private setSocket(socket: PanelSocket): void {
    this.store.update({ socketId: socket.id, spec: socket.spec, name: socket.name });
    document.title = socket.label;
    replaceChildren(
      this.header,
      icon(socket.icon, 'header-icon'),
      element('h1', { className: 'socket-title', text: socket.label }),
      element('span', { className: `socket-description status-${socket.status}`, text: socket.description }),
      ...(socket.tls === undefined ? [] : [this.tlsBadge(socket.tls)]),
      this.saveButton(),
      this.wireButton(),
    );
    this.composer.setSocket(socket);
    this.renderBanner(socket);
  }

  /** `TLS 1.3 · … · verified`; an unverified peer reads as a warning, with an open lock. */
  private tlsBadge(tls: PanelTls): HTMLElement {
    const badge = element(
      'span',
      { id: 'tls-badge', className: `tls-badge${tls.unverified ? ' unverified' : ''}`, title: tls.title, attributes: { role: 'note', 'aria-label': tls.badge } },
      icon(tls.unverified ? 'unlock' : 'lock'),
      element('span', { text: tls.badge }),
    );
    return badge;
  }

  /** Save Transcript As… for this panel's socket, an ended connection's too. */
  private saveButton(): HTMLButtonElement {
    const save = button(this.strings.saveTranscript, { icon: 'save-as', iconOnly: true, className: 'header-action' });
    save.id = 'save-transcript';
    save.addEventListener('click', () => post({ type: 'saveTranscript' }));
    return save;
  }

  /** Save as Wire File…: the runner's recording of this socket (a connection's: its server's). */
  private wireButton(): HTMLButtonElement {
    const save = button(this.strings.saveAsWire, { icon: 'file-code', iconOnly: true, className: 'header-action' });
    save.id = 'save-wire';
    save.addEventListener('click', () => post({ type: 'saveAsWire' }));
    return save;
  }

  private renderBanner(socket: PanelSocket): void {
    const text = {
      live: '',
      closed: this.strings.stateClosed,
      ended: this.strings.stateEnded,
      removed: this.strings.stateRemoved,
      missing: format(this.strings.stateMissing, socket.spec),
    }[socket.status];
    this.banner.hidden = text === '';
    if (text === '') {
      this.banner.textContent = '';
      return;
    }
    const children: (HTMLElement | string)[] = [icon(socket.status === 'closed' ? 'debug-disconnect' : 'warning'), element('span', { className: 'banner-text', text })];
    if (socket.status === 'closed') {
      const reopen = button(this.strings.reopen, { icon: 'debug-restart', className: 'secondary' });
      reopen.addEventListener('click', () => post({ type: 'reopen' }));
      children.push(reopen);
    } else if (socket.status === 'removed' || socket.status === 'missing') {
      const again = button(this.strings.openAgain, { icon: 'debug-restart', className: 'secondary' });
      again.addEventListener('click', () => post({ type: 'openAgain' }));
      children.push(again);
    }
    replaceChildren(this.banner, ...children);
  }

  private notice(text: string, severity: 'info' | 'error'): void {
    this.live.classList.toggle('error', severity === 'error');
    replaceChildren(this.live, icon(severity === 'error' ? 'error' : 'check'), element('span', { text }));
  }
}

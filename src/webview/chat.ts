/**
 * Chat mode, a per-panel toggle kept in the panel's state: Enter sends and clears the box,
 * Shift+Enter adds a new line (Ctrl/Cmd+Enter sends in either mode). In chat mode a text payload
 * (utf8 or escapes) ends with LF unless this socket was last sent to with another line ending.
 */
import type { LineEnding, PanelStrings } from '../shared/protocol';
import { setPressed, toggle } from './dom';
import type { StateStore } from './state';

export interface ChatHost {
  send(): boolean;
  setLineEnding(lineEnding: LineEnding): void;
  textEncoding(): boolean;
}

export class ChatMode {
  readonly button: HTMLButtonElement;

  constructor(
    strings: PanelStrings,
    private readonly store: StateStore,
    textarea: HTMLTextAreaElement,
    private readonly host: ChatHost,
    /** The line ending this socket's history remembers, if any. */
    private readonly remembered: LineEnding | undefined,
  ) {
    this.button = toggle(strings.chatMode, 'comment-discussion', this.on, true);
    this.button.title = strings.chatModeHint;
    this.button.id = 'chat-mode';
    this.button.addEventListener('click', () => this.set(!this.on));
    textarea.addEventListener('keydown', (event) => {
      if (!this.on || event.key !== 'Enter' || event.shiftKey || event.ctrlKey || event.metaKey || event.altKey || event.isComposing) {
        return;
      }
      event.preventDefault();
      if (this.host.send()) {
        textarea.value = '';
        textarea.dispatchEvent(new Event('input'));
      }
    });
  }

  get on(): boolean {
    return this.store.state.chat === true;
  }

  private set(on: boolean): void {
    setPressed(this.button, on);
    this.store.update({ chat: on });
    if (on && this.remembered === undefined && this.host.textEncoding() && this.store.state.lineEnding === 'none') {
      this.host.setLineEnding('lf');
    }
  }
}

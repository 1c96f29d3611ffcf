/**
 * The composer: the payload box with its encoding, validated as the user types with the engine's
 * own codecs (the same rules the host applies when it sends), the byte count and a hex preview, the
 * line ending, the target, Send (Ctrl/Cmd+Enter), Repeat and Send File.
 */
import { convertPayload, decodePayload, validatePayload } from '../engine/shared/codecs';
import { PAYLOAD_ENCODINGS, type PayloadEncoding } from '../engine/shared/types';
import {
  LIMITS,
  LINE_ENDINGS,
  type FileProgressMessage,
  type LineEnding,
  type LoadPayloadMessage,
  type PanelSocket,
  type PanelStrings,
  type RepeatMessage,
  type RowView,
  type StringKey,
} from '../shared/protocol';
import { expandMacros } from '../shared/macros';
import { ChatMode } from './chat';
import { button, element, option } from './dom';
import { codecErrorText, format } from './format';
import { post } from './hostChannel';
import type { StateStore } from './state';
import { TargetControl } from './target';

/** Bytes shown in the preview under the box. */
const PREVIEW_BYTES = 32;
/** Above this many characters validation waits for a pause in typing. */
const LARGE_TEXT = 100_000;

const ENCODING_KEYS: Readonly<Record<PayloadEncoding, StringKey>> = { utf8: 'encodingUtf8', hex: 'encodingHex', base64: 'encodingBase64', escapes: 'encodingEscapes' };
const LINE_ENDING_KEYS: Readonly<Record<LineEnding, StringKey>> = { none: 'lineEndingNone', lf: 'lineEndingLf', crlf: 'lineEndingCrlf' };
const LINE_ENDING_BYTES: Readonly<Record<LineEnding, readonly number[]>> = { none: [], lf: [0x0a], crlf: [0x0d, 0x0a] };

export interface ComposerEvents {
  notice(text: string, severity: 'info' | 'error'): void;
}

function numberInput(id: string, min: number, max: number, value: number, label: string): HTMLInputElement {
  return element('input', { id, className: 'input number', attributes: { type: 'number', min, max, step: 1, value, 'aria-label': label } });
}

export class Composer {
  readonly element: HTMLElement;
  private readonly textarea: HTMLTextAreaElement;
  private readonly encoding: HTMLSelectElement;
  private readonly lineEnding: HTMLSelectElement;
  private readonly status: HTMLElement;
  private readonly target: TargetControl;
  private readonly sendButton: HTMLButtonElement;
  private readonly stopButton: HTMLButtonElement;
  private readonly fileButton: HTMLButtonElement;
  private readonly repeatBox: HTMLInputElement;
  private readonly macrosBox: HTMLInputElement;
  /** The `{{counter}}` of the next send with macros (the host counts). */
  private nextCounter = 1;
  private readonly interval: HTMLInputElement;
  private readonly count: HTMLInputElement;
  private readonly repeatStatus: HTMLElement;
  /** Why the socket cannot send now (the host's sentence), next to the disabled Send. */
  private readonly refusal: HTMLElement;
  private readonly fileRow: HTMLElement;
  private readonly fileLabel: HTMLElement;
  private readonly fileBar: HTMLProgressElement;
  private socket: PanelSocket | undefined;
  private valid = true;
  private repeating = false;
  private validateTimer: number | undefined;
  private currentEncoding: PayloadEncoding;
  private readonly chat: ChatMode;

  constructor(
    private readonly strings: PanelStrings,
    private readonly store: StateStore,
    private readonly events: ComposerEvents,
    rememberedLineEnding?: LineEnding,
  ) {
    const state = store.state;
    this.currentEncoding = state.encoding;
    this.textarea = element('textarea', {
      id: 'payload',
      className: 'payload-input',
      attributes: { spellcheck: 'false', autocomplete: 'off', rows: 5, placeholder: strings.payloadPlaceholder, 'aria-describedby': 'payload-status', maxlength: LIMITS.maxPayloadChars },
    });
    this.textarea.value = state.draft;
    this.status = element('div', { id: 'payload-status', className: 'payload-status', attributes: { 'aria-live': 'polite' } });
    this.encoding = element('select', { id: 'encoding', className: 'select' }, ...PAYLOAD_ENCODINGS.map((value) => option(value, strings[ENCODING_KEYS[value]], value === state.encoding)));
    this.lineEnding = element('select', { id: 'line-ending', className: 'select' }, ...LINE_ENDINGS.map((value) => option(value, strings[LINE_ENDING_KEYS[value]], value === state.lineEnding)));
    this.target = new TargetControl(strings, store);

    this.sendButton = button(strings.send, { icon: 'send', className: 'primary', title: strings.sendHint });
    this.stopButton = button(strings.stop, { icon: 'debug-stop', className: 'secondary' });
    this.stopButton.hidden = true;
    this.fileButton = button(strings.sendFile, { icon: 'file', className: 'secondary' });
    this.repeatBox = element('input', { id: 'repeat', attributes: { type: 'checkbox' } });
    this.repeatBox.checked = state.repeatEnabled;
    this.macrosBox = element('input', { id: 'macros', attributes: { type: 'checkbox' } });
    this.macrosBox.checked = state.macros === true;
    this.interval = numberInput('repeat-interval', LIMITS.minRepeatIntervalMs, LIMITS.maxRepeatIntervalMs, state.repeatIntervalMs, strings.repeatEvery);
    this.count = numberInput('repeat-count', 0, LIMITS.maxRepeatCount, state.repeatCount, strings.repeatTimes);
    this.count.title = strings.repeatTimesHint;
    this.repeatStatus = element('span', { className: 'repeat-status', attributes: { role: 'status' } });
    const repeatGroup = element(
      'div',
      { className: 'repeat-group' },
      element('label', { className: 'checkbox-label', attributes: { for: 'repeat' } }, this.repeatBox, strings.repeat),
      element('label', { className: 'inline-label', attributes: { for: 'repeat-interval' }, text: strings.repeatEvery }),
      this.interval,
      element('label', { className: 'inline-label', attributes: { for: 'repeat-count' }, text: strings.repeatTimes }),
      this.count,
      this.repeatStatus,
    );
    this.fileLabel = element('span', { className: 'file-label' });
    this.fileBar = element('progress', { className: 'file-bar', attributes: { max: 1, value: 0, 'aria-label': strings.sendFile } });
    const cancelFile = button(strings.cancel, { icon: 'close', className: 'secondary' });
    this.fileRow = element('div', { className: 'file-progress', attributes: { role: 'status' } }, this.fileLabel, this.fileBar, cancelFile);
    this.fileRow.hidden = true;

    const side = element(
      'div',
      { className: 'composer-side' },
      element('div', { className: 'field' }, element('label', { className: 'field-label', text: strings.encoding, attributes: { for: 'encoding' } }), this.encoding),
      element('div', { className: 'field' }, element('label', { className: 'field-label', text: strings.lineEnding, attributes: { for: 'line-ending' } }), this.lineEnding),
      this.target.element,
    );
    const main = element('div', { className: 'composer-main' }, element('label', { className: 'field-label', text: strings.payload, attributes: { for: 'payload' } }), this.textarea, this.status);
    this.refusal = element('span', { className: 'send-refusal', attributes: { role: 'status' } });
    this.refusal.hidden = true;
    this.chat = new ChatMode(strings, store, this.textarea, {
      send: () => this.send(),
      setLineEnding: (lineEnding) => {
        this.lineEnding.value = lineEnding;
        this.store.update({ lineEnding });
        this.validate();
      },
      textEncoding: () => this.currentEncoding === 'utf8' || this.currentEncoding === 'escapes',
    }, rememberedLineEnding);
    const macros = element('label', { className: 'checkbox-label', title: strings.macrosHint, attributes: { for: 'macros' } }, this.macrosBox, strings.macros);
    const actions = element('div', { className: 'composer-actions' }, this.sendButton, this.chat.button, this.stopButton, this.fileButton, repeatGroup, macros, this.refusal);
    this.element = element('section', { className: 'composer', attributes: { 'aria-label': strings.payload } }, element('div', { className: 'composer-grid' }, main, side), actions, this.fileRow);

    this.textarea.addEventListener('input', () => {
      this.store.update({ draft: this.textarea.value });
      this.scheduleValidation();
    });
    this.encoding.addEventListener('change', () => this.changeEncoding(this.encoding.value as PayloadEncoding));
    this.lineEnding.addEventListener('change', () => {
      this.store.update({ lineEnding: this.lineEnding.value as LineEnding });
      this.validate();
    });
    this.sendButton.addEventListener('click', () => this.send());
    this.stopButton.addEventListener('click', () => post({ type: 'stopRepeat' }));
    this.fileButton.addEventListener('click', () => post({ type: 'sendFile', target: this.target.value() }));
    cancelFile.addEventListener('click', () => post({ type: 'cancelFile' }));
    this.repeatBox.addEventListener('change', () => this.store.update({ repeatEnabled: this.repeatBox.checked }));
    this.macrosBox.addEventListener('change', () => {
      this.store.update({ macros: this.macrosBox.checked });
      this.validate();
    });
    for (const input of [this.interval, this.count]) {
      input.addEventListener('change', () => this.readRepeat());
    }
    this.validate();
  }

  setSocket(socket: PanelSocket): void {
    this.socket = socket;
    this.target.setSocket(socket);
    this.updateButtons();
  }

  get targets(): TargetControl {
    return this.target;
  }

  /** Puts a payload from the history, a saved one or a traffic row into the box. */
  load(message: LoadPayloadMessage): void {
    this.textarea.value = message.text;
    this.encoding.value = message.encoding;
    this.currentEncoding = message.encoding;
    if (message.lineEnding !== undefined) {
      this.lineEnding.value = message.lineEnding;
    }
    this.store.update({ draft: message.text, encoding: message.encoding, lineEnding: this.lineEnding.value as LineEnding });
    this.validate();
    this.textarea.focus();
  }

  /** The payload as typed, for Save As. */
  current(): { readonly text: string; readonly encoding: PayloadEncoding; readonly lineEnding: LineEnding } {
    return { text: this.textarea.value, encoding: this.currentEncoding, lineEnding: this.lineEnding.value as LineEnding };
  }

  setRepeat(message: RepeatMessage): void {
    this.repeating = message.running;
    const text = message.count === 0 ? format(this.strings.repeatProgressUnbounded, message.sent) : format(this.strings.repeatProgress, message.sent, message.count);
    this.repeatStatus.textContent = message.running || message.sent > 0 ? text : '';
    this.stopButton.hidden = !message.running;
    this.updateButtons();
  }

  setMacroCounter(next: number): void {
    this.nextCounter = next;
    if (this.macrosBox.checked) {
      this.validate();
    }
  }

  setFileProgress(message: FileProgressMessage): void {
    this.fileRow.hidden = !message.running;
    this.fileLabel.textContent = format(this.strings.fileProgress, message.name, message.sent, message.total);
    this.fileBar.max = Math.max(1, message.total);
    this.fileBar.value = message.sent;
    this.fileButton.disabled = message.running || this.socket?.sendable !== true;
  }

  focus(): void {
    this.textarea.focus();
  }

  /** Aims the composer at a received row's sender (Reply) and puts the cursor in the box. */
  replyTo(row: RowView): void {
    const targeting = this.socket?.targeting;
    if (targeting === 'connections' && row.socketId !== undefined) {
      this.target.setTarget(row.socketId, row.peer ?? row.socketId);
    } else if (targeting === 'address' && row.peer !== undefined) {
      this.target.setTarget(row.peer, row.peer);
    }
    this.textarea.focus();
  }

  /** Sends what is in the box; false when it cannot (invalid, not sendable, a repeat running). */
  send(): boolean {
    if (this.validateTimer !== undefined) {
      this.validate();
    }
    if (!this.valid || this.socket?.sendable !== true || this.repeating) {
      return false;
    }
    const repeat = this.repeatBox.checked ? this.readRepeat() : undefined;
    post({
      type: 'send',
      text: this.textarea.value,
      encoding: this.currentEncoding,
      lineEnding: this.lineEnding.value as LineEnding,
      ...(this.target.value() === undefined ? {} : { target: this.target.value() }),
      ...(repeat === undefined ? {} : { repeat }),
      ...(this.macrosBox.checked ? { macros: true } : {}),
    });
    return true;
  }

  private readRepeat(): { intervalMs: number; count: number } {
    const clamp = (input: HTMLInputElement, min: number, max: number, fallback: number): number => {
      const value = Math.round(Number(input.value));
      const clamped = Number.isFinite(value) ? Math.min(max, Math.max(min, value)) : fallback;
      input.value = String(clamped);
      return clamped;
    };
    const intervalMs = clamp(this.interval, LIMITS.minRepeatIntervalMs, LIMITS.maxRepeatIntervalMs, 1000);
    const count = clamp(this.count, 0, LIMITS.maxRepeatCount, 10);
    this.store.update({ repeatIntervalMs: intervalMs, repeatCount: count });
    return { intervalMs, count };
  }

  private changeEncoding(next: PayloadEncoding): void {
    const previous = this.currentEncoding;
    this.currentEncoding = next;
    const text = this.textarea.value;
    if (text !== '' && previous !== next) {
      const converted = convertPayload(text, previous, next);
      const name = this.strings[ENCODING_KEYS[next]];
      if (converted.ok) {
        this.textarea.value = converted.text;
        this.events.notice(format(this.strings.converted, name), 'info');
      } else {
        this.events.notice(format(this.strings.convertFailed, name, codecErrorText(this.strings, converted.error)), 'error');
      }
    }
    this.store.update({ encoding: next, draft: this.textarea.value });
    this.validate();
  }

  private scheduleValidation(): void {
    window.clearTimeout(this.validateTimer);
    if (this.textarea.value.length < LARGE_TEXT) {
      this.validate();
      return;
    }
    this.validateTimer = window.setTimeout(() => this.validate(), 250);
  }

  private validate(): void {
    window.clearTimeout(this.validateTimer);
    this.validateTimer = undefined;
    // With macros on, the preview is the next send's bytes: expanded with the counter it will carry.
    const expansion = this.macrosBox.checked ? expandMacros(this.textarea.value, { counter: this.nextCounter, now: Date.now(), randomBytes: (count) => crypto.getRandomValues(new Uint8Array(count)) }) : undefined;
    if (expansion !== undefined && !expansion.ok) {
      this.valid = false;
      this.textarea.setAttribute('aria-invalid', 'true');
      this.status.classList.add('error');
      const template = { unknown: this.strings.macroUnknown, digits: this.strings.macroDigits, unterminated: this.strings.macroUnterminated }[expansion.problem];
      this.status.textContent = format(template, expansion.macro, expansion.offset);
      this.updateButtons();
      return;
    }
    const result = validatePayload(expansion?.text ?? this.textarea.value, this.currentEncoding);
    this.valid = result.ok;
    this.textarea.setAttribute('aria-invalid', result.ok ? 'false' : 'true');
    this.status.classList.toggle('error', !result.ok);
    this.status.textContent = '';
    if (!result.ok) {
      this.status.textContent = codecErrorText(this.strings, result.error);
    } else {
      const ending = LINE_ENDING_BYTES[this.lineEnding.value as LineEnding] ?? [];
      const total = result.bytes.length + ending.length;
      const shown = new Uint8Array(Math.min(PREVIEW_BYTES, total));
      shown.set(result.bytes.subarray(0, shown.length));
      for (let index = result.bytes.length; index < shown.length; index++) {
        shown[index] = ending[index - result.bytes.length];
      }
      const count = element('span', { className: 'byte-count', text: total === 0 ? this.strings.emptyPayload : total === 1 ? this.strings.byteCountOne : format(this.strings.byteCount, total) });
      const preview = element('span', { className: 'byte-preview', text: decodePayload(shown, 'hex') });
      this.status.append(count, preview);
      if (total > shown.length) {
        this.status.append(element('span', { className: 'byte-more', text: format(this.strings.previewMore, total - shown.length) }));
      }
      if (expansion !== undefined && expansion.expanded > 0) {
        this.status.append(element('span', { className: 'byte-more', text: format(this.strings.macroPreview, this.nextCounter) }));
      }
    }
    this.updateButtons();
  }

  private updateButtons(): void {
    const sendable = this.socket?.sendable === true;
    this.sendButton.disabled = !sendable || !this.valid || this.repeating;
    this.fileButton.disabled = !sendable || !this.fileRow.hidden;
    const refusal = this.socket?.sendRefusal ?? '';
    if (this.refusal.textContent !== refusal) {
      this.refusal.textContent = refusal;
      this.refusal.hidden = refusal === '';
    }
  }
}


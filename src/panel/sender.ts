/**
 * Sending from a panel: one payload, a repeat loop, or a file. All of it runs on the host, so a
 * repeat keeps its pace whatever the webview does, and stops (bounded, abortable) when the user
 * says so or the panel or socket goes. The payload text is decoded again here: the webview's
 * validation is for the user's comfort, not something the host relies on.
 */
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { payloadBytes, type PayloadEncoding, type SendResult } from '../engine';
import { describeError } from '../messages';
import type { Services } from '../services';
import { expandMacros } from '../shared/macros';
import type { HostMessage, LineEnding, RepeatOptions } from '../shared/protocol';
import { macroProblemText } from './strings';
import { byteCount, connectionAddress, formatCount } from '../socketText';

export { payloadBytes } from '../engine';

/** Read size for files sent over a stream: big enough for throughput, small enough to cancel. */
const FILE_CHUNK_BYTES = 4 * 1024 * 1024;
/** The largest UDP payload over IPv4. */
const MAX_DATAGRAM_BYTES = 65_507;
const PROGRESS_INTERVAL_MS = 100;

export interface SendRequest {
  readonly text: string;
  readonly encoding: PayloadEncoding;
  readonly lineEnding: LineEnding;
  readonly target?: string;
  readonly repeat?: RepeatOptions;
  readonly macros?: boolean;
}

export interface SenderOwner {
  readonly services: Services;
  /** The socket to send on, when there is one. */
  socketId(): string | undefined;
  socketKind(): string | undefined;
  post(message: HostMessage): void;
  /** A payload went out: remember it in the history. */
  sent(request: SendRequest): void;
}

function delay(milliseconds: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, milliseconds);
    function done(): void {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}

export class PanelSender implements vscode.Disposable {
  private repeatAbort: AbortController | undefined;
  private fileAbort: AbortController | undefined;
  /** `{{counter}}` of the last send with macros in this panel. */
  private counter = 0;

  constructor(private readonly owner: SenderOwner) {}

  get repeating(): boolean {
    return this.repeatAbort !== undefined;
  }

  async send(request: SendRequest): Promise<void> {
    const id = this.owner.socketId();
    if (id === undefined) {
      this.notice(vscode.l10n.t('There is no socket to send on.'), 'error');
      return;
    }
    let bytes: Uint8Array;
    try {
      bytes = this.bytesFor(request);
    } catch (error) {
      this.notice(error instanceof MacroError ? error.message : describeError(error), 'error');
      return;
    } finally {
      this.announceCounter(request);
    }
    const target = this.targetFor(request.target);
    if (request.repeat !== undefined) {
      if (this.repeatAbort !== undefined) {
        this.notice(vscode.l10n.t('A repeat is already running; stop it first.'), 'error');
        return;
      }
      this.owner.sent(request);
      // Runs on its own: the message is handled once the loop has started.
      void this.repeat(id, bytes, target, request.repeat, request.macros === true ? () => this.bytesFor(request) : undefined);
      return;
    }
    try {
      const result = await this.owner.services.engine.send(id, bytes, { target });
      this.owner.sent(request);
      this.notice(this.describeResult(result, target), 'info');
    } catch (error) {
      this.fail(error);
    }
  }

  stopRepeat(): void {
    this.repeatAbort?.abort();
  }

  cancelFile(): void {
    this.fileAbort?.abort();
  }

  /** Asks for a file and sends it. */
  async pickAndSendFile(target: string | undefined): Promise<void> {
    if (this.fileAbort !== undefined) {
      this.notice(vscode.l10n.t('A file is already being sent.'), 'error');
      return;
    }
    const picked = await vscode.window.showOpenDialog({ canSelectMany: false, canSelectFolders: false, openLabel: vscode.l10n.t('Send') });
    if (picked?.[0] !== undefined) {
      await this.sendFile(picked[0], target);
    }
  }

  /** Streams a file to the socket with progress in the panel and in a notification; cancellable. */
  async sendFile(uri: vscode.Uri, target: string | undefined): Promise<void> {
    const id = this.owner.socketId();
    if (id === undefined || this.fileAbort !== undefined) {
      return;
    }
    const abort = new AbortController();
    this.fileAbort = abort;
    const name = path.basename(uri.fsPath);
    let sent = 0;
    let total = 0;
    try {
      total = (await vscode.workspace.fs.stat(uri)).size;
      const datagram = this.owner.socketKind() === 'udp';
      if (datagram && total > MAX_DATAGRAM_BYTES) {
        this.notice(vscode.l10n.t('{0} is {1} bytes; one UDP datagram holds at most 65,507 bytes.', name, total), 'error');
        return;
      }
      const progressTitle = vscode.l10n.t('Sending {0}', name);
      await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: progressTitle, cancellable: true }, async (progress, token) => {
        token.onCancellationRequested(() => abort.abort());
        let lastReport = 0;
        let reportedFraction = 0;
        const report = (bytes: number, force: boolean): void => {
          const now = Date.now();
          if (!force && now - lastReport < PROGRESS_INTERVAL_MS) {
            return;
          }
          lastReport = now;
          this.owner.post({ type: 'fileProgress', running: true, name, sent: bytes, total });
          const fraction = total === 0 ? 1 : bytes / total;
          progress.report({ increment: (fraction - reportedFraction) * 100, message: vscode.l10n.t('{0} of {1}', formatCount(bytes), byteCount(total)) });
          reportedFraction = fraction;
        };
        report(0, true);
        const resolvedTarget = this.targetFor(target);
        for await (const chunk of fileChunks(uri, datagram ? total : FILE_CHUNK_BYTES)) {
          if (abort.signal.aborted) {
            break;
          }
          const base = sent;
          const result = await this.owner.services.engine.send(id, chunk, {
            target: resolvedTarget,
            signal: abort.signal,
            onProgress: (step) => report(base + step.sent, false),
          });
          sent += result.bytesSent / Math.max(1, result.targets);
          report(sent, false);
          if (result.cancelled) {
            break;
          }
        }
        report(sent, true);
      });
      if (abort.signal.aborted && sent < total) {
        this.notice(vscode.l10n.t('Stopped sending {0} after {1} of {2}.', name, formatCount(sent), byteCount(total)), 'info');
      } else {
        this.notice(vscode.l10n.t('Sent {0}: {1}.', name, byteCount(sent)), 'info');
      }
    } catch (error) {
      this.fail(error);
    } finally {
      this.fileAbort = undefined;
      this.owner.post({ type: 'fileProgress', running: false, name, sent, total });
    }
  }

  dispose(): void {
    this.repeatAbort?.abort();
    this.fileAbort?.abort();
  }

  /** Tells the preview the counter of the next send (at the repeat's progress pace, not per send). */
  private announceCounter(request: { readonly macros?: boolean }): void {
    if (request.macros === true) {
      this.owner.post({ type: 'macroCounter', next: this.counter + 1 });
    }
  }

  /** The bytes of one send: with macros on, expanded anew (the counter counts this send). */
  private bytesFor(request: SendRequest): Uint8Array {
    if (request.macros !== true) {
      return payloadBytes(request.text, request.encoding, request.lineEnding);
    }
    const expansion = expandMacros(request.text, { counter: this.counter + 1, now: Date.now(), randomBytes: (count) => randomBytes(count) });
    if (!expansion.ok) {
      throw new MacroError(macroProblemText(expansion));
    }
    const bytes = payloadBytes(expansion.text, request.encoding, request.lineEnding);
    this.counter++;
    return bytes;
  }

  private async repeat(id: string, first: Uint8Array, target: string | undefined, options: RepeatOptions, next: (() => Uint8Array) | undefined): Promise<void> {
    const abort = new AbortController();
    this.repeatAbort = abort;
    const { count, intervalMs } = options;
    let sent = 0;
    let lastReport = 0;
    this.owner.post({ type: 'repeat', running: true, sent, count });
    try {
      while (!abort.signal.aborted && (count === 0 || sent < count)) {
        // Macros are expanded anew for every send after the first (whose bytes were checked before the loop).
        const bytes = sent === 0 || next === undefined ? first : next();
        await this.owner.services.engine.send(id, bytes, { target });
        sent++;
        const now = Date.now();
        if (now - lastReport >= PROGRESS_INTERVAL_MS) {
          lastReport = now;
          this.owner.post({ type: 'repeat', running: true, sent, count });
          this.announceCounter({ macros: next !== undefined });
        }
        if (count === 0 || sent < count) {
          await delay(intervalMs, abort.signal);
        }
      }
      this.notice(
        abort.signal.aborted ? vscode.l10n.t('Repeat stopped after {0} sends.', sent) : vscode.l10n.t('Repeat finished: {0} sends.', sent),
        'info',
      );
    } catch (error) {
      this.notice(vscode.l10n.t('Repeat stopped after {0} sends: {1}', sent, describeError(error)), 'error');
      this.owner.services.log.child('panel').warn(`repeat on ${id} stopped: ${String(error)}`);
    } finally {
      this.repeatAbort = undefined;
      this.owner.post({ type: 'repeat', running: false, sent, count });
      this.announceCounter({ macros: next !== undefined });
    }
  }

  /** Servers default to every connection; UDP sends to what was typed, or to its default peer. */
  private targetFor(target: string | undefined): string | undefined {
    const kind = this.owner.socketKind();
    if (kind === 'tcp-server' || kind === 'unix-server') {
      return target === undefined || target === '' ? 'all' : target;
    }
    if (kind === 'udp') {
      const trimmed = target?.trim() ?? '';
      return trimmed === '' ? undefined : trimmed;
    }
    return undefined;
  }

  /** `Sent 1 byte to 127.0.0.1:54664.`: the count in the singular or plural, and where it went. */
  private describeResult(result: SendResult, target: string | undefined): string {
    const kind = this.owner.socketKind();
    const { engine } = this.owner.services;
    const server = kind === 'tcp-server' || kind === 'unix-server';
    if (server && target === 'all') {
      const each = byteCount(result.bytesSent / Math.max(1, result.targets));
      if (result.targets === 1) {
        const [only] = engine.connections(this.owner.socketId() ?? '', 0, 1);
        return only === undefined ? vscode.l10n.t('Sent {0} to 1 connection.', each) : vscode.l10n.t('Sent {0} to {1}.', each, connectionAddress(only));
      }
      return vscode.l10n.t('Sent {0} to {1} connections.', each, formatCount(result.targets));
    }
    if (server && target !== undefined) {
      const connection = engine.get(target);
      return vscode.l10n.t('Sent {0} to {1}.', byteCount(result.bytesSent), connection === undefined ? target : connectionAddress(connection));
    }
    if (kind === 'udp' && target !== undefined) {
      return vscode.l10n.t('Sent {0} to {1}.', byteCount(result.bytesSent), target);
    }
    return vscode.l10n.t('Sent {0}.', byteCount(result.bytesSent));
  }

  private fail(error: unknown): void {
    const text = describeError(error);
    this.owner.services.log.child('panel').warn(`send failed: ${text}`);
    this.notice(text, 'error');
  }

  private notice(text: string, severity: 'info' | 'error'): void {
    this.owner.post({ type: 'notice', text, severity });
  }
}

/** A send refused because of its macros; the message is already in the user's language. */
class MacroError extends Error {}

/**
 * A file in pieces of `size` bytes. Each piece is a fresh buffer, because the transcript keeps what
 * was sent by reference. Local files are read piece by piece; other schemes in one go.
 */
async function* fileChunks(uri: vscode.Uri, size: number): AsyncGenerator<Uint8Array> {
  if (uri.scheme !== 'file') {
    const whole = await vscode.workspace.fs.readFile(uri);
    for (let offset = 0; offset < whole.length; offset += Math.max(1, size)) {
      yield whole.subarray(offset, offset + size);
    }
    return;
  }
  const handle = await fs.promises.open(uri.fsPath, 'r');
  try {
    for (;;) {
      const buffer = new Uint8Array(Math.max(1, size));
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
      if (bytesRead === 0) {
        return;
      }
      yield bytesRead === buffer.length ? buffer : buffer.slice(0, bytesRead);
    }
  } finally {
    await handle.close();
  }
}

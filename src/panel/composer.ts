/**
 * The host side of a panel's composer: sends (one payload, a repeat, a file) through the sender,
 * and the payload history and saved payloads through the library, kept in step with the webview.
 */
import type * as vscode from 'vscode';
import type { Services } from '../services';
import type { HostMessage, PayloadSummary, WebviewMessage } from '../shared/protocol';
import { handleLibraryMessage, type LibraryMessage } from './libraryMessages';
import type { PayloadLibrary } from './library';
import { PanelSender, type SendRequest } from './sender';

export type ComposerMessage = LibraryMessage | Extract<WebviewMessage, { type: 'send' | 'stopRepeat' | 'sendFile' | 'cancelFile' }>;

export interface ComposerOwner {
  readonly services: Services;
  readonly library: PayloadLibrary;
  /** The socket to send on, when there is one. */
  socketId(): string | undefined;
  socketKind(): string | undefined;
  /** The spec that keys this panel's history. */
  spec(): string;
  post(message: HostMessage): void;
}

export class PanelComposer implements vscode.Disposable {
  private readonly sender: PanelSender;
  private readonly libraryWatch: vscode.Disposable;

  constructor(private readonly owner: ComposerOwner) {
    this.sender = new PanelSender({
      services: owner.services,
      socketId: () => owner.socketId(),
      socketKind: () => owner.socketKind(),
      post: (message) => owner.post(message),
      sent: (request) => void this.remember(request),
    });
    this.libraryWatch = owner.library.onDidChange((which) => this.libraryChanged(which));
  }

  /** What the webview's `init` says about the library. */
  librarySummaries(): { readonly history: readonly PayloadSummary[]; readonly saved: readonly PayloadSummary[] } {
    return { history: this.owner.library.historySummaries(this.owner.spec()), saved: this.owner.library.savedSummaries() };
  }

  handle(message: ComposerMessage): Promise<void> | void {
    switch (message.type) {
      case 'send':
        return this.sender.send(message);
      case 'stopRepeat':
        return this.sender.stopRepeat();
      case 'sendFile':
        return this.sender.pickAndSendFile(message.target);
      case 'cancelFile':
        return this.sender.cancelFile();
      case 'savePayload':
      case 'loadSaved':
      case 'deleteSaved':
      case 'loadHistory':
        return handleLibraryMessage(this.owner.library, this.owner.spec(), message, (reply) => this.owner.post(reply));
    }
  }

  send(request: SendRequest): Promise<void> {
    return this.sender.send(request);
  }

  sendFile(uri: vscode.Uri, target?: string): Promise<void> {
    return this.sender.sendFile(uri, target);
  }

  stopRepeat(): void {
    this.sender.stopRepeat();
  }

  /** The socket is gone: stop its sends (the library stays in step). */
  stopSending(): void {
    this.sender.dispose();
  }

  dispose(): void {
    this.sender.dispose();
    this.libraryWatch.dispose();
  }

  private libraryChanged(which: 'history' | 'saved'): void {
    const { library } = this.owner;
    this.owner.post(which === 'history' ? { type: 'history', items: library.historySummaries(this.owner.spec()) } : { type: 'saved', items: library.savedSummaries() });
  }

  private async remember(request: SendRequest): Promise<void> {
    await this.owner.library.remember(this.owner.spec(), { text: request.text, encoding: request.encoding, lineEnding: request.lineEnding });
  }
}

/**
 * One payload panel: a webview bound to one socket (or to the spec of a socket that is gone). It
 * routes the webview's messages, after validation, to the sender, the traffic model and the
 * payload library, and keeps the webview told about the socket. Every message the host posts and
 * every message it refuses is also kept (bounded) for the extension's own tests.
 */
import * as vscode from 'vscode';
import { isEngineError, type SocketInfo, type SocketKind, type TranscriptView } from '../engine';
import type { Logger } from '../log';
import { describeError } from '../messages';
import type { Services } from '../services';
import type { HostMessage, WebviewMessage } from '../shared/protocol';
import { copyRow, openDump } from './actions';
import { handleLibraryMessage } from './libraryMessages';
import { panelHtml, webviewOptions } from './html';
import type { PayloadLibrary } from './library';
import { TrafficPump } from './pump';
import { PanelSender, type SendRequest } from './sender';
import { socketLabel } from '../socketText';
import { toPanelSocket } from './socketView';
import { panelStrings, eventText } from './strings';
import { EMPTY_TRANSCRIPT, PanelTargets } from './targets';
import { TrafficModel } from './traffic';
import { validateWebviewMessage } from './validate';

/** Kept for tests: the newest messages each way. */
const MAX_KEPT_MESSAGES = 2000;
/** Socket and target updates are coalesced to this pace (accepts can come by the thousand). */
const STATUS_MS = 100;
/** UDP peers in the target list are refreshed at most this often while datagrams arrive. */
const PEERS_MS = 1000;

export interface PanelBinding {
  readonly socketId?: string;
  readonly spec: string;
  readonly name?: string;
}

export interface PanelOwner {
  readonly services: Services;
  readonly library: PayloadLibrary;
  disposed(panel: PayloadPanel): void;
}

export class PayloadPanel {
  /** Messages posted to the webview (newest last). */
  readonly sent: HostMessage[] = [];
  /** Why refused messages were refused (newest last). */
  readonly rejected: string[] = [];
  /** Types of the accepted messages (newest last). */
  readonly received: string[] = [];
  /** How many messages of each type were posted (the benchmark reports the update rate). */
  readonly postedCounts = new Map<string, number>();
  private ready = false;
  private socketIdValue: string | undefined;
  private spec: string;
  private name: string | undefined;
  private removed = false;
  private model: TrafficModel;
  private readonly pump: TrafficPump;
  private readonly sender: PanelSender;
  private readonly targets: PanelTargets;
  private readonly subscriptions: vscode.Disposable[] = [];
  private statusTimer: NodeJS.Timeout | undefined;
  /** Cached, so a busy frame does not build a SocketInfo to learn the kind. */
  private udp = false;
  /** What the socket was, remembered for when it is gone. */
  private kind: SocketKind | undefined;
  private peersRefreshed = 0;
  private peersTimer: NodeJS.Timeout | undefined;
  private readonly log: Logger;

  constructor(
    private readonly owner: PanelOwner,
    readonly webviewPanel: vscode.WebviewPanel,
    binding: PanelBinding,
  ) {
    const { services } = owner;
    this.log = services.log.child('panel');
    this.spec = binding.spec;
    this.name = binding.name;
    this.socketIdValue = binding.socketId !== undefined && services.engine.get(binding.socketId) !== undefined ? binding.socketId : undefined;
    this.kind = this.info()?.kind;
    this.udp = this.kind === 'udp';
    this.model = new TrafficModel(this.transcript(), eventText);
    this.pump = new TrafficPump(this.model, {
      live: () => this.ready && this.webviewPanel.visible,
      post: (message) => this.post(message),
      moved: () => this.trafficMoved(),
    });
    this.targets = new PanelTargets(services, () => this.socketIdValue);
    this.sender = new PanelSender({
      services,
      socketId: () => this.socketIdValue,
      socketKind: () => this.info()?.kind,
      post: (message) => this.post(message),
      sent: (request) => void this.remember(request),
    });
    const webview = webviewPanel.webview;
    const extensionUri = services.context.extensionUri;
    webview.options = webviewOptions(extensionUri);
    webview.html = panelHtml(webview, extensionUri, this.title(), vscode.env.language);
    webviewPanel.iconPath = {
      light: vscode.Uri.joinPath(extensionUri, 'media', 'panel-light.svg'),
      dark: vscode.Uri.joinPath(extensionUri, 'media', 'panel-dark.svg'),
    };
    webviewPanel.title = this.title();
    this.subscribe();
  }

  get socketId(): string | undefined {
    return this.socketIdValue;
  }

  get visible(): boolean {
    return this.webviewPanel.visible;
  }

  /** A message from the webview (or from a test): validated, then handled. Resolves when handled. */
  async receive(value: unknown): Promise<boolean> {
    const result = validateWebviewMessage(value);
    if (!result.ok) {
      this.keep(this.rejected, result.reason);
      this.log.warn(`ignored a webview message: ${result.reason}`);
      return false;
    }
    this.keep(this.received, result.message.type);
    try {
      await this.handle(result.message);
    } catch (error) {
      this.log.error(`${result.message.type} failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
      this.post({ type: 'notice', text: describeError(error), severity: 'error' });
    }
    return true;
  }

  reveal(): void {
    this.webviewPanel.reveal(undefined, false);
  }

  /** Sends a payload as if from the composer (the palette's Send Saved Payload uses it too). */
  send(request: SendRequest): Promise<void> {
    return this.sender.send(request);
  }

  /** Sends a file without the file dialog (tests, and a future drag and drop). */
  sendFile(uri: vscode.Uri, target?: string): Promise<void> {
    return this.sender.sendFile(uri, target);
  }

  dispose(): void {
    this.webviewPanel.dispose();
  }

  private handle(message: WebviewMessage): Promise<void> | void {
    switch (message.type) {
      case 'ready':
        return this.start();
      case 'send':
        return this.sender.send(message);
      case 'stopRepeat':
        return this.sender.stopRepeat();
      case 'sendFile':
        return this.sender.pickAndSendFile(message.target);
      case 'cancelFile':
        return this.sender.cancelFile();
      case 'requestRows':
        return this.post({ type: 'rows', requestId: message.requestId, generation: this.model.generation, start: message.start, count: message.count, rows: this.model.rows(message.start, message.count) });
      case 'setView':
        this.model.setView(message.filter, message.hexAll, message.anchorSeq);
        return this.pump.now();
      case 'viewport':
        return this.pump.setViewport(message.follow, message.lines);
      case 'toggleRow':
        this.model.toggleRow(message.seq, message.anchorSeq);
        return this.pump.now();
      case 'copyRow':
        return copyRow(this.model.entry(message.seq), message.format, (reply) => this.post(reply));
      case 'openDump':
        return openDump(this.model.entry(message.seq), this.title(), (reply) => this.post(reply));
      case 'clear':
        return this.clear();
      case 'reopen':
        return this.reopen();
      case 'openAgain':
        return this.openAgain();
      case 'savePayload':
      case 'loadSaved':
      case 'deleteSaved':
      case 'loadHistory':
        return handleLibraryMessage(this.owner.library, this.spec, message, (reply) => this.post(reply));
      case 'checkTarget':
        return this.post(this.targets.check(message.text));
    }
  }

  private start(): void {
    this.ready = true;
    const settings = this.owner.services.settings();
    this.post({
      type: 'init',
      strings: panelStrings(),
      socket: this.panelSocket(),
      defaults: { encoding: settings.defaultEncoding, lineEnding: settings.lineEnding },
      history: this.owner.library.historySummaries(this.spec),
      saved: this.owner.library.savedSummaries(),
      locale: vscode.env.language,
    });
    this.post(this.targets.message());
    this.pump.now();
  }

  private subscribe(): void {
    const { engine } = this.owner.services;
    const concerns = (event: { readonly id?: string; readonly parentId?: string; readonly socketId?: string }): boolean =>
      this.socketIdValue !== undefined && (event.id === this.socketIdValue || event.parentId === this.socketIdValue || event.socketId === this.socketIdValue);
    const onEngine = <T>(event: (listener: (value: T) => void) => { dispose(): void }, listener: (value: T) => void): void => {
      this.subscriptions.push(new vscode.Disposable(event(listener).dispose));
    };
    onEngine<SocketInfo>(engine.onDidChange, (info) => concerns(info) && this.statusChanged());
    onEngine<SocketInfo>(engine.onDidCreate, (info) => concerns(info) && this.statusChanged());
    onEngine<{ readonly id: string; readonly parentId?: string }>(engine.onDidRemove, (event) => {
      if (event.id === this.socketIdValue) {
        // The transcript object stays with the model: the traffic remains readable.
        this.removed = true;
        this.socketIdValue = undefined;
        this.sender.dispose();
      }
      if (concerns(event) || this.removed) {
        this.statusChanged();
      }
    });
    this.subscriptions.push(
      this.webviewPanel.onDidChangeViewState(() => {
        if (this.webviewPanel.visible) {
          this.pump.now();
        }
      }),
      this.webviewPanel.webview.onDidReceiveMessage((message: unknown) => void this.receive(message)),
      this.owner.library.onDidChange((which) => this.libraryChanged(which)),
      this.webviewPanel.onDidDispose(() => this.disposed()),
    );
  }

  /** Coalesces state, title and target updates. */
  private statusChanged(): void {
    if (this.statusTimer !== undefined) {
      return;
    }
    this.statusTimer = setTimeout(() => {
      this.statusTimer = undefined;
      const info = this.info();
      if (info !== undefined) {
        this.name = info.name;
        this.spec = info.spec;
      }
      this.webviewPanel.title = this.title();
      if (info !== undefined && info.state !== 'open' && info.state !== 'listening') {
        this.sender.stopRepeat();
      }
      this.post({ type: 'socket', socket: this.panelSocket() });
      this.post(this.targets.message());
    }, STATUS_MS);
  }

  /** New datagrams may come from new peers, which the UDP target list offers: refresh it, at most once a second. */
  private trafficMoved(): void {
    if (!this.udp || this.peersTimer !== undefined) {
      return;
    }
    // Trailing, so the last datagram of a burst is not left out of the list.
    this.peersTimer = setTimeout(() => {
      this.peersTimer = undefined;
      this.statusChanged();
    }, Math.max(0, this.peersRefreshed + PEERS_MS - Date.now()));
    this.peersRefreshed = Date.now();
  }

  private libraryChanged(which: 'history' | 'saved'): void {
    const { library } = this.owner;
    this.post(which === 'history' ? { type: 'history', items: library.historySummaries(this.spec) } : { type: 'saved', items: library.savedSummaries() });
  }

  private async remember(request: SendRequest): Promise<void> {
    await this.owner.library.remember(this.spec, { text: request.text, encoding: request.encoding, lineEnding: request.lineEnding });
  }

  private async clear(): Promise<void> {
    const id = this.socketIdValue;
    if (id !== undefined) {
      this.owner.services.engine.clearTranscript(id);
    } else {
      this.model.replaceTranscript(EMPTY_TRANSCRIPT);
    }
    this.model.reset();
    this.pump.now();
  }

  private async reopen(): Promise<void> {
    const id = this.socketIdValue;
    if (id === undefined) {
      return this.openAgain();
    }
    try {
      // Through the engine, so the all-interfaces guard asks as it does for the commands.
      await this.owner.services.engine.reopen(id);
    } catch (error) {
      this.notifyFailure(error);
    }
  }

  private notifyFailure(error: unknown): void {
    const declined = isEngineError(error) && error.code === 'CANCELLED';
    this.post({ type: 'notice', text: describeError(error), severity: declined ? 'info' : 'error' });
  }

  /** The socket is gone: open its spec again and show the new socket here. */
  private async openAgain(): Promise<void> {
    const { engine } = this.owner.services;
    try {
      const info = engine.add(this.spec, { name: this.name });
      this.bind(info.id);
      await engine.reopen(info.id);
    } catch (error) {
      this.notifyFailure(error);
    }
  }

  /** Shows a live socket in this panel (restore, Open Again). */
  bind(socketId: string): void {
    this.socketIdValue = socketId;
    this.removed = false;
    this.kind = this.info()?.kind;
    this.udp = this.kind === 'udp';
    this.model = new TrafficModel(this.transcript(), eventText);
    this.pump.replaceModel(this.model);
    this.statusChanged();
  }

  private info(): SocketInfo | undefined {
    return this.socketIdValue === undefined ? undefined : this.owner.services.engine.get(this.socketIdValue);
  }

  private transcript(): TranscriptView {
    return this.socketIdValue === undefined ? EMPTY_TRANSCRIPT : this.owner.services.engine.transcript(this.socketIdValue);
  }

  private panelSocket(): ReturnType<typeof toPanelSocket> {
    return toPanelSocket(this.info(), this.spec, this.removed, this.name, this.kind);
  }

  private title(): string {
    const info = this.info();
    return info === undefined ? this.name ?? this.spec : socketLabel(info);
  }

  private post(message: HostMessage): void {
    this.keep(this.sent, message);
    this.postedCounts.set(message.type, (this.postedCounts.get(message.type) ?? 0) + 1);
    if (this.ready) {
      void this.webviewPanel.webview.postMessage(message);
    }
  }

  private keep<T>(list: T[], item: T): void {
    list.push(item);
    if (list.length > MAX_KEPT_MESSAGES) {
      list.splice(0, list.length - MAX_KEPT_MESSAGES);
    }
  }

  /**
   * Stops everything this panel runs (timers, sends, subscriptions) but leaves the editor open: on
   * deactivation (a window reload) VS Code must still find the panel to restore it.
   */
  stop(): void {
    clearTimeout(this.statusTimer);
    clearTimeout(this.peersTimer);
    this.sender.dispose();
    this.pump.dispose();
    for (const subscription of this.subscriptions.splice(0)) {
      subscription.dispose();
    }
  }

  private disposed(): void {
    this.stop();
    this.owner.disposed(this);
  }
}

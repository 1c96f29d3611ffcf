/**
 * One payload panel: a webview bound to one socket (or to the spec of a socket that is gone). It
 * validates the webview's messages and hands them on (dispatch.ts) to the composer (sends and the
 * payload library), the traffic view (the transcript list) or itself (the socket), and keeps the
 * webview told about the socket. While the extension runs for its own tests, every message the
 * host posts and every message it refuses is also kept (bounded) in `recorded`.
 */
import * as vscode from 'vscode';
import { isEngineError, type SocketInfo, type SocketKind, type StatsChange, type TranscriptView } from '../engine';
import type { Logger } from '../log';
import { describeError } from '../messages';
import type { TestRecorder } from '../testRecorder';
import type { HostMessage, LineEnding } from '../shared/protocol';
import { socketTitle } from '../socketText';
import { PanelComposer } from './composer';
import { dispatchMessage, type PanelRoutes } from './dispatch';
import { saveAsWireFile, saveTranscript } from './headerActions';
import { applyFraming } from './framing';
import { panelHtml, webviewOptions } from './html';
import type { PanelBinding, PanelOwner, PanelRecord } from './panelTypes';
import type { SendRequest } from './sender';
import { budgetText } from '../socketText';
import { toPanelSocket } from './socketView';
import { PanelRules } from './rulesView';
import { panelStrings } from './strings';
import { EMPTY_TRANSCRIPT, PanelTargets } from './targets';
import { TrafficView } from './trafficView';
import { validateWebviewMessage } from './validate';

/** Recorded for tests: the newest messages each way. */
const MAX_KEPT_MESSAGES = 2000;
/** Socket and target updates are coalesced to this pace (accepts can come by the thousand). */
const STATUS_MS = 100;

export class PayloadPanel {
  readonly recorded: PanelRecord = { sent: [], rejected: [], received: [], postedCounts: new Map() };
  private readonly recorder: TestRecorder;
  private ready = false;
  private socketIdValue: string | undefined;
  private spec: string;
  private name: string | undefined;
  private removed = false;
  /** The socket's id, kept after it is gone: an ended connection's transcript can still be saved. */
  private lastSocketId: string | undefined;
  /**
   * How the socket read while it existed (title, description), kept for good: a connection that
   * ended or a socket that was removed keeps its name instead of falling back to a spec.
   */
  private remembered: { readonly title: string; readonly label: string; readonly description: string } | undefined;
  /** What the socket was, remembered for when it is gone; cached, so a busy frame does not build a SocketInfo to learn the kind. */
  private kind: SocketKind | undefined;
  private readonly traffic: TrafficView;
  private readonly composer: PanelComposer;
  private readonly targets: PanelTargets;
  private readonly rules: PanelRules;
  private readonly routes: PanelRoutes;
  private readonly subscriptions: vscode.Disposable[] = [];
  private statusTimer: NodeJS.Timeout | undefined;
  private readonly log: Logger;

  constructor(
    private readonly owner: PanelOwner,
    readonly webviewPanel: vscode.WebviewPanel,
    binding: PanelBinding,
  ) {
    const { services } = owner;
    this.log = services.log.child('panel');
    this.recorder = services.recorder;
    this.spec = binding.spec;
    this.name = binding.name;
    this.socketIdValue = binding.socketId !== undefined && services.engine.get(binding.socketId) !== undefined ? binding.socketId : undefined;
    this.kind = this.info()?.kind;
    this.traffic = new TrafficView(this.transcript(), {
      live: () => this.ready && this.webviewPanel.visible,
      post: (message) => this.post(message),
      udp: () => this.kind === 'udp',
      peersMoved: () => this.statusChanged(),
      title: () => this.title(),
      budget: () => this.budgetLine(),
    });
    this.targets = new PanelTargets(services, () => this.socketIdValue);
    this.composer = new PanelComposer({
      services,
      library: owner.library,
      socketId: () => this.socketIdValue,
      socketKind: () => this.info()?.kind,
      spec: () => this.historySpec(),
      post: (message) => this.post(message),
    });
    this.rules = new PanelRules({ replies: owner.autoReplies, socket: () => this.info(), label: () => this.title(), visible: () => this.ready && this.webviewPanel.visible, post: (message) => this.post(message) });
    this.routes = {
      composer: this.composer,
      traffic: this.traffic,
      start: () => this.start(),
      clear: () => this.clear(),
      reopen: () => this.reopen(),
      openAgain: () => this.openAgain(),
      checkTarget: (text) => this.post(this.targets.check(text)),
      saveTranscript: () => saveTranscript(this.socketIdValue ?? this.lastSocketId, (message) => this.post(message)),
      setRules: (rules) => this.rules.set(rules),
      editRulesAsWire: () => this.rules.editAsWire(),
      saveAsWire: () => saveAsWireFile(this.info()?.parentId ?? this.socketIdValue, (message) => this.post(message)),
      setFraming: (text) => this.setFraming(text),
    };
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
      this.recorder.keep(this.recorded.rejected, result.reason, MAX_KEPT_MESSAGES);
      this.log.warn(`ignored a webview message: ${result.reason}`);
      return false;
    }
    this.recorder.keep(this.recorded.received, result.message.type, MAX_KEPT_MESSAGES);
    try {
      await dispatchMessage(this.routes, result.message);
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
    return this.composer.send(request);
  }

  /** Sends a file without the file dialog (tests, and a future drag and drop). */
  sendFile(uri: vscode.Uri, target?: string): Promise<void> {
    return this.composer.sendFile(uri, target);
  }

  dispose(): void {
    this.webviewPanel.dispose();
  }

  private start(): void {
    this.ready = true;
    const settings = this.owner.services.settings();
    this.post({
      type: 'init',
      strings: panelStrings(),
      socket: this.panelSocket(),
      defaults: { encoding: settings.defaultEncoding, lineEnding: settings.lineEnding },
      ...this.rememberedLineEnding(),
      ...this.composer.librarySummaries(),
      locale: vscode.env.language,
    });
    this.post(this.targets.message());
    this.rules.now(true);
    this.traffic.now();
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
    // A framed socket's pending bytes show in the header; they change without a transcript entry.
    onEngine<readonly StatsChange[]>(engine.onDidChangeStats, (changes) => {
      if (changes.some((change) => change.id === this.socketIdValue && change.stats.pendingBytes !== undefined)) {
        this.statusChanged();
      }
    });
    onEngine<{ readonly id: string; readonly parentId?: string }>(engine.onDidRemove, (event) => {
      if (event.id === this.socketIdValue) {
        // The transcript object stays with the model: the traffic remains readable.
        this.removed = true;
        this.socketIdValue = undefined;
        this.composer.stopSending();
      }
      if (concerns(event) || this.removed) {
        this.statusChanged();
      }
    });
    this.subscriptions.push(
      this.webviewPanel.onDidChangeViewState(() => {
        if (this.webviewPanel.visible) {
          if (this.ready) {
            this.rules.now(false);
          }
          this.traffic.now();
        }
      }),
      this.webviewPanel.webview.onDidReceiveMessage((message: unknown) => void this.receive(message)),
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
        this.composer.stopRepeat();
      }
      this.post({ type: 'socket', socket: this.panelSocket() });
      this.post(this.targets.message());
    }, STATUS_MS);
  }

  private clear(): void {
    const id = this.socketIdValue;
    if (id !== undefined) {
      this.owner.services.engine.clearTranscript(id);
    }
    this.traffic.clear(id === undefined);
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
    this.traffic.show(this.transcript());
    this.rules.now(true);
    this.statusChanged();
  }

  private budgetLine(): string | undefined {
    const id = this.socketIdValue;
    if (id === undefined || this.kind === undefined) {
      return undefined;
    }
    try {
      return budgetText(this.owner.services.engine.budget(id), this.kind);
    } catch {
      // The socket went away between frames: the panel learns it from onDidRemove.
      return undefined;
    }
  }

  private info(): SocketInfo | undefined {
    return this.socketIdValue === undefined ? undefined : this.owner.services.engine.get(this.socketIdValue);
  }

  private transcript(): TranscriptView {
    return this.socketIdValue === undefined ? EMPTY_TRANSCRIPT : this.owner.services.engine.transcript(this.socketIdValue);
  }

  private panelSocket(): ReturnType<typeof toPanelSocket> {
    const info = this.info();
    const built = toPanelSocket(info, this.spec, this.removed, this.name, this.kind, this.remembered);
    const socket = info === undefined ? built : { ...built, label: this.title() };
    if (info !== undefined) {
      this.lastSocketId = info.id;
      this.remembered = { title: this.title(), label: socket.label, description: socket.description };
    }
    return socket;
  }

  /** `127.0.0.1:54664 → 127.0.0.1:8080` for a connection (its peer and its server), else the socket's label. */
  private title(): string {
    const info = this.info();
    if (info === undefined) {
      return this.remembered?.title ?? this.name ?? this.spec;
    }
    const server = info.parentId === undefined ? undefined : this.owner.services.engine.get(info.parentId);
    return socketTitle(info, server);
  }

  /** History and line ending are kept per socket; a server's connections share their server's. */
  private historySpec(): string {
    const parentId = this.info()?.parentId;
    return (parentId === undefined ? undefined : this.owner.services.engine.get(parentId)?.spec) ?? this.spec;
  }

  private rememberedLineEnding(): { rememberedLineEnding?: LineEnding } {
    const lineEnding = this.owner.library.lastLineEnding(this.historySpec());
    return lineEnding === undefined ? {} : { rememberedLineEnding: lineEnding };
  }

  /** The header's Framing: from the socket's next byte (a server's: all its connections'). */
  private setFraming(text: string): void {
    const id = this.socketIdValue;
    if (id === undefined) {
      return;
    }
    try {
      this.post(applyFraming(this.owner.services.engine, id, text));
    } catch (error) {
      this.notifyFailure(error);
    }
    this.statusChanged();
  }

  private post(message: HostMessage): void {
    if (this.recorder.enabled) {
      this.recorder.keep(this.recorded.sent, message, MAX_KEPT_MESSAGES);
      this.recorded.postedCounts.set(message.type, (this.recorded.postedCounts.get(message.type) ?? 0) + 1);
    }
    if (this.ready) {
      void this.webviewPanel.webview.postMessage(message);
    }
  }

  /**
   * Stops everything this panel runs (timers, sends, subscriptions) but leaves the editor open: on
   * deactivation (a window reload) VS Code must still find the panel to restore it.
   */
  stop(): void {
    clearTimeout(this.statusTimer);
    this.composer.dispose();
    this.rules.dispose();
    this.traffic.dispose();
    for (const subscription of this.subscriptions.splice(0)) {
      subscription.dispose();
    }
  }

  private disposed(): void {
    this.stop();
    this.owner.disposed(this);
  }
}

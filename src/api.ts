/**
 * The API that activate() returns: how tests and other extensions drive Socket Workbench.
 * `vscode.extensions.getExtension('socketworkbench.socket-workbench').exports` is this object.
 * Specs use the engine's address syntax: `tcp-listen://127.0.0.1:0`, `udp://[::1]:5353`, `unix:///tmp/a.sock`.
 */
import * as vscode from 'vscode';
import {
  type CloseMode,
  type DataEvent,
  encodePayload,
  EngineError,
  type Event,
  isEngineError,
  parseSpec,
  type PayloadEncoding,
  type RemovedEvent,
  type SendResult,
  type SocketInfo,
  type StatsChange,
  type TranscriptCounters,
  type TranscriptEntry,
} from './engine';
import { canAutoReply, type AutoReplies, type AutoReplyState } from './autoReply/service';
import type { PanelManager } from './panel';
import type { Services } from './services';

export interface SendArguments {
  /** How a string payload is turned into bytes (default utf8). Ignored for byte payloads. */
  readonly encoding?: PayloadEncoding;
  /** Server: a connection id or 'all'. UDP: `host:port`. */
  readonly target?: string;
}

export interface TranscriptSnapshot {
  readonly entries: readonly TranscriptEntry[];
  readonly counters: TranscriptCounters;
}

export interface SocketWorkbenchApi {
  readonly version: string;
  open(spec: string, options?: { readonly name?: string }): Promise<SocketInfo>;
  list(): SocketInfo[];
  get(id: string): SocketInfo | undefined;
  /** A page of a server's live connections. */
  connections(id: string, offset?: number, limit?: number): SocketInfo[];
  send(id: string, payload: string | Uint8Array, options?: SendArguments): Promise<SendResult>;
  close(id: string, mode?: CloseMode): Promise<void>;
  transcript(id: string): TranscriptSnapshot;
  /** Opens (or focuses) the payload panel of a socket. */
  openPanel(id: string): Promise<void>;
  /**
   * Auto-reply on a listener (TCP/UNIX server, UDP socket): `on …` rules in wire syntax with their
   * indented actions; '' removes them. Throws for an unknown socket, a socket that does not listen,
   * or rules that do not parse (the message names each line and column). Kept per socket spec.
   */
  setAutoReply(id: string, rulesText: string): AutoReplyState;
  /** The rules that answer on a socket (wire text), their hit counts, and the panel's records. */
  autoReply(id: string): AutoReplyState | undefined;
  readonly onDidCreate: vscode.Event<SocketInfo>;
  readonly onDidChange: vscode.Event<SocketInfo>;
  readonly onDidRemove: vscode.Event<RemovedEvent>;
  readonly onDidChangeStats: vscode.Event<readonly StatsChange[]>;
  readonly onData: vscode.Event<DataEvent>;
}

/** Adapts an engine event to vscode.Event, honouring `thisArgs` and the `disposables` array. */
export function toVscodeEvent<T>(event: Event<T>): vscode.Event<T> {
  return (listener, thisArgs?, disposables?) => {
    const subscription = event((value) => listener.call(thisArgs, value));
    const disposable = new vscode.Disposable(() => subscription.dispose());
    disposables?.push(disposable);
    return disposable;
  };
}

export interface ApiFeatures {
  readonly panels: PanelManager;
  readonly autoReplies: AutoReplies;
}

export function createApi(services: Services, features: ApiFeatures): SocketWorkbenchApi {
  const { engine } = services;
  return {
    version: String(services.context.extension.packageJSON.version),
    open: async (spec, options = {}) => {
      // Safe by default for callers too: the engine asks the guard before binding all interfaces.
      try {
        return await engine.open(parseSpec(spec), { name: options.name });
      } catch (error) {
        if (isEngineError(error) && error.data.reason === 'all-interfaces-declined' && error.socketId !== undefined) {
          // Declined: nothing was bound, and nothing is left behind.
          await engine.remove(error.socketId);
        }
        throw error;
      }
    },
    list: () => engine.list(),
    get: (id) => engine.get(id),
    connections: (id, offset, limit) => engine.connections(id, offset, limit),
    send: (id, payload, options = {}) => {
      // The engine keeps sent bytes by reference in the transcript: copy what the caller still owns.
      const bytes = typeof payload === 'string' ? encodePayload(payload, options.encoding ?? 'utf8') : payload.slice();
      return engine.send(id, bytes, { target: options.target });
    },
    close: (id, mode) => engine.close(id, mode),
    transcript: (id) => {
      const transcript = engine.transcript(id);
      return { entries: transcript.entries(), counters: transcript.counters() };
    },
    openPanel: (id) => features.panels.open(id),
    setAutoReply: (id, rulesText) => {
      const info = engine.get(id);
      if (info === undefined) {
        throw new EngineError('UNKNOWN_SOCKET', `no socket with id ${id}`, { id });
      }
      if (!canAutoReply(info)) {
        throw new Error(vscode.l10n.t('Auto-reply rules need a TCP or UNIX server or a UDP socket.'));
      }
      const errors = features.autoReplies.setText(id, String(rulesText));
      if (errors.length > 0) {
        throw new Error(vscode.l10n.t('The auto-reply rules were not set: {0}', errors.join(' · ')));
      }
      return features.autoReplies.get(id) ?? { rules: '', hits: [], items: [], failures: 0 };
    },
    autoReply: (id) => features.autoReplies.get(id),
    onDidCreate: toVscodeEvent(engine.onDidCreate),
    onDidChange: toVscodeEvent(engine.onDidChange),
    onDidRemove: toVscodeEvent(engine.onDidRemove),
    onDidChangeStats: toVscodeEvent(engine.onDidChangeStats),
    onData: toVscodeEvent(engine.onData),
  };
}

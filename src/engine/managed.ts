/**
 * What every socket the engine owns has in common: identity, state, transcript, counters, and the
 * way it reports to the engine. The subclasses (stream.ts, server.ts, udp.ts) hold the Node handles.
 */
import { isIP } from 'node:net';
import { isAllInterfacesAddress } from './address';
import { EngineError, fromSystemError, withReason } from './shared/errors';
import type { SendOptions, SendResult } from './send';
import { Transcript } from './transcript';
import { deliverIncoming, isTapped, type IncomingListener } from './incoming';
import type {
  Address,
  Direction,
  FramingOptions,
  PeerInfo,
  SocketInfo,
  SocketKind,
  SocketSpec,
  SocketState,
  SocketStats,
  SocketTriple,
  SpecOptions,
  TranscriptBudget,
  TranscriptEntry,
  TlsInfo,
  TranscriptLimits,
} from './shared/types';
import type { TlsContext } from './tlsOptions';
import type { EngineErrorInfo } from './shared/errors';
import type { LookupFunction } from './resolve';

export type CloseMode = 'graceful' | 'half' | 'reset';

/** Shared by every socket that has resolved nothing yet: one empty array, not one per connection. */
const NOTHING_RESOLVED: readonly string[] = Object.freeze([]);
const NO_TRAFFIC: Readonly<SocketStats> = Object.freeze({ bytesIn: 0, bytesOut: 0, messagesIn: 0, messagesOut: 0 });
/** Only UDP sockets hear from peers; every other info() shares this. */
const NO_PEERS: readonly PeerInfo[] = Object.freeze([]);

/** The engine's side of the conversation: sockets report here, the engine turns it into events. */
export interface SocketOwner {
  readonly transcriptLimits: TranscriptLimits;
  readonly lookup?: LookupFunction;
  /** Default connect timeout (ms) for clients whose spec sets none. */
  readonly connectTimeout: number;
  /** State, address, error or connection count changed. */
  changed(socket: ManagedSocket): void;
  /** Whether anyone listens for data entries: without listeners none is built. */
  readonly wantsEntries: boolean;
  /** A data entry was recorded (given when `wantsEntries` was true); counters changed. */
  recorded(socket: ManagedSocket, entry: TranscriptEntry | undefined): void;
  /** A server accepted a connection. */
  adopted(child: ManagedSocket): void;
  /** An accepted connection closed and is forgotten. */
  released(child: ManagedSocket): void;
  /** The peer ended its stream (FIN); `entry` is the transcript's record of it. */
  peerEnded(socket: ManagedSocket, entry: TranscriptEntry): void;
  /** Counters changed without a transcript entry (bytes of a send leaving in chunks). */
  counted(socket: ManagedSocket): void;
  /** Asked before a listener binds an all-interfaces address (resolved); false refuses the bind. */
  readonly confirmAllInterfaces?: (socket: ManagedSocket, address: string, port: number) => Promise<boolean>;
  /** Default credentials and base directory for TLS sockets. */
  readonly tls: TlsContext;
}

export abstract class ManagedSocket {
  abstract readonly kind: SocketKind;
  /**
   * What the socket was opened from. Sockets made from a spec hold it; an accepted connection
   * derives its own (the peer it is connected to) only when asked.
   */
  abstract readonly spec: SocketSpec;
  /** The spec as canonical text. */
  abstract readonly specText: string;

  state: SocketState = 'closed';
  error: EngineErrorInfo | undefined;
  local: Address | undefined;
  remote: Address | undefined;
  resolved: readonly string[] = NOTHING_RESOLVED;
  openedAt: number | undefined;
  closedAt: number | undefined;
  readonly createdAt = Date.now();
  /** Made on the first byte: an idle accepted connection shares NO_TRAFFIC. */
  private counts: SocketStats | undefined;
  /** Created on first use: 10,000 idle accepted connections need no transcript objects. */
  private log: Transcript | undefined;
  /** The peer as text, computed once per connection rather than per chunk. */
  protected peerLabel: string | undefined;
  /** What the TLS handshake decided (TLS sockets, and TCP clients after startTls). */
  tlsInfo: TlsInfo | undefined;
  /** Where this socket's relative TLS paths resolve; the engine's base directory when absent. */
  baseDirectory: string | undefined;
  /** In the engine's set of sockets whose counters moved since the last stats event (reports.ts). */
  statsMarked = false;
  /** engine.onIncoming's listeners; undefined on nearly every socket. */
  taps: readonly IncomingListener[] | undefined;

  constructor(
    readonly id: string,
    protected readonly owner: SocketOwner,
    public name: string | undefined,
    readonly parent?: ManagedSocket,
  ) {}

  get stats(): SocketStats {
    return (this.counts ??= { bytesIn: 0, bytesOut: 0, messagesIn: 0, messagesOut: 0 });
  }

  /** The counters as a snapshot. */
  statsSnapshot(): Readonly<SocketStats> {
    return this.counts === undefined ? NO_TRAFFIC : { ...this.counts };
  }

  get transcript(): Transcript {
    return (this.log ??= this.createTranscript());
  }

  /** The transcript if it exists already; undefined means nothing was recorded or asked for yet. */
  get existingTranscript(): Transcript | undefined {
    return this.log;
  }

  /** Builds the transcript on first use (an accepted connection seeds it with its accept entry). */
  protected createTranscript(): Transcript {
    return new Transcript(this.owner.transcriptLimits);
  }

  /** What this socket's transcript draws from; a connection shares its server's. */
  budget(): TranscriptBudget {
    return this.parent?.budget() ?? this.transcript.budget();
  }

  /** Empties the transcript (a server's connections let go of the bytes they share with it). */
  clearTranscript(): void {
    this.log?.clear();
  }

  abstract triple(): SocketTriple;

  /** The far end; an accepted connection keeps only its label and derives the Address when asked. */
  peerAddress(): Address | undefined {
    return this.remote;
  }

  /** The spec's options, without building a spec where the socket has none of its own. */
  get specOptions(): SpecOptions {
    return this.spec.options;
  }

  /**
   * The address family before the socket is open: the spec's family, else a literal host's, else
   * IPv4 (a name's family is only known once it resolves).
   */
  protected specFamily(): 4 | 6 {
    const { host, options } = this.spec;
    if (options.family !== undefined) {
      return options.family;
    }
    if (options.ipv6Only === true) {
      return 6;
    }
    return host !== undefined && isIP(host.split('%')[0]) === 6 ? 6 : 4;
  }

  /** Opens the handles for this socket. Rejects with an EngineError; the socket is then in `error`. */
  abstract open(signal?: AbortSignal): Promise<void>;

  abstract close(mode: CloseMode): Promise<void>;

  /** Immediate close for dispose: resolves once every handle has emitted 'close'. */
  abstract destroy(): Promise<void>;

  abstract send(payload: Uint8Array, options: SendOptions): Promise<SendResult>;

  get isOpen(): boolean {
    return this.state === 'open' || this.state === 'listening' || this.state === 'half-closed';
  }

  /** Live accepted connections (servers override). */
  connections(): readonly ManagedSocket[] {
    return [];
  }

  /** Cheap count for info(): building the list would make 10,000 accepts quadratic. */
  get connectionCount(): number {
    return 0;
  }

  /** Whether reading is paused; only stream connections can pause. */
  get paused(): boolean {
    return false;
  }

  /** Stops or restarts reading, so a test can play a slow reader and watch the peer's backpressure. */
  setReceiving(_receiving: boolean): void {
    throw new EngineError(
      'UNSUPPORTED',
      `pausing applies to stream connections; ${this.id} is ${this.kind}`,
      withReason('pause-not-stream', { id: this.id, kind: this.kind }),
      this.id,
    );
  }

  /** The message framing in effect (stream sockets override); undefined: raw. */
  get framing(): FramingOptions | undefined {
    return undefined;
  }

  /** Changes the framing from the next byte received; options are checked already (framingOptions.ts). */
  setFraming(_options: FramingOptions | undefined): void {
    throw new EngineError(
      'UNSUPPORTED',
      `framing applies to stream sockets; ${this.id} is ${this.kind}, whose datagrams are messages already`,
      withReason('framing-not-stream', { id: this.id, kind: this.kind }),
      this.id,
    );
  }

  /** Stops or restarts reading for a recording's backpressure (stream sockets; datagrams cannot wait). */
  holdReading(_hold: boolean): void {
    // Nothing to hold: a UDP recording counts what the disk could not take.
  }

  /** Called when an accepted connection of this server has closed (servers override). */
  removeConnection(_connection: ManagedSocket): void {
    // Only servers have connections.
  }

  peers(): readonly PeerInfo[] {
    return NO_PEERS;
  }

  defaultTarget(): Address | undefined {
    return undefined;
  }

  /** Where this socket's TLS files resolve and where a server's default certificate comes from. */
  protected tlsContext(): TlsContext {
    return { ...this.owner.tls, baseDirectory: this.baseDirectory ?? this.owner.tls.baseDirectory };
  }

  /** The PEM certificate this socket presents (a TLS server or its connection) or saw (a TLS client). */
  certificatePem(): string | null {
    return null;
  }

  info(): SocketInfo {
    return {
      id: this.id,
      parentId: this.parent?.id,
      kind: this.kind,
      state: this.state,
      name: this.name,
      spec: this.specText,
      triple: this.triple(),
      local: this.local,
      remote: this.peerAddress(),
      resolved: this.resolved,
      options: this.specOptions,
      createdAt: this.createdAt,
      openedAt: this.openedAt,
      closedAt: this.closedAt,
      error: this.error,
      stats: this.statsSnapshot(),
      connections: this.connectionCount,
      peers: this.peers(),
      paused: this.paused,
      defaultTarget: this.defaultTarget(),
      budget: this.budget(),
      ...(this.tlsInfo === undefined ? {} : { tls: this.tlsInfo }),
      framing: this.framing,
    };
  }

  protected setState(state: SocketState): void {
    if (this.state === state) {
      return;
    }
    this.state = state;
    if (state === 'open' || state === 'listening') {
      this.openedAt = Date.now();
      this.closedAt = undefined;
    } else if (state === 'closed' || state === 'error') {
      this.closedAt = Date.now();
    }
    this.owner.changed(this);
  }

  /**
   * Decided on the address about to be bound, after resolution, so no spelling of 0.0.0.0 or :: and
   * no name resolving to one gets past the owner's question. Throws CANCELLED when refused.
   */
  protected async confirmBind(address: string, port: number): Promise<void> {
    const confirm = this.owner.confirmAllInterfaces;
    if (confirm === undefined || !isAllInterfacesAddress(address) || (await confirm(this, address, port))) {
      return;
    }
    throw new EngineError(
      'CANCELLED',
      `binding ${this.specText} to ${address} (all interfaces) was not confirmed`,
      withReason('all-interfaces-declined', { spec: this.specText, address }),
      this.id,
    );
  }

  /** Puts the socket in `error`, records why, and returns the EngineError for the caller to throw. */
  protected fail(cause: unknown, data: Record<string, string | number | boolean | undefined> = {}): EngineError {
    const error = fromSystemError(cause, data);
    error.socketId = this.id;
    if (error.data.reason === 'all-interfaces-declined') {
      // Nothing went wrong: the socket stays closed, as it was before the attempt.
      this.recordEvent('info', 'BIND_DECLINED', error.message);
      this.setState('closed');
      return error;
    }
    this.error = error.toJSON();
    const entry = this.transcript.recordEvent('error', { code: error.code, detail: error.message, error: this.error });
    this.parent?.transcript.mirror(entry, this.id, this.peerLabel);
    this.setState('error');
    return error;
  }

  /** Starts a fresh attempt: forgets the last error and connection addresses. */
  protected beginOpen(state: 'opening' | 'connecting'): void {
    this.error = undefined;
    this.local = undefined;
    this.remote = undefined;
    this.peerLabel = undefined;
    this.tlsInfo = undefined;
    this.setState(state);
  }

  protected recordEvent(kind: Exclude<TranscriptEntry['kind'], 'data'>, code?: string, detail?: string, error?: EngineErrorInfo): TranscriptEntry {
    const entry = this.transcript.recordEvent(kind, { peer: this.peerLabel, code, detail, error });
    this.parent?.transcript.mirror(entry, this.id);
    return entry;
  }

  /** The peer sent FIN: recorded, then announced (a connection's server hears it through its own transcript). */
  protected recordPeerEnd(): void {
    this.owner.peerEnded(this, this.recordEvent('info', 'FIN', 'peer closed its sending side'));
  }

  /**
   * Counts and records bytes; the hot path of every socket, so it does nothing it can avoid.
   * `time` and `mono` are given when several messages came in one read (they arrived together).
   */
  protected recordData(direction: Direction, data: Uint8Array, peer: string | undefined, time?: number, mono?: number): void {
    const { stats } = this;
    if (direction === 'in') {
      stats.bytesIn += data.byteLength;
      stats.messagesIn++;
    } else {
      stats.messagesOut++;
    }
    const transcript = this.transcript;
    transcript.record(direction, data, peer, undefined, time, mono);
    // The entry objects are built only for the data event's listeners (the transcript keeps columns).
    const owner = this.owner;
    const entry = owner.wantsEntries ? transcript.lastEntry() : undefined;
    const parent = this.parent;
    if (parent !== undefined) {
      if (direction === 'in') {
        parent.stats.bytesIn += data.byteLength;
        parent.stats.messagesIn++;
      } else {
        parent.stats.messagesOut++;
      }
      const mirror = parent.transcript;
      mirror.mirrorLast(transcript, this.id);
      owner.recorded(parent, entry === undefined ? undefined : mirror.lastEntry());
    }
    owner.recorded(this, entry);
    if (direction === 'in' && isTapped(this, parent)) {
      deliverIncoming(this, parent, data, transcript.limits.captureBytes, peer);
    }
  }

  /** Outgoing bytes are counted as the kernel accepts them, so a cancelled send counts what left. */
  protected countSent(bytes: number): void {
    this.stats.bytesOut += bytes;
    this.owner.counted(this);
    if (this.parent !== undefined) {
      this.parent.stats.bytesOut += bytes;
      this.owner.counted(this.parent);
    }
  }

  protected notOpen(): EngineError {
    return new EngineError(
      'NOT_OPEN',
      `socket ${this.id} is ${this.state}, not open`,
      withReason('not-open', { id: this.id, state: this.state }),
      this.id,
    );
  }
}

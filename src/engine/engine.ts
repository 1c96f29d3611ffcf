/**
 * The socket engine: creates, owns and records every socket, and tells subscribers what changed.
 * It knows nothing of VS Code; the extension, the tests and the benchmarks all drive it the same way.
 */
import { DEFAULT_MAX_TOTAL_TRANSCRIPT_BYTES, TranscriptPool } from './budget';
import { EngineError, fromSystemError, withReason } from './shared/errors';
import type { Disposable, Event } from './events';
import type { CloseMode, ManagedSocket } from './managed';
import { addTap, type IncomingListener } from './incoming';
import type { SendOptions, SendResult } from './send';
import { StreamServer } from './server';
import { socketSpec } from './spec';
import { StreamConnection } from './stream';
import { DEFAULT_TRANSCRIPT_LIMITS, validateLimits, type TranscriptView } from './transcript';
import { exportCapture, type CaptureExport } from './export';
import type { RecordingStatus } from './recorder';
import { Recordings, type RecordingChange, type RecordOptions } from './recordings';
import { validateFramingOptions } from './framingOptions';
import { EngineReports, type DataEvent, type EndEvent, type RemovedEvent, type StatsChange } from './reports';
import type { FramingOptions, SocketInfo, SocketSpec, TranscriptBudget, TranscriptLimits } from './shared/types';
import { UdpSocket } from './udp';
import { creatableSpec, newSocket } from './socketFactory';
import { memoizedSelfSigned } from './tlsOptions';
import { socketCertificate, startTls } from './starttls';
import type { EngineOptions, OpenOptions, StartTlsOptions } from './engineOptions';

export type { TlsCredentials } from './tlsOptions';
export type { BindRequest, EngineOptions, OpenOptions, StartTlsOptions } from './engineOptions';
export type { DataEvent, EndEvent, RemovedEvent, StatsChange } from './reports';

export const DEFAULT_STATS_INTERVAL_MS = 100;
/** Shared by sends without options: no object per datagram. */
const NO_SEND_OPTIONS: SendOptions = Object.freeze({});
export const DEFAULT_CONNECT_TIMEOUT_MS = 10_000;

export class SocketEngine {
  private readonly sockets = new Map<string, ManagedSocket>();
  private nextId = 1;
  private limits: TranscriptLimits;
  private connectTimeoutMs: number;
  private disposed = false;
  private readonly pool: TranscriptPool;
  private readonly reports: EngineReports;

  /** A socket was added: opened, restored closed, or accepted by a server. */
  readonly onDidCreate: Event<SocketInfo>;
  /** State, addresses, error or connection count changed. Not fired for counters. */
  readonly onDidChange: Event<SocketInfo>;
  /** Every recorded chunk or datagram. Keep listeners cheap: this runs on the data path. */
  readonly onData: Event<DataEvent>;
  /**
   * The peer ended its stream (sent FIN): nothing more will arrive on that connection. With
   * allowHalfOpen the socket stays open for sending; without it Node closes it, and this comes just
   * before the close. The transcript holds the same moment as an `info` entry with code `FIN`.
   */
  readonly onDidEnd: Event<EndEvent>;
  /** Counters of the sockets that moved, at most once per stats interval, however fast data flows. */
  readonly onDidChangeStats: Event<readonly StatsChange[]>;
  /** A socket was removed, or an accepted connection closed and was forgotten. */
  readonly onDidRemove: Event<RemovedEvent>;
  private readonly recordings: Recordings;
  /** A recording started, grew (at most twice a second) or stopped. */
  readonly onDidChangeRecording: Event<RecordingChange>;

  constructor(options: EngineOptions = {}) {
    this.limits = { ...DEFAULT_TRANSCRIPT_LIMITS, ...options.transcriptLimits };
    this.pool = new TranscriptPool(options.maxTotalTranscriptBytes ?? DEFAULT_MAX_TOTAL_TRANSCRIPT_BYTES);
    this.connectTimeoutMs = options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS;
    const confirm = options.confirmAllInterfaces;
    const baseDirectory = options.baseDirectory;
    // Getters, so settings changed later reach sockets opened later.
    this.reports = new EngineReports(
      {
        transcriptLimits: () => this.limits,
        connectTimeout: () => this.connectTimeoutMs,
        lookup: options.lookup,
        tls: {
          // Read at each open: the extension's folder can change after the engine was made.
          get baseDirectory() {
            return typeof baseDirectory === 'function' ? baseDirectory() : baseDirectory;
          },
          defaultCredentials: options.defaultCredentials ?? memoizedSelfSigned(),
        },
        confirmAllInterfaces: confirm && ((socket, address, port) => confirm({ id: socket.id, name: socket.name, spec: socket.specText, address, port })),
      },
      options.statsIntervalMs ?? DEFAULT_STATS_INTERVAL_MS,
    );
    this.onDidCreate = this.reports.created.event;
    this.onDidChange = this.reports.changed.event;
    this.onData = this.reports.data.event;
    this.onDidEnd = this.reports.ended.event;
    this.onDidChangeStats = this.reports.stats.event;
    this.onDidRemove = this.reports.removed.event;
    // Recording listens to onData like any subscriber: the socket classes know nothing of it.
    this.recordings = new Recordings(this);
    this.onDidChangeRecording = this.recordings.onDidChange;
  }

  /** Parses (if needed) and opens a socket. Spec errors reject before any socket exists. */
  async open(spec: string | SocketSpec, options: OpenOptions = {}): Promise<SocketInfo> {
    const socket = this.create(spec, options.name);
    socket.baseDirectory = options.baseDirectory;
    await socket.open(options.signal);
    return socket.info();
  }

  /** Registers a socket without opening it, e.g. one restored from the last session. */
  add(spec: string | SocketSpec, options: { readonly name?: string; readonly baseDirectory?: string } = {}): SocketInfo {
    const socket = this.create(spec, options.name);
    socket.baseDirectory = options.baseDirectory;
    return socket.info();
  }

  /**
   * Upgrades an open tcp:// client to TLS in place (STARTTLS): the same id and transcript, an
   * event entry for the upgrade, and plaintext of the TLS stream from then on. Rejects with a TLS
   * error (the socket is then in `error`) when the handshake fails.
   */
  async startTls(id: string, options: StartTlsOptions = {}): Promise<SocketInfo> {
    const socket = this.require(id);
    await startTls(socket, options);
    return socket.info();
  }

  /**
   * The PEM certificate a TLS server (or one of its connections) presents, for export; a TLS
   * client's is the certificate its server presented. null for sockets without TLS.
   */
  certificate(id: string): string | null {
    return socketCertificate(this.require(id));
  }

  /** Opens a closed or failed socket again, with the same id, name, spec and transcript. */
  async reopen(id: string, options: { readonly signal?: AbortSignal } = {}): Promise<SocketInfo> {
    const socket = this.require(id);
    if (socket.parent !== undefined) {
      throw new EngineError(
        'UNSUPPORTED',
        'an accepted connection cannot be reopened; the peer must connect again',
        withReason('reopen-accepted', { id }),
        id,
      );
    }
    if (socket.state !== 'closed' && socket.state !== 'error') {
      throw new EngineError(
        'INVALID_ARGUMENT',
        `socket ${id} is ${socket.state}; close it before reopening`,
        withReason('reopen-not-closed', { id, state: socket.state }),
        id,
      );
    }
    await socket.open(options.signal);
    return socket.info();
  }

  get(id: string): SocketInfo | undefined {
    return this.find(id)?.info();
  }

  /** Top-level sockets, in creation order. Accepted connections are listed by connections(). */
  list(): SocketInfo[] {
    const result: SocketInfo[] = [];
    for (const socket of this.sockets.values()) {
      if (socket.parent === undefined) {
        result.push(socket.info());
      }
    }
    return result;
  }

  /** A page of a server's live connections, oldest first. */
  connections(serverId: string, offset = 0, limit = Number.MAX_SAFE_INTEGER): SocketInfo[] {
    const socket = this.require(serverId);
    return socket instanceof StreamServer ? socket.connectionPage(offset, limit).map((connection) => connection.info()) : [];
  }

  /** Not async (one promise fewer per datagram); an unknown id still rejects rather than throws. */
  send(id: string, payload: Uint8Array, options: SendOptions = NO_SEND_OPTIONS): Promise<SendResult> {
    const socket = this.find(id);
    if (socket === undefined) {
      return Promise.reject(this.unknown(id));
    }
    return socket.send(payload, options);
  }

  /**
   * send() without a promise where it can finish at once: an open client or accepted connection, and
   * a payload (with its prefix) of one chunk at most (1 MiB), whatever the options. It throws what
   * send() would reject with; undefined, having done nothing, leaves the send to send() (a server,
   * UDP, a bigger payload). The entry, counters and bytes are send()'s: send() uses it for one chunk.
   */
  sendNow(id: string, payload: Uint8Array, options: SendOptions = NO_SEND_OPTIONS): SendResult | undefined {
    const socket = this.require(id);
    return socket instanceof StreamConnection ? socket.sendNow(payload, options) : undefined;
  }

  async close(id: string, mode: CloseMode = 'graceful'): Promise<void> {
    await this.require(id).close(mode);
  }

  async closeAll(mode: CloseMode = 'graceful'): Promise<void> {
    const open = [...this.sockets.values()].filter((socket) => socket.parent === undefined && socket.state !== 'closed' && socket.state !== 'error');
    await Promise.all(open.map((socket) => socket.close(mode === 'half' ? 'graceful' : mode)));
  }

  /** Closes (if needed) and forgets a socket and its transcript. */
  async remove(id: string): Promise<void> {
    const socket = this.require(id);
    if (socket.state !== 'closed' && socket.state !== 'error') {
      await socket.close('graceful');
    }
    if (socket.parent === undefined && this.sockets.delete(id)) {
      this.reports.forget(socket);
      const transcript = socket.existingTranscript;
      if (transcript !== undefined) {
        this.pool.leave(transcript);
      }
      this.reports.removed.fire({ id });
    }
  }

  rename(id: string, name: string | undefined): SocketInfo {
    const socket = this.require(id);
    socket.name = name === '' ? undefined : name;
    const info = socket.info();
    this.reports.changed.fire(info);
    return info;
  }

  /** A socket's incoming bytes (a server's: its connections') as recorded, without entry or event objects: for runners. */
  onIncoming(id: string, listener: IncomingListener): Disposable {
    return addTap(this.require(id), listener);
  }

  transcript(id: string): TranscriptView {
    return this.require(id).transcript;
  }

  /** Empties a socket's transcript; a server's connections let go of the chunks they share with it. */
  clearTranscript(id: string): void {
    const socket = this.require(id);
    socket.clearTranscript();
    this.reports.changed.fire(socket.info());
  }

  /** The budget a socket's transcript draws from (its server's, for a connection), without a whole info(). */
  budget(id: string): TranscriptBudget {
    return this.require(id).budget();
  }

  /** What every transcript together holds, against maxTotalTranscriptBytes. */
  totalBudget(): TranscriptBudget {
    return { heldBytes: this.pool.heldBytes, maxBytes: this.pool.maxBytes, droppedEntries: this.pool.droppedEntries };
  }

  /** The engine-wide cap on captured bytes; applies at once (oldest entries first). */
  setMaxTotalTranscriptBytes(bytes: number): void {
    this.pool.setMaxBytes(bytes);
  }

  /** Writes the socket's transcript (a server's: all its connections) to `path` as pcapng. */
  async exportCapture(id: string, path: string): Promise<CaptureExport> {
    const socket = this.require(id);
    try {
      return await exportCapture(socket.info(), socket.transcript, path);
    } catch (error) {
      throw fromSystemError(error, { path });
    }
  }

  /** Streams every new entry of the socket (a server's: all its connections) to `path`. */
  async record(id: string, path: string, options: RecordOptions = {}): Promise<RecordingStatus> {
    this.require(id);
    try {
      return await this.recordings.record(id, path, options);
    } catch (error) {
      throw fromSystemError(error, { path });
    }
  }

  /** Ends a recording; resolves with its final figures once the file is complete. */
  async stopRecording(id: string): Promise<RecordingStatus> {
    return this.recordings.stop(id);
  }

  /** For recordings: reading pauses while a file is behind (TCP's flow control then slows the peer). */
  holdReading(id: string, hold: boolean): void {
    this.find(id)?.holdReading(hold);
  }

  /** The socket's running recording, if any. */
  recording(id: string): RecordingStatus | undefined {
    return this.recordings.status(id);
  }

  /** Pauses or resumes reading on a stream connection (a slow reader, for testing the peer). */
  setReceiving(id: string, receiving: boolean): SocketInfo {
    const socket = this.require(id);
    socket.setReceiving(receiving);
    return socket.info();
  }

  /**
   * Changes a stream socket's message framing from its next byte (a server's: every connection's,
   * and those it accepts later). Options as in a spec's query; `{}` or `framing: 'raw'` is raw.
   */
  setFraming(id: string, options: FramingOptions): SocketInfo {
    const socket = this.require(id);
    socket.setFraming(validateFramingOptions(options, socket.spec.transport, `${socketSpec.schemeOf(socket.spec.transport, socket.spec.role)}://`));
    return socket.info();
  }

  /** Joins or leaves a multicast group on an open UDP socket. */
  membership(id: string, action: 'join' | 'leave', group: string, networkInterface?: string): void {
    const socket = this.require(id);
    if (!(socket instanceof UdpSocket)) {
      throw new EngineError('UNSUPPORTED', `multicast needs a UDP socket; ${id} is ${socket.kind}`, withReason('multicast-needs-udp', { id, kind: socket.kind }), id);
    }
    socket.membership(action, group, networkInterface);
  }

  /** The connect timeout for clients whose spec sets none, from the next connect on. */
  setConnectTimeout(milliseconds: number): void {
    if (!Number.isInteger(milliseconds) || milliseconds < 1) {
      throw new EngineError('INVALID_ARGUMENT', `connect timeout must be a positive number of ms, got ${milliseconds}`, withReason('connect-timeout-invalid', { value: milliseconds }));
    }
    this.connectTimeoutMs = milliseconds;
  }

  /** New limits apply to every transcript at once, and to sockets created later. */
  setTranscriptLimits(limits: Partial<TranscriptLimits>): void {
    const next = { ...this.limits, ...limits };
    // Validated before anything changes: a bad value must not leave half the sockets on new limits.
    validateLimits(next);
    for (const socket of this.sockets.values()) {
      socket.existingTranscript?.setLimits(next);
      for (const connection of socket.connections()) {
        connection.existingTranscript?.setLimits(next);
      }
    }
    this.limits = next;
  }

  /** Closes every socket at once and resolves when every handle has closed. */
  async dispose(): Promise<void> {
    if (this.disposed) {
      return;
    }
    this.disposed = true;
    const topLevel = [...this.sockets.values()].filter((socket) => socket.parent === undefined);
    await Promise.all(topLevel.map((socket) => socket.destroy()));
    // Node emits a server's 'close' one turn before libuv frees the handle.
    await new Promise<void>((resolve) => setImmediate(resolve));
    // After the closes, so each recording ends with its connections' close.
    await this.recordings.stopAll();
    this.recordings.dispose();
    this.reports.dispose();
    this.sockets.clear();
  }

  private create(spec: string | SocketSpec, name: string | undefined): ManagedSocket {
    if (this.disposed) {
      throw new EngineError('NOT_OPEN', 'the socket engine has been disposed', withReason('engine-disposed'));
    }
    const { parsed, specText } = creatableSpec(spec);
    const id = `s${this.nextId++}`;
    const socket = newSocket(id, parsed, specText, this.reports.owner, name);
    this.sockets.set(id, socket);
    this.pool.join(socket.transcript);
    this.reports.created.fire(socket.info());
    return socket;
  }

  /** A top-level socket, or a live connection (`s3.17`) through its server. */
  private find(id: string): ManagedSocket | undefined {
    const socket = this.sockets.get(id);
    if (socket !== undefined) {
      return socket;
    }
    const dot = id.indexOf('.');
    const server = dot < 0 ? undefined : this.sockets.get(id.slice(0, dot));
    return server instanceof StreamServer ? server.connection(id) : undefined;
  }

  private unknown(id: string): EngineError {
    return new EngineError('UNKNOWN_SOCKET', `no socket with id ${id}`, withReason('socket-unknown', { id }));
  }

  private require(id: string): ManagedSocket {
    const socket = this.find(id);
    if (socket === undefined) {
      throw this.unknown(id);
    }
    return socket;
  }
}

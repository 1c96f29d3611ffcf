/**
 * A TCP or UNIX stream server. Each accepted connection becomes its own StreamConnection with its
 * own transcript and counters; the server's transcript mirrors all of them, so one view can show a
 * server's whole conversation.
 *
 * The server's transcript is also the budget its connections share: every chunk a connection
 * captures is mirrored there (same bytes), so the server's held bytes are the server's whole
 * footprint, each buffer counted once. When the server evicts a chunk (its limits, the engine-wide
 * pool, a clear), the connection that captured it evicts it too, oldest first: one server holds at
 * most its maxBytes however many connections it has.
 */
import * as net from 'node:net';
import * as tls from 'node:tls';
import { firstCertificatePem, summarizeCertificate } from './certificate';
import { tlsError } from './tlsErrors';
import { describeTls, serverTlsInfo } from './tlsInfo';
import { credentialsError, tlsMaterial, type TlsMaterial } from './tlsOptions';
import { formatAddress, socketTriple, toAddress } from './address';
import { EngineError, withReason } from './shared/errors';
import { ManagedSocket, type CloseMode, type SocketOwner } from './managed';
import { resolveEndpoint } from './resolve';
import type { SendOptions, SendResult } from './send';
import { performance } from 'node:perf_hooks';
import { StreamConnection } from './stream';
import type { Transcript } from './transcript';
import { framingOptionsOf } from './framingOptions';
import type { CertificateSummary, FramingOptions, SocketSpec, SocketTriple } from './shared/types';
import { fromNodePath, lstatOrUndefined, probeSocketFile, removeIfStillStale, toNodePath } from './unix';
import { sendToConnections } from './serverSend';

/** The listen queue a server gets when its spec sets no `backlog`. */
export const DEFAULT_BACKLOG = 4096;

export class StreamServer extends ManagedSocket {
  private server: net.Server | undefined;
  private readonly live = new Map<string, StreamConnection>();
  /**
   * Transcripts of connections that ended while the server still mirrors some of their chunks: the
   * budget must still be able to evict those chunks there (a panel may keep such a transcript).
   */
  private readonly ended = new Map<string, Transcript>();
  /** formatAddress(local), shared by the accept entries of every connection. */
  private localLabel: string | undefined;
  private accepted = 0;
  private family: 4 | 6 | undefined;
  private closed: Promise<void> = Promise.resolve();
  /** A tls-listen server's files and its certificate's summary, read at each open. */
  private material: TlsMaterial | undefined;
  private localCertificate: CertificateSummary | null = null;
  /** Framing the panel set for this server's connections, replacing the spec's (undefined: the spec's). */
  private framingOverride: { readonly options: FramingOptions | undefined } | undefined;
  /** A recording of this server is behind: its connections do not read (new ones too) until it catches up. */
  private held = false;

  constructor(
    readonly kind: 'tcp-server' | 'unix-server',
    id: string,
    readonly spec: SocketSpec,
    readonly specText: string,
    owner: SocketOwner,
    name: string | undefined,
  ) {
    super(id, owner, name);
  }

  protected override createTranscript(): Transcript {
    const transcript = super.createTranscript();
    transcript.onEvictData = (_seq, socketId, sourceSeq) => this.evictedFromBudget(socketId, sourceSeq);
    return transcript;
  }

  /** The server dropped a mirrored chunk: the connection that captured it lets go of it too. */
  private evictedFromBudget(socketId: string | undefined, sourceSeq: number | undefined): void {
    if (socketId === undefined || sourceSeq === undefined) {
      return;
    }
    const ended = this.ended.get(socketId);
    const transcript = ended ?? this.live.get(socketId)?.existingTranscript;
    transcript?.evictThrough(sourceSeq);
    if (ended !== undefined && ended.counters().bytes === 0) {
      this.ended.delete(socketId);
    }
  }

  override clearTranscript(): void {
    super.clearTranscript();
    this.ended.clear();
  }

  triple(): SocketTriple {
    return this.kind === 'unix-server'
      ? socketTriple('unix', undefined)
      : socketTriple('tcp', this.family ?? this.specFamily());
  }

  override connections(): readonly ManagedSocket[] {
    return [...this.live.values()];
  }

  /** A page of live connections, for views that must not list 10,000 at once. */
  connectionPage(offset: number, limit: number): ManagedSocket[] {
    const page: ManagedSocket[] = [];
    let index = 0;
    for (const connection of this.live.values()) {
      if (index >= offset + limit) {
        break;
      }
      if (index >= offset) {
        page.push(connection);
      }
      index++;
    }
    return page;
  }

  connection(id: string): StreamConnection | undefined {
    return this.live.get(id);
  }

  override get connectionCount(): number {
    return this.live.size;
  }

  async open(): Promise<void> {
    this.beginOpen('opening');
    try {
      if (this.kind === 'unix-server') {
        await this.listenUnix(this.spec.path ?? '');
      } else {
        const endpoint = await resolveEndpoint(this.spec, { lookup: this.owner.lookup });
        this.resolved = endpoint.addresses.map((candidate) => candidate.address);
        // Like Python's bind() after getaddrinfo(): the first address wins.
        const [first] = endpoint.addresses;
        this.family = first.family;
        await this.confirmBind(first.address, endpoint.port);
        if (this.spec.transport === 'tls') {
          await this.loadTls();
        }
        await this.listen({
          host: first.address,
          port: endpoint.port,
          backlog: this.backlog(),
          ipv6Only: this.spec.options.ipv6Only === true,
        });
      }
    } catch (error) {
      throw this.fail(error, this.kind === 'unix-server' ? { path: this.spec.path } : { host: this.spec.host, port: this.spec.port });
    }
    this.localLabel = this.local === undefined ? undefined : formatAddress(this.local);
    this.recordEvent('listen', undefined, this.localLabel);
    this.setState('listening');
  }

  /**
   * The spec's backlog, else 4096 (the kernel caps it at net.core.somaxconn). Not Node's 511: the
   * engine does more per accepted connection than a bare server, and a burst that overflows the
   * queue makes the kernel drop handshakes, which clients retry only after a second.
   */
  private backlog(): number {
    return this.spec.options.backlog ?? DEFAULT_BACKLOG;
  }

  private async listenUnix(path: string): Promise<void> {
    this.resolved = [path];
    try {
      await this.listen({ path: toNodePath(path), backlog: this.backlog() });
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') {
        throw error;
      }
    }
    // The file as it was before the probe: only this very file may be removed as stale.
    const probed = lstatOrUndefined(path);
    const fileState = await probeSocketFile(path);
    if (fileState === 'not-a-socket') {
      throw new EngineError('EADDRINUSE', `${path} exists and is not a socket`, withReason('unix-path-not-socket', { path, notSocket: true }));
    }
    if (fileState !== 'stale') {
      throw new EngineError('EADDRINUSE', `another process is listening on ${path}`, withReason('unix-path-in-use', { path }));
    }
    if (this.spec.options.removeStale !== true) {
      throw new EngineError(
        'STALE_UNIX_SOCKET',
        `${path} is a stale socket file (nobody listens on it); remove it or open with ?removeStale=1`,
        withReason('unix-stale', { path }),
      );
    }
    removeIfStillStale(path, probed);
    this.recordEvent('info', 'STALE_REMOVED', `removed stale socket file ${path}`);
    await this.listen({ path: toNodePath(path), backlog: this.backlog() });
  }

  private async loadTls(): Promise<void> {
    const material = await tlsMaterial(this.spec.options, 'listen', this.tlsContext());
    this.material = material;
    this.localCertificate = material.cert === undefined ? null : summarizeCertificate(material.cert);
    this.tlsInfo = serverTlsInfo(this.localCertificate, material.insecure);
  }

  override certificatePem(): string | null {
    return this.material?.cert === undefined ? null : firstCertificatePem(this.material.cert);
  }

  private createServer(): net.Server {
    const { noDelay, keepAlive, keepAliveDelay, requestCert } = this.spec.options;
    const options = {
      allowHalfOpen: this.spec.options.allowHalfOpen === true,
      noDelay: noDelay === true,
      keepAlive: keepAlive === true,
      keepAliveInitialDelay: keepAliveDelay ?? 0,
    };
    const material = this.material;
    if (this.spec.transport !== 'tls' || material === undefined) {
      return net.createServer(options);
    }
    let server: tls.Server;
    try {
      server = tls.createServer({
        ...options,
        ...material.secure,
        ...(material.alpn === undefined ? {} : { ALPNProtocols: material.alpn }),
        requestCert: requestCert === true,
        rejectUnauthorized: requestCert === true && !material.insecure,
        handshakeTimeout: this.spec.options.timeout ?? this.owner.connectTimeout,
      });
    } catch (error) {
      throw credentialsError(error, this.spec.options.cert);
    }
    server.on('tlsClientError', (error, socket) => this.clientFailed(error, socket));
    // The peer's address is read (and cached by net.Socket) before a failed handshake destroys it.
    server.on('connection', (socket: net.Socket) => socket.remotePort);
    return server;
  }

  /** A client whose handshake failed: the server records why and keeps listening. */
  private clientFailed(cause: Error, socket: tls.TLSSocket): void {
    // A socket Node destroyed has lost its address; the TCP socket under it (_parent) cached it.
    const raw = (socket as tls.TLSSocket & { readonly _parent?: net.Socket })._parent;
    const address = socket.remoteAddress ?? raw?.remoteAddress;
    const peer = address === undefined ? undefined : formatAddress(toAddress(address, socket.remotePort ?? raw?.remotePort));
    // Node refuses a client certificate that does not verify by closing (no alert): the reason is
    // its verification code, and the error only says "socket hang up".
    const verify = socket.authorizationError as unknown;
    const reason = typeof verify === 'string' ? Object.assign(new Error(`client certificate refused: ${verify}`), { code: verify }) : cause;
    const error =
      tlsError(reason, { side: 'server', peer, offeredCertificate: true, requestCert: this.spec.options.requestCert === true }) ??
      new EngineError('TLS', cause.message, withReason('tls-handshake-failed', { peer, systemCode: (cause as NodeJS.ErrnoException).code }));
    this.transcript.recordEvent('error', { peer, code: error.code, detail: error.message, error: error.toJSON() });
    socket.destroy();
    this.owner.changed(this);
  }

  private listen(options: net.ListenOptions): Promise<void> {
    const server = this.createServer();
    const tlsServer = server instanceof tls.Server;
    return new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options, () => {
        server.off('error', reject);
        this.server = server;
        this.closed = new Promise<void>((closed) => server.once('close', () => closed()));
        const address = server.address();
        if (typeof address === 'string') {
          this.local = { family: 'unix', address: fromNodePath(address) };
        } else if (address !== null) {
          this.local = toAddress(address.address, address.port, address.family === 'IPv6' ? 6 : 4);
        }
        if (tlsServer) {
          server.on('secureConnection', (socket: tls.TLSSocket) => this.accept(socket));
        } else {
          server.on('connection', (socket) => this.accept(socket));
        }
        server.on('error', (error) => this.fail(error));
        server.on('close', () => {
          this.server = undefined;
          if (this.state !== 'error') {
            this.recordEvent('close');
            this.setState('closed');
          }
        });
        resolve();
      });
    });
  }

  private accept(socket: net.Socket): void {
    this.accepted++;
    const id = `${this.id}.${this.accepted}`;
    // A UNIX client is usually unnamed: the connection number is the only way to tell peers apart.
    const label = this.kind === 'unix-server' ? `#${this.accepted}` : undefined;
    const mono = performance.now();
    const material = this.material;
    const secure = material !== undefined && socket instanceof tls.TLSSocket;
    const peer = this.spec.options.requestCert === true ? undefined : false;
    const tlsInfo = secure ? describeTls(socket, { insecure: material.insecure, localSummary: this.localCertificate, peer }) : undefined;
    const connection = StreamConnection.accepted(id, this, socket, this.owner, label, tlsInfo);
    if (connection.state !== 'open') {
      return;
    }
    if (this.framingOverride !== undefined) {
      connection.adoptFraming(this.framingOverride.options);
    }
    if (this.held) {
      connection.holdReading(true);
    }
    // The accept as the server's transcript shows it; the connection's own copy is made lazily.
    const local = connection.local;
    const detail = local === this.local ? this.localLabel : local === undefined ? undefined : formatAddress(local);
    const time = connection.openedAt ?? Date.now();
    this.transcript.recordAccept(connection.peer, id, detail, time, mono);
    connection.recordedAccept(time, mono);
    connection.recordHandshake();
    this.live.set(id, connection);
    this.owner.adopted(connection);
    this.owner.changed(this);
  }

  override holdReading(hold: boolean): void {
    this.held = hold;
    for (const connection of this.live.values()) {
      connection.holdReading(hold);
    }
  }

  override get framing(): FramingOptions | undefined {
    return this.framingOverride === undefined ? framingOptionsOf(this.spec.options) : this.framingOverride.options;
  }

  /** Applies to every live connection from its next byte, and to the connections accepted later. */
  override setFraming(options: FramingOptions | undefined): void {
    this.framingOverride = { options };
    for (const connection of this.live.values()) {
      connection.setFraming(options);
    }
    this.owner.changed(this);
  }

  override removeConnection(connection: ManagedSocket): void {
    const transcript = connection.existingTranscript;
    if (transcript !== undefined && transcript.counters().bytes > 0) {
      this.ended.set(connection.id, transcript);
    }
    if (this.live.delete(connection.id)) {
      this.owner.changed(this);
    }
  }

  async send(payload: Uint8Array, options: SendOptions): Promise<SendResult> {
    if (this.state !== 'listening') {
      throw this.notOpen();
    }
    return sendToConnections(this.id, this.live, payload, options);
  }

  async close(mode: CloseMode): Promise<void> {
    if (mode === 'half') {
      throw new EngineError(
        'UNSUPPORTED',
        'half-close applies to a connection, not to a listening server',
        withReason('half-close-server', { id: this.id }),
        this.id,
      );
    }
    const server = this.server;
    if (server === undefined) {
      if (this.state !== 'error') {
        this.setState('closed');
      }
      return;
    }
    this.setState('closing');
    // close() stops accepting at once; its 'close' waits for the connections, closed here too.
    server.close();
    await Promise.all([...this.live.values()].map((connection) => connection.close(mode)));
    await this.closed;
  }

  async destroy(): Promise<void> {
    const server = this.server;
    server?.close();
    await Promise.all([...this.live.values()].map((connection) => connection.destroy()));
    await this.closed;
  }
}

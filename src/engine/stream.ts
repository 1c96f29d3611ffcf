/**
 * A stream connection: a TCP or UNIX client the user opened, or a connection a server accepted.
 * Both wrap one net.Socket; they differ only in how the socket comes to exist.
 */
import * as net from 'node:net';
import { NO_OPTIONS, acceptedSpec, acceptedSpecText, flatLabel, labelAddress, peernameOf, serverAddress } from './acceptedAddress';
import { formatAddress, socketTriple, toAddress } from './address';
import { connectOnce, connectToAnyAddress } from './connect';
import { EngineError, withReason } from './shared/errors';
import { endGracefully } from './gracefulClose';
import { withLengthPrefix } from './framedStream';
import { framerFor, framingOptionsOf } from './framingOptions';
import type { CloseMode, ManagedSocket, SocketOwner } from './managed';
import { ReadingStream } from './streamReading';
import { fitsOneChunk, writeNow, writeWithBackpressure, type SendOptions, type SendResult, type WriteOutcome } from './send';
import type { Transcript } from './transcript';
import type { Address, SocketSpec, SocketTriple, SpecOptions, TlsInfo } from './shared/types';
import { toNodePath } from './unix';
import { listen, unlisten } from './streamListeners';
import { secureClient } from './tlsClient';
import { tlsError } from './tlsErrors';
import { describeTls, handshakeDetail } from './tlsInfo';
import { tlsMaterial, type TlsMaterial } from './tlsOptions';
import type * as tls from 'node:tls';

type StreamKind = 'tcp-client' | 'unix-client' | 'tcp-connection' | 'unix-connection';

export class StreamConnection extends ReadingStream {
  /** Who waits for the socket's 'close'; made only when someone waits (close, destroy). */
  private closeWaiters: Array<() => void> | undefined;
  private peerPem: string | undefined; // a TLS client's server certificate, for certificate()
  /** When the server recorded the accept, which a transcript made later starts with. */
  private acceptTime: number | undefined;
  private acceptMono = 0;
  /** How close() ended the socket, for the close entry (an export writes RST for 'reset'). */
  private closeMode: CloseMode | undefined;

  constructor(
    readonly kind: StreamKind,
    id: string,
    /** A client's spec; an accepted connection has none of its own (see `spec`). */
    private readonly ownSpec: SocketSpec | undefined,
    private readonly ownSpecText: string | undefined,
    owner: SocketOwner,
    name: string | undefined,
    parent?: ManagedSocket,
  ) {
    super(id, owner, name, parent);
    this.framingOptions = framingOptionsOf(this.specOptions);
    this.framer = framerFor(this.framingOptions);
  }

  /**
   * An accepted connection's own spec is the peer it is connected to (`tcp://127.0.0.1:54664`, or
   * the server's `unix:///path`), never its server's listen spec; its options are the server's
   * (TCP_NODELAY, keepalive, half-open apply to accepted sockets). Built when asked, not kept.
   */
  get spec(): SocketSpec {
    return this.ownSpec ?? acceptedSpec(this.kind === 'unix-connection', this.parent?.spec, this.peerAddress(), this.specOptions);
  }

  get specText(): string {
    return this.ownSpecText ?? acceptedSpecText(this.kind === 'unix-connection', this.parent?.spec, this.peerLabel);
  }

  override get specOptions(): SpecOptions {
    return this.ownSpec?.options ?? this.parent?.spec.options ?? NO_OPTIONS;
  }

  /**
   * Wraps a connection a server accepted; `label` names a UNIX peer, which has no address. The
   * server records the accept; this connection's own transcript is made when first needed.
   */
  static accepted(
    id: string,
    server: ManagedSocket,
    socket: net.Socket,
    owner: SocketOwner,
    label: string | undefined,
    tlsInfo?: TlsInfo,
  ): StreamConnection {
    const kind = server.kind === 'unix-server' ? 'unix-connection' : 'tcp-connection';
    const connection = new StreamConnection(kind, id, undefined, undefined, owner, undefined, server);
    connection.peerLabel = label;
    connection.attach(socket, 'accept');
    connection.tlsInfo = tlsInfo;
    return connection;
  }

  /** The server recorded the accept: a transcript made later starts with the same entry. */
  recordedAccept(time: number, mono: number): void {
    this.acceptTime = time;
    this.acceptMono = mono;
  }

  /** The peer as the server's transcript names it. */
  get peer(): string | undefined {
    return this.peerLabel;
  }

  protected override createTranscript(): Transcript {
    const transcript = super.createTranscript();
    const time = this.acceptTime;
    if (time !== undefined) {
      // The entry the server recorded (seq 0 here, its sourceSeq there), at the time it happened.
      this.acceptTime = undefined;
      const detail = this.local === undefined ? undefined : formatAddress(this.local);
      transcript.recordEvent('accept', { peer: this.peerLabel, detail }, time, this.acceptMono);
    }
    return transcript;
  }

  override peerAddress(): Address | undefined {
    if (this.remote !== undefined || this.kind !== 'tcp-connection' || this.peerLabel === undefined) {
      return this.remote;
    }
    return labelAddress(this.peerLabel);
  }

  triple(): SocketTriple {
    if (this.kind === 'unix-client' || this.kind === 'unix-connection') {
      return socketTriple('unix', undefined);
    }
    const family = this.peerAddress()?.family;
    return socketTriple('tcp', family === 'IPv6' ? 6 : family === 'IPv4' ? 4 : this.specFamily());
  }

  async open(signal?: AbortSignal): Promise<void> {
    if (this.parent !== undefined) {
      throw new EngineError(
        'UNSUPPORTED',
        'an accepted connection cannot be reopened; the peer must connect again',
        withReason('reopen-accepted', { id: this.id }),
        this.id,
      );
    }
    this.beginOpen('connecting');
    const timeout = this.specOptions.timeout ?? this.owner.connectTimeout;
    let socket: net.Socket;
    try {
      if (this.kind === 'unix-client') {
        const path = this.spec.path ?? '';
        this.resolved = [path];
        socket = await connectOnce({ path: toNodePath(path), allowHalfOpen: this.specOptions.allowHalfOpen === true }, timeout, signal, { path });
      } else {
        // The PEM files are read first: a missing ca= fails before any connection is made.
        const material = this.spec.transport === 'tls' ? await tlsMaterial(this.specOptions, 'connect', this.tlsContext()) : undefined;
        socket = await connectToAnyAddress(this.spec, this.owner.lookup, timeout, signal, {
          resolved: (addresses) => (this.resolved = addresses),
          skipped: (code, detail) => this.recordEvent('info', code, detail),
        });
        if (material !== undefined) {
          socket = await this.secure(socket, material, { timeout, signal });
        }
      }
    } catch (error) {
      if (error instanceof EngineError && error.code === 'CANCELLED') {
        this.recordEvent('info', 'CANCELLED', 'connect cancelled');
        this.setState('closed');
        error.socketId = this.id;
        throw error;
      }
      throw this.fail(error);
    }
    this.attach(socket, 'connect');
    this.recordHandshake();
  }

  /** The client's handshake, over a connected TCP socket (tls:// right away, startTls later). */
  private async secure(raw: net.Socket, material: TlsMaterial, request: { readonly timeout: number; readonly signal?: AbortSignal; readonly servername?: string }): Promise<tls.TLSSocket> {
    const servername = request.servername ?? this.specOptions.servername;
    const secured = await secureClient(raw, { host: this.spec.host, port: raw.remotePort, servername, material, timeout: request.timeout, signal: request.signal });
    const peer = secured.socket.getPeerX509Certificate();
    this.peerPem = peer?.toString();
    this.tlsInfo = describeTls(secured.socket, { insecure: material.insecure, servername: secured.servername, peer: peer ?? false });
    return secured.socket;
  }

  /** The handshake as an event entry: what was agreed, and whether the peer was verified. */
  recordHandshake(): void {
    if (this.tlsInfo !== undefined) {
      this.recordEvent('info', 'TLS', handshakeDetail(this.tlsInfo));
    }
  }

  /** STARTTLS: node:tls takes the socket over; the transcript goes on with the TLS plaintext. */
  async upgrade(options: { readonly servername?: string; readonly insecure?: boolean; readonly ca?: string }): Promise<void> {
    const raw = this.socket;
    if (raw === undefined || this.state !== 'open') {
      throw this.notOpen();
    }
    unlisten(raw);
    this.socket = undefined;
    this.recordEvent('info', 'STARTTLS', 'TLS handshake started');
    this.setState('connecting');
    let secured: tls.TLSSocket;
    try {
      const overrides = { ...(options.insecure === undefined ? {} : { insecure: options.insecure }), ...(options.ca === undefined ? {} : { ca: options.ca }) };
      const material = await tlsMaterial({ ...this.specOptions, ...overrides }, 'connect', this.tlsContext());
      secured = await this.secure(raw, material, { servername: options.servername, timeout: this.specOptions.timeout ?? this.owner.connectTimeout });
    } catch (error) {
      raw.destroy();
      throw this.fail(error);
    }
    this.socket = secured;
    listen(secured, this, this.specOptions.allowHalfOpen === true);
    this.recordHandshake();
    this.setState('open');
  }

  override certificatePem(): string | null {
    return this.parent === undefined ? this.peerPem ?? null : this.parent.certificatePem();
  }

  /** Takes over a connected socket: addresses, options, and the handlers that feed the transcript. */
  private attach(socket: net.Socket, event: 'connect' | 'accept'): void {
    this.socket = socket;
    const unix = this.kind === 'unix-client' || this.kind === 'unix-connection';
    const server = this.parent;
    if (unix) {
      const path = (this.ownSpec ?? server?.spec)?.path ?? '';
      this.local = server === undefined ? { family: 'unix', address: '' } : server.local ?? { family: 'unix', address: path };
      this.remote = server === undefined ? { family: 'unix', address: path } : undefined;
      this.peerLabel ??= server === undefined ? path : undefined;
    } else {
      const peername = peernameOf(socket);
      const remote = peername ?? toAddress(socket.remoteAddress ?? '', socket.remotePort ?? 0, socket.remoteFamily === 'IPv6' ? 6 : 4);
      // An accepted connection keeps its peer as the label only (peerAddress() gives it back).
      this.remote = server === undefined || peername === undefined ? remote : undefined;
      this.local = serverAddress(server?.local) ?? toAddress(socket.localAddress ?? '', socket.localPort ?? 0, remote.family === 'IPv6' ? 6 : 4);
      this.peerLabel = flatLabel(remote);
      if (server !== undefined) {
        // Servers pass TCP_NODELAY/keepalive to accepted sockets through the spec's options.
        const { noDelay, keepAlive, keepAliveDelay } = this.specOptions;
        if (noDelay === true) {
          socket.setNoDelay(true);
        }
        if (keepAlive === true) {
          socket.setKeepAlive(true, keepAliveDelay ?? 0);
        }
      }
    }
    listen(socket, this, this.specOptions.allowHalfOpen === true);
    if (event === 'accept') {
      // No 'changed' event: the engine announces the new connection itself, once, with its state.
      this.state = 'open';
      this.openedAt = this.createdAt;
      return;
    }
    this.recordEvent(event, undefined, this.local === undefined ? undefined : formatAddress(this.local));
    this.setState('open');
  }

  /** For the shared 'end' listener: the peer sent FIN. */
  peerEnded(socket: net.Socket): void {
    this.recordPeerEnd();
    if (this.state === 'half-closed') {
      // Both sides have sent FIN: with allowHalfOpen Node leaves the last step to us.
      socket.end();
    }
  }

  /** For the shared 'error' listener. */
  failed(error: Error): void {
    if (this.state !== 'error') {
      // TLS 1.3 alerts can come after the handshake (a server that wanted a client certificate).
      const side = this.parent === undefined ? 'client' : 'server';
      const offeredCertificate = this.parent !== undefined || this.specOptions.cert !== undefined;
      const secure = this.tlsInfo === undefined ? undefined : tlsError(error, { side, host: this.remote?.address, port: this.remote?.port, offeredCertificate });
      this.fail(secure ?? error);
    }
  }

  /** For the shared 'close' listener. */
  socketClosed(socket: net.Socket): void {
    if (socket.readableEnded && this.specOptions.allowHalfOpen !== true) {
      this.recordPeerEnd();
    }
    this.socket = undefined;
    if (this.state !== 'error') {
      this.recordEvent('close', this.closeMode === 'reset' ? 'reset' : undefined);
      this.setState('closed');
    }
    this.closeMode = undefined;
    if (this.parent !== undefined) {
      this.owner.released(this);
    }
    const waiters = this.closeWaiters;
    this.closeWaiters = undefined;
    for (const resolve of waiters ?? []) {
      resolve();
    }
  }

  /** Resolves once the socket has emitted 'close' (at once when there is none). */
  private whenClosed(): Promise<void> {
    if (this.socket === undefined) {
      return Promise.resolve();
    }
    return new Promise<void>((resolve) => (this.closeWaiters ??= []).push(resolve));
  }

  /**
   * A send that fits one chunk, done before it returns (the write, its entry, its counts); undefined,
   * with nothing done, for a payload that needs send's chunks. Throws what send would reject with.
   */
  sendNow(payload: Uint8Array, options: SendOptions): SendResult | undefined {
    const socket = this.writable();
    if (!fitsOneChunk(payload.byteLength)) {
      return undefined;
    }
    const bytes = this.framed(payload, options);
    // A prefix can push a payload of just under a chunk over it.
    if (!fitsOneChunk(bytes.byteLength)) {
      return undefined;
    }
    this.recordData('out', bytes, this.peerLabel);
    return this.sent(bytes, writeNow(socket, bytes, options, this));
  }

  async send(payload: Uint8Array, options: SendOptions): Promise<SendResult> {
    // One chunk, the usual case, is sendNow's: one way to record, count and write it.
    const now = this.sendNow(payload, options);
    if (now !== undefined) {
      return now;
    }
    const socket = this.writable();
    const bytes = this.framed(payload, options);
    this.recordData('out', bytes, this.peerLabel);
    return this.sent(bytes, await writeWithBackpressure(socket, bytes, options, this));
  }

  /** For the send loop: the kernel took `bytes` more bytes. */
  chunkSent(bytes: number): void {
    this.countSent(bytes);
  }

  private writable(): net.Socket {
    const socket = this.socket;
    if (socket === undefined || this.state !== 'open') {
      throw this.notOpen();
    }
    return socket;
  }

  /** The spec's prefix=1 applies to every send; a send's own option wins either way. */
  private framed(payload: Uint8Array, options: SendOptions): Uint8Array {
    const prefix = options.prefix ?? this.framingOptions?.prefix === true;
    return prefix ? withLengthPrefix(this.framingOptions, payload, this.id) : payload;
  }

  private sent(bytes: Uint8Array, result: WriteOutcome): SendResult {
    if (result.cancelled) {
      this.recordEvent('info', 'CANCELLED', `send cancelled after ${result.bytesSent} of ${bytes.byteLength} bytes`);
    }
    return { bytesSent: result.bytesSent, targets: 1, cancelled: result.cancelled };
  }

  async close(mode: CloseMode): Promise<void> {
    const socket = this.socket;
    if (socket === undefined) {
      if (this.state !== 'error') {
        this.setState('closed');
      }
      return;
    }
    if (mode === 'reset') {
      this.closeMode = 'reset';
      this.setState('closing');
      const closed = this.whenClosed();
      this.abort(socket);
      return closed;
    }
    if (mode === 'half') {
      // shutdown(SHUT_WR): our FIN goes out, and we keep reading until the peer closes too.
      socket.end();
      this.recordEvent('info', 'SHUT_WR', 'sent FIN; still receiving');
      this.setState('half-closed');
      return;
    }
    this.setState('closing');
    await endGracefully(socket, this.whenClosed(), (bytes) => this.recordEvent('info', 'UNSENT', `closed with ${bytes} bytes not taken by the peer`));
  }

  async destroy(): Promise<void> {
    const closed = this.whenClosed();
    this.socket?.destroy();
    return closed;
  }
}

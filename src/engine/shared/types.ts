/**
 * The engine's data model. Everything here is plain data (no handles), so a snapshot can be logged,
 * persisted, sent to a webview or returned from the public API unchanged.
 */
import type { EngineErrorInfo } from './errors';

// ---------------------------------------------------------------------------------------------
// Address syntax (see spec.ts)

/**
 * `unix-dgram` parses so that `open` can refuse it clearly: Node cannot create UNIX datagram sockets.
 * `tls` is TLS over TCP (`tls://`, `tls-listen://`): its sockets have the TCP kinds and carry `tls`.
 */
export type Transport = 'tcp' | 'udp' | 'unix' | 'unix-dgram' | 'tls';

/** TLS protocol versions as Node (and OpenSSL) name them, for minVersion/maxVersion. */
export type TlsVersion = 'TLSv1' | 'TLSv1.1' | 'TLSv1.2' | 'TLSv1.3';

export const TLS_VERSIONS: readonly TlsVersion[] = ['TLSv1', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3'];

/** `listen` for the `-listen` schemes (servers, bound UDP sockets), `connect` for clients. */
export type Role = 'listen' | 'connect';

/** How a stream's received bytes are split into messages (framing.ts); `raw`: one per read. */
export type FramingMode = 'raw' | 'line' | 'delimiter' | 'length' | 'fixed';
export const FRAMING_MODES: readonly FramingMode[] = ['raw', 'line', 'delimiter', 'length', 'fixed'];
/** The length field of `framing=length`. */
export type LengthFormat = 'u8' | 'u16be' | 'u16le' | 'u32be' | 'u32le';
export const LENGTH_FORMATS: readonly LengthFormat[] = ['u8', 'u16be', 'u16le', 'u32be', 'u32le'];

/**
 * Message framing of a stream socket, as spec options (`?framing=length&length=u16be`) and as the
 * panel sends it: plain values, so it crosses to the webview and back unchanged.
 */
export interface FramingOptions {
  framing?: FramingMode;
  /** `framing=delimiter`: the delimiter's bytes as hex (`0d0a`), lower case. */
  delimiter?: string;
  /** `framing=length`: the length field. */
  length?: LengthFormat;
  /** Bytes before the length field (kept in the message). */
  lengthOffset?: number;
  /** Added to the field's value to get the bytes after the field (may be negative). */
  lengthAdjust?: number;
  /** The field's value counts the header (offset bytes and the field) too. */
  lengthIncludesHeader?: boolean;
  /** `framing=fixed`: bytes per message. */
  size?: number;
  /** `framing=length`: every send gets the length prefix (a send's own `prefix` option wins). */
  prefix?: boolean;
}

/** Options written as the query of a spec: `tcp-listen://:8080?reuseAddress=1&backlog=16`. */
export interface SpecOptions extends FramingOptions {
  /** 4 or 6: chooses `0.0.0.0` or `::` for an empty host, and the address family when a name resolves to both. */
  family?: 4 | 6;
  /** SO_REUSEADDR. libuv always sets it on TCP listeners on Unix; for UDP it is Node's `reuseAddr`. */
  reuseAddress?: boolean;
  /** IPV6_V6ONLY on an IPv6 listener or UDP socket. */
  ipv6Only?: boolean;
  /** SO_BROADCAST (UDP). `<broadcast>` as the host turns it on. */
  broadcast?: boolean;
  /** TCP_NODELAY on TCP clients and on a server's accepted connections. */
  noDelay?: boolean;
  /** SO_KEEPALIVE on TCP clients and accepted connections. */
  keepAlive?: boolean;
  /** Idle time before the first keepalive probe, in ms. */
  keepAliveDelay?: number;
  /**
   * Stay writable after the peer's FIN (its shutdown(SHUT_WR)). Off by default: like most programs,
   * the engine then closes its side too, so finished connections do not linger.
   */
  allowHalfOpen?: boolean;
  /** IP_TTL / IPV6_UNICAST_HOPS for UDP. */
  ttl?: number;
  /** Multicast groups to join (UDP). Written as `multicast=239.1.2.3` (repeatable or comma separated). */
  multicast?: string[];
  /** IP_MULTICAST_TTL (UDP). */
  multicastTtl?: number;
  /** IP_MULTICAST_LOOP (UDP). */
  multicastLoopback?: boolean;
  /** Local interface address for multicast (IP_MULTICAST_IF and the join). */
  multicastInterface?: string;
  /** Connect timeout in ms for clients. */
  timeout?: number;
  /** listen() backlog. */
  backlog?: number;
  /** Remove a stale UNIX socket file (one nobody listens on) before listening. */
  removeStale?: boolean;
  /** TLS client: the SNI name, and the name the certificate must cover. Default: the host, unless an IP literal. */
  servername?: string;
  /** TLS: ALPN protocols in preference order (`alpn=h2,http/1.1`). */
  alpn?: string[];
  /** TLS: PEM file of the CAs to trust (a client: the server's; a server with requestCert: the clients'). */
  ca?: string;
  /** TLS: PEM certificate file (a server's own, or a client certificate). Relative to the base directory. */
  cert?: string;
  /** TLS: PEM private key file for `cert`. */
  key?: string;
  minVersion?: TlsVersion;
  maxVersion?: TlsVersion;
  /** tls-listen: ask every client for a certificate and refuse those that do not verify. */
  requestCert?: boolean;
  /** TLS: skip verification. The socket is then marked unverified (TlsInfo.verified false). */
  insecure?: boolean;
}

export interface SocketSpec {
  readonly transport: Transport;
  readonly role: Role;
  /**
   * The host exactly as written, without brackets: `''` (INADDR_ANY), `'<broadcast>'`, a dotted quad,
   * an IPv6 address (maybe with `%zone`), a host name, or an integer in host byte order.
   * Absent for UNIX specs.
   */
  readonly host?: string;
  /** The port as written: digits or a service name. Absent for UNIX specs. */
  readonly port?: string;
  /** A UNIX socket path, or `@name` for the Linux abstract namespace. */
  readonly path?: string;
  readonly options: SpecOptions;
}

// ---------------------------------------------------------------------------------------------
// Sockets

export type SocketKind =
  | 'tcp-server'
  | 'tcp-client'
  | 'tcp-connection'
  | 'udp'
  | 'unix-server'
  | 'unix-client'
  | 'unix-connection';

export type SocketState =
  | 'closed'
  | 'opening'
  | 'listening'
  | 'connecting'
  | 'open'
  | 'half-closed'
  | 'closing'
  | 'error';

/** The socket(2) triple the primer teaches: domain, type, protocol. */
export interface SocketTriple {
  readonly domain: 'AF_INET' | 'AF_INET6' | 'AF_UNIX';
  readonly type: 'SOCK_STREAM' | 'SOCK_DGRAM';
  readonly protocol: 'IPPROTO_TCP' | 'IPPROTO_UDP' | '0';
}

export interface Address {
  readonly family: 'IPv4' | 'IPv6' | 'unix';
  /** IP address, or the UNIX path / `@name`. */
  readonly address: string;
  /** Absent for UNIX addresses. */
  readonly port?: number;
}

export interface SocketStats {
  bytesIn: number;
  bytesOut: number;
  messagesIn: number;
  messagesOut: number;
  /** A framed stream: bytes of the message not complete yet (absent on raw sockets). */
  pendingBytes?: number;
}

/** A UDP peer that sent to the socket, most recent first. */
export interface PeerInfo {
  readonly address: Address;
  readonly messages: number;
  readonly bytes: number;
  readonly lastSeen: number;
}

export interface SocketInfo {
  readonly id: string;
  /** The server socket that accepted this connection. */
  readonly parentId?: string;
  readonly kind: SocketKind;
  readonly state: SocketState;
  /** A name the user gave; absent means the UI derives one from the kind and the address. */
  readonly name?: string;
  /** The canonical spec text (`socketSpec.format`). */
  readonly spec: string;
  readonly triple: SocketTriple;
  readonly local?: Address;
  readonly remote?: Address;
  /** Every address the host resolved to, in resolver order. */
  readonly resolved: readonly string[];
  /** Options as requested in the spec. */
  readonly options: SpecOptions;
  readonly createdAt: number;
  readonly openedAt?: number;
  readonly closedAt?: number;
  readonly error?: EngineErrorInfo;
  readonly stats: Readonly<SocketStats>;
  /** Live accepted connections (servers only). */
  readonly connections: number;
  /** Recent UDP peers (UDP only). */
  readonly peers: readonly PeerInfo[];
  /** Reading is paused (a stream connection only): the peer's sends back up, as with a slow reader. */
  readonly paused: boolean;
  /** Default target of a UDP socket opened with `udp://HOST:PORT`. */
  readonly defaultTarget?: Address;
  /** The transcript budget: a connection reports its server's, which it shares. */
  readonly budget: TranscriptBudget;
  /** The message framing in effect on a stream socket (a server's: its connections'); absent: raw. */
  readonly framing?: FramingOptions;
  /**
   * What the TLS handshake decided: on a tls:// client and on each connection a tls-listen:// server
   * accepted once their handshake is done, and on a TCP client after startTls. A tls-listen server
   * itself carries its own certificate (localCertificate) and nulls elsewhere.
   */
  readonly tls?: TlsInfo;
}

// ---------------------------------------------------------------------------------------------
// TLS

export interface CertificateSummary {
  /** Distinguished name, RFC 4514-ish order as OpenSSL prints it: `CN=localhost, O=Example`. */
  readonly subject: string;
  readonly issuer: string;
  /** ISO 8601 (`2026-12-02T06:00:00.000Z`). */
  readonly validFrom: string;
  readonly validTo: string;
  /** `DNS:localhost`, `IP:127.0.0.1`, `IP:::1`, … */
  readonly subjectAltNames: readonly string[];
  /** SHA-256 of the DER, upper-case hex pairs joined by ':' (as openssl x509 -fingerprint prints it). */
  readonly fingerprint256: string;
}

export interface TlsInfo {
  /** `TLSv1.3`; null before the handshake (a server's own info). */
  readonly protocol: string | null;
  /** IANA cipher suite name, e.g. `TLS_AES_256_GCM_SHA384`. */
  readonly cipher: string | null;
  /** The protocol ALPN agreed, e.g. `h2`; null when none was agreed. */
  readonly alpn: string | null;
  /** A client: the SNI it sent; a server's connection: the SNI the client sent. null: none. */
  readonly servername: string | null;
  /** The peer's certificate verified (a server's connection: a client certificate that verified). */
  readonly authorized: boolean;
  /** OpenSSL/Node's verification code when not authorized (`DEPTH_ZERO_SELF_SIGNED_CERT`, `ERR_TLS_CERT_ALTNAME_INVALID`). */
  readonly authorizationError: string | null;
  /** authorized and not insecure: what the UI shows as "verified". */
  readonly verified: boolean;
  /** insecure=1 (or startTls({ insecure: true })) skipped verification. */
  readonly insecure: boolean;
  readonly peerCertificate: CertificateSummary | null;
  /** The peer's chain above its certificate, issuer first (the root last, when the peer sent it). */
  readonly peerChain?: readonly CertificateSummary[];
  readonly localCertificate: CertificateSummary | null;
}

// ---------------------------------------------------------------------------------------------
// Transcript

export type TranscriptKind = 'open' | 'listen' | 'connect' | 'accept' | 'data' | 'error' | 'close' | 'info';

export type Direction = 'in' | 'out';

export interface TranscriptEntry {
  /** Increases by one per entry over the transcript's life; survives eviction, so it is a stable row key. */
  readonly seq: number;
  readonly kind: TranscriptKind;
  readonly direction?: Direction;
  /** Wall-clock time, ms since the epoch. */
  readonly time: number;
  /** Monotonic time, ms (performance.now()); differences are exact even if the clock jumps. */
  readonly mono: number;
  /** The other end, formatted (`127.0.0.1:5000`, `[::1]:53`, `/tmp/a.sock`). */
  readonly peer?: string;
  /** For a server's transcript: the accepted connection the entry came from. */
  readonly socketId?: string;
  /** For a server's transcript: the entry's seq in that connection's transcript. */
  readonly sourceSeq?: number;
  /** Bytes on the wire for a data entry (the whole message, even when the capture is shorter). */
  readonly length: number;
  /** Captured bytes: at most the capture cap. */
  readonly data?: Uint8Array;
  /** Error code for error entries, close mode for close entries. */
  readonly code?: string;
  /** A short machine-readable detail (an address, an error message). */
  readonly detail?: string;
  /** For error entries: the error as data, so a UI can word it in the user's language. */
  readonly error?: EngineErrorInfo;
}

export interface TranscriptLimits {
  /** Most entries kept. */
  readonly maxEntries: number;
  /** Most captured bytes kept over all entries. */
  readonly maxBytes: number;
  /** Most bytes captured from one message. */
  readonly captureBytes: number;
}

export interface TranscriptCounters {
  readonly entries: number;
  readonly bytes: number;
  /** Entries evicted from the ring buffer (by count or byte budget). */
  readonly evictedEntries: number;
  readonly evictedBytes: number;
  /** Entries whose capture was cut at the capture cap, and the bytes not captured. */
  readonly truncatedEntries: number;
  readonly truncatedBytes: number;
  readonly firstSeq: number;
  readonly nextSeq: number;
}

/**
 * The captured bytes a socket's transcript draws from. A server and its accepted connections share
 * the server's: every chunk counts once, whichever transcripts show it.
 */
export interface TranscriptBudget {
  /** Captured bytes held now. */
  readonly heldBytes: number;
  /** The most it holds (the server's, or the socket's, maxBytes). */
  readonly maxBytes: number;
  /** Entries the budget's transcript dropped to stay within its limits, oldest first. */
  readonly droppedEntries: number;
}

// ---------------------------------------------------------------------------------------------
// Payloads

export type PayloadEncoding = 'utf8' | 'hex' | 'base64' | 'escapes';

export const PAYLOAD_ENCODINGS: readonly PayloadEncoding[] = ['utf8', 'hex', 'base64', 'escapes'];

/** What goes after a payload: nothing, `\n` or `\r\n` (the setting, the composer and the library). */
export type LineEnding = 'none' | 'lf' | 'crlf';

export const LINE_ENDINGS: readonly LineEnding[] = ['none', 'lf', 'crlf'];

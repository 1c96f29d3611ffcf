/**
 * Every failure the engine reports is an EngineError: a stable `code` that callers switch on, `data`
 * with the facts (the bad port, the offset, the path), and an English `message` for logs and for API
 * users. The extension turns code + data into a localized sentence; the engine never speaks to users.
 */

/** Errors in the address syntax and in option values, found by `socketSpec.parse`. */
export type SpecErrorCode =
  | 'SPEC_SYNTAX'
  | 'SPEC_SCHEME'
  | 'SPEC_HOST'
  | 'SPEC_PORT'
  | 'PORT_RANGE'
  | 'SERVICE_UNKNOWN'
  | 'BROADCAST_NEEDS_UDP'
  | 'SPEC_OPTION'
  | 'SPEC_PATH'
  | 'UNIX_PATH_TOO_LONG';

/** Errors from the operating system, under their errno names, plus the engine's own runtime codes. */
export type SocketErrorCode =
  | 'ECONNREFUSED'
  | 'EADDRINUSE'
  | 'EACCES'
  | 'EADDRNOTAVAIL'
  | 'ENOTFOUND'
  | 'ETIMEDOUT'
  | 'ECONNRESET'
  | 'EPIPE'
  | 'ENOENT'
  | 'EMSGSIZE'
  | 'EHOSTUNREACH'
  | 'ENETUNREACH'
  | 'EINVAL'
  | 'STALE_UNIX_SOCKET'
  | 'UNSUPPORTED'
  | 'NOT_OPEN'
  | 'NO_TARGET'
  | 'UNKNOWN_SOCKET'
  | 'UNKNOWN_TARGET'
  | 'CANCELLED'
  | 'INVALID_ARGUMENT'
  | 'TLS'
  | 'FRAME_TOO_LARGE'
  | 'SYSTEM';

export type CodecErrorCode = 'CODEC_INVALID';

/*
 * Why an error happened, in `data.reason`: the extension builds its localized sentence from the code,
 * this reason and the other data, never from the English message. Each list names, per reason, the
 * data its sentence needs. Codec errors have their own list (CodecErrorReason in codecs.ts).
 */

/** The address itself: syntax, scheme, host, port and UNIX path (socketSpec.parse/build, parseTarget, host.ts). */
export const ADDRESS_ERROR_REASONS = [
  'spec-empty', // SPEC_SYNTAX: spec
  'scheme-missing', // SPEC_SYNTAX: spec
  'scheme-separator-missing', // SPEC_SYNTAX: spec, scheme, suggestion (the spec with '://')
  'hash-sign', // SPEC_SYNTAX: spec, text (what follows '://')
  'path-after-port', // SPEC_SYNTAX: spec, scheme, text (the path); unixSpec when it looks like a UNIX path
  'text-after-bracket', // SPEC_SYNTAX: text
  'scheme-unknown', // SPEC_SCHEME: scheme
  'host-ambiguous-ipv6', // SPEC_HOST: host (IPv6 without brackets before a port)
  'host-bracket-unclosed', // SPEC_HOST: host
  'host-brackets-empty', // SPEC_HOST: host
  'host-brackets-not-ipv6', // SPEC_HOST: host
  'host-ipv6-invalid', // SPEC_HOST: host
  'host-zone-empty', // SPEC_HOST: host
  'host-zone-invalid', // SPEC_HOST: host, zone
  'host-ipv4-invalid', // SPEC_HOST: host
  'host-integer-leading-zero', // SPEC_HOST: host
  'host-integer-range', // SPEC_HOST: host, max
  'host-idn-invalid', // SPEC_HOST: host
  'host-name-too-long', // SPEC_HOST: host, length, max
  'host-label-empty', // SPEC_HOST: host
  'host-label-too-long', // SPEC_HOST: host, label, length, max
  'host-character', // SPEC_HOST: host, character
  'host-label-hyphen', // SPEC_HOST: host, label
  'host-numeric-name', // SPEC_HOST: host (127.1, 0x7f.1: inet_aton forms)
  'host-family', // SPEC_HOST: host, hostFamily, family (the one asked for)
  'host-on-path-socket', // SPEC_HOST: scheme, host, port (a UNIX scheme given a host)
  'broadcast-needs-udp', // BROADCAST_NEEDS_UDP: host, transport
  'port-missing', // SPEC_PORT: text (the host part, '' when empty), scheme, host
  'port-required', // SPEC_PORT: scheme, host (built without a port)
  'port-empty', // SPEC_PORT: port, max
  'port-sign', // SPEC_PORT: port
  'port-invalid', // SPEC_PORT: port, max
  'port-range', // PORT_RANGE: port, min, max
  'service-unknown', // SERVICE_UNKNOWN: service, protocol
  'port-zero-client', // SPEC_PORT: port
  'target-port-missing', // SPEC_PORT: target, host
  'target-port-zero', // SPEC_PORT: port
  'path-missing', // SPEC_PATH: path
  'path-nul', // SPEC_PATH: path
  'path-relative', // SPEC_PATH: path
  'path-escape', // SPEC_PATH: path
  'path-abstract-linux', // SPEC_PATH: path, platform
  'path-abstract-empty', // SPEC_PATH: path
  'path-on-ip-socket', // SPEC_PATH: scheme, path (a TCP/UDP scheme given a path)
  'path-too-long', // UNIX_PATH_TOO_LONG: path, bytes, max
  'path-abstract-too-long', // UNIX_PATH_TOO_LONG: path, bytes, max
] as const;

/** Query options (`?noDelay=1`): all SPEC_OPTION, each with `option` (the canonical name when known). */
export const OPTION_ERROR_REASONS = [
  'option-unknown', // option (as typed)
  'option-not-applicable', // option, scheme, schemes (comma-separated, where it applies)
  'option-boolean', // option, value (a query word)
  'option-boolean-type', // option, value (a built value that is not a boolean)
  'option-integer', // option, value, min, max, unit ('milliseconds' or absent)
  'option-family', // option, value
  'option-interface', // option, value
  'option-escape', // option, value (the raw text)
  'option-repeated', // option, value
  'multicast-group-missing', // option
  'multicast-group-empty', // option, value
  'multicast-group-invalid', // option, value
  'multicast-group-repeated', // option, value
  'option-family-mismatch', // option, value, addressFamily, family (the socket's)
  'option-family-conflict', // option, value, addressFamily, other, family (the other address's)
  'family-scheme-conflict', // option, value, scheme, family (the scheme's)
  'ipv6only-needs-ipv6', // option
  'ipv6only-ipv4-host', // option, host
  'broadcast-off', // option, host
  'keepalive-delay-needs-keepalive', // option
  'option-text-empty', // option (servername, ca, cert, key given no value)
  'option-servername-ip', // option, value (SNI cannot be an IP literal)
  'option-alpn', // option, value (an empty or over-255-byte protocol name)
  'option-tls-version', // option, value, versions (comma-separated)
  'option-tls-version-order', // option (minVersion), value, max (maxVersion)
  'option-cert-key-pair', // option (the one given), missing (the other)
  'option-choice', // option, value, choices (comma-separated)
  'option-hex', // option, value, max (bytes)
  'framing-datagram', // option, scheme (UDP and UNIX datagrams are message-based already)
  'framing-option-needs-mode', // option, mode (the framing it belongs to), framing (the one given, or 'raw')
  'framing-mode-needs-option', // option ('framing'), value (the mode), needs (the missing option)
  'option-not-framing', // option, options (the framing options, comma-separated): setFraming's text names another option
] as const;

/** Sockets at run time: the engine's own refusals. Errors from the OS keep their errno code and have no reason. */
export const SOCKET_ERROR_REASONS = [
  'engine-disposed', // NOT_OPEN
  'not-open', // NOT_OPEN: id, state
  'write-after-close', // NOT_OPEN: sent, total
  'closed-while-waiting', // NOT_OPEN
  'socket-unknown', // UNKNOWN_SOCKET: id
  'connection-unknown', // UNKNOWN_TARGET: id, target
  'no-connection', // NO_TARGET: id (a server without open connections)
  'udp-no-peer', // NO_TARGET: id
  'target-family', // EINVAL: target, family (the socket's)
  'reopen-accepted', // UNSUPPORTED: id
  'reopen-not-closed', // INVALID_ARGUMENT: id, state
  'multicast-needs-udp', // UNSUPPORTED: id, kind
  'framing-not-stream', // UNSUPPORTED: id, kind (setFraming on a UDP socket)
  'frame-too-large', // FRAME_TOO_LARGE: size, max (the connection is reset)
  'prefix-needs-length', // INVALID_ARGUMENT: id, framing (prefix=1 without framing=length)
  'prefix-too-long', // INVALID_ARGUMENT: length, max (the payload does not fit the length field)
  'pause-not-stream', // UNSUPPORTED: id, kind
  'half-close-server', // UNSUPPORTED: id
  'half-close-udp', // UNSUPPORTED: id
  'unix-dgram-unsupported', // UNSUPPORTED: spec
  'resolve-path-socket', // UNSUPPORTED: scheme, transport
  'connect-timeout-invalid', // INVALID_ARGUMENT: value
  'transcript-limit', // INVALID_ARGUMENT: limit, value
  'capture-over-budget', // INVALID_ARGUMENT: limit, value, max
  'unix-path-not-socket', // EADDRINUSE: path, notSocket
  'unix-path-in-use', // EADDRINUSE: path
  'unix-stale', // STALE_UNIX_SOCKET: path
  'host-not-found', // ENOTFOUND: host, systemCode?
  'host-no-family-address', // ENOTFOUND: host, family, systemCode?
  'resolved-nothing', // ENOTFOUND: host
  'lookup-timeout', // ETIMEDOUT: host, timeout
  'connect-timeout', // ETIMEDOUT: timeout, address/port or path
  'connect-cancelled', // CANCELLED
  'recording-format', // INVALID_ARGUMENT: format
  'recording-active', // INVALID_ARGUMENT: id, path
  'recording-none', // INVALID_ARGUMENT: id
  'all-interfaces-declined', // CANCELLED: spec, address (the resolved all-interfaces address)
  'unix-abstract-padded', // UNSUPPORTED: path, runtime (Node version), libuv (its libuv version)
  'starttls-not-tcp-client', // UNSUPPORTED: id, kind (startTls upgrades a tcp:// client only)
  'starttls-already-tls', // UNSUPPORTED: id
] as const;

/**
 * TLS failures, all with code TLS. Handshake failures have `host`/`port` (or `peer` on a server) and
 * `systemCode`, the OpenSSL/Node code they were read from; the sentences suggest the fix.
 */
export const TLS_ERROR_REASONS = [
  'tls-unknown-ca', // host, port, systemCode (the issuer is not trusted: ca= or insecure=1)
  'tls-self-signed', // host, port, systemCode
  'tls-expired', // host, port, systemCode, validTo (ISO)
  'tls-not-yet-valid', // host, port, systemCode, validFrom (ISO)
  'tls-hostname-mismatch', // host (the name or IP checked), names (what the certificate covers, comma-separated), systemCode
  'tls-no-common-protocol', // host, port, systemCode (versions, ciphers or ALPN without overlap)
  'tls-client-certificate-required', // host, port, systemCode (the server wants a client certificate: cert= and key=)
  'tls-client-certificate-rejected', // host, port, systemCode (the server did not accept ours; a server: the client's did not verify)
  'tls-not-tls', // host, port, systemCode (the peer spoke plain TCP)
  'tls-handshake-timeout', // host, port, timeout (ms)
  'tls-handshake-failed', // host, port, systemCode (any other handshake failure; the message has OpenSSL's words)
  'tls-file-unreadable', // option (ca, cert or key), path, systemCode
  'tls-credentials-invalid', // systemCode, path? (the PEM does not parse, or the key does not match the certificate)
] as const;

export type AddressErrorReason = (typeof ADDRESS_ERROR_REASONS)[number];
export type OptionErrorReason = (typeof OPTION_ERROR_REASONS)[number];
/** Every reason socketSpec.parse/build and the host/port helpers give. */
export type SpecErrorReason = AddressErrorReason | OptionErrorReason;
export type SocketErrorReason = (typeof SOCKET_ERROR_REASONS)[number];
export type TlsErrorReason = (typeof TLS_ERROR_REASONS)[number];
export type EngineErrorReason = SpecErrorReason | SocketErrorReason | TlsErrorReason;

/** Error data led by its reason; the parameter type makes a misspelt reason a compile error. */
export function withReason(reason: EngineErrorReason, data: EngineErrorData = {}): EngineErrorData {
  return { reason, ...data };
}

export type EngineErrorCode = SpecErrorCode | SocketErrorCode | CodecErrorCode;

/** Facts about an error. Plain values only, so the data can cross to the webview or a log unchanged. */
export type EngineErrorData = Readonly<Record<string, string | number | boolean | undefined>>;

export class EngineError extends Error {
  override readonly name = 'EngineError';

  constructor(
    readonly code: EngineErrorCode,
    message: string,
    readonly data: EngineErrorData = {},
    /** The socket the error belongs to, when one was created before the failure. */
    public socketId?: string,
  ) {
    super(message);
  }

  /** A plain object for events, persistence and the webview. */
  toJSON(): EngineErrorInfo {
    return { code: this.code, message: this.message, data: this.data };
  }
}

export interface EngineErrorInfo {
  readonly code: EngineErrorCode;
  readonly message: string;
  readonly data: EngineErrorData;
}

export function isEngineError(value: unknown): value is EngineError {
  return value instanceof EngineError;
}

const SYSTEM_CODES: ReadonlySet<string> = new Set<SocketErrorCode>([
  'ECONNREFUSED',
  'EADDRINUSE',
  'EACCES',
  'EADDRNOTAVAIL',
  'ENOTFOUND',
  'ETIMEDOUT',
  'ECONNRESET',
  'EPIPE',
  'ENOENT',
  'EMSGSIZE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EINVAL',
]);

/**
 * Converts whatever Node threw or emitted into an EngineError, keeping the errno name as the code
 * when the engine knows it and `SYSTEM` (with the original code in data) when it does not.
 */
export function fromSystemError(error: unknown, data: EngineErrorData = {}): EngineError {
  if (error instanceof EngineError) {
    return error;
  }
  const record = (typeof error === 'object' && error !== null ? error : {}) as {
    code?: unknown;
    message?: unknown;
    syscall?: unknown;
    address?: unknown;
    port?: unknown;
    hostname?: unknown;
  };
  const systemCode = typeof record.code === 'string' ? record.code : undefined;
  // getaddrinfo reports a missing name as ENOTFOUND, and a temporary failure as EAI_AGAIN; both mean "not found".
  const normalized = systemCode === 'EAI_AGAIN' || systemCode === 'EAI_NONAME' ? 'ENOTFOUND' : systemCode;
  const code: SocketErrorCode = normalized !== undefined && SYSTEM_CODES.has(normalized) ? (normalized as SocketErrorCode) : 'SYSTEM';
  const message = typeof record.message === 'string' ? record.message : String(error);
  const details: Record<string, string | number | boolean | undefined> = { ...data };
  if (code === 'SYSTEM' && systemCode !== undefined) {
    details.systemCode = systemCode;
  }
  if (typeof record.syscall === 'string') {
    details.syscall = record.syscall;
  }
  if (typeof record.address === 'string' && details.address === undefined) {
    details.address = record.address;
  }
  if (typeof record.port === 'number' && details.port === undefined) {
    details.port = record.port;
  }
  if (typeof record.hostname === 'string' && details.host === undefined) {
    details.host = record.hostname;
  }
  return new EngineError(code, message, details);
}

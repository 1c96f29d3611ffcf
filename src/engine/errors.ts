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
  | 'SYSTEM';

export type CodecErrorCode = 'CODEC_INVALID';

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

/**
 * Every failure of the wire parser and runner is a WireError: a stable `code` to switch on, `data`
 * with the facts (led by `data.reason`), and an English message for logs and the CLI. Like the
 * engine's EngineError, the editor can word it in the user's language from code and data alone.
 */

export type WireErrorCode =
  /** The file does not follow the wire syntax; `data` has file, line, column, reason, expected. */
  | 'PARSE'
  /** `{{name}}` names no variable, capture or environment variable. */
  | 'UNKNOWN_VARIABLE'
  /** A payload could not be built at run time (a macro gave bad hex, a file is missing). */
  | 'PAYLOAD'
  /** An expect waited its whole timeout. */
  | 'TIMEOUT'
  /** The bytes that arrived are not the expected ones. */
  | 'MISMATCH'
  /** The peer closed (or the socket failed) before what was expected arrived. */
  | 'PEER_CLOSED'
  /** A step that makes no sense on this socket (expect on a listener, eof on UDP). */
  | 'NOT_APPLICABLE'
  /** A variable such as @timeout holds text that is not what it must be (a duration, a target). */
  | 'INVALID_VALUE'
  /** The engine refused (connect refused, bad spec…); `data.engineCode` and `data.engineReason` say why. */
  | 'ENGINE'
  /** The run was cancelled through its AbortSignal. */
  | 'CANCELLED'
  /** Bytes arrived beyond the transcript capture, so they cannot be matched. */
  | 'CAPTURE_LIMIT';

export type WireErrorData = Readonly<Record<string, string | number | boolean | undefined>>;

export class WireError extends Error {
  override readonly name = 'WireError';

  constructor(
    readonly code: WireErrorCode,
    message: string,
    readonly data: WireErrorData = {},
  ) {
    super(message);
  }

  toJSON(): WireErrorInfo {
    return { code: this.code, message: this.message, data: this.data };
  }
}

export interface WireErrorInfo {
  readonly code: WireErrorCode;
  readonly message: string;
  readonly data: WireErrorData;
}

export function isWireError(value: unknown): value is WireError {
  return value instanceof WireError;
}

/** Why a file did not parse, in `data.reason`. */
export type ParseErrorReason =
  | 'unknown-directive'
  | 'step-outside-section'
  | 'payload-missing'
  | 'payload-invalid'
  | 'string-unterminated'
  | 'text-after-payload'
  | 'heredoc-marker'
  | 'heredoc-unterminated'
  | 'macro-unterminated'
  | 'macro-invalid'
  | 'variable-syntax'
  | 'variable-reserved'
  | 'duration-invalid'
  | 'spec-missing'
  | 'spec-invalid'
  | 'spec-role'
  | 'name-invalid'
  | 'name-duplicate'
  | 'name-unknown'
  | 'matcher-missing'
  | 'matcher-invalid'
  | 'regex-invalid'
  | 'count-invalid'
  | 'close-mode'
  | 'starttls-option'
  | 'repeat-unclosed'
  | 'end-without-repeat'
  | 'rule-without-listen'
  | 'rule-in-repeat'
  | 'action-invalid'
  | 'target-invalid'
  | 'section-name-missing'
  | 'internal';

/** A parse error at `file:line:column` (both 1-based), message included. */
export function parseError(
  file: string,
  line: number,
  column: number,
  reason: ParseErrorReason,
  message: string,
  extra: Record<string, string | number | boolean | undefined> = {},
): WireError {
  return new WireError('PARSE', `${file}:${line}:${column}: ${message}`, { reason, file, line, column, detail: message, ...extra });
}

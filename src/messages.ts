/**
 * Turns engine errors (a code plus data) into sentences in the user's language. The engine never
 * speaks to users; this is the one place that does, so English and Turkish stay in step. Engine
 * errors carry a `data.reason`; src/messages/ holds one sentence per reason. An error without a
 * known reason (from the OS, or from an older engine) is worded by its code.
 */
import * as vscode from 'vscode';
import {
  ADDRESS_ERROR_REASONS,
  OPTION_ERROR_REASONS,
  SOCKET_ERROR_REASONS,
  TLS_ERROR_REASONS,
  isEngineError,
  type AddressErrorReason,
  type EngineErrorInfo,
  type OptionErrorReason,
  type SendRefusal,
  type SocketErrorReason,
  type TlsErrorReason,
} from './engine';
import { addressSentence } from './messages/addressErrors';
import { text, where } from './messages/data';
import { encodingName, stateName } from './messages/names';
import { optionSentence } from './messages/optionErrors';
import { socketSentence } from './messages/socketErrors';
import { tlsSentence } from './messages/tlsErrors';

export { encodingName, kindName, stateName } from './messages/names';

/** The error as plain data, whatever was thrown. */
export function errorInfo(error: unknown): EngineErrorInfo {
  if (isEngineError(error)) {
    return error.toJSON();
  }
  if (typeof error === 'object' && error !== null && 'code' in error && 'message' in error && 'data' in error) {
    return error as EngineErrorInfo;
  }
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'SYSTEM', message, data: {} };
}

const ADDRESS_REASONS: ReadonlySet<string> = new Set(ADDRESS_ERROR_REASONS);
const OPTION_REASONS: ReadonlySet<string> = new Set(OPTION_ERROR_REASONS);
const SOCKET_REASONS: ReadonlySet<string> = new Set(SOCKET_ERROR_REASONS);
const TLS_REASONS: ReadonlySet<string> = new Set(TLS_ERROR_REASONS);

/** The sentence for the error's reason; undefined when it has none this version knows. */
function reasonSentence(info: EngineErrorInfo): string | undefined {
  const reason = info.data.reason;
  if (typeof reason !== 'string') {
    return undefined;
  }
  if (ADDRESS_REASONS.has(reason)) {
    return addressSentence(reason as AddressErrorReason, info.data);
  }
  if (OPTION_REASONS.has(reason)) {
    return optionSentence(reason as OptionErrorReason, info.data);
  }
  if (SOCKET_REASONS.has(reason)) {
    return socketSentence(reason as SocketErrorReason, info.data);
  }
  if (TLS_REASONS.has(reason)) {
    return tlsSentence(reason as TlsErrorReason, info.data);
  }
  return undefined;
}

/** Why a socket cannot send now, in the very words the engine's refusal would get. */
export function describeSendRefusal(refusal: SendRefusal): string {
  return socketSentence(refusal.reason, { state: refusal.state });
}

/** A localized sentence for the error: from its reason when it has one, else from its code. */
export function describeError(error: unknown): string {
  const info = errorInfo(error);
  return reasonSentence(info) ?? codeSentence(info);
}

/**
 * A sentence per code. Codes with many variants get a localized lead naming the bad part followed
 * by the engine's exact wording, so an error without a known reason still loses nothing.
 */
function codeSentence(info: EngineErrorInfo): string {
  const data = info.data;
  const detail = info.message;
  switch (info.code) {
    case 'SPEC_SYNTAX':
      return vscode.l10n.t('The address is malformed: {0}', detail);
    case 'SPEC_SCHEME':
      return vscode.l10n.t('Unknown address scheme: {0}', detail);
    case 'SPEC_HOST':
      return vscode.l10n.t('The host is not valid: {0}', detail);
    case 'SPEC_PORT':
      return vscode.l10n.t('The port is not valid: {0}', detail);
    case 'PORT_RANGE':
      return vscode.l10n.t('Port {0} is out of range 0–65535.', text(data, 'port'));
    case 'SERVICE_UNKNOWN':
      return vscode.l10n.t("No {0} service is named '{1}' in the services database.", text(data, 'protocol').toUpperCase(), text(data, 'service'));
    case 'BROADCAST_NEEDS_UDP':
      return vscode.l10n.t("'<broadcast>' needs UDP: TCP cannot broadcast.");
    case 'SPEC_OPTION':
      return vscode.l10n.t("Option '{0}' is not valid here: {1}", text(data, 'option'), detail);
    case 'SPEC_PATH':
      return vscode.l10n.t('The UNIX socket path is not valid: {0}', detail);
    case 'UNIX_PATH_TOO_LONG':
      return vscode.l10n.t('The UNIX socket path is {0} bytes long; at most {1} bytes fit in sun_path.', text(data, 'bytes'), text(data, 'max'));
    case 'CODEC_INVALID':
      // The one codec failure without a character to point at: a caller naming no known encoding.
      if (data.reason === 'unknown-encoding') {
        return vscode.l10n.t("Unknown encoding '{0}': use utf8, hex, base64 or escapes.", text(data, 'encoding'));
      }
      return vscode.l10n.t('The payload is not valid {0}: {1} at offset {2}.', encodingName(text(data, 'encoding')), text(data, 'character') === '' ? text(data, 'reason') : `'${text(data, 'character')}'`, text(data, 'offset'));
    case 'ECONNREFUSED':
      return vscode.l10n.t('Connection refused by {0}: nothing is listening there (ECONNREFUSED).', where(data));
    case 'EADDRINUSE':
      return data.notSocket === true
        ? vscode.l10n.t('{0} already exists and is not a socket (EADDRINUSE).', where(data))
        : vscode.l10n.t('{0} is already in use by another socket (EADDRINUSE).', where(data));
    case 'EACCES':
      return vscode.l10n.t('Permission denied for {0} (EACCES). Ports below 1024 need privileges; broadcast needs SO_BROADCAST.', where(data));
    case 'EADDRNOTAVAIL':
      return vscode.l10n.t('{0} is not an address of this machine (EADDRNOTAVAIL).', where(data));
    case 'ENOTFOUND':
      return vscode.l10n.t("Host '{0}' was not found (ENOTFOUND).", text(data, 'host'));
    case 'ETIMEDOUT':
      return vscode.l10n.t('Connecting to {0} timed out after {1} ms (ETIMEDOUT).', where(data), text(data, 'timeout'));
    case 'ECONNRESET':
      return vscode.l10n.t('The peer reset the connection (ECONNRESET).');
    case 'EPIPE':
      return vscode.l10n.t('The peer has closed the connection; the data could not be written (EPIPE).');
    case 'ENOENT':
      return vscode.l10n.t('{0} does not exist: no UNIX socket there (ENOENT).', where(data));
    case 'EMSGSIZE':
      return vscode.l10n.t('The datagram of {0} bytes is too large for UDP (EMSGSIZE); the limit is 65,507 bytes over IPv4.', text(data, 'bytes'));
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return vscode.l10n.t('{0} cannot be reached from this machine ({1}).', where(data), info.code);
    case 'STALE_UNIX_SOCKET':
      return vscode.l10n.t('{0} is a stale socket file: nobody listens on it. Remove it, or open the address with ?removeStale=1.', where(data));
    case 'UNSUPPORTED':
      return vscode.l10n.t('Not supported: {0}', detail);
    case 'NOT_OPEN':
      return vscode.l10n.t('The socket is {0}, not open.', stateName(text(data, 'state')));
    case 'NO_TARGET':
      return vscode.l10n.t('There is nobody to send to: no open connection, or no target address.');
    case 'UNKNOWN_SOCKET':
      return vscode.l10n.t("There is no socket with id '{0}'.", text(data, 'id'));
    case 'UNKNOWN_TARGET':
      return vscode.l10n.t("There is no connection '{0}' on this server.", text(data, 'target'));
    case 'CANCELLED':
      return vscode.l10n.t('Cancelled.');
    case 'EINVAL':
      return vscode.l10n.t('Invalid argument (EINVAL): {0}', detail);
    case 'INVALID_ARGUMENT':
      return vscode.l10n.t('Invalid argument: {0}', detail);
    case 'TLS':
      return vscode.l10n.t('TLS failed: {0}', detail);
    default:
      return vscode.l10n.t('System error {0}: {1}', text(data, 'systemCode') || info.code, detail);
  }
}


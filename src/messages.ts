/**
 * Turns engine errors (a code plus data) into sentences in the user's language. The engine never
 * speaks to users; this is the one place that does, so English and Turkish stay in step.
 */
import * as vscode from 'vscode';
import { isEngineError, type EngineErrorData, type EngineErrorInfo } from './engine';

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

function text(data: EngineErrorData, key: string): string {
  const value = data[key];
  return value === undefined ? '' : String(value);
}

/** Where the failure happened, as `address:port` or a path, for the sentences below. */
function where(data: EngineErrorData): string {
  if (data.path !== undefined) {
    return String(data.path);
  }
  const address = text(data, 'address') || text(data, 'host');
  const port = text(data, 'port');
  if (address === '') {
    return port;
  }
  const bracketed = address.includes(':') ? `[${address}]` : address;
  return port === '' ? bracketed : `${bracketed}:${port}`;
}

/**
 * A localized sentence for the error. Spec errors have many precise variants; they get a localized
 * lead naming the bad part, followed by the engine's exact wording, so nothing precise is lost.
 */
export function describeError(error: unknown): string {
  const info = errorInfo(error);
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
    default:
      return vscode.l10n.t('System error {0}: {1}', text(data, 'systemCode') || info.code, detail);
  }
}

export function encodingName(encoding: string): string {
  switch (encoding) {
    case 'utf8':
      return vscode.l10n.t('Text (UTF-8)');
    case 'hex':
      return vscode.l10n.t('Hex');
    case 'base64':
      return vscode.l10n.t('Base64');
    case 'escapes':
      return vscode.l10n.t('Escapes');
    default:
      return encoding;
  }
}

export function stateName(state: string): string {
  switch (state) {
    case 'closed':
      return vscode.l10n.t('closed');
    case 'opening':
      return vscode.l10n.t('opening');
    case 'listening':
      return vscode.l10n.t('listening');
    case 'connecting':
      return vscode.l10n.t('connecting');
    case 'open':
      return vscode.l10n.t('open');
    case 'half-closed':
      return vscode.l10n.t('half-closed');
    case 'closing':
      return vscode.l10n.t('closing');
    case 'error':
      return vscode.l10n.t('error');
    default:
      return state;
  }
}

export function kindName(kind: string): string {
  switch (kind) {
    case 'tcp-server':
      return vscode.l10n.t('TCP server');
    case 'tcp-client':
      return vscode.l10n.t('TCP client');
    case 'tcp-connection':
      return vscode.l10n.t('TCP connection');
    case 'udp':
      return vscode.l10n.t('UDP socket');
    case 'unix-server':
      return vscode.l10n.t('UNIX socket server');
    case 'unix-client':
      return vscode.l10n.t('UNIX socket client');
    case 'unix-connection':
      return vscode.l10n.t('UNIX connection');
    default:
      return kind;
  }
}

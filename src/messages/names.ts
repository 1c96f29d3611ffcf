/** Localized names of engine values (states, kinds, encodings) for sentences and labels. */
import * as vscode from 'vscode';

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

/** What kindName needs of a socket: TLS sockets have the TCP kinds, and are named as TLS. */
export interface NamedSocket {
  readonly kind: string;
  readonly spec: string;
  readonly tls?: unknown;
}

/** A tls:// or tls-listen:// socket, or a TCP client after Start TLS. */
export function speaksTls(info: NamedSocket): boolean {
  return (info.tls !== undefined && info.tls !== null) || /^tls[^:]*:/i.test(info.spec);
}

/** The kind's name; given the socket, a TLS one reads `TLS server`, `TLS client`, `TLS connection`. */
export function kindName(socket: string | NamedSocket): string {
  const kind = typeof socket === 'string' ? socket : speaksTls(socket) ? socket.kind.replace(/^tcp-/, 'tls-') : socket.kind;
  switch (kind) {
    case 'tls-server':
      return vscode.l10n.t('TLS server');
    case 'tls-client':
      return vscode.l10n.t('TLS client');
    case 'tls-connection':
      return vscode.l10n.t('TLS connection');
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

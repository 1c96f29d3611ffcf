/**
 * What a socket's kind and state allow, decided once for the engine, the commands, the tree and the
 * panel. Pure (no Node): the webview bundle and the plain-Node tests load it too.
 */
import type { SocketErrorReason } from './errors';
import type { SocketKind, SocketState } from './types';

export function isServerKind(kind: SocketKind): boolean {
  return kind === 'tcp-server' || kind === 'unix-server';
}

export function isConnectionKind(kind: SocketKind): boolean {
  return kind === 'tcp-connection' || kind === 'unix-connection';
}

/** A stream the user can write to, half-close or pause: a client or an accepted connection. */
export function isStreamKind(kind: SocketKind): boolean {
  return kind === 'tcp-client' || kind === 'unix-client' || isConnectionKind(kind);
}

/** Open enough to move bytes: what the status bar counts and runtime errors are reported from. */
export function isOpenState(state: SocketState): boolean {
  return state === 'open' || state === 'listening' || state === 'half-closed';
}

/** Closed or failed: what Reopen applies to. */
export function isClosedState(state: SocketState): boolean {
  return state === 'closed' || state === 'error';
}

/** The facts the send rule reads (a SocketInfo has them all). */
export interface SendableFacts {
  readonly kind: SocketKind;
  readonly state: SocketState;
  readonly connections: number;
}

/** Why a socket cannot send now: the engine's own reason for the refusal, so both read the same. */
export interface SendRefusal {
  readonly reason: Extract<SocketErrorReason, 'not-open' | 'no-connection'>;
  readonly state: SocketState;
}

/**
 * Can this socket send now? A client, connection or UDP socket when open; a server when listening
 * with a connection to send to (a server sends to its connections: with none, Send would only fail
 * with "no open connection"). undefined means it can.
 */
export function sendRefusal(socket: SendableFacts): SendRefusal | undefined {
  if (isServerKind(socket.kind)) {
    if (socket.state !== 'listening') {
      return { reason: 'not-open', state: socket.state };
    }
    return socket.connections > 0 ? undefined : { reason: 'no-connection', state: socket.state };
  }
  return socket.state === 'open' ? undefined : { reason: 'not-open', state: socket.state };
}

export function canSend(socket: SendableFacts): boolean {
  return sendRefusal(socket) === undefined;
}

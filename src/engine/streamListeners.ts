/**
 * The listeners every stream socket shares (as ws's socketOnData is): each reaches its connection
 * through a symbol field, so 10,000 accepted connections hold no closures of their own.
 */
import type * as net from 'node:net';

/** What the shared listeners call on the connection that owns the socket. */
export interface SocketHandlers {
  received(chunk: Buffer): void;
  peerEnded(socket: net.Socket): void;
  failed(error: Error): void;
  socketClosed(socket: net.Socket): void;
}

const kConnection = Symbol('StreamConnection');
type OwnedSocket = net.Socket & { [kConnection]?: SocketHandlers };

function socketOnData(this: OwnedSocket, chunk: Buffer): void {
  this[kConnection]?.received(chunk);
}

function socketOnEnd(this: OwnedSocket): void {
  this[kConnection]?.peerEnded(this);
}

function socketOnError(this: OwnedSocket, error: Error): void {
  this[kConnection]?.failed(error);
}

function socketOnClose(this: OwnedSocket): void {
  const connection = this[kConnection];
  this[kConnection] = undefined;
  connection?.socketClosed(this);
}

/**
 * Feeds `socket` to `owner`. With allowHalfOpen the FIN must be seen when it comes (to finish a
 * half-close); without it Node answers the FIN itself and 'close' follows, where the FIN is
 * recorded: net.Socket has its own 'end' listener, and a second would cost an array per connection.
 */
export function listen(socket: net.Socket, owner: SocketHandlers, allowHalfOpen: boolean): void {
  (socket as OwnedSocket)[kConnection] = owner;
  socket.on('data', socketOnData);
  if (allowHalfOpen) {
    socket.on('end', socketOnEnd);
  }
  socket.on('error', socketOnError);
  socket.on('close', socketOnClose);
}

/** Takes the listeners off again (a TLS upgrade hands the socket to node:tls). */
export function unlisten(socket: net.Socket): void {
  (socket as OwnedSocket)[kConnection] = undefined;
  socket.off('data', socketOnData);
  socket.off('end', socketOnEnd);
  socket.off('error', socketOnError);
  socket.off('close', socketOnClose);
}

/** The abortive close: RST for TCP (of the TCP socket under a TLS one); UNIX sockets have no RST. */
export function reset(socket: net.Socket): void {
  const raw = (socket as net.Socket & { readonly _parent?: net.Socket })._parent ?? socket;
  try {
    raw.resetAndDestroy();
  } catch {
    // ERR_INVALID_HANDLE_TYPE: not a TCP handle (UNIX, or TLS over a JS stream).
  }
  socket.destroy();
}

/**
 * Incoming bytes handed straight to a socket's own listeners (engine.onIncoming), for runners that
 * consume what arrives: no entry object, no event object, and no call for sockets nobody taps. The
 * transcript still records everything; onData stays the way to see every entry of every socket.
 */
import { listenerFailed, type Disposable } from './events';

/**
 * `data` is what the transcript keeps (cut at the capture limit), `length` the bytes that arrived.
 * A server's listeners hear each of its connections, named by `socketId`.
 */
export type IncomingListener = (socketId: string, data: Uint8Array, length: number, peer: string | undefined) => void;

export interface Tapped {
  readonly id: string;
  taps: readonly IncomingListener[] | undefined;
}

/** Adds a listener; copy on write, so a listener may dispose itself (or another) while being called. */
export function addTap(socket: Tapped, listener: IncomingListener): Disposable {
  socket.taps = [...(socket.taps ?? []), listener];
  return {
    dispose: () => {
      const rest = socket.taps?.filter((candidate) => candidate !== listener);
      socket.taps = rest === undefined || rest.length === 0 ? undefined : rest;
    },
  };
}

/** Whether anyone hears this socket's incoming bytes: its own listeners or its server's. */
export function isTapped(socket: Tapped, server: Tapped | undefined): boolean {
  return socket.taps !== undefined || server?.taps !== undefined;
}

/** Calls the socket's listeners, then its server's; one that throws reaches neither the others nor the socket. */
export function deliverIncoming(socket: Tapped, server: Tapped | undefined, data: Uint8Array, captureBytes: number, peer: string | undefined): void {
  const captured = data.byteLength > captureBytes ? data.subarray(0, captureBytes) : data;
  call(socket.taps, socket.id, captured, data.byteLength, peer);
  call(server?.taps, socket.id, captured, data.byteLength, peer);
}

function call(taps: readonly IncomingListener[] | undefined, socketId: string, data: Uint8Array, length: number, peer: string | undefined): void {
  if (taps === undefined) {
    return;
  }
  for (const listener of taps) {
    try {
      listener(socketId, data, length, peer);
    } catch (error) {
      listenerFailed(error);
    }
  }
}

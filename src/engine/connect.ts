/**
 * One connect attempt of a stream client, bounded in time and cancellable; the client tries each
 * resolved address in turn (stream.ts).
 */
import * as net from 'node:net';
import { EngineError, fromSystemError, withReason } from './shared/errors';

/**
 * One connect attempt with a timeout and cancellation. The socket is destroyed on any failure so no
 * handle outlives the attempt.
 */
export function connectOnce(
  options: net.NetConnectOpts,
  timeout: number,
  signal: AbortSignal | undefined,
  data: Record<string, string | number>,
): Promise<net.Socket> {
  return new Promise<net.Socket>((resolve, reject) => {
    if (signal?.aborted) {
      reject(new EngineError('CANCELLED', 'connect cancelled', withReason('connect-cancelled', data)));
      return;
    }
    const socket = net.connect(options);
    const timer = setTimeout(() => {
      settle(new EngineError('ETIMEDOUT', `connect timed out after ${timeout} ms`, withReason('connect-timeout', { ...data, timeout })));
    }, timeout);
    const onAbort = (): void => settle(new EngineError('CANCELLED', 'connect cancelled', withReason('connect-cancelled', data)));
    signal?.addEventListener('abort', onAbort, { once: true });
    function settle(error?: EngineError): void {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      socket.off('connect', onConnect);
      socket.off('error', onError);
      if (error === undefined) {
        resolve(socket);
      } else {
        // A late 'error' after destroy must not become an uncaught exception.
        socket.on('error', () => undefined);
        socket.destroy();
        reject(error);
      }
    }
    function onConnect(): void {
      settle();
    }
    function onError(error: Error): void {
      settle(fromSystemError(error, data));
    }
    socket.once('connect', onConnect);
    socket.once('error', onError);
  });
}


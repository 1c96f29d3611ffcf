/**
 * One connect attempt of a stream client, bounded in time and cancellable; the client tries each
 * resolved address in turn (stream.ts).
 */
import * as net from 'node:net';
import { formatAddress, toAddress } from './address';
import { resolveEndpoint, type LookupFunction } from './resolve';
import { EngineError, fromSystemError, withReason } from './shared/errors';
import type { SocketSpec } from './shared/types';

/** Failures after which the next resolved address is worth trying, as getaddrinfo users do. */
const TRY_NEXT_ADDRESS = new Set(['ECONNREFUSED', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EADDRNOTAVAIL', 'EINVAL']);

export interface ConnectProgress {
  /** Every address the host resolved to. */
  resolved(addresses: readonly string[]): void;
  /** An address failed and the next is tried: why. */
  skipped(code: string, detail: string): void;
}

/** Connects a TCP (or TLS) client to the first resolved address that answers. */
export async function connectToAnyAddress(
  spec: SocketSpec,
  lookup: LookupFunction | undefined,
  timeout: number,
  signal: AbortSignal | undefined,
  progress: ConnectProgress,
): Promise<net.Socket> {
  const endpoint = await resolveEndpoint(spec, { lookup });
  progress.resolved(endpoint.addresses.map((candidate) => candidate.address));
  let lastError: EngineError | undefined;
  const { noDelay, keepAlive, keepAliveDelay, allowHalfOpen } = spec.options;
  for (const [index, candidate] of endpoint.addresses.entries()) {
    try {
      return await connectOnce(
        {
          host: candidate.address,
          port: endpoint.port,
          family: candidate.family,
          noDelay: noDelay === true,
          keepAlive: keepAlive === true,
          keepAliveInitialDelay: keepAliveDelay ?? 0,
          allowHalfOpen: allowHalfOpen === true,
        },
        timeout,
        signal,
        { address: candidate.address, port: endpoint.port },
      );
    } catch (error) {
      lastError = fromSystemError(error);
      if (!TRY_NEXT_ADDRESS.has(lastError.code) || index === endpoint.addresses.length - 1) {
        throw lastError;
      }
      // Say why this address was skipped; the last one's failure becomes the socket's error.
      progress.skipped(lastError.code, `${formatAddress(toAddress(candidate.address, endpoint.port, candidate.family))}: ${lastError.message}`);
    }
  }
  throw lastError ?? new EngineError('ENOTFOUND', `${spec.host ?? ''} resolved to no address`, withReason('resolved-nothing', { host: spec.host }));
}

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

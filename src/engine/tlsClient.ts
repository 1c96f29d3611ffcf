/**
 * The client side of a handshake over a connected TCP socket: for tls:// (right after connect) and
 * for startTls (in the middle of a conversation). Verification is decided here, after the
 * handshake, so a refusal can name what the certificate says (its names, its dates).
 */
import type * as net from 'node:net';
import * as tls from 'node:tls';
import { EngineError, withReason } from './shared/errors';
import { handshakeTimeout, tlsError, type HandshakeContext } from './tlsErrors';
import { sniName, type TlsMaterial } from './tlsOptions';

export interface ClientHandshake {
  /** The host of the spec: SNI (unless an IP literal) and the name the certificate must cover. */
  readonly host: string | undefined;
  readonly port: number | undefined;
  /** servername= or startTls({ servername }): sent as SNI and checked instead of the host. */
  readonly servername?: string;
  readonly material: TlsMaterial;
  readonly timeout: number;
  readonly signal?: AbortSignal;
}

export interface SecuredClient {
  readonly socket: tls.TLSSocket;
  /** The SNI sent, if any. */
  readonly servername: string | undefined;
}

function refusal(socket: tls.TLSSocket, identity: string, context: HandshakeContext): EngineError {
  const code = String(socket.authorizationError ?? 'UNABLE_TO_VERIFY_LEAF_SIGNATURE');
  const cert = socket.getPeerCertificate();
  const error = Object.assign(new Error(`certificate verification failed: ${code}`), { code, host: identity, cert });
  return (
    tlsError(error, context) ??
    new EngineError('TLS', error.message, withReason('tls-handshake-failed', { host: context.host, port: context.port, systemCode: code }))
  );
}

/** Wraps `raw` in TLS and resolves once the handshake is done and the peer verified (or insecure). */
export function secureClient(raw: net.Socket, handshake: ClientHandshake): Promise<SecuredClient> {
  const { material, timeout, signal } = handshake;
  const identity = handshake.servername ?? handshake.host ?? 'localhost';
  const servername = sniName(handshake.servername, handshake.host);
  const context: HandshakeContext = { side: 'client', host: identity, port: handshake.port, offeredCertificate: material.secure.cert !== undefined };
  return new Promise<SecuredClient>((resolve, reject) => {
    if (signal?.aborted) {
      raw.destroy();
      reject(new EngineError('CANCELLED', 'TLS handshake cancelled', withReason('connect-cancelled')));
      return;
    }
    const socket = tls.connect({
      socket: raw,
      ...material.secure,
      ...(servername === undefined ? {} : { servername }),
      ...(material.alpn === undefined ? {} : { ALPNProtocols: material.alpn }),
      // Decided in onSecure, so the error can carry the certificate's facts.
      rejectUnauthorized: false,
      checkServerIdentity: (_name, cert) => tls.checkServerIdentity(identity, cert),
    });
    const timer = setTimeout(() => settle(handshakeTimeout(timeout, context)), timeout);
    const onAbort = (): void => settle(new EngineError('CANCELLED', 'TLS handshake cancelled', withReason('connect-cancelled')));
    signal?.addEventListener('abort', onAbort, { once: true });
    function settle(error?: EngineError): void {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      socket.off('secureConnect', onSecure);
      socket.off('error', onError);
      socket.off('close', onClose);
      if (error === undefined) {
        resolve({ socket, servername });
        return;
      }
      // A late 'error' after destroy must not become an uncaught exception.
      socket.on('error', () => undefined);
      socket.destroy();
      raw.destroy();
      reject(error);
    }
    function onSecure(): void {
      settle(material.insecure || socket.authorized ? undefined : refusal(socket, identity, context));
    }
    function onError(error: Error): void {
      const code = (error as NodeJS.ErrnoException).code ?? 'ECONNRESET';
      settle(
        tlsError(error, context) ??
          new EngineError('TLS', error.message, withReason('tls-handshake-failed', { host: context.host, port: context.port, systemCode: code })),
      );
    }
    function onClose(): void {
      settle(new EngineError('TLS', 'the peer closed the connection during the TLS handshake', withReason('tls-handshake-failed', { host: context.host, port: context.port, systemCode: 'ECONNRESET' })));
    }
    socket.once('secureConnect', onSecure);
    socket.once('error', onError);
    socket.once('close', onClose);
  });
}

/** The engine's TLS verbs that are not opening a socket: STARTTLS and a certificate for export. */
import type { ManagedSocket } from './managed';
import { EngineError, withReason } from './shared/errors';
import { StreamConnection } from './stream';

export interface StartTlsRequest {
  readonly servername?: string;
  readonly insecure?: boolean;
  readonly ca?: string;
}

/** Upgrades an open tcp:// client in place; anything else is refused before a byte moves. */
export async function startTls(socket: ManagedSocket, options: StartTlsRequest): Promise<void> {
  if (!(socket instanceof StreamConnection) || socket.kind !== 'tcp-client') {
    throw new EngineError(
      'UNSUPPORTED',
      `STARTTLS upgrades a tcp:// client; ${socket.id} is ${socket.kind}`,
      withReason('starttls-not-tcp-client', { id: socket.id, kind: socket.kind }),
      socket.id,
    );
  }
  if (socket.tlsInfo !== undefined || socket.spec.transport === 'tls') {
    throw new EngineError('UNSUPPORTED', `${socket.id} already speaks TLS`, withReason('starttls-already-tls', { id: socket.id }), socket.id);
  }
  await socket.upgrade(options);
}

export function socketCertificate(socket: ManagedSocket): string | null {
  return socket.certificatePem();
}

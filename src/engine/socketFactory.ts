/** Which socket class a spec makes, and the specs no class can make. */
import { EngineError, withReason } from './shared/errors';
import type { ManagedSocket, SocketOwner } from './managed';
import { StreamServer } from './server';
import { socketSpec } from './spec';
import { StreamConnection } from './stream';
import type { SocketSpec } from './shared/types';
import { UdpSocket } from './udp';

/** The spec parsed (if needed) and as canonical text; throws for a spec that can be written but not opened. */
export function creatableSpec(spec: string | SocketSpec): { readonly parsed: SocketSpec; readonly specText: string } {
  const parsed = typeof spec === 'string' ? socketSpec.parse(spec) : spec;
  const specText = socketSpec.format(parsed);
  if (parsed.transport === 'unix-dgram') {
    throw new EngineError(
      'UNSUPPORTED',
      'UNIX datagram sockets (AF_UNIX, SOCK_DGRAM) cannot be created by Node.js; use unix:// for a UNIX stream socket or udp:// for datagrams',
      withReason('unix-dgram-unsupported', { spec: specText }),
    );
  }
  return { parsed, specText };
}

export function newSocket(id: string, parsed: SocketSpec, specText: string, owner: SocketOwner, name: string | undefined): ManagedSocket {
  if (parsed.transport === 'udp') {
    return new UdpSocket(id, parsed, specText, owner, name);
  }
  if (parsed.role === 'listen') {
    return new StreamServer(parsed.transport === 'unix' ? 'unix-server' : 'tcp-server', id, parsed, specText, owner, name);
  }
  return new StreamConnection(parsed.transport === 'unix' ? 'unix-client' : 'tcp-client', id, parsed, specText, owner, name);
}

/**
 * How commands name a socket to the user (pickers, messages, file names) and what Copy Address
 * copies. Derived from SocketInfo only, so any socket the engine knows can be shown.
 */
import type { SocketInfo, SocketKind, SocketSpec } from '../engine';
import { formatAddress } from '../engine/address';
import { bracketHost } from '../engine/host';
import { buildSpec, formatSpec, parseSpec } from '../engine/spec';

export function isConnection(info: SocketInfo): boolean {
  return info.parentId !== undefined;
}

export function isServer(info: SocketInfo): boolean {
  return info.kind === 'tcp-server' || info.kind === 'unix-server';
}

/** A stream the user can write to, half-close or pause: a client or an accepted connection. */
export function isStream(info: SocketInfo): boolean {
  return info.kind === 'tcp-client' || info.kind === 'unix-client' || info.kind === 'tcp-connection' || info.kind === 'unix-connection';
}

export function isOpen(info: SocketInfo): boolean {
  return info.state === 'open' || info.state === 'listening' || info.state === 'half-closed';
}

/** Closed or failed: what Reopen applies to. */
export function isClosed(info: SocketInfo): boolean {
  return info.state === 'closed' || info.state === 'error';
}

/** The codicon of each kind, the same family the view title actions use. */
export function kindIcon(kind: SocketKind): string {
  switch (kind) {
    case 'tcp-server':
      return 'server-process';
    case 'tcp-client':
      return 'plug';
    case 'tcp-connection':
    case 'unix-connection':
      return 'arrow-swap';
    case 'udp':
      return 'broadcast';
    case 'unix-server':
      return 'server-environment';
    case 'unix-client':
      return 'debug-disconnect';
  }
}

/** The address that identifies the socket: where it listens, or where it connects. */
export function socketAddress(info: SocketInfo): string {
  if (isConnection(info)) {
    if (info.remote !== undefined && info.remote.address !== '') {
      return formatAddress(info.remote);
    }
    return `${info.local?.address ?? ''} #${info.id}`;
  }
  const spec = tryParseSpec(info.spec);
  const live = spec?.role === 'listen' ? info.local : info.remote ?? info.defaultTarget;
  if (live !== undefined && live.address !== '') {
    return formatAddress(live);
  }
  if (spec === undefined) {
    return info.spec;
  }
  if (spec.path !== undefined) {
    return spec.path;
  }
  return `${spec.host === '' ? '*' : bracketHost(spec.host ?? '')}:${spec.port ?? ''}`;
}

function tryParseSpec(text: string): SocketSpec | undefined {
  try {
    return parseSpec(text);
  } catch {
    return undefined;
  }
}

/** The user's name for the socket, or its address. */
export function socketLabel(info: SocketInfo): string {
  return info.name ?? socketAddress(info);
}

/**
 * What Copy Address copies. Top-level sockets: the canonical spec, with an ephemeral port 0
 * replaced by the port actually bound, so the text reaches (or reopens) the live socket.
 * Connections: the peer's `host:port` (a UNIX connection: the socket path). Peers: their `host:port`.
 */
export function copyableAddress(info: SocketInfo, peerTarget?: string): string {
  if (peerTarget !== undefined) {
    return peerTarget;
  }
  if (isConnection(info)) {
    return info.remote !== undefined && info.remote.address !== '' ? formatAddress(info.remote) : info.local?.address ?? '';
  }
  const spec = tryParseSpec(info.spec);
  if (spec === undefined) {
    return info.spec;
  }
  const bound = info.local?.port;
  if (spec.role === 'listen' && spec.port === '0' && bound !== undefined && bound !== 0 && isOpen(info)) {
    return formatSpec(buildSpec({ ...spec, port: bound }));
  }
  return formatSpec(spec);
}

/** A file name stem from the socket: `tcp-server-127.0.0.1-41234`, or the user's name. */
export function fileStem(info: SocketInfo): string {
  const base = info.name ?? `${info.kind}-${socketAddress(info)}`;
  const stem = base.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '');
  return stem === '' ? info.id : stem;
}

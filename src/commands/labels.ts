/**
 * What Copy Address copies and the file names Save Transcript suggests. How a socket is named
 * otherwise (labels, icons, addresses) is shared with the view and the panel: src/socketText.ts.
 */
import { buildSpec, formatAddress, formatSpec, parseSpec, type SocketInfo, type SocketSpec } from '../engine';
import { isConnectionKind, isOpenState, socketAddress } from '../socketText';

function tryParseSpec(text: string): SocketSpec | undefined {
  try {
    return parseSpec(text);
  } catch {
    return undefined;
  }
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
  if (isConnectionKind(info.kind)) {
    return info.remote !== undefined && info.remote.address !== '' ? formatAddress(info.remote) : info.local?.address ?? '';
  }
  const spec = tryParseSpec(info.spec);
  if (spec === undefined) {
    return info.spec;
  }
  const bound = info.local?.port;
  if (spec.role === 'listen' && spec.port === '0' && bound !== undefined && bound !== 0 && isOpenState(info.state)) {
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

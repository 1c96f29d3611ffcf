/**
 * The addresses and spec of an accepted connection, made as cheaply as 10,000 held connections
 * need: the server's own Address shared where it is the same, the peer's kept as one flat label
 * string, and the Address and spec derived from it when asked.
 */
import type * as net from 'node:net';
import { formatSpec } from './spec';
import type { Address, SocketSpec, SpecOptions } from './shared/types';

/** An accepted connection's spec text has no query: its options are its server's. */
export const NO_OPTIONS: SpecOptions = Object.freeze({});

/**
 * An accepted connection's own spec is the peer it is connected to (`tcp://127.0.0.1:54664`, or
 * the server's `unix:///path`), never its server's listen spec; its options are the server's
 * (TCP_NODELAY, keepalive, half-open apply to accepted sockets). Built when asked, not kept.
 */
export function acceptedSpec(unix: boolean, server: SocketSpec | undefined, remote: Address | undefined, options: SpecOptions): SocketSpec {
  if (unix) {
    return { transport: 'unix', role: 'connect', path: server?.path, options };
  }
  const transport = server?.transport === 'tls' ? 'tls' : 'tcp';
  return { transport, role: 'connect', host: remote?.address ?? '', port: String(remote?.port ?? 0), options };
}

/** formatSpec of the spec without options: `tcp://` (or `tls://`) and the label, unless a zone needs escaping. */
export function acceptedSpecText(unix: boolean, server: SocketSpec | undefined, label: string | undefined): string {
  if (!unix && label !== undefined && !label.includes('%')) {
    return `${server?.transport === 'tls' ? 'tls' : 'tcp'}://${label}`;
  }
  return formatSpec(acceptedSpec(unix, server, label === undefined ? undefined : labelAddress(label), NO_OPTIONS));
}

const WILDCARDS = new Set(['0.0.0.0', '::', '::ffff:0.0.0.0']);

/**
 * A connection accepted by a server bound to one address has the server's local address: sharing
 * the server's Address saves a getsockname() and its objects per connection. A wildcard server's
 * connections each ask.
 */
export function serverAddress(local: Address | undefined): Address | undefined {
  return local !== undefined && local.family !== 'unix' && !WILDCARDS.has(local.address) ? local : undefined;
}

/**
 * The peer's address as the handle's getpeername() fills it (`{ address, family, port }`, which is
 * an Address), or undefined when the handle cannot say (the peer is gone already). Asking the
 * handle directly (rather than socket.remoteAddress) keeps Node from caching a second copy on the
 * socket, which would grow every socket's property store.
 */
export function peernameOf(socket: net.Socket): Address | undefined {
  const handle = (socket as unknown as { readonly _handle?: { getpeername?: (out: Scratch) => number } })._handle;
  if (typeof handle?.getpeername === 'function') {
    // Filled in place: properties that exist already are cheaper for the handle to set than new ones.
    const out = scratch;
    out.address = undefined;
    out.family = undefined;
    out.port = undefined;
    if (handle.getpeername(out) === 0 && typeof out.address === 'string' && typeof out.port === 'number' && (out.family === 'IPv4' || out.family === 'IPv6')) {
      return { address: out.address, family: out.family, port: out.port };
    }
  }
  return undefined;
}

interface Scratch {
  address: unknown;
  family: unknown;
  port: unknown;
}

const scratch: Scratch = { address: undefined, family: undefined, port: undefined };

/**
 * The Address a flatLabel was made from, in getpeername()'s shape: an accepted connection keeps
 * only its label and gives its address back from it when asked.
 */
export function labelAddress(label: string): Address {
  if (label.startsWith('[')) {
    const end = label.lastIndexOf(']:');
    return { address: label.slice(1, end), family: 'IPv6', port: Number(label.slice(end + 2)) };
  }
  const colon = label.lastIndexOf(':');
  return { address: label.slice(0, colon), family: 'IPv4', port: Number(label.slice(colon + 1)) };
}

/** formatAddress as one flat string: a template literal leaves a three-part rope per connection. */
export function flatLabel(address: Address): string {
  return address.family === 'IPv6' ? [`[${address.address}`, address.port].join(']:') : [address.address, address.port].join(':');
}

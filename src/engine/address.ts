/**
 * Addresses as the engine shows them (`127.0.0.1:8080`, `[::1]:53`, `/tmp/a.sock`, `@name`), send
 * targets typed by the user, Node's address objects turned into ours, and the socket(2) triple.
 */
import { isIPv4, isIPv6 } from 'node:net';
import { EngineError, withReason } from './shared/errors';
import { hostText, parseHost, parsePort, splitHostPort, type HostInfo } from './hostPort';
import { systemServices, type ServiceProtocol, type ServiceTable } from './serviceNames';
import type { Address, SocketTriple, Transport } from './shared/types';

/**
 * `127.0.0.1:8080`, `[::1]:53`, `[fe80::1%eth0]:80`; a UNIX path or `@name` as is. An IP address
 * without a port prints bare. An unnamed UNIX socket (a client's own end) prints as `''`.
 */
export function formatAddress(address: Address): string {
  if (address.family === 'unix') {
    return address.address;
  }
  if (address.port === undefined) {
    return address.address;
  }
  return address.family === 'IPv6' ? `[${address.address}]:${address.port}` : `${address.address}:${address.port}`;
}

/** The 16 bytes of an IPv6 literal (no zone), or undefined when it is not one. */
function ipv6Bytes(address: string): number[] | undefined {
  if (!isIPv6(address)) {
    return undefined;
  }
  let text = address;
  const lastColon = text.lastIndexOf(':');
  const dotted = text.slice(lastColon + 1);
  if (isIPv4(dotted)) {
    // ::ffff:0.0.0.0 ends in a dotted quad: the last two 16-bit groups.
    const quad = dotted.split('.').map(Number);
    text = `${text.slice(0, lastColon + 1)}${((quad[0] << 8) | quad[1]).toString(16)}:${((quad[2] << 8) | quad[3]).toString(16)}`;
  }
  const parse = (part: string): number[] => (part === '' ? [] : part.split(':').map((group) => parseInt(group, 16)));
  const compressed = text.indexOf('::');
  const before = parse(compressed < 0 ? text : text.slice(0, compressed));
  const after = compressed < 0 ? [] : parse(text.slice(compressed + 2));
  const groups = compressed < 0 ? before : [...before, ...new Array<number>(8 - before.length - after.length).fill(0), ...after];
  return groups.flatMap((group) => [group >> 8, group & 0xff]);
}

/**
 * True for an address that binds every interface: 0.0.0.0, :: in any spelling (0:0:0:0:0:0:0:0,
 * ::0) and the IPv4-mapped ::ffff:0.0.0.0, which the kernel binds as every IPv4 interface.
 */
export function isAllInterfacesAddress(address: string): boolean {
  const bare = address.split('%')[0];
  if (isIPv4(bare)) {
    return bare === '0.0.0.0';
  }
  const bytes = ipv6Bytes(bare);
  if (bytes === undefined) {
    return false;
  }
  const mapped = bytes.slice(0, 10).every((byte) => byte === 0) && bytes[10] === 0xff && bytes[11] === 0xff;
  return bytes.every((byte, index) => byte === 0 || (mapped && (index === 10 || index === 11)));
}

/** A UDP send target: the host as a spec stores it, the numeric port, and what the host means. */
export interface SendTarget {
  readonly host: string;
  readonly port: number;
  /** `kind: 'broadcast'` means the send needs SO_BROADCAST. */
  readonly info: HostInfo;
}

/**
 * Reads a send target such as `127.0.0.1:9`, `[::1]:9`, `<broadcast>:37020` or `localhost:echo`.
 * IPv6 needs brackets, as in spec text. Throws EngineError (SPEC_HOST, SPEC_PORT, PORT_RANGE, …).
 */
export function parseTarget(text: string, protocol: ServiceProtocol, services: ServiceTable = systemServices()): SendTarget {
  const trimmed = text.trim();
  const split = splitHostPort(trimmed);
  const info = parseHost(split.host, { transport: protocol });
  if (split.port === undefined) {
    throw new EngineError(
      'SPEC_PORT',
      `'${trimmed}' has no port: write HOST:PORT, e.g. 127.0.0.1:9`,
      withReason('target-port-missing', { target: trimmed, host: split.host }),
    );
  }
  const port = parsePort(split.port, protocol, services);
  if (port === 0) {
    throw new EngineError(
      'SPEC_PORT',
      `port ${split.port} cannot be a destination: port 0 only means "any free port" when binding`,
      withReason('target-port-zero', { port: split.port }),
    );
  }
  return { host: hostText(info), port, info };
}

/** A UNIX address; Node reports abstract names with a leading NUL, which we show as `@`. */
export function unixAddress(path: string): Address {
  return { family: 'unix', address: path.startsWith('\0') ? `@${path.slice(1)}` : path };
}

/** What Node's `address()` and UDP `rinfo` look like; old Node versions gave the family as 4/6. */
export interface NodeAddressLike {
  readonly address: string;
  readonly family?: string | number;
  readonly port?: number;
}

function normalizeFamily(family: string | number | undefined): 4 | 6 | undefined {
  if (family === 'IPv6' || family === 6) {
    return 6;
  }
  return family === 'IPv4' || family === 4 ? 4 : undefined;
}

function ipFamily(family: 4 | 6 | 'IPv4' | 'IPv6' | undefined, address: string): 'IPv4' | 'IPv6' {
  if (family === 'IPv6' || family === 6) {
    return 'IPv6';
  }
  if (family === 'IPv4' || family === 4) {
    return 'IPv4';
  }
  return isIPv6(address.split('%')[0]) ? 'IPv6' : 'IPv4';
}

/**
 * Turns `server.address()`, `socket.address()` or a UDP `rinfo` into an Address. A string is a
 * UNIX path (what `server.address()` returns for a UNIX server); null means not bound.
 */
export function addressFromNode(value: NodeAddressLike | string | null | undefined): Address | undefined {
  if (value === null || value === undefined) {
    return undefined;
  }
  if (typeof value === 'string') {
    return unixAddress(value);
  }
  return toAddress(value.address, value.port, normalizeFamily(value.family));
}

/**
 * An IP Address from its parts, as sockets report them (`socket.remoteAddress`, `remotePort`, …).
 * The family may be a number or Node's `'IPv4'`/`'IPv6'`; when absent it is read off the address.
 */
export function toAddress(address: string, port: number | undefined, family?: 4 | 6 | 'IPv4' | 'IPv6'): Address {
  const ip = ipFamily(family, address);
  return port === undefined ? { family: ip, address } : { family: ip, address, port };
}

/** The far end of a connected net.Socket; undefined before it connects or after it is destroyed. */
export function remoteAddressOf(socket: {
  readonly remoteAddress?: string;
  readonly remoteFamily?: string;
  readonly remotePort?: number;
}): Address | undefined {
  if (socket.remoteAddress === undefined) {
    return undefined;
  }
  return addressFromNode({ address: socket.remoteAddress, family: socket.remoteFamily, port: socket.remotePort });
}

/** The near end of a connected net.Socket. */
export function localAddressOf(socket: {
  readonly localAddress?: string;
  readonly localFamily?: string;
  readonly localPort?: number;
}): Address | undefined {
  if (socket.localAddress === undefined) {
    return undefined;
  }
  return addressFromNode({ address: socket.localAddress, family: socket.localFamily, port: socket.localPort });
}

/** One frozen object per triple: info() is built for every accepted connection. */
const TRIPLES = {
  tcp4: Object.freeze({ domain: 'AF_INET', type: 'SOCK_STREAM', protocol: 'IPPROTO_TCP' }),
  tcp6: Object.freeze({ domain: 'AF_INET6', type: 'SOCK_STREAM', protocol: 'IPPROTO_TCP' }),
  udp4: Object.freeze({ domain: 'AF_INET', type: 'SOCK_DGRAM', protocol: 'IPPROTO_UDP' }),
  udp6: Object.freeze({ domain: 'AF_INET6', type: 'SOCK_DGRAM', protocol: 'IPPROTO_UDP' }),
  unix: Object.freeze({ domain: 'AF_UNIX', type: 'SOCK_STREAM', protocol: '0' }),
  unixDgram: Object.freeze({ domain: 'AF_UNIX', type: 'SOCK_DGRAM', protocol: '0' }),
} as const satisfies Record<string, SocketTriple>;

/** The socket(2) call the primer teaches: `socket(AF_INET6, SOCK_DGRAM, IPPROTO_UDP)`. */
export function socketTriple(transport: Transport, family?: 4 | 6): SocketTriple {
  switch (transport) {
    case 'tcp':
      return family === 6 ? TRIPLES.tcp6 : TRIPLES.tcp4;
    case 'udp':
      return family === 6 ? TRIPLES.udp6 : TRIPLES.udp4;
    case 'unix':
      return TRIPLES.unix;
    case 'unix-dgram':
      return TRIPLES.unixDgram;
  }
}


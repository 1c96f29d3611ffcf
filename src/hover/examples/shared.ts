// Pieces every language's example generator shares: which socket() triple fits a family, type or
// protocol, sample multicast groups, and table lookups.
import { CONSTANTS_BY_NAME } from '../data/index';
import type { ConstantEntry, ConstantValue, ExampleLanguage, Platform } from '../types';
import { PLATFORMS } from '../types';

/** socket() type and protocol that make sense for a family's example. */
const FAMILY_SOCKET: Readonly<Record<string, { readonly type: string; readonly protocol?: Readonly<Record<ExampleLanguage, string>> }>> = {
  AF_PACKET: { type: 'SOCK_RAW', protocol: { c: 'htons(ETH_P_ALL)', python: 'socket.htons(0x0003)', go: '0', rust: '(libc::ETH_P_ALL as u16).to_be() as libc::c_int', javascript: '0' } },
  AF_NETLINK: { type: 'SOCK_RAW', protocol: { c: 'NETLINK_ROUTE', python: 'socket.NETLINK_ROUTE', go: 'unix.NETLINK_ROUTE', rust: 'libc::NETLINK_ROUTE', javascript: '0' } },
  AF_ROUTE: { type: 'SOCK_RAW' },
  AF_CAN: { type: 'SOCK_RAW', protocol: { c: 'CAN_RAW', python: 'socket.CAN_RAW', go: 'unix.CAN_RAW', rust: 'libc::CAN_RAW', javascript: '0' } },
  AF_ALG: { type: 'SOCK_SEQPACKET' },
  AF_RDS: { type: 'SOCK_SEQPACKET' },
  AF_TIPC: { type: 'SOCK_RDM' },
  AF_KEY: { type: 'SOCK_RAW' },
  AF_X25: { type: 'SOCK_SEQPACKET' },
  AF_XDP: { type: 'SOCK_RAW' },
  AF_APPLETALK: { type: 'SOCK_DGRAM' },
  AF_QIPCRTR: { type: 'SOCK_DGRAM' },
  AF_MCTP: { type: 'SOCK_DGRAM' },
  AF_KCM: { type: 'SOCK_DGRAM' },
  AF_RXRPC: { type: 'SOCK_DGRAM' },
  AF_IEEE802154: { type: 'SOCK_DGRAM' },
};

/** socket() family and protocol that make sense for a type's example. */
const TYPE_SOCKET: Readonly<Record<string, { readonly family: string; readonly protocol?: string }>> = {
  SOCK_RAW: { family: 'AF_INET', protocol: 'IPPROTO_ICMP' },
  SOCK_SEQPACKET: { family: 'AF_UNIX' },
  SOCK_RDM: { family: 'AF_TIPC' },
  SOCK_PACKET: { family: 'AF_INET' },
};

export const SAMPLE_GROUP: Readonly<Record<string, string>> = { ip_mreq: '239.1.2.3', ip_mreq_source: '232.1.2.3', ipv6_mreq: 'ff02::fb' };

export function entryFor(name: string): ConstantEntry | undefined {
  return CONSTANTS_BY_NAME.get(name);
}

/** The family/type/protocol triple for the socket() example of a domain, type or protocol entry. */
export function socketTriple(entry: ConstantEntry): { family: string; type: string; protocol?: string } | undefined {
  const usage = entry.usage;
  if (usage.kind === 'socket-domain') {
    return { family: entry.name, type: FAMILY_SOCKET[entry.aliasOf ?? entry.name]?.type ?? 'SOCK_STREAM' };
  }
  if (usage.kind === 'socket-type') {
    if (usage.flag === true) {
      return { family: 'AF_INET', type: `SOCK_STREAM|${entry.name}` };
    }
    const shape = TYPE_SOCKET[entry.name];
    return { family: shape?.family ?? 'AF_INET', type: entry.name, protocol: shape?.protocol };
  }
  if (usage.kind === 'protocol' && usage.socketType !== undefined) {
    return { family: usage.family ?? 'AF_INET', type: usage.socketType, protocol: entry.name };
  }
  return undefined;
}

export function familyProtocol(entry: ConstantEntry, language: ExampleLanguage): string | undefined {
  return entry.usage.kind === 'socket-domain' ? FAMILY_SOCKET[entry.aliasOf ?? entry.name]?.protocol?.[language] : undefined;
}

export function firstValueOf(entry: ConstantEntry): { value: ConstantValue; platform: Platform } | undefined {
  for (const platform of PLATFORMS) {
    const value = entry.values[platform];
    if (value !== undefined) {
      return { value, platform };
    }
  }
  return undefined;
}


// The socket-constant table: every entry once, plus O(1) lookups for the hover scanner and renderer.
// Built once at module load; nothing here is recomputed per hover.
import type { ConstantEntry, NodeApiMapping, SpecialHost } from '../types';
import { ADDRESSES, LIMITS } from './addresses';
import { ADDRINFO_FLAGS, NAMEINFO_FLAGS } from './addrinfo';
import { ADDRINFO_ERRORS } from './addrinfo-errors';
import { CONNECTION_ERRNOS } from './errno-connection';
import { GENERAL_ERRNOS } from './errno-general';
import { FAMILIES } from './families';
import { LEGACY_FAMILIES } from './families-legacy';
import { SPECIAL_FAMILIES } from './families-special';
import { GO_NETWORKS } from './go-network';
import { LEVELS } from './levels';
import { IP_OPTIONS } from './ip-options';
import { LINUX_IP_OPTIONS } from './ip-options-linux';
import { IPV6_ANCILLARY } from './ipv6-ancillary';
import { IPV6_OPTIONS } from './ipv6-options';
import { MESSAGE_FLAGS } from './message-flags';
import { NODE_API, SPECIAL_HOSTS } from './node-api';
import { PROTOCOL_FAMILIES } from './protocol-families';
import { PROTOCOLS } from './protocols';
import { HEADER_PROTOCOLS } from './protocols-headers';
import { ANCILLARY, SHUTDOWN } from './shutdown-ancillary';
import { LINUX_SOCKET_OPTIONS } from './socket-options-linux';
import { SOCKET_OPTIONS } from './socket-options';
import { SPECIAL_SOCKET_OPTIONS } from './socket-options-special';
import { SOCKET_TYPES } from './socket-types';
import { LINUX_TCP_OPTIONS } from './tcp-options-linux';
import { TCP_OPTIONS } from './tcp-options';

export const ALL_CONSTANTS: readonly ConstantEntry[] = [
  ...FAMILIES, ...LEGACY_FAMILIES, ...SPECIAL_FAMILIES, ...PROTOCOL_FAMILIES,
  ...SOCKET_TYPES, ...LEVELS, ...PROTOCOLS, ...HEADER_PROTOCOLS,
  ...SOCKET_OPTIONS, ...LINUX_SOCKET_OPTIONS, ...SPECIAL_SOCKET_OPTIONS,
  ...IP_OPTIONS, ...LINUX_IP_OPTIONS, ...IPV6_OPTIONS, ...IPV6_ANCILLARY,
  ...TCP_OPTIONS, ...LINUX_TCP_OPTIONS,
  ...MESSAGE_FLAGS, ...SHUTDOWN, ...ANCILLARY,
  ...ADDRESSES, ...LIMITS,
  ...ADDRINFO_FLAGS, ...NAMEINFO_FLAGS, ...ADDRINFO_ERRORS,
  ...CONNECTION_ERRNOS, ...GENERAL_ERRNOS,
  ...GO_NETWORKS,
];

function byName(entries: readonly ConstantEntry[]): ReadonlyMap<string, ConstantEntry> {
  const map = new Map<string, ConstantEntry>();
  for (const entry of entries) {
    if (map.has(entry.name)) {
      // A duplicate is a data bug; failing at load time keeps it out of every hover.
      throw new Error(`socket constants: duplicate entry ${entry.name}`);
    }
    map.set(entry.name, entry);
  }
  return map;
}

/** Entry by its canonical name (`AF_INET`, `"tcp4"`). */
export const CONSTANTS_BY_NAME: ReadonlyMap<string, ConstantEntry> = byName(ALL_CONSTANTS);

function platformSpellings(entries: readonly ConstantEntry[]): ReadonlyMap<string, ConstantEntry> {
  const map = new Map<string, ConstantEntry>();
  for (const entry of entries) {
    for (const spelling of [entry.spelling?.windows, entry.spelling?.macos]) {
      if (spelling !== undefined && !CONSTANTS_BY_NAME.has(spelling) && !map.has(spelling)) {
        map.set(spelling, entry);
      }
    }
  }
  return map;
}

/** Entry by a platform's own spelling (`WSAECONNREFUSED`, `SD_SEND`, `AF_BTH`). */
export const CONSTANTS_BY_PLATFORM_SPELLING: ReadonlyMap<string, ConstantEntry> = platformSpellings(ALL_CONSTANTS);

/** The entry for a name as written in C-like code, by canonical name or platform spelling. */
export function lookupConstant(name: string): ConstantEntry | undefined {
  return CONSTANTS_BY_NAME.get(name) ?? CONSTANTS_BY_PLATFORM_SPELLING.get(name);
}

export const NODE_API_BY_NAME: ReadonlyMap<string, NodeApiMapping> = new Map(NODE_API.map((mapping) => [mapping.api, mapping]));

export const SPECIAL_HOST_BY_LITERAL: ReadonlyMap<string, SpecialHost> = new Map(SPECIAL_HOSTS.map((host) => [host.literal, host]));

export { NODE_API, SPECIAL_HOSTS };

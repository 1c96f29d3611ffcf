// C/C++ identifiers, Go (`syscall.X`, `unix.X` and network strings such as "tcp4") and Rust (`libc::X`).
import { CONSTANTS_BY_NAME, lookupConstant } from '../data/index';
import {
  C_SYNTAX, GO_SYNTAX, RUST_SYNTAX, classify, identifierBefore, identifierMatch, isWordCharacter, previousNonSpace,
  qualifierPath, startsInsideBlockComment, unmatchedOpening, wordAt,
} from './lexing';
import type { ScanContext, ScanResult } from './types';

export function scanC(line: string, character: number, context: ScanContext | undefined): ScanResult | undefined {
  const word = wordAt(line, character);
  if (word === undefined) {
    return undefined;
  }
  const text = line.slice(word.start, word.end);
  const entry = lookupConstant(text);
  if (entry === undefined || entry.group === 'go-network') {
    return undefined;
  }
  // A member (`cfg.SO_REUSEADDR`, `p->AF_INET`) or a namespaced name (`asio::X`) is someone else's.
  if (line[word.start - 1] === '.' || line.startsWith('->', word.start - 2)) {
    return undefined;
  }
  if (line.startsWith('::', word.start - 2) && isWordCharacter(line[word.start - 3])) {
    return undefined;
  }
  const position = classify(line, word.start, C_SYNTAX, startsInsideBlockComment(context, line));
  return position.kind === 'code' ? identifierMatch(entry, text, word.start, word.end) : undefined;
}

const GO_QUALIFIERS = new Set(['syscall', 'unix', 'windows']);
const GO_NETWORKS = new Set(['tcp', 'tcp4', 'tcp6', 'udp', 'udp4', 'udp6', 'ip', 'ip4', 'ip6', 'unix', 'unixgram', 'unixpacket']);
/** Calls whose first argument is a network name (net.Dial, tls.Dial, (&net.Dialer{}).Dial, …). */
const GO_FIRST_ARGUMENT_CALLS = new Set([
  'Dial', 'DialTimeout', 'Listen', 'ListenPacket', 'ResolveTCPAddr', 'ResolveUDPAddr', 'ResolveIPAddr',
  'ResolveUnixAddr', 'ListenTCP', 'ListenUDP', 'ListenIP', 'ListenUnix', 'ListenUnixgram', 'ListenMulticastUDP',
  'DialTCP', 'DialUDP', 'DialIP', 'DialUnix', 'LookupPort',
]);
/** Calls whose second argument is the network: Dialer.DialContext(ctx, …), ListenConfig.Listen(ctx, …). */
const GO_SECOND_ARGUMENT_CALLS = new Set(['DialContext', 'Listen', 'ListenPacket', 'DialWithDialer']);

function scanGoNetwork(line: string, position: { start: number; end: number; quote: string }): ScanResult | undefined {
  if (position.quote === '\'' || line[position.end - 1] !== position.quote) {
    return undefined;
  }
  const content = line.slice(position.start + 1, position.end - 1);
  const [network, protocol] = content.split(':', 2);
  if (!GO_NETWORKS.has(network) || (protocol !== undefined && !network.startsWith('ip'))) {
    return undefined;
  }
  const before = previousNonSpace(line, position.start);
  let callee: string | undefined;
  if (line[before] === '(') {
    const name = identifierBefore(line, before)?.name;
    callee = name !== undefined && GO_FIRST_ARGUMENT_CALLS.has(name) ? name : undefined;
  } else if (line[before] === ',') {
    const open = unmatchedOpening(line, before, '(', GO_SYNTAX);
    const name = open === -1 ? undefined : identifierBefore(line, open)?.name;
    // Exactly one argument before ours.
    const single = open !== -1 && !line.slice(open + 1, before).includes(',');
    callee = single && name !== undefined && GO_SECOND_ARGUMENT_CALLS.has(name) ? name : undefined;
  }
  if (callee === undefined) {
    return undefined;
  }
  const name = `"${network}"`;
  return CONSTANTS_BY_NAME.has(name)
    ? { name, start: position.start, end: position.end, kind: 'go-network', text: line.slice(position.start, position.end) }
    : undefined;
}

export function scanGo(line: string, character: number, context: ScanContext | undefined): ScanResult | undefined {
  const position = classify(line, character, GO_SYNTAX, startsInsideBlockComment(context, line));
  if (position.kind === 'comment') {
    return undefined;
  }
  if (position.kind === 'string') {
    return scanGoNetwork(line, position);
  }
  const word = wordAt(line, character);
  if (word === undefined) {
    return undefined;
  }
  const text = line.slice(word.start, word.end);
  const { parts, leading } = qualifierPath(line, word.start, '.');
  if (leading || parts.length !== 1 || !GO_QUALIFIERS.has(parts[0])) {
    return undefined;
  }
  const entry = lookupConstant(text);
  return entry === undefined || entry.group === 'go-network'
    ? undefined
    : identifierMatch(entry, text, word.start, word.end, parts[0]);
}

/** Paths whose last segment re-exports the C constants: libc, nix::libc, winapi's winsock2, windows-sys' WinSock. */
const RUST_MODULES = new Set(['libc', 'winsock2', 'ws2def', 'ws2ipdef', 'WinSock']);

export function scanRust(line: string, character: number, context: ScanContext | undefined): ScanResult | undefined {
  const position = classify(line, character, RUST_SYNTAX, startsInsideBlockComment(context, line));
  if (position.kind !== 'code') {
    return undefined;
  }
  const word = wordAt(line, character);
  if (word === undefined) {
    return undefined;
  }
  const text = line.slice(word.start, word.end);
  const { parts } = qualifierPath(line, word.start, '::');
  if (parts.length === 0 || !RUST_MODULES.has(parts[parts.length - 1])) {
    return undefined;
  }
  const entry = lookupConstant(text);
  return entry === undefined || entry.group === 'go-network'
    ? undefined
    : identifierMatch(entry, text, word.start, word.end, parts.join('::'));
}


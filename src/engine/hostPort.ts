/**
 * The primer's host and port rules, as small helpers that both the spec parser and the UI's
 * separate host and port fields use, so an inline error reads the same as a parse error.
 */
import { isIPv4, isIPv6 } from 'node:net';
import { domainToASCII } from 'node:url';
import { EngineError, withReason, type AddressErrorReason, type EngineErrorData } from './shared/errors';
import { systemServices, type ServiceProtocol, type ServiceTable } from './serviceNames';
import type { Transport } from './shared/types';

export const BROADCAST_HOST = '<broadcast>';
export const BROADCAST_ADDRESS = '255.255.255.255';
export const MAX_PORT = 65535;
export const MAX_INTEGER_HOST = 4294967295;

/** What a host text means. `address` is what a socket call takes (IPv6 without the zone). */
export type HostInfo =
  | { readonly kind: 'any'; readonly address: '0.0.0.0' | '::'; readonly family: 4 | 6 }
  | { readonly kind: 'broadcast'; readonly address: typeof BROADCAST_ADDRESS; readonly family: 4 }
  | { readonly kind: 'ipv4'; readonly address: string; readonly family: 4 }
  | { readonly kind: 'ipv6'; readonly address: string; readonly zone?: string; readonly family: 6 }
  | { readonly kind: 'integer'; readonly value: number; readonly address: string; readonly family: 4 }
  | { readonly kind: 'name'; readonly name: string; readonly ascii: string };

export interface HostContext {
  /** Checks `<broadcast>` (UDP only). Absent: no transport check. */
  readonly transport?: Transport;
  /** Rejects literals of the other family, and picks `::` for an empty host when 6. */
  readonly family?: 4 | 6;
  /** An IPv6-only socket also binds `::` for an empty host. */
  readonly ipv6Only?: boolean;
}

const DOTTED_QUAD = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
/** RFC 6874 zone characters (unreserved); interface names and Windows zone numbers fit. */
const ZONE = /^[A-Za-z0-9._~-]+$/;
const LABEL = /^[A-Za-z0-9_](?:[A-Za-z0-9_-]*[A-Za-z0-9_])?$/;

function hostError(host: string, reason: AddressErrorReason, message: string, extra: EngineErrorData = {}): EngineError {
  return new EngineError('SPEC_HOST', `host '${host}' ${message}`, withReason(reason, { host, ...extra }));
}

/** Converts an integer host in host byte order to its dotted quad, as Python's socket module does. */
export function integerToIPv4(value: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(value / 2 ** shift) % 256).join('.');
}

/** True for 224.0.0.0/4 and ff00::/8. */
export function isMulticastAddress(address: string): boolean {
  if (isIPv4(address)) {
    const first = Number(address.split('.')[0]);
    return first >= 224 && first <= 239;
  }
  return isIPv6(address) && /^ff[0-9a-f]{2}:/i.test(address);
}

/**
 * Splits an IPv6 literal from its zone. In brackets (URL style) `%25` is the RFC 6874 escape of `%`
 * when more follows it, so `[fe80::1%25eth0]` is zone `eth0`; a bare `%25` stays zone `25`.
 */
function parseIPv6(original: string, inner: string, bracketed: boolean): HostInfo {
  const percent = inner.indexOf('%');
  const address = percent >= 0 ? inner.slice(0, percent) : inner;
  let zone = percent >= 0 ? inner.slice(percent + 1) : undefined;
  if (bracketed && zone !== undefined && zone.startsWith('25') && zone.length > 2) {
    zone = zone.slice(2);
  }
  if (!isIPv6(address)) {
    throw hostError(original, 'host-ipv6-invalid', 'is not a valid IPv6 address');
  }
  if (zone === undefined) {
    return { kind: 'ipv6', address, family: 6 };
  }
  if (zone === '') {
    throw hostError(original, 'host-zone-empty', "has an empty zone after '%': write fe80::1%eth0");
  }
  if (!ZONE.test(zone)) {
    throw hostError(original, 'host-zone-invalid', `has an invalid zone '${zone}': use an interface name or number`, { zone });
  }
  return { kind: 'ipv6', address, zone, family: 6 };
}

function checkName(original: string, ascii: string): void {
  const name = ascii.endsWith('.') ? ascii.slice(0, -1) : ascii;
  if (name.length > 253) {
    throw hostError(
      original,
      'host-name-too-long',
      `is ${name.length} characters long; host names have at most 253`,
      { length: name.length, max: 253 },
    );
  }
  const labels = name.split('.');
  for (const label of labels) {
    if (label === '') {
      throw hostError(original, 'host-label-empty', 'has an empty label (two dots in a row, or a leading dot)');
    }
    if (label.length > 63) {
      throw hostError(
        original,
        'host-label-too-long',
        `has a label of ${label.length} characters; labels have at most 63`,
        { label, length: label.length, max: 63 },
      );
    }
    const bad = /[^A-Za-z0-9_-]/.exec(label);
    if (bad !== null) {
      throw hostError(original, 'host-character', `has the character '${bad[0]}', which host names cannot contain`, { character: bad[0] });
    }
    if (!LABEL.test(label)) {
      throw hostError(original, 'host-label-hyphen', `has the label '${label}', which starts or ends with '-'`, { label });
    }
  }
  // getaddrinfo would read these as inet_aton forms (127.1, 0x7f.1): refuse rather than surprise.
  const last = labels[labels.length - 1];
  if (/^\d+$/.test(last) || /^0x[0-9a-f]*$/i.test(last)) {
    throw hostError(original, 'host-numeric-name', 'looks like a numeric address: write a dotted quad like 127.0.0.1 or an integer like 2130706433');
  }
}

function familyMismatch(host: string, hostFamily: 4 | 6, wanted: 4 | 6): EngineError {
  const names = { 4: 'IPv4', 6: 'IPv6' } as const;
  return new EngineError(
    'SPEC_HOST',
    `host '${host}' is an ${names[hostFamily]} address but ${names[wanted]} was asked for (family ${wanted})`,
    withReason('host-family', { host, family: wanted, hostFamily }),
  );
}

/**
 * Reads a host as the primer's table does: `''` is INADDR_ANY, `<broadcast>` is 255.255.255.255,
 * then dotted quads, IPv6 (with or without brackets, with a `%zone`), integers in host byte order,
 * and syntax-checked host names. Throws EngineError (SPEC_HOST, BROADCAST_NEEDS_UDP).
 */
export function parseHost(text: string, context: HostContext = {}): HostInfo {
  const info = classifyHost(text, context);
  if (info.kind === 'broadcast' && context.transport !== undefined && context.transport !== 'udp') {
    throw new EngineError(
      'BROADCAST_NEEDS_UDP',
      `'${BROADCAST_HOST}' needs UDP`,
      withReason('broadcast-needs-udp', { host: BROADCAST_HOST, transport: context.transport }),
    );
  }
  if (context.family !== undefined && info.kind !== 'name' && info.kind !== 'any' && info.family !== context.family) {
    throw familyMismatch(text, info.family, context.family);
  }
  return info;
}

function classifyHost(text: string, context: HostContext): HostInfo {
  if (text === '') {
    const ipv6 = context.family === 6 || (context.family === undefined && context.ipv6Only === true);
    return ipv6 ? { kind: 'any', address: '::', family: 6 } : { kind: 'any', address: '0.0.0.0', family: 4 };
  }
  if (text.toLowerCase() === BROADCAST_HOST) {
    return { kind: 'broadcast', address: BROADCAST_ADDRESS, family: 4 };
  }
  if (text.startsWith('[')) {
    if (!text.endsWith(']')) {
      throw hostError(text, 'host-bracket-unclosed', "is missing its closing ']'");
    }
    const inner = text.slice(1, -1);
    if (inner === '') {
      throw hostError(text, 'host-brackets-empty', 'has nothing between the brackets');
    }
    if (!inner.includes(':')) {
      throw hostError(text, 'host-brackets-not-ipv6', 'is in brackets, but brackets are only for IPv6 addresses');
    }
    return parseIPv6(text, inner, true);
  }
  if (text.includes(':')) {
    return parseIPv6(text, text, false);
  }
  if (/^\d+$/.test(text)) {
    if (text.length > 1 && text.startsWith('0')) {
      throw hostError(text, 'host-integer-leading-zero', 'starts with 0: write the integer without leading zeros, or a dotted quad');
    }
    const value = Number(text);
    if (value > MAX_INTEGER_HOST) {
      throw hostError(text, 'host-integer-range', `is out of range: an integer host is 0–${MAX_INTEGER_HOST}`, { max: MAX_INTEGER_HOST });
    }
    return { kind: 'integer', value, address: integerToIPv4(value), family: 4 };
  }
  if (/^[\d.]+$/.test(text)) {
    if (!DOTTED_QUAD.test(text)) {
      throw hostError(text, 'host-ipv4-invalid', 'is not a valid IPv4 address: write four numbers 0–255 without leading zeros, like 127.0.0.1');
    }
    return { kind: 'ipv4', address: text, family: 4 };
  }
  // Non-ASCII names resolve by their punycode form (bücher.de → xn--bcher-kva.de).
  let ascii = text;
  if (/[^\x20-\x7e]/.test(text)) {
    ascii = domainToASCII(text);
    if (ascii === '') {
      throw hostError(text, 'host-idn-invalid', 'is not a valid internationalized host name');
    }
  }
  checkName(text, ascii);
  return { kind: 'name', name: text, ascii };
}

/** The host as a SocketSpec stores it: no brackets, the zone after a plain `%`. */
export function hostText(info: HostInfo): string {
  switch (info.kind) {
    case 'any':
      return '';
    case 'broadcast':
      return BROADCAST_HOST;
    case 'ipv4':
      return info.address;
    case 'ipv6':
      return info.zone === undefined ? info.address : `${info.address}%${info.zone}`;
    case 'integer':
      return String(info.value);
    case 'name':
      return info.name;
  }
}

/**
 * Brackets an IPv6 host for spec text. A zone starting with `25` is written `%25…` so that reading it
 * back (where `%25` followed by more is the RFC 6874 escape) gives the same zone.
 */
export function bracketHost(host: string): string {
  if (!host.includes(':')) {
    return host;
  }
  const percent = host.indexOf('%');
  if (percent < 0) {
    return `[${host}]`;
  }
  const zone = host.slice(percent + 1);
  return `[${host.slice(0, percent)}%${zone.startsWith('25') ? '25' : ''}${zone}]`;
}

export interface HostPort {
  /** The host without brackets (a bracketed zone still has its RFC 6874 `%25`; parseHost reads it). */
  readonly host: string;
  /** Undefined when there is no `:PORT` at all; `''` for a trailing colon. */
  readonly port: string | undefined;
  readonly bracketed: boolean;
}

/**
 * Splits `HOST:PORT` text. IPv6 must be in brackets here, since its colons collide with the port's.
 */
export function splitHostPort(text: string): HostPort {
  if (text.startsWith('[')) {
    const close = text.indexOf(']');
    if (close < 0) {
      throw hostError(text, 'host-bracket-unclosed', "is missing its closing ']'");
    }
    const after = text.slice(close + 1);
    if (after !== '' && !after.startsWith(':')) {
      throw new EngineError('SPEC_SYNTAX', `unexpected '${after}' after ']': write [::1]:80`, withReason('text-after-bracket', { text: after }));
    }
    return { host: text.slice(0, close + 1), port: after === '' ? undefined : after.slice(1), bracketed: true };
  }
  const colons = text.split(':').length - 1;
  if (colons > 1) {
    throw new EngineError(
      'SPEC_HOST',
      `'${text}' is ambiguous: put IPv6 addresses in brackets: [::1]:80`,
      withReason('host-ambiguous-ipv6', { host: text }),
    );
  }
  if (colons === 0) {
    return { host: text, port: undefined, bracketed: false };
  }
  const colon = text.indexOf(':');
  return { host: text.slice(0, colon), port: text.slice(colon + 1), bracketed: false };
}

function portRange(text: string): EngineError {
  return new EngineError(
    'PORT_RANGE',
    `port ${text} is out of range 0–${MAX_PORT}`,
    withReason('port-range', { port: text, min: 0, max: MAX_PORT }),
  );
}

/**
 * Reads a port: digits 0–65535 (0 asks for an ephemeral port) or a service name looked up for the
 * given protocol. Throws EngineError (SPEC_PORT, PORT_RANGE, SERVICE_UNKNOWN).
 */
export function parsePort(text: string, protocol: ServiceProtocol, services: ServiceTable = systemServices()): number {
  if (text === '') {
    throw new EngineError(
      'SPEC_PORT',
      `missing port: write a number 0–${MAX_PORT} or a service name like http`,
      withReason('port-empty', { port: text, max: MAX_PORT }),
    );
  }
  if (/^\d+$/.test(text)) {
    const value = Number(text);
    if (value > MAX_PORT) {
      throw portRange(text);
    }
    return value;
  }
  if (/^[-+]\d+$/.test(text)) {
    if (text.startsWith('+')) {
      throw new EngineError('SPEC_PORT', `port '${text}' has a sign: write the number alone`, withReason('port-sign', { port: text }));
    }
    throw portRange(text);
  }
  // IANA service names have at least one letter, so `8.5` is a bad number rather than an unknown name.
  if (!/^[A-Za-z0-9][A-Za-z0-9_.+-]*$/.test(text) || !/[A-Za-z]/.test(text)) {
    throw new EngineError(
      'SPEC_PORT',
      `port '${text}' is neither a number 0–${MAX_PORT} nor a service name`,
      withReason('port-invalid', { port: text, max: MAX_PORT }),
    );
  }
  const port = services.lookup(text, protocol);
  if (port === undefined) {
    throw new EngineError('SERVICE_UNKNOWN', `unknown ${protocol} service '${text}'`, withReason('service-unknown', { service: text, protocol }));
  }
  return port;
}

/**
 * The one address syntax used everywhere (socat-spirited, URL-shaped):
 *
 *   tcp-listen://HOST:PORT   tcp://HOST:PORT   udp-listen://HOST:PORT   udp://HOST:PORT
 *   unix-listen:///path      unix:///path      unix://@abstract          unix-dgram[-listen]://…
 *   tls-listen://HOST:PORT   tls://HOST:PORT   (TLS over TCP; ?servername=&alpn=&ca=&cert=&key=&insecure=1)
 *
 * `tcp4`/`tcp6`/`udp4`/`udp6` set the family; options follow as a query (`?noDelay=1&ttl=4`).
 * `format` writes the canonical text, and `parse(format(spec))` gives `spec` back.
 */
import { isAllInterfacesAddress } from './address';
import { EngineError, withReason } from './shared/errors';
import { bracketHost, hostText, parseHost, parsePort, splitHostPort, type HostInfo } from './hostPort';
import { systemServices, type ServiceProtocol, type ServiceTable } from './serviceNames';
import type { Role, SocketSpec, SpecOptions, Transport } from './shared/types';

export { SPEC_OPTION_NAMES } from './specOptions';
export { percentDecode } from './percent';
export { checkUnixPath, maxUnixPathBytes } from './unix';
import { checkUnixPath } from './unix';
import { percentDecode, percentEncode, PATH_SPECIAL, QUERY_SPECIAL } from './percent';
import { checkFraming } from './framingOptions';
import { checkOptionValues, checkTlsOptions, ipFamily, optionError, OPTION_RULES, parseQuery, SPEC_OPTION_NAMES, type OptionRule } from './specOptions';

export interface ParseOptions {
  /** Service names for ports; the system's services file by default. */
  readonly services?: ServiceTable;
  /** Decides the UNIX path limit and whether abstract names exist; `process.platform` by default. */
  readonly platform?: NodeJS.Platform;
}

/** Fields a multi-step UI collects; `buildSpec` turns them into a checked SocketSpec. */
export interface SpecFields {
  readonly transport: Transport;
  readonly role: Role;
  /** With or without brackets for IPv6. Absent for IP transports means `''` (any address). */
  readonly host?: string;
  readonly port?: string | number;
  readonly path?: string;
  readonly options?: SpecOptions;
}

interface Scheme {
  readonly transport: Transport;
  readonly role: Role;
  readonly family?: 4 | 6;
}

const SCHEMES: ReadonlyMap<string, Scheme> = new Map<string, Scheme>([
  ['tcp', { transport: 'tcp', role: 'connect' }],
  ['tcp4', { transport: 'tcp', role: 'connect', family: 4 }],
  ['tcp6', { transport: 'tcp', role: 'connect', family: 6 }],
  ['tcp-listen', { transport: 'tcp', role: 'listen' }],
  ['tcp4-listen', { transport: 'tcp', role: 'listen', family: 4 }],
  ['tcp6-listen', { transport: 'tcp', role: 'listen', family: 6 }],
  ['udp', { transport: 'udp', role: 'connect' }],
  ['udp4', { transport: 'udp', role: 'connect', family: 4 }],
  ['udp6', { transport: 'udp', role: 'connect', family: 6 }],
  ['udp-listen', { transport: 'udp', role: 'listen' }],
  ['udp4-listen', { transport: 'udp', role: 'listen', family: 4 }],
  ['udp6-listen', { transport: 'udp', role: 'listen', family: 6 }],
  ['unix', { transport: 'unix', role: 'connect' }],
  ['unix-listen', { transport: 'unix', role: 'listen' }],
  ['unix-dgram', { transport: 'unix-dgram', role: 'connect' }],
  ['unix-dgram-listen', { transport: 'unix-dgram', role: 'listen' }],
  ['unixgram', { transport: 'unix-dgram', role: 'connect' }],
  ['unixgram-listen', { transport: 'unix-dgram', role: 'listen' }],
  ['tls', { transport: 'tls', role: 'connect' }],
  ['tls-listen', { transport: 'tls', role: 'listen' }],
]);

/** The canonical schemes, without the family variants, for completion lists. */
export const SPEC_SCHEMES: readonly string[] = [
  'tcp',
  'tcp-listen',
  'udp',
  'udp-listen',
  'unix',
  'unix-listen',
  'unix-dgram',
  'unix-dgram-listen',
  'tls',
  'tls-listen',
];

/** The canonical scheme: lower case, `tcp6-listen` for a family, `unix-dgram` rather than `unixgram`. */
export function schemeOf(transport: Transport, role: Role, family?: 4 | 6): string {
  const familyText = family !== undefined && (transport === 'tcp' || transport === 'udp') ? String(family) : '';
  return `${transport}${familyText}${role === 'listen' ? '-listen' : ''}`;
}

/** The canonical schemes an option applies to, so an error can say where to use it. */
function schemesWhere(rule: OptionRule): string[] {
  return SPEC_SCHEMES.filter((name) => {
    const scheme = SCHEMES.get(name);
    return scheme !== undefined && rule.applies(scheme.transport, scheme.role);
  });
}

/** The services(5) protocol of an IP transport; undefined for UNIX transports. */
export function protocolOf(transport: Transport): ServiceProtocol | undefined {
  if (transport === 'tls') {
    return 'tcp';
  }
  return transport === 'tcp' || transport === 'udp' ? transport : undefined;
}

// ---------------------------------------------------------------------------------------------
// Checking the fields

function hostFamily(info: HostInfo): 4 | 6 | undefined {
  return info.kind === 'name' ? undefined : info.family;
}

/** The one check every SocketSpec passes, whether parsed or built; returns the normalized spec. */
function checkFields(fields: SpecFields, context: ParseOptions): SocketSpec {
  const { transport, role } = fields;
  const options: SpecOptions = {};
  for (const [name, value] of Object.entries(fields.options ?? {}) as Array<[keyof SpecOptions, unknown]>) {
    if (value !== undefined) {
      (options as Record<string, unknown>)[name] = Array.isArray(value) ? [...(value as unknown[])] : value;
    }
  }
  checkOptionValues(options);
  checkTlsOptions(options);
  const scheme = `${schemeOf(transport, role)}://`;
  // Before the general check: framing on UDP has its own reason (datagrams are messages already).
  checkFraming(options, transport, scheme);
  for (const rule of OPTION_RULES) {
    if (options[rule.name] !== undefined && !rule.applies(transport, role)) {
      throw optionError(rule.name, 'option-not-applicable', `applies to ${rule.where}, not to ${scheme}`, undefined, {
        scheme: schemeOf(transport, role),
        schemes: schemesWhere(rule).join(','),
      });
    }
  }

  const protocol = protocolOf(transport);
  if (protocol === undefined) {
    if (fields.host !== undefined || fields.port !== undefined) {
      throw new EngineError(
        'SPEC_HOST',
        `${scheme} sockets have a path, not a host and port`,
        withReason('host-on-path-socket', { scheme: schemeOf(transport, role), host: fields.host, port: fields.port }),
      );
    }
    const path = fields.path ?? '';
    checkUnixPath(path, context.platform ?? process.platform);
    return { transport, role, path, options };
  }

  if (fields.path !== undefined) {
    throw new EngineError(
      'SPEC_PATH',
      `${scheme} sockets have a host and port, not a path`,
      withReason('path-on-ip-socket', { scheme: schemeOf(transport, role), path: fields.path }),
    );
  }
  if (options.ipv6Only === true && options.family === 4) {
    throw optionError('ipv6Only', 'ipv6only-needs-ipv6', 'needs IPv6, but the spec asks for IPv4 (family 4)');
  }
  const host = parseHost(fields.host ?? '', { transport, family: options.family, ipv6Only: options.ipv6Only });
  if (options.ipv6Only === true && host.kind !== 'any' && hostFamily(host) === 4) {
    throw optionError('ipv6Only', 'ipv6only-ipv4-host', `needs an IPv6 host, but '${hostText(host)}' is IPv4`, undefined, { host: hostText(host) });
  }
  if (options.broadcast === false && host.kind === 'broadcast') {
    throw optionError('broadcast', 'broadcast-off', "is off, but the host '<broadcast>' turns it on", undefined, { host: hostText(host) });
  }
  if (options.keepAliveDelay !== undefined && options.keepAlive !== true) {
    throw optionError('keepAliveDelay', 'keepalive-delay-needs-keepalive', 'needs keepAlive=1');
  }
  checkMulticastFamilies(options, options.family ?? (options.ipv6Only === true ? 6 : hostFamily(host)));

  if (fields.port === undefined) {
    throw new EngineError(
      'SPEC_PORT',
      `${scheme} needs a port: write HOST:PORT, e.g. localhost:8080`,
      withReason('port-required', { scheme: schemeOf(transport, role), host: fields.host }),
    );
  }
  const port = String(fields.port);
  if (parsePort(port, protocol, context.services ?? systemServices()) === 0 && role === 'connect') {
    throw new EngineError(
      'SPEC_PORT',
      `port ${port} asks for any free port, which only a listener can use`,
      withReason('port-zero-client', { port }),
    );
  }
  return { transport, role, host: hostText(host), port, options };
}

/** Multicast groups and the interface must match the socket's family (a udp4 socket cannot join ff02::1). */
function checkMulticastFamilies(options: SpecOptions, socketFamily: 4 | 6 | undefined): void {
  let family = socketFamily;
  const familyName = (value: 4 | 6): string => (value === 4 ? 'IPv4' : 'IPv6');
  const addresses: Array<[keyof SpecOptions, string]> = [
    ...(options.multicast ?? []).map((group): [keyof SpecOptions, string] => ['multicast', group]),
    ...(options.multicastInterface === undefined ? [] : [['multicastInterface', options.multicastInterface] as [keyof SpecOptions, string]]),
  ];
  // With a host name the socket's family is not known yet; then the first address sets it.
  let first: string | undefined;
  for (const [name, address] of addresses) {
    const addressFamily = ipFamily(address);
    if (addressFamily === undefined) {
      continue;
    }
    if (family !== undefined && addressFamily !== family) {
      const conflict =
        first === undefined
          ? `the socket is ${familyName(family)}${addressFamily === 6 ? ': write udp6-listen:// or bind an IPv6 host' : ''}`
          : `'${first}' is ${familyName(family)}: one socket uses one family`;
      const details = first === undefined ? { addressFamily, family } : { addressFamily, other: first, family };
      const reason = first === undefined ? 'option-family-mismatch' : 'option-family-conflict';
      throw optionError(name, reason, `has '${address}', which is ${familyName(addressFamily)}, but ${conflict}`, address, details);
    }
    if (family === undefined) {
      first = address;
    }
    family = addressFamily;
  }
}

// ---------------------------------------------------------------------------------------------
// Parse and format

/** Reads spec text into a checked SocketSpec. Throws EngineError naming the bad part. */
export function parseSpec(text: string, context: ParseOptions = {}): SocketSpec {
  const trimmed = text.trim();
  if (trimmed === '') {
    throw new EngineError('SPEC_SYNTAX', 'empty spec: write SCHEME://HOST:PORT, e.g. tcp://localhost:8080', withReason('spec-empty', { spec: text }));
  }
  const separator = trimmed.indexOf('://');
  if (separator < 0) {
    const colon = trimmed.indexOf(':');
    const maybeScheme = colon > 0 ? trimmed.slice(0, colon).toLowerCase() : '';
    if (SCHEMES.has(maybeScheme)) {
      const suggestion = `${maybeScheme}://${trimmed.slice(colon + 1)}`;
      throw new EngineError(
        'SPEC_SYNTAX',
        `'${trimmed}' needs '://' after the scheme: ${suggestion}`,
        withReason('scheme-separator-missing', { spec: trimmed, scheme: maybeScheme, suggestion }),
      );
    }
    throw new EngineError(
      'SPEC_SYNTAX',
      `'${trimmed}' has no scheme: write SCHEME://HOST:PORT, e.g. tcp://localhost:8080`,
      withReason('scheme-missing', { spec: trimmed }),
    );
  }
  const schemeText = trimmed.slice(0, separator);
  const scheme = SCHEMES.get(schemeText.toLowerCase());
  if (scheme === undefined) {
    throw new EngineError(
      'SPEC_SCHEME',
      `unknown scheme '${schemeText}': use ${SPEC_SCHEMES.join(', ')} (tcp4, tcp6, udp4 and udp6 choose the IP family)`,
      withReason('scheme-unknown', { scheme: schemeText }),
    );
  }
  const rest = trimmed.slice(separator + 3);
  const hash = rest.indexOf('#');
  if (hash >= 0) {
    throw new EngineError('SPEC_SYNTAX', `unexpected '#' in '${rest}': write it as %23`, withReason('hash-sign', { spec: trimmed, text: rest }));
  }
  const question = rest.indexOf('?');
  const body = question < 0 ? rest : rest.slice(0, question);
  const query = question < 0 ? '' : rest.slice(question + 1);

  let fields: SpecFields;
  if (scheme.transport === 'unix' || scheme.transport === 'unix-dgram') {
    const path = percentDecode(body);
    if (path === undefined) {
      throw new EngineError('SPEC_PATH', `unix path '${body}' has a percent escape that is not UTF-8`, withReason('path-escape', { path: body }));
    }
    fields = { transport: scheme.transport, role: scheme.role, path, options: parseQuery(query) };
  } else {
    const slash = body.indexOf('/');
    if (slash >= 0) {
      const extra = body.slice(slash);
      const unixSpec = slash === 0 ? `unix://${extra}` : undefined;
      const hint = unixSpec === undefined ? '' : ` (for a UNIX socket write ${unixSpec})`;
      const data = { spec: trimmed, scheme: schemeText.toLowerCase(), text: extra, ...(unixSpec === undefined ? {} : { unixSpec }) };
      throw new EngineError(
        'SPEC_SYNTAX',
        `unexpected '${extra}' after the port: ${schemeText.toLowerCase()} specs have no path${hint}`,
        withReason('path-after-port', data),
      );
    }
    const split = splitHostPort(body);
    // Read the host once without context so brackets and the RFC 6874 zone escape come off.
    const host = hostText(parseHost(split.host));
    if (split.port === undefined) {
      const where = body === '' ? `${schemeText.toLowerCase()}://` : `'${body}'`;
      throw new EngineError(
        'SPEC_PORT',
        `${where} has no port: write HOST:PORT, e.g. localhost:8080`,
        withReason('port-missing', { host: split.host, text: body, scheme: schemeText.toLowerCase() }),
      );
    }
    fields = { transport: scheme.transport, role: scheme.role, host, port: split.port, options: parseQuery(query) };
  }

  if (scheme.family !== undefined) {
    const options = fields.options ?? {};
    if (options.family !== undefined && options.family !== scheme.family) {
      throw optionError(
        'family',
        'family-scheme-conflict',
        `is ${options.family}, but the scheme ${schemeText.toLowerCase()} asks for ${scheme.family}`,
        String(options.family),
        { scheme: schemeText.toLowerCase(), family: scheme.family },
      );
    }
    fields = { ...fields, options: { ...options, family: scheme.family } };
  }
  return checkFields(fields, context);
}

function formatOption(rule: OptionRule, value: SpecOptions[keyof SpecOptions]): string {
  if (typeof value === 'boolean') {
    return value ? '1' : '0';
  }
  if (Array.isArray(value)) {
    return value.map((group) => percentEncode(group, QUERY_SPECIAL)).join(',');
  }
  return rule.kind === 'interface' || rule.kind === 'text' || rule.kind === 'servername' ? percentEncode(String(value), QUERY_SPECIAL) : String(value);
}

/**
 * Writes the canonical text: lower-case scheme carrying the family, brackets around IPv6, options
 * in the fixed order with booleans as 1/0. Does not check the spec; `buildSpec` does.
 */
export function formatSpec(spec: SocketSpec): string {
  const scheme = schemeOf(spec.transport, spec.role, spec.options.family);
  let body: string;
  if (spec.transport === 'unix' || spec.transport === 'unix-dgram') {
    body = percentEncode(spec.path ?? '', PATH_SPECIAL);
  } else {
    body = `${bracketHost(spec.host ?? '')}:${spec.port ?? ''}`;
  }
  // tls:// has no tls4/tls6 scheme: its family stays in the query.
  const familyInScheme = spec.transport === 'tcp' || spec.transport === 'udp';
  const query = OPTION_RULES.filter((rule) => (rule.name !== 'family' || !familyInScheme) && spec.options[rule.name] !== undefined)
    .map((rule) => `${rule.name}=${formatOption(rule, spec.options[rule.name])}`)
    .join('&');
  return `${scheme}://${body}${query === '' ? '' : `?${query}`}`;
}

/**
 * Makes a checked SocketSpec from separate fields (a multi-step UI): IPv6 hosts may come with or
 * without brackets, ports as numbers or text; options left undefined are dropped.
 */
export function buildSpec(fields: SpecFields, context: ParseOptions = {}): SocketSpec {
  return checkFields(fields, context);
}

export const socketSpec = {
  parse: parseSpec,
  format: formatSpec,
  build: buildSpec,
  schemeOf,
  schemes: SPEC_SCHEMES,
  optionNames: SPEC_OPTION_NAMES,
} as const;

/**
 * True when the spec's literal host binds every interface: `''`, `0`, `0.0.0.0`, `::` in any
 * spelling and `::ffff:0.0.0.0`. A name is only known once it resolves: the engine asks its owner
 * then (EngineOptions.confirmAllInterfaces); this check is for labels and warnings in a UI.
 */
export function bindsAllInterfaces(spec: SocketSpec): boolean {
  if (protocolOf(spec.transport) === undefined || spec.role !== 'listen' || spec.host === undefined) {
    return false;
  }
  try {
    const info = parseHost(spec.host, { family: spec.options.family, ipv6Only: spec.options.ipv6Only });
    return info.kind !== 'name' && isAllInterfacesAddress(info.address);
  } catch {
    return false;
  }
}

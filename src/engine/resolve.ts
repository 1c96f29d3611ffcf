/**
 * Turns an IP spec into addresses and a port. Literal hosts need no DNS; names go through
 * dns.lookup (getaddrinfo, so /etc/hosts counts) with `all: true`, and every address is kept so the
 * UI can show what a name meant.
 */
import { lookup as dnsLookup } from 'node:dns/promises';
import { EngineError, fromSystemError, withReason, type SocketErrorReason } from './shared/errors';
import { parseHost, parsePort, type HostInfo } from './hostPort';
import { systemServices, type ServiceTable } from './serviceNames';
import { protocolOf, schemeOf } from './spec';
import type { SocketSpec } from './shared/types';

export interface ResolvedAddress {
  readonly address: string;
  readonly family: 4 | 6;
}

export interface ResolvedEndpoint {
  /** In resolver order, duplicates removed. IPv6 addresses keep their `%zone`. */
  readonly addresses: readonly ResolvedAddress[];
  readonly port: number;
  /** SO_BROADCAST is needed: the host is `<broadcast>` or the spec says `broadcast=1`. */
  readonly broadcast: boolean;
}

/** The shape of `dns.promises.lookup` with `all: true`; injected in tests. */
export type LookupFunction = (
  hostname: string,
  options: { readonly all: true; readonly family: 0 | 4 | 6 },
) => Promise<ReadonlyArray<{ readonly address: string; readonly family: number }>>;

export interface ResolveOptions {
  readonly lookup?: LookupFunction;
  readonly services?: ServiceTable;
  /** Give up on a name lookup after this many ms (ETIMEDOUT); getaddrinfo itself may wait much longer. */
  readonly timeout?: number;
}

const defaultLookup: LookupFunction = (hostname, options) => dnsLookup(hostname, { all: true, family: options.family });

const NOT_FOUND_CODES: ReadonlySet<string> = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_NONAME', 'EAI_NODATA', 'ENODATA']);

function notFound(host: string, family: 0 | 4 | 6, systemCode?: string): EngineError {
  const message = family === 0 ? `host '${host}' not found` : `host '${host}' has no IPv${family} address`;
  const reason: SocketErrorReason = family === 0 ? 'host-not-found' : 'host-no-family-address';
  const data: Record<string, string | number> = { reason, host };
  if (family !== 0) {
    data.family = family;
  }
  if (systemCode !== undefined) {
    data.systemCode = systemCode;
  }
  return new EngineError('ENOTFOUND', message, data);
}

async function withTimeout<T>(promise: Promise<T>, timeout: number | undefined, host: string): Promise<T> {
  if (timeout === undefined) {
    return promise;
  }
  let timer: NodeJS.Timeout | undefined;
  const data = withReason('lookup-timeout', { host, timeout });
  const expired = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(
      () => reject(new EngineError('ETIMEDOUT', `looking up host '${host}' took longer than ${timeout} ms`, data)),
      timeout,
    );
  });
  try {
    return await Promise.race([promise, expired]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The addresses a parsed host stands for. Names are looked up with the family asked for (0: both),
 * and answers of another family are dropped in case the lookup ignored the hint.
 */
export async function resolveHost(
  info: HostInfo,
  options: { readonly family?: 4 | 6; readonly lookup?: LookupFunction; readonly timeout?: number } = {},
): Promise<ResolvedAddress[]> {
  switch (info.kind) {
    case 'any':
    case 'broadcast':
    case 'ipv4':
    case 'integer':
      return [{ address: info.address, family: info.family }];
    case 'ipv6':
      return [{ address: info.zone === undefined ? info.address : `${info.address}%${info.zone}`, family: 6 }];
    case 'name':
      break;
  }
  const family = options.family ?? 0;
  let answers: ReadonlyArray<{ readonly address: string; readonly family: number }>;
  try {
    answers = await withTimeout((options.lookup ?? defaultLookup)(info.ascii, { all: true, family }), options.timeout, info.name);
  } catch (error) {
    if (error instanceof EngineError) {
      throw error;
    }
    const code = (error as { code?: unknown } | null)?.code;
    if (typeof code === 'string' && NOT_FOUND_CODES.has(code)) {
      throw notFound(info.name, family, code);
    }
    throw fromSystemError(error, { host: info.name });
  }
  const seen = new Set<string>();
  const addresses: ResolvedAddress[] = [];
  for (const answer of answers) {
    if ((answer.family !== 4 && answer.family !== 6) || (family !== 0 && answer.family !== family) || seen.has(answer.address)) {
      continue;
    }
    seen.add(answer.address);
    addresses.push({ address: answer.address, family: answer.family });
  }
  if (addresses.length === 0) {
    throw notFound(info.name, family);
  }
  return addresses;
}

/**
 * Resolves an IP spec's host and port. `ipv6Only` without a family looks up IPv6 only, since such a
 * socket cannot use IPv4 addresses.
 */
export async function resolveEndpoint(spec: SocketSpec, options: ResolveOptions = {}): Promise<ResolvedEndpoint> {
  const protocol = protocolOf(spec.transport);
  if (protocol === undefined || spec.host === undefined || spec.port === undefined) {
    throw new EngineError(
      'UNSUPPORTED',
      `${schemeOf(spec.transport, spec.role)}:// sockets have a path, not a host to resolve`,
      withReason('resolve-path-socket', { scheme: schemeOf(spec.transport, spec.role), transport: spec.transport }),
    );
  }
  const family = spec.options.family ?? (spec.options.ipv6Only === true ? 6 : undefined);
  const info = parseHost(spec.host, { transport: spec.transport, family, ipv6Only: spec.options.ipv6Only });
  const port = parsePort(spec.port, protocol, options.services ?? systemServices());
  const addresses = await resolveHost(info, { family, lookup: options.lookup, timeout: options.timeout });
  return { addresses, port, broadcast: info.kind === 'broadcast' || spec.options.broadcast === true };
}

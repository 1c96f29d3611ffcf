/**
 * Listen on Port…'s one line of input, without any UI: `8080`, `:8080`, `udp:5353`, `tls:8443`, `[::1]:8080`,
 * `tcp:localhost:http`, or a whole listener spec. The host defaults to 127.0.0.1 (`:8080` stays on
 * loopback, unlike a spec's empty host), the port to the last one used for that kind.
 */
import * as vscode from 'vscode';
import { buildSpec, EngineError, formatSpec, isEngineError, parseHost, parsePort, parseSpec, splitHostPort, type SocketSpec } from '../engine';
import { describeError } from '../messages';
import type { RecentAddresses } from './recent';
import type { StepCheck } from './steps';

export type ListenTransport = 'tcp' | 'udp' | 'tls';

const RECENT_KIND = { tcp: 'tcp-server', udp: 'udp-listen', tls: 'tls-server' } as const;

export const LISTEN_HOST = '127.0.0.1';

/** The last port a listener of this kind was opened on (0 skipped: it says nothing about the port the user wants). */
export function lastListenPort(recent: RecentAddresses, transport: ListenTransport): string | undefined {
  for (const text of recent.list(RECENT_KIND[transport])) {
    try {
      const port = parseSpec(text).port;
      if (port !== undefined && port !== '0') {
        return port;
      }
    } catch {
      // An unreadable entry is skipped.
    }
  }
  return undefined;
}

export type LastPorts = Readonly<Partial<Record<ListenTransport, string>>>;

function noPort(transport: ListenTransport): EngineError {
  return new EngineError('INVALID_ARGUMENT', vscode.l10n.t('Type a port to listen on, for example {0}.', transport === 'udp' ? 'udp:5353' : transport === 'tls' ? 'tls:8443' : '8080'), {});
}

/** A bare word is a port when it reads as one (digits, a service name), else a host. */
function readsAsPort(text: string, transport: ListenTransport): boolean {
  try {
    parsePort(text, transport === 'udp' ? 'udp' : 'tcp');
    return true;
  } catch {
    return false;
  }
}

/**
 * The spec for the text; throws the engine's EngineError (localized by describeError) naming the
 * bad part. A whole spec must be a TCP, TLS, UDP or UNIX listener.
 */
export function listenSpec(text: string, last: LastPorts): SocketSpec {
  const trimmed = text.trim();
  if (trimmed.includes('://')) {
    const spec = parseSpec(trimmed);
    if (spec.role !== 'listen' || (spec.transport !== 'tcp' && spec.transport !== 'udp' && spec.transport !== 'unix' && spec.transport !== 'tls')) {
      throw new EngineError(
        'INVALID_ARGUMENT',
        vscode.l10n.t('Listen on Port opens listeners, not {0}; Open Socket from Address opens any kind.', formatSpec(spec)),
        { spec: trimmed },
      );
    }
    return spec;
  }
  const prefix = /^(tcp|udp|tls):/i.exec(trimmed);
  const transport: ListenTransport = prefix === null ? 'tcp' : (prefix[1].toLowerCase() as ListenTransport);
  const rest = prefix === null ? trimmed : trimmed.slice(prefix[0].length);
  let host = LISTEN_HOST;
  let port: string | undefined;
  if (rest === '' || rest === ':') {
    port = last[transport];
  } else if (rest.startsWith(':')) {
    port = rest.slice(1);
  } else if (rest.startsWith('[') || rest.includes(':')) {
    const split = splitHostPort(rest);
    host = split.host.startsWith('[') ? split.host.slice(1, -1) : split.host;
    port = split.port === '' || split.port === undefined ? last[transport] : split.port;
  } else if (readsAsPort(rest, transport) || /^\d+$/.test(rest)) {
    port = rest;
  } else {
    // A host alone (`localhost`, `::1` needs brackets with a port): the last port.
    parseHost(rest, { transport });
    host = rest;
    port = last[transport];
  }
  if (port === undefined) {
    throw noPort(transport);
  }
  return buildSpec({ transport, role: 'listen', host, port, options: {} });
}

/** Checks the text as it is typed: the error, or what will open. */
export function checkListenText(text: string, last: LastPorts): StepCheck<SocketSpec> {
  try {
    const spec = listenSpec(text, last);
    return { ok: true, value: spec, hint: vscode.l10n.t('Opens {0}', formatSpec(spec)) };
  } catch (error) {
    // Listen's own sentences are already whole; the engine's get describeError's wording.
    const own = isEngineError(error) && error.code === 'INVALID_ARGUMENT';
    return { ok: false, message: own ? error.message : describeError(error) };
  }
}

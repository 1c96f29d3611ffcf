/**
 * How a socket reads to people: its kind, icon, address, label, and numbers, sizes and ages in the
 * display language (1.2 KB in English is 1,2 KB in Turkish). One module for the view, its tooltips,
 * the status bar, the pickers and the panel, so they all say the same thing.
 */
import * as vscode from 'vscode';
import { type Address, bracketHost, formatAddress, isConnectionKind, isServerKind, parseSpec, type SocketInfo, type SocketKind, type TranscriptBudget } from './engine';

// The kind and state rules live with the engine (one place, pure); re-exported for the UI.
export { canSend, isClosedState, isConnectionKind, isOpenState, isServerKind, isStreamKind, sendRefusal } from './engine';

const UNITS = ['KB', 'MB', 'GB', 'TB'] as const;

let cachedLocale: string | undefined;
let decimalFormat: Intl.NumberFormat;
let integerFormat: Intl.NumberFormat;
let relativeFormat: Intl.RelativeTimeFormat;

/** Intl objects are costly to build and the view formats at up to 10 Hz: build them once per language. */
function formats(): { decimal: Intl.NumberFormat; integer: Intl.NumberFormat; relative: Intl.RelativeTimeFormat } {
  const locale = vscode.env.language;
  if (cachedLocale !== locale) {
    cachedLocale = locale;
    decimalFormat = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
    integerFormat = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
    relativeFormat = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  }
  return { decimal: decimalFormat, integer: integerFormat, relative: relativeFormat };
}

/** `30 B`, `1.2 KB`, `3.4 GB` (binary multiples, as VS Code shows file sizes). */
export function formatBytes(bytes: number): string {
  const { decimal, integer } = formats();
  if (bytes < 1024) {
    return `${integer.format(bytes)} B`;
  }
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${decimal.format(value)} ${UNITS[unit]}`;
}

/** An exact count with the language's digit grouping: 1,234,567 or 1.234.567. */
export function formatCount(value: number): string {
  return formats().integer.format(value);
}

/** `5 minutes ago`, `now`, `3 gün önce`: how long ago `time` (ms since the epoch) was. */
export function formatAge(time: number, now = Date.now()): string {
  const seconds = Math.round((time - now) / 1000);
  const { relative } = formats();
  const magnitude = Math.abs(seconds);
  if (magnitude < 60) {
    return relative.format(seconds, 'second');
  }
  if (magnitude < 3600) {
    return relative.format(Math.round(seconds / 60), 'minute');
  }
  if (magnitude < 86_400) {
    return relative.format(Math.round(seconds / 3600), 'hour');
  }
  return relative.format(Math.round(seconds / 86_400), 'day');
}

/**
 * `server transcript: 16 MB of 16 MB, 1,234 entries dropped`: what a transcript budget holds. A
 * server and its connections share the server's, so both say "server transcript".
 */
export function budgetText(budget: TranscriptBudget, kind: SocketKind): string {
  const held = formatBytes(budget.heldBytes);
  const most = formatBytes(budget.maxBytes);
  const text = isServerKind(kind) || isConnectionKind(kind)
    ? vscode.l10n.t('server transcript: {0} of {1}', held, most)
    : vscode.l10n.t('transcript: {0} of {1}', held, most);
  if (budget.droppedEntries === 0) {
    return text;
  }
  return budget.droppedEntries === 1
    ? vscode.l10n.t('{0}, 1 entry dropped', text)
    : vscode.l10n.t('{0}, {1} entries dropped', text, formatCount(budget.droppedEntries));
}

/** `↓ 1.2 KB ↑ 30 B`: bytes received and sent. */
export function formatTraffic(bytesIn: number, bytesOut: number): string {
  return `↓ ${formatBytes(bytesIn)} ↑ ${formatBytes(bytesOut)}`;
}

/** The codicon of each kind, the same family the view title actions use. */
export function kindIcon(kind: SocketKind): string {
  switch (kind) {
    case 'tcp-server':
      return 'server-process';
    case 'tcp-client':
      return 'plug';
    case 'udp':
      return 'broadcast';
    case 'unix-server':
      return 'server-environment';
    case 'unix-client':
      return 'debug-disconnect';
    case 'tcp-connection':
    case 'unix-connection':
      return 'arrow-swap';
  }
}

/** The user's name for the socket, or its address: titles, pickers and messages. */
export function socketLabel(info: SocketInfo): string {
  return info.name ?? socketAddress(info);
}

function present(address: Address | undefined): address is Address {
  return address !== undefined && address.address !== '';
}

/** The address a spec names, for a socket that has none live (closed, failed, still connecting). */
function specAddress(info: SocketInfo): string {
  try {
    const spec = parseSpec(info.spec);
    if (spec.path !== undefined) {
      return spec.path;
    }
    const host = spec.host === '' ? '*' : bracketHost(spec.host ?? '');
    return `${host}:${spec.port ?? ''}`;
  } catch {
    return info.spec;
  }
}

/**
 * The address that identifies a top-level socket: where a server listens, where a client
 * connects, a UDP socket's local address and default target (`127.0.0.1:5000 → 127.0.0.1:9`),
 * a UNIX socket's path.
 */
export function socketAddress(info: SocketInfo): string {
  switch (info.kind) {
    case 'tcp-server':
    case 'unix-server':
      return present(info.local) ? formatAddress(info.local) : specAddress(info);
    case 'tcp-client':
    case 'unix-client':
      return present(info.remote) ? formatAddress(info.remote) : specAddress(info);
    case 'udp': {
      if (!present(info.local)) {
        return specAddress(info);
      }
      const local = formatAddress(info.local);
      return info.defaultTarget === undefined ? local : `${local} → ${formatAddress(info.defaultTarget)}`;
    }
    default:
      return connectionAddress(info);
  }
}

/** The other end of an accepted connection; a UNIX peer has no address, only its number. */
export function connectionAddress(info: SocketInfo): string {
  if (present(info.remote)) {
    return formatAddress(info.remote);
  }
  return vscode.l10n.t('Connection #{0}', connectionNumber(info.id));
}

/** `s3.17` → `17`: the server numbers its connections in accept order. */
export function connectionNumber(id: string): string {
  const dot = id.lastIndexOf('.');
  return dot < 0 ? id : id.slice(dot + 1);
}

/** `backlog=16`, `reuseAddress=1`, `multicast=239.1.2.3,239.1.2.4`: the options as a spec writes them. */
export function formatOptions(options: SocketInfo['options']): string[] {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(options)) {
    if (value === undefined) {
      continue;
    }
    const text = typeof value === 'boolean' ? (value ? '1' : '0') : Array.isArray(value) ? value.join(',') : String(value);
    parts.push(`${key}=${text}`);
  }
  return parts;
}

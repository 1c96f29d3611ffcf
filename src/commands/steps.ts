/**
 * The guided input's step logic, without any UI: what each step suggests, how typed text is checked
 * (with the engine's own parser, so an inline message reads exactly like an error from Open Socket
 * from Address), and how the answers become a spec. The QuickInput flows in guidedOpen.ts only
 * display these results; tests call them directly.
 * The kinds (guidedKinds.ts) and the spec building (guidedSpec.ts) live apart and are re-exported here.
 */
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  bracketHost,
  checkUnixPath,
  type HostInfo,
  isAllInterfacesAddress,
  parseHost,
  parsePort,
  parseSpec,
  type SpecOptions,
  splitHostPort,
  systemServices,
} from '../engine';
import { describeError } from '../messages';
import { GUIDED_KINDS, isListenerKind, type GuidedKind, type StepCheck } from './guidedKinds';

export * from './guidedKinds';
export * from './guidedSpec';

// ---------------------------------------------------------------------------------------------
// Host

export interface HostSuggestion {
  /** The host as a spec stores it: `''` for all interfaces, IPv6 without brackets. */
  readonly host: string;
  /** Set for a recent address: picking it prefills the port step. */
  readonly port?: string;
  readonly label: string;
  readonly description: string;
  readonly recent: boolean;
  /** The host binds every interface (`''`, `0.0.0.0`, `::`, `::ffff:0.0.0.0`, …): shown with a warning. */
  readonly allInterfaces: boolean;
}

/** True for a literal host that binds every interface, in any spelling; names are decided when they resolve. */
export function hostBindsAllInterfaces(host: string): boolean {
  try {
    const info = parseHost(host);
    return info.kind !== 'name' && isAllInterfacesAddress(info.address);
  } catch {
    return false;
  }
}

const ALL_INTERFACES_LABEL = (): string => vscode.l10n.t('All interfaces');

function standardHostDescription(host: string): string {
  switch (host) {
    case '127.0.0.1':
      return vscode.l10n.t('IPv4 loopback: this machine only');
    case '::1':
      return vscode.l10n.t('IPv6 loopback: this machine only');
    case 'localhost':
      return vscode.l10n.t('Resolved when the socket opens (IPv4 or IPv6)');
    case '':
      return vscode.l10n.t("'' = 0.0.0.0 (INADDR_ANY): reachable from the network");
    case '<broadcast>':
      return vscode.l10n.t('255.255.255.255 with SO_BROADCAST');
    default:
      return hostBindsAllInterfaces(host) ? vscode.l10n.t('{0} = all interfaces: reachable from the network', host) : '';
  }
}

/** `host:port` for a recent spec of an IP kind (brackets for IPv6), or undefined for UNIX ones. */
function recentHostPort(specText: string): { readonly host: string; readonly port: string } | undefined {
  try {
    const spec = parseSpec(specText);
    return spec.host === undefined || spec.port === undefined ? undefined : { host: spec.host, port: spec.port };
  } catch {
    return undefined;
  }
}

/** The host label as a user types it: `[::1]:80`, `*:80` never (all interfaces has its own label). */
export function hostPortLabel(host: string, port: string): string {
  return `${host === '' ? ALL_INTERFACES_LABEL() : bracketHost(host)}:${port}`;
}

/**
 * Suggestions for the host step, best first: the default host setting, recently used addresses
 * (most recent first, with their port), then the standard ones that fit the kind.
 */
export function hostSuggestions(kind: GuidedKind, defaultHost: string, recentSpecs: readonly string[]): HostSuggestion[] {
  const listener = isListenerKind(kind);
  const standard = ['127.0.0.1', '::1'];
  if (!listener) {
    standard.push('localhost');
  }
  if (listener) {
    standard.push('');
  }
  if (kind === 'udp-peer') {
    standard.push('<broadcast>');
  }
  const result: HostSuggestion[] = [];
  const add = (host: string, port: string | undefined, recent: boolean, description: string): void => {
    const label = port === undefined ? (host === '' ? ALL_INTERFACES_LABEL() : host) : hostPortLabel(host, port);
    if (!result.some((existing) => existing.label === label)) {
      result.push({ host, port, label, description, recent, allInterfaces: hostBindsAllInterfaces(host) });
    }
  };
  if (checkHost(defaultHost, kind).ok) {
    const known = standardHostDescription(defaultHost);
    const setting = vscode.l10n.t('default host setting');
    add(defaultHost, undefined, false, known === '' ? setting : `${known} · ${setting}`);
  }
  for (const specText of recentSpecs) {
    const address = recentHostPort(specText);
    if (address !== undefined) {
      add(address.host, address.port, true, vscode.l10n.t('recently used'));
    }
  }
  for (const host of standard) {
    add(host, undefined, false, standardHostDescription(host));
  }
  return result;
}

export interface HostAnswer {
  readonly host: string;
  /** A port typed along with the host (`localhost:8080`), to prefill the port step. */
  readonly port?: string;
}

function hostHint(info: HostInfo): string {
  if (info.kind === 'name') {
    return vscode.l10n.t('Host name, resolved when the socket opens.');
  }
  if (info.kind === 'broadcast') {
    return vscode.l10n.t('Broadcast to 255.255.255.255; SO_BROADCAST is turned on.');
  }
  // 0.0.0.0, 0, ::, 0:0:0:0:0:0:0:0 and ::ffff:0.0.0.0 all reach every interface.
  if (info.kind === 'any' || isAllInterfacesAddress(info.address)) {
    return vscode.l10n.t('All interfaces ({0}): the socket is reachable from other machines.', info.address);
  }
  switch (info.kind) {
    case 'ipv4':
      return info.address.startsWith('127.') ? vscode.l10n.t('IPv4 loopback address: this machine only.') : vscode.l10n.t('IPv4 address.');
    case 'ipv6':
      return info.address === '::1' ? vscode.l10n.t('IPv6 loopback address: this machine only.') : vscode.l10n.t('IPv6 address.');
    case 'integer':
      return vscode.l10n.t('Integer host {0} = {1}.', String(info.value), info.address);
  }
}

/**
 * Checks the host step's text. Accepts a bare host (IPv6 with or without brackets) or `host:port`
 * (IPv6 in brackets), so a pasted `localhost:8080` fills both steps.
 */
export function checkHost(text: string, kind: GuidedKind): StepCheck<HostAnswer> {
  const { transport } = GUIDED_KINDS[kind];
  const trimmed = text.trim();
  if (trimmed === '' && !isListenerKind(kind)) {
    return { ok: false, message: vscode.l10n.t("A client needs the server's host, for example 127.0.0.1 or localhost.") };
  }
  let host = trimmed;
  let port: string | undefined;
  let info: HostInfo;
  try {
    info = parseHost(trimmed, { transport });
  } catch (firstError) {
    // Not a host alone: maybe `host:port`.
    let split;
    try {
      split = splitHostPort(trimmed);
    } catch {
      return { ok: false, message: describeError(firstError) };
    }
    if (split.port === undefined) {
      return { ok: false, message: describeError(firstError) };
    }
    try {
      info = parseHost(split.host, { transport });
    } catch (error) {
      return { ok: false, message: describeError(error) };
    }
    host = split.host;
    port = split.port;
  }
  if (host.startsWith('[') && host.endsWith(']')) {
    host = host.slice(1, -1);
  }
  if (port !== undefined) {
    // The whole input is checked here, so `127.0.0.1:70000` is refused before any later step.
    const portCheck = checkPort(port, kind);
    if (!portCheck.ok) {
      return { ok: false, message: portCheck.message };
    }
    return { ok: true, value: { host, port }, hint: `${hostHint(info)} ${portCheck.hint ?? ''}`.trim(), warning: portCheck.warning };
  }
  return { ok: true, value: { host, port }, hint: hostHint(info) };
}

// ---------------------------------------------------------------------------------------------
// Port

export function checkPort(text: string, kind: GuidedKind): StepCheck<number> {
  const { transport } = GUIDED_KINDS[kind];
  const protocol = transport === 'udp' ? 'udp' : 'tcp';
  const trimmed = text.trim();
  let port: number;
  try {
    port = parsePort(trimmed, protocol);
  } catch (error) {
    return { ok: false, message: describeError(error) };
  }
  if (port === 0) {
    return isListenerKind(kind)
      ? { ok: true, value: 0, hint: vscode.l10n.t('Port 0: the system picks a free (ephemeral) port; it is shown once the socket is open.') }
      : { ok: false, message: vscode.l10n.t("Port 0 means any free port, which only a listener can use: give the server's port.") };
  }
  const isName = !/^\d+$/.test(trimmed);
  const service = systemServices().nameOf(port, protocol);
  let hint: string;
  if (isName) {
    hint = vscode.l10n.t("Service '{0}' is port {1}/{2}.", trimmed, String(port), protocol);
  } else if (service !== undefined) {
    hint = vscode.l10n.t('Port {0} ({1}/{2}).', String(port), service, protocol);
  } else {
    hint = vscode.l10n.t('Port {0}.', String(port));
  }
  if (isListenerKind(kind) && port < 1024) {
    return { ok: true, value: port, hint, warning: vscode.l10n.t('Ports below 1024 need privileges to bind (EACCES otherwise).') };
  }
  return { ok: true, value: port, hint };
}

// ---------------------------------------------------------------------------------------------
// UNIX path

/** A default path for a new UNIX socket server, in the system's temp folder. */
export function defaultUnixPath(): string {
  return path.join(os.tmpdir(), 'socket-workbench.sock');
}

/** Makes a typed path absolute: relative paths are relative to the workspace folder, `~/` to home. */
export function resolveUnixPath(text: string, workspaceFolder: string | undefined): string {
  const trimmed = text.trim();
  if (trimmed === '' || trimmed.startsWith('@') || path.isAbsolute(trimmed)) {
    return trimmed;
  }
  if (trimmed === '~' || trimmed.startsWith('~/')) {
    return path.join(os.homedir(), trimmed.slice(1));
  }
  return path.resolve(workspaceFolder ?? os.homedir(), trimmed);
}

export function checkUnixPathInput(text: string, workspaceFolder: string | undefined): StepCheck<string> {
  const resolved = resolveUnixPath(text, workspaceFolder);
  try {
    checkUnixPath(resolved);
  } catch (error) {
    return { ok: false, message: describeError(error) };
  }
  if (resolved.startsWith('@')) {
    return { ok: true, value: resolved, hint: vscode.l10n.t('Abstract socket name (Linux): no file is created.') };
  }
  const hint = resolved === text.trim() ? vscode.l10n.t('Socket file {0}.', resolved) : vscode.l10n.t('Resolves to {0}.', resolved);
  return { ok: true, value: resolved, hint };
}

// ---------------------------------------------------------------------------------------------
// Options

export interface OptionChoice {
  readonly name: keyof SpecOptions;
  readonly label: string;
  readonly description: string;
}

/** The boolean options worth a checkbox for each kind; the rest stay available through a spec. */
export function optionChoices(kind: GuidedKind): OptionChoice[] {
  const all: Record<string, OptionChoice> = {
    // SO_REUSEADDR means different things: TIME_WAIT exists only for TCP; UDP sockets share the port.
    reuseAddress: GUIDED_KINDS[kind].transport === 'udp'
      ? { name: 'reuseAddress', label: 'reuseAddress', description: vscode.l10n.t('SO_REUSEADDR: share the port with other sockets (several multicast receivers)') }
      : { name: 'reuseAddress', label: 'reuseAddress', description: vscode.l10n.t('SO_REUSEADDR: rebind a port still in TIME_WAIT') },
    ipv6Only: { name: 'ipv6Only', label: 'ipv6Only', description: vscode.l10n.t('IPV6_V6ONLY: an IPv6 socket that does not take IPv4') },
    noDelay: { name: 'noDelay', label: 'noDelay', description: vscode.l10n.t("TCP_NODELAY: send small writes at once (no Nagle)") },
    keepAlive: { name: 'keepAlive', label: 'keepAlive', description: vscode.l10n.t('SO_KEEPALIVE: probe idle connections') },
    allowHalfOpen: { name: 'allowHalfOpen', label: 'allowHalfOpen', description: vscode.l10n.t("Stay writable after the peer's FIN") },
    broadcast: { name: 'broadcast', label: 'broadcast', description: vscode.l10n.t('SO_BROADCAST: allow sending to broadcast addresses') },
    removeStale: { name: 'removeStale', label: 'removeStale', description: vscode.l10n.t('Remove a stale socket file nobody listens on') },
    insecure: { name: 'insecure', label: 'insecure', description: vscode.l10n.t('Skip certificate verification: the socket is marked unverified') },
    requestCert: { name: 'requestCert', label: 'requestCert', description: vscode.l10n.t('Ask every client for a certificate, and refuse those that do not verify') },
  };
  const names: Record<GuidedKind, readonly string[]> = {
    'tcp-server': ['reuseAddress', 'ipv6Only', 'noDelay', 'keepAlive', 'allowHalfOpen'],
    'tcp-client': ['noDelay', 'keepAlive', 'allowHalfOpen'],
    'tls-server': ['requestCert', 'reuseAddress', 'ipv6Only', 'noDelay'],
    'tls-client': ['insecure', 'noDelay', 'keepAlive'],
    'udp-listen': ['reuseAddress', 'ipv6Only', 'broadcast'],
    'udp-peer': ['broadcast', 'ipv6Only'],
    'unix-server': ['removeStale', 'allowHalfOpen'],
    'unix-client': ['allowHalfOpen'],
  };
  return names[kind].map((name) => all[name]);
}

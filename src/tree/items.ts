/**
 * How each node looks: label, description, icon coloured by state, and the contextValue tokens
 * the menus in package.json match (`viewItem =~ /\btoken\b/`). Tooltips are built on hover
 * (tooltip.ts), so a row refreshed at 10 Hz does not rebuild Markdown each time.
 */
import * as vscode from 'vscode';
import type { RecordingStatus, SocketInfo, SocketState } from '../engine';
import { kindName, stateName } from '../messages';
import { canSend, connectionAddress, formatBytes, formatCount, isServerKind, kindIcon, socketAddress } from '../socketText';
import { canStartTls, hasCertificate, socketTlsText } from '../tlsText';
import { protocolLabel } from '../tlsSummary';
import type { ConnectionNode, MoreNode, PeerNode, SocketNode } from './nodes';

/** Internal commands (not in package.json): row activation and paging. */
export const ACTIVATE_COMMAND = 'socketWorkbench.tree.activate';
export const SHOW_MORE_COMMAND = 'socketWorkbench.tree.showMore';

const SEPARATOR = ' · ';


/** Green when listening, blue when a stream is open, yellow in between, red on error, grey when closed. */
export function stateColor(state: SocketState, paused = false): string {
  if (paused && (state === 'open' || state === 'half-closed')) {
    return 'charts.orange';
  }
  switch (state) {
    case 'listening':
      return 'charts.green';
    case 'open':
      return 'charts.blue';
    case 'half-closed':
      return 'charts.purple';
    case 'opening':
    case 'connecting':
    case 'closing':
      return 'charts.yellow';
    case 'error':
      return 'testing.iconFailed';
    case 'closed':
      return 'disabledForeground';
  }
}

/** The kind's icon; an unverified TLS socket shows an open lock instead, so it is never quiet. */
function stateIcon(info: SocketInfo): vscode.ThemeIcon {
  const unverified = socketTlsText(info)?.unverified === true;
  return new vscode.ThemeIcon(unverified ? 'unlock' : kindIcon(info.kind), new vscode.ThemeColor(stateColor(info.state, info.paused)));
}

/** `TLS 1.3` after the state, or the warning `unverified` when the peer was not verified. */
function tlsPart(info: SocketInfo): string | undefined {
  const tls = socketTlsText(info);
  if (tls === undefined) {
    return undefined;
  }
  return tls.unverified ? `⚠ ${tls.trustWord}` : protocolLabel(info.tls?.protocol ?? undefined);
}

/** The TLS menu tokens: Export Certificate where there is one, Start TLS on a plain TCP client. */
function tlsTokens(info: SocketInfo): string[] {
  return [...(hasCertificate(info) ? ['certified'] : []), ...(canStartTls(info) ? ['upgradable'] : [])];
}

/** What a top-level socket's row offers, as menu tokens. */
export function socketTokens(info: SocketInfo): string {
  // Send is offered where the one send rule allows it (a server needs a connection to send to).
  const tokens = canSend(info) ? ['socket', 'sendable'] : ['socket'];
  const stream = info.kind === 'tcp-client' || info.kind === 'unix-client';
  switch (info.state) {
    case 'listening':
      tokens.push('paneled', 'addressed', 'closable');
      break;
    case 'open':
      tokens.push('paneled', 'addressed');
      if (stream) {
        tokens.push('halfclosable', info.paused ? 'resumable' : 'pausable');
      }
      if (info.kind === 'udp') {
        tokens.push('multicast');
      }
      tokens.push('closable');
      break;
    case 'half-closed':
      tokens.push('paneled', 'addressed', info.paused ? 'resumable' : 'pausable', 'closable');
      break;
    case 'opening':
    case 'connecting':
      tokens.push('paneled', 'addressed', 'closable');
      break;
    case 'closing':
      tokens.push('paneled', 'addressed');
      break;
    case 'closed':
    case 'error':
      tokens.push('reopenable', 'removable', 'paneled', 'addressed');
      break;
  }
  tokens.push('renamable', ...tlsTokens(info));
  return tokens.join(' ');
}

/** What an accepted connection's row offers. */
export function connectionTokens(info: SocketInfo): string {
  const tokens = canSend(info) ? ['connection', 'sendable'] : ['connection'];
  switch (info.state) {
    case 'open':
      tokens.push('paneled', 'addressed', 'disconnectable', 'halfclosable', info.paused ? 'resumable' : 'pausable', 'closable');
      break;
    case 'half-closed':
      tokens.push('paneled', 'addressed', 'disconnectable', info.paused ? 'resumable' : 'pausable', 'closable');
      break;
    default:
      tokens.push('paneled', 'addressed');
  }
  tokens.push(...tlsTokens(info));
  return tokens.join(' ');
}

export function socketLabel(info: SocketInfo): string {
  return info.name ?? kindName(info);
}

export function connectionsText(count: number): string {
  return count === 1 ? vscode.l10n.t('1 connection') : vscode.l10n.t('{0} connections', formatCount(count));
}

function hasTraffic(info: SocketInfo): boolean {
  return info.stats.bytesIn > 0 || info.stats.bytesOut > 0 || info.stats.messagesIn > 0 || info.stats.messagesOut > 0;
}

/** `⇄ 3`: a server's live connections, short so the row is not cut at the default width. */
export function shortConnections(count: number): string {
  return `⇄ ${formatCount(count)}`;
}

/** `↓1.2 KB ↑30 B`: bytes received and sent, short. */
export function shortTraffic(bytesIn: number, bytesOut: number): string {
  return `↓${formatBytes(bytesIn)} ↑${formatBytes(bytesOut)}`;
}

/** `● `, the activity marker before a row's description. */
export const ACTIVITY_MARKER = '● ';

/**
 * `listening · ⇄ 3 · 127.0.0.1:8080`, `error ECONNREFUSED · 127.0.0.1:1`: the state first, then the
 * short counters, then the address, so the default width cuts the least useful part.
 */
export function socketDescription(info: SocketInfo, marked = false): string {
  const state = info.state === 'error' && info.error !== undefined ? `${stateName(info.state)} ${info.error.code}` : stateName(info.state);
  const parts = [state];
  if (info.paused) {
    parts.push(vscode.l10n.t('paused'));
  }
  const tls = tlsPart(info);
  if (tls !== undefined) {
    parts.push(tls);
  }
  if (isServerKind(info.kind)) {
    if (info.connections > 0) {
      parts.push(shortConnections(info.connections));
    }
  } else if (hasTraffic(info)) {
    parts.push(shortTraffic(info.stats.bytesIn, info.stats.bytesOut));
  }
  parts.push(socketAddress(info));
  return (marked ? ACTIVITY_MARKER : '') + parts.join(SEPARATOR);
}

/** `↓1.2 KB ↑30 B`, after the state when it is not plain open. */
export function connectionDescription(info: SocketInfo, marked = false): string {
  const parts: string[] = [];
  if (info.state !== 'open') {
    parts.push(info.state === 'error' && info.error !== undefined ? `${stateName(info.state)} ${info.error.code}` : stateName(info.state));
  }
  if (info.paused) {
    parts.push(vscode.l10n.t('paused'));
  }
  const tls = tlsPart(info);
  if (tls !== undefined) {
    parts.push(tls);
  }
  parts.push(shortTraffic(info.stats.bytesIn, info.stats.bytesOut));
  return (marked ? ACTIVITY_MARKER : '') + parts.join(SEPARATOR);
}

function activation(node: SocketNode | ConnectionNode | PeerNode): vscode.Command {
  return { command: ACTIVATE_COMMAND, title: vscode.l10n.t('Open Payload Panel'), arguments: [node] };
}

function accessible(label: string, description: string): vscode.AccessibilityInformation {
  return { label: `${label}, ${description}` };
}

/** The recording badge: `⏺ 12.4 MB`, the size the disk has taken so far. */
export function recordingBadge(recording: RecordingStatus): string {
  return vscode.l10n.t('⏺ recording {0}', formatBytes(recording.bytesWritten));
}

/** Adds the recording badge and the record/stop menu token to a row. */
function withRecording(item: vscode.TreeItem, label: string, recording: RecordingStatus | undefined): void {
  item.contextValue = `${item.contextValue ?? ''} ${recording === undefined ? 'recordable' : 'recording'}`;
  if (recording !== undefined) {
    item.description = `${recordingBadge(recording)}${SEPARATOR}${String(item.description ?? '')}`;
    item.accessibilityInformation = accessible(label, String(item.description));
  }
}

export function socketItem(node: SocketNode, info: SocketInfo, marked = false, recording?: RecordingStatus): vscode.TreeItem {
  const label = socketLabel(info);
  const children = isServerKind(info.kind) ? info.connections : info.kind === 'udp' ? node.peers.size : 0;
  // Expanded while the first page holds them all; a crowd waits for the user (children load on expand).
  const collapsible = children === 0
    ? vscode.TreeItemCollapsibleState.None
    : children <= node.pageLimit ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed;
  const item = new vscode.TreeItem(label, collapsible);
  item.id = node.id;
  item.description = socketDescription(info, marked);
  item.iconPath = stateIcon(info);
  item.contextValue = socketTokens(info);
  item.command = activation(node);
  // An unnamed socket's label is already its kind.
  item.accessibilityInformation = accessible(label, info.name === undefined ? item.description : `${kindName(info)}, ${item.description}`);
  withRecording(item, label, recording);
  return item;
}

export function connectionItem(node: ConnectionNode, info: SocketInfo, marked = false, recording?: RecordingStatus): vscode.TreeItem {
  const label = connectionAddress(info);
  const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.None);
  item.id = node.id;
  item.description = connectionDescription(info, marked);
  item.iconPath = stateIcon(info);
  item.contextValue = connectionTokens(info);
  item.command = activation(node);
  item.accessibilityInformation = accessible(label, `${kindName(info)}, ${stateName(info.state)}, ${item.description}`);
  withRecording(item, label, recording);
  return item;
}

export function datagramsText(count: number): string {
  return count === 1 ? vscode.l10n.t('1 datagram') : vscode.l10n.t('{0} datagrams', formatCount(count));
}

export function peerItem(node: PeerNode, bytes: number, messages: number): vscode.TreeItem {
  const item = new vscode.TreeItem(node.target, vscode.TreeItemCollapsibleState.None);
  item.id = node.id;
  item.description = `↓ ${formatBytes(bytes)}${SEPARATOR}${datagramsText(messages)}`;
  item.iconPath = new vscode.ThemeIcon('radio-tower');
  item.contextValue = 'peer sendable addressed';
  item.command = activation(node);
  item.accessibilityInformation = accessible(node.target, `${vscode.l10n.t('UDP peer')}, ${item.description}`);
  return item;
}

export function moreItem(node: MoreNode, shown: number, total: number, pageSize: number): vscode.TreeItem {
  const next = Math.min(pageSize, total - shown);
  const label = vscode.l10n.t('Show {0} more…', formatCount(next));
  const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.None);
  item.id = node.id;
  item.description = vscode.l10n.t('{0} of {1} shown', formatCount(shown), formatCount(total));
  item.iconPath = new vscode.ThemeIcon('ellipsis');
  item.contextValue = 'more';
  item.command = { command: SHOW_MORE_COMMAND, title: label, arguments: [node] };
  item.accessibilityInformation = accessible(label, item.description);
  return item;
}

/**
 * How each node looks: label, description, icon coloured by state, and the contextValue tokens
 * the menus in package.json match (`viewItem =~ /\btoken\b/`). Tooltips are built on hover
 * (tooltip.ts), so a row refreshed at 10 Hz does not rebuild Markdown each time.
 */
import * as vscode from 'vscode';
import type { SocketInfo, SocketState } from '../engine';
import { kindName, stateName } from '../messages';
import { canSend, connectionAddress, formatBytes, formatCount, formatTraffic, isServerKind, kindIcon, socketAddress } from '../socketText';
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

function stateIcon(info: SocketInfo): vscode.ThemeIcon {
  return new vscode.ThemeIcon(kindIcon(info.kind), new vscode.ThemeColor(stateColor(info.state, info.paused)));
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
  tokens.push('renamable');
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
  return tokens.join(' ');
}

export function socketLabel(info: SocketInfo): string {
  return info.name ?? kindName(info.kind);
}

export function connectionsText(count: number): string {
  return count === 1 ? vscode.l10n.t('1 connection') : vscode.l10n.t('{0} connections', formatCount(count));
}

function hasTraffic(info: SocketInfo): boolean {
  return info.stats.bytesIn > 0 || info.stats.bytesOut > 0 || info.stats.messagesIn > 0 || info.stats.messagesOut > 0;
}

/** `127.0.0.1:8080 · listening · 3 connections`, `127.0.0.1:1 · error · ECONNREFUSED`. */
export function socketDescription(info: SocketInfo): string {
  const parts = [socketAddress(info), stateName(info.state)];
  if (info.state === 'error' && info.error !== undefined) {
    parts.push(info.error.code);
  }
  if (info.paused) {
    parts.push(vscode.l10n.t('paused'));
  }
  if (isServerKind(info.kind)) {
    if (info.connections > 0) {
      parts.push(connectionsText(info.connections));
    }
  } else if (hasTraffic(info)) {
    parts.push(formatTraffic(info.stats.bytesIn, info.stats.bytesOut));
  }
  return parts.join(SEPARATOR);
}

/** `↓ 1.2 KB ↑ 30 B`, with the state only when it is not plain open. */
export function connectionDescription(info: SocketInfo): string {
  const parts = [formatTraffic(info.stats.bytesIn, info.stats.bytesOut)];
  if (info.state !== 'open') {
    parts.push(info.state === 'error' && info.error !== undefined ? `${stateName(info.state)} ${info.error.code}` : stateName(info.state));
  }
  if (info.paused) {
    parts.push(vscode.l10n.t('paused'));
  }
  return parts.join(SEPARATOR);
}

function activation(node: SocketNode | ConnectionNode | PeerNode): vscode.Command {
  return { command: ACTIVATE_COMMAND, title: vscode.l10n.t('Open Payload Panel'), arguments: [node] };
}

function accessible(label: string, description: string): vscode.AccessibilityInformation {
  return { label: `${label}, ${description}` };
}

export function socketItem(node: SocketNode, info: SocketInfo): vscode.TreeItem {
  const label = socketLabel(info);
  const children = isServerKind(info.kind) ? info.connections : info.kind === 'udp' ? node.peers.size : 0;
  // Expanded while the first page holds them all; a crowd waits for the user (children load on expand).
  const collapsible = children === 0
    ? vscode.TreeItemCollapsibleState.None
    : children <= node.pageLimit ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed;
  const item = new vscode.TreeItem(label, collapsible);
  item.id = node.id;
  item.description = socketDescription(info);
  item.iconPath = stateIcon(info);
  item.contextValue = socketTokens(info);
  item.command = activation(node);
  // An unnamed socket's label is already its kind.
  item.accessibilityInformation = accessible(label, info.name === undefined ? item.description : `${kindName(info.kind)}, ${item.description}`);
  return item;
}

export function connectionItem(node: ConnectionNode, info: SocketInfo): vscode.TreeItem {
  const label = connectionAddress(info);
  const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.None);
  item.id = node.id;
  item.description = connectionDescription(info);
  item.iconPath = stateIcon(info);
  item.contextValue = connectionTokens(info);
  item.command = activation(node);
  item.accessibilityInformation = accessible(label, `${kindName(info.kind)}, ${stateName(info.state)}, ${item.description}`);
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

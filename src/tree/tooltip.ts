/**
 * The hover of a row: what the socket is in the primer's terms (the socket(2) triple), its
 * addresses, spec and options, how old it is, what moved, and why it failed. Built when the user
 * hovers (resolveTreeItem), so ages and counters are current and idle rows cost nothing.
 */
import * as vscode from 'vscode';
import { formatAddress, type PeerInfo, type SocketInfo } from '../engine';
import { describeError, kindName, stateName } from '../messages';
import { connectionsText, datagramsText } from './items';
import { socketTlsText } from '../tlsText';
import { budgetText, connectionAddress, formatAge, formatBytes, formatCount, formatOptions, isConnectionKind, isServerKind, kindIcon, socketAddress } from '../socketText';

/** Escapes Markdown and theme-icon syntax in text that comes from users or peers. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>$~]/g, '\\$&');
}

function code(text: string): string {
  // A backtick inside would end the span early; such text is shown escaped instead.
  return text.includes('`') ? escapeMarkdown(text) : `\`${text}\``;
}

function row(markdown: vscode.MarkdownString, label: string, value: string): void {
  markdown.appendMarkdown(`| ${escapeMarkdown(label)} | ${value} |\n`);
}

function traffic(bytes: number, messages: number): string {
  const byteText = bytes === 1 ? vscode.l10n.t('1 byte') : vscode.l10n.t('{0} bytes', formatCount(bytes));
  const messageText = messages === 1 ? vscode.l10n.t('1 message') : vscode.l10n.t('{0} messages', formatCount(messages));
  const exact = `${byteText}, ${messageText}`;
  return bytes >= 1024 ? `${escapeMarkdown(exact)} (${escapeMarkdown(formatBytes(bytes))})` : escapeMarkdown(exact);
}

function age(info: SocketInfo): [string, string] {
  if (info.closedAt !== undefined && (info.state === 'closed' || info.state === 'error')) {
    return [vscode.l10n.t('Closed'), formatAge(info.closedAt)];
  }
  if (info.openedAt !== undefined) {
    return [vscode.l10n.t('Opened'), formatAge(info.openedAt)];
  }
  return [vscode.l10n.t('Created'), formatAge(info.createdAt)];
}

function newTooltip(): vscode.MarkdownString {
  const markdown = new vscode.MarkdownString('', true);
  markdown.supportHtml = false;
  return markdown;
}

/** The tooltip of a socket or an accepted connection. `server` is a connection's parent. */
export function socketTooltip(info: SocketInfo, server?: SocketInfo): vscode.MarkdownString {
  const markdown = newTooltip();
  const connection = isConnectionKind(info.kind);
  const title = connection ? connectionAddress(info) : info.name ?? kindName(info);
  // An unnamed socket's title already is its kind: say the kind once.
  const kind = title === kindName(info) ? '' : `${escapeMarkdown(kindName(info))}, `;
  markdown.appendMarkdown(`$(${kindIcon(info.kind)}) **${escapeMarkdown(title)}** — ${kind}${escapeMarkdown(stateName(info.state))}`);
  if (info.paused) {
    markdown.appendMarkdown(`, ${escapeMarkdown(vscode.l10n.t('paused'))}`);
  }
  markdown.appendMarkdown('\n\n');
  const tls = socketTlsText(info);
  if (tls?.unverified === true) {
    markdown.appendMarkdown(`$(unlock) **${escapeMarkdown(vscode.l10n.t('TLS peer not verified'))}** — ${escapeMarkdown(tls.trustText)}\n\n`);
  }
  const { domain, type, protocol } = info.triple;
  markdown.appendMarkdown(`${code(`socket(${domain}, ${type}, ${protocol})`)}\n\n`);

  markdown.appendMarkdown(`| | |\n|:--|:--|\n`);
  if (connection && server !== undefined) {
    row(markdown, vscode.l10n.t('Server'), escapeMarkdown(server.name ?? `${kindName(server)} ${socketAddress(server)}`));
  }
  const none = escapeMarkdown(vscode.l10n.t('none'));
  const local = info.local !== undefined && info.local.address !== '' ? code(formatAddress(info.local)) : none;
  row(markdown, vscode.l10n.t('Local address'), local);
  if (!isServerKind(info.kind)) {
    const remote = info.remote !== undefined && info.remote.address !== '' ? code(formatAddress(info.remote)) : none;
    row(markdown, vscode.l10n.t('Remote address'), remote);
  }
  if (info.defaultTarget !== undefined) {
    row(markdown, vscode.l10n.t('Default target'), code(formatAddress(info.defaultTarget)));
  }
  if (!connection) {
    row(markdown, vscode.l10n.t('Address'), code(info.spec));
  }
  const options = formatOptions(info.options);
  row(markdown, vscode.l10n.t('Options'), options.length === 0 ? escapeMarkdown(vscode.l10n.t('defaults')) : options.map(code).join(' '));
  if (info.resolved.length > 1) {
    row(markdown, vscode.l10n.t('Resolved to'), info.resolved.map(code).join(', '));
  }
  const [ageLabel, ageText] = age(info);
  row(markdown, ageLabel, escapeMarkdown(ageText));
  row(markdown, vscode.l10n.t('Received'), traffic(info.stats.bytesIn, info.stats.messagesIn));
  row(markdown, vscode.l10n.t('Sent'), traffic(info.stats.bytesOut, info.stats.messagesOut));
  if (isServerKind(info.kind)) {
    row(markdown, vscode.l10n.t('Connections'), escapeMarkdown(connectionsText(info.connections)));
  }
  if (info.kind === 'udp' && info.peers.length > 0) {
    row(markdown, vscode.l10n.t('Recent peers'), escapeMarkdown(formatCount(info.peers.length)));
  }
  if (tls !== undefined) {
    row(markdown, vscode.l10n.t('TLS'), `$(${tls.unverified ? 'unlock' : 'lock'}) ${code(tls.badge)}`);
    for (const detail of tls.rows) {
      row(markdown, detail.label, detail.literal ? code(detail.value) : escapeMarkdown(detail.value));
    }
  }
  markdown.appendMarkdown(`\n${escapeMarkdown(budgetText(info.budget, info.kind))}\n`);
  if (info.error !== undefined && info.state === 'error') {
    markdown.appendMarkdown(`\n$(error) **${escapeMarkdown(info.error.code)}** — ${escapeMarkdown(describeError(info.error))}\n`);
  }
  return markdown;
}

/** The tooltip of a UDP peer: what it sent and when, and that Send replies to it. */
export function peerTooltip(target: string, peer: PeerInfo | undefined, socket: SocketInfo): vscode.MarkdownString {
  const markdown = newTooltip();
  markdown.appendMarkdown(`$(radio-tower) **${escapeMarkdown(target)}** — ${escapeMarkdown(vscode.l10n.t('UDP peer'))}\n\n`);
  markdown.appendMarkdown(`| | |\n|:--|:--|\n`);
  row(markdown, vscode.l10n.t('Socket'), escapeMarkdown(socket.name ?? `${kindName(socket)} ${socketAddress(socket)}`));
  if (peer !== undefined) {
    row(markdown, vscode.l10n.t('Received'), `${escapeMarkdown(datagramsText(peer.messages))}, ${escapeMarkdown(formatBytes(peer.bytes))}`);
    row(markdown, vscode.l10n.t('Last seen'), escapeMarkdown(formatAge(peer.lastSeen)));
  }
  markdown.appendMarkdown(`\n${escapeMarkdown(vscode.l10n.t('Send on this row replies to {0}.', target))}\n`);
  return markdown;
}

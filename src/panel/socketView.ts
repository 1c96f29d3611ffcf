/** The socket as the panel shows it: title, description line, how to target a send, and status. */
import * as vscode from 'vscode';
import type { SocketInfo, SocketKind } from '../engine';
import { formatAddress } from '../engine/address';
import { kindName, stateName } from '../messages';
import type { PanelSocket } from '../shared/protocol';

export function isServerKind(kind: SocketKind): boolean {
  return kind === 'tcp-server' || kind === 'unix-server';
}

export function isConnectionKind(kind: SocketKind): boolean {
  return kind === 'tcp-connection' || kind === 'unix-connection';
}

function isLive(info: SocketInfo): boolean {
  return info.state !== 'closed' && info.state !== 'error';
}

/** Where the socket listens or connects to; a connection shows its peer. */
export function socketAddress(info: SocketInfo): string {
  const address = isServerKind(info.kind) || (info.kind === 'udp' && info.defaultTarget === undefined) ? info.local : info.remote ?? info.defaultTarget;
  if (address !== undefined && address.address !== '') {
    return formatAddress(address);
  }
  // Not open yet: the spec without its scheme says where it will be.
  return info.spec.replace(/^[a-z0-9-]+:\/\//, '').replace(/\?.*$/, '');
}

/** The panel title: the user's name, or the address. */
export function socketLabel(info: SocketInfo): string {
  return info.name ?? socketAddress(info);
}

/**
 * `spec` and `name` are what a panel remembers when its socket is gone, and `lastKind` what the
 * socket was: an accepted connection that went away has ended; it cannot be opened again.
 */
export function toPanelSocket(info: SocketInfo | undefined, spec: string, removed: boolean, name?: string, lastKind?: SocketKind): PanelSocket {
  if (info === undefined) {
    const ended = removed && lastKind !== undefined && isConnectionKind(lastKind);
    return {
      spec,
      label: name ?? spec,
      name,
      kind: lastKind,
      description: ended ? `${kindName(lastKind)} · ${stateName('closed')}` : spec,
      targeting: 'none',
      sendable: false,
      status: ended ? 'ended' : removed ? 'removed' : 'missing',
    };
  }
  const live = isLive(info);
  let status: PanelSocket['status'] = 'live';
  if (removed) {
    status = 'removed';
  } else if (!live) {
    status = isConnectionKind(info.kind) ? 'ended' : 'closed';
  }
  const label = socketLabel(info);
  const address = socketAddress(info);
  // The title already shows the address unless the socket has a name.
  const parts = label === address ? [kindName(info.kind), stateName(info.state)] : [kindName(info.kind), stateName(info.state), address];
  if (isServerKind(info.kind) && live) {
    parts.push(info.connections === 1 ? vscode.l10n.t('1 connection') : vscode.l10n.t('{0} connections', info.connections));
  }
  return {
    id: info.id,
    spec: info.spec,
    label,
    name: info.name,
    kind: info.kind,
    state: info.state,
    description: parts.join(' · '),
    targeting: isServerKind(info.kind) ? 'connections' : info.kind === 'udp' ? 'address' : 'none',
    sendable: !removed && (info.state === 'open' || info.state === 'listening'),
    status,
  };
}

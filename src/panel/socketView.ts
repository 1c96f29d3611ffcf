/** The socket as the panel shows it: title, description line, how to target a send, and status. */
import * as vscode from 'vscode';
import type { SocketInfo, SocketKind } from '../engine';
import { describeSendRefusal, kindName, stateName } from '../messages';
import type { PanelSocket } from '../shared/protocol';
import { socketTlsText } from '../tlsText';
import { framingText, pendingText } from './framing';
import { formatCount, isClosedState, isConnectionKind, isServerKind, kindIcon, sendRefusal, socketAddress, socketLabel } from '../socketText';

/**
 * `spec` and `name` are what a panel remembers when its socket is gone, and `lastKind` what the
 * socket was: an accepted connection that went away has ended; it cannot be opened again.
 */
export function toPanelSocket(
  info: SocketInfo | undefined,
  spec: string,
  removed: boolean,
  name?: string,
  lastKind?: SocketKind,
  remembered?: { readonly label: string; readonly description: string },
): PanelSocket {
  if (info === undefined) {
    const ended = removed && lastKind !== undefined && isConnectionKind(lastKind);
    // What the socket was called while it existed: a connection stays named by its peer and server.
    const known = remembered?.label ?? name ?? spec;
    const before = remembered?.description.split(' · ').slice(0, 1).join('') ?? (lastKind === undefined ? '' : kindName(lastKind));
    return {
      spec,
      label: known,
      name,
      kind: lastKind,
      icon: lastKind === undefined ? 'circle-slash' : kindIcon(lastKind),
      description: ended ? `${before === '' ? kindName(lastKind) : before} · ${stateName('closed')}` : remembered === undefined ? spec : `${before} · ${stateName('closed')}`,
      targeting: 'none',
      sendable: false,
      status: ended ? 'ended' : removed ? 'removed' : 'missing',
    };
  }
  const live = !isClosedState(info.state);
  let status: PanelSocket['status'] = 'live';
  if (removed) {
    status = 'removed';
  } else if (!live) {
    status = isConnectionKind(info.kind) ? 'ended' : 'closed';
  }
  const label = socketLabel(info);
  const address = socketAddress(info);
  // The title already shows the address unless the socket has a name.
  const parts = label === address ? [kindName(info), stateName(info.state)] : [kindName(info), stateName(info.state), address];
  if (isServerKind(info.kind) && live) {
    parts.push(info.connections === 1 ? vscode.l10n.t('1 connection') : vscode.l10n.t('{0} connections', formatCount(info.connections)));
  }
  const pending = pendingText(info);
  if (pending !== undefined) {
    parts.push(pending);
  }
  const framing = framingText(info);
  // The one send rule; a live socket that cannot send says why (a server waiting for a connection).
  const refusal = removed ? undefined : sendRefusal(info);
  const tls = socketTlsText(info);
  return {
    id: info.id,
    spec: info.spec,
    label,
    name: info.name,
    kind: info.kind,
    icon: kindIcon(info.kind),
    state: info.state,
    description: parts.join(' · '),
    targeting: isServerKind(info.kind) ? 'connections' : info.kind === 'udp' ? 'address' : 'none',
    sendable: !removed && refusal === undefined,
    ...(refusal !== undefined && live ? { sendRefusal: describeSendRefusal(refusal) } : {}),
    ...(framing === undefined || removed ? {} : { framing }),
    status,
    ...(tls === undefined ? {} : { tls: { badge: tls.badge, title: tls.title, unverified: tls.unverified } }),
  };
}

/** The guided kinds (what each flow creates, as transport and role), their names, and the StepCheck every step returns. */
import * as vscode from 'vscode';
import type { Role, SocketSpec, Transport } from '../engine';
import { kindName } from '../messages';

/** What a guided flow creates; UDP comes in two flavours, since the user chooses bound or with a peer. */
export type GuidedKind = 'tcp-server' | 'tcp-client' | 'tls-server' | 'tls-client' | 'udp-listen' | 'udp-peer' | 'unix-server' | 'unix-client';

interface KindShape {
  readonly transport: Transport;
  readonly role: Role;
}

export const GUIDED_KINDS: Readonly<Record<GuidedKind, KindShape>> = {
  'tcp-server': { transport: 'tcp', role: 'listen' },
  'tcp-client': { transport: 'tcp', role: 'connect' },
  'tls-server': { transport: 'tls', role: 'listen' },
  'tls-client': { transport: 'tls', role: 'connect' },
  'udp-listen': { transport: 'udp', role: 'listen' },
  'udp-peer': { transport: 'udp', role: 'connect' },
  'unix-server': { transport: 'unix', role: 'listen' },
  'unix-client': { transport: 'unix', role: 'connect' },
};

export function guidedKindOf(spec: Pick<SocketSpec, 'transport' | 'role'>): GuidedKind | undefined {
  const found = (Object.entries(GUIDED_KINDS) as Array<[GuidedKind, KindShape]>).find(
    ([, shape]) => shape.transport === spec.transport && shape.role === spec.role,
  );
  return found?.[0];
}

export function isListenerKind(kind: GuidedKind): boolean {
  return GUIDED_KINDS[kind].role === 'listen';
}

/** The result of checking one step's text: an error to show inline, or a hint that explains the value. */
export interface StepCheck<T> {
  readonly ok: boolean;
  readonly value?: T;
  /** Localized error, shown as the input's validation message. */
  readonly message?: string;
  /** Localized explanation of a valid value (what it means, what it resolves to). */
  readonly hint?: string;
  /** Localized caution about a valid value that may still fail (a privileged port). */
  readonly warning?: string;
}

export function describeGuidedKind(kind: GuidedKind): string {
  switch (kind) {
    case 'udp-listen':
      return vscode.l10n.t('UDP socket, bound');
    case 'udp-peer':
      return vscode.l10n.t('UDP socket with a default peer');
    default:
      return kindName(kind);
  }
}

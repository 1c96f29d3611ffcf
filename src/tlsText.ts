/**
 * A socket's TLS as people read it, in the display language: the badge, the trust and the detail
 * rows that the tree and the panel show. The rules are in tlsSummary.ts (pure); this adds the words.
 */
import * as vscode from 'vscode';
import type { SocketInfo } from './engine';
import { isConnectionKind, isServerKind } from './socketText';
import { isUnverified, tlsBadge, tlsRows, tlsTitle, tlsTrust, trustText, trustWord, type TlsFacts, type TlsRole, type TlsRow, type TlsTrust, type TlsWords } from './tlsSummary';

let cached: { readonly language: string; readonly words: TlsWords } | undefined;

export function tlsWords(): TlsWords {
  if (cached?.language !== vscode.env.language) {
    cached = {
      language: vscode.env.language,
      words: {
        verified: vscode.l10n.t('verified'),
        insecure: vscode.l10n.t('unverified (insecure=1)'),
        unverified: vscode.l10n.t('unverified'),
        anonymous: vscode.l10n.t('no client certificate'),
        listening: vscode.l10n.t('clients need no certificate'),
        requesting: vscode.l10n.t('client certificates required'),
        protocol: vscode.l10n.t('TLS protocol'),
        cipher: vscode.l10n.t('Cipher'),
        alpn: vscode.l10n.t('ALPN'),
        servername: vscode.l10n.t('Server name (SNI)'),
        trust: vscode.l10n.t('Verification'),
        peerCertificate: vscode.l10n.t('Peer certificate'),
        localCertificate: vscode.l10n.t('Own certificate'),
        subject: vscode.l10n.t('Subject'),
        issuer: vscode.l10n.t('Issuer'),
        validity: vscode.l10n.t('Valid'),
        validRange: vscode.l10n.t('{0} to {1}'),
        names: vscode.l10n.t('Names'),
        fingerprint: vscode.l10n.t('SHA-256'),
        none: vscode.l10n.t('none'),
        unverifiedBecause: vscode.l10n.t('unverified: {0}'),
      },
    };
  }
  return cached.words;
}

/** What the socket's TLS stands for: a server's own certificate, an accepted connection's client, or a client's server. */
export function tlsRoleOf(info: SocketInfo): TlsRole {
  return isServerKind(info.kind) ? 'server' : isConnectionKind(info.kind) ? 'connection' : 'client';
}

/** The socket's TLS facts, when it speaks TLS (tls://, tls-listen://, or TCP after startTls). */
export function tlsOf(info: SocketInfo): TlsFacts | undefined {
  return info.tls ?? undefined;
}

export interface SocketTlsText {
  readonly trust: TlsTrust;
  /** Not verified: the tree and the panel show a warning. */
  readonly unverified: boolean;
  /** `TLS 1.3 · TLS_AES_256_GCM_SHA384 · h2 · verified` */
  readonly badge: string;
  /** The trust alone: `verified`, `unverified (insecure=1)`. */
  readonly trustWord: string;
  /** The trust with the reason an unverified peer failed. */
  readonly trustText: string;
  /** One `label: value` line per detail, for the panel badge's hover. */
  readonly title: string;
  readonly rows: readonly TlsRow[];
}

export function socketTlsText(info: SocketInfo): SocketTlsText | undefined {
  const facts = tlsOf(info);
  if (facts === undefined) {
    return undefined;
  }
  const tls: TlsFacts = { ...facts, requestCert: info.options.requestCert === true };
  const role = tlsRoleOf(info);
  const words = tlsWords();
  const trust = tlsTrust(tls, role);
  return {
    trust,
    unverified: isUnverified(trust),
    badge: tlsBadge(tls, role, words),
    trustWord: trustWord(trust, words),
    trustText: trustText(tls, role, words),
    title: tlsTitle(tls, role, words),
    rows: tlsRows(tls, role, words),
  };
}

/** Start TLS applies to a tcp:// client that is open and not TLS yet (the engine checks the same). */
export function canStartTls(info: SocketInfo): boolean {
  return info.kind === 'tcp-client' && info.state === 'open' && tlsOf(info) === undefined;
}

/** A socket with a certificate to export: a TLS server (its own) or a TLS client or connection (its peer's). */
export function hasCertificate(info: SocketInfo): boolean {
  const tls = tlsOf(info);
  return tls !== undefined && ((tls.localCertificate ?? null) !== null || (tls.peerCertificate ?? null) !== null);
}

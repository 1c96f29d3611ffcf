/**
 * Sentences for TLS failures (TLS_ERROR_REASONS), each naming what went wrong and the fix:
 * `ca=` to trust a certificate, `insecure=1` to skip verification, `cert=`/`key=` for a client
 * certificate.
 */
import * as vscode from 'vscode';
import type { EngineErrorData, TlsErrorReason } from '../engine';
import { text, where } from './data';

/** The other end: `host:port` for a client, the client's address for a server. */
function peerOf(data: EngineErrorData): string {
  return text(data, 'peer') || where(data);
}

export function tlsSentence(reason: TlsErrorReason, data: EngineErrorData): string {
  const peer = peerOf(data);
  switch (reason) {
    case 'tls-unknown-ca':
      return vscode.l10n.t('The certificate of {0} is signed by an unknown certificate authority: trust its CA with ca=PATH, or add insecure=1 to skip verification.', peer);
    case 'tls-self-signed':
      return vscode.l10n.t('The certificate of {0} is self-signed: trust it with ca=PATH (the exported certificate), or add insecure=1 to skip verification.', peer);
    case 'tls-expired':
      return vscode.l10n.t('The certificate of {0} expired on {1}: renew it, or add insecure=1 to skip verification.', peer, text(data, 'validTo'));
    case 'tls-not-yet-valid':
      return vscode.l10n.t('The certificate of {0} is not valid before {1}: check the clock, or add insecure=1 to skip verification.', peer, text(data, 'validFrom'));
    case 'tls-hostname-mismatch':
      return vscode.l10n.t("The certificate does not cover '{0}'; it covers {1}. Connect by one of those names, set servername=, or add insecure=1.", text(data, 'host'), text(data, 'names') || '—');
    case 'tls-no-common-protocol':
      return vscode.l10n.t('{0} and this socket share no TLS version, cipher or ALPN protocol ({1}): adjust minVersion=, maxVersion= or alpn=.', peer, text(data, 'systemCode'));
    case 'tls-client-certificate-required':
      return vscode.l10n.t('{0} requires a client certificate: give one with cert=PATH and key=PATH.', peer);
    case 'tls-client-certificate-rejected':
      return vscode.l10n.t('The client certificate was rejected ({0}): use a certificate the other end trusts (ca=PATH on the server).', text(data, 'systemCode'));
    case 'tls-not-tls':
      return vscode.l10n.t('{0} did not speak TLS: the peer sent plain TCP. Use tcp:// for it, or check the port.', peer);
    case 'tls-handshake-timeout':
      return vscode.l10n.t('The TLS handshake with {0} did not finish within {1} ms: is the peer a TLS endpoint? Raise timeout= if it is slow.', peer, text(data, 'timeout'));
    case 'tls-handshake-failed':
      return vscode.l10n.t('The TLS handshake with {0} failed ({1}).', peer, text(data, 'systemCode'));
    case 'tls-file-unreadable':
      return vscode.l10n.t('The {0}= file {1} cannot be read ({2}).', text(data, 'option'), text(data, 'path'), text(data, 'systemCode'));
    case 'tls-credentials-invalid':
      return vscode.l10n.t('The certificate or key is not usable ({0}): give a PEM certificate with cert= and its private key with key=.', text(data, 'systemCode'));
  }
}

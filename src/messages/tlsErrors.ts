/**
 * Sentences for TLS failures (TLS_ERROR_REASONS). Each names the peer and suggests the fix the spec
 * offers (`ca=`, `insecure=1`, `servername=`, `cert=`/`key=`, `minVersion=`), so a failed handshake
 * says what to change rather than only that verification failed.
 */
import * as vscode from 'vscode';
import type { EngineErrorData, TlsErrorReason } from '../engine';
import { certificateNames } from '../tlsSummary';
import { text, where } from './data';

/** The other end as the sentence names it: `host:port` for a client, the client's address for a server. */
function peer(data: EngineErrorData): string {
  const named = text(data, 'peer') || where(data);
  return named === '' ? vscode.l10n.t('the peer') : named;
}

/** `a, b and c` for the names a certificate covers; a placeholder when it lists none. */
function coveredNames(data: EngineErrorData): string {
  const names = certificateNames({ subjectAltNames: text(data, 'names') });
  return names.length === 0 ? vscode.l10n.t('no names at all') : names.join(', ');
}

export function tlsSentence(reason: TlsErrorReason, data: EngineErrorData): string {
  switch (reason) {
    case 'tls-unknown-ca':
      return vscode.l10n.t(
        'The certificate of {0} was issued by an authority this socket does not trust: give its CA certificate with ca=PATH, or skip verification with insecure=1.',
        peer(data),
      );
    case 'tls-self-signed':
      return vscode.l10n.t(
        'The certificate of {0} is self-signed: trust it with ca=PATH (its exported PEM), or skip verification with insecure=1.',
        peer(data),
      );
    case 'tls-expired':
      return text(data, 'validTo') === ''
        ? vscode.l10n.t('The certificate of {0} has expired: renew it on the server, or skip verification with insecure=1.', peer(data))
        : vscode.l10n.t('The certificate of {0} expired on {1}: renew it on the server, or skip verification with insecure=1.', peer(data), text(data, 'validTo'));
    case 'tls-not-yet-valid':
      return text(data, 'validFrom') === ''
        ? vscode.l10n.t('The certificate of {0} is not valid yet: check both clocks, or skip verification with insecure=1.', peer(data))
        : vscode.l10n.t('The certificate of {0} is not valid before {1}: check both clocks, or skip verification with insecure=1.', peer(data), text(data, 'validFrom'));
    case 'tls-hostname-mismatch':
      return vscode.l10n.t(
        "The certificate does not cover '{0}': it covers {1}. Connect by one of those names (or set servername=), trust it as it is with insecure=1, or give the right certificate to the server.",
        text(data, 'host'),
        coveredNames(data),
      );
    case 'tls-no-common-protocol':
      return vscode.l10n.t(
        'The TLS handshake with {0} failed: no protocol version or cipher suite in common. Widen minVersion= and maxVersion= (for example minVersion=TLSv1.2).',
        peer(data),
      );
    case 'tls-client-certificate-required':
      return vscode.l10n.t('{0} requires a client certificate: give one with cert=PATH and key=PATH.', peer(data));
    case 'tls-client-certificate-rejected':
      return vscode.l10n.t('{0} rejected the client certificate: give one its CA trusts with cert=PATH and key=PATH.', peer(data));
    case 'tls-not-tls':
      return vscode.l10n.t('{0} did not answer in TLS (it sent plain bytes): open it with tcp://, or check the port.', peer(data));
    case 'tls-handshake-timeout':
      return text(data, 'timeout') === ''
        ? vscode.l10n.t('The TLS handshake with {0} did not finish in time: is TLS spoken on that port?', peer(data))
        : vscode.l10n.t('The TLS handshake with {0} did not finish within {1} ms: is TLS spoken on that port? Raise timeout= if the peer is slow.', peer(data), text(data, 'timeout'));
    case 'tls-handshake-failed':
      return vscode.l10n.t('The TLS handshake with {0} failed ({1}).', peer(data), text(data, 'systemCode'));
    case 'tls-file-unreadable':
      return vscode.l10n.t('The {0}= file {1} cannot be read ({2}).', text(data, 'option'), text(data, 'path'), text(data, 'systemCode'));
    case 'tls-credentials-invalid':
      return vscode.l10n.t('The certificate or key is not usable ({0}): give a PEM certificate with cert= and its private key with key=.', text(data, 'systemCode'));
  }
}

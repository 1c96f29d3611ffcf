/**
 * What a TLS handshake decided, as the tree tooltip and the panel header show it: the compact badge
 * (`TLS 1.3 · TLS_AES_256_GCM_SHA384 · h2 · verified`), whether the peer is trusted, and the rows of
 * details. Pure: the localized words come in as a parameter (socketText.tlsWords builds them), so
 * the rules are tested in plain Node and read the same in both languages.
 */

/** The certificate facts the summaries show (the engine's CertificateSummary has at least these). */
export interface CertificateFacts {
  readonly subject: string;
  readonly issuer: string;
  readonly validFrom: string;
  readonly validTo: string;
  readonly subjectAltNames: readonly string[] | string;
  readonly fingerprint256: string;
}

/** The handshake facts the summaries show (the engine's TlsInfo has at least these). */
export interface TlsFacts {
  readonly protocol?: string | null;
  readonly cipher?: string | null;
  readonly alpn?: string | null;
  readonly servername?: string | null;
  readonly authorized?: boolean;
  readonly authorizationError?: string | null;
  readonly verified?: boolean;
  readonly insecure?: boolean;
  readonly peerCertificate?: CertificateFacts | null;
  readonly localCertificate?: CertificateFacts | null;
  /** A server asks its clients for certificates (the spec's requestCert=1). */
  readonly requestCert?: boolean;
}

/**
 * Whose TLS it is: a client (tls://, or TCP after startTls), a server's accepted connection, or
 * the tls-listen server itself, which has only its own certificate until a client shakes hands.
 */
export type TlsRole = 'client' | 'connection' | 'server';

function given(value: string | null | undefined): value is string {
  return typeof value === 'string' && value !== '';
}

/**
 * `verified`: the peer's certificate was checked and trusted. `insecure`: verification was turned
 * off (`insecure=1`). `unverified`: the check failed or did not happen but the connection stands.
 * `anonymous`: a server's connection whose client sent no certificate, as expected without requestCert.
 */
export type TlsTrust = 'verified' | 'insecure' | 'unverified' | 'anonymous' | 'listening' | 'requesting';

/** The localized words of the summaries; `{0}`-style placeholders are filled by `fill`. */
export interface TlsWords {
  readonly verified: string;
  readonly insecure: string;
  readonly unverified: string;
  readonly anonymous: string;
  /** A server's own trust words, as it has no peer of its own: clients need no certificate… */
  readonly listening: string;
  /** …or must present one that verifies (requestCert=1). */
  readonly requesting: string;
  readonly protocol: string;
  readonly cipher: string;
  readonly alpn: string;
  readonly servername: string;
  readonly trust: string;
  readonly peerCertificate: string;
  readonly localCertificate: string;
  readonly subject: string;
  readonly issuer: string;
  readonly validity: string;
  /** `{0} to {1}` */
  readonly validRange: string;
  readonly names: string;
  readonly fingerprint: string;
  readonly none: string;
  /** `unverified: {0}` with the authorization error. */
  readonly unverifiedBecause: string;
}

export function fill(template: string, ...values: readonly string[]): string {
  return template.replace(/\{(\d+)\}/g, (whole, index: string) => values[Number(index)] ?? whole);
}

/** `TLSv1.3` → `TLS 1.3`, `TLSv1` → `TLS 1.0`, `SSLv3` → `SSL 3.0`; anything else as it is. */
export function protocolLabel(protocol: string | undefined): string {
  if (protocol === undefined || protocol === '') {
    return 'TLS';
  }
  const match = /^(TLS|SSL|DTLS)v(\d+)(?:\.(\d+))?$/.exec(protocol);
  if (match === null) {
    return protocol;
  }
  return `${match[1]} ${match[2]}.${match[3] ?? '0'}`;
}

/**
 * How far the peer is trusted. On a server's accepted connection verifying means checking a client
 * certificate, which only requestCert asks for; without one the connection is anonymous, not a warning.
 */
export function tlsTrust(tls: TlsFacts, role: TlsRole): TlsTrust {
  if (tls.insecure === true) {
    return 'insecure';
  }
  if (role === 'server') {
    return tls.requestCert === true ? 'requesting' : 'listening';
  }
  if (tls.verified === true || (tls.verified === undefined && tls.authorized === true)) {
    return 'verified';
  }
  if (role === 'connection' && (tls.peerCertificate === undefined || tls.peerCertificate === null)) {
    return 'anonymous';
  }
  return 'unverified';
}

/** Not verified, and so shown with a warning wherever the socket appears. */
export function isUnverified(trust: TlsTrust): boolean {
  return trust === 'insecure' || trust === 'unverified';
}

export function trustWord(trust: TlsTrust, words: TlsWords): string {
  return words[trust];
}

/** `TLS 1.3 · TLS_AES_256_GCM_SHA384 · h2 · verified`; parts the handshake did not decide are left out. */
export function tlsBadge(tls: TlsFacts, role: TlsRole, words: TlsWords): string {
  const parts = [protocolLabel(tls.protocol ?? undefined)];
  if (given(tls.cipher)) {
    parts.push(tls.cipher);
  }
  if (given(tls.alpn)) {
    parts.push(tls.alpn);
  }
  parts.push(trustWord(tlsTrust(tls, role), words));
  return parts.join(' · ');
}

/** An IPv6 address as people write it: OpenSSL prints `0:0:0:0:0:0:0:1` for `::1`. */
export function shortAddress(name: string): string {
  if (!name.includes(':') || !/^[0-9a-f:.]+$/i.test(name)) {
    return name;
  }
  try {
    return new URL(`http://[${name}]/`).hostname.slice(1, -1);
  } catch {
    return name;
  }
}

/** The names a certificate covers, as a list: `DNS:localhost, IP Address:127.0.0.1` → `localhost`, `127.0.0.1`. */
export function certificateNames(certificate: CertificateFacts | { readonly subjectAltNames: readonly string[] | string }): string[] {
  const raw = typeof certificate.subjectAltNames === 'string' ? certificate.subjectAltNames.split(/,\s*/) : [...certificate.subjectAltNames];
  return raw
    .map((name) => shortAddress(name.trim().replace(/^(DNS|IP Address|IP|URI|email):/i, '')))
    .filter((name) => name !== '');
}

export interface TlsRow {
  readonly label: string;
  readonly value: string;
  /** Code-like text (a cipher name, a fingerprint), which the tooltip sets in monospace. */
  readonly literal: boolean;
}

function certificateRows(title: string, certificate: CertificateFacts, words: TlsWords): TlsRow[] {
  const names = certificateNames(certificate);
  return [
    { label: title, value: certificate.subject, literal: true },
    { label: words.issuer, value: certificate.issuer, literal: true },
    { label: words.validity, value: fill(words.validRange, certificate.validFrom, certificate.validTo), literal: false },
    { label: words.names, value: names.length === 0 ? words.none : names.join(', '), literal: names.length > 0 },
    { label: words.fingerprint, value: certificate.fingerprint256, literal: true },
  ];
}

/** The trust as a sentence part: the authorization error says why a connection is unverified. */
export function trustText(tls: TlsFacts, role: TlsRole, words: TlsWords): string {
  const trust = tlsTrust(tls, role);
  if (trust === 'unverified' && given(tls.authorizationError)) {
    return fill(words.unverifiedBecause, tls.authorizationError);
  }
  if (trust === 'insecure' && given(tls.authorizationError)) {
    return `${words.insecure} (${tls.authorizationError})`;
  }
  return trustWord(trust, words);
}

function textRow(label: string, value: string | null | undefined, words: TlsWords): TlsRow {
  return given(value) ? { label, value, literal: true } : { label, value: words.none, literal: false };
}

/** Every detail, in the order the tooltip lists them; a server lists its own certificate only. */
export function tlsRows(tls: TlsFacts, role: TlsRole, words: TlsWords): TlsRow[] {
  const rows: TlsRow[] =
    role === 'server'
      ? [{ label: words.trust, value: trustText(tls, role, words), literal: false }]
      : [
          { label: words.protocol, value: protocolLabel(tls.protocol ?? undefined), literal: false },
          textRow(words.cipher, tls.cipher, words),
          textRow(words.alpn, tls.alpn, words),
          textRow(words.servername, tls.servername, words),
          { label: words.trust, value: trustText(tls, role, words), literal: false },
        ];
  if (tls.peerCertificate !== undefined && tls.peerCertificate !== null) {
    rows.push(...certificateRows(words.peerCertificate, tls.peerCertificate, words));
  }
  if (tls.localCertificate !== undefined && tls.localCertificate !== null) {
    rows.push(...certificateRows(words.localCertificate, tls.localCertificate, words));
  }
  return rows;
}

/** The badge's hover in the panel: one `label: value` line per detail. */
export function tlsTitle(tls: TlsFacts, role: TlsRole, words: TlsWords): string {
  return tlsRows(tls, role, words)
    .map((row) => `${row.label}: ${row.value}`)
    .join('\n');
}

/**
 * The transcript's handshake event (`TLSv1.3 TLS_AES_256_GCM_SHA384 alpn=h2 sni=localhost verified`,
 * the engine's tlsInfo.handshakeDetail) in the badge's words; undefined when it reads otherwise.
 */
export function handshakeText(detail: string, words: TlsWords): string | undefined {
  const match = /^(\S+) (\S+)(?: alpn=(\S+))?(?: sni=(\S+))? (verified|unverified(?: \((.+)\))?)$/.exec(detail);
  if (match === null) {
    return undefined;
  }
  const [, protocol, cipher, alpn, servername, verification, why] = match;
  const parts = [protocolLabel(protocol === '?' ? undefined : protocol)];
  if (cipher !== '?') {
    parts.push(cipher);
  }
  if (alpn !== undefined) {
    parts.push(alpn);
  }
  if (servername !== undefined) {
    parts.push(`SNI ${servername}`);
  }
  if (verification === 'verified') {
    parts.push(words.verified);
  } else if (why === 'insecure') {
    parts.push(words.insecure);
  } else {
    parts.push(why === undefined ? words.unverified : fill(words.unverifiedBecause, why));
  }
  return parts.join(' · ');
}

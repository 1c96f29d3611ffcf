/**
 * Self-signed certificates for a tls-listen:// server without cert= and key=, made with
 * @peculiar/x509 (a maintained X.509 library, not a hand-written DER encoder), and the summaries of
 * certificates that TlsInfo carries.
 */
import 'reflect-metadata';
import { X509Certificate as NodeCertificate, webcrypto } from 'node:crypto';
import { isIP } from 'node:net';
import * as x509 from '@peculiar/x509';
import type { CertificateSummary } from './shared/types';

// The engine's tsconfig has no DOM lib: the library's Web Crypto types are reached through its own signatures.
type LibraryCrypto = Parameters<typeof x509.cryptoProvider.set>[0];
type LibraryKeys = x509.X509CertificateCreateSelfSignedParams['keys'];
type LibraryKey = Parameters<typeof x509.SubjectKeyIdentifierExtension.create>[0];
x509.cryptoProvider.set(webcrypto as unknown as LibraryCrypto);

export const DEFAULT_CERTIFICATE_HOSTS: readonly string[] = ['localhost', '127.0.0.1', '::1'];
export const DEFAULT_CERTIFICATE_DAYS = 365;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface SelfSignedOptions {
  /** Names and IP addresses the certificate covers (SANs); the first is also its CN. */
  readonly hosts?: readonly string[];
  readonly days?: number;
  /** The start of validity; a test can make an expired or not-yet-valid certificate with it. */
  readonly now?: Date;
}

export interface SelfSigned {
  readonly cert: string;
  readonly key: string;
  readonly notAfter: Date;
}

/** An ECDSA P-256 certificate, fast to make and understood by OpenSSL, curl, Python and browsers. */
export async function createSelfSignedCertificate(options: SelfSignedOptions = {}): Promise<SelfSigned> {
  const hosts = options.hosts ?? DEFAULT_CERTIFICATE_HOSTS;
  const notBefore = options.now ?? new Date();
  const notAfter = new Date(notBefore.getTime() + (options.days ?? DEFAULT_CERTIFICATE_DAYS) * DAY_MS);
  const algorithm = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' };
  const keys = await webcrypto.subtle.generateKey(algorithm, true, ['sign', 'verify']);
  const names = hosts.map((host) => ({ type: isIP(host) === 0 ? 'dns' : 'ip', value: host }) as x509.JsonGeneralName);
  const certificate = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: randomSerial(),
    name: `CN=${escapeName(hosts[0] ?? 'localhost')}, O=Socket Workbench`,
    notBefore,
    notAfter,
    signingAlgorithm: algorithm,
    keys: keys as unknown as LibraryKeys,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.keyEncipherment, true),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth, x509.ExtendedKeyUsage.clientAuth]),
      new x509.SubjectAlternativeNameExtension(names),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey as unknown as LibraryKey),
    ],
  });
  const pkcs8 = await webcrypto.subtle.exportKey('pkcs8', keys.privateKey);
  return {
    cert: certificate.toString('pem'),
    key: x509.PemConverter.encode(pkcs8, 'PRIVATE KEY'),
    notAfter,
  };
}

/** When the (first) certificate in the PEM expires. Throws on text that is no certificate. */
export function certificateExpiry(pem: string): Date {
  return new Date(new NodeCertificate(pem).validTo);
}

function randomSerial(): string {
  const bytes = webcrypto.getRandomValues(new Uint8Array(16));
  // A positive INTEGER: the top bit clear.
  bytes[0] &= 0x7f;
  return Buffer.from(bytes).toString('hex');
}

function escapeName(value: string): string {
  return value.replace(/([,+"\\<>;=])/g, '\\$1');
}

/** OpenSSL prints DNs one attribute a line (`CN=localhost\nO=Example`); a summary joins them. */
function distinguishedName(text: string): string {
  return text.split('\n').filter((line) => line !== '').join(', ');
}

/** `DNS:localhost, IP Address:127.0.0.1` as a list, with `IP:` for addresses. */
export function subjectAltNames(text: string | undefined): string[] {
  if (text === undefined || text === '') {
    return [];
  }
  return text.split(', ').map((name) => (name.startsWith('IP Address:') ? `IP:${name.slice('IP Address:'.length)}` : name));
}

export function summarize(certificate: NodeCertificate): CertificateSummary {
  return {
    subject: distinguishedName(certificate.subject),
    issuer: distinguishedName(certificate.issuer),
    validFrom: new Date(certificate.validFrom).toISOString(),
    validTo: new Date(certificate.validTo).toISOString(),
    subjectAltNames: subjectAltNames(certificate.subjectAltName),
    fingerprint256: certificate.fingerprint256,
  };
}

/** A summary of DER or PEM bytes; null when they do not parse (a peer sent something odd). */
export function summarizeCertificate(data: Buffer | string): CertificateSummary | null {
  try {
    return summarize(new NodeCertificate(data));
  } catch {
    return null;
  }
}

/** The first certificate of a PEM bundle, re-encoded, for export. */
export function firstCertificatePem(data: Buffer | string): string | null {
  try {
    return new NodeCertificate(data).toString();
  } catch {
    return null;
  }
}

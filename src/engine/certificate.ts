/**
 * Self-signed certificates for a tls-listen:// server without cert= and key=, made with
 * @peculiar/x509 (selfSigned.ts, loaded on first use), and the summaries of certificates that
 * TlsInfo carries.
 */
import { X509Certificate as NodeCertificate } from 'node:crypto';
import type { CertificateSummary } from './shared/types';

export const DEFAULT_CERTIFICATE_HOSTS: readonly string[] = ['localhost', '127.0.0.1', '::1'];
export const DEFAULT_CERTIFICATE_DAYS = 365;

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

/**
 * An ECDSA P-256 certificate, fast to make and understood by OpenSSL, curl, Python and browsers.
 * @peculiar/x509 and reflect-metadata are loaded here, on first use: held in every process that
 * imports the engine, their heap made a 1 GiB TCP transfer's collector run 27 full collections
 * instead of none (about 40% more CPU per GiB).
 */
export async function createSelfSignedCertificate(options: SelfSignedOptions = {}): Promise<SelfSigned> {
  const { makeSelfSigned } = await import('./selfSigned');
  return makeSelfSigned(options, DEFAULT_CERTIFICATE_HOSTS, DEFAULT_CERTIFICATE_DAYS);
}

/** When the (first) certificate in the PEM expires. Throws on text that is no certificate. */
export function certificateExpiry(pem: string): Date {
  return new Date(new NodeCertificate(pem).validTo);
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

/**
 * The self-signed certificate itself, with @peculiar/x509 (a maintained X.509 library, not a
 * hand-written DER encoder). Only certificate.ts imports this, lazily: the library and its
 * reflect-metadata polyfill stay out of processes that never make a certificate.
 */
import 'reflect-metadata';
import { webcrypto } from 'node:crypto';
import { isIP } from 'node:net';
import * as x509 from '@peculiar/x509';
import type { SelfSigned, SelfSignedOptions } from './certificate';

// The engine's tsconfig has no DOM lib: the library's Web Crypto types are reached through its own signatures.
type LibraryCrypto = Parameters<typeof x509.cryptoProvider.set>[0];
type LibraryKeys = x509.X509CertificateCreateSelfSignedParams['keys'];
type LibraryKey = Parameters<typeof x509.SubjectKeyIdentifierExtension.create>[0];
x509.cryptoProvider.set(webcrypto as unknown as LibraryCrypto);

const DAY_MS = 24 * 60 * 60 * 1000;

/** See createSelfSignedCertificate (certificate.ts), which loads this module when first asked. */
export async function makeSelfSigned(options: SelfSignedOptions, defaultHosts: readonly string[], defaultDays: number): Promise<SelfSigned> {
  const hosts = options.hosts ?? defaultHosts;
  const notBefore = options.now ?? new Date();
  const notAfter = new Date(notBefore.getTime() + (options.days ?? defaultDays) * DAY_MS);
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

function randomSerial(): string {
  const bytes = webcrypto.getRandomValues(new Uint8Array(16));
  // A positive INTEGER: the top bit clear.
  bytes[0] &= 0x7f;
  return Buffer.from(bytes).toString('hex');
}

function escapeName(value: string): string {
  return value.replace(/([,+"\\<>;=])/g, '\\$1');
}

/**
 * Certificates the TLS tests make for themselves with @peculiar/x509 (the library the engine uses):
 * a test CA, server certificates it signs (good, for another host, expired, not yet valid), a
 * client certificate, and a second CA nobody trusts. Written as PEM files to a temp folder.
 */
import 'reflect-metadata';
import { webcrypto } from 'node:crypto';
import * as fs from 'node:fs';
import { isIP } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import * as x509 from '@peculiar/x509';

type LibraryCrypto = Parameters<typeof x509.cryptoProvider.set>[0];
type LibraryKeys = x509.X509CertificateCreateSelfSignedParams['keys'];
type LibraryKey = x509.X509CertificateCreateWithKeyParams['signingKey'];
type LibraryPublicKey = x509.X509CertificateCreateWithKeyParams['publicKey'];
x509.cryptoProvider.set(webcrypto as unknown as LibraryCrypto);

const ALGORITHM = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' };
const DAY = 24 * 60 * 60 * 1000;

interface KeyPair {
  readonly publicKey: webcrypto.CryptoKey;
  readonly privateKey: webcrypto.CryptoKey;
}

interface Issued {
  readonly cert: x509.X509Certificate;
  readonly keys: KeyPair;
}

async function keyPair(): Promise<KeyPair> {
  return (await webcrypto.subtle.generateKey(ALGORITHM, true, ['sign', 'verify'])) as KeyPair;
}

let serial = 1;

async function authority(name: string): Promise<Issued> {
  const keys = await keyPair();
  const now = Date.now();
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: (serial++).toString(16).padStart(2, '0'),
    name: `CN=${name}`,
    notBefore: new Date(now - DAY),
    notAfter: new Date(now + 30 * DAY),
    signingAlgorithm: ALGORITHM,
    keys: keys as unknown as LibraryKeys,
    extensions: [
      new x509.BasicConstraintsExtension(true, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign | x509.KeyUsageFlags.digitalSignature, true),
    ],
  });
  return { cert, keys };
}

interface LeafOptions {
  readonly hosts: readonly string[];
  readonly notBefore: Date;
  readonly notAfter: Date;
  readonly client?: boolean;
}

async function leaf(issuer: Issued, options: LeafOptions): Promise<Issued> {
  const keys = await keyPair();
  const names = options.hosts.map((host) => ({ type: isIP(host) === 0 ? 'dns' : 'ip', value: host }) as x509.JsonGeneralName);
  const cert = await x509.X509CertificateGenerator.create({
    serialNumber: (serial++).toString(16).padStart(2, '0'),
    subject: `CN=${options.hosts[0]}`,
    issuer: issuer.cert.subject,
    notBefore: options.notBefore,
    notAfter: options.notAfter,
    signingAlgorithm: ALGORITHM,
    publicKey: keys.publicKey as unknown as LibraryPublicKey,
    signingKey: issuer.keys.privateKey as unknown as LibraryKey,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
      new x509.ExtendedKeyUsageExtension([options.client === true ? x509.ExtendedKeyUsage.clientAuth : x509.ExtendedKeyUsage.serverAuth]),
      ...(names.length > 0 ? [new x509.SubjectAlternativeNameExtension(names)] : []),
    ],
  });
  return { cert, keys };
}

async function keyPem(keys: KeyPair): Promise<string> {
  return x509.PemConverter.encode(await webcrypto.subtle.exportKey('pkcs8', keys.privateKey), 'PRIVATE KEY');
}

/** Paths of the PEM files, all in one temp folder (`dir`). */
export interface TlsFixtures {
  readonly dir: string;
  /** The test CA (trust it with ca=). */
  readonly ca: string;
  /** localhost, 127.0.0.1, ::1, signed by the CA. */
  readonly serverCert: string;
  readonly serverKey: string;
  /** Signed by the CA for other.example only. */
  readonly otherHostCert: string;
  readonly otherHostKey: string;
  readonly expiredCert: string;
  readonly expiredKey: string;
  readonly futureCert: string;
  readonly futureKey: string;
  /** A client certificate the CA signed. */
  readonly clientCert: string;
  readonly clientKey: string;
  /** A client certificate from a CA nobody trusts. */
  readonly strangerCert: string;
  readonly strangerKey: string;
  /** The self-signed server certificate of no CA (for tls-self-signed). */
  readonly selfSignedCert: string;
  readonly selfSignedKey: string;
  /** Validity of the expired and future certificates, as ISO text. */
  readonly expiredValidTo: string;
  readonly futureValidFrom: string;
  remove(): void;
}

export async function makeTlsFixtures(): Promise<TlsFixtures> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sw-tls-'));
  const now = Date.now();
  const ca = await authority('Socket Workbench Test CA');
  const stranger = await authority('Stranger CA');
  const hosts = ['localhost', '127.0.0.1', '::1'];
  const good = await leaf(ca, { hosts, notBefore: new Date(now - DAY), notAfter: new Date(now + 10 * DAY) });
  const other = await leaf(ca, { hosts: ['other.example'], notBefore: new Date(now - DAY), notAfter: new Date(now + 10 * DAY) });
  // Whole seconds: X.509 times have no milliseconds, so the ISO text the error carries matches.
  const expiredTo = new Date(Math.floor((now - 2 * DAY) / 1000) * 1000);
  const expired = await leaf(ca, { hosts, notBefore: new Date(now - 10 * DAY), notAfter: expiredTo });
  const futureFrom = new Date(Math.floor((now + 5 * DAY) / 1000) * 1000);
  const future = await leaf(ca, { hosts, notBefore: futureFrom, notAfter: new Date(now + 20 * DAY) });
  const client = await leaf(ca, { hosts: ['test client'], notBefore: new Date(now - DAY), notAfter: new Date(now + 10 * DAY), client: true });
  const strangerClient = await leaf(stranger, { hosts: ['stranger'], notBefore: new Date(now - DAY), notAfter: new Date(now + 10 * DAY), client: true });
  const selfSigned = await authority('localhost');

  const write = (name: string, text: string): string => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, text);
    return file;
  };
  const pair = async (name: string, issued: Issued): Promise<[string, string]> => [
    write(`${name}.pem`, issued.cert.toString('pem')),
    write(`${name}.key`, await keyPem(issued.keys)),
  ];
  const [serverCert, serverKey] = await pair('server', good);
  const [otherHostCert, otherHostKey] = await pair('other', other);
  const [expiredCert, expiredKey] = await pair('expired', expired);
  const [futureCert, futureKey] = await pair('future', future);
  const [clientCert, clientKey] = await pair('client', client);
  const [strangerCert, strangerKey] = await pair('stranger', strangerClient);
  const [selfSignedCert, selfSignedKey] = await pair('self', selfSigned);
  return {
    dir,
    ca: write('ca.pem', ca.cert.toString('pem')),
    serverCert,
    serverKey,
    otherHostCert,
    otherHostKey,
    expiredCert,
    expiredKey,
    futureCert,
    futureKey,
    clientCert,
    clientKey,
    strangerCert,
    strangerKey,
    selfSignedCert,
    selfSignedKey,
    expiredValidTo: expiredTo.toISOString(),
    futureValidFrom: futureFrom.toISOString(),
    remove: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

// The kept self-signed certificate: made on first use, read back by a new store (a restart), renewed
// once expired, remade when the files are unreadable; with the engine's real X.509 functions.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { certificateExpiry, createSelfSignedCertificate } from '../../src/engine/certificate';
import type { Logger } from '../../src/log';
import { CertificateStore, type CertificateMaker } from '../../src/tlsCredentials';

const YEAR_MS = 365 * 24 * 60 * 60 * 1000;
const MAKER: CertificateMaker = { create: () => createSelfSignedCertificate(), expiry: certificateExpiry };

function keeping(lines: string[]): Logger {
  const logger: Logger = {
    trace: (message) => lines.push(`trace ${message}`),
    debug: (message) => lines.push(`debug ${message}`),
    info: (message) => lines.push(`info ${message}`),
    warn: (message) => lines.push(`warn ${message}`),
    error: (message) => lines.push(`error ${String(message)}`),
    child: () => logger,
    show: () => undefined,
  };
  return logger;
}

describe('the kept TLS certificate', () => {
  let directory: string;

  beforeEach(() => {
    directory = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'sw-credentials-')), 'tls');
  });

  afterEach(() => {
    fs.rmSync(path.dirname(directory), { recursive: true, force: true });
  });

  it('is made on first use with a private key file, and a second store (a restart) reads the same pair', async () => {
    const lines: string[] = [];
    const store = new CertificateStore(directory, MAKER, keeping(lines));
    const [first, concurrent] = await Promise.all([store.credentials(), store.credentials()]);
    assert.equal(concurrent.cert, first.cert, 'two listeners opening at once share one certificate');
    assert.match(first.cert, /^-----BEGIN CERTIFICATE-----/);
    assert.match(first.key, /^-----BEGIN PRIVATE KEY-----/);
    assert.equal(fs.readFileSync(store.certificatePath, 'utf8'), first.cert);
    assert.equal(fs.statSync(store.keyPath).mode & 0o777, 0o600);
    assert.equal(lines.length, 1);
    assert.match(lines[0], /^info created a self-signed certificate for localhost, 127\.0\.0\.1 and ::1, valid until \d{4}-.*Z: .*localhost\.crt$/);
    const until = certificateExpiry(first.cert).getTime();
    assert.ok(Math.abs(until - (Date.now() + YEAR_MS)) < 60 * 60 * 1000, `valid for one year: ${new Date(until).toISOString()}`);

    const restarted: string[] = [];
    const again = await new CertificateStore(directory, MAKER, keeping(restarted)).credentials();
    assert.deepEqual(again, first);
    assert.deepEqual(restarted, []);
  });

  it('is renewed once expired, by a store that starts later and by one that has kept it in memory', async () => {
    const lines: string[] = [];
    let now = Date.now();
    const store = new CertificateStore(directory, MAKER, keeping(lines), () => now);
    const first = await store.credentials();
    now += YEAR_MS + 24 * 60 * 60 * 1000;
    const renewed = await store.credentials();
    assert.notEqual(renewed.cert, first.cert);
    assert.equal(fs.readFileSync(store.certificatePath, 'utf8'), renewed.cert);
    assert.equal(lines.length, 2);
    assert.match(lines[1], /^info renewed the self-signed certificate \(it expired \d{4}-.*Z\), valid until \d{4}-.*Z: .*localhost\.crt$/);
  });

  it('is made again when the kept files are unreadable, and says so', async () => {
    fs.mkdirSync(directory, { recursive: true });
    fs.writeFileSync(path.join(directory, 'localhost.crt'), 'not a certificate');
    fs.writeFileSync(path.join(directory, 'localhost.key'), 'not a key');
    const lines: string[] = [];
    const store = new CertificateStore(directory, MAKER, keeping(lines));
    const made = await store.credentials();
    assert.match(made.cert, /^-----BEGIN CERTIFICATE-----/);
    assert.equal(lines.length, 2);
    assert.match(lines[0], /^warn the kept certificate .*localhost\.crt is unreadable/);
    assert.match(lines[1], /^info created a self-signed certificate/);
  });
});

/**
 * TLS in the one spec syntax, the self-signed certificate the engine makes, and the
 * all-interfaces guard for tls-listen://.
 */
import * as assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import * as tls from 'node:tls';
import { DEFAULT_CERTIFICATE_HOSTS, SocketEngine, bindsAllInterfaces, certificateExpiry, createSelfSignedCertificate, formatSpec, parseSpec, type BindRequest } from '../../src/engine';

describe('TLS specs', () => {
  it('parses tls:// and tls-listen:// over IPv4, IPv6 and names, with every TLS option', () => {
    assert.deepEqual(parseSpec('tls://example.com:443'), { transport: 'tls', role: 'connect', host: 'example.com', port: '443', options: {} });
    assert.deepEqual(parseSpec('tls-listen://[::1]:8443?requestCert=1&ca=clients.pem'), {
      transport: 'tls',
      role: 'listen',
      host: '::1',
      port: '8443',
      options: { ca: 'clients.pem', requestCert: true },
    });
    const spec = parseSpec('TLS://127.0.0.1:https?servername=localhost&alpn=h2,http/1.1&ca=certs/ca%20file.pem&cert=c.pem&key=k.pem&minVersion=tlsv1.2&maxVersion=TLSv1.3&insecure=1&noDelay=1&timeout=500');
    assert.deepEqual(spec.options, {
      servername: 'localhost',
      alpn: ['h2', 'http/1.1'],
      ca: 'certs/ca file.pem',
      cert: 'c.pem',
      key: 'k.pem',
      minVersion: 'TLSv1.2',
      maxVersion: 'TLSv1.3',
      insecure: true,
      noDelay: true,
      timeout: 500,
    });
    const text = formatSpec(spec);
    assert.equal(text, 'tls://127.0.0.1:https?noDelay=1&timeout=500&servername=localhost&alpn=h2,http/1.1&ca=certs/ca%20file.pem&cert=c.pem&key=k.pem&minVersion=TLSv1.2&maxVersion=TLSv1.3&insecure=1');
    assert.deepEqual(parseSpec(text), spec);
  });

  it('keeps the family in the query (there is no tls6:// scheme)', () => {
    const spec = parseSpec('tls-listen://localhost:0?family=6');
    assert.equal(spec.options.family, 6);
    assert.equal(formatSpec(spec), 'tls-listen://localhost:0?family=6');
    assert.deepEqual(parseSpec(formatSpec(spec)), spec);
  });

  it('tells a UI that tls-listen://0.0.0.0 and [::] bind every interface', () => {
    assert.equal(bindsAllInterfaces(parseSpec('tls-listen://0.0.0.0:8443')), true);
    assert.equal(bindsAllInterfaces(parseSpec('tls-listen://[::]:8443')), true);
    assert.equal(bindsAllInterfaces(parseSpec('tls-listen://127.0.0.1:8443')), false);
    assert.equal(bindsAllInterfaces(parseSpec('tls://0.0.0.0:8443')), false);
  });
});

describe('self-signed certificates', () => {
  it('covers localhost, 127.0.0.1 and ::1 for 365 days by default, and verifies as its own CA', async () => {
    const now = new Date('2026-01-01T00:00:00Z');
    const made = await createSelfSignedCertificate({ now });
    assert.deepEqual(DEFAULT_CERTIFICATE_HOSTS, ['localhost', '127.0.0.1', '::1']);
    const certificate = new X509Certificate(made.cert);
    assert.equal(certificate.subjectAltName, 'DNS:localhost, IP Address:127.0.0.1, IP Address:0:0:0:0:0:0:0:1');
    assert.equal(new Date(certificate.validFrom).toISOString(), '2026-01-01T00:00:00.000Z');
    assert.equal(made.notAfter.toISOString(), '2027-01-01T00:00:00.000Z');
    assert.equal(certificateExpiry(made.cert).toISOString(), '2027-01-01T00:00:00.000Z');
    assert.equal(certificate.checkHost('localhost'), 'localhost');
    assert.equal(certificate.checkIP('127.0.0.1'), '127.0.0.1');
    assert.equal(certificate.checkIP('::1'), '::1');
    assert.equal(certificate.verify(certificate.publicKey), true);
    assert.match(made.key, /^-----BEGIN PRIVATE KEY-----\n/);
    // Node takes the pair as a server's credentials.
    assert.doesNotThrow(() => tls.createSecureContext({ cert: made.cert, key: made.key }));
  });

  it('takes other hosts and a validity in days', async () => {
    const made = await createSelfSignedCertificate({ hosts: ['devbox.test', '10.0.0.7'], days: 2, now: new Date('2026-03-01T00:00:00Z') });
    const certificate = new X509Certificate(made.cert);
    assert.equal(certificate.subjectAltName, 'DNS:devbox.test, IP Address:10.0.0.7');
    assert.match(certificate.subject, /^CN=devbox\.test$/m);
    assert.equal(made.notAfter.toISOString(), '2026-03-03T00:00:00.000Z');
  });

  it('is what a tls-listen without cert/key presents: the defaultCredentials option, else one made once per engine', async () => {
    const made = await createSelfSignedCertificate();
    let asked = 0;
    const engine = new SocketEngine({
      defaultCredentials: () => {
        asked++;
        return Promise.resolve({ cert: made.cert, key: made.key });
      },
    });
    const fallback = new SocketEngine();
    try {
      const server = await engine.open('tls-listen://127.0.0.1:0');
      assert.equal(asked, 1);
      assert.equal(engine.certificate(server.id), new X509Certificate(made.cert).toString());
      assert.equal(server.tls?.localCertificate?.fingerprint256, new X509Certificate(made.cert).fingerprint256);
      assert.equal(server.tls?.protocol, null);
      const first = await fallback.open('tls-listen://127.0.0.1:0');
      const second = await fallback.open('tls-listen://127.0.0.1:0');
      assert.equal(first.tls?.localCertificate?.fingerprint256, second.tls?.localCertificate?.fingerprint256);
      assert.notEqual(first.tls?.localCertificate?.fingerprint256, server.tls?.localCertificate?.fingerprint256);
      const tcp = await fallback.open('tcp-listen://127.0.0.1:0');
      assert.equal(fallback.certificate(tcp.id), null);
      assert.equal(tcp.tls, undefined);
    } finally {
      await engine.dispose();
      await fallback.dispose();
    }
  });
});

describe('the all-interfaces guard for tls-listen://', () => {
  it('asks before binding 0.0.0.0 (resolved), and declined leaves it closed', async () => {
    const requests: BindRequest[] = [];
    const engine = new SocketEngine({
      confirmAllInterfaces: (request) => {
        requests.push(request);
        return Promise.resolve(false);
      },
    });
    try {
      await assert.rejects(engine.open('tls-listen://0.0.0.0:0'), (error: unknown) => (error as { code?: string }).code === 'CANCELLED');
      assert.equal(requests.length, 1);
      assert.equal(requests[0].address, '0.0.0.0');
      assert.equal(requests[0].spec, 'tls-listen://0.0.0.0:0');
      assert.equal(engine.list()[0].state, 'closed');
      const loopback = await engine.open('tls-listen://127.0.0.1:0');
      assert.equal(loopback.state, 'listening');
      assert.equal(requests.length, 1);
    } finally {
      await engine.dispose();
    }
  });
});

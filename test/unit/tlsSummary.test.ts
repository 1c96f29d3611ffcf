// The TLS badge, trust and detail rows the tree tooltip and the panel header show, on plain data.
import * as assert from 'node:assert/strict';
import { certificateNames, fill, handshakeText, isUnverified, protocolLabel, tlsBadge, tlsRows, tlsTitle, tlsTrust, type CertificateFacts, type TlsFacts, type TlsWords } from '../../src/tlsSummary';

const WORDS: TlsWords = {
  verified: 'verified',
  insecure: 'unverified (insecure=1)',
  unverified: 'unverified',
  anonymous: 'no client certificate',
  listening: 'clients need no certificate',
  requesting: 'client certificates required',
  protocol: 'Protocol',
  cipher: 'Cipher',
  alpn: 'ALPN',
  servername: 'Server name (SNI)',
  trust: 'Verification',
  peerCertificate: 'Peer certificate',
  localCertificate: 'Local certificate',
  subject: 'Subject',
  issuer: 'Issuer',
  validity: 'Valid',
  validRange: '{0} to {1}',
  names: 'Names',
  fingerprint: 'SHA-256',
  none: 'none',
  unverifiedBecause: 'unverified: {0}',
};

const CERTIFICATE: CertificateFacts = {
  subject: 'CN=localhost',
  issuer: 'CN=localhost',
  validFrom: '2026-12-02T06:00:00.000Z',
  validTo: '2027-12-02T06:00:00.000Z',
  subjectAltNames: ['DNS:localhost', 'IP Address:127.0.0.1', 'IP Address:::1'],
  fingerprint256: 'AB:CD',
};

const VERIFIED: TlsFacts = {
  protocol: 'TLSv1.3',
  cipher: 'TLS_AES_256_GCM_SHA384',
  alpn: 'h2',
  servername: 'localhost',
  authorized: true,
  verified: true,
  insecure: false,
  peerCertificate: CERTIFICATE,
};

describe('TLS summary', () => {
  it('names protocol versions as people write them', () => {
    assert.deepEqual(
      ['TLSv1.3', 'TLSv1.2', 'TLSv1', 'SSLv3', 'unknown', undefined, ''].map(protocolLabel),
      ['TLS 1.3', 'TLS 1.2', 'TLS 1.0', 'SSL 3.0', 'unknown', 'TLS', 'TLS'],
    );
  });

  it('decides trust: insecure wins, then verified; a server connection without a client certificate is anonymous', () => {
    assert.equal(tlsTrust(VERIFIED, 'client'), 'verified');
    assert.equal(tlsTrust({ ...VERIFIED, insecure: true, verified: false, authorized: false }, 'client'), 'insecure');
    assert.equal(tlsTrust({ ...VERIFIED, verified: false, authorized: false }, 'client'), 'unverified');
    assert.equal(tlsTrust({ protocol: 'TLSv1.3', authorized: false }, 'connection'), 'anonymous');
    assert.equal(tlsTrust({ protocol: 'TLSv1.3', authorized: false, peerCertificate: CERTIFICATE }, 'connection'), 'unverified');
    assert.equal(tlsTrust({ protocol: 'TLSv1.3', authorized: true }, 'client'), 'verified');
    assert.equal(tlsTrust({ protocol: null, authorized: false, localCertificate: CERTIFICATE }, 'server'), 'listening');
    assert.equal(tlsTrust({ protocol: null, authorized: false, requestCert: true }, 'server'), 'requesting');
    assert.equal(tlsTrust({ protocol: null, insecure: true }, 'server'), 'insecure');
    assert.deepEqual((['verified', 'insecure', 'unverified', 'anonymous', 'listening', 'requesting'] as const).map(isUnverified), [false, true, true, false, false, false]);
  });

  it('the badge is protocol · cipher · ALPN · trust, leaving out what was not agreed', () => {
    assert.equal(tlsBadge(VERIFIED, 'client', WORDS), 'TLS 1.3 · TLS_AES_256_GCM_SHA384 · h2 · verified');
    assert.equal(tlsBadge({ ...VERIFIED, alpn: null, insecure: true, verified: false }, 'client', WORDS), 'TLS 1.3 · TLS_AES_256_GCM_SHA384 · unverified (insecure=1)');
    assert.equal(tlsBadge({ protocol: 'TLSv1.2', cipher: 'ECDHE-RSA-AES128-GCM-SHA256', authorized: false }, 'connection', WORDS), 'TLS 1.2 · ECDHE-RSA-AES128-GCM-SHA256 · no client certificate');
  });

  it('reads the covered names from an array or from the OpenSSL string', () => {
    assert.deepEqual(certificateNames(CERTIFICATE), ['localhost', '127.0.0.1', '::1']);
    assert.deepEqual(certificateNames({ ...CERTIFICATE, subjectAltNames: 'DNS:example.test, IP Address:10.0.0.1' }), ['example.test', '10.0.0.1']);
    assert.deepEqual(certificateNames({ ...CERTIFICATE, subjectAltNames: '' }), []);
    // OpenSSL writes IPv6 SANs in full.
    assert.deepEqual(certificateNames({ subjectAltNames: ['IP:0:0:0:0:0:0:0:1', 'IP:FE80:0:0:0:0:0:0:1', 'DNS:a:b.test'] }), ['::1', 'fe80::1', 'a:b.test']);
    assert.deepEqual(certificateNames({ subjectAltNames: 'localhost,127.0.0.1,0:0:0:0:0:0:0:1' }), ['localhost', '127.0.0.1', '::1']);
  });

  it('lists every detail, with the reason an unverified peer was not trusted', () => {
    const rows = tlsRows({ ...VERIFIED, verified: false, authorized: false, authorizationError: 'SELF_SIGNED_CERT_IN_CHAIN', localCertificate: CERTIFICATE }, 'client', WORDS);
    assert.deepEqual(
      rows.map((row) => `${row.label}=${row.value}${row.literal ? ' (code)' : ''}`),
      [
        'Protocol=TLS 1.3',
        'Cipher=TLS_AES_256_GCM_SHA384 (code)',
        'ALPN=h2 (code)',
        'Server name (SNI)=localhost (code)',
        'Verification=unverified: SELF_SIGNED_CERT_IN_CHAIN',
        'Peer certificate=CN=localhost (code)',
        'Issuer=CN=localhost (code)',
        'Valid=2026-12-02T06:00:00.000Z to 2027-12-02T06:00:00.000Z',
        'Names=localhost, 127.0.0.1, ::1 (code)',
        'SHA-256=AB:CD (code)',
        'Local certificate=CN=localhost (code)',
        'Issuer=CN=localhost (code)',
        'Valid=2026-12-02T06:00:00.000Z to 2027-12-02T06:00:00.000Z',
        'Names=localhost, 127.0.0.1, ::1 (code)',
        'SHA-256=AB:CD (code)',
      ],
    );
  });

  it('the panel title is one line per detail; fill keeps unknown placeholders', () => {
    assert.equal(
      tlsTitle({ protocol: null, cipher: null, authorized: false, localCertificate: { ...CERTIFICATE, subjectAltNames: [] } }, 'server', WORDS),
      'Verification: clients need no certificate\nLocal certificate: CN=localhost\nIssuer: CN=localhost\nValid: 2026-12-02T06:00:00.000Z to 2027-12-02T06:00:00.000Z\nNames: none\nSHA-256: AB:CD',
    );
    assert.equal(tlsTitle({ protocol: 'TLSv1.3', cipher: null, alpn: null, insecure: true }, 'client', WORDS), 'Protocol: TLS 1.3\nCipher: none\nALPN: none\nServer name (SNI): none\nVerification: unverified (insecure=1)');
    assert.equal(fill('{0} and {2}', 'a'), 'a and {2}');
  });

  it('reads the transcript handshake event in the badge words', () => {
    assert.equal(handshakeText('TLSv1.3 TLS_AES_256_GCM_SHA384 alpn=h2 sni=localhost verified', WORDS), 'TLS 1.3 · TLS_AES_256_GCM_SHA384 · h2 · SNI localhost · verified');
    assert.equal(handshakeText('TLSv1.2 ECDHE-RSA-AES128-GCM-SHA256 unverified (insecure)', WORDS), 'TLS 1.2 · ECDHE-RSA-AES128-GCM-SHA256 · unverified (insecure=1)');
    assert.equal(handshakeText('TLSv1.3 TLS_AES_128_GCM_SHA256 sni=a.test unverified (DEPTH_ZERO_SELF_SIGNED_CERT)', WORDS), 'TLS 1.3 · TLS_AES_128_GCM_SHA256 · SNI a.test · unverified: DEPTH_ZERO_SELF_SIGNED_CERT');
    assert.equal(handshakeText('TLSv1.3 TLS_AES_128_GCM_SHA256 unverified', WORDS), 'TLS 1.3 · TLS_AES_128_GCM_SHA256 · unverified');
    assert.equal(handshakeText('something else', WORDS), undefined);
  });
});

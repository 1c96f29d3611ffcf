/**
 * TLS through the extension: a tls-listen server and tls clients opened through the API and the
 * commands, exact bytes both ways, what SocketInfo.tls says, Export Certificate checked by openssl
 * and curl, Start TLS against a python3 STARTTLS server, the sentences of failed handshakes, the
 * all-interfaces guard, and the self-signed certificate kept in global storage. All on 127.0.0.1.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import type { SocketInfo } from '../../src/engine';
import { certificateExpiry, createSelfSignedCertificate } from '../../src/engine/certificate';
import { SocketEngine } from '../../src/engine';
import type { ActivatedApi } from '../../src/extension';
import type { Logger } from '../../src/log';
import { eventText } from '../../src/panel/strings';
import { CertificateStore, keptCertificates } from '../../src/tlsCredentials';
import { buildGuidedSpec, checkSpecText, hostSuggestions, optionChoices } from '../../src/commands/steps';
import { listenSpec } from '../../src/commands/listenInput';
import { activate, lastMessage, messageOf, run, tempDirectory, waitFor } from './commandsHelpers';
import { cleanUp, openReadyPanel, waitForMessage } from './panelHelpers';
import { startTlsServer, runProgram, transcriptBytes, waitForBytes } from './tlsHelpers';
import { TLS_CASES, tlsError } from './tlsSentences';
import { describeError } from '../../src/messages';
import { rootNode, row, tooltipText } from './treeHelpers';

const QUESTION = 'Listen on all network interfaces?';

/** One English sentence per TLS reason, each with the fix. */
const ENGLISH: Readonly<Record<string, string>> = {
  'tls-unknown-ca': 'The certificate of localhost:4433 was issued by an authority this socket does not trust: give its CA certificate with ca=PATH, or skip verification with insecure=1.',
  'tls-self-signed': 'The certificate of localhost:4433 is self-signed: trust it with ca=PATH (its exported PEM), or skip verification with insecure=1.',
  'tls-expired': 'The certificate of localhost:4433 expired on 2025-01-01T00:00:00.000Z: renew it on the server, or skip verification with insecure=1.',
  'tls-not-yet-valid': 'The certificate of localhost:4433 is not valid before 2030-01-01T00:00:00.000Z: check both clocks, or skip verification with insecure=1.',
  'tls-hostname-mismatch': "The certificate does not cover 'example.test': it covers localhost, 127.0.0.1, ::1. Connect by one of those names (or set servername=), trust it as it is with insecure=1, or give the right certificate to the server.",
  'tls-no-common-protocol': 'The TLS handshake with localhost:4433 failed: no protocol version or cipher suite in common. Widen minVersion= and maxVersion= (for example minVersion=TLSv1.2).',
  'tls-client-certificate-required': 'localhost:4433 requires a client certificate: give one with cert=PATH and key=PATH.',
  'tls-client-certificate-rejected': '127.0.0.1:50312 rejected the client certificate: give one its CA trusts with cert=PATH and key=PATH.',
  'tls-not-tls': '127.0.0.1:8080 did not answer in TLS (it sent plain bytes): open it with tcp://, or check the port.',
  'tls-handshake-timeout': 'The TLS handshake with 127.0.0.1:8080 did not finish within 10000 ms: is TLS spoken on that port? Raise timeout= if the peer is slow.',
  'tls-handshake-failed': 'The TLS handshake with localhost:4433 failed (ERR_SSL_SSLV3_ALERT_HANDSHAKE_FAILURE).',
  'tls-file-unreadable': 'The ca= file /tmp/missing.pem cannot be read (ENOENT).',
  'tls-credentials-invalid': 'The certificate or key is not usable (ERR_OSSL_PEM_NO_START_LINE): give a PEM certificate with cert= and its private key with key=.',
};

function portOf(info: SocketInfo | undefined): number {
  const port = info?.local?.port;
  assert.ok(port !== undefined && port !== 0, `socket ${info?.id ?? '(none)'} has a bound port`);
  return port;
}

/** A logger that keeps its lines, to see what the certificate store says. */
function keepingLogger(lines: string[]): Logger {
  const logger: Logger = {
    trace: (message) => lines.push(message),
    debug: (message) => lines.push(message),
    info: (message) => lines.push(message),
    warn: (message) => lines.push(message),
    error: (message) => lines.push(String(message)),
    child: () => logger,
    show: () => undefined,
  };
  return logger;
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

function tcpProbe(port: number): Promise<'refused' | 'open'> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve('open');
    });
    socket.once('error', () => resolve('refused'));
  });
}

/** The first accepted connection of a server once its handshake is done. */
function handshaken(api: ActivatedApi, serverId: string): Promise<SocketInfo> {
  return waitFor(`a TLS connection on ${serverId}`, () => api.connections(serverId).find((connection) => typeof connection.tls?.protocol === 'string'), 10_000);
}

describe('tls: servers, clients, certificates and STARTTLS through the extension', function () {
  this.timeout(60_000);
  let api: ActivatedApi;
  let folder: string;

  before(async () => {
    api = await activate();
    folder = tempDirectory('sw-tls-');
  });

  beforeEach(() => api.testing.services.recorder.shownMessages.splice(0));

  afterEach(async () => {
    await cleanUp(api);
  });

  after(() => {
    api.testing.services.recorder.shownMessages.splice(0);
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it('words every TLS failure reason in one English sentence with its fix', () => {
    assert.deepEqual(Object.fromEntries(TLS_CASES.map(([reason, data]) => [reason, describeError(tlsError(reason, data))])), ENGLISH);
  });

  it('tls-listen and a tls client through the API: exact bytes both ways, SocketInfo.tls, the tree and the panel badge', async () => {
    const server = await api.open('tls-listen://127.0.0.1:0');
    const port = portOf(server);
    const pem = path.join(folder, 'server.pem');
    assert.equal(await run('exportCertificate', server.id, pem), pem);
    const client = await api.open(`tls://localhost:${port}?ca=${pem}`);
    const connection = await handshaken(api, server.id);
    const tls = client.tls;
    assert.ok(tls, 'the client carries tls');
    const fingerprint = (await runProgram('openssl', ['x509', '-in', pem, '-noout', '-fingerprint', '-sha256'])).stdout.trim().replace(/^.*=/, '');
    assert.deepEqual(
      { protocol: tls.protocol, cipher: tls.cipher, alpn: tls.alpn, servername: tls.servername, authorized: tls.authorized, error: tls.authorizationError, verified: tls.verified, insecure: tls.insecure },
      { protocol: 'TLSv1.3', cipher: 'TLS_AES_256_GCM_SHA384', alpn: null, servername: 'localhost', authorized: true, error: null, verified: true, insecure: false },
    );
    assert.equal(tls.peerCertificate?.subject, 'CN=localhost, O=Socket Workbench');
    assert.deepEqual(tls.peerCertificate?.subjectAltNames, ['DNS:localhost', 'IP:127.0.0.1', 'IP:0:0:0:0:0:0:0:1']);
    assert.equal(tls.peerCertificate?.fingerprint256, fingerprint);
    assert.equal(connection.tls?.servername, 'localhost');
    assert.equal(connection.tls?.localCertificate?.fingerprint256, fingerprint);

    await api.send(client.id, 'hello from the client\r\n');
    await waitForBytes(api, connection.id, 'in', 'hello from the client\r\n');
    await api.send(connection.id, '00 ff 0d 0a 7f', { encoding: 'hex' });
    await waitForBytes(api, client.id, 'in', '\x00\xff\r\n\x7f');

    await api.testing.view.provider.flush();
    const clientRow = row(api, rootNode(api, client.id));
    assert.equal(clientRow.label, 'TLS client');
    assert.equal(clientRow.icon, 'plug');
    assert.match(clientRow.description, /^open · TLS 1\.3 · ↓5 B ↑23 B · 127\.0\.0\.1:\d+$/);
    assert.ok(clientRow.contextValue.split(' ').includes('certified'), clientRow.contextValue);
    const tooltip = tooltipText(api, rootNode(api, client.id));
    assert.ok(tooltip.includes('| TLS | $(lock) `TLS 1.3 · TLS_AES_256_GCM_SHA384 · verified` |'), tooltip);
    assert.ok(tooltip.includes('| Server name (SNI) | `localhost` |'), tooltip);
    assert.ok(tooltip.includes('| Verification | verified |'), tooltip);
    assert.ok(tooltip.includes(`| SHA-256 | \`${fingerprint}\` |`), tooltip);
    assert.ok(!tooltip.includes('not verified'), tooltip);
    const serverRow = row(api, rootNode(api, server.id));
    assert.equal(serverRow.label, 'TLS server');
    assert.match(serverRow.description, /^listening · TLS · ⇄ 1 · 127\.0\.0\.1:\d+$/);

    const panel = await openReadyPanel(api, client.id);
    const init = await waitForMessage(panel, 'init');
    assert.deepEqual(init.socket.tls?.badge, 'TLS 1.3 · TLS_AES_256_GCM_SHA384 · verified');
    assert.equal(init.socket.tls?.unverified, false);
    assert.ok(init.socket.tls?.title.includes('Verification: verified'), init.socket.tls?.title);
  });

  it('insecure=1 is never quiet: the tree icon, description and tooltip and the panel badge say unverified', async () => {
    const server = await api.open('tls-listen://127.0.0.1:0');
    const client = await api.open(`tls://127.0.0.1:${portOf(server)}?insecure=1`);
    assert.deepEqual([client.tls?.insecure, client.tls?.verified, client.tls?.authorized], [true, false, false]);
    assert.equal(client.tls?.authorizationError, 'DEPTH_ZERO_SELF_SIGNED_CERT');
    await api.testing.view.provider.flush();
    const clientRow = row(api, rootNode(api, client.id));
    assert.equal(clientRow.icon, 'unlock');
    assert.match(clientRow.description, /^open · ⚠ unverified \(insecure=1\) · 127\.0\.0\.1:\d+$/);
    const tooltip = tooltipText(api, rootNode(api, client.id));
    assert.ok(tooltip.includes('$(unlock) **TLS peer not verified** — unverified (insecure=1) (DEPTH_ZERO_SELF_SIGNED_CERT)'), tooltip);
    assert.ok(tooltip.includes('| TLS | $(unlock) `TLS 1.3 · TLS_AES_256_GCM_SHA384 · unverified (insecure=1)` |'), tooltip);
    const panel = await openReadyPanel(api, client.id);
    const init = await waitForMessage(panel, 'init');
    assert.equal(init.socket.tls?.badge, 'TLS 1.3 · TLS_AES_256_GCM_SHA384 · unverified (insecure=1)');
    assert.equal(init.socket.tls?.unverified, true);
  });

  it('Export Certificate writes a PEM that openssl verify, openssl s_client and curl --cacert accept; a TCP socket is refused', async () => {
    const server = await api.open('tls-listen://127.0.0.1:0');
    const port = portOf(server);
    const pem = path.join(folder, 'curl.pem');
    await run('exportCertificate', server.id, pem);
    assert.match(fs.readFileSync(pem, 'utf8'), /^-----BEGIN CERTIFICATE-----\n[\s\S]+\n-----END CERTIFICATE-----\n?$/);
    assert.equal(lastMessage(api), `Exported the certificate of 127.0.0.1:${port} to ${pem}.`);
    const verify = await runProgram('openssl', ['verify', '-CAfile', pem, pem]);
    assert.deepEqual([verify.code, verify.stdout.trim()], [0, `${pem}: OK`]);

    const sClient = await runProgram('openssl', ['s_client', '-connect', `127.0.0.1:${port}`, '-servername', 'localhost', '-verify_hostname', 'localhost', '-CAfile', pem, '-verify_return_error', '-brief'], 'Q\n');
    assert.equal(sClient.code, 0, sClient.stderr);
    assert.match(sClient.stderr, /Verification: OK/);

    const curl = runProgram('curl', ['--silent', '--show-error', '--max-time', '10', '--cacert', pem, `https://localhost:${port}/`]);
    const request = await waitFor('curl to connect and send its request', () => {
      const connection = api.connections(server.id).find((candidate) => transcriptBytes(api, candidate.id, 'in').includes('\r\n\r\n'));
      return connection;
    });
    assert.match(transcriptBytes(api, request.id, 'in'), /^GET \/ HTTP\/1\.1\r\nHost: localhost:\d+\r\n/);
    await api.send(request.id, 'HTTP/1.1 200 OK\r\nContent-Length: 9\r\nConnection: close\r\n\r\nverified\n');
    const answered = await curl;
    assert.deepEqual([answered.code, answered.stdout, answered.stderr], [0, 'verified\n', '']);

    const tcp = await api.open('tcp-listen://127.0.0.1:0');
    const refused = path.join(folder, 'tcp.pem');
    const message = await messageOf(api, () => run('exportCertificate', tcp.id, refused));
    assert.equal(message, `Invalid argument: 127.0.0.1:${portOf(tcp)} is not a TLS socket: only tls:// and tls-listen:// sockets, and TCP clients after Start TLS, have a certificate to export.`);
    assert.equal(fs.existsSync(refused), false);
  });

  it('Start TLS upgrades an open TCP client in place against a python3 STARTTLS server; without insecure a self-signed peer is refused', async () => {
    await api.testing.certificates.credentials();
    const { certificatePath, keyPath } = api.testing.certificates;
    const peer = await startTlsServer(certificatePath, keyPath);
    try {
      const client = await run<SocketInfo>('open', `tcp://127.0.0.1:${peer.port}`);
      await waitForBytes(api, client.id, 'in', '220 ready\r\n');
      await api.send(client.id, 'STARTTLS\r\n');
      await waitForBytes(api, client.id, 'in', '220 ready\r\n220 go ahead\r\n');
      const upgraded = await run<SocketInfo>('startTls', client.id, { servername: 'localhost', insecure: true });
      assert.equal(upgraded.id, client.id);
      assert.deepEqual([upgraded.kind, upgraded.tls?.protocol, upgraded.tls?.servername, upgraded.tls?.insecure, upgraded.tls?.verified], ['tcp-client', 'TLSv1.3', 'localhost', true, false]);
      await api.send(client.id, 'EHLO tls\r\n');
      await waitForBytes(api, client.id, 'in', '220 ready\r\n220 go ahead\r\n250 got EHLO tls\r\n');
      assert.deepEqual(await peer.result, { line: 'EHLO tls\r\n', version: 'TLSv1.3', sni: 'localhost' });
      assert.equal(transcriptBytes(api, client.id, 'out'), 'STARTTLS\r\nEHLO tls\r\n');
      // The same transcript, with the upgrade as event rows between the plaintext lines, worded for the panel.
      // The python server closes once it has answered: a FIN may follow, and is no part of the upgrade.
      const entries = api.transcript(client.id).entries.filter((entry) => entry.kind !== 'info' || entry.code === 'STARTTLS' || entry.code === 'TLS');
      const order = entries
        .filter((entry) => entry.kind === 'info' || (entry.kind === 'data' && entry.direction === 'out'))
        .map((entry) => (entry.kind === 'data' ? `out ${Buffer.from(entry.data ?? new Uint8Array()).toString('latin1')}` : `info ${entry.code ?? ''}`));
      assert.deepEqual(order, ['out STARTTLS\r\n', 'info STARTTLS', 'info TLS', 'out EHLO tls\r\n']);
      assert.deepEqual(
        entries.filter((entry) => entry.kind === 'info').map(eventText),
        ['Starting TLS on this connection (STARTTLS).', 'TLS handshake done: TLS 1.3 · TLS_AES_256_GCM_SHA384 · SNI localhost · unverified (insecure=1)'],
      );
      await api.testing.view.provider.flush();
      assert.equal(row(api, rootNode(api, client.id)).icon, 'unlock');
    } finally {
      peer.kill();
    }

    const strict = await startTlsServer(certificatePath, keyPath);
    try {
      const client = await run<SocketInfo>('open', `tcp://127.0.0.1:${strict.port}`);
      await waitForBytes(api, client.id, 'in', '220 ready\r\n');
      await api.send(client.id, 'STARTTLS\r\n');
      await waitForBytes(api, client.id, 'in', '220 ready\r\n220 go ahead\r\n');
      const message = await messageOf(api, () => run('startTls', client.id, { servername: 'localhost' }));
      assert.equal(message, `127.0.0.1:${strict.port}: The certificate of localhost:${strict.port} is self-signed: trust it with ca=PATH (its exported PEM), or skip verification with insecure=1.`);
      assert.equal(api.get(client.id)?.state, 'error');
    } finally {
      strict.kill();
    }

    // With the certificate as its CA, the upgrade verifies.
    const trusted = await startTlsServer(certificatePath, keyPath);
    try {
      const client = await run<SocketInfo>('open', `tcp://127.0.0.1:${trusted.port}`);
      await waitForBytes(api, client.id, 'in', '220 ready\r\n');
      await api.send(client.id, 'STARTTLS\r\n');
      await waitForBytes(api, client.id, 'in', '220 ready\r\n220 go ahead\r\n');
      const upgraded = await run<SocketInfo>('startTls', client.id, { servername: 'localhost', ca: certificatePath });
      assert.deepEqual([upgraded.tls?.verified, upgraded.tls?.authorized, upgraded.tls?.insecure], [true, true, false]);
      await api.send(client.id, 'QUIT\r\n');
      assert.deepEqual(await trusted.result, { line: 'QUIT\r\n', version: 'TLSv1.3', sni: 'localhost' });
      await api.testing.view.provider.flush();
      assert.match(row(api, rootNode(api, client.id)).description, /^open · TLS 1\.3 · /);
    } finally {
      trusted.kill();
    }
  });

  it('a failed handshake says why and how to fix it: self-signed, and a name the certificate does not cover', async () => {
    const server = await api.open('tls-listen://127.0.0.1:0');
    const port = portOf(server);
    const selfSigned = await messageOf(api, () => run('open', `tls://localhost:${port}`));
    assert.equal(selfSigned, `The certificate of localhost:${port} is self-signed: trust it with ca=PATH (its exported PEM), or skip verification with insecure=1.`);
    const failed = api.list().find((info) => info.spec === `tls://localhost:${port}`);
    assert.deepEqual([failed?.state, failed?.error?.code, failed?.error?.data.reason], ['error', 'TLS', 'tls-self-signed']);

    const pem = path.join(folder, 'names.pem');
    await run('exportCertificate', server.id, pem);
    const mismatch = await messageOf(api, () => run('open', `tls://127.0.0.1:${port}?servername=example.test&ca=${pem}`));
    assert.equal(
      mismatch,
      "The certificate does not cover 'example.test': it covers localhost, 127.0.0.1, ::1. Connect by one of those names (or set servername=), trust it as it is with insecure=1, or give the right certificate to the server.",
    );
  });

  it('offers tls:// and tls-listen:// where the other kinds are offered: guided steps, New TLS Server/Client, Listen on Port', async () => {
    assert.deepEqual(optionChoices('tls-server').map((choice) => choice.name), ['requestCert', 'reuseAddress', 'ipv6Only', 'noDelay']);
    assert.deepEqual(optionChoices('tls-client').map((choice) => choice.name), ['insecure', 'noDelay', 'keepAlive']);
    assert.equal(buildGuidedSpec('tls-server', { host: '127.0.0.1', port: '0', options: { requestCert: true } }).value?.text, 'tls-listen://127.0.0.1:0?requestCert=1');
    assert.equal(buildGuidedSpec('tls-client', { host: 'localhost', port: '4433', options: { insecure: true } }).value?.text, 'tls://localhost:4433?insecure=1');
    assert.deepEqual(hostSuggestions('tls-client', '127.0.0.1', []).map((suggestion) => suggestion.host), ['127.0.0.1', '::1', 'localhost']);
    const typed = checkSpecText('tls://localhost:4433?alpn=h2,http/1.1');
    assert.deepEqual([typed.ok, typed.hint], [true, 'TLS client: tls://localhost:4433?alpn=h2,http/1.1']);
    assert.equal(checkSpecText('tls-listen://0.0.0.0:4433').warning, 'Binds all interfaces: reachable from the network.');
    assert.equal(listenSpec('tls:8443', {}).transport, 'tls');
    assert.deepEqual([listenSpec('tls:8443', {}).host, listenSpec('tls:8443', {}).port], ['127.0.0.1', '8443']);

    const server = await run<SocketInfo>('newTlsServer', '127.0.0.1', 0, { name: 'guided' });
    assert.deepEqual([server.spec, server.name], ['tls-listen://127.0.0.1:0', 'guided']);
    const client = await run<SocketInfo>('newTlsClient', `127.0.0.1:${portOf(server)}`, { options: { insecure: true } });
    assert.deepEqual([client.spec, client.state, client.tls?.insecure], [`tls://127.0.0.1:${portOf(server)}?insecure=1`, 'open', true]);
    const refused = await messageOf(api, () => run('newTlsServer', 'tcp-listen://127.0.0.1:0'));
    assert.equal(refused, 'Invalid argument: New TLS Server needs a tls-listen:// address, not tcp-listen://127.0.0.1:0; Open Socket from Address opens any kind.');
    const listener = await run<SocketInfo>('listen', 'tls:0', { openPanel: false });
    assert.deepEqual([listener.spec, listener.state], ['tls-listen://127.0.0.1:0', 'listening']);
  });

  it('tls-listen://0.0.0.0 asks first, like TCP, and binds nothing when declined', async () => {
    const port = await freePort();
    const shown = api.testing.services.recorder.shownMessages;
    const before = api.list().length;
    assert.equal(await run('open', `tls-listen://0.0.0.0:${port}`), undefined);
    assert.deepEqual(shown, [QUESTION]);
    assert.equal(await tcpProbe(port), 'refused');
    const error = await api.open(`tls-listen://[::]:${port}`).catch((caught: unknown) => caught);
    const { code, data } = error as { code?: unknown; data?: { reason?: unknown } };
    assert.deepEqual([code, data?.reason], ['CANCELLED', 'all-interfaces-declined']);
    assert.deepEqual(shown, [QUESTION, QUESTION]);
    assert.equal(api.list().length, before);
    assert.equal(await tcpProbe(port), 'refused');
  });

  it('the self-signed certificate is kept in global storage, reused after an engine restart, and renewed once expired', async () => {
    const { certificates } = api.testing;
    assert.equal(certificates.directory, path.join(api.testing.services.context.globalStorageUri.fsPath, 'tls'));
    const kept = await certificates.credentials();
    assert.equal(fs.readFileSync(certificates.certificatePath, 'utf8'), kept.cert);
    assert.equal(fs.readFileSync(certificates.keyPath, 'utf8'), kept.key);
    assert.equal(fs.statSync(certificates.keyPath).mode & 0o777, 0o600);
    const server = await api.open('tls-listen://127.0.0.1:0');
    assert.equal(api.testing.services.engine.certificate(server.id)?.trim(), kept.cert.trim());

    // A restart: a new store over the same folder and a new engine present the same certificate.
    const lines: string[] = [];
    const again = new CertificateStore(certificates.directory, { create: () => createSelfSignedCertificate(), expiry: certificateExpiry }, keepingLogger(lines));
    const engine = new SocketEngine({ defaultCredentials: () => again.credentials() });
    try {
      const restarted = await engine.open('tls-listen://127.0.0.1:0');
      assert.equal(engine.certificate(restarted.id)?.trim(), kept.cert.trim());
      assert.deepEqual(lines, [], 'nothing was made');
    } finally {
      await engine.dispose();
    }

    // Expired: made again, written over the old one, and said in the log.
    const storage = tempDirectory('sw-tls-storage-');
    try {
      const old = await createSelfSignedCertificate({ now: new Date(Date.now() - 400 * 24 * 60 * 60 * 1000) });
      fs.mkdirSync(path.join(storage, 'tls'));
      fs.writeFileSync(path.join(storage, 'tls', 'localhost.crt'), old.cert);
      fs.writeFileSync(path.join(storage, 'tls', 'localhost.key'), old.key);
      const renewing = keptCertificates(storage, keepingLogger(lines));
      const renewed = await renewing.credentials();
      assert.notEqual(renewed.cert, old.cert);
      assert.equal(fs.readFileSync(renewing.certificatePath, 'utf8'), renewed.cert);
      const until = certificateExpiry(renewed.cert).getTime();
      assert.ok(until > Date.now() + 364 * 24 * 60 * 60 * 1000, `valid for a year: ${new Date(until).toISOString()}`);
      assert.equal(lines.length, 1);
      assert.match(lines[0], /^renewed the self-signed certificate \(it expired \d{4}-\d\d-\d\dT[\d:.]+Z\), valid until \d{4}-\d\d-\d\dT[\d:.]+Z: .*localhost\.crt$/);
      assert.equal((await renewing.credentials()).cert, renewed.cert, 'kept from then on');
    } finally {
      fs.rmSync(storage, { recursive: true, force: true });
    }
  });
});

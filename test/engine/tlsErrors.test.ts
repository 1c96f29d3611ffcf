/**
 * Every TLS failure reason, each from a real handshake on loopback: openssl s_server, python3 and
 * Node's own tls as the other end, certificates made by the tests (tlsFixtures.ts). The client goes
 * to the error state with code TLS and the reason; a server records a failed client and listens on.
 */
import * as assert from 'node:assert/strict';
import * as net from 'node:net';
import * as tls from 'node:tls';
import * as fs from 'node:fs';
import { EngineError, SocketEngine, type EngineErrorData } from '../../src/engine';
import { waitFor } from './helpers';
import { makeTlsFixtures, type TlsFixtures } from './tlsFixtures';
import { startTool, type Tool } from './peers/tools';

describe('TLS errors from real handshakes', function () {
  this.timeout(30_000);
  let fixtures: TlsFixtures;
  let engine: SocketEngine;
  const tools: Tool[] = [];
  const servers: net.Server[] = [];
  const sockets: net.Socket[] = [];
  before(async () => {
    fixtures = await makeTlsFixtures();
  });
  after(() => fixtures.remove());
  beforeEach(() => {
    engine = new SocketEngine({ statsIntervalMs: 20, baseDirectory: fixtures.dir });
  });
  afterEach(async () => {
    for (const tool of tools.splice(0)) {
      tool.kill();
    }
    for (const socket of sockets.splice(0)) {
      socket.destroy();
    }
    await Promise.all(servers.splice(0).map((server) => new Promise<void>((resolve) => server.close(() => resolve()))));
    await engine.dispose();
  });

  async function openSsl(cert: string, key: string, extra: readonly string[] = []): Promise<number> {
    const tool = startTool('openssl', ['s_server', '-accept', '127.0.0.1:0', '-cert', cert, '-key', key, ...extra]);
    tools.push(tool);
    const text = await tool.waitFor('ACCEPT', (output) => /^ACCEPT .*:\d+$/m.test(output));
    return Number(/^ACCEPT .*:(\d+)$/m.exec(text)?.[1]);
  }

  async function nodeServer(server: net.Server): Promise<number> {
    servers.push(server);
    server.on('error', () => undefined);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return (server.address() as net.AddressInfo).port;
  }

  /** Opens `spec` and returns the TLS error it fails with, having checked the socket is in `error`. */
  async function failure(spec: string): Promise<EngineErrorData> {
    try {
      await engine.open(spec);
    } catch (error) {
      assert.ok(error instanceof EngineError, String(error));
      assert.equal(error.code, 'TLS', `${error.code}: ${error.message}`);
      const socket = engine.get(error.socketId ?? '');
      assert.equal(socket?.state, 'error');
      assert.equal(socket?.error?.data.reason, error.data.reason);
      const entry = engine.transcript(socket.id).entries().at(-1);
      assert.equal(entry?.kind, 'error');
      assert.equal(entry?.code, 'TLS');
      return error.data;
    }
    assert.fail(`${spec} opened`);
  }

  it('tls-self-signed: the engine server\'s own certificate without ca=', async () => {
    const server = await engine.open('tls-listen://127.0.0.1:0');
    const port = server.local?.port ?? 0;
    assert.deepEqual(await failure(`tls://localhost:${port}`), { reason: 'tls-self-signed', host: 'localhost', port, systemCode: 'DEPTH_ZERO_SELF_SIGNED_CERT' });
    // The server saw the client give up.
    await waitFor('the failed client on the server', () => engine.transcript(server.id).entries().find((entry) => entry.kind === 'error' || entry.kind === 'accept'));
  });

  it('tls-unknown-ca: openssl s_server with a certificate of a CA the client does not trust', async () => {
    const port = await openSsl(fixtures.serverCert, fixtures.serverKey);
    assert.deepEqual(await failure(`tls://localhost:${port}`), { reason: 'tls-unknown-ca', host: 'localhost', port, systemCode: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' });
  });

  it('tls-expired names the end of validity', async () => {
    const port = await openSsl(fixtures.expiredCert, fixtures.expiredKey);
    assert.deepEqual(await failure(`tls://localhost:${port}?ca=ca.pem`), {
      reason: 'tls-expired',
      host: 'localhost',
      port,
      systemCode: 'CERT_HAS_EXPIRED',
      validTo: fixtures.expiredValidTo,
    });
  });

  it('tls-not-yet-valid names the start of validity', async () => {
    const port = await openSsl(fixtures.futureCert, fixtures.futureKey);
    assert.deepEqual(await failure(`tls://localhost:${port}?ca=ca.pem`), {
      reason: 'tls-not-yet-valid',
      host: 'localhost',
      port,
      systemCode: 'CERT_NOT_YET_VALID',
      validFrom: fixtures.futureValidFrom,
    });
  });

  it('tls-hostname-mismatch names the host and what the certificate covers, for a name and an IP', async () => {
    const port = await openSsl(fixtures.otherHostCert, fixtures.otherHostKey);
    assert.deepEqual(await failure(`tls://localhost:${port}?ca=ca.pem`), {
      reason: 'tls-hostname-mismatch',
      host: 'localhost',
      port,
      systemCode: 'ERR_TLS_CERT_ALTNAME_INVALID',
      names: 'other.example',
    });
    assert.deepEqual(await failure(`tls://127.0.0.1:${port}?ca=ca.pem`), {
      reason: 'tls-hostname-mismatch',
      host: '127.0.0.1',
      port,
      systemCode: 'ERR_TLS_CERT_ALTNAME_INVALID',
      names: 'other.example',
    });
  });

  it('insecure=1 connects anyway, marked unverified with the reason it would have failed', async () => {
    const port = await openSsl(fixtures.otherHostCert, fixtures.otherHostKey);
    const client = await engine.open(`tls://localhost:${port}?ca=ca.pem&insecure=1`);
    assert.equal(client.state, 'open');
    assert.equal(client.tls?.verified, false);
    assert.equal(client.tls?.insecure, true);
    assert.equal(client.tls?.authorized, false);
    assert.equal(client.tls?.authorizationError, 'ERR_TLS_CERT_ALTNAME_INVALID');
    const entry = engine.transcript(client.id).entries().find((candidate) => candidate.code === 'TLS');
    assert.match(entry?.detail ?? '', / unverified \(insecure\)$/);
  });

  it('tls-no-common-protocol: maxVersion=TLSv1.2 against a TLS 1.3-only openssl, and ALPN without overlap', async () => {
    const port = await openSsl(fixtures.serverCert, fixtures.serverKey, ['-tls1_3']);
    const data = await failure(`tls://localhost:${port}?ca=ca.pem&maxVersion=TLSv1.2`);
    assert.equal(data.reason, 'tls-no-common-protocol');
    assert.equal(data.systemCode, 'ERR_SSL_TLSV1_ALERT_PROTOCOL_VERSION');
    const server = await engine.open('tls-listen://127.0.0.1:0?alpn=h2');
    const alpn = await failure(`tls://localhost:${server.local?.port ?? 0}?insecure=1&alpn=http/1.1`);
    assert.equal(alpn.reason, 'tls-no-common-protocol');
    assert.equal(alpn.systemCode, 'ERR_SSL_TLSV1_ALERT_NO_APPLICATION_PROTOCOL');
  });

  it('tls-client-certificate-required: TLS 1.3 server with requestCert, client without cert (both ends say so)', async () => {
    const server = await engine.open('tls-listen://127.0.0.1:0?cert=server.pem&key=server.key&ca=ca.pem&requestCert=1');
    const port = server.local?.port ?? 0;
    // In TLS 1.3 the client finishes first; the server's alert 116 comes after open() resolved.
    let reason: unknown;
    try {
      const client = await engine.open(`tls://localhost:${port}?ca=ca.pem`);
      const failed = await waitFor('the client to fail', () => (engine.get(client.id)?.state === 'error' ? engine.get(client.id) : undefined));
      reason = failed.error?.data.reason;
      assert.equal(failed.error?.code, 'TLS');
      assert.equal(failed.error?.data.systemCode, 'ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED');
    } catch (error) {
      assert.ok(error instanceof EngineError, String(error));
      reason = error.data.reason;
    }
    assert.equal(reason, 'tls-client-certificate-required');
    const entry = await waitFor('the server\'s record', () => engine.transcript(server.id).entries().find((candidate) => candidate.kind === 'error'));
    assert.equal(entry.error?.data.reason, 'tls-client-certificate-required');
    assert.equal(entry.error?.data.systemCode, 'ERR_SSL_PEER_DID_NOT_RETURN_A_CERTIFICATE');
    assert.equal(engine.get(server.id)?.state, 'listening');
  });

  it('tls-client-certificate-rejected: a client certificate from a CA the server does not trust', async () => {
    // openssl answers with alert unknown_ca (48), which the client reads.
    const port = await openSsl(fixtures.serverCert, fixtures.serverKey, ['-Verify', '1', '-CAfile', fixtures.ca, '-verify_return_error']);
    let data: EngineErrorData | undefined;
    try {
      const client = await engine.open(`tls://localhost:${port}?ca=ca.pem&cert=stranger.pem&key=stranger.key`);
      data = (await waitFor('the client to fail', () => (engine.get(client.id)?.state === 'error' ? engine.get(client.id) : undefined))).error?.data;
    } catch (error) {
      assert.ok(error instanceof EngineError, String(error));
      data = error.data;
    }
    assert.equal(data?.reason, 'tls-client-certificate-rejected');
    assert.equal(data?.systemCode, 'ERR_SSL_TLSV1_ALERT_UNKNOWN_CA');
    // An engine server records the refused client with the verification code (Node closes without an alert).
    const server = await engine.open('tls-listen://127.0.0.1:0?cert=server.pem&key=server.key&ca=ca.pem&requestCert=1');
    await engine.open(`tls://localhost:${server.local?.port ?? 0}?ca=ca.pem&cert=stranger.pem&key=stranger.key`).catch(() => undefined);
    const entry = await waitFor('the server\'s record', () => engine.transcript(server.id).entries().find((candidate) => candidate.kind === 'error'));
    assert.equal(entry.error?.data.reason, 'tls-client-certificate-rejected');
    assert.equal(entry.error?.data.systemCode, 'UNABLE_TO_VERIFY_LEAF_SIGNATURE');
    assert.match(String(entry.error?.data.peer), /^127\.0\.0\.1:\d+$/);
  });

  it('tls-not-tls: a plain TCP server that greets first, and a plain client of a tls-listen server', async () => {
    const port = await nodeServer(net.createServer((socket) => {
      sockets.push(socket);
      socket.on('error', () => undefined);
      socket.end('220 smtp.test ESMTP ready\r\n');
    }));
    assert.deepEqual(await failure(`tls://localhost:${port}`), { reason: 'tls-not-tls', host: 'localhost', port, systemCode: 'ERR_SSL_WRONG_VERSION_NUMBER' });
    const server = await engine.open('tls-listen://127.0.0.1:0');
    const plain = net.connect({ host: '127.0.0.1', port: server.local?.port ?? 0 });
    sockets.push(plain);
    plain.on('error', () => undefined);
    plain.write('hello, plain text here\r\n');
    const entry = await waitFor('the server\'s record', () => engine.transcript(server.id).entries().find((candidate) => candidate.kind === 'error'));
    assert.equal(entry.error?.data.reason, 'tls-not-tls');
    assert.match(entry.peer ?? '', /^127\.0\.0\.1:\d+$/);
  });

  it('tls-handshake-timeout: a TCP server that never answers, and a client that never speaks', async () => {
    const port = await nodeServer(net.createServer((socket) => {
      sockets.push(socket);
      socket.on('error', () => undefined);
    }));
    assert.deepEqual(await failure(`tls://localhost:${port}?timeout=300`), { reason: 'tls-handshake-timeout', host: 'localhost', port, timeout: 300 });
    const quick = new SocketEngine({ connectTimeoutMs: 300 });
    try {
      const server = await quick.open('tls-listen://127.0.0.1:0');
      const silent = net.connect({ host: '127.0.0.1', port: server.local?.port ?? 0 });
      sockets.push(silent);
      silent.on('error', () => undefined);
      const entry = await waitFor('the server\'s record', () => quick.transcript(server.id).entries().find((candidate) => candidate.kind === 'error'));
      assert.equal(entry.error?.data.reason, 'tls-handshake-timeout');
      assert.equal(entry.error?.data.systemCode, 'ERR_TLS_HANDSHAKE_TIMEOUT');
    } finally {
      await quick.dispose();
    }
  });

  it('tls-file-unreadable and tls-credentials-invalid: files that are missing or no PEM', async () => {
    const missing = await engine.open('tls://localhost:1?ca=nothing-here.pem').catch((error: unknown) => error);
    assert.ok(missing instanceof EngineError);
    assert.equal(missing.data.reason, 'tls-file-unreadable');
    assert.equal(missing.data.option, 'ca');
    assert.equal(missing.data.systemCode, 'ENOENT');
    assert.equal(missing.data.path, `${fixtures.dir}/nothing-here.pem`);
    fs.writeFileSync(`${fixtures.dir}/garbage.pem`, 'not a certificate\n');
    const garbage = await engine.open('tls-listen://127.0.0.1:0?cert=garbage.pem&key=server.key').catch((error: unknown) => error);
    assert.ok(garbage instanceof EngineError);
    assert.equal(garbage.data.reason, 'tls-credentials-invalid');
    assert.equal(engine.get(garbage.socketId ?? '')?.state, 'error');
  });

  it('a Node tls server is a peer too: the wrong certificate for the name through Node\'s own stack', async () => {
    const options = { cert: fs.readFileSync(fixtures.otherHostCert), key: fs.readFileSync(fixtures.otherHostKey) };
    const port = await nodeServer(tls.createServer(options, (socket) => socket.on('error', () => undefined)));
    const data = await failure(`tls://localhost:${port}?ca=ca.pem`);
    assert.equal(data.reason, 'tls-hostname-mismatch');
  });
});

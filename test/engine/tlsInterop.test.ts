/**
 * TLS against independent peers: openssl s_server and s_client (TLS 1.2 and 1.3), python3's ssl
 * module, and curl verifying the engine's exported certificate. Bytes must cross exactly both
 * ways, and each side must agree on what the handshake decided.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { SocketEngine, type SocketInfo } from '../../src/engine';
import { firstConnection, receive, waitFor } from './helpers';
import { makeTlsFixtures, type TlsFixtures } from './tlsFixtures';
import { runTool, startPythonTls, startTool, type Tool } from './peers/tools';

/** NUL first: openssl reads a line starting with Q, R or k on its stdin as a command. */
const REQUEST = Buffer.from([0x00, 0xff, 0x0d, 0x0a, 0x68, 0x69, 0x21]);
const REPLY = Buffer.from([0x00, 0x0d, 0x0a, 0xfe, 0x6f, 0x6b]);

const VERSIONS = [
  { name: 'TLSv1.2', flag: '-tls1_2' },
  { name: 'TLSv1.3', flag: '-tls1_3' },
] as const;

async function openSslServer(fixtures: TlsFixtures, extra: readonly string[]): Promise<{ tool: Tool; port: number }> {
  const tool = startTool('openssl', ['s_server', '-accept', '127.0.0.1:0', '-cert', fixtures.serverCert, '-key', fixtures.serverKey, '-naccept', '1', ...extra]);
  const text = await tool.waitFor('ACCEPT', (output) => /^ACCEPT .*:\d+$/m.test(output));
  return { tool, port: Number(/^ACCEPT .*:(\d+)$/m.exec(text)?.[1]) };
}

describe('TLS interop with openssl, python3 and curl', function () {
  this.timeout(30_000);
  let fixtures: TlsFixtures;
  let engine: SocketEngine;
  const tools: Tool[] = [];
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
    await engine.dispose();
  });

  for (const version of VERSIONS) {
    it(`openssl s_server ${version.name} <-> engine tls:// client: exact bytes both ways, verified with ca=`, async () => {
      const { tool, port } = await openSslServer(fixtures, [version.flag]);
      tools.push(tool);
      const client = await engine.open(`tls://localhost:${port}?ca=ca.pem`);
      assert.equal(client.kind, 'tcp-client');
      assert.equal(client.tls?.protocol, version.name);
      assert.equal(client.tls?.verified, true);
      assert.equal(client.tls?.authorized, true);
      assert.equal(client.tls?.authorizationError, null);
      assert.equal(client.tls?.servername, 'localhost');
      assert.equal(client.tls?.peerCertificate?.subject, 'CN=localhost');
      assert.equal(client.tls?.peerCertificate?.issuer, 'CN=Socket Workbench Test CA');
      assert.deepEqual(client.tls?.peerCertificate?.subjectAltNames, ['DNS:localhost', 'IP:127.0.0.1', 'IP:0:0:0:0:0:0:0:1']);
      await engine.send(client.id, REQUEST);
      await tool.waitFor('the request', (text) => text.includes(REQUEST.toString('latin1')));
      tool.write(REPLY);
      assert.deepEqual(await receive(engine, client.id, REPLY.length), REPLY);
      const cipher = /^CIPHER is (\S+)$/m.exec(tool.stdout().toString('latin1'))?.[1];
      assert.ok(cipher !== undefined);
      if (version.name === 'TLSv1.3') {
        assert.equal(client.tls?.cipher, cipher);
      }
      const handshake = engine.transcript(client.id).entries().find((entry) => entry.code === 'TLS');
      assert.equal(handshake?.kind, 'info');
      assert.match(handshake?.detail ?? '', new RegExp(`^${version.name.replace('.', '\\.')} \\S+ sni=localhost verified$`));
    });

    it(`openssl s_client ${version.name} <-> engine tls-listen:// server: exact bytes, ALPN h2, SNI, -CAfile of the exported certificate`, async () => {
      const server = await engine.open('tls-listen://127.0.0.1:0?alpn=h2,http/1.1');
      const exported = path.join(fixtures.dir, `exported-${version.name}.pem`);
      fs.writeFileSync(exported, engine.certificate(server.id) ?? '');
      const port = server.local?.port ?? 0;
      const tool = startTool('openssl', ['s_client', '-connect', `127.0.0.1:${port}`, '-servername', 'localhost', '-CAfile', exported, '-verify_return_error', '-verify_hostname', 'localhost', '-alpn', 'h2', version.flag]);
      tools.push(tool);
      const connection = await firstConnection(engine, server.id);
      await tool.waitFor('the handshake', (text) => /Verify return code: 0 \(ok\)/.test(text));
      const info = await waitFor('its tls info', () => engine.get(connection.id)?.tls);
      assert.equal(info.protocol, version.name);
      assert.equal(info.alpn, 'h2');
      assert.equal(info.servername, 'localhost');
      assert.equal(info.peerCertificate, null);
      assert.equal(info.localCertificate?.subject, 'CN=localhost, O=Socket Workbench');
      const text = tool.stdout().toString('latin1');
      assert.match(text, /ALPN protocol: h2/);
      assert.match(text, new RegExp(`(New, ${version.name.replace('.', '\\.')}, Cipher|Protocol *: ${version.name.replace('.', '\\.')})`));
      tool.write(REQUEST);
      assert.deepEqual(await receive(engine, connection.id, REQUEST.length), REQUEST);
      await engine.send(connection.id, REPLY);
      await tool.waitFor('the reply', (output) => output.includes(REPLY.toString('latin1')));
      assert.equal(engine.get(server.id)?.tls?.localCertificate?.fingerprint256, info.localCertificate?.fingerprint256);
    });
  }

  it('python3 ssl client <-> engine tls-listen:// server over IPv6 with cert= and key=', async () => {
    const server = await engine.open('tls-listen://[::1]:0?cert=server.pem&key=server.key');
    const peer = await startPythonTls('client', {
      port: server.local?.port ?? 0,
      host: '::1',
      cafile: fixtures.ca,
      servername: 'localhost',
      send: REQUEST.toString('hex'),
      expect: REPLY.length,
    });
    tools.push(peer.tool);
    const connection = await firstConnection(engine, server.id);
    assert.deepEqual(await receive(engine, connection.id, REQUEST.length), REQUEST);
    const info = engine.get(connection.id);
    await engine.send(connection.id, REPLY);
    const result = await peer.result();
    assert.equal(result.error, undefined);
    assert.equal(result.received, REPLY.toString('hex'));
    assert.equal(result.subject, 'commonName=localhost');
    assert.equal(result.version, info?.tls?.protocol);
    assert.equal(result.cipher, info?.tls?.cipher);
    assert.equal(info?.tls?.servername, 'localhost');
    assert.match(info?.spec ?? '', /^tls:\/\/\[::1\]:\d+$/);
  });

  it('python3 ssl server <-> engine tls:// client: SNI and ALPN seen by the server', async () => {
    const peer = await startPythonTls('server', {
      cert: fixtures.serverCert,
      key: fixtures.serverKey,
      alpn: 'http/1.1,h2',
      expect: REQUEST.length,
      reply: REPLY.toString('hex'),
    });
    tools.push(peer.tool);
    const client = await engine.open(`tls://127.0.0.1:${peer.port}?servername=localhost&alpn=h2&ca=ca.pem`);
    assert.equal(client.tls?.alpn, 'h2');
    assert.equal(client.tls?.verified, true);
    await engine.send(client.id, REQUEST);
    assert.deepEqual(await receive(engine, client.id, REPLY.length), REPLY);
    const result = await peer.result();
    assert.equal(result.received, REQUEST.toString('hex'));
    assert.equal(result.sni, 'localhost');
    assert.equal(result.alpn, 'h2');
    assert.equal(result.version, client.tls?.protocol);
    assert.equal(result.cipher, client.tls?.cipher);
  });

  it('an IP literal host sends no SNI, and is checked against the IP SANs', async () => {
    const peer = await startPythonTls('server', { cert: fixtures.serverCert, key: fixtures.serverKey, expect: 1, reply: '00' });
    tools.push(peer.tool);
    const client = await engine.open(`tls://127.0.0.1:${peer.port}?ca=ca.pem`);
    assert.equal(client.tls?.servername, null);
    assert.equal(client.tls?.verified, true);
    await engine.send(client.id, Buffer.from([0x01]));
    const result = await peer.result();
    assert.equal(result.sni, null);
  });

  it('engine tls:// client <-> engine tls-listen:// server over IPv6, verified against the exported certificate (IP SAN ::1), ca= relative to the per-open base directory', async () => {
    const server = await engine.open('tls-listen://[::1]:0');
    const folder = path.join(fixtures.dir, 'per-open');
    fs.mkdirSync(folder, { recursive: true });
    fs.writeFileSync(path.join(folder, 'server.pem'), engine.certificate(server.id) ?? '');
    const client = await engine.open(`tls://[::1]:${server.local?.port ?? 0}?ca=server.pem`, { baseDirectory: folder });
    assert.equal(client.tls?.verified, true);
    assert.equal(client.tls?.servername, null);
    assert.equal(client.triple.domain, 'AF_INET6');
    assert.equal(engine.certificate(client.id), engine.certificate(server.id));
    await engine.send(client.id, REQUEST);
    const connection = await firstConnection(engine, server.id);
    assert.deepEqual(await receive(engine, connection.id, REQUEST.length), REQUEST);
    assert.equal(engine.certificate(connection.id), engine.certificate(server.id));
  });

  it('a baseDirectory function is asked at each open: ca= follows the folder it names now', async () => {
    const server = await engine.open('tls-listen://127.0.0.1:0');
    const empty = path.join(fixtures.dir, 'folder-empty');
    const holding = path.join(fixtures.dir, 'folder-holding');
    fs.mkdirSync(empty, { recursive: true });
    fs.mkdirSync(holding, { recursive: true });
    fs.writeFileSync(path.join(holding, 'moved.pem'), engine.certificate(server.id) ?? '');
    let folder = empty;
    const following = new SocketEngine({ statsIntervalMs: 20, baseDirectory: () => folder });
    try {
      const spec = `tls://127.0.0.1:${server.local?.port ?? 0}?ca=moved.pem`;
      await assert.rejects(following.open(spec), (error: Error) => error.message.includes(path.join(empty, 'moved.pem')));
      folder = holding;
      const client = await following.open(spec);
      assert.equal(client.tls?.verified, true);
    } finally {
      await following.dispose();
    }
  });

  it('curl --cacert exported.pem https://localhost:PORT/ against an engine tls-listen answering HTTP', async () => {
    const server = await engine.open('tls-listen://127.0.0.1:0');
    const exported = path.join(fixtures.dir, 'curl.pem');
    fs.writeFileSync(exported, engine.certificate(server.id) ?? '');
    const port = server.local?.port ?? 0;
    const body = 'hello from socket workbench\n';
    const answered = engine.onData(({ socketId, entry }) => {
      if (entry.kind === 'data' && entry.direction === 'in' && socketId.includes('.') && Buffer.from(entry.data ?? []).toString('latin1').includes('\r\n\r\n')) {
        void engine.send(socketId, Buffer.from(`HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n${body}`));
      }
    });
    try {
      const result = await runTool('curl', ['--silent', '--show-error', '--max-time', '10', '--http1.1', '--cacert', exported, '--resolve', `localhost:${port}:127.0.0.1`, `https://localhost:${port}/`]);
      assert.equal(result.stderr, '');
      assert.equal(result.code, 0);
      assert.equal(result.stdout, body);
    } finally {
      answered.dispose();
    }
    const connection = engine.connections(server.id)[0] as SocketInfo | undefined;
    const request = Buffer.concat(
      engine
        .transcript(server.id)
        .entries()
        .filter((entry) => entry.kind === 'data' && entry.direction === 'in')
        .map((entry) => Buffer.from(entry.data ?? [])),
    ).toString('latin1');
    assert.match(request, /^GET \/ HTTP\/1\.1\r\nHost: localhost:\d+\r\n/);
    assert.ok(connection === undefined || connection.tls?.servername === 'localhost');
  });

  it('a client certificate with requestCert: the server sees it verified, the client sees the server verified', async () => {
    const server = await engine.open('tls-listen://127.0.0.1:0?cert=server.pem&key=server.key&ca=ca.pem&requestCert=1');
    const port = server.local?.port ?? 0;
    const client = await engine.open(`tls://localhost:${port}?ca=ca.pem&cert=client.pem&key=client.key`);
    assert.equal(client.tls?.verified, true);
    assert.equal(client.tls?.localCertificate?.subject, 'CN=test client');
    const connection = await firstConnection(engine, server.id);
    const info = await waitFor('its tls info', () => engine.get(connection.id)?.tls);
    assert.equal(info.authorized, true);
    assert.equal(info.verified, true);
    assert.equal(info.peerCertificate?.subject, 'CN=test client');
    assert.deepEqual(info.peerChain?.map((certificate) => certificate.subject), ['CN=Socket Workbench Test CA']);
    // openssl s_client with the same certificate.
    const tool = startTool('openssl', ['s_client', '-connect', `127.0.0.1:${port}`, '-CAfile', fixtures.ca, '-cert', fixtures.clientCert, '-key', fixtures.clientKey, '-verify_return_error']);
    tools.push(tool);
    await tool.waitFor('the handshake', (text) => /Verify return code: 0 \(ok\)/.test(text));
    const second = await waitFor('the second connection', () => engine.connections(server.id).find((candidate) => candidate.id !== connection.id && candidate.tls !== undefined));
    assert.equal(second.tls?.peerCertificate?.subject, 'CN=test client');
  });
});

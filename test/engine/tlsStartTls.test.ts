/**
 * STARTTLS: a tcp:// client upgraded in place against a python3 SMTP-like server that switches to
 * TLS after `STARTTLS\r\n`. Same socket id, one transcript with the plain part, the upgrade and
 * the plaintext of the TLS part.
 */
import * as assert from 'node:assert/strict';
import { EngineError, SocketEngine } from '../../src/engine';
import { receive, waitFor } from './helpers';
import { makeTlsFixtures, type TlsFixtures } from './tlsFixtures';
import { startPythonTls, type Tool } from './peers/tools';

const BANNER = '220 smtp.test ESMTP ready\r\n';
const READY = '220 2.0.0 Ready to start TLS\r\n';
const WELCOME = '250 smtp.test at your service\r\n';

describe('STARTTLS', function () {
  this.timeout(30_000);
  let fixtures: TlsFixtures;
  let engine: SocketEngine;
  let tool: Tool | undefined;
  before(async () => {
    fixtures = await makeTlsFixtures();
  });
  after(() => fixtures.remove());
  beforeEach(() => {
    engine = new SocketEngine({ statsIntervalMs: 20, baseDirectory: fixtures.dir });
  });
  afterEach(async () => {
    tool?.kill();
    tool = undefined;
    await engine.dispose();
  });

  async function smtpPeer(): Promise<{ port: number; result: () => Promise<Record<string, unknown>> }> {
    const peer = await startPythonTls('smtp', { cert: fixtures.serverCert, key: fixtures.serverKey });
    tool = peer.tool;
    return peer;
  }

  it('upgrades a tcp:// client after STARTTLS\\r\\n: same id, one transcript, plaintext after the upgrade', async () => {
    const peer = await smtpPeer();
    const client = await engine.open(`tcp://localhost:${peer.port}`);
    assert.equal(client.tls, undefined);
    assert.equal((await receive(engine, client.id, BANNER.length)).toString(), BANNER);
    await engine.send(client.id, Buffer.from('STARTTLS\r\n'));
    assert.equal((await receive(engine, client.id, BANNER.length + READY.length)).toString(), BANNER + READY);
    const upgraded = await engine.startTls(client.id, { ca: 'ca.pem' });
    assert.equal(upgraded.id, client.id);
    assert.equal(upgraded.state, 'open');
    assert.equal(upgraded.spec, client.spec);
    assert.equal(upgraded.kind, 'tcp-client');
    assert.equal(upgraded.tls?.verified, true);
    assert.equal(upgraded.tls?.servername, 'localhost');
    await engine.send(client.id, Buffer.from('EHLO engine\r\n'));
    assert.equal((await receive(engine, client.id, BANNER.length + READY.length + WELCOME.length)).toString(), BANNER + READY + WELCOME);
    await engine.send(client.id, Buffer.from('QUIT\r\n'));
    await engine.close(client.id);
    const result = await peer.result();
    assert.deepEqual(result, { command: 'STARTTLS\r\n', hello: 'EHLO engine\r\n', rest: 'QUIT\r\n', version: upgraded.tls?.protocol, sni: 'localhost' });
    const rows = engine
      .transcript(client.id)
      .entries()
      .map((entry) => (entry.kind === 'data' ? `${entry.direction}:${Buffer.from(entry.data ?? []).toString()}` : `${entry.kind}:${entry.code ?? ''}`));
    assert.deepEqual(rows, [
      'connect:',
      `in:${BANNER}`,
      'out:STARTTLS\r\n',
      `in:${READY}`,
      'info:STARTTLS',
      'info:TLS',
      'out:EHLO engine\r\n',
      `in:${WELCOME}`,
      'out:QUIT\r\n',
      'info:FIN',
      'close:',
    ]);
  });

  it('insecure: true upgrades without a CA and marks the socket unverified; a failed upgrade puts it in error', async () => {
    const peer = await smtpPeer();
    const client = await engine.open(`tcp://127.0.0.1:${peer.port}`);
    await receive(engine, client.id, BANNER.length);
    await engine.send(client.id, Buffer.from('STARTTLS\r\n'));
    await receive(engine, client.id, BANNER.length + READY.length);
    const upgraded = await engine.startTls(client.id, { insecure: true, servername: 'localhost' });
    assert.equal(upgraded.tls?.verified, false);
    assert.equal(upgraded.tls?.insecure, true);
    assert.equal(upgraded.tls?.authorizationError, 'UNABLE_TO_VERIFY_LEAF_SIGNATURE');
    await assert.rejects(engine.startTls(client.id), (error: unknown) => error instanceof EngineError && error.data.reason === 'starttls-already-tls');
    await engine.close(client.id);
    await peer.result();

    const second = await smtpPeer();
    const plain = await engine.open(`tcp://localhost:${second.port}`);
    await receive(engine, plain.id, BANNER.length);
    await engine.send(plain.id, Buffer.from('STARTTLS\r\n'));
    await receive(engine, plain.id, BANNER.length + READY.length);
    await assert.rejects(engine.startTls(plain.id), (error: unknown) => error instanceof EngineError && error.code === 'TLS' && error.data.reason === 'tls-unknown-ca');
    assert.equal(engine.get(plain.id)?.state, 'error');
    assert.equal(engine.get(plain.id)?.error?.data.reason, 'tls-unknown-ca');
  });

  it('refuses what it cannot upgrade: a server, a UDP socket, a closed client', async () => {
    const server = await engine.open('tcp-listen://127.0.0.1:0');
    await assert.rejects(engine.startTls(server.id), (error: unknown) => error instanceof EngineError && error.code === 'UNSUPPORTED' && error.data.reason === 'starttls-not-tcp-client' && error.data.kind === 'tcp-server');
    const udp = await engine.open('udp-listen://127.0.0.1:0');
    await assert.rejects(engine.startTls(udp.id), (error: unknown) => error instanceof EngineError && error.data.reason === 'starttls-not-tcp-client');
    const client = await engine.open(`tcp://127.0.0.1:${server.local?.port ?? 0}`);
    await engine.close(client.id);
    await waitFor('the client to close', () => (engine.get(client.id)?.state === 'closed' ? true : undefined));
    await assert.rejects(engine.startTls(client.id), (error: unknown) => error instanceof EngineError && error.code === 'NOT_OPEN');
  });
});

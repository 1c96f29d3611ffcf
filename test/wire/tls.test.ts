/**
 * TLS in wire files: `open tls://…` and `listen tls-listen://…`, relative `ca=` paths resolved
 * against the .wire file's folder, and the `starttls [insecure]` step against a python3 SMTP-like
 * server that upgrades after `STARTTLS\r\n`.
 */
import * as assert from 'node:assert/strict';
import { SocketEngine } from '../../src/engine';
import { parseWire, recordSection, runWire, type FileResult } from '../../src/wire';
import { waitFor } from '../engine/helpers';
import { makeTlsFixtures, type TlsFixtures } from '../engine/tlsFixtures';
import { startPythonTls, type Tool } from '../engine/peers/tools';
import { wire } from './helpers';

/** Waits until the client has received `length` bytes in all. */
async function receive(engine: SocketEngine, id: string, length: number): Promise<void> {
  await waitFor(`${length} bytes`, () => ((engine.get(id)?.stats.bytesIn ?? 0) >= length ? true : undefined), 10_000);
}

function passed(result: FileResult): void {
  for (const section of result.sections) {
    assert.equal(section.outcome, 'passed', `${section.name}: ${section.message ?? ''}`);
  }
}

describe('wire runner: TLS', function () {
  this.timeout(30_000);
  let fixtures: TlsFixtures;
  let tool: Tool | undefined;
  before(async () => {
    fixtures = await makeTlsFixtures();
  });
  after(() => fixtures.remove());
  afterEach(() => {
    tool?.kill();
    tool = undefined;
  });

  it('starttls upgrades the current tcp:// client after STARTTLS, and the conversation goes on in plaintext', async () => {
    const peer = await startPythonTls('smtp', { cert: fixtures.serverCert, key: fixtures.serverKey });
    tool = peer.tool;
    const result = await runWire(
      wire('### smtp\nopen tcp://localhost:{{port}}\nexpect "220 smtp.test"\nsend "STARTTLS\\r\\n"\nexpect "220 2.0.0 Ready"\nstarttls insecure\nsend "EHLO wire\\r\\n"\nexpect "250 smtp.test at your service\\r\\n"\nclose\n'),
      { variables: { port: String(peer.port) } },
    );
    passed(result);
    assert.deepEqual(result.sections[0].steps.map((step) => step.kind), ['open', 'expect', 'send', 'expect', 'starttls', 'send', 'expect', 'close']);
    const remote = await peer.result();
    assert.equal(remote.hello, 'EHLO wire\r\n');
    assert.equal(remote.sni, 'localhost');
  });

  it('a recorded STARTTLS client becomes a section with starttls where it upgraded, which replays against the same peer', async () => {
    const recording = await startPythonTls('smtp', { cert: fixtures.serverCert, key: fixtures.serverKey });
    tool = recording.tool;
    const engine = new SocketEngine();
    let text: string;
    try {
      const client = await engine.open(`tcp://localhost:${recording.port}`);
      await receive(engine, client.id, '220 smtp.test ESMTP ready\r\n'.length);
      await engine.send(client.id, Buffer.from('STARTTLS\r\n'));
      await receive(engine, client.id, '220 smtp.test ESMTP ready\r\n220 2.0.0 Ready to start TLS\r\n'.length);
      await engine.startTls(client.id, { insecure: true });
      await engine.send(client.id, Buffer.from('EHLO wire\r\n'));
      await receive(engine, client.id, '220 smtp.test ESMTP ready\r\n220 2.0.0 Ready to start TLS\r\n250 smtp.test at your service\r\n'.length);
      text = recordSection(engine, client.id, { name: 'smtp' });
      await engine.close(client.id);
      assert.equal((await recording.result()).hello, 'EHLO wire\r\n');
    } finally {
      await engine.dispose();
    }
    tool.kill();
    assert.equal(
      text,
      [
        '### smtp',
        `open tcp://localhost:${recording.port}`,
        'expect exactly "220 smtp.test ESMTP ready\\r\\n"',
        'send "STARTTLS\\r\\n"',
        'expect exactly "220 2.0.0 Ready to start TLS\\r\\n"',
        'starttls insecure',
        'send "EHLO wire\\r\\n"',
        'expect exactly "250 smtp.test at your service\\r\\n"',
        'close',
        '',
      ].join('\n'),
    );
    // A verified upgrade replays verified, and the section says where a private CA would go.
    const verified = await startPythonTls('smtp', { cert: fixtures.serverCert, key: fixtures.serverKey });
    tool = verified.tool;
    const checking = new SocketEngine();
    try {
      const client = await checking.open(`tcp://localhost:${verified.port}`);
      await receive(checking, client.id, '220 smtp.test ESMTP ready\r\n'.length);
      await checking.send(client.id, Buffer.from('STARTTLS\r\n'));
      await receive(checking, client.id, '220 smtp.test ESMTP ready\r\n220 2.0.0 Ready to start TLS\r\n'.length);
      await checking.startTls(client.id, { ca: fixtures.ca });
      const lines = recordSection(checking, client.id).split('\n');
      assert.deepEqual(lines.slice(5, 7), ['# the upgrade verified the server: if that needed a CA file, add ca=PATH', 'starttls']);
    } finally {
      await checking.dispose();
    }
    tool.kill();
    const replay = await startPythonTls('smtp', { cert: fixtures.serverCert, key: fixtures.serverKey });
    tool = replay.tool;
    const result = await runWire(wire(text.replace(`:${recording.port}`, ':{{port}}')), { variables: { port: String(replay.port) } });
    passed(result);
    assert.equal((await replay.result()).hello, 'EHLO wire\r\n');
  });

  it('starttls without insecure verifies, and fails the step with the TLS reason', async () => {
    const peer = await startPythonTls('smtp', { cert: fixtures.serverCert, key: fixtures.serverKey });
    tool = peer.tool;
    const result = await runWire(
      wire('### smtp\nopen tcp://localhost:{{port}}\nexpect "220 "\nsend "STARTTLS\\r\\n"\nexpect "220 2.0.0"\nstarttls\nsend "EHLO wire\\r\\n"\n'),
      { variables: { port: String(peer.port) } },
    );
    const section = result.sections[0];
    assert.equal(section.outcome, 'failed');
    const failed = section.steps.at(-1);
    assert.equal(failed?.kind, 'starttls');
    assert.equal(failed?.line, 6);
    assert.equal(failed?.error?.data.engineCode, 'TLS');
    assert.equal(failed?.error?.data.engineReason, 'tls-unknown-ca');
  });

  it('open tls:// with ca= relative to the .wire file\'s folder, against a listen tls-listen:// in the same section', async () => {
    const result = await runWire(
      wire('### tls\nlisten tls-listen://127.0.0.1:0?cert=server.pem&key=server.key as server\non "ping\\n"\n  reply "pong\\n"\nopen tls://localhost:{{server.port}}?ca=ca.pem&alpn=h2\nsend "ping\\n"\nexpect exactly "pong\\n"\nclose\n'),
      { baseDirectory: fixtures.dir },
    );
    passed(result);
  });

  it('parses starttls [insecure] [ca=PATH] and refuses anything else after it', () => {
    const parsed = wire('### s\nopen tcp://127.0.0.1:25\nstarttls\nstarttls insecure\nstarttls ca=certs/ca.pem\nstarttls ca=a.pem insecure\n');
    assert.deepEqual(parsed.sections[0].steps.slice(1).map((step) => (step.kind === 'starttls' ? [step.insecure, step.ca] : undefined)), [
      [false, undefined],
      [true, undefined],
      [false, 'certs/ca.pem'],
      [true, 'a.pem'],
    ]);
    const bad = parseWire('### s\nopen tcp://127.0.0.1:25\nstarttls now\nstarttls insecure please\nstarttls ca=\nstarttls insecure insecure\n', { file: 'x.wire' });
    assert.equal(bad.ok, false);
    assert.deepEqual(bad.ok ? [] : bad.errors.map((error) => `${String(error.data.reason)} ${error.message}`), [
      "starttls-option x.wire:3:10: expected 'insecure' or 'ca=PATH' after 'starttls', got 'now'",
      "starttls-option x.wire:4:19: expected 'insecure' or 'ca=PATH' after 'starttls', got 'please'",
      "starttls-option x.wire:5:10: expected 'insecure' or 'ca=PATH' after 'starttls', got 'ca='",
      "starttls-option x.wire:6:19: expected 'insecure' or 'ca=PATH' after 'starttls', got 'insecure'",
    ]);
  });

  it('starttls ca=PATH verifies the upgraded peer against that CA, relative to the .wire file\'s folder', async () => {
    const peer = await startPythonTls('smtp', { cert: fixtures.serverCert, key: fixtures.serverKey });
    tool = peer.tool;
    const result = await runWire(
      wire('### smtp\nopen tcp://localhost:{{port}}\nexpect "220 "\nsend "STARTTLS\\r\\n"\nexpect "220 2.0.0"\nstarttls ca=ca.pem\nsend "EHLO wire\\r\\n"\nexpect "250 smtp.test at your service\\r\\n"\nclose\n'),
      { variables: { port: String(peer.port) }, baseDirectory: fixtures.dir },
    );
    passed(result);
    const remote = await peer.result();
    assert.equal(remote.hello, 'EHLO wire\r\n');
  });
});

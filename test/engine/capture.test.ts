import * as assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { SocketEngine } from '../../src/engine';
import { firstConnection, portOf, receive, waitFor } from './helpers';
import { capinfos, fields, follow, packetCount, problemFrames } from './peers/tshark';

const MiB = 1024 * 1024;

describe('pcapng export (read back by tshark)', function () {
  this.timeout(120_000);
  let engine: SocketEngine;
  let directory: string;
  beforeEach(() => {
    engine = new SocketEngine({ statsIntervalMs: 20, transcriptLimits: { captureBytes: 2 * MiB, maxBytes: 64 * MiB, maxEntries: 100_000 } });
    directory = fs.mkdtempSync(path.join(os.tmpdir(), 'sw-capture-'));
  });
  afterEach(async () => {
    await engine.dispose();
    fs.rmSync(directory, { recursive: true, force: true });
  });

  for (const family of [
    { name: 'IPv4', host: '127.0.0.1', bracketed: '127.0.0.1' },
    { name: 'IPv6', host: '::1', bracketed: '[::1]' },
  ]) {
    it(`TCP over ${family.name}: Follow TCP Stream gives each direction's exact 1 MiB, for the client's and the server's export`, async () => {
      const server = await engine.open(`tcp-listen://${family.bracketed}:0`);
      const client = await engine.open(`tcp://${family.bracketed}:${portOf(server)}`);
      const connection = await firstConnection(engine, server.id);
      const request = randomBytes(MiB);
      const response = randomBytes(MiB);
      await engine.send(client.id, request);
      await receive(engine, connection.id, MiB, 20_000);
      await engine.send(connection.id, response);
      await receive(engine, client.id, MiB, 20_000);
      await engine.close(client.id);
      await waitFor('the server side to close', () => (engine.connections(server.id).length === 0 ? true : undefined), 10_000);

      const clientFile = path.join(directory, 'client.pcapng');
      const clientExport = await engine.exportCapture(client.id, clientFile);
      assert.deepEqual(await problemFrames(clientFile), []);
      const fromClient = await follow(clientFile, 'tcp');
      const local = engine.get(client.id)?.local;
      assert.equal(fromClient.nodes[0], `${family.bracketed}:${local?.port}`, 'the client sends the SYN');
      assert.equal(fromClient.nodes[1], `${family.bracketed}:${portOf(server)}`);
      assert.ok(fromClient.sent[0].equals(request), 'client to server bytes');
      assert.ok(fromClient.sent[1].equals(response), 'server to client bytes');
      assert.equal(await packetCount(clientFile), clientExport.packets);
      assert.equal(clientExport.droppedEntries, 0);

      const serverFile = path.join(directory, 'server.pcapng');
      const serverExport = await engine.exportCapture(server.id, serverFile);
      assert.deepEqual(await problemFrames(serverFile), []);
      const fromServer = await follow(serverFile, 'tcp');
      assert.equal(fromServer.nodes[0], `${family.bracketed}:${local?.port}`);
      assert.ok(fromServer.sent[0].equals(request));
      assert.ok(fromServer.sent[1].equals(response));
      assert.equal(await packetCount(serverFile), serverExport.packets);

      // Handshake, data with correct acks, then FIN/ACK both ways and the last ACK.
      const flags = (await fields(clientFile, 'tcp.flags.str')).map(([value]) => value.replace(/\u00b7/g, '.'));
      assert.match(flags[0], /S.$/);
      assert.match(flags[1], /A..S.$/);
      assert.match(flags[2], /A....$/);
      assert.ok(flags.slice(-3).filter((flag) => flag.endsWith('F')).length === 2, `two FINs at the end: ${flags.slice(-3).join(' ')}`);
    });
  }

  it('TCP checksums are right (tshark with checksum validation on)', async () => {
    const server = await engine.open('tcp-listen://127.0.0.1:0');
    const client = await engine.open(`tcp://127.0.0.1:${portOf(server)}`);
    const payload = randomBytes(100_001);
    await engine.send(client.id, payload);
    const connection = await firstConnection(engine, server.id);
    await receive(engine, connection.id, payload.byteLength);
    const file = path.join(directory, 'checksums.pcapng');
    await engine.exportCapture(client.id, file);
    const statuses = await validated(file, 'tcp');
    assert.ok(statuses.length > 3);
    assert.deepEqual([...new Set(statuses)], ['1'], 'every TCP and IP checksum is Good (1)');
  });

  for (const family of [
    { name: 'IPv4', host: '127.0.0.1', bracketed: '127.0.0.1' },
    { name: 'IPv6', host: '::1', bracketed: '[::1]' },
  ]) {
    it(`UDP over ${family.name}: Follow UDP Stream gives the datagrams' bytes, with real addresses and ports`, async () => {
      const a = await engine.open(`udp-listen://${family.bracketed}:0`);
      const b = await engine.open(`udp://${family.bracketed}:${portOf(a)}`);
      const messages = [randomBytes(1200), randomBytes(1), randomBytes(60_000)];
      for (const message of messages) {
        await engine.send(b.id, message);
      }
      await waitFor('3 datagrams', () => ((engine.get(a.id)?.stats.messagesIn ?? 0) >= 3 ? true : undefined));
      const reply = randomBytes(500);
      await engine.send(a.id, reply, { target: `${family.bracketed}:${portOf(engine.get(b.id) ?? b)}` });
      await waitFor('the reply', () => ((engine.get(b.id)?.stats.messagesIn ?? 0) >= 1 ? true : undefined));
      const file = path.join(directory, 'udp.pcapng');
      const result = await engine.exportCapture(b.id, file);
      assert.equal(result.packets, 4);
      assert.equal(await packetCount(file), 4);
      assert.deepEqual(await problemFrames(file), []);
      const followed = await follow(file, 'udp');
      assert.deepEqual(followed.nodes, [`${family.bracketed}:${portOf(engine.get(b.id) ?? b)}`, `${family.bracketed}:${portOf(a)}`]);
      assert.ok(followed.sent[0].equals(Buffer.concat(messages)));
      assert.ok(followed.sent[1].equals(reply));
      assert.deepEqual([...new Set(await validated(file, 'udp'))], ['1'], 'UDP and IP checksums are Good (1)');
    });
  }

  it('UNIX stream sockets: written as TCP over 127.0.0.1 with the path as the interface description', async () => {
    const socketPath = path.join(directory, 'u.sock');
    const server = await engine.open(`unix-listen://${socketPath}`);
    const client = await engine.open(`unix://${socketPath}`);
    const connection = await firstConnection(engine, server.id);
    const request = randomBytes(70_000);
    await engine.send(client.id, request);
    await receive(engine, connection.id, request.byteLength);
    await engine.send(connection.id, Buffer.from('ok\n'));
    await receive(engine, client.id, 3);
    const file = path.join(directory, 'unix.pcapng');
    await engine.exportCapture(server.id, file);
    assert.deepEqual(await problemFrames(file), []);
    const followed = await follow(file, 'tcp');
    assert.deepEqual(followed.nodes, ['127.0.0.1:49153', '127.0.0.1:49152']);
    assert.ok(followed.sent[0].equals(request));
    assert.equal(followed.sent[1].toString(), 'ok\n');
    const descriptions = await fields(file, 'frame.interface_description');
    assert.equal(descriptions[0][0], socketPath);
    assert.match(await capinfos(file), /UNIX stream connections are written as TCP over 127\.0\.0\.1/);
  });

  it('a message longer than the capture is marked truncated: captured length below the original, nothing invented', async () => {
    await engine.dispose();
    engine = new SocketEngine({ statsIntervalMs: 20, transcriptLimits: { captureBytes: 1000 } });
    const server = await engine.open('tcp-listen://127.0.0.1:0');
    const client = await engine.open(`tcp://127.0.0.1:${portOf(server)}`);
    const payload = randomBytes(5000);
    await engine.send(client.id, payload);
    const connection = await firstConnection(engine, server.id);
    await waitFor('5000 bytes', () => ((engine.get(connection.id)?.stats.bytesIn ?? 0) >= 5000 ? true : undefined));
    const file = path.join(directory, 'cut.pcapng');
    await engine.exportCapture(client.id, file);
    assert.deepEqual(await problemFrames(file), []);
    const frames = await fields(file, 'frame.len', 'frame.cap_len', 'tcp.len');
    const data = frames.find(([, , length]) => length === '5000');
    assert.ok(data !== undefined, `a 5000-byte segment in ${JSON.stringify(frames)}`);
    assert.equal(data[0], String(5000 + 40));
    assert.equal(data[1], String(1000 + 40));
    const followed = await follow(file, 'tcp');
    assert.ok(followed.sent[0].subarray(0, 1000).equals(payload.subarray(0, 1000)));
  });

  it('a transcript with dropped entries exports what it has and says so (section comment, statistics, result)', async () => {
    await engine.dispose();
    engine = new SocketEngine({ statsIntervalMs: 20, transcriptLimits: { maxEntries: 10 } });
    const a = await engine.open('udp-listen://127.0.0.1:0');
    const b = await engine.open(`udp://127.0.0.1:${portOf(a)}`);
    for (let index = 0; index < 30; index++) {
      await engine.send(b.id, Buffer.from(`message ${index}`));
    }
    const file = path.join(directory, 'dropped.pcapng');
    const result = await engine.exportCapture(b.id, file);
    assert.equal(result.entries, 10);
    assert.equal(result.droppedEntries, 21, 'the open entry and the first 20 sends');
    assert.equal(result.packets, 10);
    assert.equal(await packetCount(file), 10);
    assert.deepEqual(await problemFrames(file), []);
    const info = await capinfos(file);
    assert.match(info, /dropped its 21 oldest entries/);
    const followed = await follow(file, 'udp');
    assert.equal(followed.sent[0].toString(), Array.from({ length: 10 }, (_, index) => `message ${index + 20}`).join(''));
  });

  it('an export to a folder that does not exist fails with ENOENT and the path', async () => {
    const a = await engine.open('udp-listen://127.0.0.1:0');
    const target = path.join(directory, 'missing', 'x.pcapng');
    await assert.rejects(engine.exportCapture(a.id, target), (error: Error & { code?: string; data?: Record<string, unknown> }) => {
      assert.equal(error.code, 'ENOENT');
      assert.equal(error.data?.path, target);
      return true;
    });
  });
});

/** Checksum statuses (1 = Good, 0 = Bad, 2 = unverified) of every frame, with tshark's validation turned on. */
async function validated(file: string, protocol: 'tcp' | 'udp'): Promise<string[]> {
  const { execFileSync } = await import('node:child_process');
  const output = execFileSync(
    'tshark',
    ['-r', file, '-o', `${protocol}.check_checksum:TRUE`, '-o', 'ip.check_checksum:TRUE', '-T', 'fields', '-E', 'separator=|', '-e', `${protocol}.checksum.status`, '-e', 'ip.checksum.status'],
    { encoding: 'utf8', timeout: 60_000, stdio: ['ignore', 'pipe', 'ignore'] },
  );
  return output
    .split('\n')
    .filter((line) => line !== '')
    .flatMap((line) => line.split('|'))
    .filter((value) => value !== '');
}

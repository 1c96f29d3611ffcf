import * as assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import * as readline from 'node:readline';
import { SocketEngine, type SocketInfo } from '../../src/engine';
import { firstConnection, portOf, waitFor } from './helpers';
import { follow, followDigest, packetCount, problemFrames } from './peers/tshark';

const MiB = 1024 * 1024;

/** A plain Node client (no engine) that writes `total` bytes of a seeded stream and returns their sha256. */
function sendStream(port: number, total: number, seed: Buffer): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    const socket = net.connect(port, '127.0.0.1');
    let sent = 0;
    const chunk = (): Buffer => {
      const block = createHash('sha512').update(seed).update(String(sent)).digest();
      return Buffer.concat(Array.from({ length: 1024 }, () => block)).subarray(0, Math.min(64 * 1024, total - sent));
    };
    const pump = (): void => {
      while (sent < total) {
        const block = chunk();
        hash.update(block);
        sent += block.byteLength;
        if (!socket.write(block)) {
          socket.once('drain', pump);
          return;
        }
      }
      socket.end(() => resolve(hash.digest('hex')));
    };
    socket.once('connect', pump);
    socket.once('error', reject);
  });
}

interface JsonLine {
  readonly type: string;
  readonly direction?: string;
  readonly kind?: string;
  readonly data?: string;
  readonly length?: number;
  readonly entries?: number;
  readonly lostEntries?: number;
}

function readJsonl(file: string): JsonLine[] {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as JsonLine);
}

describe('Recording to disk', function () {
  this.timeout(180_000);
  let engine: SocketEngine;
  let directory: string;
  beforeEach(() => {
    // A small ring: the recording must hold what the transcript evicts.
    engine = new SocketEngine({ statsIntervalMs: 20, transcriptLimits: { maxEntries: 100, maxBytes: 8 * MiB } });
    directory = fs.mkdtempSync(path.join(os.tmpdir(), 'sw-record-'));
  });
  afterEach(async () => {
    await engine.dispose();
    fs.rmSync(directory, { recursive: true, force: true });
  });

  it('pcapng: 64 MiB through a recorded server, Follow TCP Stream gives the exact bytes (sha256) though the ring kept 100 entries', async () => {
    const server = await engine.open('tcp-listen://127.0.0.1:0');
    const file = path.join(directory, 'server.pcapng');
    const started = await engine.record(server.id, file, { format: 'pcapng' });
    assert.equal(started.format, 'pcapng');
    assert.equal(engine.recording(server.id)?.path, file);
    const total = 64 * MiB;
    const sent = await sendStream(portOf(server), total, randomBytes(16));
    await waitFor('all bytes in', () => ((engine.get(server.id)?.stats.bytesIn ?? 0) >= total ? true : undefined), 60_000);
    await waitFor('the connection to close', () => (engine.connections(server.id).length === 0 ? true : undefined), 10_000);
    const status = await engine.stopRecording(server.id);
    assert.equal(engine.recording(server.id), undefined);
    assert.equal(status.lostEntries, 0);
    assert.ok(engine.transcript(server.id).counters().evictedEntries > 0, 'the ring evicted entries the recording kept');
    assert.equal(status.bytesWritten, fs.statSync(file).size);
    assert.deepEqual(await problemFrames(file), []);
    const followed = await follow(file, 'tcp');
    assert.equal(followed.sent[0].byteLength, total);
    assert.equal(createHash('sha256').update(followed.sent[0]).digest('hex'), sent);
    assert.equal(followed.sent[1].byteLength, 0);
    assert.ok((await packetCount(file)) > 1000);
  });

  it('jsonl: 64 MiB through a recorded connection read back byte for byte, with connect and close lines', async () => {
    const server = await engine.open('tcp-listen://127.0.0.1:0');
    const file = path.join(directory, 'server.jsonl');
    await engine.record(server.id, file, { format: 'jsonl' });
    const total = 64 * MiB;
    const sent = await sendStream(portOf(server), total, randomBytes(16));
    await waitFor('the connection to close', () => (engine.connections(server.id).length === 0 && (engine.get(server.id)?.stats.bytesIn ?? 0) >= total ? true : undefined), 60_000);
    const status = await engine.stopRecording(server.id);
    const lines = readJsonl(file);
    assert.equal(lines[0].type, 'header');
    assert.equal(lines.at(-1)?.type, 'end');
    assert.equal(lines.at(-1)?.lostEntries, 0);
    const entries = lines.filter((line) => line.type === 'entry');
    assert.equal(entries.length, status.entries);
    assert.equal(entries[0].kind, 'accept');
    assert.equal(entries.at(-1)?.kind, 'close');
    const hash = createHash('sha256');
    let bytes = 0;
    for (const entry of entries.filter((line) => line.kind === 'data')) {
      const data = Buffer.from(entry.data ?? '', 'base64');
      assert.equal(data.byteLength, entry.length);
      hash.update(data);
      bytes += data.byteLength;
    }
    assert.equal(bytes, total);
    assert.equal(hash.digest('hex'), sent);
  });

  /** 1 GiB from a plain client through a recorded server, the recording stopped once the connection closed: nothing lost. */
  async function recordGiB(format: 'pcapng' | 'jsonl'): Promise<{ server: SocketInfo; file: string; total: number; sent: string }> {
    const server = await engine.open('tcp-listen://127.0.0.1:0');
    const file = path.join(directory, `server.${format}`);
    await engine.record(server.id, file, { format });
    const total = 1024 * MiB;
    const sent = await sendStream(portOf(server), total, randomBytes(16));
    await waitFor('the connection to close', () => (engine.connections(server.id).length === 0 && (engine.get(server.id)?.stats.bytesIn ?? 0) >= total ? true : undefined), 120_000);
    const status = await engine.stopRecording(server.id);
    assert.deepEqual([status.lostEntries, status.lostBytes], [0, 0]);
    assert.equal(status.bytesWritten, fs.statSync(file).size);
    return { server, file, total, sent };
  }

  it('pcapng: 1 GiB through a recorded server, Follow TCP Stream gives the exact bytes (sha256), nothing lost', async () => {
    const { server, file, total, sent } = await recordGiB('pcapng');
    const followed = await followDigest(file, 'tcp');
    assert.deepEqual(followed.bytes, [total, 0]);
    assert.equal(followed.sha256[0], sent);
    assert.equal(followed.nodes[1], `127.0.0.1:${portOf(server)}`);
  });

  it('jsonl: 1 GiB through a recorded server, read back as a stream, equals what was sent (sha256), nothing lost', async () => {
    const { server, file, total, sent } = await recordGiB('jsonl');
    // Line by line: the file (1.4 GB of base64) is over what one string can hold.
    const hash = createHash('sha256');
    let bytes = 0;
    let dataLines = 0;
    let last: JsonLine | undefined;
    for await (const text of readline.createInterface({ input: fs.createReadStream(file), crlfDelay: Infinity })) {
      const line = JSON.parse(text) as JsonLine;
      if (line.type === 'entry' && line.kind === 'data' && line.direction === 'in') {
        const data = Buffer.from(line.data ?? '', 'base64');
        assert.equal(data.byteLength, line.length);
        hash.update(data);
        bytes += data.byteLength;
        dataLines++;
      }
      last = line;
    }
    assert.equal(last?.type, 'end');
    assert.equal(last?.lostEntries, 0);
    assert.equal(bytes, total);
    assert.equal(hash.digest('hex'), sent);
    assert.ok(dataLines >= total / (64 * 1024), `at least one line per 64 KiB read (${dataLines})`);
    assert.ok(engine.transcript(server.id).counters().evictedEntries > 0, 'the ring evicted entries the recording kept');
  });

  it('a server recording covers all its connections, each its own TCP stream', async () => {
    const server = await engine.open('tcp-listen://127.0.0.1:0');
    const file = path.join(directory, 'two.pcapng');
    await engine.record(server.id, file);
    const first = await engine.open(`tcp://127.0.0.1:${portOf(server)}`);
    await firstConnection(engine, server.id);
    const second = await engine.open(`tcp://127.0.0.1:${portOf(server)}`);
    await waitFor('two connections', () => (engine.connections(server.id).length === 2 ? true : undefined));
    await engine.send(first.id, Buffer.from('from the first\n'));
    await engine.send(second.id, Buffer.from('from the second\n'));
    await engine.send(server.id, Buffer.from('to all\n'));
    await waitFor('both replies', () => (engine.get(first.id)?.stats.bytesIn === 7 && engine.get(second.id)?.stats.bytesIn === 7 ? true : undefined));
    await waitFor('both requests', () => (engine.get(server.id)?.stats.bytesIn === 31 ? true : undefined));
    await engine.close(first.id);
    await engine.close(second.id);
    await waitFor('no connections', () => (engine.connections(server.id).length === 0 ? true : undefined));
    await engine.stopRecording(server.id);
    assert.deepEqual(await problemFrames(file), []);
    const streams = [await follow(file, 'tcp', 0), await follow(file, 'tcp', 1)];
    assert.deepEqual(streams.map((stream) => stream.sent.map((bytes) => bytes.toString())), [
      ['from the first\n', 'to all\n'],
      ['from the second\n', 'to all\n'],
    ]);
  });

  /** A FIFO read slowly by python3 plays the slow disk; what it reads it copies to a real file. */
  function slowDisk(): { fifo: string; copy: string; reader: ReturnType<typeof spawn> } {
    const fifo = path.join(directory, 'slow.fifo');
    const copy = path.join(directory, 'copy.jsonl');
    execFileSync('mkfifo', [fifo]);
    const reader = spawn('python3', ['-c', `
import sys, time
with open(sys.argv[1], 'rb') as source, open(sys.argv[2], 'wb') as target:
    while True:
        block = source.read(16384)
        if not block:
            break
        target.write(block)
        time.sleep(0.02)
`, fifo, copy], { stdio: 'ignore' });
    return { fifo, copy, reader };
  }

  it('when the disk cannot keep up, a TCP recording holds reading (the peer slows down): nothing is lost, nothing unbounded is buffered', async () => {
    const { fifo, copy, reader } = slowDisk();
    try {
      const server = await engine.open('tcp-listen://127.0.0.1:0');
      await engine.record(server.id, fifo, { format: 'jsonl', maxPendingBytes: 256 * 1024 });
      const total = 2 * MiB;
      let most = 0;
      const watch = setInterval(() => (most = Math.max(most, engine.recording(server.id)?.pendingBytes ?? 0)), 5);
      const sent = await sendStream(portOf(server), total, randomBytes(16));
      await waitFor('all bytes in', () => ((engine.get(server.id)?.stats.bytesIn ?? 0) >= total ? true : undefined), 60_000);
      clearInterval(watch);
      // Bounded: the limit plus the reads already under way when reading stopped.
      assert.ok(most <= 256 * 1024 + 256 * 1024, `${most} bytes pending`);
      const status = await engine.stopRecording(server.id);
      await new Promise<void>((resolve) => reader.once('exit', () => resolve()));
      assert.equal(status.lostEntries, 0);
      const lines = readJsonl(copy);
      const bytes = Buffer.concat(lines.filter((line) => line.type === 'entry' && line.kind === 'data').map((line) => Buffer.from(line.data ?? '', 'base64')));
      assert.equal(createHash('sha256').update(bytes).digest('hex'), sent);
      assert.equal(lines.filter((line) => line.type === 'lost').length, 0);
      assert.equal(lines.at(-1)?.lostEntries, 0);
    } finally {
      reader.kill();
    }
  });

  it('when the disk cannot keep up with UDP (which cannot wait), entries are dropped, not buffered, and the file says how many', async () => {
    const { fifo, copy, reader } = slowDisk();
    try {
      const server = await engine.open('udp-listen://127.0.0.1:0');
      await engine.record(server.id, fifo, { format: 'jsonl', maxPendingBytes: 64 * 1024 });
      const client = await engine.open(`udp://127.0.0.1:${portOf(server)}`);
      const datagram = randomBytes(1024);
      for (let index = 0; index < 1000; index++) {
        await engine.send(client.id, datagram);
        if (index % 20 === 19) {
          // Paced, so the kernel's receive buffer does not drop them before the engine reads.
          await new Promise((resolve) => setTimeout(resolve, 5));
        }
      }
      await waitFor('datagrams in', () => ((engine.get(server.id)?.stats.messagesIn ?? 0) >= 500 ? true : undefined), 30_000);
      const during = engine.recording(server.id);
      assert.ok(during !== undefined && during.lostEntries > 0, 'entries were dropped');
      // Bounded: at most the limit plus one entry's line wait in memory.
      assert.ok(during.pendingBytes <= 64 * 1024 + 4 * 1024, `${during.pendingBytes} bytes pending`);
      const status = await engine.stopRecording(server.id);
      await new Promise<void>((resolve) => reader.once('exit', () => resolve()));
      const lines = readJsonl(copy);
      const lost = lines.filter((line) => line.type === 'lost').reduce((sum, line) => sum + (line.entries ?? 0), 0);
      assert.ok(lost > 0);
      assert.equal(lost, status.lostEntries);
      assert.equal(lines.at(-1)?.type, 'end');
      assert.equal(lines.at(-1)?.lostEntries, status.lostEntries);
      assert.equal(lines.filter((line) => line.type === 'entry').length, status.entries);
    } finally {
      reader.kill();
    }
  });

  it('a recording ends when its socket is removed, and the file is complete', async () => {
    const a = await engine.open('udp-listen://127.0.0.1:0');
    const b = await engine.open(`udp://127.0.0.1:${portOf(a)}`);
    const file = path.join(directory, 'udp.pcapng');
    await engine.record(a.id, file);
    await engine.send(b.id, Buffer.from('one'));
    await engine.send(b.id, Buffer.from('two'));
    await waitFor('2 datagrams', () => (engine.get(a.id)?.stats.messagesIn === 2 ? true : undefined));
    const stopped = new Promise<number>((resolve) => {
      const subscription = engine.onDidChangeRecording((change) => {
        if (change.stopped) {
          subscription.dispose();
          resolve(change.status.entries);
        }
      });
    });
    await engine.remove(a.id);
    assert.equal(await stopped, 3, 'two datagrams and the close');
    assert.equal(await packetCount(file), 2);
    const followed = await follow(file, 'udp');
    assert.equal(followed.sent[0].toString(), 'onetwo');
  });
});

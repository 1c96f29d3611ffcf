/**
 * The recording's worker thread (recorderWorker.ts): batches of many small entries, loss when it
 * falls behind, files that cannot be opened or written, a stop during heavy traffic, and no worker
 * left once a recording, or the engine, has ended.
 */
import * as assert from 'node:assert/strict';
import { execFile, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { SocketEngine } from '../../src/engine';
import { RECORDER_WORKER_FILE, recorderWorkersAlive } from '../../src/engine/recorder';
import { portOf, waitFor } from './helpers';
import { follow, packetCount, problemFrames } from './peers/tshark';

const MiB = 1024 * 1024;
const repositoryRoot = path.resolve(__dirname, '..', '..', '..');

interface PcapngSummary {
  readonly packets: number;
  /** The last block's type (5: interface statistics, written last). */
  readonly lastBlock: number;
  readonly dropped?: bigint;
  readonly statisticsComment?: string;
  /** Comments of packets, e.g. "3 entries (3072 bytes) lost before this packet". */
  readonly packetComments: readonly string[];
}

/** Walks the blocks of a little-endian pcapng file as the recorder writes it. */
function readPcapng(file: string): PcapngSummary {
  const bytes = fs.readFileSync(file);
  let offset = 0;
  let packets = 0;
  let lastBlock = 0;
  let dropped: bigint | undefined;
  let statisticsComment: string | undefined;
  const packetComments: string[] = [];
  const options = (start: number, end: number, each: (code: number, value: Buffer) => void): void => {
    for (let at = start; at + 4 <= end; ) {
      const code = bytes.readUInt16LE(at);
      const length = bytes.readUInt16LE(at + 2);
      if (code === 0) {
        break;
      }
      each(code, bytes.subarray(at + 4, at + 4 + length));
      at += 4 + ((length + 3) & ~3);
    }
  };
  while (offset < bytes.length) {
    const type = bytes.readUInt32LE(offset);
    const length = bytes.readUInt32LE(offset + 4);
    assert.equal(bytes.readUInt32LE(offset + length - 4), length, `block at ${offset} ends with its length`);
    if (type === 6) {
      packets++;
      const captured = bytes.readUInt32LE(offset + 20);
      options(offset + 28 + ((captured + 3) & ~3), offset + length - 4, (code, value) => code === 1 && packetComments.push(value.toString()));
    } else if (type === 5) {
      options(offset + 20, offset + length - 4, (code, value) => {
        if (code === 5) {
          dropped = value.readBigUInt64LE(0);
        } else if (code === 1) {
          statisticsComment = value.toString();
        }
      });
    }
    lastBlock = type;
    offset += length;
  }
  return { packets, lastBlock, dropped, statisticsComment, packetComments };
}

/** tshark's verdict on every TCP and IP checksum: the counts of good (1) and bad (0). */
function checksumStatuses(file: string): Promise<Map<string, number>> {
  return new Promise((resolve, reject) => {
    execFile('tshark', ['-r', file, '-o', 'tcp.check_checksum:TRUE', '-o', 'ip.check_checksum:TRUE', '-T', 'fields', '-e', 'tcp.checksum.status', '-e', 'ip.checksum.status'], { timeout: 60_000, maxBuffer: 1 << 28 }, (error, stdout) => {
      if (error !== null) {
        reject(error);
        return;
      }
      const counts = new Map<string, number>();
      for (const line of stdout.split('\n').filter((text) => text !== '')) {
        counts.set(line, (counts.get(line) ?? 0) + 1);
      }
      resolve(counts);
    });
  });
}

/** Writes `data` to the port from a plain Node client, then ends; resolves once all is written. */
function sendAll(port: number, data: Buffer | (() => Buffer | undefined)): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    const next = typeof data === 'function' ? data : ((sent = false) => () => (sent ? undefined : ((sent = true), data)))();
    const pump = (): void => {
      for (let chunk = next(); chunk !== undefined; chunk = next()) {
        if (!socket.write(chunk)) {
          socket.once('drain', pump);
          return;
        }
      }
      socket.end(() => resolve());
    };
    socket.once('connect', pump);
    socket.once('error', reject);
  });
}

describe('Recording worker', function () {
  this.timeout(120_000);
  let engine: SocketEngine;
  let directory: string;
  beforeEach(() => {
    engine = new SocketEngine({ statsIntervalMs: 20 });
    directory = fs.mkdtempSync(path.join(os.tmpdir(), 'sw-recworker-'));
  });
  afterEach(async () => {
    await engine.dispose();
    fs.rmSync(directory, { recursive: true, force: true });
    await waitFor('no recording worker left', () => (recorderWorkersAlive() === 0 ? true : undefined), 5000);
  });

  it('the worker script sits next to the recorder (tsc) and next to the bundles (esbuild), and ships in the .vsix', () => {
    assert.ok(fs.existsSync(RECORDER_WORKER_FILE), RECORDER_WORKER_FILE);
    if (fs.existsSync(path.join(repositoryRoot, 'dist', 'extension.js'))) {
      assert.ok(fs.existsSync(path.join(repositoryRoot, 'dist', 'recorderWorker.js')), 'npm run build writes dist/recorderWorker.js');
    }
    assert.match(fs.readFileSync(path.join(repositoryRoot, '.vscodeignore'), 'utf8'), /^!dist\/recorderWorker\.js$/m);
  });

  for (const format of ['pcapng', 'jsonl'] as const) {
    it(`${format}: 20,000 fixed frames of 37 bytes travel in batches and come back exactly${format === 'pcapng' ? ', every checksum right' : ''}`, async () => {
      const server = await engine.open('tcp-listen://127.0.0.1:0?framing=fixed&size=37');
      const file = path.join(directory, `frames.${format}`);
      await engine.record(server.id, file, { format });
      const data = randomBytes(37 * 20_000);
      await sendAll(portOf(server), data);
      await waitFor('all frames and the close', () => ((engine.get(server.id)?.stats.bytesIn ?? 0) >= data.length && engine.connections(server.id).length === 0 ? true : undefined), 30_000);
      const status = await engine.stopRecording(server.id);
      assert.equal(status.lostEntries, 0);
      assert.equal(status.pendingBytes, 0);
      assert.equal(status.bytesWritten, fs.statSync(file).size);
      if (format === 'pcapng') {
        assert.deepEqual(await problemFrames(file), []);
        const followed = await follow(file, 'tcp');
        assert.ok(followed.sent[0].equals(data), 'Follow TCP Stream gives the bytes sent');
        // The handshake, one packet per frame, both FINs and the last ACK.
        assert.equal(await packetCount(file), 3 + 20_000 + 3);
        const statuses = await checksumStatuses(file);
        assert.deepEqual([...statuses.keys()], ['1\t1'], `every TCP and IP checksum good: ${JSON.stringify([...statuses])}`);
      } else {
        const lines = fs.readFileSync(file, 'utf8').split('\n').filter((line) => line !== '').map((line) => JSON.parse(line) as { type: string; kind?: string; data?: string });
        const frames = lines.filter((line) => line.type === 'entry' && line.kind === 'data');
        assert.equal(frames.length, 20_000);
        assert.ok(Buffer.concat(frames.map((line) => Buffer.from(line.data ?? '', 'base64'))).equals(data));
        assert.equal(lines.at(-1)?.type, 'end');
      }
    });
  }

  it('when the worker falls behind a UDP flood (a slow FIFO, small maxPendingBytes), losses are counted in runs and the pcapng says how many', async () => {
    const fifo = path.join(directory, 'slow.fifo');
    const copy = path.join(directory, 'copy.pcapng');
    execFileSync('mkfifo', [fifo]);
    const reader = spawn('python3', ['-c', `
import sys, time
with open(sys.argv[1], 'rb') as source, open(sys.argv[2], 'wb') as target:
    while True:
        block = source.read(8192)
        if not block:
            break
        target.write(block)
        time.sleep(0.02)
`, fifo, copy], { stdio: 'ignore' });
    try {
      const server = await engine.open('udp-listen://127.0.0.1:0');
      await engine.record(server.id, fifo, { format: 'pcapng', maxPendingBytes: 32 * 1024 });
      const client = await engine.open(`udp://127.0.0.1:${portOf(server)}`);
      const datagram = randomBytes(1000);
      for (let index = 0; index < 600; index++) {
        await engine.send(client.id, datagram);
        if (index % 20 === 19) {
          await new Promise((resolve) => setTimeout(resolve, 5));
        }
      }
      await waitFor('datagrams in', () => ((engine.get(server.id)?.stats.messagesIn ?? 0) >= 300 ? true : undefined), 30_000);
      const during = engine.recording(server.id);
      assert.ok(during !== undefined && during.lostEntries > 0, 'entries were dropped');
      // Bounded: the allowance plus one datagram and its overhead.
      assert.ok(during.pendingBytes <= 32 * 1024 + 1100, `${during.pendingBytes} bytes pending`);
      const status = await engine.stopRecording(server.id);
      await new Promise<void>((resolve) => reader.once('exit', () => resolve()));
      const file = readPcapng(copy);
      assert.equal(file.lastBlock, 5, 'the interface statistics end the file');
      assert.equal(file.dropped, BigInt(status.lostEntries));
      assert.match(file.statisticsComment ?? '', new RegExp(`^${status.lostEntries} entries \\(${status.lostBytes} bytes\\) were lost`));
      assert.equal(status.lostBytes, status.lostEntries * 1000);
      assert.equal(file.packets, status.entries);
      const noted = file.packetComments.map((comment) => Number(/^(\d+) entries \(\d+ bytes\) lost before this packet/.exec(comment)?.[1] ?? 0)).reduce((sum, count) => sum + count, 0);
      assert.ok(noted > 0 && noted <= status.lostEntries, `${noted} losses noted on packets of ${status.lostEntries}`);
    } finally {
      reader.kill();
    }
  });

  it('a file that cannot be opened rejects record() with its code, and leaves no worker', async () => {
    const server = await engine.open('tcp-listen://127.0.0.1:0');
    await assert.rejects(engine.record(server.id, path.join(directory, 'missing', 'x.pcapng')), { code: 'ENOENT' });
    // The engine's codes name the common failures; others are SYSTEM with the system's code in data.
    await assert.rejects(engine.record(server.id, directory, { format: 'jsonl' }), { code: 'SYSTEM', data: { path: directory, systemCode: 'EISDIR', syscall: 'open' } });
    assert.equal(engine.recording(server.id), undefined);
    await waitFor('the workers to exit', () => (recorderWorkersAlive() === 0 ? true : undefined), 5000);
  });

  it('a disk that stops taking bytes (ENOSPC, /dev/full): reading goes on, stopRecording rejects with ENOSPC, no worker is left', async function () {
    if (!fs.existsSync('/dev/full')) {
      this.skip();
    }
    const server = await engine.open('tcp-listen://127.0.0.1:0');
    await engine.record(server.id, '/dev/full', { maxPendingBytes: 1 * MiB });
    const data = randomBytes(8 * MiB);
    await sendAll(portOf(server), data);
    await waitFor('all bytes in, the recording failed or not', () => ((engine.get(server.id)?.stats.bytesIn ?? 0) >= data.length ? true : undefined), 30_000);
    await assert.rejects(engine.stopRecording(server.id), { code: 'ENOSPC' });
    assert.equal(engine.recording(server.id), undefined);
    await waitFor('the worker to exit', () => (recorderWorkersAlive() === 0 ? true : undefined), 5000);
  });

  it('stopping during heavy traffic gives a complete file of a prefix of the stream, and the transfer goes on', async () => {
    const server = await engine.open('tcp-listen://127.0.0.1:0');
    const file = path.join(directory, 'heavy.pcapng');
    await engine.record(server.id, file);
    const block = randomBytes(MiB);
    const total = 256 * MiB;
    let sent = 0;
    const sending = sendAll(portOf(server), () => (sent < total ? ((sent += block.length), block) : undefined));
    await waitFor('32 MiB in', () => ((engine.get(server.id)?.stats.bytesIn ?? 0) >= 32 * MiB ? true : undefined), 30_000);
    const status = await engine.stopRecording(server.id);
    assert.equal(engine.recording(server.id), undefined);
    await waitFor('the worker to exit', () => (recorderWorkersAlive() === 0 ? true : undefined), 5000);
    assert.equal(status.bytesWritten, fs.statSync(file).size);
    assert.equal(readPcapng(file).lastBlock, 5, 'the file ends with its statistics');
    await sending;
    await waitFor('all bytes in', () => ((engine.get(server.id)?.stats.bytesIn ?? 0) >= total ? true : undefined), 60_000);
    const recorded = (await follow(file, 'tcp')).sent[0];
    assert.ok(recorded.byteLength >= 32 * MiB && recorded.byteLength < total, `${recorded.byteLength} bytes recorded`);
    for (let offset = 0; offset < recorded.byteLength; offset += MiB) {
      const piece = recorded.subarray(offset, offset + MiB);
      assert.ok(piece.equals(block.subarray(0, piece.byteLength)), `the recorded bytes at ${offset} are the stream's`);
    }
  });

  it('dispose() while a recording is still opening its file leaves no worker behind', async () => {
    const server = await engine.open('tcp-listen://127.0.0.1:0');
    const recording = engine.record(server.id, path.join(directory, 'opening.pcapng'));
    await engine.dispose();
    await recording.then(
      () => undefined,
      (error: unknown) => assert.equal((error as { code?: string }).code, 'NOT_OPEN'),
    );
    await waitFor('the worker to exit', () => (recorderWorkersAlive() === 0 ? true : undefined), 5000);
  });

  it('dispose() ends a running recording: the file is complete and its worker has exited', async () => {
    const server = await engine.open('tcp-listen://127.0.0.1:0');
    const file = path.join(directory, 'disposed.pcapng');
    await engine.record(server.id, file);
    assert.equal(recorderWorkersAlive(), 1);
    const data = randomBytes(4 * MiB);
    await sendAll(portOf(server), data);
    await waitFor('all bytes in', () => ((engine.get(server.id)?.stats.bytesIn ?? 0) >= data.length ? true : undefined), 30_000);
    await engine.dispose();
    assert.equal(recorderWorkersAlive(), 0, 'no worker once dispose() resolves');
    const summary = readPcapng(file);
    assert.equal(summary.lastBlock, 5);
    assert.ok((await follow(file, 'tcp')).sent[0].equals(data));
  });
});

// One trial of a capture benchmark, in its own process (capture.mjs runs it). Usage:
//   node capture-trial.mjs record <plain|recorded|disk> total=BYTES chunk=BYTES [dir=PATH]
//   node capture-trial.mjs export entries=N size=BYTES
//   node capture-trial.mjs framing <raw|line|line-listener> total=BYTES line=BYTES
// Prints one JSON line. Files go to a fresh directory in `dir` (else the temporary folder), removed
// afterwards. `record disk` is what that folder takes from a bare write stream, to compare a
// recording with by hand (its page cache is the ceiling of a recording).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { loadEngine, repositoryRoot } from './harness.mjs';
import { countIncoming, deadline, nextAccepted, numericParameters } from './trial.mjs';

const [benchmark, variant, ...rest] = process.argv.slice(2);
// `dir=PATH`: the folder a record trial writes into (capture.mjs passes a RAM-backed one or the temporary folder).
const folder = rest.find((pair) => pair.startsWith('dir='))?.slice('dir='.length) ?? os.tmpdir();
const parameters = numericParameters(rest.filter((pair) => !pair.startsWith('dir=')));

/**
 * What the temporary folder's disk alone takes: `total` bytes in 64 KiB pieces (the size of a
 * recorded read) through a write stream that waits for 'drain', time including closing the file.
 */
async function diskAlone({ total }) {
  const directory = fs.mkdtempSync(path.join(folder, 'sw-bench-disk-'));
  const piece = Buffer.alloc(64 * 1024, 0x5a);
  try {
    const stream = fs.createWriteStream(path.join(directory, 'bench.bin'), { highWaterMark: 16 * 1024 * 1024 });
    await new Promise((resolve, reject) => stream.once('open', resolve).once('error', reject));
    const start = performance.now();
    for (let written = 0; written < total; written += piece.length) {
      if (!stream.write(piece)) {
        await new Promise((resolve) => stream.once('drain', resolve));
      }
    }
    await new Promise((resolve, reject) => stream.end(resolve).once('error', reject));
    const seconds = (performance.now() - start) / 1000;
    return { seconds, megabytesPerSecond: total / seconds / 1e6, fileBytes: stream.bytesWritten, lostEntries: 0, entries: 0 };
  } finally {
    fs.rmSync(directory, { recursive: true, force: true });
  }
}

/** TCP `total` bytes client to server in one process; `recorded` records the server to pcapng, `disk` only writes a file. */
async function record({ total, chunk }) {
  if (variant === 'disk') {
    return diskAlone({ total });
  }
  const { SocketEngine } = loadEngine();
  const directory = fs.mkdtempSync(path.join(folder, 'sw-bench-record-'));
  const payload = Buffer.alloc(chunk, 0x5a);
  const engine = new SocketEngine();
  try {
    const server = await engine.open('tcp-listen://127.0.0.1:0');
    const accepted = nextAccepted(engine, server.id);
    const file = path.join(directory, 'bench.pcapng');
    if (variant === 'recorded') {
      await engine.record(server.id, file, { format: 'pcapng' });
    }
    const client = await engine.open(`tcp://127.0.0.1:${server.local.port}`);
    const connectionId = await deadline(accepted, 5000, 'the accepted connection');
    const incoming = countIncoming(engine, connectionId, total);
    const start = performance.now();
    for (let sent = 0; sent < total; sent += chunk) {
      await engine.send(client.id, payload);
    }
    await deadline(incoming.all, 120_000, `${total} bytes at the server`);
    const received = incoming.received();
    // A recording counts as done when its file is complete on disk.
    const status = variant === 'recorded' ? await engine.stopRecording(server.id) : undefined;
    const seconds = (performance.now() - start) / 1000;
    return {
      seconds,
      megabytesPerSecond: received / seconds / 1e6,
      fileBytes: status?.bytesWritten ?? 0,
      lostEntries: status?.lostEntries ?? 0,
      entries: status?.entries ?? 0,
    };
  } finally {
    await engine.dispose();
    fs.rmSync(directory, { recursive: true, force: true });
  }
}

/** Exports a transcript of `entries` data entries of `size` bytes, alternating directions, on one TCP connection. */
async function exportEntries({ entries, size }) {
  const require = createRequire(import.meta.url);
  const { exportCapture } = require(path.join(repositoryRoot, 'out', 'src', 'engine', 'export.js'));
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'sw-bench-export-'));
  const data = Buffer.alloc(size, 0x61);
  const now = Date.now();
  const list = [{ seq: 0, kind: 'connect', time: now, mono: 0, peer: '127.0.0.1:5000', detail: '127.0.0.1:40000', length: 0 }];
  for (let index = 1; index <= entries; index++) {
    list.push({ seq: index, kind: 'data', direction: index % 2 === 0 ? 'in' : 'out', time: now + index / 1000, mono: index / 1000, peer: '127.0.0.1:5000', length: size, data });
  }
  const transcript = {
    entries: () => list,
    counters: () => ({ entries: list.length, bytes: entries * size, evictedEntries: 0, evictedBytes: 0, truncatedEntries: 0, truncatedBytes: 0, firstSeq: 0, nextSeq: list.length }),
  };
  const info = { id: 's1', kind: 'tcp-client', spec: 'tcp://127.0.0.1:5000', local: { family: 'IPv4', address: '127.0.0.1', port: 40000 }, remote: { family: 'IPv4', address: '127.0.0.1', port: 5000 } };
  try {
    const start = performance.now();
    const result = await exportCapture(info, transcript, path.join(directory, 'export.pcapng'));
    const seconds = (performance.now() - start) / 1000;
    return { seconds, packets: result.packets, fileBytes: result.bytesWritten };
  } finally {
    fs.rmSync(directory, { recursive: true, force: true });
  }
}

/**
 * TCP `total` bytes of `line`-byte lines client to server; `line` frames the server's connections
 * by line, `raw` does not, `line-listener` frames them with an onData listener subscribed.
 */
async function framing({ total, line }) {
  const { SocketEngine } = loadEngine();
  const engine = new SocketEngine();
  try {
    const server = await engine.open(`tcp-listen://127.0.0.1:0${variant === 'raw' ? '' : '?framing=line'}`);
    const accepted = nextAccepted(engine, server.id);
    const client = await engine.open(`tcp://127.0.0.1:${server.local.port}`);
    const connectionId = await deadline(accepted, 5000, 'the accepted connection');
    // 16 MiB of whole lines per send: `line - 1` letters and a newline each.
    const lines = Math.floor((16 * 1024 * 1024) / line);
    const payload = Buffer.alloc(lines * line, 0x61);
    for (let end = line - 1; end < payload.length; end += line) {
      payload[end] = 0x0a;
    }
    let received = 0;
    let messages = 0;
    let done;
    const allReceived = new Promise((resolve) => (done = resolve));
    const sends = Math.ceil(total / payload.length);
    const expected = sends * payload.length;
    if (variant === 'line-listener') {
      // A data listener (the API's onData, a wire file, a recording) makes the engine build an entry per message.
      engine.onData(({ socketId, entry }) => {
        if (socketId === connectionId && entry.direction === 'in') {
          received += entry.length;
          messages++;
          if (received >= expected) {
            done();
          }
        }
      });
    } else {
      // As the extension watches a busy socket: its counters, polled (the tree and the panel read
      // them once per stats interval and pull the transcript), not an event per message.
      const poll = () => {
        const stats = engine.get(connectionId)?.stats;
        received = stats?.bytesIn ?? 0;
        messages = stats?.messagesIn ?? 0;
        if (received >= expected) {
          done();
        } else {
          setTimeout(poll, 1);
        }
      };
      setTimeout(poll, 1);
    }
    const start = performance.now();
    for (let sent = 0; sent < sends; sent++) {
      await engine.send(client.id, payload);
    }
    await deadline(allReceived, 150_000, `${expected} bytes at the server`);
    const seconds = (performance.now() - start) / 1000;
    if (variant !== 'raw' && messages !== sends * lines) {
      throw new Error(`expected ${sends * lines} line messages, counted ${messages}`);
    }
    return { seconds, megabytesPerSecond: received / seconds / 1e6, messages };
  } finally {
    await engine.dispose();
  }
}

const trials = { record, export: exportEntries, framing };
const trial = trials[benchmark];
if (trial === undefined) {
  throw new Error(`unknown trial ${benchmark}`);
}
const result = await trial(benchmark === 'export' ? numericParameters([variant, ...rest]) : parameters);
process.stdout.write(`${JSON.stringify(result)}\n`);

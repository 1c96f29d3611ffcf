// One trial of an engine benchmark, run in its own process by engine.mjs so every trial starts with
// a fresh heap. Usage: node engine-trial.mjs <tcp|udp|accept> <engine|raw> [key=value ...]
// Prints one JSON line with the measurement. Everything is on 127.0.0.1 and bounded in time.
import dgram from 'node:dgram';
import { spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import readline from 'node:readline';
import { benchDirectory, loadEngine } from './harness.mjs';
import { countIncoming, cpuMilliseconds, deadline, nextAccepted, numericParameters, rawIncoming, writeAll } from './trial.mjs';

const [benchmark, variant, ...rest] = process.argv.slice(2);
const parameters = numericParameters(rest);

function delay(milliseconds) {
  return new Promise((resolve) => setTimeout(resolve, milliseconds));
}


// ---------------------------------------------------------------------------------------------
// TCP throughput: `total` bytes as repeated sends of one reused `chunk`-byte buffer.

async function tcpEngine({ total, chunk }) {
  const { SocketEngine } = loadEngine();
  const payload = Buffer.alloc(chunk, 0x5a);
  const engine = new SocketEngine();
  const server = await engine.open('tcp-listen://127.0.0.1:0');
  const accepted = nextAccepted(engine, server.id);
  const client = await engine.open(`tcp://127.0.0.1:${server.local.port}`);
  const connectionId = await deadline(accepted, 5000, 'the accepted connection');
  const incoming = countIncoming(engine, connectionId, total);
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  for (let sent = 0; sent < total; sent += chunk) {
    await engine.send(client.id, payload);
  }
  await deadline(incoming.all, 60_000, `${total} bytes at the server`);
  const received = incoming.received();
  const seconds = (performance.now() - start) / 1000;
  const cpu = cpuMilliseconds(cpuStart);
  const counters = engine.transcript(connectionId).counters();
  const bytesOut = engine.get(client.id).stats.bytesOut;
  await engine.dispose();
  if (received !== total || bytesOut !== total) {
    throw new Error(`sent ${bytesOut} and received ${received} bytes, expected ${total}`);
  }
  return { seconds, bytes: received, megabytesPerSecond: received / seconds / 1e6, cpu, transcript: counters };
}

async function tcpRaw({ total, chunk }) {
  const payload = Buffer.alloc(chunk, 0x5a);
  const server = net.createServer();
  const incoming = rawIncoming(total);
  server.on('connection', incoming.attach);
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const client = net.connect(server.address().port, '127.0.0.1');
  await deadline(new Promise((resolve) => client.once('connect', resolve)), 5000, 'connect');
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  await writeAll(client, payload, total);
  await deadline(incoming.all, 60_000, `${total} bytes at the server`);
  const received = incoming.received();
  const seconds = (performance.now() - start) / 1000;
  const cpu = cpuMilliseconds(cpuStart);
  client.destroy();
  server.close();
  if (received !== total) {
    throw new Error(`received ${received} bytes, expected ${total}`);
  }
  return { seconds, bytes: received, megabytesPerSecond: received / seconds / 1e6, cpu };
}

// ---------------------------------------------------------------------------------------------
// UDP: `size`-byte datagrams for `duration` ms, sent in batches of `window`: each batch's sends are
// awaited, then the sender yields to the event loop (setImmediate) so the receiver, in the same
// process, reads before the next batch. Awaiting a send alone never yields: a datagram that leaves
// synchronously completes on the next tick, and the receive buffer would overflow unread. So at
// most `window` datagrams are in flight; received is counted once the receiver goes quiet, and
// drops = sent - received.

/** Waits until `count()` stops changing (50 ms without a change), at most 2 s. */
async function settle(count) {
  let last = -1;
  let quietSince = performance.now();
  const limit = performance.now() + 2000;
  while (performance.now() < limit) {
    const now = count();
    if (now !== last) {
      last = now;
      quietSince = performance.now();
    } else if (performance.now() - quietSince >= 50) {
      break;
    }
    await delay(5);
  }
  return last;
}

async function sendFor(duration, window, sendOne) {
  let sent = 0;
  const start = performance.now();
  const end = start + duration;
  const batch = new Array(window);
  while (performance.now() < end) {
    for (let index = 0; index < window; index++) {
      batch[index] = sendOne();
    }
    await Promise.all(batch);
    sent += window;
    await new Promise((resolve) => setImmediate(resolve));
  }
  return { sent, seconds: (performance.now() - start) / 1000 };
}

async function udpEngine({ size, duration, window }) {
  const { SocketEngine } = loadEngine();
  const payload = Buffer.alloc(size, 0x5a);
  const engine = new SocketEngine();
  const listener = await engine.open('udp-listen://127.0.0.1:0');
  const client = await engine.open(`udp://127.0.0.1:${listener.local.port}`);
  const cpuStart = process.cpuUsage();
  const { sent, seconds } = await sendFor(duration, window, () => engine.send(client.id, payload));
  const received = await settle(() => engine.get(listener.id).stats.messagesIn);
  const cpu = cpuMilliseconds(cpuStart);
  const counters = engine.transcript(listener.id).counters();
  await engine.dispose();
  return { sent, received, seconds, datagramsPerSecond: received / seconds, cpuMicrosecondsPerDatagram: (cpu * 1000) / received, transcript: counters };
}

async function udpRaw({ size, duration, window }) {
  const payload = Buffer.alloc(size, 0x5a);
  const listener = dgram.createSocket('udp4');
  let received = 0;
  listener.on('message', () => received++);
  await new Promise((resolve) => listener.bind(0, '127.0.0.1', resolve));
  const client = dgram.createSocket('udp4');
  await new Promise((resolve) => client.bind(0, '127.0.0.1', resolve));
  const port = listener.address().port;
  const sendOne = () =>
    new Promise((resolve, reject) => client.send(payload, port, '127.0.0.1', (error) => (error ? reject(error) : resolve())));
  const cpuStart = process.cpuUsage();
  const { sent, seconds } = await sendFor(duration, window, sendOne);
  const total = await settle(() => received);
  const cpu = cpuMilliseconds(cpuStart);
  listener.close();
  client.close();
  return { sent, received: total, seconds, datagramsPerSecond: total / seconds, cpuMicrosecondsPerDatagram: (cpu * 1000) / total };
}

// ---------------------------------------------------------------------------------------------
// Accept: a client process opens `count` connections (at most `window` connecting at once) and
// holds them; this process is the server. Timed from "go" to the count-th accepted connection.
// Heap is measured after full GCs (run with --expose-gc) and divided by the count.

function heapAfterGc() {
  globalThis.gc();
  globalThis.gc();
  return process.memoryUsage();
}

async function acceptTrial(variant, { count, window }) {
  let accepted = 0;
  let done;
  const allAccepted = new Promise((resolve) => (done = resolve));
  let engine;
  let rawServer;
  let port;
  const held = [];
  let server;
  if (variant === 'engine') {
    // The engine's modules and its listening server are there before the first heap figure: the
    // figure is what each held connection costs, not the engine's code (TLS and framing made the
    // bundle bigger, which divided over 10,000 connections read as ~300 bytes each).
    const { SocketEngine } = loadEngine();
    engine = new SocketEngine();
    server = await engine.open('tcp-listen://127.0.0.1:0');
  }
  const before = heapAfterGc();
  if (variant === 'engine') {
    port = server.local.port;
    engine.onDidCreate((info) => {
      if (info.parentId === server.id && ++accepted === count) {
        done();
      }
    });
  } else {
    rawServer = net.createServer((socket) => {
      held.push(socket);
      if (++accepted === count) {
        done();
      }
    });
    // The engine's default backlog (4096), so the ratio compares accepting, not queue depth: with
    // Node's 511 a burst overflows the queue and the dropped handshakes retry after a second.
    await new Promise((resolve) => rawServer.listen({ port: 0, host: '127.0.0.1', backlog: 4096 }, resolve));
    port = rawServer.address().port;
  }
  const clients = spawn(process.execPath, [path.join(benchDirectory, 'accept-clients.mjs'), String(port), String(count), String(window)], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const lines = readline.createInterface({ input: clients.stdout });
  const nextLine = () => new Promise((resolve) => lines.once('line', resolve));
  try {
    const ready = await deadline(nextLine(), 10_000, 'the client process');
    if (ready !== 'ready') {
      throw new Error(`client process said ${ready}`);
    }
    const connected = nextLine();
    const start = performance.now();
    const cpuStart = process.cpuUsage();
    clients.stdin.write('go\n');
    await deadline(allAccepted, 60_000, `${count} accepted connections (have ${accepted})`);
    const milliseconds = performance.now() - start;
    const cpu = cpuMilliseconds(cpuStart);
    const clientReport = await deadline(connected, 10_000, 'the client report');
    const after = heapAfterGc();
    const holding = engine === undefined ? held.filter((socket) => !socket.destroyed).length : engine.list()[0].connections;
    if (holding !== count) {
      throw new Error(`holding ${holding} connections after accepting ${accepted}, expected ${count} (${clientReport})`);
    }
    return {
      milliseconds,
      cpu,
      heapPerConnection: (after.heapUsed - before.heapUsed) / count,
      rssPerConnection: (after.rss - before.rss) / count,
      externalPerConnection: (after.external - before.external) / count,
    };
  } finally {
    clients.stdin.end();
    clients.kill('SIGKILL');
    for (const socket of held) {
      socket.destroy();
    }
    rawServer?.close();
    await engine?.dispose();
  }
}

// ---------------------------------------------------------------------------------------------
// Transcript memory: a flood process (test/engine/peers/flood.mjs) opens `connections` connections
// to one engine tcp-listen server and sends `mebibytes` MiB on each. Memory is measured after full
// GCs (run with --expose-gc): what the engine holds is the server's budget (16 MiB by default).

async function memoryTrial({ connections, mebibytes }) {
  const { SocketEngine } = loadEngine();
  const engine = new SocketEngine();
  const server = await engine.open('tcp-listen://127.0.0.1:0');
  const total = connections * mebibytes * 1024 * 1024;
  const before = heapAfterGc();
  const flood = spawn(process.execPath, [path.join(benchDirectory, '..', 'engine', 'peers', 'flood.mjs'), String(server.local.port), String(connections), String(mebibytes)], {
    stdio: ['pipe', 'ignore', 'inherit'],
  });
  try {
    const start = performance.now();
    await deadline(
      new Promise((resolve) => {
        const check = () => (engine.get(server.id).stats.bytesIn >= total ? resolve() : setTimeout(check, 20));
        check();
      }),
      120_000,
      `${total} bytes at the server`,
    );
    const milliseconds = performance.now() - start;
    const after = heapAfterGc();
    const budget = engine.get(server.id).budget;
    return {
      milliseconds,
      externalMegabytes: (after.external - before.external) / 1024 / 1024,
      arrayBuffersMegabytes: (after.arrayBuffers - before.arrayBuffers) / 1024 / 1024,
      heldMegabytes: budget.heldBytes / 1024 / 1024,
      budgetMegabytes: budget.maxBytes / 1024 / 1024,
      droppedEntries: budget.droppedEntries,
    };
  } finally {
    flood.stdin.end();
    flood.kill('SIGKILL');
    await engine.dispose();
  }
}

// ---------------------------------------------------------------------------------------------

const trials = {
  tcp: { engine: tcpEngine, raw: tcpRaw },
  udp: { engine: udpEngine, raw: udpRaw },
  accept: { engine: (options) => acceptTrial('engine', options), raw: (options) => acceptTrial('raw', options) },
  memory: { engine: memoryTrial },
};
const trial = trials[benchmark]?.[variant];
if (trial === undefined) {
  throw new Error(`unknown trial ${benchmark} ${variant}`);
}
const result = await trial(parameters);
process.stdout.write(`${JSON.stringify(result)}\n`);
// Lingering handles (a peer's late close) must not keep a finished trial alive.
process.exit(0);

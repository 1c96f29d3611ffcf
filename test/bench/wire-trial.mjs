// One trial of a wire benchmark, in its own process (wire.mjs runs them, variants alternating).
//   node wire-trial.mjs roundtrips <wire|raw> count=N
//   node wire-trial.mjs mock <wire|raw> clients=N duration=MS
//   node wire-trial.mjs clients port=P clients=N duration=MS     (the load generator, spawned by mock)
// Prints one JSON line. Everything is on 127.0.0.1 and bounded in time.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { repositoryRoot } from './harness.mjs';
import { echoServer, pingPongWire } from './ping-pong.mjs';

const [benchmark, ...rest] = process.argv.slice(2);
const variant = rest[0]?.includes('=') ? undefined : rest.shift();
const parameters = Object.fromEntries(rest.map((pair) => pair.split('=')).map(([key, value]) => [key, Number(value)]));

/** The compiled wire runner (tsc output of src/wire), as a CommonJS consumer loads it. */
function loadWire() {
  const require = createRequire(import.meta.url);
  return require(path.join(repositoryRoot, 'out', 'src', 'wire', 'index.js'));
}

function deadline(promise, milliseconds, what) {
  let timer;
  const timeout = new Promise((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${milliseconds} ms waiting for ${what}`)), milliseconds);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

// ---------------------------------------------------------------------------------------------
// Round trips: `count` send/expect pairs against an echo server.

async function roundtripsWire({ count }) {
  const { parseWire, runWire } = loadWire();
  const server = await echoServer();
  const text = pingPongWire(count);
  const parsed = parseWire(text, { file: 'bench.wire' });
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  const result = await deadline(runWire(parsed.file, { variables: { port: String(server.address().port) } }), 120_000, 'the wire run');
  const cpu = process.cpuUsage(cpuStarted);
  const elapsed = performance.now() - started;
  server.close();
  if (result.outcome !== 'passed') {
    throw new Error(`the wire run ${result.outcome}: ${result.sections[0].message}`);
  }
  return { roundTripsPerSecond: (count * 1000) / elapsed, steps: result.sections[0].executedSteps, cpuMicrosecondsPerRoundTrip: (cpu.user + cpu.system) / count };
}

async function roundtripsRaw({ count }) {
  const server = await echoServer();
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  const socket = net.connect({ port: server.address().port, host: '127.0.0.1', noDelay: true });
  await new Promise((resolve, reject) => socket.once('connect', resolve).once('error', reject));
  const ping = Buffer.from('ping\n');
  let buffered = Buffer.alloc(0);
  let wake = () => undefined;
  socket.on('data', (chunk) => {
    buffered = buffered.length === 0 ? chunk : Buffer.concat([buffered, chunk]);
    wake();
  });
  for (let index = 0; index < count; index++) {
    socket.write(ping);
    while (buffered.length < ping.length) {
      await new Promise((resolve) => (wake = resolve));
    }
    if (!buffered.subarray(0, ping.length).equals(ping)) {
      throw new Error('echo mismatch');
    }
    buffered = buffered.subarray(ping.length);
  }
  socket.end();
  await new Promise((resolve) => socket.once('close', resolve));
  const cpu = process.cpuUsage(cpuStarted);
  const elapsed = performance.now() - started;
  server.close();
  return { roundTripsPerSecond: (count * 1000) / elapsed, steps: count * 2, cpuMicrosecondsPerRoundTrip: (cpu.user + cpu.system) / count };
}

// ---------------------------------------------------------------------------------------------
// Mock: `clients` concurrent raw-Node clients doing request/response for `duration` ms.

const MOCK = `### mock
listen tcp-listen://127.0.0.1:0?noDelay=1&backlog=512
on "PING\\n"
  reply "PONG\\n"
on /^GET (?<key>\\w+)\\n/
  reply "GET {{key}}\\n"
on "QUIT\\n"
  close
`;

function runClients(port, { clients, duration }) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [fileURLToPath(import.meta.url), 'clients', `port=${port}`, `clients=${clients}`, `duration=${duration}`], { stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), duration + 30_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      if (code !== 0) {
        reject(new Error(`the clients exited with ${code}`));
        return;
      }
      resolve(JSON.parse(output.trim().split('\n').pop()));
    });
  });
}

/** The clients' result plus the serving process's CPU per request (user and system), which shows where a gap lies. */
async function withServerCpu(run) {
  const started = process.cpuUsage();
  const result = await run();
  const cpu = process.cpuUsage(started);
  return { ...result, serverUserMicrosecondsPerRequest: cpu.user / result.requests, serverSystemMicrosecondsPerRequest: cpu.system / result.requests };
}

async function mockWire(options) {
  const { parseWire, serveWire } = loadWire();
  const parsed = parseWire(MOCK, { file: 'mock.wire' });
  const stop = new AbortController();
  let port;
  let ready;
  const listening = new Promise((resolve) => (ready = resolve));
  const served = serveWire(parsed.file, 'mock', {
    signal: stop.signal,
    onEvent: (event) => {
      if (event.type === 'listening') {
        port = Number(event.address.split(':').pop());
        ready();
      }
    },
  });
  await deadline(listening, 5000, 'the mock to listen');
  const result = await withServerCpu(() => runClients(port, options));
  stop.abort();
  await served;
  return result;
}

async function mockRaw(options) {
  // The baseline: a raw echo server, which answers each request line with itself, as the mock's GET rule does.
  const server = net.createServer({ noDelay: true }, (socket) => socket.pipe(socket));
  await new Promise((resolve) => server.listen({ port: 0, host: '127.0.0.1', backlog: 512 }, resolve));
  const result = await withServerCpu(() => runClients(server.address().port, options));
  server.close();
  return result;
}

async function clientsMain({ port, clients, duration }) {
  let requests = 0;
  let running = true;
  const one = async (index) => {
    const socket = net.connect({ port, host: '127.0.0.1', noDelay: true });
    await new Promise((resolve, reject) => socket.once('connect', resolve).once('error', reject));
    const request = Buffer.from(`GET key${index}\n`);
    let buffered = Buffer.alloc(0);
    let wake = () => undefined;
    socket.on('data', (chunk) => {
      buffered = buffered.length === 0 ? chunk : Buffer.concat([buffered, chunk]);
      wake();
    });
    while (running) {
      socket.write(request);
      while (buffered.length < request.length) {
        await new Promise((resolve) => (wake = resolve));
      }
      buffered = buffered.subarray(request.length);
      requests++;
    }
    socket.destroy();
  };
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  const timer = setTimeout(() => (running = false), duration);
  await Promise.all(Array.from({ length: clients }, (_, index) => one(index)));
  clearTimeout(timer);
  const cpu = process.cpuUsage(cpuStarted);
  return { requestsPerSecond: (requests * 1000) / (performance.now() - started), requests, clientMicrosecondsPerRequest: (cpu.user + cpu.system) / requests };
}

const trials = {
  'roundtrips:wire': roundtripsWire,
  'roundtrips:raw': roundtripsRaw,
  'mock:wire': mockWire,
  'mock:raw': mockRaw,
  clients: clientsMain,
};
const trial = trials[variant === undefined ? benchmark : `${benchmark}:${variant}`];
if (trial === undefined) {
  throw new Error(`unknown trial ${benchmark} ${variant ?? ''}`);
}
process.stdout.write(`${JSON.stringify(await trial(parameters))}\n`);
process.exit(0);

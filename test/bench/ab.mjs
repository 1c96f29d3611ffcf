// Compares two builds of the engine and wire runner in ONE process, for deciding whether a change
// helps on a noisy shared machine: separate trials of the same code differ by up to 1.5x there,
// while here both builds take turns in short bursts, so a neighbour's load slows both alike.
//   node test/bench/ab.mjs <udp|mock|roundtrips> ROOT_A ROOT_B [bursts]
// Each ROOT is a checkout whose out/ is built (npx tsc -p test/tsconfig.json), e.g. a worktree of
// the commit before (git worktree add /tmp/base HEAD~1). Prints CPU per unit of work for each.
// Not a group module: run.mjs does not run it, and it prints no goal figures. Bounded: 127.0.0.1 only.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const [mode, rootA, rootB, burstsText] = process.argv.slice(2);
if (!['udp', 'mock', 'roundtrips'].includes(mode) || rootA === undefined || rootB === undefined) {
  throw new Error('usage: node test/bench/ab.mjs <udp|mock|roundtrips> ROOT_A ROOT_B [bursts]');
}
const require = createRequire(import.meta.url);
const load = (root, part) => require(path.resolve(root, 'out', 'src', part, 'index.js'));
const trialScript = path.join(path.dirname(fileURLToPath(import.meta.url)), 'wire-trial.mjs');

// udp: 64-byte datagrams engine -> engine, 32 in flight, 250 ms bursts (as engine-trial.mjs udp).
async function udpVariant(root) {
  const { SocketEngine } = load(root, 'engine');
  const engine = new SocketEngine();
  const listener = await engine.open('udp-listen://127.0.0.1:0');
  const client = await engine.open(`udp://127.0.0.1:${listener.local.port}`);
  const payload = Buffer.alloc(64, 0x5a);
  const batch = new Array(32);
  return {
    unit: 'datagram',
    async burst() {
      const before = engine.get(listener.id).stats.messagesIn;
      const end = performance.now() + 250;
      while (performance.now() < end) {
        for (let index = 0; index < batch.length; index++) {
          batch[index] = engine.send(client.id, payload);
        }
        await Promise.all(batch);
        await new Promise((resolve) => setImmediate(resolve));
      }
      await new Promise((resolve) => setTimeout(resolve, 5));
      return engine.get(listener.id).stats.messagesIn - before;
    },
    close: () => engine.dispose(),
  };
}

// mock: the three-rule section of wire-trial.mjs, served by each build; 100 clients (another process) for 1 s.
const MOCK = '### mock\nlisten tcp-listen://127.0.0.1:0?noDelay=1&backlog=512\non "PING\\n"\n  reply "PONG\\n"\non /^GET (?<key>\\w+)\\n/\n  reply "GET {{key}}\\n"\non "QUIT\\n"\n  close\n';
async function mockVariant(root) {
  const { parseWire, serveWire } = load(root, 'wire');
  const stop = new AbortController();
  let port;
  let ready;
  const listening = new Promise((resolve) => (ready = resolve));
  const served = serveWire(parseWire(MOCK, { file: 'mock.wire' }).file, 'mock', {
    signal: stop.signal,
    onEvent: (event) => {
      if (event.type === 'listening') {
        port = Number(event.address.split(':').pop());
        ready();
      }
    },
  });
  await listening;
  return {
    unit: 'request',
    burst: () =>
      new Promise((resolve, reject) => {
        const child = spawn(process.execPath, [trialScript, 'clients', `port=${port}`, 'clients=100', 'duration=1000'], { stdio: ['ignore', 'pipe', 'inherit'] });
        let output = '';
        child.stdout.on('data', (chunk) => (output += chunk));
        const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
        child.on('close', (code) => {
          clearTimeout(timer);
          code === 0 ? resolve(JSON.parse(output.trim().split('\n').pop()).requests) : reject(new Error(`the clients exited with ${code}`));
        });
      }),
    close: async () => {
      stop.abort();
      await served;
    },
  };
}

// roundtrips: 1,000 send/expect exactly round trips per burst against a net echo server.
async function roundtripsVariant(root) {
  const { parseWire, runWire } = load(root, 'wire');
  const server = net.createServer({ noDelay: true }, (socket) => socket.pipe(socket));
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const text = '### ping-pong\nopen tcp://127.0.0.1:{{port}}?noDelay=1\nrepeat 1000\n  send "ping\\n"\n  expect exactly "ping\\n"\nend\nclose\n';
  const file = parseWire(text, { file: 'ab.wire' }).file;
  return {
    unit: 'round trip',
    async burst() {
      const result = await runWire(file, { variables: { port: String(server.address().port) } });
      if (result.outcome !== 'passed') {
        throw new Error(`${root}: ${result.sections[0].message}`);
      }
      return 1000;
    },
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

const make = { udp: udpVariant, mock: mockVariant, roundtrips: roundtripsVariant }[mode];
const variants = [];
for (const root of [rootA, rootB]) {
  variants.push({ root, ...(await make(root)), units: 0, cpu: 0, wall: 0 });
}
const bursts = Number(burstsText ?? (mode === 'mock' ? 8 : 40));
const run = async (variant) => {
  const cpuStarted = process.cpuUsage();
  const started = performance.now();
  const units = await variant.burst();
  const cpu = process.cpuUsage(cpuStarted);
  variant.wall += performance.now() - started;
  variant.cpu += cpu.user + cpu.system;
  variant.units += units;
};
// Warm both up, then alternate, each build going first every other round.
for (const variant of variants) {
  await run(variant);
  Object.assign(variant, { units: 0, cpu: 0, wall: 0 });
}
for (let round = 0; round < bursts; round++) {
  for (const variant of round % 2 === 0 ? variants : [...variants].reverse()) {
    await run(variant);
  }
}
for (const variant of variants) {
  console.log(`${variant.root}: ${(variant.cpu / variant.units).toFixed(2)} µs CPU per ${variant.unit}, ${Math.round((variant.units * 1000) / variant.wall)} per second`);
}
const [a, b] = variants.map((variant) => variant.cpu / variant.units);
console.log(`CPU per ${variants[0].unit}, B over A: ${(b / a).toFixed(3)}`);
for (const variant of variants) {
  await variant.close();
}
process.exit(0);

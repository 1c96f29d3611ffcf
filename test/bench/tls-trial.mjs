// One trial of a TLS benchmark, run in its own process by tls.mjs so every trial starts with a fresh
// heap. Usage: node tls-trial.mjs <throughput|handshakes> <engine|raw> [key=value ...]
// Prints one JSON line with the measurement. Everything is on 127.0.0.1 and bounded in time.
import tls from 'node:tls';
import { loadEngine } from './harness.mjs';
import { countIncoming, cpuMilliseconds, deadline, nextAccepted, numericParameters, rawIncoming, writeAll } from './trial.mjs';

const [benchmark, variant, ...rest] = process.argv.slice(2);
const parameters = numericParameters(rest);
const { SocketEngine, createSelfSignedCertificate } = loadEngine();
// The same self-signed ECDSA P-256 certificate the engine makes, for both variants.
const credentials = await createSelfSignedCertificate();

function newEngine() {
  return new SocketEngine({ defaultCredentials: () => Promise.resolve(credentials) });
}


// ---------------------------------------------------------------------------------------------
// Throughput: `total` bytes from a TLS client to a TLS server in one process, as repeated sends
// of one reused `chunk`-byte buffer; the engine's transcript records the plaintext (default limits).

async function throughputEngine({ total, chunk }) {
  const payload = Buffer.alloc(chunk, 0x5a);
  const engine = newEngine();
  const server = await engine.open('tls-listen://127.0.0.1:0');
  const accepted = nextAccepted(engine, server.id);
  const client = await engine.open(`tls://localhost:${server.local.port}?insecure=1`);
  const connectionId = await deadline(accepted, 5000, 'the accepted connection');
  const incoming = countIncoming(engine, connectionId, total);
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  for (let sent = 0; sent < total; sent += chunk) {
    await engine.send(client.id, payload);
  }
  await deadline(incoming.all, 120_000, `${total} bytes at the server`);
  const received = incoming.received();
  const seconds = (performance.now() - start) / 1000;
  const cpu = cpuMilliseconds(cpuStart);
  const protocol = engine.get(client.id).tls?.protocol;
  const cipher = engine.get(client.id).tls?.cipher;
  await engine.dispose();
  if (received !== total) {
    throw new Error(`received ${received} bytes, expected ${total}`);
  }
  return { seconds, megabytesPerSecond: received / seconds / 1e6, cpu, protocol, cipher };
}

async function throughputRaw({ total, chunk }) {
  const payload = Buffer.alloc(chunk, 0x5a);
  const server = tls.createServer({ cert: credentials.cert, key: credentials.key });
  const incoming = rawIncoming(total);
  server.on('secureConnection', incoming.attach);
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const client = tls.connect({ host: '127.0.0.1', port: server.address().port, servername: 'localhost', rejectUnauthorized: false });
  await deadline(new Promise((resolve) => client.once('secureConnect', resolve)), 5000, 'the handshake');
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  await writeAll(client, payload, total);
  await deadline(incoming.all, 120_000, `${total} bytes at the server`);
  const received = incoming.received();
  const seconds = (performance.now() - start) / 1000;
  const cpu = cpuMilliseconds(cpuStart);
  const protocol = client.getProtocol();
  client.destroy();
  server.close();
  return { seconds, megabytesPerSecond: received / seconds / 1e6, cpu, protocol };
}

// ---------------------------------------------------------------------------------------------
// Handshakes: for `duration` ms, one client after another connects, finishes its handshake and
// closes; server and client in one process, so a handshake costs both ends' CPU.

async function handshakesEngine({ duration }) {
  const engine = newEngine();
  const server = await engine.open('tls-listen://127.0.0.1:0');
  // An address, as the raw client connects to: no name lookup per handshake on either side.
  const spec = `tls://127.0.0.1:${server.local.port}?servername=localhost&insecure=1`;
  let count = 0;
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  while (performance.now() - start < duration) {
    const client = await deadline(engine.open(spec), 5000, 'a handshake');
    await engine.remove(client.id);
    count++;
  }
  const seconds = (performance.now() - start) / 1000;
  const cpuPerHandshake = cpuMilliseconds(cpuStart) / count;
  await engine.dispose();
  return { handshakesPerSecond: count / seconds, count, cpuPerHandshake };
}

async function handshakesRaw({ duration }) {
  const server = tls.createServer({ cert: credentials.cert, key: credentials.key }, (socket) => socket.on('error', () => undefined));
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = server.address().port;
  let count = 0;
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  while (performance.now() - start < duration) {
    const client = tls.connect({ host: '127.0.0.1', port, servername: 'localhost', rejectUnauthorized: false });
    await deadline(new Promise((resolve, reject) => {
      client.once('secureConnect', resolve);
      client.once('error', reject);
    }), 5000, 'a handshake');
    const closed = new Promise((resolve) => client.once('close', resolve));
    client.end();
    await deadline(closed, 5000, 'the close');
    count++;
  }
  const seconds = (performance.now() - start) / 1000;
  const cpuPerHandshake = cpuMilliseconds(cpuStart) / count;
  server.close();
  return { handshakesPerSecond: count / seconds, count, cpuPerHandshake };
}

const trials = {
  throughput: { engine: throughputEngine, raw: throughputRaw },
  handshakes: { engine: handshakesEngine, raw: handshakesRaw },
};
const trial = trials[benchmark]?.[variant];
if (trial === undefined) {
  throw new Error(`unknown trial ${benchmark} ${variant}`);
}
const result = await trial(parameters);
process.stdout.write(`${JSON.stringify(result)}\n`);
process.exit(0);

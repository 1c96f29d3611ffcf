// The client side of the accept benchmark, in its own process so that each side stays under the
// file-descriptor limit (10,000 connections need 10,000 fds here and 10,000 in the server).
// Usage: node accept-clients.mjs <port> <count> <window>. Prints "ready", waits for "go" on stdin,
// opens <count> connections to 127.0.0.1:<port> with at most <window> connecting at once, prints
// "connected <count>", and holds them until stdin closes.
import net from 'node:net';
import readline from 'node:readline';

const [port, count, window] = process.argv.slice(2).map(Number);
const held = [];
let failures = 0;

function connectOne() {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ port, host: '127.0.0.1' });
    socket.once('connect', () => {
      socket.off('error', reject);
      // A reset after the benchmark (the server process exiting) is expected.
      socket.on('error', () => undefined);
      held.push(socket);
      resolve();
    });
    socket.once('error', reject);
  });
}

async function connectWithRetry() {
  for (let attempt = 1; ; attempt++) {
    try {
      return await connectOne();
    } catch (error) {
      failures++;
      if (attempt === 3) {
        throw error;
      }
    }
  }
}

async function connectAll() {
  let next = 0;
  const worker = async () => {
    while (next < count) {
      next++;
      await connectWithRetry();
    }
  };
  await Promise.all(Array.from({ length: Math.min(window, count) }, worker));
}

const lines = readline.createInterface({ input: process.stdin });
lines.on('close', () => process.exit(0));
lines.once('line', () => {
  connectAll().then(
    () => process.stdout.write(`connected ${held.length} (${failures} retries)\n`),
    (error) => {
      process.stderr.write(`accept-clients: ${error.message} after ${held.length} connections\n`);
      process.exit(1);
    },
  );
});
process.stdout.write('ready\n');

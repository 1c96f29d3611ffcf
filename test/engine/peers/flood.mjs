// A peer for the budget test, in its own process: opens COUNT connections to 127.0.0.1:PORT, sends
// MEBIBYTES MiB on each, prints "sent", and holds the connections until stdin closes.
// Usage: node flood.mjs PORT COUNT MEBIBYTES
import net from 'node:net';

const [port, count, mebibytes] = process.argv.slice(2).map(Number);
const chunk = Buffer.alloc(1024 * 1024, 0x41);
const held = [];

function flood() {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ port, host: '127.0.0.1' }, () => {
      let left = mebibytes;
      const write = () => {
        while (left > 0) {
          left--;
          if (!socket.write(chunk)) {
            socket.once('drain', write);
            return;
          }
        }
        resolve();
      };
      write();
    });
    socket.once('error', reject);
    held.push(socket);
  });
}

Promise.all(Array.from({ length: count }, flood)).then(
  () => process.stdout.write('sent\n'),
  (error) => {
    process.stderr.write(`flood: ${error.message}\n`);
    process.exit(1);
  },
);
process.stdin.on('data', () => undefined);
process.stdin.on('end', () => process.exit(0));

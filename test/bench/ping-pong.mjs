// The ping-pong that the wire benchmarks run (wire-trial.mjs in a fresh process, wire-editor.mjs
// in the editor and the CLI) and its peer. Not a group module: run.mjs would take its exports for
// benchmarks.
import net from 'node:net';

/** `count` round trips (2 × count steps: send "ping\n", expect exactly "ping\n") against 127.0.0.1:port. */
export function pingPongWire(count, port = '{{port}}') {
  return `### ping-pong\nopen tcp://127.0.0.1:${port}?noDelay=1\nrepeat ${count}\n  send "ping\\n"\n  expect exactly "ping\\n"\nend\nclose\n`;
}

/** A plain net echo server on 127.0.0.1 (a free port), the peer of every ping-pong. */
export async function echoServer() {
  const server = net.createServer({ noDelay: true }, (socket) => socket.pipe(socket));
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

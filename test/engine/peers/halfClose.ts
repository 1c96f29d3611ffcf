/**
 * A python3 peer that half-closes: a client that connects, sends, shuts down its write side and
 * reads to EOF; or a server that does the same for its one connection. Shared by the engine's FIN
 * tests and the wire runner's `eof` tests.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { waitFor } from '../helpers';

// Prints READY <port> (server), then RESULT <hex of everything it read>.
const PEER = `
import socket, sys
mode, port, send = sys.argv[1], int(sys.argv[2]), sys.argv[3].encode()
if mode == "server":
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)
    listener.settimeout(5)
    print("READY", listener.getsockname()[1], flush=True)
    conn, _ = listener.accept()
else:
    conn = socket.create_connection(("127.0.0.1", port), timeout=5)
conn.settimeout(5)
conn.sendall(send)
conn.shutdown(socket.SHUT_WR)
received = b""
while True:
    chunk = conn.recv(4096)
    if not chunk:
        break
    received += chunk
print("RESULT", received.hex(), flush=True)
`;

/** python3 starts slowly on a busy machine: the peer's waits get more time than the engine's. */
export const PEER_WAIT_MS = 15_000;

export interface HalfClosePeer {
  readonly process: ChildProcess;
  /** The rest of the peer's first output line starting with `prefix` (READY, RESULT), once printed. */
  readonly line: (prefix: string) => Promise<string>;
}

export function startHalfClosePeer(mode: 'client' | 'server', port: number, send: string): HalfClosePeer {
  const child = spawn('python3', ['-c', PEER, mode, String(port), send], { stdio: ['ignore', 'pipe', 'inherit'] });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString('latin1')));
  const line = (prefix: string): Promise<string> =>
    waitFor(`the peer's ${prefix} line`, () => output.split('\n').slice(0, -1).find((candidate) => candidate.startsWith(`${prefix} `))?.slice(prefix.length + 1).trim(), PEER_WAIT_MS);
  return { process: child, line };
}

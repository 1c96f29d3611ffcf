/** A stream socket's graceful close: FIN after the buffered data, and limits on how long that may take. */
import type * as net from 'node:net';

/** How long a graceful close waits for the peer's FIN, once our data has left, before it destroys. */
const GRACEFUL_CLOSE_MS = 2000;
/** How long a graceful close waits for a slow reader to take our buffered data, at most. */
const FLUSH_LIMIT_MS = 10_000;

/**
 * Ends `socket` and resolves with `closed` (its 'close'). The FIN goes out after the buffered data;
 * destroying early would drop what a slow reader has not taken yet, so the peer gets time to drain
 * first, within a limit. `unsent` hears the bytes still buffered when that limit ran out.
 */
export async function endGracefully(socket: net.Socket, closed: Promise<void>, unsent: (bytes: number) => void): Promise<void> {
  let timer = setTimeout(() => {
    if (socket.writableLength > 0) {
      unsent(socket.writableLength);
    }
    socket.destroy();
  }, FLUSH_LIMIT_MS);
  socket.end(() => {
    clearTimeout(timer);
    timer = setTimeout(() => socket.destroy(), GRACEFUL_CLOSE_MS);
  });
  await closed;
  clearTimeout(timer);
}

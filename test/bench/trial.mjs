// What every benchmark trial process shares (engine-trial, tls-trial, capture-trial): its
// arguments, bounded waits, CPU time, and the engine's accepted connection and incoming bytes.

/** `key=value` arguments as numbers. */
export function numericParameters(pairs) {
  return Object.fromEntries(pairs.map((pair) => pair.split('=')).map(([key, value]) => [key, Number(value)]));
}

/** Rejects after `milliseconds`, so no wait in a trial is unbounded. */
export function deadline(promise, milliseconds, what) {
  let timer;
  const timeout = new Promise((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${milliseconds} ms waiting for ${what}`)), milliseconds);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** CPU time (user + system, all threads: GC helpers count) since `start`, in ms. */
export function cpuMilliseconds(start) {
  const { user, system } = process.cpuUsage(start);
  return (user + system) / 1000;
}

/** Resolves with the id of the next connection the engine server accepts. */
export function nextAccepted(engine, serverId) {
  return new Promise((resolve) => {
    const subscription = engine.onDidCreate((info) => {
      if (info.parentId === serverId) {
        subscription.dispose();
        resolve(info.id);
      }
    });
  });
}

/**
 * Counts the bytes `connectionId` receives, the way the UI would (an onData subscriber):
 * `received()` so far, and `all` resolving once `total` have arrived.
 */
export function countIncoming(engine, connectionId, total) {
  let received = 0;
  let done;
  const all = new Promise((resolve) => (done = resolve));
  engine.onData(({ socketId, entry }) => {
    if (socketId === connectionId && entry.direction === 'in') {
      received += entry.length;
      if (received >= total) {
        done();
      }
    }
  });
  return { all, received: () => received };
}

/** Counts the bytes raw `net` or `tls` sockets receive: `attach` each accepted one; `all` resolves at `total`. */
export function rawIncoming(total) {
  let received = 0;
  let done;
  const all = new Promise((resolve) => (done = resolve));
  const attach = (socket) =>
    socket.on('data', (data) => {
      received += data.length;
      if (received >= total) {
        done();
      }
    });
  return { all, attach, received: () => received };
}

/** The well-written raw sender: write until write() says the buffer is full, then wait for 'drain'. */
export async function writeAll(socket, payload, total) {
  for (let sent = 0; sent < total; sent += payload.length) {
    if (!socket.write(payload)) {
      await new Promise((resolve) => socket.once('drain', resolve));
    }
  }
}

/** Small bounded waits for engine tests: nothing here waits without a deadline. */
import type { Event, SocketEngine, SocketInfo } from '../../src/engine';

export function delay(milliseconds: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, milliseconds));
}

/** Polls until `check` returns a value other than undefined, or fails with `what` after the deadline. */
export async function waitFor<T>(what: string, check: () => T | undefined, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value !== undefined) {
      return value;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    }
    await delay(5);
  }
}

/** Resolves with the first event value that matches, or fails after the deadline. */
export function nextEvent<T>(event: Event<T>, what: string, matches: (value: T) => boolean = () => true, timeoutMs = 5000): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`));
    }, timeoutMs);
    const subscription = event((value) => {
      if (matches(value)) {
        clearTimeout(timer);
        subscription.dispose();
        resolve(value);
      }
    });
  });
}

/** All bytes received so far by a socket (its transcript must capture them whole). */
export function bytesIn(engine: SocketEngine, id: string): Buffer {
  const chunks = engine
    .transcript(id)
    .entries()
    .filter((entry) => entry.kind === 'data' && entry.direction === 'in')
    .map((entry) => Buffer.from(entry.data ?? new Uint8Array()));
  return Buffer.concat(chunks);
}

/** Waits until a socket has received exactly `length` bytes, then returns them. */
export async function receive(engine: SocketEngine, id: string, length: number, timeoutMs = 5000): Promise<Buffer> {
  await waitFor(`${length} bytes on ${id}`, () => ((engine.get(id)?.stats.bytesIn ?? 0) >= length ? true : undefined), timeoutMs);
  return bytesIn(engine, id);
}

export function portOf(info: SocketInfo): number {
  const port = info.local?.port;
  if (port === undefined) {
    throw new Error(`socket ${info.id} has no local port`);
  }
  return port;
}

/** Waits for the only live connection of a server. */
export async function firstConnection(engine: SocketEngine, serverId: string): Promise<SocketInfo> {
  return waitFor(`a connection on ${serverId}`, () => engine.connections(serverId)[0]);
}

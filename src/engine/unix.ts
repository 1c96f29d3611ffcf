/**
 * UNIX domain socket paths: the `@name` spelling of Linux abstract names, and the stale socket file
 * a crashed server leaves behind (bind() then fails with EADDRINUSE although nobody listens).
 */
import * as fs from 'node:fs';
import * as net from 'node:net';

/** Node spells an abstract name with a leading NUL byte; the spec syntax uses `@`, as ss(8) does. */
export function toNodePath(path: string): string {
  return path.startsWith('@') ? `\0${path.slice(1)}` : path;
}

export function fromNodePath(path: string): string {
  return path.startsWith('\0') ? `@${path.slice(1)}` : path;
}

export type SocketFileState = 'missing' | 'not-a-socket' | 'live' | 'stale';

/**
 * Tells a live socket file from a stale one by trying to connect, bounded by a short timeout so a
 * wedged listener cannot hang the caller.
 */
export async function probeSocketFile(path: string, timeoutMs = 1000): Promise<SocketFileState> {
  if (path.startsWith('@')) {
    // Abstract names have no file: the kernel frees them with the last socket.
    return 'live';
  }
  let stats: fs.Stats;
  try {
    stats = await fs.promises.lstat(path);
  } catch {
    return 'missing';
  }
  if (!stats.isSocket()) {
    return 'not-a-socket';
  }
  return new Promise<SocketFileState>((resolve) => {
    const probe = net.connect({ path });
    const timer = setTimeout(() => finish('live'), timeoutMs);
    function finish(state: SocketFileState): void {
      clearTimeout(timer);
      probe.destroy();
      resolve(state);
    }
    probe.once('connect', () => finish('live'));
    probe.once('error', (error: NodeJS.ErrnoException) => finish(error.code === 'ECONNREFUSED' ? 'stale' : 'live'));
  });
}

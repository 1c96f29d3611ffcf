/**
 * UNIX domain socket paths: the `@name` spelling of Linux abstract names, and the stale socket file
 * a crashed server leaves behind (bind() then fails with EADDRINUSE although nobody listens).
 */
import * as fs from 'node:fs';
import * as net from 'node:net';
import { EngineError, withReason } from './shared/errors';

/**
 * True when this runtime's libuv binds and connects an abstract name with the whole 108-byte
 * sun_path: before libuv 1.48 (Node 20; fixed by libuv PR #4266, Node 22 and later) the kernel's
 * name is then `name` plus NUL padding, which socat's ABSTRACT-LISTEN/-CONNECT, Python's
 * `b'\0name'` and every other program that passes the name's own length never match.
 */
export function abstractNamesPadded(libuv: string | undefined = process.versions.uv): boolean {
  const [major, minor] = (libuv ?? '0.0').split('.').map(Number);
  return major < 1 || (major === 1 && minor < 48);
}

/**
 * Node spells an abstract name with a leading NUL byte; the spec syntax uses `@`, as ss(8) does.
 * Throws UNSUPPORTED on a runtime that pads abstract names, rather than creating a socket nobody
 * else can reach.
 */
export function toNodePath(path: string): string {
  if (!path.startsWith('@')) {
    return path;
  }
  if (abstractNamesPadded()) {
    throw new EngineError(
      'UNSUPPORTED',
      `abstract socket name '${path}' needs Node.js 22 or later: Node.js ${process.version} (libuv ${process.versions.uv}) pads it with NUL bytes, so no other program could reach it`,
      withReason('unix-abstract-padded', { path, runtime: process.version, libuv: process.versions.uv }),
    );
  }
  return `\0${path.slice(1)}`;
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

/** Bytes a UNIX socket path may have: sun_path is 108 bytes on Linux, 104 on macOS and the BSDs, with a NUL. */
export function maxUnixPathBytes(platform: NodeJS.Platform = process.platform): number {
  return platform === 'darwin' || platform === 'freebsd' || platform === 'openbsd' || platform === 'netbsd' ? 103 : 107;
}

/**
 * Checks a UNIX socket path: absolute (`/tmp/a.sock`) or a Linux abstract name (`@name`). Relative
 * paths are refused, because they would resolve against the extension host's working directory,
 * which is not the workspace; a UI can make them absolute first.
 */
export function checkUnixPath(path: string, platform: NodeJS.Platform = process.platform): void {
  if (path === '') {
    throw new EngineError(
      'SPEC_PATH',
      'missing path: write unix:///tmp/a.sock, or unix://@name for an abstract socket',
      withReason('path-missing', { path }),
    );
  }
  if (path.includes('\0')) {
    throw new EngineError('SPEC_PATH', `unix path '${path.replace(/\0/g, '%00')}' contains a NUL byte`, withReason('path-nul', { path }));
  }
  const max = maxUnixPathBytes(platform);
  if (path.startsWith('@')) {
    if (platform !== 'linux') {
      throw new EngineError(
        'SPEC_PATH',
        `abstract socket name '${path}' needs Linux; use a path like /tmp/a.sock`,
        withReason('path-abstract-linux', { path, platform }),
      );
    }
    const bytes = Buffer.byteLength(path.slice(1), 'utf8');
    if (bytes === 0) {
      throw new EngineError('SPEC_PATH', "abstract socket name '@' is empty: write @name", withReason('path-abstract-empty', { path }));
    }
    if (bytes > max) {
      throw new EngineError(
        'UNIX_PATH_TOO_LONG',
        `abstract socket name '${path}' is ${bytes} bytes; at most ${max} fit`,
        withReason('path-abstract-too-long', { path, bytes, max }),
      );
    }
    return;
  }
  if (!path.startsWith('/')) {
    throw new EngineError(
      'SPEC_PATH',
      `unix path '${path}' is not absolute: write unix:///tmp/a.sock (three slashes), or unix://@name for an abstract socket`,
      withReason('path-relative', { path }),
    );
  }
  const bytes = Buffer.byteLength(path, 'utf8');
  if (bytes > max) {
    throw new EngineError(
      'UNIX_PATH_TOO_LONG',
      `unix path '${path}' is ${bytes} bytes; at most ${max} fit`,
      withReason('path-too-long', { path, bytes, max }),
    );
  }
}

export function lstatOrUndefined(path: string): fs.BigIntStats | undefined {
  try {
    // Nanosecond times: a file made after the probe has a later ctime even when its inode is reused.
    return fs.lstatSync(path, { bigint: true });
  } catch {
    return undefined;
  }
}

/**
 * Unlinks the stale socket file the probe saw, re-checked in the same synchronous step as the
 * unlink (no event-loop turn between them): a file swapped in meanwhile (not a socket, or another
 * socket: another inode, or the same inode number reused by a file made since, which its change
 * time gives away) is left alone and the listen fails. What remains is the kernel-level
 * moment between lstat(2) and unlink(2), which no path-based API can close.
 */
export function removeIfStillStale(path: string, probed: fs.BigIntStats | undefined): void {
  const now = lstatOrUndefined(path);
  if (now === undefined) {
    return;
  }
  if (!now.isSocket()) {
    throw new EngineError('EADDRINUSE', `${path} exists and is not a socket`, withReason('unix-path-not-socket', { path, notSocket: true }));
  }
  if (probed === undefined || now.ino !== probed.ino || now.dev !== probed.dev || now.ctimeNs !== probed.ctimeNs) {
    throw new EngineError('EADDRINUSE', `${path} was replaced by another socket while it was checked`, withReason('unix-path-in-use', { path }));
  }
  fs.unlinkSync(path);
}

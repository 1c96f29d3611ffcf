/**
 * Peers and checks for the wire tests: python3 and socat processes that print where they listen,
 * killed when the test ends; every wait has a deadline.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseWire, type WireFile } from '../../src/wire';

// Compiled tests live in out/test/wire; the script stays in the source tree.
export const REPOSITORY = path.resolve(__dirname, '..', '..', '..');
const SCRIPT = path.join(REPOSITORY, 'test', 'wire', 'peers', 'wire_peer.py');

export interface Peer {
  /** What the peer printed on its READY line: a port or a path. */
  readonly ready: Promise<string>;
  /** The RESULT JSON of a client peer. */
  readonly result: Promise<Record<string, unknown>>;
  kill(): void;
}

const live = new Set<ChildProcess>();

/** Kills every peer still running and waits (at most 5 s) until they are gone, pipes closed (call from afterEach). */
export async function killPeers(): Promise<void> {
  const exits = [...live].map((child) => new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) {
      resolve();
      return;
    }
    child.once('close', () => resolve());
    child.kill('SIGKILL');
  }));
  live.clear();
  await Promise.race([Promise.all(exits), delay(5000)]);
}

function watch(child: ChildProcess, what: string, timeoutMs: number): Peer {
  live.add(child);
  let output = '';
  let errors = '';
  let onReady: (value: string) => void = () => undefined;
  let onReadyFail: (error: Error) => void = () => undefined;
  const ready = new Promise<string>((resolve, reject) => {
    onReady = resolve;
    onReadyFail = reject;
  });
  const result = new Promise<Record<string, unknown>>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${what} timed out after ${timeoutMs} ms: ${output} ${errors}`));
    }, timeoutMs);
    child.stdout?.setEncoding('utf8');
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (text: string) => {
      errors += text;
      // socat -d -d says where it listens on stderr.
      if (/listening on/.test(errors)) {
        onReady('socat');
      }
    });
    child.stdout?.on('data', (text: string) => {
      output += text;
      // A whole line only: a pipe may hand over 'READY 4' before '5123\n'.
      const line = /^READY (.*)\n/m.exec(output);
      if (line !== null) {
        onReady(line[1]);
      }
    });
    child.on('close', () => {
      clearTimeout(timer);
      live.delete(child);
      const line = /^RESULT (.*)$/m.exec(output);
      const failure = new Error(`${what} exited without a result: ${output} ${errors}`);
      onReadyFail(failure);
      if (line === null) {
        reject(failure);
        return;
      }
      resolve(JSON.parse(line[1]) as Record<string, unknown>);
    });
  });
  ready.catch(() => undefined);
  result.catch(() => undefined);
  return { ready, result, kill: () => child.kill('SIGKILL') };
}

export function startPython(mode: string, options: Record<string, string | number> = {}, timeoutMs = 30_000): Peer {
  const args = [SCRIPT, mode, '--timeout', String(Math.ceil(timeoutMs / 1000))];
  for (const [key, value] of Object.entries(options)) {
    args.push(`--${key}`, String(value));
  }
  return watch(spawn('python3', args, { stdio: ['ignore', 'pipe', 'pipe'] }), `python peer ${mode}`, timeoutMs);
}

/** socat as an echo server on a UNIX path or a TCP port it is given (socat cannot report port 0). */
export function startSocatEcho(address: string, timeoutMs = 30_000): Peer {
  const child = spawn('socat', ['-d', '-d', address, 'EXEC:cat'], { stdio: ['ignore', 'pipe', 'pipe'] });
  return watch(child, `socat ${address}`, timeoutMs);
}

/** A port that was free a moment ago, for peers such as socat that cannot listen on port 0 and say which. */
export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') {
    throw new Error('no port');
  }
  return address.port;
}

export function temporaryDirectory(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** Parses wire text that must be valid, failing the test with the parse errors otherwise. */
export function wire(text: string, file = 'test.wire'): WireFile {
  const parsed = parseWire(text, { file });
  if (!parsed.ok) {
    throw new Error(`wire text did not parse:\n${parsed.errors.map((error) => error.message).join('\n')}`);
  }
  return parsed.file;
}

export function delay(milliseconds: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, milliseconds));
}

/** Waits until `check` is true, polling, or fails naming `what`. */
export async function waitUntil(what: string, check: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    }
    await delay(5);
  }
}

/**
 * Runs test/engine/peers/peer.py, an independent python3 peer, and reads its READY and RESULT lines.
 * Every wait is bounded, and the process is killed if the test ends first.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';

// Compiled tests live in out/test/engine/peers; the script stays in the source tree.
const SCRIPT = path.resolve(__dirname, '..', '..', '..', '..', 'test', 'engine', 'peers', 'peer.py');

export interface PythonPeer {
  /** The port or path the peer printed on its READY line. */
  readonly ready: Promise<string>;
  /** The RESULT JSON; rejects if the peer reported an error or exited without one. */
  readonly result: Promise<Record<string, unknown>>;
  /** Ends a `hold` peer's wait (it reads a line on stdin). */
  release(): void;
  kill(): void;
}

export function startPythonPeer(mode: string, options: Record<string, string | number | boolean> = {}, timeoutMs = 15_000): PythonPeer {
  const args = [SCRIPT, mode];
  for (const [key, value] of Object.entries(options)) {
    const flag = `--${key.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`;
    if (value === true) {
      args.push(flag);
    } else if (value !== false) {
      args.push(flag, String(value));
    }
  }
  const child: ChildProcess = spawn('python3', args, { stdio: ['pipe', 'pipe', 'pipe'] });
  // A peer that exits before reading stdin must not turn the release into an unhandled EPIPE.
  child.stdin?.on('error', () => undefined);
  let output = '';
  let errors = '';
  let readyResolve: (value: string) => void = () => undefined;
  let readyReject: (error: Error) => void = () => undefined;
  const ready = new Promise<string>((resolve, reject) => {
    readyResolve = resolve;
    readyReject = reject;
  });
  const result = new Promise<Record<string, unknown>>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`python peer ${mode} timed out after ${timeoutMs} ms; output: ${output} ${errors}`));
    }, timeoutMs);
    child.stdout?.setEncoding('utf8');
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (text: string) => {
      errors += text;
    });
    child.stdout?.on('data', (text: string) => {
      output += text;
      // A whole line only: a pipe may hand over 'READY 4' before '5123\n'.
      const readyLine = /^READY (.*)\n/m.exec(output);
      if (readyLine) {
        readyResolve(readyLine[1]);
      }
    });
    child.on('close', () => {
      clearTimeout(timer);
      const line = /^RESULT (.*)$/m.exec(output);
      if (!line) {
        const failure = new Error(`python peer ${mode} exited without a result: ${output} ${errors}`);
        readyReject(failure);
        reject(failure);
        return;
      }
      const parsed = JSON.parse(line[1]) as Record<string, unknown>;
      if (typeof parsed.error === 'string') {
        const failure = new Error(`python peer ${mode}: ${parsed.error}`);
        readyReject(failure);
        reject(failure);
        return;
      }
      resolve(parsed);
    });
  });
  // Unobserved rejections would crash mocha; the test awaits what it needs.
  ready.catch(() => undefined);
  result.catch(() => undefined);
  return { ready, result, release: () => child.stdin?.write('go\n'), kill: () => child.kill('SIGKILL') };
}

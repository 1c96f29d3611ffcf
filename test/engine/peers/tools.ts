/**
 * openssl, curl and python3 as independent TLS peers. Every process is bounded in time: it is
 * killed at its deadline, and every wait on its output has one too.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';

export interface Tool {
  /** Everything the process wrote to stdout so far. */
  stdout(): Buffer;
  stderr(): string;
  /** Resolves once stdout (as latin1 text, so bytes stay bytes) matches; rejects at the deadline or exit. */
  waitFor(what: string, match: (text: string) => boolean, timeoutMs?: number): Promise<string>;
  write(data: Uint8Array | string): void;
  end(): void;
  /** The exit code (null when killed). */
  readonly exited: Promise<number | null>;
  kill(): void;
}

export function startTool(command: string, args: readonly string[], timeoutMs = 20_000): Tool {
  const child: ChildProcess = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'] });
  child.stdin?.on('error', () => undefined);
  const chunks: Buffer[] = [];
  let errors = '';
  const killer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  const exited = new Promise<number | null>((resolve) => {
    child.on('close', (code) => {
      clearTimeout(killer);
      resolve(code);
    });
  });
  child.stdout?.on('data', (chunk: Buffer) => chunks.push(chunk));
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (text: string) => {
    errors += text;
  });
  let done = false;
  void exited.then(() => (done = true));
  const stdout = (): Buffer => Buffer.concat(chunks);
  return {
    stdout,
    stderr: () => errors,
    async waitFor(what, match, waitMs = 10_000) {
      const deadline = Date.now() + waitMs;
      for (;;) {
        const text = stdout().toString('latin1');
        if (match(text)) {
          return text;
        }
        if (done || Date.now() > deadline) {
          throw new Error(`${command}: ${done ? 'exited' : `timed out after ${waitMs} ms`} waiting for ${what}\nstdout: ${text}\nstderr: ${errors}`);
        }
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    },
    write: (data) => child.stdin?.write(data),
    end: () => child.stdin?.end(),
    exited,
    kill: () => child.kill('SIGKILL'),
  };
}

/** Runs a command to its end (bounded) and gives its exit code and output. */
export async function runTool(command: string, args: readonly string[], timeoutMs = 20_000): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const tool = startTool(command, args, timeoutMs);
  tool.end();
  const code = await tool.exited;
  return { code, stdout: tool.stdout().toString('utf8'), stderr: tool.stderr() };
}

// Compiled tests live in out/test/engine/peers; the script stays in the source tree.
export const TLS_PEER = path.resolve(__dirname, '..', '..', '..', '..', 'test', 'engine', 'peers', 'tls_peer.py');

/** The python3 TLS peer: READY <port> once listening, RESULT <json> at the end. */
export async function startPythonTls(mode: string, options: Record<string, string | number>, timeoutMs = 20_000): Promise<{ tool: Tool; port: number; result: () => Promise<Record<string, unknown>> }> {
  const args = [TLS_PEER, mode];
  for (const [key, value] of Object.entries(options)) {
    args.push(`--${key}`, String(value));
  }
  const tool = startTool('python3', args, timeoutMs);
  const ready = await tool.waitFor('READY', (text) => /^READY \d+\n/m.test(text) || /^RESULT .*\n/m.test(text));
  // Whole lines only: a pipe may hand over part of one.
  const port = Number(/^READY (\d+)\n/m.exec(ready)?.[1] ?? '0');
  const result = async (): Promise<Record<string, unknown>> => {
    const text = await tool.waitFor('RESULT', (output) => /^RESULT .*\n/m.test(output), timeoutMs);
    return JSON.parse(/^RESULT (.*)\n/m.exec(text)?.[1] ?? '{}') as Record<string, unknown>;
  };
  return { tool, port, result };
}

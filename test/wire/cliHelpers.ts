/** Runs the built CLI (`node dist/cli.js`) as a child process, for the CLI tests. */
import { spawn } from 'node:child_process';
import * as path from 'node:path';
import * as fs from 'node:fs';
import { killPeers, REPOSITORY, startPython, temporaryDirectory } from './helpers';

export const CLI = path.join(REPOSITORY, 'dist', 'cli.js');

export interface Exit {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export interface CliOptions {
  readonly cwd?: string;
  readonly during?: (pid: number, output: () => string) => void;
  readonly timeoutMs?: number;
  readonly stdin?: string;
  /** Added to the environment, which has no LC_ALL, LC_MESSAGES or LANG unless given here. */
  readonly env?: Readonly<Record<string, string>>;
}

/** The environment minus the locale variables, so the CLI speaks English whatever the machine's locale. */
function environment(extra: Readonly<Record<string, string>> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.LC_ALL;
  delete env.LC_MESSAGES;
  delete env.LANG;
  return { ...env, ...extra };
}

/** Runs `node dist/cli.js ...args` with a deadline; `during` may act while it runs (e.g. send SIGINT). */
export function cli(args: readonly string[], options: CliOptions = {}): Promise<Exit> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      cwd: options.cwd ?? REPOSITORY,
      env: environment(options.env),
      stdio: [options.stdin === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    });
    child.stdin?.end(options.stdin);
    let stdout = '';
    let stderr = '';
    child.stdout?.setEncoding('utf8').on('data', (text: string) => (stdout += text));
    child.stderr?.setEncoding('utf8').on('data', (text: string) => (stderr += text));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`socket-workbench ${args.join(' ')} did not exit in time:\n${stdout}\n${stderr}`));
    }, options.timeoutMs ?? 20_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
    if (child.pid !== undefined) {
      options.during?.(child.pid, () => stdout);
    }
  });
}

/** Timings vary from run to run: `(1.2 ms)` and `(15 ms)` become `(… ms)`. */
export function withoutTimings(text: string): string {
  return text.replace(/\((\d+|\d+\.\d) ms\)/g, '(… ms)');
}

/**
 * Mocha hooks for a CLI suite: a fresh folder holding `files` and a python3 echo peer per test, both
 * gone after it. The returned getters read the current test's folder and the peer's port.
 */
export function cliFolder(prefix: string, files: Readonly<Record<string, string>>): { readonly directory: () => string; readonly port: () => string } {
  let directory = '';
  let port = '';
  before(function () {
    if (!fs.existsSync(CLI)) {
      throw new Error(`${CLI} is missing: run npm run build first`);
    }
  });
  beforeEach(async () => {
    directory = temporaryDirectory(prefix);
    port = await startPython('echo').ready;
    for (const [name, text] of Object.entries(files)) {
      fs.writeFileSync(path.join(directory, name), text);
    }
  });
  afterEach(async () => {
    await killPeers();
    fs.rmSync(directory, { recursive: true, force: true });
  });
  return { directory: () => directory, port: () => port };
}

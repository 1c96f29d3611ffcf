// Runs extension-host benchmarks: starts the extension tests (test/runner/extension-tests.mjs) with
// SOCKET_WORKBENCH_BENCH=<bench>, which enables that bench's test/extension/*.bench.test.ts suite,
// and collects its `BENCH name: value unit` lines as figures and its `BENCH # ...` lines as
// comments. Not a group module (run.mjs would take its exports for benchmarks): groups import it.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { figure, repositoryRoot } from './harness.mjs';

export const RUNNER = path.join(repositoryRoot, 'test', 'runner', 'extension-tests.mjs');

/**
 * Runs the tests whose title matches `grep` and resolves with the figures they printed (a Map by
 * name). Out of time, it resolves with what was printed so far and `timedOut` set (a slow machine
 * is not a failure). `wrap` may prefix the command (e.g. prlimit); `env` reaches the extension host.
 */
export function runInExtensionHost(grep, log, { bench, timeoutMs, env = {}, wrap = (command) => command }) {
  const environment = Object.entries({ SOCKET_WORKBENCH_BENCH: bench, ...env }).flatMap(([key, value]) => ['--env', `${key}=${value}`]);
  const [file, ...args] = wrap([process.execPath, RUNNER, '--grep', grep, ...environment, '--timeout', String(timeoutMs / 1000 - 5)]);
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, { cwd: repositoryRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    const figures = new Map();
    let output = '';
    let pending = '';
    const onText = (text) => {
      output += text;
      pending += text;
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        const match = /^BENCH (.*)$/.exec(line.trim());
        if (!match) {
          continue;
        }
        if (match[1].startsWith('# ')) {
          log(match[1].slice(2));
          continue;
        }
        const value = /^([a-z0-9-]+): (\S+) (.+)$/.exec(match[1]);
        if (value) {
          figures.set(value[1], { value: Number(value[2]), unit: value[3] });
        }
      }
    };
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    child.stdout.on('data', onText);
    child.stderr.on('data', onText);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGTERM');
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      if (timedOut) {
        log(`the extension-host benchmark did not finish within ${timeoutMs / 1000} s: ${figures.size} figure(s) measured`);
        figures.timedOut = `did not finish within ${timeoutMs / 1000} s`;
        resolve(figures);
        return;
      }
      if (code !== 0) {
        const tail = output.trim().split('\n').slice(-15).join('\n');
        reject(new Error(`the extension-host benchmark exited with ${code}:\n${tail}`));
        return;
      }
      resolve(figures);
    });
  });
}

/** The figures by name; a run that ran out of time gives the ones it has, marked incomplete. */
export function pickAll(figures, wanted, incomplete = figures.timedOut) {
  const result = [];
  for (const [name, extra] of wanted) {
    const found = figures.get(name);
    if (found === undefined) {
      if (figures.timedOut === undefined) {
        throw new Error(`the extension host printed no ${name}`);
      }
      continue;
    }
    result.push(figure(name, found.value, found.unit, { ...extra, incomplete }));
  }
  return result;
}

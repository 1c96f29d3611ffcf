// Helpers shared by benchmark groups: bounded child processes, medians, and the figure shape that
// run.mjs prints. A group module may import any of these; none of them prints anything itself.
import { execFileSync, spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const benchDirectory = path.dirname(fileURLToPath(import.meta.url));
export const repositoryRoot = path.resolve(benchDirectory, '..', '..');

/** The compiled engine (tsc output), loaded the way a CommonJS consumer would load it. */
export function loadEngine() {
  const require = createRequire(import.meta.url);
  return require(path.join(repositoryRoot, 'out', 'src', 'engine', 'index.js'));
}

/**
 * A figure as run.mjs prints it: `name: value unit`. `runs` (each trial's value) is printed as a
 * comment so the spread is visible; `goal` ({ min } or { max }) is checked and reported.
 */
export function figure(name, value, unit, extra = {}) {
  return { name, value, unit, ...extra };
}

export function median(values) {
  const sorted = [...values].sort((left, right) => left - right);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

// Children still running are killed when the runner exits, so a timed-out benchmark leaves nothing behind.
const liveChildren = new Set();
export function killChildren() {
  for (const child of liveChildren) {
    child.kill('SIGKILL');
  }
}
process.on('exit', killChildren);

/*
 * The time budget of the benchmark running now (run.mjs starts one per benchmark). A slow machine
 * must give slower figures, not a failed run: once the budget is spent, trial loops stop taking new
 * trials and the figures are computed from the trials that finished, marked incomplete.
 */
let currentBudget;

export function startBudget(milliseconds) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), milliseconds);
  currentBudget = { signal: controller.signal, milliseconds, incomplete: undefined, stop: () => clearTimeout(timer) };
  return currentBudget;
}

/** True once the running benchmark's budget is spent. */
export function budgetSpent() {
  return currentBudget?.signal.aborted === true;
}

/** Notes why the running benchmark's figures are incomplete (the first reason wins). */
export function markIncomplete(reason) {
  if (currentBudget !== undefined && currentBudget.incomplete === undefined) {
    currentBudget.incomplete = reason;
  }
}

/** The soft and hard RLIMIT_NOFILE of processes spawned from here, as `ulimit -n` reports them. */
export function fileLimits() {
  const read = (flag) => {
    const text = execFileSync('/bin/sh', ['-c', `ulimit ${flag}`], { encoding: 'utf8' }).trim();
    return text === 'unlimited' ? Number.POSITIVE_INFINITY : Number(text);
  };
  return { soft: read('-Sn'), hard: read('-Hn') };
}

/**
 * Runs `node script ...args` (fresh heap, fresh event loop per trial) and resolves with the JSON
 * object on its last stdout line. Kills the child and rejects after `timeoutMs`. `nodeOptions` go
 * before the script (e.g. --expose-gc). `fileLimit` raises the child's soft RLIMIT_NOFILE through
 * `sh -c 'ulimit -n N; exec node ...'` (Node cannot call setrlimit itself).
 */
export function runNode(script, args = [], { timeoutMs = 60_000, nodeOptions = [], fileLimit } = {}) {
  return new Promise((resolve, reject) => {
    const command = [process.execPath, ...nodeOptions, script, ...args.map(String)];
    const [file, ...argv] = fileLimit === undefined ? command : ['/bin/sh', '-c', 'ulimit -n "$0" && exec "$@"', String(fileLimit), ...command];
    const child = spawn(file, argv, {
      cwd: repositoryRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    liveChildren.add(child);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${path.basename(script)} ${args.join(' ')} timed out after ${timeoutMs} ms\n${stderr}`));
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      liveChildren.delete(child);
      reject(error);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      liveChildren.delete(child);
      if (code !== 0) {
        reject(new Error(`${path.basename(script)} ${args.join(' ')} exited with ${code ?? signal}\n${stderr.trim()}`));
        return;
      }
      const lastLine = stdout.trim().split('\n').pop() ?? '';
      try {
        resolve(JSON.parse(lastLine));
      } catch {
        reject(new Error(`${path.basename(script)} ${args.join(' ')} printed no JSON result:\n${stdout}\n${stderr}`));
      }
    });
  });
}

/**
 * Runs each of `variants` `repeat` times, alternating the order every round (A B, B A, A B, ...) so
 * that drift on a noisy machine (thermal, other tenants) falls on both sides alike. Resolves with
 * { [variant]: result[] }. Once the benchmark's budget is spent it stops after the round in
 * progress (every variant has at least one result by then) and marks the figures incomplete.
 */
export async function interleave(variants, repeat, runOne) {
  const results = Object.fromEntries(variants.map((variant) => [variant, []]));
  for (let round = 0; round < repeat; round++) {
    if (round > 0 && budgetSpent()) {
      markIncomplete(`${round} of ${repeat} runs within ${currentBudget.milliseconds / 1000} s`);
      break;
    }
    const order = round % 2 === 0 ? variants : [...variants].reverse();
    for (const variant of order) {
      results[variant].push(await runOne(variant, round));
    }
  }
  return results;
}

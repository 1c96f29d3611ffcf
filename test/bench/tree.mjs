// Sockets view benchmarks. They run INSIDE a real VS Code extension host: this module starts the
// extension tests (test/runner/extension-tests.mjs) with SOCKET_WORKBENCH_BENCH=tree, which enables
// test/extension/tree.bench.test.ts, and relays its `BENCH name: value unit` lines as figures and
// its `BENCH # ...` lines as comments.
//
//   treeLag:        tree-lag-p99-ms (goal < 50 ms): event-loop delay p99 while 1 GiB streams through
//                   a connection whose row is on screen, with the hidden-view baseline beside it.
//   treeExpand10k:  tree-expand-10k-ms: first page of a server with 10,000 connections;
//                   tree-expand-10k-all-pages-ms: "Show more" until all 10,000 are listed.
//
// Needs `npm run build` and `npm run compile-tests` (npm run bench does both). 10,000 connections
// need 10,000 descriptors in the extension host and 10,000 in the client process: the soft limit
// is raised to the hard one with prlimit when it is lower than that.
import { execFileSync, spawn } from 'node:child_process';
import path from 'node:path';
import { figure, repositoryRoot } from './harness.mjs';

const RUNNER = path.join(repositoryRoot, 'test', 'runner', 'extension-tests.mjs');
const RUN_TIMEOUT_MS = 165_000;
const NEEDED_DESCRIPTORS = 12_000;

function descriptorLimits() {
  try {
    const [soft, hard] = ['-Sn', '-Hn'].map((flag) => execFileSync('sh', ['-c', `ulimit ${flag}`], { encoding: 'utf8' }).trim());
    return { soft: soft === 'unlimited' ? Infinity : Number(soft), hard: hard === 'unlimited' ? Infinity : Number(hard) };
  } catch {
    return { soft: Infinity, hard: Infinity };
  }
}

/** The command that starts the runner, through prlimit when the soft descriptor limit is too low. */
function runnerCommand(args, log) {
  const command = [process.execPath, RUNNER, ...args];
  const { soft, hard } = descriptorLimits();
  if (soft >= NEEDED_DESCRIPTORS) {
    return command;
  }
  if (hard < NEEDED_DESCRIPTORS) {
    throw new Error(`the descriptor limit is ${soft} (hard ${hard}); 10,000 connections need about ${NEEDED_DESCRIPTORS} per process`);
  }
  const raised = hard === Infinity ? 65_536 : hard;
  log(`raising the descriptor limit from ${soft} to ${raised} with prlimit`);
  return ['prlimit', `--nofile=${raised}:${raised}`, ...command];
}

/**
 * Runs the tests whose title matches `grep` and returns the figures they printed. Out of time, it
 * resolves with what was printed so far and `timedOut` set (a slow machine is not a failure).
 */
function runInExtensionHost(grep, log) {
  const [file, ...args] = runnerCommand(['--grep', grep, '--env', 'SOCKET_WORKBENCH_BENCH=tree', '--timeout', String(RUN_TIMEOUT_MS / 1000 - 5)], log);
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
    }, RUN_TIMEOUT_MS);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      if (timedOut) {
        log(`the extension-host benchmark did not finish within ${RUN_TIMEOUT_MS / 1000} s: ${figures.size} figure(s) measured`);
        figures.timedOut = `did not finish within ${RUN_TIMEOUT_MS / 1000} s`;
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
function pickAll(figures, wanted) {
  const result = [];
  for (const [name, extra] of wanted) {
    const found = figures.get(name);
    if (found === undefined) {
      if (figures.timedOut === undefined) {
        throw new Error(`the extension host printed no ${name}`);
      }
      continue;
    }
    result.push(figure(name, found.value, found.unit, { ...extra, incomplete: figures.timedOut }));
  }
  return result;
}

export async function treeLag({ log }) {
  const figures = await runInExtensionHost('^tree bench streams', log);
  return pickAll(figures, [
    ['tree-lag-p99-ms', { goal: { max: 50 } }],
    ['tree-lag-p99-hidden-ms', {}],
    ['tree-refreshes-per-s', { goal: { max: 10 } }],
    ['tree-provider-ms-per-s', {}],
    ['tree-stream-mb-per-s', {}],
  ]);
}

export async function treeExpand10k({ log }) {
  const figures = await runInExtensionHost('^tree bench lists', log);
  return pickAll(figures, [
    ['tree-expand-10k-ms', { goal: { max: 50 } }],
    ['tree-expand-10k-all-pages-ms', {}],
  ]);
}

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
import { execFileSync } from 'node:child_process';
import { pickAll, runInExtensionHost } from './extension-host.mjs';

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
function runnerCommand(command, log) {
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

function runTreeBench(grep, log) {
  return runInExtensionHost(grep, log, { bench: 'tree', timeoutMs: RUN_TIMEOUT_MS, wrap: (command) => runnerCommand(command, log) });
}

export async function treeLag({ log }) {
  const figures = await runTreeBench('^tree bench streams', log);
  return pickAll(figures, [
    ['tree-lag-p99-ms', { goal: { max: 50 } }],
    ['tree-lag-p99-hidden-ms', {}],
    ['tree-refreshes-per-s', { goal: { max: 10 } }],
    ['tree-provider-ms-per-s', {}],
    ['tree-stream-mb-per-s', {}],
  ]);
}

export async function treeExpand10k({ log }) {
  const figures = await runTreeBench('^tree bench lists', log);
  return pickAll(figures, [
    ['tree-expand-10k-ms', { goal: { max: 50 } }],
    ['tree-expand-10k-all-pages-ms', {}],
  ]);
}

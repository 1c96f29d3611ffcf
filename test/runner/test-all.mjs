#!/usr/bin/env node
// `npm test`: everything CI checks, in order, each step with a time limit, then a summary table.
// Stops at the first failing step (later steps would only repeat the failure), unless --keep-going.
//
//   npm test [-- --keep-going] [-- --skip lint,ui]
//     --keep-going   run every step even after a failure
//     --skip a,b     leave out steps by name (see STEPS)
// Exit code: 0 when every step passed, 1 otherwise.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { REPO } from './install.mjs';

const node = (script, ...args) => [process.execPath, path.join('test/runner', script), ...args];
const npm = (script) => ['npm', 'run', '--silent', script];

// name, command, limit in minutes. The limits are for a hung step, not a slow one: on a loaded
// 2-core machine (load average 20+) lint alone took 5.5 min and the English extension pass 6, so
// each limit is several times the quiet figure. A quiet CI run takes well under half an hour.
const STEPS = [
  ['install', node('install.mjs'), 20], // VS Code OSS into .vscode-test/oss, first run only (~2-3 min)
  ['build', npm('build'), 10],
  ['typecheck', npm('typecheck'), 15],
  ['lint', npm('lint'), 20], // typed lint: ~1 min quiet
  ['compile', npm('compile-tests'), 10], // out/ for the extension tests even when 'unit' is skipped
  ['unit', npm('test:unit'), 20], // compiles out/ again (3 s), then mocha in plain Node
  ['extension-en', node('extension-tests.mjs', '--locale', 'en', '--timeout', '1500'), 30],
  ['extension-tr', node('extension-tests.mjs', '--locale', 'tr', '--timeout', '900'), 20],
  ['ui', node('ui-tests.mjs', '--retries', '1'), 40], // a scenario that passes only on its retry is named FLAKY
];

function parseArgs(argv) {
  const o = { keepGoing: false, skip: [] };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--keep-going') o.keepGoing = true;
    else if (argv[i] === '--skip' && i + 1 < argv.length) o.skip.push(...argv[++i].split(','));
    else {
      console.error(`test-all: unknown argument ${argv[i]}\nusage: npm test -- [--keep-going] [--skip ${STEPS.map((s) => s[0]).join(',')}]`);
      process.exit(2);
    }
  }
  const unknown = o.skip.filter((s) => !STEPS.some(([name]) => name === s));
  if (unknown.length) {
    console.error(`test-all: unknown step(s) ${unknown.join(', ')}; steps: ${STEPS.map((s) => s[0]).join(', ')}`);
    process.exit(2);
  }
  return o;
}

let current = null; // the running step's child, so a signal can end its whole process group

/** Runs one step with inherited output; resolves to 'passed' | 'failed' | 'timed out'. */
function runStep([cmd, ...args], minutes) {
  return new Promise((resolve) => {
    // Own process group: on timeout we kill the step and everything it started.
    const child = spawn(cmd, args, { cwd: REPO, stdio: 'inherit', detached: true });
    current = child;
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      try { process.kill(-child.pid, 'SIGTERM'); } catch { /* gone */ }
      setTimeout(() => { try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ } }, 20_000).unref();
    }, minutes * 60_000);
    child.on('error', (err) => {
      console.error(`test-all: cannot start ${cmd}: ${err.message}`);
      resolve('failed');
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      current = null;
      resolve(timedOut ? 'timed out' : code === 0 ? 'passed' : 'failed');
    });
  });
}

for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(sig, () => {
    // The step's runner cleans up its own VS Code on SIGTERM.
    if (current) try { process.kill(-current.pid, 'SIGTERM'); } catch { /* gone */ }
    console.error(`\ntest-all: ${sig}, stopping`);
    setTimeout(() => process.exit(130), 3000).unref();
  });
}

const opts = parseArgs(process.argv.slice(2));
const results = [];
const t0 = Date.now();
let failed = false;
for (const [name, command, minutes] of STEPS) {
  if (opts.skip.includes(name) || (failed && !opts.keepGoing)) {
    results.push([name, opts.skip.includes(name) ? 'skipped' : 'not run', 0]);
    continue;
  }
  console.log(`\n${'='.repeat(20)} ${name}: ${command.map((c) => (c === process.execPath ? 'node' : c)).join(' ')} (limit ${minutes} min)`);
  const started = Date.now();
  const status = await runStep(command, minutes);
  results.push([name, status, Date.now() - started]);
  if (status !== 'passed') failed = true;
}

const fmt = (ms) => `${(ms / 1000).toFixed(1)}s`.padStart(8);
console.log(`\n${'='.repeat(20)} summary`);
for (const [name, status, ms] of results) {
  console.log(`  ${name.padEnd(14)} ${status.padEnd(9)} ${ms ? fmt(ms) : ''}`);
}
console.log(`  ${'total'.padEnd(14)} ${(failed ? 'FAILED' : 'passed').padEnd(9)} ${fmt(Date.now() - t0)}`);
process.exit(failed ? 1 : 0);

// The benchmark runner behind `npm run bench`.
//
//   node test/bench/run.mjs [--only NAME]... [--repeat N] [--budget-ms MS] [--strict]
//
// Output: comment lines (`# ...`: machine context, per-run values, notes) and ONE line per figure,
// exactly `name: value unit`, or `name: value unit (incomplete: why)` when time ran out. Ratios are always against a baseline measured in the same run.
//
// Adding a group: create test/bench/<group>.mjs and add it to GROUPS below. Each named export of a
// group module that is a function is one benchmark (run in export-name order, as ES modules list
// them; groups in GROUPS order):
//
//   export async function somethingFast(context) { return [figure('something-fast-ms', 12.3, 'ms')]; }
//
// It receives { repeat, log } (how many runs per variant to take, and a way to print a `#` comment)
// and resolves with figures ({ name, value, unit, runs?, goal?: { min? , max? } }, see harness.mjs).
// A benchmark bounds its own waits (runNode kills a child after a timeout). The runner gives each
// one a budget of BENCHMARK_TIMEOUT_MS (--budget-ms): once it is spent, trial loops (interleave)
// stop and the figures are computed from the trials that finished, printed with `(incomplete: why)`
// after the unit. A benchmark still running BENCHMARK_GRACE_MS later is abandoned: the figures it
// reported so far (context.report) are printed, marked incomplete, and the run goes on. Running out
// of time is a slow machine, not a failure: only errors fail the run. `--only` selects a group (`engine`), a benchmark by export name
// (`tcpThroughput`) or by its kebab-case name or any figure name it starts (`tcp-throughput`,
// `tcp-throughput-vs-raw-net`); it may repeat or hold a comma-separated list.
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import { killChildren, repositoryRoot, startBudget } from './harness.mjs';

const GROUPS = {
  engine: './engine.mjs',
  codecs: './codecs.mjs',
  hover: './hover.mjs',
  panel: './panel.mjs',
  tree: './tree.mjs',
  capture: './capture.mjs',
  wire: './wire.mjs',
  wireEditor: './wire-editor.mjs',
  tls: './tls.mjs',
};

const BENCHMARK_TIMEOUT_MS = 170_000;
const BENCHMARK_GRACE_MS = 60_000;

function parseArguments(argv) {
  const options = { only: [], repeat: 5, strict: false, budgetMs: BENCHMARK_TIMEOUT_MS };
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index];
    const [flag, inline] = argument.split('=', 2);
    const value = () => inline ?? argv[++index];
    if (flag === '--only') {
      options.only.push(...value().split(',').filter(Boolean));
    } else if (flag === '--repeat') {
      options.repeat = Number(value());
      if (!Number.isInteger(options.repeat) || options.repeat < 1) {
        throw new Error('--repeat needs a positive integer');
      }
    } else if (flag === '--budget-ms') {
      options.budgetMs = Number(value());
      if (!Number.isFinite(options.budgetMs) || options.budgetMs < 0) {
        throw new Error('--budget-ms needs a number of milliseconds');
      }
    } else if (flag === '--strict') {
      options.strict = true;
    } else {
      throw new Error(`unknown argument ${argument}; usage: run.mjs [--only NAME]... [--repeat N] [--budget-ms MS] [--strict]`);
    }
  }
  return options;
}

// tcpAccept10k -> tcp-accept-10k: figure names are kebab-case and start with their benchmark's.
const kebab = (name) => name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').replace(/([a-z])([0-9])/g, '$1-$2').toLowerCase();

function selected(only, group, name) {
  if (only.length === 0) {
    return true;
  }
  return only.some((wanted) => wanted === group || wanted === name || wanted === `${group}.${name}` || wanted === kebab(name) || wanted.startsWith(`${kebab(name)}-`));
}

function formatValue(value) {
  if (!Number.isFinite(value)) {
    return String(value);
  }
  return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(4)));
}

function print(line) {
  process.stdout.write(`${line}\n`);
}

function gitDescription() {
  try {
    const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: repositoryRoot, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'src/engine', 'test/bench'], { cwd: repositoryRoot, encoding: 'utf8' }).trim();
    return `${commit}${dirty === '' ? '' : ' (src/engine or test/bench modified)'}`;
  } catch {
    return 'unknown';
  }
}

function printContext(options) {
  const cpus = os.cpus();
  print(`# date: ${new Date().toISOString()}`);
  print(`# node: ${process.version} (${process.arch}), v8 ${process.versions.v8}`);
  print(`# cpus: ${cpus.length} x ${cpus[0]?.model ?? 'unknown'}`);
  print(`# kernel: ${os.type()} ${os.release()} ${os.version()}`);
  print(`# memory: ${Math.round(os.totalmem() / 2 ** 30)} GiB; load average at start: ${os.loadavg().map((load) => load.toFixed(2)).join(' ')}`);
  print(`# commit: ${gitDescription()}`);
  print(`# runs per variant: ${options.repeat}; figures are medians`);
}

/** Resolves with the benchmark's figures, or with `undefined` when it is still running after `milliseconds`. */
function withinGrace(promise, milliseconds) {
  let timer;
  const abandoned = new Promise((resolve) => {
    timer = setTimeout(() => resolve(undefined), milliseconds);
  });
  return Promise.race([promise, abandoned]).finally(() => clearTimeout(timer));
}

function printFigure({ name, value, unit, runs, goal, incomplete }, budgetNote) {
  if (runs !== undefined) {
    print(`# ${name} runs: ${runs.map(formatValue).join(' ')}`);
  }
  let missed = 0;
  if (goal !== undefined) {
    const met = (goal.min === undefined || value >= goal.min) && (goal.max === undefined || value <= goal.max);
    const wanted = [goal.min === undefined ? '' : `>= ${goal.min}`, goal.max === undefined ? '' : `<= ${goal.max}`].filter(Boolean).join(' and ');
    print(`# ${name} goal ${wanted}: ${met ? 'met' : 'MISSED'}`);
    missed = met ? 0 : 1;
  }
  const note = incomplete ?? budgetNote;
  print(`${name}: ${formatValue(value)} ${unit}${note === undefined ? '' : ` (incomplete: ${note})`}`);
  return missed;
}

async function main() {
  const options = parseArguments(process.argv.slice(2));
  printContext(options);
  const started = performance.now();
  let failures = 0;
  let missedGoals = 0;
  let incomplete = 0;
  let ran = 0;
  for (const [group, modulePath] of Object.entries(GROUPS)) {
    const module = await import(modulePath);
    for (const [name, benchmark] of Object.entries(module)) {
      if (typeof benchmark !== 'function' || !selected(options.only, group, name)) {
        continue;
      }
      ran++;
      const benchmarkStarted = performance.now();
      const reported = [];
      const budget = startBudget(options.budgetMs);
      const context = { repeat: options.repeat, log: (text) => print(`# ${text}`), signal: budget.signal, report: (item) => reported.push(item) };
      try {
        const running = benchmark(context);
        // An abandoned benchmark may still fail later: that must not crash the runner.
        running.catch(() => undefined);
        const figures = await withinGrace(running, options.budgetMs + BENCHMARK_GRACE_MS);
        if (figures === undefined) {
          // Abandoned: what it measured so far, and no children left running into the next benchmark.
          killChildren();
          const note = `still running ${(options.budgetMs + BENCHMARK_GRACE_MS) / 1000} s after it started`;
          incomplete++;
          print(`# INCOMPLETE ${group}.${name}: ${note}; ${reported.length === 0 ? 'nothing measured' : `${reported.length} figure(s) measured`}`);
          for (const item of reported) {
            missedGoals += printFigure(item, note);
          }
        } else {
          incomplete += budget.incomplete === undefined && figures.every((item) => item.incomplete === undefined) ? 0 : 1;
          for (const item of figures) {
            missedGoals += printFigure(item, budget.incomplete);
          }
        }
      } catch (error) {
        failures++;
        print(`# ERROR ${group}.${name}: ${String(error?.stack ?? error).split('\n').join('\n#   ')}`);
      } finally {
        budget.stop();
      }
      print(`# ${group}.${name} took ${((performance.now() - benchmarkStarted) / 1000).toFixed(1)} s`);
    }
  }
  if (ran === 0) {
    print(`# ERROR no benchmark matches --only ${options.only.join(',')}`);
    failures++;
  }
  print(`# total ${((performance.now() - started) / 1000).toFixed(1)} s; ${failures} failed; ${incomplete} incomplete (out of time); ${missedGoals} goal(s) missed`);
  // A missed goal is a finding, not a crash; --strict makes it fail the run (e.g. in CI).
  process.exit(failures > 0 || (options.strict && missedGoals > 0) ? 1 : 0);
}

await main();

// The benchmark runner behind `npm run bench`.
//
//   node test/bench/run.mjs [--only NAME]... [--repeat N] [--strict]
//
// Output: comment lines (`# ...`: machine context, per-run values, notes) and ONE line per figure,
// exactly `name: value unit`. Ratios are always against a baseline measured in the same run.
//
// Adding a group: create test/bench/<group>.mjs and add it to GROUPS below. Each named export of a
// group module that is a function is one benchmark (run in export-name order, as ES modules list
// them; groups in GROUPS order):
//
//   export async function somethingFast(context) { return [figure('something-fast-ms', 12.3, 'ms')]; }
//
// It receives { repeat, log } (how many runs per variant to take, and a way to print a `#` comment)
// and resolves with figures ({ name, value, unit, runs?, goal?: { min? , max? } }, see harness.mjs).
// A benchmark bounds its own waits (runNode kills a child after a timeout); the runner also gives
// each one BENCHMARK_TIMEOUT_MS. `--only` selects a group (`engine`), a benchmark by export name
// (`tcpThroughput`) or by its kebab-case name or any figure name it starts (`tcp-throughput`,
// `tcp-throughput-vs-raw-net`); it may repeat or hold a comma-separated list.
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import { repositoryRoot } from './harness.mjs';

const GROUPS = {
  engine: './engine.mjs',
  codecs: './codecs.mjs',
  hover: './hover.mjs',
  panel: './panel.mjs',
  tree: './tree.mjs',
  wire: './wire.mjs',
};

const BENCHMARK_TIMEOUT_MS = 170_000;

function parseArguments(argv) {
  const options = { only: [], repeat: 5, strict: false };
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
    } else if (flag === '--strict') {
      options.strict = true;
    } else {
      throw new Error(`unknown argument ${argument}; usage: run.mjs [--only NAME]... [--repeat N] [--strict]`);
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

function withTimeout(promise, milliseconds, what) {
  let timer;
  const timeout = new Promise((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took more than ${milliseconds} ms`)), milliseconds);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

async function main() {
  const options = parseArguments(process.argv.slice(2));
  printContext(options);
  const started = performance.now();
  let failures = 0;
  let missedGoals = 0;
  let ran = 0;
  for (const [group, modulePath] of Object.entries(GROUPS)) {
    const module = await import(modulePath);
    for (const [name, benchmark] of Object.entries(module)) {
      if (typeof benchmark !== 'function' || !selected(options.only, group, name)) {
        continue;
      }
      ran++;
      const benchmarkStarted = performance.now();
      const context = { repeat: options.repeat, log: (text) => print(`# ${text}`) };
      try {
        const figures = await withTimeout(benchmark(context), BENCHMARK_TIMEOUT_MS, `${group}.${name}`);
        for (const { name: figureName, value, unit, runs, goal } of figures) {
          if (runs !== undefined) {
            print(`# ${figureName} runs: ${runs.map(formatValue).join(' ')}`);
          }
          if (goal !== undefined) {
            const met = (goal.min === undefined || value >= goal.min) && (goal.max === undefined || value <= goal.max);
            const wanted = [goal.min === undefined ? '' : `>= ${goal.min}`, goal.max === undefined ? '' : `<= ${goal.max}`].filter(Boolean).join(' and ');
            print(`# ${figureName} goal ${wanted}: ${met ? 'met' : 'MISSED'}`);
            missedGoals += met ? 0 : 1;
          }
          print(`${figureName}: ${formatValue(value)} ${unit}`);
        }
      } catch (error) {
        failures++;
        print(`# ERROR ${group}.${name}: ${String(error?.stack ?? error).split('\n').join('\n#   ')}`);
      }
      print(`# ${group}.${name} took ${((performance.now() - benchmarkStarted) / 1000).toFixed(1)} s`);
    }
  }
  if (ran === 0) {
    print(`# ERROR no benchmark matches --only ${options.only.join(',')}`);
    failures++;
  }
  print(`# total ${((performance.now() - started) / 1000).toFixed(1)} s; ${failures} failed; ${missedGoals} goal(s) missed`);
  // A missed goal is a finding, not a crash; --strict makes it fail the run (e.g. in CI).
  process.exit(failures > 0 || (options.strict && missedGoals > 0) ? 1 : 0);
}

await main();

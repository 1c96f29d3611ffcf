// Hover benchmark: the provider's own work per hover over a realistic 5,000-line C file, every token
// hovered once (hover-trial.mjs, a fresh process per run). It excludes VS Code's IPC between the
// workbench and the extension host, which the extension does not control.
import path from 'node:path';
import { benchDirectory, figure, interleave, median, runNode } from './harness.mjs';

const trialScript = path.join(benchDirectory, 'hover-trial.mjs');
const LINES = 5000;
const round = (value) => Number(value.toFixed(1));

export async function hoverP99Us({ repeat, log }) {
  // Through interleave, which stops taking runs once the benchmark's time budget is spent.
  const results = (await interleave(['c'], repeat, (language) => runNode(trialScript, [`lines=${LINES}`, `language=${language}`], { timeoutMs: 60_000 }))).c;
  const first = results[0];
  log(`hover: ${first.lines}-line C file, ${first.tokens} token positions hovered per run (${first.hits} show a hover); scanner + lookup + render, no VS Code IPC`);
  for (const [key, label] of [['p50', 'p50 all tokens'], ['hitP50', 'p50 tokens with a hover'], ['hitP99', 'p99 tokens with a hover'], ['max', 'max'], ['firstHoverMicroseconds', 'first hover (cold)']]) {
    log(`hover ${label}: ${round(median(results.map((result) => result[key])))} µs (runs ${results.map((result) => round(result[key])).join(' ')})`);
  }
  const p99 = results.map((result) => result.p99);
  return [figure('hover-p99-us', round(median(p99)), 'µs', { goal: { max: 1000 }, runs: p99.map(round) })];
}

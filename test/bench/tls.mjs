// TLS benchmarks: an engine tls:// client sending 1 GiB to an engine tls-listen:// server
// (transcript on), and handshakes per second, each against raw Node tls measured in the same run.
// Every trial runs in a fresh process (tls-trial.mjs), engine and raw alternating.
import path from 'node:path';
import { benchDirectory, figure, interleave, median, runNode } from './harness.mjs';

const trialScript = path.join(benchDirectory, 'tls-trial.mjs');

/** 1 GiB, as 64 sends of one reused 16 MiB buffer, as the TCP throughput benchmark. */
const TLS_TOTAL_BYTES = 1024 ** 3;
const TLS_CHUNK_BYTES = 16 * 1024 * 1024;
const HANDSHAKE_DURATION_MS = 2000;

const runs = (results, key) => results.map((result) => result[key]);
const round = (value, digits) => Number(value.toFixed(digits));

export async function tlsThroughput({ repeat, log }) {
  const results = await interleave(['raw', 'engine'], repeat, (variant) =>
    runNode(trialScript, ['throughput', variant, `total=${TLS_TOTAL_BYTES}`, `chunk=${TLS_CHUNK_BYTES}`], { timeoutMs: 180_000 }),
  );
  const engineRates = runs(results.engine, 'megabytesPerSecond');
  const rawRates = runs(results.raw, 'megabytesPerSecond');
  const ratios = engineRates.map((rate, index) => rate / rawRates[index]);
  const engineCpu = runs(results.engine, 'cpu');
  const rawCpu = runs(results.raw, 'cpu');
  const cpuRatios = engineCpu.map((cpu, index) => rawCpu[index] / cpu);
  log(`tls: 1 GiB as ${TLS_TOTAL_BYTES / TLS_CHUNK_BYTES} sends of a reused 16 MiB buffer, ${results.engine[0].protocol} ${results.engine[0].cipher}, client and server in one process, transcript on (default limits), an onData subscriber counting bytes`);
  return [
    figure('tls-throughput-vs-raw-tls', round(median(ratios), 2), 'ratio', { goal: { min: 0.9 }, runs: ratios.map((ratio) => round(ratio, 2)) }),
    figure('tls-throughput-engine', Math.round(median(engineRates)), 'MB/s', { runs: engineRates.map(Math.round) }),
    figure('tls-throughput-raw-tls', Math.round(median(rawRates)), 'MB/s', { runs: rawRates.map(Math.round) }),
    figure('tls-cpu-vs-raw-tls', round(median(cpuRatios), 2), 'ratio', { runs: cpuRatios.map((ratio) => round(ratio, 2)) }),
  ];
}

export async function tlsHandshakes({ repeat, log }) {
  const results = await interleave(['raw', 'engine'], repeat, (variant) =>
    runNode(trialScript, ['handshakes', variant, `duration=${HANDSHAKE_DURATION_MS}`], { timeoutMs: 60_000 }),
  );
  const engineRates = runs(results.engine, 'handshakesPerSecond');
  const rawRates = runs(results.raw, 'handshakesPerSecond');
  const ratios = engineRates.map((rate, index) => rate / rawRates[index]);
  const engineCpu = runs(results.engine, 'cpuPerHandshake');
  const rawCpu = runs(results.raw, 'cpuPerHandshake');
  const cpuRatios = engineCpu.map((cpu, index) => rawCpu[index] / cpu);
  log(`tls handshakes: one client after another for ${HANDSHAKE_DURATION_MS / 1000} s (connect, handshake, close; ECDSA P-256, client and server in one process); engine: open tls:// + remove, raw: tls.connect + end`);
  return [
    figure('tls-handshakes-per-s', Math.round(median(engineRates)), 'handshakes/s', { runs: engineRates.map(Math.round) }),
    figure('tls-handshakes-raw-tls-per-s', Math.round(median(rawRates)), 'handshakes/s', { runs: rawRates.map(Math.round) }),
    figure('tls-handshakes-vs-raw-tls', round(median(ratios), 2), 'ratio', { runs: ratios.map((ratio) => round(ratio, 2)) }),
    // CPU per handshake (both ends, one process), raw over engine: steadier than the wall-clock rate on a shared machine.
    figure('tls-handshake-cpu-vs-raw-tls', round(median(cpuRatios), 2), 'ratio', { runs: cpuRatios.map((ratio) => round(ratio, 2)) }),
    figure('tls-handshake-cpu-engine-ms', round(median(engineCpu), 2), 'ms', { runs: engineCpu.map((value) => round(value, 2)) }),
  ];
}

// Wire runner benchmarks: send/expect round trips through the runner against a hand-written net
// client, and a mock server's rules answering 100 concurrent clients against a raw net echo
// server. Every trial runs in a fresh process (wire-trial.mjs), variants alternating.
import path from 'node:path';
import { benchDirectory, figure, interleave, median, runNode } from './harness.mjs';

const trialScript = path.join(benchDirectory, 'wire-trial.mjs');

/** 10,000 round trips: 20,000 steps (send, expect exactly) in one repeat. */
const ROUND_TRIPS = 10_000;
const MOCK_CLIENTS = 100;
const MOCK_DURATION_MS = 2000;

const round = (value, digits) => Number(value.toFixed(digits));

export async function wireRoundtrips({ repeat, log }) {
  const results = await interleave(['raw', 'wire'], repeat, (variant) => runNode(trialScript, ['roundtrips', variant, `count=${ROUND_TRIPS}`], { timeoutMs: 150_000 }));
  const wire = results.wire.map((result) => result.roundTripsPerSecond);
  const raw = results.raw.map((result) => result.roundTripsPerSecond);
  const ratios = wire.map((rate, index) => rate / raw[index]);
  const wireCpu = results.wire.map((result) => result.cpuMicrosecondsPerRoundTrip);
  const rawCpu = results.raw.map((result) => result.cpuMicrosecondsPerRoundTrip);
  const cpuRatios = wireCpu.map((cpu, index) => rawCpu[index] / cpu);
  log(`wire round trips: ${ROUND_TRIPS} x (send "ping\\n", expect exactly "ping\\n") = ${results.wire[0].steps} steps, vs a net client doing the same round trips; both against a net echo server in the same process`);
  return [
    figure('wire-roundtrips-vs-raw', round(median(ratios), 2), 'ratio', { goal: { min: 0.8 }, runs: ratios.map((ratio) => round(ratio, 2)) }),
    figure('wire-roundtrips-per-s', Math.round(median(wire)), 'round trips/s', { runs: wire.map(Math.round) }),
    figure('wire-roundtrips-raw-per-s', Math.round(median(raw)), 'round trips/s', { runs: raw.map(Math.round) }),
    // CPU per round trip, raw over wire: steadier than wall-clock rates when other processes share the cores.
    figure('wire-roundtrips-cpu-vs-raw', round(median(cpuRatios), 2), 'ratio', { runs: cpuRatios.map((ratio) => round(ratio, 2)) }),
    figure('wire-roundtrips-cpu', round(median(wireCpu), 1), 'µs/round trip', { runs: wireCpu.map((value) => round(value, 1)) }),
    figure('wire-roundtrips-cpu-raw', round(median(rawCpu), 1), 'µs/round trip', { runs: rawCpu.map((value) => round(value, 1)) }),
  ];
}

export async function wireMockRequests({ repeat, log }) {
  const results = await interleave(['raw', 'wire'], repeat, (variant) =>
    runNode(trialScript, ['mock', variant, `clients=${MOCK_CLIENTS}`, `duration=${MOCK_DURATION_MS}`], { timeoutMs: 60_000 }),
  );
  const wire = results.wire.map((result) => result.requestsPerSecond);
  const raw = results.raw.map((result) => result.requestsPerSecond);
  const ratios = wire.map((rate, index) => rate / raw[index]);
  log(`wire mock: ${MOCK_CLIENTS} concurrent net clients (another process) sending GET lines for ${MOCK_DURATION_MS} ms to a served listener section with three rules (PING, /^GET (?<key>\\w+)\\n/, QUIT), vs a raw net echo server`);
  // The serving process's CPU per request (user + system): steadier than the rates when other tenants share the cores.
  const serverCpu = (result) => result.serverUserMicrosecondsPerRequest + result.serverSystemMicrosecondsPerRequest;
  const wireCpu = results.wire.map(serverCpu);
  const rawCpu = results.raw.map(serverCpu);
  const cpuRatios = wireCpu.map((cpu, index) => rawCpu[index] / cpu);
  return [
    figure('wire-mock-requests-per-s', Math.round(median(wire)), 'requests/s', { runs: wire.map(Math.round) }),
    figure('wire-mock-requests-per-s-raw', Math.round(median(raw)), 'requests/s', { runs: raw.map(Math.round) }),
    figure('wire-mock-requests-per-s-vs-raw', round(median(ratios), 2), 'ratio', { goal: { min: 0.7 }, runs: ratios.map((ratio) => round(ratio, 2)) }),
    figure('wire-mock-server-cpu', round(median(wireCpu), 1), 'µs/request', { runs: wireCpu.map((value) => round(value, 1)) }),
    figure('wire-mock-server-cpu-raw', round(median(rawCpu), 1), 'µs/request', { runs: rawCpu.map((value) => round(value, 1)) }),
    figure('wire-mock-server-cpu-vs-raw', round(median(cpuRatios), 2), 'ratio', { runs: cpuRatios.map((ratio) => round(ratio, 2)) }),
  ];
}

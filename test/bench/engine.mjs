// Engine benchmarks: TCP throughput, UDP datagram rate, and accepting 10,000 connections, each
// against a plain `net`/`dgram` program measured in the same run. Every trial runs in a fresh
// process (engine-trial.mjs), engine and raw alternating, and the median is reported.
import path from 'node:path';
import { benchDirectory, figure, fileLimits, interleave, median, runNode } from './harness.mjs';

const trialScript = path.join(benchDirectory, 'engine-trial.mjs');

/** 1 GiB, sent as 64 sends of one reused 16 MiB buffer (engine.send per buffer; raw: one write per buffer). */
const TCP_TOTAL_BYTES = 1024 ** 3;
const TCP_CHUNK_BYTES = 16 * 1024 * 1024;

const UDP_DATAGRAM_BYTES = 64;
const UDP_DURATION_MS = 2000;
/** Sends in flight in the sender: enough to keep the kernel busy, small enough to stay bounded. */
const UDP_WINDOW = 32;

const ACCEPT_CONNECTIONS = 10_000;
/** Connects in flight in the client process: well under the listen backlog (511), so no SYN is dropped. */
const ACCEPT_WINDOW = 64;
/** Descriptors each side of the accept trial needs: one per connection, plus Node's own handful. */
const ACCEPT_FILES = ACCEPT_CONNECTIONS + 1000;

const runs = (results, key) => results.map((result) => result[key]);
const round = (value, digits) => Number(value.toFixed(digits));

export async function tcpThroughput({ repeat, log }) {
  const results = await interleave(['raw', 'engine'], repeat, (variant) =>
    runNode(trialScript, ['tcp', variant, `total=${TCP_TOTAL_BYTES}`, `chunk=${TCP_CHUNK_BYTES}`]),
  );
  const engineRates = runs(results.engine, 'megabytesPerSecond');
  const rawRates = runs(results.raw, 'megabytesPerSecond');
  const ratios = engineRates.map((rate, index) => rate / rawRates[index]);
  log(`tcp: 1 GiB as ${TCP_TOTAL_BYTES / TCP_CHUNK_BYTES} sends of a reused ${TCP_CHUNK_BYTES / 1024 / 1024} MiB buffer, client and server in one process, transcript on (default limits), an onData subscriber counting bytes`);
  const engineCpu = runs(results.engine, 'cpu');
  const rawCpu = runs(results.raw, 'cpu');
  const cpuRatios = engineCpu.map((cpu, index) => rawCpu[index] / cpu);
  const transcript = results.engine[0].transcript;
  log(`tcp engine transcript after 1 GiB: ${transcript.entries} entries held (${transcript.bytes} bytes), ${transcript.evictedEntries} evicted`);
  return [
    // The median of per-round ratios: each round's engine and raw runs are neighbours in time, so
    // their ratio cancels most of the machine's drift; a ratio of medians would not.
    figure('tcp-throughput-vs-raw-net', round(median(ratios), 2), 'ratio', { goal: { min: 0.9 }, runs: ratios.map((ratio) => round(ratio, 2)) }),
    figure('tcp-throughput-engine', Math.round(median(engineRates)), 'MB/s', { runs: engineRates.map(Math.round) }),
    figure('tcp-throughput-raw-net', Math.round(median(rawRates)), 'MB/s', { runs: rawRates.map(Math.round) }),
    // CPU time (user + system) for the GiB, raw over engine: 1.0 means the engine costs no more CPU
    // than raw net. Far steadier than wall-clock rates when other processes share the 2 cores.
    figure('tcp-cpu-vs-raw-net', round(median(cpuRatios), 2), 'ratio', { runs: cpuRatios.map((ratio) => round(ratio, 2)) }),
    figure('tcp-cpu-engine', Math.round(median(engineCpu)), 'ms/GiB', { runs: engineCpu.map(Math.round) }),
    figure('tcp-cpu-raw-net', Math.round(median(rawCpu)), 'ms/GiB', { runs: rawCpu.map(Math.round) }),
  ];
}

export async function udpDatagrams({ repeat, log }) {
  const results = await interleave(['raw', 'engine'], repeat, (variant) =>
    runNode(trialScript, ['udp', variant, `size=${UDP_DATAGRAM_BYTES}`, `duration=${UDP_DURATION_MS}`, `window=${UDP_WINDOW}`]),
  );
  const engineRates = runs(results.engine, 'datagramsPerSecond');
  const rawRates = runs(results.raw, 'datagramsPerSecond');
  const udpRatios = engineRates.map((rate, index) => rate / rawRates[index]);
  const drops = results.engine.map((result) => result.sent - result.received);
  const rawDrops = results.raw.map((result) => result.sent - result.received);
  log(`udp: ${UDP_DATAGRAM_BYTES}-byte datagrams for ${UDP_DURATION_MS} ms, ${UDP_WINDOW} sends in flight, sender and receiver in one process; drops = sent - received after the receiver goes quiet`);
  log(`udp sent per run: engine ${runs(results.engine, 'sent').join(' ')}; raw ${runs(results.raw, 'sent').join(' ')}; raw drops ${rawDrops.join(' ')}`);
  const udpCpu = runs(results.engine, 'cpuMicrosecondsPerDatagram');
  const rawUdpCpu = runs(results.raw, 'cpuMicrosecondsPerDatagram');
  const udpCpuRatios = udpCpu.map((cpu, index) => rawUdpCpu[index] / cpu);
  return [
    figure('udp-datagrams-per-s', Math.round(median(engineRates)), 'datagrams/s', { runs: engineRates.map(Math.round) }),
    figure('udp-datagrams-raw-dgram-per-s', Math.round(median(rawRates)), 'datagrams/s', { runs: rawRates.map(Math.round) }),
    figure('udp-datagrams-vs-raw-dgram', round(median(udpRatios), 2), 'ratio', { goal: { min: 0.95 }, runs: udpRatios.map((ratio) => round(ratio, 2)) }),
    // CPU time (user + system) per datagram, raw over engine: steadier than rates on a shared machine.
    figure('udp-cpu-vs-raw-dgram', round(median(udpCpuRatios), 2), 'ratio', { runs: udpCpuRatios.map((ratio) => round(ratio, 2)) }),
    figure('udp-cpu-per-datagram-us', round(median(udpCpu), 2), 'us', { runs: udpCpu.map((cpu) => round(cpu, 2)) }),
    figure('udp-cpu-raw-dgram-per-datagram-us', round(median(rawUdpCpu), 2), 'us', { runs: rawUdpCpu.map((cpu) => round(cpu, 2)) }),
    // The worst run: a drop anywhere matters more than a typical run without one.
    figure('udp-drops', Math.max(...drops), 'datagrams', { goal: { max: 0 }, runs: drops }),
  ];
}

export async function tcpAccept10k({ repeat, log }) {
  // The server and the clients are separate processes, so each needs ACCEPT_FILES descriptors (one
  // process holding both ends would need twice as many, more than the usual hard limit of 20,000).
  const limits = fileLimits();
  if (limits.hard < ACCEPT_FILES) {
    throw new Error(`the hard file-descriptor limit is ${limits.hard}; the accept benchmark needs ${ACCEPT_FILES} per process`);
  }
  const fileLimit = limits.soft >= ACCEPT_FILES ? undefined : Math.min(limits.hard, 2 * ACCEPT_FILES);
  log(`accept: ulimit -n is ${limits.soft} (hard ${limits.hard})${fileLimit === undefined ? '' : `; trials run with ulimit -n ${fileLimit}`}`);
  const results = await interleave(['raw', 'engine'], repeat, (variant) =>
    runNode(trialScript, ['accept', variant, `count=${ACCEPT_CONNECTIONS}`, `window=${ACCEPT_WINDOW}`], {
      nodeOptions: ['--expose-gc'],
      timeoutMs: 90_000,
      fileLimit,
    }),
  );
  const engineTimes = runs(results.engine, 'milliseconds');
  const rawTimes = runs(results.raw, 'milliseconds');
  const acceptRatios = engineTimes.map((time, index) => rawTimes[index] / time);
  const acceptCpuRatios = runs(results.raw, 'cpu').map((cpu, index) => cpu / results.engine[index].cpu);
  const heap = runs(results.engine, 'heapPerConnection');
  const rawHeap = runs(results.raw, 'heapPerConnection');
  log(`accept: ${ACCEPT_CONNECTIONS} connections from a raw-net client process (${ACCEPT_WINDOW} connecting at once), timed until the server has accepted them all; heap after full GC`);
  log(`accept rss per connection (bytes): engine ${runs(results.engine, 'rssPerConnection').map(Math.round).join(' ')}; raw ${runs(results.raw, 'rssPerConnection').map(Math.round).join(' ')}`);
  return [
    figure('tcp-accept-10k-connections-ms', Math.round(median(engineTimes)), 'ms', { runs: engineTimes.map(Math.round) }),
    figure('tcp-accept-10k-raw-net-ms', Math.round(median(rawTimes)), 'ms', { runs: rawTimes.map(Math.round) }),
    // Speed relative to raw, like the throughput ratio: 1.0 is as fast as raw net, 0.5 twice as slow.
    figure('tcp-accept-10k-vs-raw-net', round(median(acceptRatios), 2), 'ratio', { goal: { min: 0.85 }, runs: acceptRatios.map((ratio) => round(ratio, 2)) }),
    // CPU time of this process while accepting, raw over engine (the client process is not counted).
    figure('tcp-accept-10k-cpu-vs-raw-net', round(median(acceptCpuRatios), 2), 'ratio', { runs: acceptCpuRatios.map((ratio) => round(ratio, 2)) }),
    figure('tcp-accept-10k-heap-per-connection', Math.round(median(heap)), 'bytes', { goal: { max: 1500 }, runs: heap.map(Math.round) }),
    figure('tcp-accept-10k-raw-net-heap-per-connection', Math.round(median(rawHeap)), 'bytes', { runs: rawHeap.map(Math.round) }),
  ];
}

const MEMORY_CONNECTIONS = 40;
const MEMORY_MEBIBYTES = 20;

export async function transcriptMemory({ repeat, log }) {
  const results = [];
  for (let run = 0; run < Math.min(repeat, 3); run++) {
    results.push(await runNode(trialScript, ['memory', 'engine', `connections=${MEMORY_CONNECTIONS}`, `mebibytes=${MEMORY_MEBIBYTES}`], { nodeOptions: ['--expose-gc'], timeoutMs: 150_000 }));
  }
  const external = runs(results, 'externalMegabytes');
  const budget = results[0].budgetMegabytes;
  log(`transcript memory: ${MEMORY_CONNECTIONS} connections x ${MEMORY_MEBIBYTES} MiB from another process to one tcp-listen server (default limits: a ${budget} MiB server budget), external memory growth after full GC`);
  log(`transcript memory per run: held ${runs(results, 'heldMegabytes').map((value) => round(value, 1)).join(' ')} MiB; array buffers ${runs(results, 'arrayBuffersMegabytes').map((value) => round(value, 1)).join(' ')} MiB; dropped ${runs(results, 'droppedEntries').join(' ')} entries; ${runs(results, 'milliseconds').map(Math.round).join(' ')} ms`);
  return [
    // MiB: the issue's bound is the server budget plus 10 %.
    figure('transcript-memory-40x20mib-mb', round(median(external), 1), 'MiB', { goal: { max: round(budget * 1.1, 1) }, runs: external.map((value) => round(value, 1)) }),
  ];
}

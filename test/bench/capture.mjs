// Capture benchmarks: TCP throughput with a pcapng recording on, against the same transfer without
// one in the same run (fresh process per trial, alternating), and the time to export 1,000,000
// transcript entries as pcapng.
import path from 'node:path';
import { benchDirectory, figure, interleave, median, runNode } from './harness.mjs';

const trialScript = path.join(benchDirectory, 'capture-trial.mjs');
const RECORD_TOTAL_BYTES = 1024 ** 3;
const RECORD_CHUNK_BYTES = 16 * 1024 * 1024;
const EXPORT_ENTRIES = 1_000_000;
const EXPORT_ENTRY_BYTES = 100;

const round = (value, digits) => Number(value.toFixed(digits));

// The recorded figure is bounded by the temporary folder, not by loopback: on the 2-core VM of
// 2026-12-03 a bare write stream put 1 GiB into a fresh ext4 file at 230-590 MB/s (dd bs=1M: 410-510;
// up to 5 GB/s when the pages of a file deleted a moment before are reused), while the recording's
// writer was busy 97-99% of its run. `capture-trial.mjs record disk` measures the disk alone.
export async function recordThroughput({ repeat, log }) {
  // At most 3 rounds: 6 GiB through loopback and disk fit the runner's time limit on 2 shared cores.
  const results = await interleave(['plain', 'recorded'], Math.min(repeat, 3), (variant) =>
    runNode(trialScript, ['record', variant, `total=${RECORD_TOTAL_BYTES}`, `chunk=${RECORD_CHUNK_BYTES}`], { timeoutMs: 150_000 }),
  );
  const recorded = results.recorded.map((result) => result.megabytesPerSecond);
  const plain = results.plain.map((result) => result.megabytesPerSecond);
  const ratios = recorded.map((rate, index) => rate / plain[index]);
  log(`record: 1 GiB client to server in one process, the server recorded to pcapng in the temporary folder (time includes closing the file); files ${results.recorded.map((result) => Math.round(result.fileBytes / 2 ** 20)).join(' ')} MiB, lost entries ${results.recorded.map((result) => result.lostEntries).join(' ')}`);
  return [
    figure('record-throughput-vs-unrecorded', round(median(ratios), 2), 'ratio', { goal: { min: 0.7 }, runs: ratios.map((ratio) => round(ratio, 2)) }),
    figure('record-throughput-recorded', Math.round(median(recorded)), 'MB/s', { runs: recorded.map(Math.round) }),
    figure('record-throughput-unrecorded', Math.round(median(plain)), 'MB/s', { runs: plain.map(Math.round) }),
  ];
}

export async function pcapngExport({ repeat, log }) {
  const results = [];
  for (let run = 0; run < Math.min(repeat, 3); run++) {
    results.push(await runNode(trialScript, ['export', `entries=${EXPORT_ENTRIES}`, `size=${EXPORT_ENTRY_BYTES}`], { timeoutMs: 150_000 }));
  }
  const seconds = results.map((result) => result.seconds);
  log(`pcapng export: ${EXPORT_ENTRIES} data entries of ${EXPORT_ENTRY_BYTES} bytes on one TCP connection, ${results[0].packets} packets, ${Math.round(results[0].fileBytes / 2 ** 20)} MiB`);
  return [figure('pcapng-export-1m-entries-s', round(median(seconds), 2), 's', { runs: seconds.map((value) => round(value, 2)) })];
}

const FRAMING_TOTAL_BYTES = 1024 ** 3;
const FRAMING_LINE_BYTES = 100;

export async function framingLineThroughput({ repeat, log }) {
  // At most 5 rounds: the listener's trial builds 10.7 million entry objects per GiB.
  const results = await interleave(['raw', 'line', 'line-listener'], Math.min(repeat, 5), (variant) =>
    runNode(trialScript, ['framing', variant, `total=${FRAMING_TOTAL_BYTES}`, `line=${FRAMING_LINE_BYTES}`], { timeoutMs: 160_000 }),
  );
  const line = results.line.map((result) => result.megabytesPerSecond);
  const listened = results['line-listener'].map((result) => result.megabytesPerSecond);
  const raw = results.raw.map((result) => result.megabytesPerSecond);
  const ratios = line.map((rate, index) => rate / raw[index]);
  log(
    `framing: 1 GiB of ${FRAMING_LINE_BYTES}-byte lines client to server in one process, the server's connection framed by line (${results.line[0]?.messages ?? 0} messages) or raw (${results.raw[0]?.messages ?? 0} reads), watched through its counters as the extension does; with-data-listener: an onData listener subscribed, so an entry object per message`,
  );
  return [
    figure('framing-line-throughput-vs-raw', round(median(ratios), 2), 'ratio', { goal: { min: 0.8 }, runs: ratios.map((ratio) => round(ratio, 2)) }),
    figure('framing-line-throughput', Math.round(median(line)), 'MB/s', { runs: line.map(Math.round) }),
    figure('framing-line-throughput-raw', Math.round(median(raw)), 'MB/s', { runs: raw.map(Math.round) }),
    figure('framing-line-throughput-with-data-listener', Math.round(median(listened)), 'MB/s', { runs: listened.map(Math.round) }),
  ];
}

/**
 * The payload panel benchmark's extension-host half. It only exists when the benchmark starts VS Code
 * with SOCKET_WORKBENCH_BENCH=panel (test/bench/panel.mjs); normal test runs skip it.
 *
 * A separate node process streams small UDP datagrams at a fixed rate into a socket, first with no
 * panel (the baseline), then with its payload panel open and visible in Chromium. The event-loop
 * delay of this extension host is sampled while the stream runs. At checkpoints the test prints
 * `BENCH checkpoint <name>` and waits for the benchmark to measure the webview (DOM rows, heap)
 * over the DevTools protocol, which it acknowledges with a file. Figures are printed as
 * `BENCH name: value unit`.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import type { ActivatedApi } from '../../src/extension';
import { activateApi, delay, openReadyPanel, portOf, waitFor } from './panelHelpers';

const TOTAL = Number(process.env.SOCKET_WORKBENCH_BENCH_MESSAGES ?? 1_000_000);
const BASELINE = Number(process.env.SOCKET_WORKBENCH_BENCH_BASELINE ?? 300_000);
const RATE = Number(process.env.SOCKET_WORKBENCH_BENCH_RATE ?? 30_000);
const HANDSHAKE = process.env.SOCKET_WORKBENCH_BENCH_DIR ?? '';
const CHECKPOINT = 100_000;

/** Sends `total` datagrams of ~30 bytes to the port at `rate` per second, in 5 ms batches. */
const SENDER = `
const dgram = require('node:dgram');
const [port, total, rate] = process.argv.slice(1).map(Number);
const socket = dgram.createSocket('udp4');
const perTick = Math.max(1, Math.round(rate / 200));
let sent = 0;
const started = Date.now();
const timer = setInterval(() => {
  const due = Math.min(total, Math.round((Date.now() - started) * rate / 1000) + perTick);
  for (; sent < due; sent++) socket.send(Buffer.from('message ' + String(sent).padStart(8, '0') + ' abcdefghij'), port, '127.0.0.1');
  if (sent >= total) { clearInterval(timer); socket.close(() => { console.log('DONE ' + sent); process.exit(0); }); }
}, 5);
process.stdin.on('data', () => { clearInterval(timer); socket.close(() => { console.log('STOPPED ' + sent); process.exit(0); }); });
`;

interface StreamResult {
  /** CPU time of this extension host (user + system) per 100,000 messages received, in ms. */
  readonly cpuPer100k: number;
  /** Event-loop utilization over the stream (0..1). */
  readonly utilization: number;
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
  readonly received: number;
  readonly seconds: number;
}

function say(line: string): void {
  console.log(`BENCH ${line}`);
}

async function checkpoint(name: string): Promise<void> {
  say(`checkpoint ${name}`);
  const ack = path.join(HANDSHAKE, `ack-${name}`);
  await waitFor(`the benchmark to measure at ${name}`, () => fs.existsSync(ack), 60_000);
}

/**
 * Streams datagrams into `socketId` until it has received `total` of them, sampling this extension
 * host's event-loop delay. UDP may drop a few when the machine is busy, so the sender may send more.
 */
async function stream(api: ActivatedApi, socketId: string, total: number, checkpoints: boolean): Promise<StreamResult> {
  const before = api.get(socketId)?.stats.messagesIn ?? 0;
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  const sender = spawn(process.execPath, ['-e', SENDER, String(portOf(api, socketId)), String(Math.ceil(total * 1.5)), String(RATE)], { stdio: ['pipe', 'pipe', 'inherit'] });
  let output = '';
  sender.stdout.setEncoding('utf8');
  sender.stdout.on('data', (text: string) => (output += text));
  const started = Date.now();
  const cpuBefore = process.cpuUsage();
  const loopBefore = performance.eventLoopUtilization();
  histogram.enable();
  let reported = false;
  try {
    let last = -1;
    let quietSince = Date.now();
    const deadline = Date.now() + (total / RATE) * 1000 * 3 + 30_000;
    for (;;) {
      await delay(100);
      const received = (api.get(socketId)?.stats.messagesIn ?? 0) - before;
      if (checkpoints && !reported && received >= CHECKPOINT) {
        reported = true;
        // Sampled while the stream keeps running: the figure is for a busy socket.
        checkpoint(String(CHECKPOINT)).catch(() => undefined);
      }
      if (received !== last) {
        last = received;
        quietSince = Date.now();
      }
      const done = /^DONE \d+$/m.test(output);
      if (received >= total || (done && Date.now() - quietSince > 500) || Date.now() > deadline) {
        break;
      }
    }
  } finally {
    histogram.disable();
    if (sender.exitCode === null) {
      const exited = new Promise((resolve) => sender.once('exit', resolve));
      sender.stdin.write('stop\n');
      await Promise.race([exited, delay(2000)]);
      sender.kill();
    }
  }
  const seconds = (Date.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  const utilization = performance.eventLoopUtilization(loopBefore).utilization;
  const sent = /^(?:DONE|STOPPED) (\d+)$/m.exec(output);
  if (sent !== null) {
    say(`# sender: ${sent[1]} datagrams sent for ${total} received`);
  }
  const received = (api.get(socketId)?.stats.messagesIn ?? 0) - before;
  return {
    cpuPer100k: ((cpu.user + cpu.system) / 1000) / Math.max(1, received / 100_000),
    utilization,
    p50: histogram.percentile(50) / 1e6,
    p99: histogram.percentile(99) / 1e6,
    max: histogram.max / 1e6,
    received,
    seconds,
  };
}

if (process.env.SOCKET_WORKBENCH_BENCH === 'panel') {
  describe('panel bench', function () {
    this.timeout(600_000);

    it('streams datagrams into a socket without and with its panel visible', async () => {
      const api = await activateApi();
      const limits = api.testing.services.settings().transcriptLimits;
      say(`# transcript limits: ${limits.maxEntries} entries, ${limits.maxBytes} bytes; sender rate ${RATE}/s`);

      const summary = (what: string, result: StreamResult): string =>
        `${what}: ${result.received} received in ${result.seconds.toFixed(1)} s; lag p50 ${result.p50.toFixed(1)} ms, p99 ${result.p99.toFixed(1)} ms, max ${result.max.toFixed(1)} ms; ` +
        `CPU ${result.cpuPer100k.toFixed(0)} ms per 100k messages, event loop ${(result.utilization * 100).toFixed(0)}% busy`;
      // The baseline runs before and after, so drift on a shared machine shows instead of biasing.
      const baseline = async (): Promise<StreamResult> => {
        const plain = (await api.open('udp-listen://127.0.0.1:0')).id;
        const result = await stream(api, plain, BASELINE, false);
        await api.testing.services.engine.remove(plain);
        return result;
      };
      const before = await baseline();
      say(`# ${summary('baseline before (no panel)', before)}`);

      const watched = (await api.open('udp-listen://127.0.0.1:0')).id;
      const panel = await openReadyPanel(api, watched);
      await waitFor('the panel to be visible', () => panel.visible);
      const result = await stream(api, watched, TOTAL, true);
      await checkpoint('final');
      const counts = [...panel.recorded.postedCounts.entries()].map(([type, count]) => `${type} ${count}`).join(', ');
      say(`# ${summary('with the panel visible', result)}; messages to the webview: ${counts}`);
      panel.dispose();
      await api.testing.services.engine.remove(watched);

      const after = await baseline();
      say(`# ${summary('baseline after (no panel)', after)}`);
      say(`panel-lag-p99-ms: ${result.p99.toFixed(1)} ms`);
      say(`panel-lag-p99-no-panel-ms: ${((before.p99 + after.p99) / 2).toFixed(1)} ms`);
      say(`panel-cpu-per-100k-ms: ${result.cpuPer100k.toFixed(0)} ms`);
      say(`panel-cpu-per-100k-no-panel-ms: ${((before.cpuPer100k + after.cpuPer100k) / 2).toFixed(0)} ms`);
      say(`panel-messages-received: ${result.received} messages`);
      say(`panel-traffic-updates-per-s: ${((panel.recorded.postedCounts.get('traffic') ?? 0) / result.seconds).toFixed(1)} messages/s`);
    });
  });
}

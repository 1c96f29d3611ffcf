// Payload panel benchmark: a real VS Code (code-server) in Chromium, the extension's own test host
// running test/extension/panel.bench.test.ts (enabled by SOCKET_WORKBENCH_BENCH=panel). That half
// streams 1,000,000 small UDP datagrams into a socket whose panel is open and visible, samples the
// extension host's event-loop delay, and prints `BENCH ...` lines. This half reads those lines and,
// at the checkpoints (100k messages, and the end), measures the webview over the DevTools protocol:
// how many traffic rows are in its DOM, and the JS heap after a garbage collection.
//
// Needs `npm run build` and `npm run compile-tests` (npm run bench does both) and the VS Code OSS
// install that the UI tests use (test/runner/install.mjs installs it on first use).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import util from 'node:util';
import { figure } from './harness.mjs';
import { ensureInstalled } from '../runner/install.mjs';
import { REPO, openVSCode, remoteUri } from '../runner/vscode.mjs';

const TESTS_MODULE = path.join(REPO, 'out/test/extension/index.js');
const MESSAGES = 1_000_000;
const RUN_TIMEOUT_MS = 160_000;
const MB = 1024 * 1024;

/** The webview's inner frame (the one holding the traffic list), if it is there. */
async function panelFrame(page) {
  for (const frame of page.frames()) {
    const found = await frame.evaluate(() => document.getElementById('traffic-list') !== null).catch(() => false);
    if (found) {
      return frame;
    }
  }
  return undefined;
}

/** DOM rows and JS heap of the webview, read over CDP after a garbage collection. */
async function measureWebview(page, log) {
  const frame = await panelFrame(page);
  if (frame === undefined) {
    throw new Error('the payload panel webview was not found among the page frames');
  }
  const dom = await frame.evaluate(() => ({
    rows: document.querySelectorAll('#traffic-list .row').length,
    nodes: document.getElementsByTagName('*').length,
  }));
  // A webview frame gets its own CDP session only when it runs out of process; in code-server it is
  // same-site with the workbench, so the heap is the renderer's (workbench and webviews together).
  let session;
  let scope = 'webview target';
  try {
    session = await page.context().newCDPSession(frame);
  } catch {
    session = await page.context().newCDPSession(page);
    scope = 'renderer (workbench + webviews, one isolate)';
  }
  try {
    await session.send('HeapProfiler.enable');
    await session.send('HeapProfiler.collectGarbage');
    const heap = await session.send('Runtime.getHeapUsage');
    const counters = await session.send('Memory.getDOMCounters').catch(() => undefined);
    log(`webview: ${dom.rows} rows, ${dom.nodes} elements in its document; heap ${(heap.usedSize / MB).toFixed(1)} MB used of ${(heap.totalSize / MB).toFixed(1)} MB (${scope})${counters ? `; renderer DOM: ${counters.nodes} nodes, ${counters.documents} documents, ${counters.jsEventListeners} listeners` : ''}`);
    return { rows: dom.rows, nodes: dom.nodes, heapMb: heap.usedSize / MB, scope };
  } finally {
    await session.detach().catch(() => undefined);
  }
}

export async function panelStream({ log }) {
  await ensureInstalled();
  const handshake = fs.mkdtempSync(path.join(os.tmpdir(), 'socket-workbench-panel-bench-'));
  const figures = new Map();
  const measured = new Map();
  let exitCode;
  let failure;
  let pending = Promise.resolve();
  let session;
  const onLine = (line) => {
    const match = /^BENCH (.*)$/.exec(line.trim());
    if (!match) {
      return;
    }
    const body = match[1];
    if (body.startsWith('# ')) {
      log(body.slice(2));
      return;
    }
    const checkpoint = /^checkpoint (\S+)$/.exec(body);
    if (checkpoint) {
      const name = checkpoint[1];
      // Measured in order, one at a time; the test waits for the acknowledgement file.
      pending = pending.then(async () => {
        try {
          measured.set(name, await measureWebview(session.page, log));
        } catch (error) {
          failure = error;
        } finally {
          fs.writeFileSync(path.join(handshake, `ack-${name}`), 'ok');
        }
      });
      return;
    }
    const value = /^([a-z0-9-]+): (\S+) (.+)$/.exec(body);
    if (value) {
      figures.set(value[1], { value: Number(value[2]), unit: value[3] });
    }
  };
  let settle;
  const finished = new Promise((resolve) => (settle = resolve));
  try {
    session = await openVSCode({
      smokeDriver: true,
      env: {
        SOCKET_WORKBENCH_LOCALE: 'en',
        SOCKET_WORKBENCH_TEST_GREP: '^panel bench',
        SOCKET_WORKBENCH_BENCH: 'panel',
        SOCKET_WORKBENCH_BENCH_DIR: handshake,
        SOCKET_WORKBENCH_BENCH_MESSAGES: String(MESSAGES),
      },
      payload: (server) => [
        ['extensionDevelopmentPath', remoteUri(server, REPO)],
        ['extensionTestsPath', remoteUri(server, TESTS_MODULE)],
      ],
      expose: {
        codeAutomationLog(_level, args) {
          const text = util.format(...(Array.isArray(args) ? args : [args]));
          for (const line of text.split('\n')) {
            onLine(line);
          }
          if (/\d+ failing/.test(text) || /AssertionError|Error: /.test(text)) {
            log(`extension host: ${text.split('\n').slice(0, 6).join(' | ')}`);
          }
        },
        codeAutomationExit(code) {
          exitCode = code;
          settle();
        },
      },
    });
    const timer = setTimeout(() => settle(), RUN_TIMEOUT_MS);
    await finished;
    clearTimeout(timer);
    await pending;
  } finally {
    await session?.close();
    fs.rmSync(handshake, { recursive: true, force: true });
  }
  if (failure !== undefined) {
    throw failure;
  }
  // Out of time on a slow machine: what was measured so far, marked incomplete, not a failure.
  const timedOut = exitCode === undefined;
  if (!timedOut && exitCode !== 0) {
    throw new Error('the extension-host half failed');
  }
  const incomplete = timedOut ? `the extension-host half did not finish within ${RUN_TIMEOUT_MS / 1000} s` : undefined;
  const lag = figures.get('panel-lag-p99-ms');
  const early = measured.get(String(100_000));
  const late = measured.get('final');
  if (!timedOut && (lag === undefined || early === undefined || late === undefined)) {
    throw new Error(`missing measurements: lag ${lag !== undefined}, 100k ${early !== undefined}, final ${late !== undefined}`);
  }
  const round = (value) => Number(value.toFixed(1));
  const mark = { incomplete };
  const result = [];
  if (lag !== undefined) {
    result.push(figure('panel-lag-p99-ms', lag.value, 'ms', { goal: { max: 50 }, ...mark }));
  }
  if (late !== undefined) {
    log(`heap scope: ${late.scope}; heap at the end ${late.heapMb.toFixed(1)} MB`);
    result.push(figure('panel-dom-rows', late.rows, 'rows', { goal: { max: 200 }, ...mark }), figure('panel-heap-mb', round(late.heapMb), 'MB', mark));
  }
  if (early !== undefined) {
    result.push(figure('panel-heap-100k-mb', round(early.heapMb), 'MB', mark));
  }
  if (early !== undefined && late !== undefined) {
    // Bounded means the end is not meaningfully above the 100k point.
    result.push(figure('panel-heap-growth-100k-to-1m', Number((late.heapMb / early.heapMb).toFixed(2)), 'ratio', { goal: { max: 1.25 }, ...mark }));
  }
  if (timedOut && result.length === 0) {
    log(`${incomplete}; nothing was measured`);
  }
  for (const name of ['panel-lag-p99-no-panel-ms', 'panel-cpu-per-100k-ms', 'panel-cpu-per-100k-no-panel-ms', 'panel-messages-received', 'panel-traffic-updates-per-s']) {
    const extra = figures.get(name);
    if (extra !== undefined) {
      result.push(figure(name, extra.value, extra.unit, name === 'panel-traffic-updates-per-s' ? { goal: { max: 30 }, ...mark } : mark));
    }
  }
  return result;
}

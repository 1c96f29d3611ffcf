// wire-editor-run-overhead: the editor run of the 10,000 round-trip ping-pong (wire.mjs's file)
// against the CLI run of the same file, in the same bench run. It runs INSIDE a real VS Code
// extension host: this module starts an echo server on 127.0.0.1, writes the ping-pong file for
// its port and starts the extension tests with SOCKET_WORKBENCH_BENCH=wire-editor, which enables
// test/extension/wire.bench.test.ts. That suite alternates `socketWorkbench.runWire(uri)` (file
// shown in an editor: decorations, Testing view, status bar) with `node dist/cli.js run` of the
// same file, and prints the figures. Ratio = CLI time / editor time (higher is better).
//
// Needs `npm run build` and `npm run compile-tests` (npm run bench does both).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pickAll, runInExtensionHost } from './extension-host.mjs';
import { echoServer, pingPongWire } from './ping-pong.mjs';

const ROUND_TRIPS = 10_000;
const RUN_TIMEOUT_MS = 165_000;
/** Time kept back for VS Code to shut down and the figures to be printed after the last round. */
const SHUTDOWN_MS = 25_000;

export async function wireEditorRunOverhead({ repeat, log }) {
  const server = await echoServer();
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'socket-workbench-wire-editor-bench-'));
  try {
    const file = path.join(folder, 'ping-pong.wire');
    fs.writeFileSync(file, pingPongWire(ROUND_TRIPS, server.address().port));
    const figures = await runInExtensionHost('^wire editor bench', log, {
      bench: 'wire-editor',
      timeoutMs: RUN_TIMEOUT_MS,
      env: {
        SOCKET_WORKBENCH_BENCH_WIRE_FILE: file,
        SOCKET_WORKBENCH_BENCH_NODE: process.execPath,
        SOCKET_WORKBENCH_BENCH_ROUNDS: repeat,
        SOCKET_WORKBENCH_BENCH_DEADLINE: Date.now() + RUN_TIMEOUT_MS - SHUTDOWN_MS,
      },
    });
    const rounds = figures.get('wire-editor-run-overhead-rounds')?.value;
    const short = rounds !== undefined && rounds < repeat ? `${rounds} of ${repeat} runs within ${(RUN_TIMEOUT_MS - SHUTDOWN_MS) / 1000} s` : undefined;
    return pickAll(figures, [
      ['wire-editor-run-overhead', { goal: { min: 0.8 } }],
      ['wire-editor-run-overhead-sections', {}],
      ['wire-editor-run-overhead-editor-ms', {}],
      ['wire-editor-run-overhead-cli-ms', {}],
      ['wire-editor-run-overhead-batches', {}],
    ], figures.timedOut ?? short);
  } finally {
    server.close();
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

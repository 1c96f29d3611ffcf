/**
 * The wire-editor-run-overhead benchmark's extension-host half. It only exists when the benchmark
 * starts the extension tests with SOCKET_WORKBENCH_BENCH=wire-editor (test/bench/wire-editor.mjs);
 * normal runs skip it. Figures are printed as `BENCH name: value unit`, notes as `BENCH # text`.
 *
 * The bench writes the ping-pong file (10,000 send/expect round trips against its echo server on
 * 127.0.0.1) and names it in SOCKET_WORKBENCH_BENCH_WIRE_FILE; this suite copies it into the
 * workspace, shows it in an editor (so the live results decorate it and the Testing view lists
 * it) and alternates, round by round (A B, B A, ...), `socketWorkbench.runWire(uri)` with
 * `node dist/cli.js run` of the same file, timing each from the caller's side.
 */
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { FileResult } from '../../src/wire';
import { activate } from './commandsHelpers';

const ROUNDS = Number(process.env.SOCKET_WORKBENCH_BENCH_ROUNDS ?? 5);
/** Wall-clock time (epoch ms) after which no new round starts (the bench's budget). */
const DEADLINE = Number(process.env.SOCKET_WORKBENCH_BENCH_DEADLINE ?? Number.POSITIVE_INFINITY);
const NODE = process.env.SOCKET_WORKBENCH_BENCH_NODE ?? process.execPath;
const REPOSITORY = path.resolve(__dirname, '../../..');
const CLI_TIMEOUT_MS = 120_000;

function say(line: string): void {
  console.log(`BENCH ${line}`);
}

interface Trial {
  /** From the caller's side: command → result, or spawn → exit. */
  readonly wallMs: number;
  /** The section's own duration as the runner reports it. */
  readonly sectionMs: number;
}

interface EditorTrial extends Trial {
  readonly steps: number;
  /** Batches handed to the observers (decorations, Testing view, status bar) during the run. */
  readonly batches: number;
  readonly events: number;
}

/** `node dist/cli.js run file` (the spec reporter, as a user runs it); its section time from the report. */
function runCli(file: string): Promise<Trial> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(NODE, [path.join(REPOSITORY, 'dist', 'cli.js'), 'run', file], { cwd: path.dirname(file), stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => (stdout += chunk));
    child.stderr.on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), CLI_TIMEOUT_MS);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const wallMs = performance.now() - started;
      const section = /^ {2}✓ ping-pong \(([\d.]+) ms\)$/m.exec(stdout);
      if (code !== 0 || section === null) {
        reject(new Error(`the CLI exited with ${String(code ?? signal)}: ${stderr.trim()} ${stdout.trim().split('\n').slice(-3).join(' ')}`));
        return;
      }
      resolve({ wallMs, sectionMs: Number(section[1]) });
    });
  });
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((left, right) => left - right);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

const list = (values: readonly number[], digits = 0): string => values.map((value) => value.toFixed(digits)).join(' ');

if (process.env.SOCKET_WORKBENCH_BENCH === 'wire-editor') {
  describe('wire editor bench', function () {
    this.timeout(600_000);

    after(async () => {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    });

    it('runs the 10,000 round-trip ping-pong in the editor and with the CLI, alternating', async () => {
      const api = await activate();
      const source = process.env.SOCKET_WORKBENCH_BENCH_WIRE_FILE;
      assert.ok(source !== undefined && fs.existsSync(source), 'SOCKET_WORKBENCH_BENCH_WIRE_FILE names no file');
      const folder = vscode.workspace.workspaceFolders?.[0];
      assert.ok(folder, 'no workspace folder');
      const file = path.join(folder.uri.fsPath, 'ping-pong.wire');
      fs.copyFileSync(source, file);
      const uri = vscode.Uri.file(file);
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));

      let batches = 0;
      let events = 0;
      const counting = api.testing.wire.runs.observe(() => ({
        events: (batch) => {
          batches++;
          events += batch.length;
        },
        end: () => undefined,
      }));
      const runEditor = async (): Promise<EditorTrial> => {
        batches = 0;
        events = 0;
        const started = performance.now();
        const result = await vscode.commands.executeCommand<FileResult | undefined>('socketWorkbench.runWire', uri);
        const wallMs = performance.now() - started;
        const section = result?.sections[0];
        if (result?.outcome !== 'passed' || section === undefined) {
          throw new Error(`the editor run did not pass: ${JSON.stringify(result?.sections.map((entry) => [entry.outcome, entry.message]))}`);
        }
        return { wallMs, sectionMs: section.durationMs, steps: section.executedSteps, batches, events };
      };
      try {
        // One of each warms up the JIT, the file cache and the Testing item; then the timed rounds.
        const warmEditor = await runEditor();
        await runCli(file);
        const editor: EditorTrial[] = [];
        const cli: Trial[] = [];
        for (let round = 0; round < ROUNDS; round++) {
          if (round > 0 && Date.now() > DEADLINE) {
            break;
          }
          if (round % 2 === 0) {
            editor.push(await runEditor());
            cli.push(await runCli(file));
          } else {
            cli.push(await runCli(file));
            editor.push(await runEditor());
          }
        }
        const results = api.testing.wire.results;
        assert.match(results.label(uri, 3) ?? '', /^✓ 10000× /, 'the send line is decorated with its count');
        const wallRatios = editor.map((trial, index) => cli[index].wallMs / trial.wallMs);
        const sectionRatios = editor.map((trial, index) => cli[index].sectionMs / trial.sectionMs);
        say(`# ${warmEditor.steps} steps per run (10,000 round trips: send "ping\\n", expect exactly "ping\\n") against a net echo server in the bench process; the editor run on the extension's engine with the file shown, the CLI a fresh \`node dist/cli.js run\` (spec reporter) of the same workspace file`);
        say(`# editor runs: ${list(editor.map((trial) => trial.wallMs))} ms (sections ${list(editor.map((trial) => trial.sectionMs))} ms); observer batches per run ${list(editor.map((trial) => trial.batches))} for ${list(editor.map((trial) => trial.events))} events`);
        say(`# CLI runs: ${list(cli.map((trial) => trial.wallMs))} ms (sections ${list(cli.map((trial) => trial.sectionMs))} ms)`);
        say(`# CLI over editor per round: ${list(wallRatios, 2)}; sections only: ${list(sectionRatios, 2)}`);
        say(`wire-editor-run-overhead: ${median(wallRatios).toFixed(2)} ratio`);
        say(`wire-editor-run-overhead-sections: ${median(sectionRatios).toFixed(2)} ratio`);
        say(`wire-editor-run-overhead-editor-ms: ${median(editor.map((trial) => trial.wallMs)).toFixed(0)} ms`);
        say(`wire-editor-run-overhead-cli-ms: ${median(cli.map((trial) => trial.wallMs)).toFixed(0)} ms`);
        say(`wire-editor-run-overhead-batches: ${median(editor.map((trial) => trial.batches)).toFixed(0)} batches/run`);
        say(`wire-editor-run-overhead-rounds: ${editor.length} rounds`);
      } finally {
        counting.dispose();
      }
    });
  });
}

/**
 * The wire runner's entry points: run a parsed file's sections in order (each independent, the next
 * runs after one fails), or serve one section as a mock server until stopped. Without an engine
 * from the caller, a private one is created and disposed at the end, so nothing outlives the run.
 */
import { performance } from 'node:perf_hooks';
import * as path from 'node:path';
import { SocketEngine } from '../engine/index';
import { WireError, type WireErrorData } from './errors';
import type { FileResult, Outcome, RunEvent, SectionResult } from './results';
import { DEFAULT_EXPECT_TIMEOUT_MS, DEFAULT_MAX_STEP_RESULTS, SectionRun } from './section';
import type { Section, WireFile } from './syntax';

export interface RunOptions {
  /** The engine to open sockets with; default: a private engine, disposed when the run ends. */
  readonly engine?: SocketEngine;
  /** `--var k=v`: wins over the file's and the sections' `@k = …`. */
  readonly variables?: Readonly<Record<string, string>>;
  /** Defaults (the editor's settings): the file's and the sections' `@k = …` win over them. */
  readonly defaults?: Readonly<Record<string, string>>;
  /** `--timeout`: the expect timeout when neither `@timeout` nor `within` says one (default 5 s). */
  readonly defaultTimeoutMs?: number;
  /** Run only the sections with these names. */
  readonly sections?: readonly string[];
  readonly signal?: AbortSignal;
  /** Progress, per section and per step, in order. Keep it cheap: it runs on every step. */
  readonly onEvent?: (event: RunEvent) => void;
  /** For `{{env:NAME}}`; default process.env. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Where `file PATH` payloads are read from; default: the working directory. */
  readonly baseDirectory?: string;
  /**
   * The engine name of each socket a section opens (what the editor's Sockets view shows); default:
   * the step's `as NAME`, or none.
   */
  readonly socketName?: (section: string, name: string | undefined) => string | undefined;
  /** Step results kept per section before passed ones are only counted (default 10,000). */
  readonly maxStepResults?: number;
}

/**
 * The private engine of a run: whole chunks are captured, so no received byte is beyond matching;
 * few entries are kept, since nobody reads these transcripts but the runner, as data arrives.
 */
export function createRunnerEngine(): SocketEngine {
  return new SocketEngine({ transcriptLimits: { captureBytes: 16 * 1024 * 1024, maxBytes: 64 * 1024 * 1024, maxEntries: 1024 } });
}

function sectionOptions(file: WireFile, section: Section, engine: SocketEngine, options: RunOptions, serve: boolean) {
  return {
    engine,
    file,
    section,
    overrides: options.variables ?? {},
    defaults: options.defaults ?? {},
    env: options.env ?? process.env,
    baseDirectory: options.baseDirectory ?? process.cwd(),
    defaultTimeoutMs: options.defaultTimeoutMs ?? DEFAULT_EXPECT_TIMEOUT_MS,
    signal: options.signal,
    emit: options.onEvent ?? (() => undefined),
    socketName: options.socketName,
    listening: options.onEvent !== undefined,
    maxStepResults: options.maxStepResults ?? DEFAULT_MAX_STEP_RESULTS,
    serve,
  };
}

function skipped(section: Section, outcome: Outcome, message: string, facts: WireErrorData & { readonly reason: string }): SectionResult {
  return {
    name: section.name,
    line: section.line,
    outcome,
    durationMs: 0,
    socketIds: [],
    steps: [],
    omittedSteps: 0,
    executedSteps: 0,
    message,
    error: new WireError(outcome === 'cancelled' ? 'CANCELLED' : 'NOT_APPLICABLE', message, facts).toJSON(),
  };
}

/** Names in `wanted` that no section of the file has; the CLI makes them a usage error. */
export function unknownSections(file: WireFile, wanted: readonly string[]): string[] {
  return wanted.filter((name) => !file.sections.some((section) => section.name === name));
}

/**
 * Runs the sections in order. A mock-server section (only `listen` steps) would never end, so it
 * is skipped here: serve it with serveWire. Cancelling leaves no socket open.
 */
export async function runWire(file: WireFile, options: RunOptions = {}): Promise<FileResult> {
  const started = performance.now();
  const engine = options.engine ?? createRunnerEngine();
  const results: SectionResult[] = [];
  const skip = (result: SectionResult): void => {
    results.push(result);
    options.onEvent?.({ type: 'section-end', file: file.file, result });
  };
  try {
    for (const section of file.sections) {
      if (options.sections !== undefined && !options.sections.includes(section.name)) {
        continue;
      }
      if (options.signal?.aborted === true) {
        skip(skipped(section, 'cancelled', 'the run was cancelled before this section', { reason: 'cancelled', variant: 'before-section' }));
        continue;
      }
      if (section.mockServer) {
        const message = `'${section.name}' is a mock server (it only listens): run it with 'socket-workbench serve ${file.file} --section "${section.name}"'`;
        skip(skipped(section, 'skipped', message, { reason: 'mock-server', section: section.name, file: file.file }));
        continue;
      }
      results.push(await new SectionRun(sectionOptions(file, section, engine, options, false)).run());
    }
  } finally {
    if (options.engine === undefined) {
      await engine.dispose();
    }
  }
  return { file: file.file, outcome: overall(results), durationMs: performance.now() - started, sections: results };
}

/** Failed wins over cancelled wins over passed; only skipped sections (or none) give skipped. */
export function overall(results: readonly { readonly outcome: Outcome }[]): Outcome {
  if (results.some((result) => result.outcome === 'failed')) {
    return 'failed';
  }
  if (results.some((result) => result.outcome === 'cancelled')) {
    return 'cancelled';
  }
  return results.some((result) => result.outcome === 'passed') ? 'passed' : 'skipped';
}

export interface ServeOptions extends RunOptions {
  /** Stop after this long (CLI `--for 30s`); otherwise only the signal stops it. */
  readonly durationMs?: number;
}

/**
 * Runs one section and keeps its listeners answering until the signal aborts or `durationMs`
 * passes; the result is then passed (stopping is how a mock server ends) unless a step failed.
 */
export async function serveWire(file: WireFile, sectionName: string, options: ServeOptions = {}): Promise<SectionResult> {
  const section = file.sections.find((candidate) => candidate.name === sectionName);
  if (section === undefined) {
    throw new WireError('NOT_APPLICABLE', `${file.file} has no section named '${sectionName}'`, { reason: 'section-unknown', section: sectionName, file: file.file });
  }
  const stop = new AbortController();
  const onAbort = (): void => stop.abort();
  options.signal?.addEventListener('abort', onAbort, { once: true });
  if (options.signal?.aborted === true) {
    stop.abort();
  }
  const timer = options.durationMs === undefined ? undefined : setTimeout(() => stop.abort(), options.durationMs);
  const engine = options.engine ?? createRunnerEngine();
  try {
    return await new SectionRun(sectionOptions(file, section, engine, { ...options, signal: stop.signal }, true)).run();
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', onAbort);
    if (options.engine === undefined) {
      await engine.dispose();
    }
  }
}

/** The directory a file's `file PATH` payloads are relative to. */
export function baseDirectoryOf(filePath: string): string {
  return path.dirname(path.resolve(filePath));
}

/**
 * `socket-workbench`: runs wire files for people and for CI. Everything it prints goes through
 * `io`, so tests can call it in-process; the report goes to stdout (or --output), diagnostics to
 * stderr. Exit codes: 0 all passed, 1 a section failed, 2 usage or parse errors (never 0 then).
 * Its own words are English or Turkish (cliText.ts): `--locale`, else LC_ALL, LC_MESSAGES, LANG.
 */
import * as fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import { parseArguments, takeLocale, UsageError, type Command } from './cliArgs';
import { record } from './cliRecord';
import { cliText, localeFromEnvironment, type CliText } from './cliText';
import type { WireErrorInfo } from './errors';
import { formatJunit } from './junit';
import { parseWire } from './parser';
import { formatSpec, formatTap, specSection, specSummary, type FileReport } from './report';
import { baseDirectoryOf, createRunnerEngine, runWire, serveWire, unknownSections } from './runner';
import type { WireFile } from './syntax';

export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Aborted on Ctrl+C (SIGINT) or SIGTERM. */
  readonly signal?: AbortSignal;
  /** What `record` sends to a client socket; default process.stdin. */
  readonly stdin?: NodeJS.ReadableStream;
  /** Where LC_ALL, LC_MESSAGES and LANG are read; default process.env. */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

type Loaded = { readonly path: string; readonly file: WireFile } | { readonly path: string; readonly errors: readonly WireErrorInfo[] };

function load(filePath: string, io: CliIo, text: CliText): Loaded | undefined {
  let source: string;
  try {
    source = fs.readFileSync(filePath, 'utf8');
  } catch (error) {
    io.stderr(`socket-workbench: ${text('cannotRead', filePath, (error as NodeJS.ErrnoException).code ?? String(error))}\n`);
    return undefined;
  }
  const parsed = parseWire(source, { file: filePath });
  if (!parsed.ok) {
    for (const error of parsed.errors) {
      io.stderr(`${error.message}\n`);
    }
    return { path: filePath, errors: parsed.errors.map((error) => error.toJSON()) };
  }
  return { path: filePath, file: parsed.file };
}

async function run(command: Extract<Command, { command: 'run' }>, io: CliIo, text: CliText): Promise<number> {
  const started = performance.now();
  const loaded = command.files.map((file) => load(file, io, text));
  if (loaded.some((entry) => entry === undefined)) {
    return 2;
  }
  const files = loaded as Loaded[];
  const parsedFiles = files.flatMap((entry) => ('file' in entry ? [entry.file] : []));
  const missing = command.sections.filter((name) => parsedFiles.every((file) => unknownSections(file, [name]).length > 0));
  if (missing.length > 0 && parsedFiles.length === files.length) {
    io.stderr(`socket-workbench: ${text('noSection', missing.map((name) => `'${name}'`).join(', '), command.files.join(', '))}\n`);
    return 2;
  }
  const live = command.reporter === 'spec' && command.output === undefined;
  const reports: FileReport[] = [];
  const engine = createRunnerEngine();
  try {
    for (const entry of files) {
      if (!('file' in entry)) {
        reports.push({ file: entry.path, parseErrors: entry.errors });
        if (live) {
          io.stdout(`${entry.path}\n  ✗ ${text(entry.errors.length === 1 ? 'notRunOne' : 'notRunMany', entry.errors.length)}\n\n`);
        }
        continue;
      }
      if (live) {
        io.stdout(`${entry.path}\n`);
      }
      const result = await runWire(entry.file, {
        engine,
        variables: command.variables,
        defaultTimeoutMs: command.timeoutMs,
        sections: command.sections.length === 0 ? undefined : command.sections,
        signal: io.signal,
        baseDirectory: baseDirectoryOf(entry.path),
        onEvent: live ? (event) => {
          if (event.type === 'section-end') {
            io.stdout(`${specSection(event.result, text)}\n`);
          }
        } : undefined,
      });
      reports.push({ file: entry.path, result });
      if (live) {
        io.stdout('\n');
      }
    }
  } finally {
    await engine.dispose();
  }
  const report = { files: reports, durationMs: performance.now() - started };
  if (live) {
    io.stdout(`${specSummary(report, text)}\n`);
  } else {
    const output = command.reporter === 'tap' ? formatTap(report) : command.reporter === 'junit' ? formatJunit(report) : formatSpec(report, text);
    if (command.output === undefined) {
      io.stdout(output);
    } else {
      try {
        fs.writeFileSync(command.output, output);
      } catch (error) {
        io.stderr(`socket-workbench: ${text('cannotWrite', command.output, (error as NodeJS.ErrnoException).code ?? String(error))}\n`);
        return 2;
      }
    }
  }
  if (reports.some((entry) => entry.parseErrors !== undefined)) {
    return 2;
  }
  return reports.some((entry) => entry.result?.outcome === 'failed' || entry.result?.outcome === 'cancelled') ? 1 : 0;
}

async function serve(command: Extract<Command, { command: 'serve' }>, io: CliIo, text: CliText): Promise<number> {
  const entry = load(command.file, io, text);
  if (entry === undefined || !('file' in entry)) {
    return 2;
  }
  if (unknownSections(entry.file, [command.section]).length > 0) {
    io.stderr(`socket-workbench: ${text('noSection', `'${command.section}'`, command.file)}\n`);
    return 2;
  }
  const result = await serveWire(entry.file, command.section, {
    variables: command.variables,
    defaultTimeoutMs: command.timeoutMs,
    durationMs: command.durationMs,
    signal: io.signal,
    baseDirectory: baseDirectoryOf(command.file),
    onEvent: (event) => {
      if (event.type === 'listening') {
        io.stdout(`${text('listening', event.address, event.section)}\n`);
      } else if (event.type === 'rule' && event.event.type === 'error') {
        io.stderr(`${command.file}:${event.event.line}: ${event.event.error.message}\n`);
      }
    },
  });
  io.stdout(`${specSection(result, text)}\n`);
  return result.outcome === 'passed' ? 0 : 1;
}

export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  let text = cliText(localeFromEnvironment(io.env ?? process.env));
  let command: Command;
  try {
    const chosen = takeLocale(argv);
    if (chosen.locale !== undefined) {
      text = cliText(chosen.locale);
    }
    command = parseArguments(chosen.argv);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`socket-workbench: ${text(error.id, ...error.args)}\n\n${text('usage')}\n`);
      return 2;
    }
    throw error;
  }
  switch (command.command) {
    case 'help':
      io.stdout(`${text('usage')}\n`);
      return 0;
    case 'run':
      return run(command, io, text);
    case 'serve':
      return serve(command, io, text);
    case 'record':
      return record(command, io, { stdin: io.stdin ?? process.stdin, text });
  }
}

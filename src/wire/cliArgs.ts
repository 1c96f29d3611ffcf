/** The command line of `socket-workbench`: argv → a command, or a usage error (exit code 2). */
import { durationMs } from './parseTemplate';
import { REPORTERS, type ReporterName } from './report';

export const USAGE = `Usage:
  socket-workbench run FILE... [--section NAME]... [--var k=v]... [--timeout 5s]
                   [--reporter spec|tap|junit] [--output FILE]
  socket-workbench serve FILE --section NAME [--var k=v]... [--for 30s]
  socket-workbench record SPEC --out FILE [--section NAME] [--for 30s]
  socket-workbench help

Runs *.wire files: scripted socket conversations and mock servers.
Exit codes: 0 every section passed, 1 a section failed, 2 usage or parse error.
The report goes to stdout (or --output FILE), diagnostics to stderr.`;

export type Command =
  | {
    readonly command: 'run';
    readonly files: readonly string[];
    readonly sections: readonly string[];
    readonly variables: Readonly<Record<string, string>>;
    readonly timeoutMs?: number;
    readonly reporter: ReporterName;
    readonly output?: string;
  }
  | {
    readonly command: 'serve';
    readonly file: string;
    readonly section: string;
    readonly variables: Readonly<Record<string, string>>;
    readonly timeoutMs?: number;
    readonly durationMs?: number;
  }
  | { readonly command: 'record'; readonly spec: string; readonly out: string; readonly name?: string; readonly durationMs?: number }
  | { readonly command: 'help' };

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export function parseArguments(argv: readonly string[]): Command {
  const [command, ...rest] = argv;
  if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
    return { command: 'help' };
  }
  if (command !== 'run' && command !== 'serve' && command !== 'record') {
    throw new UsageError(`unknown command '${command}': use run, serve or record`);
  }
  const files: string[] = [];
  const sections: string[] = [];
  const variables: Record<string, string> = {};
  let timeoutMs: number | undefined;
  let durationLimit: number | undefined;
  let reporter: ReporterName = 'spec';
  let output: string | undefined;
  for (let index = 0; index < rest.length; index++) {
    const argument = rest[index];
    const equals = argument.startsWith('--') ? argument.indexOf('=') : -1;
    const flag = equals > 0 ? argument.slice(0, equals) : argument;
    const value = (): string => {
      const inline = equals > 0 ? argument.slice(equals + 1) : rest[++index];
      if (inline === undefined) {
        throw new UsageError(`${flag} needs a value`);
      }
      return inline;
    };
    const duration = (): number => {
      const text = value();
      const parsed = durationMs(text);
      if (parsed === undefined) {
        throw new UsageError(`${flag} needs a duration such as 500ms, 5s or 1m, got '${text}'`);
      }
      return parsed;
    };
    switch (flag) {
      case '--section':
        sections.push(value());
        break;
      case '--var': {
        const pair = value();
        const split = pair.indexOf('=');
        if (split < 1) {
          throw new UsageError(`--var needs NAME=VALUE, got '${pair}'`);
        }
        variables[pair.slice(0, split)] = pair.slice(split + 1);
        break;
      }
      case '--timeout':
        timeoutMs = duration();
        break;
      case '--for':
        if (command === 'run') {
          throw new UsageError('--for applies to serve and record');
        }
        durationLimit = duration();
        break;
      case '--reporter': {
        const name = value();
        if (!REPORTERS.includes(name as ReporterName)) {
          throw new UsageError(`--reporter must be spec, tap or junit, got '${name}'`);
        }
        reporter = name as ReporterName;
        break;
      }
      case '--output':
      case '--out':
        output = value();
        break;
      default:
        if (argument.startsWith('-') && argument !== '-') {
          throw new UsageError(`unknown option '${argument}'`);
        }
        files.push(argument);
    }
  }
  if (command === 'record') {
    if (files.length !== 1) {
      throw new UsageError('record needs one socket spec, e.g. tcp://127.0.0.1:7000');
    }
    if (output === undefined) {
      throw new UsageError('record needs --out FILE');
    }
    return { command, spec: files[0], out: output, name: sections[0], durationMs: durationLimit };
  }
  if (files.length === 0) {
    throw new UsageError(`${command} needs a .wire file`);
  }
  if (command === 'run') {
    return { command, files, sections, variables, timeoutMs, reporter, output };
  }
  if (files.length > 1) {
    throw new UsageError('serve takes one file');
  }
  if (sections.length !== 1) {
    throw new UsageError('serve needs exactly one --section NAME');
  }
  if (reporter !== 'spec' || output !== undefined) {
    throw new UsageError('--reporter and --output apply to run');
  }
  return { command, file: files[0], section: sections[0], variables, timeoutMs, durationMs: durationLimit };
}

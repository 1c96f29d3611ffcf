/** The command line of `socket-workbench`: argv → a command, or a usage error (exit code 2). */
import { durationMs } from './parseTemplate';
import { CLI_LOCALES, ENGLISH, formatText, type CliLocale, type CliTextId } from './cliText';
import { REPORTERS, type ReporterName } from './report';

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

/** A usage error: its message is English; `id` and `args` let main print it in the chosen locale. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
  constructor(readonly id: CliTextId, readonly args: readonly string[] = []) {
    super(formatText(ENGLISH[id], args));
  }
}

export function parseArguments(argv: readonly string[]): Command {
  const [command, ...rest] = argv;
  if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
    return { command: 'help' };
  }
  if (command !== 'run' && command !== 'serve' && command !== 'record') {
    throw new UsageError('unknownCommand', [command]);
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
        throw new UsageError('needsValue', [flag]);
      }
      return inline;
    };
    const duration = (): number => {
      const text = value();
      const parsed = durationMs(text);
      if (parsed === undefined) {
        throw new UsageError('needsDuration', [flag, text]);
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
          throw new UsageError('varNeedsPair', [pair]);
        }
        variables[pair.slice(0, split)] = pair.slice(split + 1);
        break;
      }
      case '--timeout':
        timeoutMs = duration();
        break;
      case '--for':
        if (command === 'run') {
          throw new UsageError('forAppliesTo');
        }
        durationLimit = duration();
        break;
      case '--reporter': {
        const name = value();
        if (!REPORTERS.includes(name as ReporterName)) {
          throw new UsageError('reporterValue', [name]);
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
          throw new UsageError('unknownOption', [argument]);
        }
        files.push(argument);
    }
  }
  if (command === 'record') {
    if (files.length !== 1) {
      throw new UsageError('recordNeedsSpec');
    }
    if (output === undefined) {
      throw new UsageError('recordNeedsOut');
    }
    return { command, spec: files[0], out: output, name: sections[0], durationMs: durationLimit };
  }
  if (files.length === 0) {
    throw new UsageError('needsFile', [command]);
  }
  if (command === 'run') {
    return { command, files, sections, variables, timeoutMs, reporter, output };
  }
  if (files.length > 1) {
    throw new UsageError('serveOneFile');
  }
  if (sections.length !== 1) {
    throw new UsageError('serveOneSection');
  }
  if (reporter !== 'spec' || output !== undefined) {
    throw new UsageError('runOnlyOptions');
  }
  return { command, file: files[0], section: sections[0], variables, timeoutMs, durationMs: durationLimit };
}

/** The options of parseArguments that take a value: `--locale` is looked for between them. */
const VALUE_FLAGS = new Set(['--section', '--var', '--timeout', '--for', '--reporter', '--output', '--out']);

/**
 * Takes `--locale en|tr` (or `--locale=tr`) out of argv, anywhere on the line, before
 * parseArguments sees the rest. The last one wins; a value other than en or tr is a usage error.
 */
export function takeLocale(argv: readonly string[]): { readonly locale?: CliLocale; readonly argv: readonly string[] } {
  const rest: string[] = [];
  let locale: CliLocale | undefined;
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index];
    if (argument === '--locale' || argument.startsWith('--locale=')) {
      const value = argument === '--locale' ? argv[++index] : argument.slice('--locale='.length);
      if (value === undefined) {
        throw new UsageError('needsValue', ['--locale']);
      }
      if (!CLI_LOCALES.includes(value as CliLocale)) {
        throw new UsageError('localeValue', [value]);
      }
      locale = value as CliLocale;
      continue;
    }
    rest.push(argument);
    if (VALUE_FLAGS.has(argument) && index + 1 < argv.length) {
      rest.push(argv[++index]);
    }
  }
  return { locale, argv: rest };
}

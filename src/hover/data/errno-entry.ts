// Builds errno entries from a compact row, so each errno file reads like a table.
// Windows values are the WinSock codes from <winerror.h> (WSAE*), spelled with the WSA prefix.
import type { ConstantEntry, Description, PlatformValues } from '../types';

export interface ErrnoRow {
  readonly name: string;
  readonly linux?: number;
  readonly macos?: number;
  /** The WSAE* code; the name on Windows is 'WSA' + name. */
  readonly windows?: number;
  /** Calls that typically fail with it, in the order people meet them. */
  readonly calls: readonly string[];
  readonly pythonException?: string;
  readonly related: readonly string[];
  readonly manPages?: readonly string[];
  readonly aliasOf?: string;
  readonly valueNote?: string;
  /** summary, meaning, when, pitfall */
  readonly en: readonly [string, string, string, string];
  readonly tr: readonly [string, string, string, string];
}

function description(parts: readonly [string, string, string, string]): Description {
  const [summary, meaning, when, pitfall] = parts;
  return { summary, meaning, when, pitfall };
}

export function errnoEntry(row: ErrnoRow): ConstantEntry {
  const values: PlatformValues = { linux: row.linux, macos: row.macos, windows: row.windows };
  return {
    name: row.name,
    group: 'errno',
    values,
    spelling: row.windows === undefined ? undefined : { windows: `WSA${row.name}` },
    aliasOf: row.aliasOf,
    valueNote: row.valueNote,
    usage: { kind: 'errno', calls: row.calls, pythonException: row.pythonException },
    related: row.related,
    manPages: row.manPages ?? ['errno(3)'],
    en: description(row.en),
    tr: description(row.tr),
  };
}

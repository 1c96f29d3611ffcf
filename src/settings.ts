/**
 * Typed access to the `socketWorkbench.*` settings, clamped to sane values: a hand-edited
 * settings.json must not be able to break the engine.
 */
import * as vscode from 'vscode';
import { LINE_ENDINGS, PAYLOAD_ENCODINGS, type LineEnding, type PayloadEncoding, type TranscriptLimits } from './engine';

export interface WorkbenchSettings {
  readonly defaultHost: string;
  readonly confirmAllInterfaces: boolean;
  readonly autoReopen: boolean;
  readonly connectTimeout: number;
  readonly transcriptLimits: TranscriptLimits;
  /** Captured bytes all transcripts together may hold. */
  readonly maxTotalTranscriptBytes: number;
  readonly defaultEncoding: PayloadEncoding;
  readonly lineEnding: LineEnding;
}

export const SETTINGS_SECTION = 'socketWorkbench';

function clamp(value: unknown, fallback: number, min: number, max: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? Math.min(max, Math.max(min, Math.round(value))) : fallback;
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[], fallback: T): T {
  return allowed.includes(value as T) ? (value as T) : fallback;
}

/**
 * A safety setting as the user set it: user settings or the default, never a workspace or folder
 * value, so a repository's .vscode/settings.json cannot turn a question off or reopen listeners.
 * package.json declares these settings `"scope": "application"` as well.
 */
function userValue(configuration: vscode.WorkspaceConfiguration, key: string): unknown {
  const inspected = configuration.inspect<unknown>(key);
  return inspected?.globalValue ?? inspected?.defaultValue;
}

export function readSettings(): WorkbenchSettings {
  const configuration = vscode.workspace.getConfiguration(SETTINGS_SECTION);
  const maxBytes = clamp(configuration.get<number>('transcript.maxMegabytes'), 16, 1, 1024) * 1024 * 1024;
  const captureBytes = Math.min(maxBytes, clamp(configuration.get<number>('transcript.captureBytes'), 65536, 16, 16 * 1024 * 1024));
  const host = userValue(configuration, 'defaultHost');
  return {
    defaultHost: typeof host === 'string' ? host : '127.0.0.1',
    confirmAllInterfaces: userValue(configuration, 'confirmAllInterfaces') !== false,
    autoReopen: userValue(configuration, 'autoReopen') === true,
    connectTimeout: clamp(configuration.get<number>('connectTimeout'), 10_000, 1, 600_000),
    transcriptLimits: {
      maxEntries: clamp(configuration.get<number>('transcript.maxEntries'), 10_000, 100, 1_000_000),
      maxBytes,
      captureBytes,
    },
    maxTotalTranscriptBytes: clamp(configuration.get<number>('transcript.maxTotalMegabytes'), 256, 1, 16384) * 1024 * 1024,
    defaultEncoding: oneOf(configuration.get<string>('payload.defaultEncoding'), PAYLOAD_ENCODINGS, 'utf8'),
    lineEnding: oneOf(configuration.get<string>('payload.lineEnding'), LINE_ENDINGS, 'none'),
  };
}

/** Calls back with fresh settings whenever a `socketWorkbench.*` setting changes. */
export function onDidChangeSettings(listener: (settings: WorkbenchSettings) => void): vscode.Disposable {
  return vscode.workspace.onDidChangeConfiguration((event) => {
    if (event.affectsConfiguration(SETTINGS_SECTION)) {
      listener(readSettings());
    }
  });
}

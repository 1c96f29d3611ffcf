/**
 * What every feature needs, built once in activate() and handed to each feature: the engine, the
 * log, the settings, the test recorder, and the one way to tell the user that something failed.
 */
import * as vscode from 'vscode';
import type { SocketEngine } from './engine';
import type { Logger } from './log';
import { describeError } from './messages';
import type { WorkbenchSettings } from './settings';
import type { TestRecorder } from './testRecorder';

export interface Services {
  readonly context: vscode.ExtensionContext;
  readonly engine: SocketEngine;
  readonly log: Logger;
  settings(): WorkbenchSettings;
  /** Keeps what the extension's own tests read (shown messages, panel traffic); off in production. */
  readonly recorder: TestRecorder;
}

function remember(services: Services, message: string): void {
  services.recorder.shown(message);
}

/** Shows an information message (and records it for the tests). */
export function showInformation(services: Services, message: string, ...actions: string[]): Thenable<string | undefined> {
  remember(services, message);
  return vscode.window.showInformationMessage(message, ...actions);
}

/** Shows a warning (and records it for the tests). */
export function showWarning(services: Services, message: string, options: vscode.MessageOptions, ...actions: string[]): Thenable<string | undefined> {
  remember(services, message);
  return vscode.window.showWarningMessage(message, options, ...actions);
}

/**
 * Logs the error and shows it with a "Show Log" action. Never throws: a failed command must leave
 * the extension running.
 */
export function reportError(services: Services, error: unknown, context?: string): void {
  const message = describeError(error);
  const prefix = context === undefined ? '' : `${context}: `;
  services.log.error(`${prefix}${message}${error instanceof Error && error.message !== message ? ` (${error.message})` : ''}`);
  const showLog = vscode.l10n.t('Show Log');
  remember(services, `${prefix}${message}`);
  void vscode.window.showErrorMessage(`${prefix}${message}`, showLog).then((choice) => {
    if (choice === showLog) {
      services.log.show();
    }
  });
}

/**
 * What every feature needs, built once in activate() and handed to each feature: the engine, the
 * log, the settings, and the one way to tell the user that something failed.
 */
import * as vscode from 'vscode';
import type { SocketEngine } from './engine';
import type { Logger } from './log';
import { describeError } from './messages';
import type { WorkbenchSettings } from './settings';

export interface Services {
  readonly context: vscode.ExtensionContext;
  readonly engine: SocketEngine;
  readonly log: Logger;
  settings(): WorkbenchSettings;
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
  void vscode.window.showErrorMessage(`${prefix}${message}`, showLog).then((choice) => {
    if (choice === showLog) {
      services.log.show();
    }
  });
}

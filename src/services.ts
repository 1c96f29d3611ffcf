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
  /**
   * The last messages shown to the user (newest last, at most 50). Tests read them: the test
   * workbench hides notification toasts, and a message is part of the contract.
   */
  readonly shownMessages: string[];
  /** The last status bar messages (newest last, at most 50), for the same reason. */
  readonly statusMessages: string[];
}

const MAX_SHOWN_MESSAGES = 50;

function remember(services: Services, message: string): void {
  services.shownMessages.push(message);
  if (services.shownMessages.length > MAX_SHOWN_MESSAGES) {
    services.shownMessages.splice(0, services.shownMessages.length - MAX_SHOWN_MESSAGES);
  }
}

/** Shows a short status bar message (`$(check) Sent 1 byte to …`) and remembers its text. */
export function showStatusMessage(services: Services, icon: string, text: string, timeoutMs: number): void {
  services.statusMessages.push(text);
  if (services.statusMessages.length > MAX_SHOWN_MESSAGES) {
    services.statusMessages.splice(0, services.statusMessages.length - MAX_SHOWN_MESSAGES);
  }
  vscode.window.setStatusBarMessage(`$(${icon}) ${text}`, timeoutMs);
}

/** Shows an information message and remembers it (see shownMessages). */
export function showInformation(services: Services, message: string, ...actions: string[]): Thenable<string | undefined> {
  remember(services, message);
  return vscode.window.showInformationMessage(message, ...actions);
}

/** Shows a warning and remembers it (see shownMessages). */
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

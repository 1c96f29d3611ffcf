// Placeholder until the status bar item lands.
import * as vscode from 'vscode';
import type { Services } from './services';

export function registerStatusBar(_services: Services): vscode.Disposable {
  return new vscode.Disposable(() => undefined);
}

// Placeholder until the hover provider lands.
import * as vscode from 'vscode';
import type { Services } from '../services';

export function registerHovers(_services: Services): vscode.Disposable {
  return new vscode.Disposable(() => undefined);
}

// Placeholder until the payload panel lands.
import * as vscode from 'vscode';
import type { Services } from '../services';

export interface PanelManager extends vscode.Disposable {
  /** Opens (or focuses) the payload panel of a socket. */
  open(socketId: string): Promise<void>;
}

export function registerPanels(_services: Services): PanelManager {
  return { open: async () => undefined, dispose: () => undefined };
}

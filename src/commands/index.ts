// Placeholder until the commands land.
import * as vscode from 'vscode';
import type { PanelManager } from '../panel';
import type { Services } from '../services';
import type { SocketsView } from '../tree';

export interface CommandFeatures {
  readonly panels: PanelManager;
  readonly view: SocketsView;
}

export function registerCommands(_services: Services, _features: CommandFeatures): vscode.Disposable {
  return new vscode.Disposable(() => undefined);
}

// CodeLens on socket calls ("Open the peer") in the languages the hover scans.
import * as vscode from 'vscode';
import { HOVER_LANGUAGES } from '../hover/provider';
import type { Services } from '../services';
import { SETTINGS_SECTION } from '../settings';
import type { SocketsView } from '../tree';
import { onDidChangeTrust } from '../trust';
import { SocketCallCache } from './cache';
import { SHOW_IN_SOCKETS_COMMAND, SocketCallLensProvider } from './provider';

export { SHOW_IN_SOCKETS_COMMAND } from './provider';

const ENABLED_SETTING = 'codeLens.enabled';
/** Sockets change in bursts (a server accepting many clients): lenses are asked for again at most this often. */
const REFRESH_DELAY_MS = 250;

function readEnabled(): boolean {
  return vscode.workspace.getConfiguration(SETTINGS_SECTION).get<boolean>(ENABLED_SETTING) !== false;
}

export function registerCodeLens(services: Services, view: SocketsView): vscode.Disposable {
  const cache = new SocketCallCache();
  let enabled = readEnabled();
  const provider = new SocketCallLensProvider(cache, services.engine, () => enabled, services.log.child('codelens'));
  let timer: NodeJS.Timeout | undefined;
  const schedule = (): void => {
    timer ??= setTimeout(() => {
      timer = undefined;
      provider.refresh();
    }, REFRESH_DELAY_MS);
  };
  const { engine } = services;
  const engineSubscriptions = [engine.onDidCreate(schedule), engine.onDidChange(schedule), engine.onDidRemove(schedule)];
  return vscode.Disposable.from(
    provider,
    vscode.languages.registerCodeLensProvider(HOVER_LANGUAGES.map((language) => ({ language })), provider),
    vscode.commands.registerCommand(SHOW_IN_SOCKETS_COMMAND, async (socketId?: unknown) => {
      if (typeof socketId === 'string') {
        await view.reveal(socketId, { focus: true });
      }
    }),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration(`${SETTINGS_SECTION}.${ENABLED_SETTING}`)) {
        enabled = readEnabled();
        provider.refresh();
      }
    }),
    onDidChangeTrust(() => provider.refresh()),
    vscode.workspace.onDidCloseTextDocument((document) => cache.delete(document.uri.toString())),
    new vscode.Disposable(() => {
      if (timer !== undefined) {
        clearTimeout(timer);
      }
      for (const subscription of engineSubscriptions) {
        subscription.dispose();
      }
      cache.clear();
    }),
  );
}

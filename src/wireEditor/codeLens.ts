/** `▶ Run All` at the top of a .wire file; above each section `▶ Run` (`▶ Serve` for a mock server), or `■ Stop` while it runs. */
import * as vscode from 'vscode';
import { parseDocument, WIRE_SELECTOR } from './documents';
import type { WireRuns } from './runs';

export const RUN_COMMAND = 'socketWorkbench.runWire';
export const STOP_COMMAND = 'socketWorkbench.stopWire';

export class WireCodeLensProvider implements vscode.CodeLensProvider {
  readonly onDidChangeCodeLenses: vscode.Event<void>;

  constructor(private readonly runs: WireRuns) {
    this.onDidChangeCodeLenses = runs.onDidChange;
  }

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    const sections = parseDocument(document).sections;
    if (sections.length === 0) {
      return [];
    }
    const uri = document.uri;
    const top = new vscode.Range(0, 0, 0, 0);
    const lenses = [
      this.runs.isRunning(uri)
        ? new vscode.CodeLens(top, { title: vscode.l10n.t('■ Stop All'), command: STOP_COMMAND, arguments: [uri] })
        : new vscode.CodeLens(top, { title: vscode.l10n.t('▶ Run All'), command: RUN_COMMAND, arguments: [uri] }),
    ];
    for (const section of sections) {
      const range = new vscode.Range(section.line, 0, section.line, 0);
      const running = this.runs.isRunning(uri, section.name);
      const title = running ? vscode.l10n.t('■ Stop') : section.mockServer ? vscode.l10n.t('▶ Serve') : vscode.l10n.t('▶ Run');
      lenses.push(new vscode.CodeLens(range, { title, command: running ? STOP_COMMAND : RUN_COMMAND, arguments: [uri, section.name] }));
    }
    return lenses;
  }
}

export function registerCodeLens(runs: WireRuns): vscode.Disposable {
  return vscode.languages.registerCodeLensProvider(WIRE_SELECTOR, new WireCodeLensProvider(runs));
}

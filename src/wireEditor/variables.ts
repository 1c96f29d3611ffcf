/**
 * `socketWorkbench.wire.variables`: names a .wire file may use without defining them. Values must
 * be strings; numbers and booleans are taken as their text, anything else is ignored (and logged),
 * so a hand-edited settings.json cannot break a run.
 */
import * as vscode from 'vscode';

export const WIRE_VARIABLES_SETTING = 'socketWorkbench.wire.variables';

export function readWireVariables(scope?: vscode.Uri): { readonly values: Readonly<Record<string, string>>; readonly ignored: readonly string[] } {
  const raw = vscode.workspace.getConfiguration('socketWorkbench.wire', scope).get<unknown>('variables');
  const values: Record<string, string> = {};
  const ignored: string[] = [];
  if (typeof raw === 'object' && raw !== null && !Array.isArray(raw)) {
    for (const [name, value] of Object.entries(raw as Record<string, unknown>)) {
      if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
        values[name] = String(value);
      } else {
        ignored.push(name);
      }
    }
  }
  return { values, ignored };
}

export function onDidChangeWireVariables(listener: () => void): vscode.Disposable {
  return vscode.workspace.onDidChangeConfiguration((event) => {
    if (event.affectsConfiguration(WIRE_VARIABLES_SETTING)) {
      listener();
    }
  });
}

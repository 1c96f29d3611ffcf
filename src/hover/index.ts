// Hover documentation for socket constants in the languages that open sockets.
import * as vscode from 'vscode';
import type { Services } from '../services';
import { PythonImportsCache } from './importsCache';
import { HOVER_LANGUAGES, SocketConstantHoverProvider } from './provider';

export function registerHovers(services: Services): vscode.Disposable {
  const imports = new PythonImportsCache();
  const provider = new SocketConstantHoverProvider(imports, services.log.child('hover'));
  return vscode.Disposable.from(
    vscode.languages.registerHoverProvider(HOVER_LANGUAGES.map((language) => ({ language })), provider),
    vscode.workspace.onDidCloseTextDocument((document) => imports.delete(document.uri.toString())),
    new vscode.Disposable(() => imports.clear()),
  );
}

import * as vscode from 'vscode';

/** Placeholder until the features land: activation only wires features together. */
export function activate(context: vscode.ExtensionContext): { readonly version: string } {
  const log = vscode.window.createOutputChannel('Socket Workbench', { log: true });
  context.subscriptions.push(log);
  log.info('[extension] activated');
  return { version: String(context.extension.packageJSON.version) };
}

export function deactivate(): void {
  // Disposables in context.subscriptions are released by VS Code.
}

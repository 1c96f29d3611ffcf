/**
 * Running a .wire file opens sockets and reads files: in Restricted Mode it asks for trust first.
 * (A shared trust module may replace this one function.)
 */
import * as vscode from 'vscode';

export async function ensureTrusted(): Promise<boolean> {
  if (vscode.workspace.isTrusted) {
    return true;
  }
  const manage = vscode.l10n.t('Manage Workspace Trust');
  const choice = await vscode.window.showWarningMessage(vscode.l10n.t('Running a .wire file opens sockets and reads files: trust this workspace first.'), manage);
  if (choice === manage) {
    await vscode.commands.executeCommand('workbench.trust.manage');
  }
  return vscode.workspace.isTrusted;
}

/** Show Log: the extension's output channel, where every failure and lifecycle event is written. */
import type * as vscode from 'vscode';
import { registerCommand, type CommandContext } from './context';

export function registerLogCommand(context: CommandContext): vscode.Disposable[] {
  return [registerCommand(context, 'socketWorkbench.showLog', () => context.services.log.show())];
}

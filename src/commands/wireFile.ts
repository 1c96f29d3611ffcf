/**
 * Save as Wire File… (`socketWorkbench.saveAsWireFile(socket)`): the wire runner's recording of a
 * socket (a client's sends and expects, a listener's rules) in a new untitled `wire` document,
 * ready to run against the same peer or to serve as a mock of it.
 */
import * as vscode from 'vscode';
import { EngineError } from '../engine';
import { socketLabel } from '../socketText';
import { recordSection } from '../wire';
import { registerCommand, type CommandContext } from './context';
import { socketFromArgument } from './pick';

async function saveAsWireFile(context: CommandContext, first: unknown): Promise<vscode.TextDocument | undefined> {
  const { services } = context;
  const resolved = await socketFromArgument(services, first, {
    filter: (info) => info.parentId === undefined,
    placeholder: vscode.l10n.t('Socket to save as a wire file'),
    emptyMessage: vscode.l10n.t('There are no sockets to save as a wire file.'),
    mismatch: (info) => vscode.l10n.t('{0} is an accepted connection: save its server as a wire file.', socketLabel(info)),
  });
  if (resolved === undefined) {
    return undefined;
  }
  const { info } = resolved;
  if (info.parentId !== undefined) {
    throw new EngineError('INVALID_ARGUMENT', vscode.l10n.t('{0} is an accepted connection: save its server as a wire file.', socketLabel(info)), { id: info.id });
  }
  const content = recordSection(services.engine, info.id, { name: socketLabel(info) });
  const document = await vscode.workspace.openTextDocument({ language: 'wire', content });
  await vscode.window.showTextDocument(document, { preview: false });
  return document;
}

export function registerWireFileCommands(context: CommandContext): vscode.Disposable[] {
  return [registerCommand(context, 'socketWorkbench.saveAsWireFile', (first) => saveAsWireFile(context, first))];
}

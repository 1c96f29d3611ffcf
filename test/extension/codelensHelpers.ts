/**
 * Shared by the CodeLens tests in the real editor: our lenses of a document (every provider in the
 * workbench answers; ours run socketWorkbench commands), as `line: title → command [arguments]`.
 */
import * as vscode from 'vscode';
import { openDocument } from './hoverHelpers';

export const LENS_COMMANDS = ['socketWorkbench.open', 'socketWorkbench.trustToOpen', 'socketWorkbench.showInSockets'];

export interface Lens {
  readonly line: number;
  readonly title: string;
  readonly command: string;
  readonly arguments: readonly unknown[];
  readonly tooltip: string | undefined;
}

export async function ourLenses(document: vscode.TextDocument): Promise<Lens[]> {
  const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri);
  return (lenses ?? [])
    .filter((lens) => lens.command !== undefined && LENS_COMMANDS.includes(lens.command.command))
    .map((lens) => ({
      line: lens.range.start.line,
      title: lens.command?.title ?? '',
      command: lens.command?.command ?? '',
      arguments: lens.command?.arguments ?? [],
      tooltip: lens.command?.tooltip,
    }))
    .sort((left, right) => left.line - right.line);
}

/** One line per lens: `12: ▶ Connect a client → socketWorkbench.open ["tcp://127.0.0.1:8080"]`. */
export function describeLens(lens: Lens): string {
  return `${lens.line + 1}: ${lens.title} → ${lens.command} ${JSON.stringify(lens.arguments)}`;
}

export async function lensDocument(language: string, lines: readonly string[]): Promise<vscode.TextDocument> {
  return openDocument(language, lines);
}

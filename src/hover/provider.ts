// The VS Code side of the hover: finds the token under the cursor with the pure scanner (the hovered
// line plus a few neighbours, never the whole document), looks it up in the table (a Map) and wraps
// the rendered Markdown. Labels and the description language are fixed for the session, so they are
// built once.
import * as vscode from 'vscode';
import type { Logger } from '../log';
import { TRUST_TO_OPEN_COMMAND, isWorkspaceTrusted } from '../trust';
import { CONSTANTS_BY_NAME } from './data/index';
import type { PythonImportsCache } from './importsCache';
import { descriptionLanguage, hoverLabels } from './labels';
import type { HoverLabels } from './labels';
import { OPEN_COMMAND, renderHover } from './render';
import { findConstantAt } from './scanner';
import type { ScanContext } from './scanner';
import type { DescriptionLanguage } from './types';

/** The document languages with a scanner; package.json activates the extension on each of them. */
export const HOVER_LANGUAGES: readonly string[] = [
  'python', 'c', 'cpp', 'go', 'rust', 'javascript', 'typescript', 'javascriptreact', 'typescriptreact',
];

export class SocketConstantHoverProvider implements vscode.HoverProvider {
  private readonly labels: HoverLabels = hoverLabels(vscode.l10n);
  private readonly language: DescriptionLanguage = descriptionLanguage(vscode.env.language);

  constructor(private readonly imports: PythonImportsCache, private readonly log: Logger) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): vscode.Hover | undefined {
    try {
      return this.hover(document, position, token);
    } catch (error) {
      // A bug in one hover must not break hovering (or the extension): log it and show nothing.
      this.log.error(error instanceof Error ? error : String(error));
      return undefined;
    }
  }

  private hover(document: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): vscode.Hover | undefined {
    const lineText = document.lineAt(position.line).text;
    const context: ScanContext = {
      line: position.line,
      lineAt: (line) => (line >= 0 && line < document.lineCount ? document.lineAt(line).text : undefined),
      pythonImports: document.languageId === 'python'
        ? this.imports.get(document.uri.toString(), document.version, () => document.getText())
        : undefined,
    };
    const match = findConstantAt(lineText, position.character, document.languageId, context);
    if (match === undefined || token.isCancellationRequested) {
      return undefined;
    }
    const entry = CONSTANTS_BY_NAME.get(match.name);
    if (entry === undefined) {
      this.log.warn(`the scanner matched ${match.name}, which is not in the table`);
      return undefined;
    }
    // In Restricted Mode the link asks for trust instead of opening.
    const openCommand = isWorkspaceTrusted() ? OPEN_COMMAND : TRUST_TO_OPEN_COMMAND;
    const rendered = renderHover(match, entry, { language: this.language, documentLanguageId: document.languageId, labels: this.labels, openCommand });
    const markdown = new vscode.MarkdownString(rendered.markdown);
    markdown.supportHtml = false;
    markdown.supportThemeIcons = rendered.themeIcons;
    if (rendered.command !== undefined) {
      // Trust exactly the one command the link runs, nothing else.
      markdown.isTrusted = { enabledCommands: [rendered.command.command] };
    }
    return new vscode.Hover(markdown, new vscode.Range(position.line, match.start, position.line, match.end));
  }
}

/**
 * Hover: on a directive or keyword, its one-line explanation; on `{{name}}`, where the name comes
 * from and its value (a setting's, a variable's as written), or what a built-in macro gives.
 */
import * as vscode from 'vscode';
import { WIRE_SELECTOR } from './documents';
import { explainMacro, explainWord } from './directives';
import { describeSource, visibleNames } from './names';

export class WireHoverProvider implements vscode.HoverProvider {
  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const line = document.lineAt(position.line).text;
    for (const match of line.matchAll(/\{\{\s*([^}]*?)\s*\}\}/g)) {
      const start = match.index;
      const end = start + match[0].length;
      if (position.character >= start && position.character <= end) {
        const name = match[1];
        const range = new vscode.Range(position.line, start, position.line, end);
        const builtIn = explainMacro(name);
        if (builtIn !== undefined) {
          return new vscode.Hover(builtIn, range);
        }
        const source = visibleNames(document, position.line).get(name);
        const text = source === undefined ? vscode.l10n.t("Unknown variable '{0}'", name) : `{{${name}}} = ${describeSource(source)}`;
        return new vscode.Hover(new vscode.MarkdownString().appendText(text), range);
      }
    }
    const range = document.getWordRangeAtPosition(position, /[A-Za-z_]+/);
    if (range === undefined || line.trim().startsWith('#') || line.trim().startsWith('//')) {
      return undefined;
    }
    const word = document.getText(range);
    const isDirective = line.slice(0, range.start.character).trim() === '';
    const explanation = explainWord(word);
    if (explanation === undefined || (!isDirective && !['exactly', 'within', 'eof', 'closed', 'bytes', 'hex', 'base64', 'file', 'connect', 'any', 'as', 'to'].includes(word))) {
      return undefined;
    }
    return new vscode.Hover(new vscode.MarkdownString().appendText(explanation), range);
  }
}

export function registerHover(): vscode.Disposable {
  return vscode.languages.registerHoverProvider(WIRE_SELECTOR, new WireHoverProvider());
}

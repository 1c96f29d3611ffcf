/**
 * Problems as you type, debounced: the runner's parse errors at their line and column (the range
 * covers the word there), and, once the file parses, every `{{name}}` that no setting, variable,
 * capture or socket defines where it is used (the parser already refuses a `use` of an undefined
 * socket name, so that one arrives as a parse error).
 */
import * as vscode from 'vscode';
import { parseErrorSentence } from '../messages/wireErrors';
import { isBuiltIn, macroUses } from './scope';
import { parseDocument, WIRE_LANGUAGE, forgetDocument } from './documents';
import { onDidChangeWireVariables, readWireVariables } from './variables';

export const DIAGNOSTIC_SOURCE = 'wire';
const DEBOUNCE_MS = 250;

/** The range of the word that starts at a 1-based column (at least one character, within the line). */
export function wordRange(document: vscode.TextDocument, line: number, column: number): vscode.Range {
  const lineIndex = Math.min(Math.max(0, line - 1), document.lineCount - 1);
  const text = document.lineAt(lineIndex).text;
  const start = Math.min(Math.max(0, column - 1), text.length);
  const word = /^\S+/.exec(text.slice(start))?.[0] ?? '';
  if (word === '') {
    return new vscode.Range(lineIndex, Math.max(0, start - 1), lineIndex, Math.max(start, Math.min(text.length, start)));
  }
  return new vscode.Range(lineIndex, start, lineIndex, start + word.length);
}

/** The range of `{{…}}` starting at a 1-based column. */
function macroRange(document: vscode.TextDocument, line: number, column: number): vscode.Range {
  const lineIndex = Math.min(Math.max(0, line - 1), document.lineCount - 1);
  const text = document.lineAt(lineIndex).text;
  const start = Math.max(0, column - 1);
  const end = text.indexOf('}}', start);
  return new vscode.Range(lineIndex, start, lineIndex, end < 0 ? text.length : end + 2);
}

export function computeDiagnostics(document: vscode.TextDocument): vscode.Diagnostic[] {
  const parsed = parseDocument(document);
  if (!parsed.result.ok) {
    return parsed.result.errors.map((error) => {
      const line = typeof error.data.line === 'number' ? error.data.line : 1;
      const column = typeof error.data.column === 'number' ? error.data.column : 1;
      const diagnostic = new vscode.Diagnostic(wordRange(document, line, column), parseErrorSentence(error), vscode.DiagnosticSeverity.Error);
      diagnostic.source = DIAGNOSTIC_SOURCE;
      diagnostic.code = typeof error.data.reason === 'string' ? error.data.reason : error.code;
      return diagnostic;
    });
  }
  const settings = readWireVariables(document.uri).values;
  return macroUses(parsed.result.file, settings)
    .filter((use) => !use.scope.has(use.name) && !isBuiltIn(use.name))
    .map((use) => {
      const diagnostic = new vscode.Diagnostic(
        macroRange(document, use.line, use.column),
        vscode.l10n.t("Unknown variable '{0}': define it with '@{0} = …', in the setting socketWorkbench.wire.variables, or capture it with a named group (?<{0}>…) in an earlier expect.", use.name),
        vscode.DiagnosticSeverity.Error,
      );
      diagnostic.source = DIAGNOSTIC_SOURCE;
      diagnostic.code = 'unknown-variable';
      return diagnostic;
    });
}

export function registerDiagnostics(): vscode.Disposable {
  const collection = vscode.languages.createDiagnosticCollection('wire');
  const timers = new Map<string, NodeJS.Timeout>();
  const refresh = (document: vscode.TextDocument): void => {
    if (document.languageId === WIRE_LANGUAGE) {
      collection.set(document.uri, computeDiagnostics(document));
    }
  };
  const schedule = (document: vscode.TextDocument): void => {
    const key = document.uri.toString();
    clearTimeout(timers.get(key));
    timers.set(key, setTimeout(() => {
      timers.delete(key);
      refresh(document);
    }, DEBOUNCE_MS));
  };
  vscode.workspace.textDocuments.forEach(refresh);
  return vscode.Disposable.from(
    collection,
    vscode.workspace.onDidOpenTextDocument(refresh),
    vscode.workspace.onDidChangeTextDocument((event) => {
      if (event.document.languageId === WIRE_LANGUAGE && event.contentChanges.length > 0) {
        schedule(event.document);
      }
    }),
    vscode.workspace.onDidCloseTextDocument((document) => {
      collection.delete(document.uri);
      forgetDocument(document);
    }),
    onDidChangeWireVariables(() => vscode.workspace.textDocuments.forEach(refresh)),
    new vscode.Disposable(() => timers.forEach((timer) => clearTimeout(timer))),
  );
}

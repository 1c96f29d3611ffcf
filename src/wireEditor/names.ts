/**
 * The names a line can use, for completion and hover: from the parse when the file is valid, from
 * a rough scan of the text before the line while it has errors; and how to say where one comes from.
 */
import * as vscode from 'vscode';
import { parseDocument } from './documents';
import { scopeAt, type VariableSource } from './scope';
import { readWireVariables } from './variables';

export function describeSource(source: VariableSource): string {
  switch (source.kind) {
    case 'setting':
      return vscode.l10n.t('{0} (from the setting socketWorkbench.wire.variables)', JSON.stringify(source.value));
    case 'file':
      return vscode.l10n.t('{0} (file variable, line {1})', JSON.stringify(source.value), source.line);
    case 'section':
      return vscode.l10n.t('{0} (section variable, line {1})', JSON.stringify(source.value), source.line);
    case 'capture':
      return vscode.l10n.t('captured by the regex on line {0}', source.line);
    case 'socket':
      return vscode.l10n.t("the address of the socket '{0}' (line {1}), known once it is open", source.socket, source.line);
  }
}

/** Names defined by the text before a line, for a file that does not parse yet. */
function roughScope(document: vscode.TextDocument, line: number): Map<string, VariableSource> {
  const names = new Map<string, VariableSource>();
  for (let index = 0; index <= line && index < document.lineCount; index++) {
    const text = document.lineAt(index).text;
    const variable = /^\s*@([A-Za-z_][\w.-]*)\s*=\s*(.*)$/.exec(text);
    if (variable !== null) {
      names.set(variable[1], { kind: 'file', value: variable[2], line: index + 1 });
    }
    for (const group of text.matchAll(/\(\?<([A-Za-z_$][\w$]*)>/g)) {
      names.set(group[1], { kind: 'capture', line: index + 1 });
    }
    const alias = /^\s*(?:open|listen)\s.*\sas\s+(\S+)\s*$/.exec(text);
    if (alias !== null) {
      for (const suffix of ['address', 'port', 'host', 'path']) {
        names.set(`${alias[1]}.${suffix}`, { kind: 'socket', socket: alias[1], line: index + 1 });
      }
    }
  }
  return names;
}

export function visibleNames(document: vscode.TextDocument, line: number): ReadonlyMap<string, VariableSource> {
  const settings = readWireVariables(document.uri).values;
  const parsed = parseDocument(document);
  if (parsed.file !== undefined) {
    return scopeAt(parsed.file, line + 1, settings);
  }
  const names = new Map<string, VariableSource>();
  for (const [name, value] of Object.entries(settings)) {
    names.set(name, { kind: 'setting', value });
  }
  for (const [name, source] of roughScope(document, line)) {
    names.set(name, source);
  }
  return names;
}

/** Outline (one symbol per `###` section, its sockets as children) and folding per section. */
import * as vscode from 'vscode';
import { parseDocument, WIRE_SELECTOR } from './documents';

export class WireSymbolProvider implements vscode.DocumentSymbolProvider {
  provideDocumentSymbols(document: vscode.TextDocument): vscode.DocumentSymbol[] {
    return parseDocument(document).sections.map((section) => {
      const header = document.lineAt(section.line).range;
      const range = new vscode.Range(header.start, document.lineAt(section.lastLine).range.end);
      const detail = section.mockServer ? vscode.l10n.t('mock server') : '';
      const symbol = new vscode.DocumentSymbol(section.name === '' ? '###' : section.name, detail, vscode.SymbolKind.Module, range, header);
      for (const step of section.parsed?.steps ?? []) {
        if ((step.kind === 'open' || step.kind === 'listen') && step.line - 1 < document.lineCount) {
          const line = document.lineAt(step.line - 1).range;
          symbol.children.push(new vscode.DocumentSymbol(step.name ?? step.spec.source, step.kind, step.kind === 'listen' ? vscode.SymbolKind.Event : vscode.SymbolKind.Interface, line, line));
        }
      }
      return symbol;
    });
  }
}

export class WireFoldingProvider implements vscode.FoldingRangeProvider {
  provideFoldingRanges(document: vscode.TextDocument): vscode.FoldingRange[] {
    return parseDocument(document).sections
      .filter((section) => section.lastLine > section.line)
      .map((section) => new vscode.FoldingRange(section.line, section.lastLine, vscode.FoldingRangeKind.Region));
  }
}

export function registerSections(): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.languages.registerDocumentSymbolProvider(WIRE_SELECTOR, new WireSymbolProvider()),
    vscode.languages.registerFoldingRangeProvider(WIRE_SELECTOR, new WireFoldingProvider()),
  );
}

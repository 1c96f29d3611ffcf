/**
 * One parse per document version, shared by diagnostics, completion, hover, outline, CodeLens and
 * the Testing view, plus where each section starts and ends (from the parse when the file is
 * valid, from its `###` lines while it has errors, so the outline and lenses stay while typing).
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { parseWire, type ParseResult, type Section, type WireFile } from '../wire';

export const WIRE_LANGUAGE = 'wire';
export const WIRE_SELECTOR: vscode.DocumentSelector = { language: WIRE_LANGUAGE };

export interface SectionExtent {
  readonly name: string;
  /** 0-based line of the `###` header. */
  readonly line: number;
  /** 0-based last line of the section (the line before the next header, or the file's last). */
  readonly lastLine: number;
  /** Only `listen` steps: served until stopped (`▶ Serve`). */
  readonly mockServer: boolean;
  readonly parsed?: Section;
}

export interface ParsedDocument {
  readonly result: ParseResult;
  readonly file: WireFile | undefined;
  readonly sections: readonly SectionExtent[];
}

const cache = new Map<string, { readonly version: number; readonly parsed: ParsedDocument }>();

/** The name the runner uses in messages: the file's base name. */
export function wireFileName(uri: vscode.Uri): string {
  return path.basename(uri.path);
}

export function parseText(text: string, uri: vscode.Uri): ParsedDocument {
  const result = parseWire(text, { file: wireFileName(uri) });
  const file = result.ok ? result.file : undefined;
  return { result, file, sections: sectionExtents(text, file) };
}

export function parseDocument(document: vscode.TextDocument): ParsedDocument {
  const key = document.uri.toString();
  const cached = cache.get(key);
  if (cached !== undefined && cached.version === document.version) {
    return cached.parsed;
  }
  const parsed = parseText(document.getText(), document.uri);
  cache.set(key, { version: document.version, parsed });
  return parsed;
}

export function forgetDocument(document: vscode.TextDocument): void {
  cache.delete(document.uri.toString());
}

export function clearParseCache(): void {
  cache.clear();
}

function sectionExtents(text: string, file: WireFile | undefined): SectionExtent[] {
  const lines = text.split(/\r?\n/);
  const headers: { name: string; line: number; parsed?: Section; mockServer: boolean }[] = file !== undefined
    ? file.sections.map((section) => ({ name: section.name, line: section.line - 1, parsed: section, mockServer: section.mockServer }))
    : lines.flatMap((line, index) => {
      const trimmed = line.trim();
      return trimmed.startsWith('###') ? [{ name: trimmed.slice(3).trim(), line: index, mockServer: looksLikeMockServer(lines, index) }] : [];
    });
  return headers.map((header, index) => {
    let lastLine = index + 1 < headers.length ? headers[index + 1].line - 1 : lines.length - 1;
    while (lastLine > header.line && lines[lastLine].trim() === '') {
      lastLine--;
    }
    return { ...header, lastLine };
  });
}

/** While the file has errors: a section whose steps are only `listen` lines and their rules. */
function looksLikeMockServer(lines: readonly string[], header: number): boolean {
  let listens = 0;
  for (let index = header + 1; index < lines.length; index++) {
    const trimmed = lines[index].trim();
    if (trimmed.startsWith('###')) {
      break;
    }
    const keyword = /^\S+/.exec(trimmed)?.[0] ?? '';
    if (keyword === '' || trimmed.startsWith('#') || trimmed.startsWith('//') || trimmed.startsWith('@') || /^\s/.test(lines[index])) {
      continue;
    }
    if (keyword === 'listen') {
      listens++;
    } else if (keyword !== 'on') {
      return false;
    }
  }
  return listens > 0;
}

/** The section a 0-based line belongs to, if any. */
export function sectionAt(parsed: ParsedDocument, line: number): SectionExtent | undefined {
  return parsed.sections.find((section) => section.line <= line && line <= section.lastLine)
    ?? [...parsed.sections].reverse().find((section) => section.line <= line);
}

// Example code per language. Generated from the entry's usage so the table stays the single source;
// entries can override with `examples`. Placeholders (fd, s, data, address…) are conventional names.
import type { ScanResult } from '../scanner';
import type { ConstantEntry, ExampleLanguage } from '../types';
import { exampleC } from './c';
import { exampleGo } from './go';
import { examplePython } from './python';
import { exampleRust } from './rust';

export function exampleLanguage(documentLanguageId: string, match: ScanResult): ExampleLanguage {
  if (match.kind === 'node-api') {
    return 'javascript';
  }
  switch (documentLanguageId) {
    case 'python':
      return 'python';
    case 'go':
      return 'go';
    case 'rust':
      return 'rust';
    default:
      return 'c';
  }
}

export function exampleFor(entry: ConstantEntry, match: ScanResult, language: ExampleLanguage): string | undefined {
  const override = entry.examples?.[language];
  if (override !== undefined) {
    return override;
  }
  switch (language) {
    case 'javascript':
      return match.nodeApi?.example;
    case 'python':
      return examplePython(entry, match);
    case 'go':
      return exampleGo(entry, match);
    case 'rust':
      return exampleRust(entry);
    case 'c':
      return exampleC(entry);
  }
}

export function fenceLanguage(language: ExampleLanguage, documentLanguageId: string): string {
  if (language === 'c') {
    return documentLanguageId === 'cpp' ? 'cpp' : 'c';
  }
  return language;
}


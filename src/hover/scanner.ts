// Finds the socket constant under the cursor. Pure and local: it reads the hovered line (and, for
// constructs that span lines, a bounded number of lines above it through ScanContext.lineAt), never
// the whole document. Document-wide facts (Python imports) are computed once by the caller with
// analyzePythonImports() and passed in.
import { scanJavaScript } from './scan/javascript';
import { scanC, scanGo, scanRust } from './scan/native';
import { scanPython } from './scan/python';
import type { ScanContext, ScanResult } from './scan/types';

export { DEFAULT_PYTHON_IMPORTS, analyzePythonImports } from './scan/python';
export type { HostMatch, MatchKind, PythonImports, ScanContext, ScanResult, Transport } from './scan/types';

const C_LANGUAGES = new Set(['c', 'cpp', 'objective-c', 'objective-cpp', 'cuda-cpp']);
const JS_LANGUAGES = new Set(['javascript', 'typescript', 'javascriptreact', 'typescriptreact']);

/**
 * The socket constant at `character` on `lineText`, or undefined when there is none (the common,
 * fast case: one Map lookup after finding the word).
 */
export function findConstantAt(
  lineText: string,
  character: number,
  languageId: string,
  context?: ScanContext,
): ScanResult | undefined {
  if (character < 0 || character > lineText.length) {
    return undefined;
  }
  if (C_LANGUAGES.has(languageId)) {
    return scanC(lineText, character, context);
  }
  if (JS_LANGUAGES.has(languageId)) {
    return scanJavaScript(lineText, character, context);
  }
  switch (languageId) {
    case 'python':
      return scanPython(lineText, character, context);
    case 'go':
      return scanGo(lineText, character, context);
    case 'rust':
      return scanRust(lineText, character, context);
    default:
      return undefined;
  }
}


// The CodeLens reads whole documents through the same lexing rules.
export { findSocketCalls, peerOf } from './scan/calls/index';
export type { PeerOffer, SocketCall } from './scan/calls/index';

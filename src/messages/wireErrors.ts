/**
 * The wire parser's errors as sentences in the user's language. The parser returns a code, a
 * `data.reason` and the facts (`data.got`, `data.word`…); its English `detail` is for logs and the
 * CLI, and is used here only for a reason this file does not know yet.
 */
import * as vscode from 'vscode';
import type { WireErrorData } from '../wire';

interface ParseErrorLike {
  readonly message: string;
  readonly data: WireErrorData;
}

/** One parse error's sentence, without its position. */
export function parseErrorSentence(error: ParseErrorLike): string {
  const detail = typeof error.data.detail === 'string' ? error.data.detail : error.message;
  return detail;
}

/** `3:7: sentence` — line and column of a parse error and its sentence. */
export function parseErrorAt(error: ParseErrorLike): string {
  const line = typeof error.data.line === 'number' ? error.data.line : 1;
  const column = typeof error.data.column === 'number' ? error.data.column : 1;
  return vscode.l10n.t('line {0}, column {1}: {2}', line, column, parseErrorSentence(error));
}

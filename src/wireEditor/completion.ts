/**
 * Completion: directives at the start of a line (actions under an `on` rule), payload forms after
 * send/reply, matchers after expect/on, spec schemes after open/listen, and after `{{` the
 * variables visible on that line plus the built-in macros.
 */
import * as vscode from 'vscode';
import { WIRE_SELECTOR } from './documents';
import { ACTION_DIRECTIVES, BUILT_IN_NAMES, MATCHER_WORDS, PAYLOAD_FORMS, SPEC_SCHEMES, STEP_DIRECTIVES, TRIGGER_WORDS, explainMacro, explainWord } from './directives';
import { describeSource, visibleNames } from './names';

function item(label: string, kind: vscode.CompletionItemKind, detail: string | undefined, insert?: string | vscode.SnippetString): vscode.CompletionItem {
  const completion = new vscode.CompletionItem(label, kind);
  completion.detail = detail;
  if (insert !== undefined) {
    completion.insertText = insert;
  }
  return completion;
}

function payloadItems(): vscode.CompletionItem[] {
  return PAYLOAD_FORMS.map((form) => {
    switch (form) {
      case '"…"':
        return item(form, vscode.CompletionItemKind.Value, vscode.l10n.t('A string with escapes: \\r \\n \\t \\\\ \\0 \\xHH \\"'), new vscode.SnippetString('"$1"'));
      case '<<END':
        return item(form, vscode.CompletionItemKind.Snippet, vscode.l10n.t('A heredoc: the lines up to END, joined with \\n'), new vscode.SnippetString('<<END\n$1\nEND'));
      case '<<END crlf':
        return item(form, vscode.CompletionItemKind.Snippet, vscode.l10n.t('A heredoc whose lines are joined with \\r\\n'), new vscode.SnippetString('<<END crlf\n$1\nEND'));
      default:
        return item(form, vscode.CompletionItemKind.Keyword, explainWord(form), `${form} `);
    }
  });
}

function macroItems(document: vscode.TextDocument, position: vscode.Position, typed: string): vscode.CompletionItem[] {
  const after = document.lineAt(position.line).text.slice(position.character);
  const close = after.startsWith('}}') ? '' : '}}';
  const range = new vscode.Range(position.translate(0, -typed.length), position);
  const variables = [...visibleNames(document, position.line)].map(([name, source]) => {
    const completion = item(name, vscode.CompletionItemKind.Variable, describeSource(source), `${name}${close}`);
    completion.range = range;
    completion.sortText = `0${name}`;
    return completion;
  });
  const builtIns = BUILT_IN_NAMES.map((name) => {
    const insert = name === 'random_hex 8' ? new vscode.SnippetString(`random_hex \${1:8}${close}`) : name === 'env:' ? new vscode.SnippetString(`env:\${1:NAME}${close}`) : `${name}${close}`;
    const completion = item(name, vscode.CompletionItemKind.Function, explainMacro(name === 'env:' ? 'env:NAME' : name), insert);
    completion.range = range;
    completion.sortText = `1${name}`;
    return completion;
  });
  return [...variables, ...builtIns];
}

export class WireCompletionProvider implements vscode.CompletionItemProvider {
  provideCompletionItems(document: vscode.TextDocument, position: vscode.Position): vscode.CompletionItem[] {
    const before = document.lineAt(position.line).text.slice(0, position.character);
    const macro = /\{\{\s*([\w.:-]*)$/.exec(before);
    if (macro !== null) {
      return macroItems(document, position, macro[1]);
    }
    if (/^\s*[A-Za-z]*$/.test(before)) {
      const indented = /^\s+/.test(before) && this.underRule(document, position.line);
      const words: readonly string[] = indented ? ACTION_DIRECTIVES : STEP_DIRECTIVES;
      return words.map((word) => item(word, vscode.CompletionItemKind.Keyword, explainWord(word), `${word} `));
    }
    const keyword = /^\s*(\S+)\s/.exec(before)?.[1];
    switch (keyword) {
      case 'open':
      case 'listen':
        return /^\s*\S+\s+\S*$/.test(before)
          ? SPEC_SCHEMES.filter((scheme) => (keyword === 'listen') === scheme.includes('-listen')).map((scheme) => item(scheme, vscode.CompletionItemKind.Module, undefined))
          : [item('as', vscode.CompletionItemKind.Keyword, explainWord('as'), 'as ')];
      case 'send':
      case 'reply':
        return [...payloadItems(), ...(keyword === 'send' ? [item('to', vscode.CompletionItemKind.Keyword, explainWord('to'), 'to ')] : [])];
      case 'expect':
      case 'on':
        return [
          ...MATCHER_WORDS.map((word) => item(word, vscode.CompletionItemKind.Keyword, explainWord(word), `${word} `)),
          ...(keyword === 'on' ? TRIGGER_WORDS.map((word) => item(word, vscode.CompletionItemKind.Keyword, explainWord(word))) : []),
          item('/regex/', vscode.CompletionItemKind.Value, vscode.l10n.t('A JavaScript regex over the bytes as latin1; named groups become variables'), new vscode.SnippetString('/$1/')),
          ...payloadItems(),
        ];
      case 'close':
        return ['fin', 'rst'].map((word) => item(word, vscode.CompletionItemKind.Keyword, explainWord('close')));
      default:
        return [];
    }
  }

  /** An indented line under an `on` rule takes actions. */
  private underRule(document: vscode.TextDocument, line: number): boolean {
    for (let index = line - 1; index >= 0; index--) {
      const text = document.lineAt(index).text;
      if (text.trim() !== '' && !/^\s/.test(text)) {
        return /^on\b/.test(text);
      }
    }
    return false;
  }
}

export function registerCompletion(): vscode.Disposable {
  return vscode.languages.registerCompletionItemProvider(WIRE_SELECTOR, new WireCompletionProvider(), '{', ' ', '/');
}

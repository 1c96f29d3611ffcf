/**
 * Live results in the editor: each step's line shows `…` while it runs, then ✓ with its elapsed
 * ms (a line run many times by repeat: the count and total), or ✗; a failed step gets a
 * diagnostic with what was expected and what arrived. Redrawn once per batch of events; an edit
 * of the file clears its results (the lines no longer match).
 */
import * as vscode from 'vscode';
import { runFailureSentence } from '../messages/wireErrors';
import type { RunEvent, StepResult } from '../wire';
import type { RunObserver } from './runs';

interface LineResult {
  state: 'running' | 'passed' | 'failed';
  count: number;
  totalMs: number;
}

export const RESULTS_SOURCE = 'wire run';

function milliseconds(value: number): string {
  return value < 10 ? value.toFixed(1) : String(Math.round(value));
}

export class LiveResults implements vscode.Disposable {
  private readonly lines = new Map<string, Map<number, LineResult>>();
  private readonly diagnostics = vscode.languages.createDiagnosticCollection('wire-results');
  private readonly running = vscode.window.createTextEditorDecorationType({ after: { margin: '0 0 0 1.5em', color: new vscode.ThemeColor('editorCodeLens.foreground') } });
  private readonly passed = vscode.window.createTextEditorDecorationType({ after: { margin: '0 0 0 1.5em', color: new vscode.ThemeColor('testing.iconPassed') } });
  private readonly failed = vscode.window.createTextEditorDecorationType({
    after: { margin: '0 0 0 1.5em', color: new vscode.ThemeColor('testing.iconFailed') },
    isWholeLine: true,
    backgroundColor: new vscode.ThemeColor('diffEditor.removedLineBackground'),
  });
  private readonly subscriptions: vscode.Disposable[];

  constructor() {
    this.subscriptions = [
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.contentChanges.length > 0 && this.lines.has(event.document.uri.toString())) {
          this.clear(event.document.uri);
        }
      }),
      vscode.window.onDidChangeVisibleTextEditors(() => this.render()),
    ];
  }

  readonly observer: RunObserver = (session) => {
    const key = session.uri.toString();
    const lines = new Map<number, LineResult>();
    this.lines.set(key, lines);
    this.diagnostics.delete(session.uri);
    const failures: vscode.Diagnostic[] = [];
    return {
      events: (batch) => {
        for (const event of batch) {
          this.apply(lines, failures, event);
        }
        this.diagnostics.set(session.uri, failures);
        this.render(key);
      },
      end: () => {
        for (const [line, result] of lines) {
          if (result.state === 'running') {
            lines.delete(line);
          }
        }
        this.render(key);
      },
    };
  };

  private apply(lines: Map<number, LineResult>, failures: vscode.Diagnostic[], event: RunEvent): void {
    if (event.type === 'step-start') {
      const line = event.step.line - 1;
      const current = lines.get(line);
      if (current === undefined) {
        lines.set(line, { state: 'running', count: 0, totalMs: 0 });
      } else if (current.state !== 'failed') {
        current.state = 'running';
      }
    } else if (event.type === 'step-end') {
      const line = event.result.line - 1;
      const current = lines.get(line) ?? { state: 'running', count: 0, totalMs: 0 };
      current.count++;
      current.totalMs += event.result.elapsedMs;
      current.state = event.result.outcome === 'passed' ? 'passed' : event.result.outcome === 'failed' ? 'failed' : current.state;
      if (event.result.outcome === 'cancelled' && current.count === 1) {
        lines.delete(line);
      } else {
        lines.set(line, current);
      }
      if (event.result.outcome === 'failed') {
        failures.push(this.failure(event.file, event.result));
      }
    } else if (event.type === 'section-end' && event.result.outcome === 'failed' && event.result.steps.every((step) => step.outcome !== 'failed')) {
      const diagnostic = new vscode.Diagnostic(new vscode.Range(event.result.line - 1, 0, event.result.line - 1, 1000), `${event.file}:${event.result.line}: ${runFailureSentence(event.result) ?? ''}`, vscode.DiagnosticSeverity.Error);
      diagnostic.source = RESULTS_SOURCE;
      failures.push(diagnostic);
    }
  }

  private failure(file: string, step: StepResult): vscode.Diagnostic {
    const range = new vscode.Range(step.line - 1, Math.max(0, step.column - 1), step.line - 1, 1000);
    const diagnostic = new vscode.Diagnostic(range, `${file}:${step.line}: ${runFailureSentence(step) ?? step.outcome}`, vscode.DiagnosticSeverity.Error);
    diagnostic.source = RESULTS_SOURCE;
    diagnostic.code = step.error?.code;
    return diagnostic;
  }

  /** What a line shows after it, for tests and the decorations alike. */
  label(uri: vscode.Uri, line: number): string | undefined {
    const result = this.lines.get(uri.toString())?.get(line);
    if (result === undefined) {
      return undefined;
    }
    if (result.state === 'running') {
      return '…';
    }
    const mark = result.state === 'passed' ? '✓' : '✗';
    return result.count > 1
      ? vscode.l10n.t('{0} {1}× in {2} ms', mark, result.count, milliseconds(result.totalMs))
      : vscode.l10n.t('{0} {1} ms', mark, milliseconds(result.totalMs));
  }

  clear(uri: vscode.Uri): void {
    this.lines.delete(uri.toString());
    this.diagnostics.delete(uri);
    this.render(uri.toString());
  }

  private render(only?: string): void {
    for (const editor of vscode.window.visibleTextEditors) {
      const key = editor.document.uri.toString();
      if (only !== undefined && key !== only) {
        continue;
      }
      const lines = this.lines.get(key) ?? new Map<number, LineResult>();
      const byState = { running: [] as vscode.DecorationOptions[], passed: [] as vscode.DecorationOptions[], failed: [] as vscode.DecorationOptions[] };
      for (const [line, result] of lines) {
        if (line >= editor.document.lineCount) {
          continue;
        }
        const end = editor.document.lineAt(line).range.end;
        byState[result.state].push({ range: new vscode.Range(end, end), renderOptions: { after: { contentText: this.label(editor.document.uri, line) } } });
      }
      editor.setDecorations(this.running, byState.running);
      editor.setDecorations(this.passed, byState.passed);
      editor.setDecorations(this.failed, byState.failed);
    }
  }

  dispose(): void {
    this.subscriptions.forEach((subscription) => subscription.dispose());
    this.diagnostics.dispose();
    this.running.dispose();
    this.passed.dispose();
    this.failed.dispose();
  }
}

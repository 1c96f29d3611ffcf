/**
 * The Testing view: each .wire file of the workspace is a test item, each section a child. A Run
 * profile runs a section, a file or every file; runs started elsewhere (CodeLens, the command)
 * report here too. Failures carry expected/actual and the failed step's location. A file watcher
 * and the open documents keep the items current. Mock servers are served from the editor only.
 */
import * as vscode from 'vscode';
import { runErrorDiff, runFailureSentence } from '../messages/wireErrors';
import type { FileResult, SectionResult } from '../wire';
import { parseDocument, parseText, WIRE_LANGUAGE, type SectionExtent } from './documents';
import type { RunObserver, WireRuns } from './runs';

const WIRE_GLOB = '**/*.wire';

/**
 * A failed section's message in the Testing view: the failed step's sentence (or the section's),
 * a diff of an expect's expected and actual sides, at the step's line and column.
 */
function failureTestMessage(uri: vscode.Uri, result: SectionResult): vscode.TestMessage {
  const step = result.steps.find((candidate) => candidate.outcome === 'failed');
  const failed = step ?? result;
  const text = runFailureSentence(failed) ?? '';
  const diff = failed.error === undefined ? undefined : runErrorDiff(failed.error);
  const message = diff !== undefined ? vscode.TestMessage.diff(text, diff.expected, diff.actual) : new vscode.TestMessage(text);
  message.location = new vscode.Location(uri, new vscode.Position((step?.line ?? result.line) - 1, Math.max(0, (step?.column ?? 1) - 1)));
  return message;
}

export class WireTests implements vscode.Disposable {
  readonly controller = vscode.tests.createTestController('socketWorkbench.wire', vscode.l10n.t('Wire files'));
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(private readonly runs: WireRuns) {
    this.controller.createRunProfile(vscode.l10n.t('Run'), vscode.TestRunProfileKind.Run, (request, token) => this.runRequest(request, token), true);
    this.controller.resolveHandler = async (item) => {
      if (item === undefined) {
        await this.discover();
      }
    };
    const watcher = vscode.workspace.createFileSystemWatcher(WIRE_GLOB);
    this.subscriptions.push(
      watcher,
      watcher.onDidCreate((uri) => void this.refreshFile(uri)),
      watcher.onDidChange((uri) => void this.refreshFile(uri)),
      watcher.onDidDelete((uri) => this.controller.items.delete(uri.toString())),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.document.languageId === WIRE_LANGUAGE && event.document.uri.scheme === 'file') {
          this.update(event.document.uri, parseDocument(event.document).sections);
        }
      }),
      runs.observe(this.observer),
    );
  }

  /** The message a failed section gets in the Testing view (report uses it; so do the tests). */
  failureMessage(uri: vscode.Uri, result: SectionResult): vscode.TestMessage {
    return failureTestMessage(uri, result);
  }

  async discover(): Promise<void> {
    const files = await vscode.workspace.findFiles(WIRE_GLOB, '**/node_modules/**', 5000);
    await Promise.all(files.map((uri) => this.refreshFile(uri)));
  }

  private async refreshFile(uri: vscode.Uri): Promise<vscode.TestItem | undefined> {
    try {
      const open = vscode.workspace.textDocuments.find((document) => document.uri.toString() === uri.toString());
      const text = open?.getText() ?? new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
      return this.update(uri, parseText(text, uri).sections);
    } catch {
      this.controller.items.delete(uri.toString());
      return undefined;
    }
  }

  private update(uri: vscode.Uri, sections: readonly SectionExtent[]): vscode.TestItem {
    let file = this.controller.items.get(uri.toString());
    if (file === undefined) {
      file = this.controller.createTestItem(uri.toString(), vscode.workspace.asRelativePath(uri), uri);
      this.controller.items.add(file);
    }
    file.children.replace(sections.map((section) => {
      const child = this.controller.createTestItem(`${uri.toString()}#${section.name}`, section.name, uri);
      child.range = new vscode.Range(section.line, 0, section.line, 0);
      child.description = section.mockServer ? vscode.l10n.t('mock server') : undefined;
      return child;
    }));
    return file;
  }

  private async item(uri: vscode.Uri): Promise<vscode.TestItem | undefined> {
    return this.controller.items.get(uri.toString()) ?? this.refreshFile(uri);
  }

  private async runRequest(request: vscode.TestRunRequest, token: vscode.CancellationToken): Promise<void> {
    if (request.include === undefined) {
      await this.discover();
    }
    const included = request.include ?? [...this.items()];
    const excluded = new Set((request.exclude ?? []).map((item) => item.id));
    const run = this.controller.createTestRun(request);
    const stop = token.onCancellationRequested(() => this.runs.stop());
    try {
      for (const item of included) {
        if (excluded.has(item.id) || item.uri === undefined) {
          continue;
        }
        const isFile = item.parent === undefined;
        const sections = isFile ? [...this.childrenOf(item)].filter((child) => !excluded.has(child.id)) : [item];
        for (const section of sections) {
          if (token.isCancellationRequested) {
            run.skipped(section);
            continue;
          }
          if (section.description !== undefined) {
            run.skipped(section);
            continue;
          }
          run.enqueued(section);
          try {
            await this.runs.run(item.uri, section.label, run);
          } catch (error) {
            run.errored(section, new vscode.TestMessage(error instanceof Error ? error.message : String(error)));
          }
        }
      }
    } finally {
      stop.dispose();
      run.end();
    }
  }

  private *items(): Iterable<vscode.TestItem> {
    for (const [, item] of this.controller.items) {
      yield item;
    }
  }

  private *childrenOf(item: vscode.TestItem): Iterable<vscode.TestItem> {
    for (const [, child] of item.children) {
      yield child;
    }
  }

  /** Reports every run's sections: into the Testing view's own run, or a run of its own. */
  private readonly observer: RunObserver = (session) => {
    const own = session.testRun === undefined;
    let run: vscode.TestRun | undefined = session.testRun;
    const sectionItem = (name: string): vscode.TestItem | undefined => this.controller.items.get(session.uri.toString())?.children.get(`${session.uri.toString()}#${name}`);
    const ensureRun = (): vscode.TestRun => {
      if (run === undefined) {
        const items = session.sections.map((section) => sectionItem(section.name)).filter((item) => item !== undefined);
        run = this.controller.createTestRun(new vscode.TestRunRequest(items), session.file, false);
      }
      return run;
    };
    if (own) {
      void this.item(session.uri);
    }
    return {
      events: (batch) => {
        for (const event of batch) {
          const item = event.type === 'section-start' ? sectionItem(event.section) : event.type === 'section-end' ? sectionItem(event.result.name) : undefined;
          if (item === undefined) {
            continue;
          }
          if (event.type === 'section-start') {
            ensureRun().started(item);
          } else if (event.type === 'section-end') {
            this.report(ensureRun(), item, session.uri, event.result);
          }
        }
      },
      end: (_result: FileResult) => {
        if (own) {
          run?.end();
        }
      },
    };
  };

  private report(run: vscode.TestRun, item: vscode.TestItem, uri: vscode.Uri, result: SectionResult): void {
    switch (result.outcome) {
      case 'passed':
        run.passed(item, result.durationMs);
        return;
      case 'skipped':
      case 'cancelled':
        run.skipped(item);
        return;
      case 'failed':
        run.failed(item, this.failureMessage(uri, result), result.durationMs);
        return;
    }
  }

  dispose(): void {
    this.subscriptions.forEach((subscription) => subscription.dispose());
    this.controller.dispose();
  }
}

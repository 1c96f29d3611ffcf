/**
 * Runs the sections of a .wire file on the extension's own engine (so their sockets show in the
 * Sockets view, named after the section, and the payload panel works on them), one AbortController
 * per section so each can be stopped. Progress events are collected and handed to the observers
 * (decorations, Testing view, status bar) in batches, never per step.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { parseErrorSentence } from '../messages/wireErrors';
import { runWire, serveWire, overall, type FileResult, type RunEvent, type SectionResult } from '../wire';
import type { Services } from '../services';
import { parseText, wireFileName, type SectionExtent } from './documents';
import { readWireVariables } from './variables';

const FLUSH_MS = 100;

export interface RunSession {
  readonly uri: vscode.Uri;
  readonly file: string;
  /** The sections this session runs, in order. */
  readonly sections: readonly SectionExtent[];
  /** Set when the Testing view started the run: its observer reports there. */
  readonly testRun?: vscode.TestRun;
}

export interface SessionObserver {
  events(batch: readonly RunEvent[]): void;
  end(result: FileResult): void;
}

export type RunObserver = (session: RunSession) => SessionObserver | undefined;

export class WireRunError extends Error {}

interface Running {
  readonly uri: string;
  readonly section: string;
  readonly controller: AbortController;
}

function sectionKey(uri: vscode.Uri | string, section: string): string {
  return `${uri.toString()}#${section}`;
}

export class WireRuns implements vscode.Disposable {
  private readonly running = new Map<string, Running>();
  private readonly observers: RunObserver[] = [];
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;

  constructor(private readonly services: Services) {}

  observe(observer: RunObserver): vscode.Disposable {
    this.observers.push(observer);
    return new vscode.Disposable(() => this.observers.splice(this.observers.indexOf(observer), 1));
  }

  isRunning(uri: vscode.Uri, section?: string): boolean {
    return section === undefined
      ? [...this.running.values()].some((run) => run.uri === uri.toString())
      : this.running.has(sectionKey(uri, section));
  }

  get active(): number {
    return this.running.size;
  }

  /** Stops the sections that match (all of a file, or everything); returns how many were running. */
  stop(uri?: vscode.Uri, section?: string): number {
    let stopped = 0;
    for (const run of this.running.values()) {
      if ((uri === undefined || run.uri === uri.toString()) && (section === undefined || run.section === section)) {
        run.controller.abort();
        stopped++;
      }
    }
    return stopped;
  }

  /**
   * Runs one section (a mock server is served until stopped) or every section of the file (mock
   * servers skipped, as the CLI's `run` does). Rejects with WireRunError for a file that does not
   * parse or a section it does not have, naming the file and line.
   */
  async run(uri: vscode.Uri, sectionName?: string, testRun?: vscode.TestRun): Promise<FileResult> {
    const document = await vscode.workspace.openTextDocument(uri);
    const parsed = parseText(document.getText(), uri);
    if (!parsed.result.ok) {
      const first = parsed.result.errors[0];
      throw new WireRunError(vscode.l10n.t('{0} has {1} error(s) and runs nothing. First: {2}', wireFileName(uri), parsed.result.errors.length, `${wireFileName(uri)}:${String(first.data.line ?? 1)}:${String(first.data.column ?? 1)}: ${parseErrorSentence(first)}`));
    }
    const file = parsed.result.file;
    const sections = sectionName === undefined ? parsed.sections : parsed.sections.filter((section) => section.name === sectionName);
    if (sections.length === 0) {
      throw new WireRunError(sectionName === undefined
        ? vscode.l10n.t('{0} has no sections (a section starts with a ### line).', wireFileName(uri))
        : vscode.l10n.t("{0} has no section named '{1}'.", wireFileName(uri), sectionName));
    }
    const session: RunSession = { uri, file: file.file, sections, testRun };
    const observers = this.observers.map((observer) => observer(session)).filter((observer) => observer !== undefined);
    let pending: RunEvent[] = [];
    let timer: NodeJS.Timeout | undefined;
    const flush = (): void => {
      clearTimeout(timer);
      timer = undefined;
      if (pending.length > 0) {
        const batch = pending;
        pending = [];
        observers.forEach((observer) => observer.events(batch));
      }
    };
    const onEvent = (event: RunEvent): void => {
      pending.push(event);
      if (timer === undefined) {
        timer = setTimeout(flush, FLUSH_MS);
      }
    };
    const started = Date.now();
    const results: SectionResult[] = [];
    const options = {
      engine: this.services.engine,
      defaults: readWireVariables(uri).values,
      baseDirectory: uri.scheme === 'file' ? path.dirname(uri.fsPath) : process.cwd(),
      socketName: (section: string, name: string | undefined) => (name === undefined ? section : `${section} · ${name}`),
      onEvent,
    };
    try {
      for (const section of sections) {
        const key = sectionKey(uri, section.name);
        if (this.running.has(key)) {
          throw new WireRunError(vscode.l10n.t("'{0}' of {1} is already running.", section.name, wireFileName(uri)));
        }
        const controller = new AbortController();
        this.running.set(key, { uri: uri.toString(), section: section.name, controller });
        this.changed.fire();
        try {
          if (section.mockServer && sectionName !== undefined) {
            results.push(await serveWire(file, section.name, { ...options, signal: controller.signal }));
          } else {
            const result = await runWire(file, { ...options, sections: [section.name], signal: controller.signal });
            results.push(...result.sections);
          }
        } finally {
          this.running.delete(key);
          this.changed.fire();
        }
      }
    } finally {
      flush();
    }
    const result: FileResult = { file: file.file, outcome: overall(results), durationMs: Date.now() - started, sections: results };
    observers.forEach((observer) => observer.end(result));
    return result;
  }

  dispose(): void {
    this.stop();
    this.changed.dispose();
  }
}

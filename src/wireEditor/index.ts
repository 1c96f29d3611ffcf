/**
 * Wire files in the editor: the language features (diagnostics, completion, hover, outline) and
 * running sections (CodeLens, commands, live results, Testing view, status bar progress).
 */
import * as vscode from 'vscode';
import type { Services } from '../services';
import type { AutoReplies } from '../autoReply/service';
import { registerAutoReplyCommand } from './autoReply';
import { registerCodeLens } from './codeLens';
import { registerWireCommands } from './commands';
import { registerCompletion } from './completion';
import { clearParseCache } from './documents';
import { registerDiagnostics } from './diagnostics';
import { registerHover } from './hover';
import { LiveResults } from './liveResults';
import { registerRunProgress } from './progress';
import { WireRuns } from './runs';
import { registerSections } from './sections';
import { WireTests } from './testing';

export interface WireEditor extends vscode.Disposable {
  readonly runs: WireRuns;
  readonly results: LiveResults;
  readonly tests: WireTests;
  readonly autoReplies: AutoReplies;
}

export function registerWireEditor(services: Services, autoReplies: AutoReplies): WireEditor {
  const runs = new WireRuns(services);
  const results = new LiveResults();
  const tests = new WireTests(runs);
  const disposable = vscode.Disposable.from(
    registerDiagnostics(),
    registerCompletion(),
    registerHover(),
    registerSections(),
    runs.observe(results.observer),
    registerCodeLens(runs),
    registerRunProgress(runs),
    registerWireCommands(services, runs),
    registerAutoReplyCommand(services, autoReplies),
    tests,
    results,
    runs,
    new vscode.Disposable(clearParseCache),
  );
  return { runs, results, tests, autoReplies, dispose: () => disposable.dispose() };
}

/**
 * `socketWorkbench.runWire(uri?, sectionName?)` → the FileResult (undefined when nothing ran), and
 * `socketWorkbench.stopWire(uri?, sectionName?)` → how many sections were stopped. Without a uri
 * they act on the active .wire editor (runWire) or on every run (stopWire). Failures are shown
 * naming the file and line, and never thrown to the caller.
 */
import * as vscode from 'vscode';
import { runFailureSentence } from '../messages/wireErrors';
import type { FileResult } from '../wire';
import { showWarning, type Services } from '../services';
import { RUN_COMMAND, STOP_COMMAND } from './codeLens';
import { WIRE_LANGUAGE } from './documents';
import { WireRunError, type WireRuns } from './runs';
import { requireTrust } from '../trust';

function toUri(value: unknown): vscode.Uri | undefined {
  if (value instanceof vscode.Uri) {
    return value;
  }
  if (typeof value === 'string' && value !== '') {
    return /^[a-z][\w+.-]+:/i.test(value) && !/^[a-z]:[\\/]/i.test(value) ? vscode.Uri.parse(value) : vscode.Uri.file(value);
  }
  if (typeof value === 'object' && value !== null && 'uri' in value && (value as { uri: unknown }).uri instanceof vscode.Uri) {
    return (value as { uri: vscode.Uri }).uri;
  }
  return undefined;
}

function activeWireUri(): vscode.Uri | undefined {
  const document = vscode.window.activeTextEditor?.document;
  return document?.languageId === WIRE_LANGUAGE ? document.uri : undefined;
}

/** One message for a run that did not pass: the first failure, with its file and line. */
function failureMessage(result: FileResult): string | undefined {
  const section = result.sections.find((candidate) => candidate.outcome === 'failed');
  if (section === undefined) {
    return undefined;
  }
  const step = section.steps.find((candidate) => candidate.outcome === 'failed');
  return vscode.l10n.t("{0}:{1}: '{2}' failed: {3}", result.file, step?.line ?? section.line, section.name, runFailureSentence(step ?? section) ?? '');
}

export function registerWireCommands(services: Services, runs: WireRuns): vscode.Disposable {
  const log = services.log.child('wire');
  const setRunning = (): void => void vscode.commands.executeCommand('setContext', 'socketWorkbench.wireRunning', runs.active > 0);
  return vscode.Disposable.from(
    runs.onDidChange(setRunning),
    vscode.commands.registerCommand(RUN_COMMAND, async (target?: unknown, sectionName?: unknown): Promise<FileResult | undefined> => {
      const uri = toUri(target) ?? activeWireUri();
      if (uri === undefined) {
        void showWarning(services, vscode.l10n.t('Open a .wire file to run it, or pass its uri.'), {});
        return undefined;
      }
      // One trust rule for every restricted action (src/trust.ts).
      if (!requireTrust(services, 'run-wire', uri.path.split('/').pop() ?? uri.toString())) {
        return undefined;
      }
      const section = typeof sectionName === 'string' ? sectionName : undefined;
      try {
        log.info(`run ${uri.toString()}${section === undefined ? '' : ` § ${section}`}`);
        const result = await runs.run(uri, section);
        log.info(`${result.file}: ${result.outcome} in ${Math.round(result.durationMs)} ms`);
        const failure = failureMessage(result);
        if (failure !== undefined) {
          log.warn(failure);
          void showWarning(services, failure, {});
        }
        return result;
      } catch (error) {
        const message = error instanceof WireRunError ? error.message : vscode.l10n.t('{0}: the run failed: {1}', uri.path.split('/').pop() ?? '', error instanceof Error ? error.message : String(error));
        log.error(message);
        void showWarning(services, message, {});
        return undefined;
      }
    }),
    vscode.commands.registerCommand(STOP_COMMAND, (target?: unknown, sectionName?: unknown): number => {
      const stopped = runs.stop(toUri(target), typeof sectionName === 'string' ? sectionName : undefined);
      log.info(`stop: ${stopped} section(s)`);
      return stopped;
    }),
  );
}

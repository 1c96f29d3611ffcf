/**
 * Save Transcript As… (text or xxd-style hex dump, see transcriptFormat.ts) and Clear Transcript.
 */
import * as vscode from 'vscode';
import { EngineError } from '../engine';
import { showInformation } from '../services';
import { concerning, registerCommand, type CommandContext } from './context';
import { socketLabel } from '../socketText';
import { fileStem } from './labels';
import { resolveSelection, selectedArguments, socketFromArgument, type PickOptions } from './pick';
import { withDelayedProgress } from './progress';
import { formatTranscript, TRANSCRIPT_FORMATS, type TranscriptFormat } from './transcriptFormat';
import { workspaceFolderPath } from './open';

function anySocket(placeholder: string): PickOptions {
  return { filter: () => true, placeholder, emptyMessage: vscode.l10n.t('There are no sockets.'), connections: true };
}

/** A Uri from the argument: a Uri, a URI string with a scheme, or a file path. */
function uriArgument(value: unknown): vscode.Uri | undefined {
  if (value instanceof vscode.Uri) {
    return value;
  }
  if (typeof value === 'string' && value !== '') {
    return /^[a-z][a-z0-9+.-]+:\/\//i.test(value) ? vscode.Uri.parse(value) : vscode.Uri.file(value);
  }
  return undefined;
}

function formatFromName(uri: vscode.Uri): TranscriptFormat {
  return /\.(hex|hexdump|xxd)(\.txt)?$/i.test(uri.path) ? 'hex' : 'text';
}

async function askFormat(): Promise<TranscriptFormat | undefined> {
  const items: Array<vscode.QuickPickItem & { format: TranscriptFormat }> = [
    { format: 'text', label: vscode.l10n.t('Text'), description: vscode.l10n.t('one line per event, payloads as escapes (\\r\\n, \\xHH)') },
    { format: 'hex', label: vscode.l10n.t('Hex dump'), description: vscode.l10n.t('each payload as an xxd-style dump') },
  ];
  const picked = await vscode.window.showQuickPick(items, { placeHolder: vscode.l10n.t('Transcript format') });
  return picked?.format;
}

async function saveTranscript(context: CommandContext, first: unknown, second: unknown, third: unknown): Promise<vscode.Uri | undefined> {
  const { services } = context;
  const chosen = await socketFromArgument(services, first, anySocket(vscode.l10n.t('Socket whose transcript to save')));
  if (chosen === undefined) {
    return undefined;
  }
  const { info } = chosen;
  if (third !== undefined && !TRANSCRIPT_FORMATS.includes(third as TranscriptFormat)) {
    throw new EngineError('INVALID_ARGUMENT', vscode.l10n.t("Unknown transcript format '{0}': use text or hex.", String(third)), { format: String(third) });
  }
  let uri = uriArgument(second);
  let format = third as TranscriptFormat | undefined;
  if (uri === undefined) {
    format ??= await askFormat();
    if (format === undefined) {
      return undefined;
    }
    const folder = workspaceFolderPath();
    const name = `${fileStem(info)}.${format === 'hex' ? 'hexdump' : 'transcript'}.txt`;
    uri = await vscode.window.showSaveDialog({
      title: vscode.l10n.t('Save Transcript of {0}', socketLabel(info)),
      defaultUri: folder === undefined ? undefined : vscode.Uri.joinPath(vscode.Uri.file(folder), name),
      filters: { [vscode.l10n.t('Text files')]: ['txt', 'log', 'hex'] },
    });
    if (uri === undefined) {
      return undefined;
    }
  }
  const target = uri;
  const resolvedFormat = format ?? formatFromName(target);
  const transcript = services.engine.transcript(info.id);
  const text = formatTranscript(info, transcript.entries(), transcript.counters(), resolvedFormat);
  await concerning(socketLabel(info), () =>
    withDelayedProgress({ title: vscode.l10n.t('Saving the transcript of {0}…', socketLabel(info)), cancellable: false }, async () => {
      await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(text));
    }),
  );
  services.log.child('commands').info(`${info.id}: transcript saved to ${target.toString()} (${resolvedFormat})`);
  const open = vscode.l10n.t('Open');
  void showInformation(services, vscode.l10n.t('Saved the transcript of {0} to {1}.', socketLabel(info), target.scheme === 'file' ? target.fsPath : target.toString()), open).then(
    async (choice) => {
      if (choice === open) {
        await vscode.window.showTextDocument(target);
      }
    },
  );
  return target;
}

async function clearTranscript(context: CommandContext, first: unknown, second: unknown): Promise<void> {
  const selected = selectedArguments(first, second);
  const chosen =
    selected.length > 1
      ? resolveSelection(context.services, selected)
      : [await socketFromArgument(context.services, first, anySocket(vscode.l10n.t('Socket whose transcript to clear')))];
  for (const resolved of chosen) {
    if (resolved !== undefined) {
      context.services.engine.clearTranscript(resolved.info.id);
    }
  }
}

export function registerTranscriptCommands(context: CommandContext): vscode.Disposable[] {
  return [
    registerCommand(context, 'socketWorkbench.saveTranscript', (first, second, third) => saveTranscript(context, first, second, third)),
    registerCommand(context, 'socketWorkbench.clearTranscript', (first, second) => clearTranscript(context, first, second)),
  ];
}

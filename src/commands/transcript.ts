/**
 * Save Transcript As… (text or xxd-style hex dump, see transcriptFormat.ts) and Clear Transcript.
 */
import * as vscode from 'vscode';
import { EngineError, type SocketInfo } from '../engine';
import { showInformation } from '../services';
import { concerning, registerCommand, type CommandContext } from './context';
import { socketLabel } from '../socketText';
import { fileStem } from './labels';
import { candidates, resolveSelection, selectedArguments, socketFromArgument, socketPickItem, type PickOptions, type SocketPickItem } from './pick';
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
    { format: 'text', label: vscode.l10n.t('Text'), description: vscode.l10n.t('one line per event, payloads as readable text; controls as escapes (\\r\\n, \\xHH)') },
    { format: 'hex', label: vscode.l10n.t('Hex dump'), description: vscode.l10n.t('each payload as an xxd-style dump') },
  ];
  const picked = await vscode.window.showQuickPick(items, { placeHolder: vscode.l10n.t('Transcript format') });
  return picked?.format;
}

/**
 * The socket whose transcript to save: a live one (argument or picker) or an ended connection,
 * given by its id (the panel of a closed connection) or picked from the same list.
 */
async function transcriptSocket(context: CommandContext, first: unknown): Promise<SocketInfo | undefined> {
  const { services, closedConnections } = context;
  const endedId = typeof first === 'string' ? first : typeof first === 'object' && first !== null && 'socketId' in first ? String(first.socketId) : undefined;
  const ended = endedId === undefined || services.engine.get(endedId) !== undefined ? undefined : closedConnections.get(endedId);
  if (ended !== undefined) {
    return ended;
  }
  if (first !== undefined) {
    return (await socketFromArgument(services, first, anySocket('')))?.info;
  }
  const placeholder = vscode.l10n.t('Socket whose transcript to save');
  const items: SocketPickItem[] = [...candidates(services, { filter: () => true, connections: true })];
  for (const info of closedConnections.list()) {
    const server = info.parentId === undefined ? undefined : services.engine.get(info.parentId);
    items.push(socketPickItem(info, server));
  }
  if (items.length === 0) {
    void showInformation(services, vscode.l10n.t('There are no sockets.'));
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(items, { placeHolder: placeholder, matchOnDescription: true, matchOnDetail: true });
  return picked?.info;
}

async function saveTranscript(context: CommandContext, first: unknown, second: unknown, third: unknown): Promise<vscode.Uri | undefined> {
  const { services } = context;
  const info = await transcriptSocket(context, first);
  if (info === undefined) {
    return undefined;
  }
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
  const live = services.engine.get(info.id) !== undefined;
  const transcript = live ? services.engine.transcript(info.id) : undefined;
  const { entries, counters } = transcript === undefined ? context.closedConnections.transcript(info) : { entries: transcript.entries(), counters: transcript.counters() };
  const text = formatTranscript(info, entries, counters, resolvedFormat);
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

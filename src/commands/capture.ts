/**
 * Export Capture (pcapng)…, Record to File… and Stop Recording: the engine writes the files; these
 * commands pick the socket and the file, and say what was written (and what was not).
 */
import * as vscode from 'vscode';
import { EngineError, RECORDING_FORMATS, type CaptureExport, type RecordingFormat, type RecordingStatus, type SocketInfo } from '../engine';
import { showInformation, showWarning } from '../services';
import { formatBytes, formatCount, socketLabel } from '../socketText';
import { concerning, registerCommand, type CommandContext } from './context';
import { fileStem } from './labels';
import { workspaceFolderPath } from './open';
import { socketFromArgument, type PickOptions } from './pick';
import { withDelayedProgress } from './progress';

function anySocket(placeholder: string, filter: (info: SocketInfo) => boolean = () => true): PickOptions {
  return { filter, placeholder, emptyMessage: vscode.l10n.t('There are no sockets.'), connections: true };
}

/** A file path from the argument: a file Uri or a path; other schemes cannot be streamed to. */
function pathArgument(value: unknown): string | undefined {
  if (value instanceof vscode.Uri) {
    if (value.scheme !== 'file') {
      throw new EngineError('INVALID_ARGUMENT', vscode.l10n.t('Captures are written to local files; {0} is not one.', value.toString()), { uri: value.toString() });
    }
    return value.fsPath;
  }
  if (typeof value === 'string' && value !== '') {
    return /^file:\/\//i.test(value) ? vscode.Uri.parse(value).fsPath : value;
  }
  return undefined;
}

async function askPath(info: SocketInfo, title: string, extension: string, filterName: string): Promise<string | undefined> {
  const folder = workspaceFolderPath();
  const name = `${fileStem(info)}.${extension}`;
  const uri = await vscode.window.showSaveDialog({
    title,
    defaultUri: folder === undefined ? undefined : vscode.Uri.joinPath(vscode.Uri.file(folder), name),
    filters: { [filterName]: [extension] },
  });
  return uri?.fsPath;
}

function droppedSentence(result: CaptureExport): string | undefined {
  if (result.droppedEntries === 0) {
    return undefined;
  }
  return result.droppedEntries === 1
    ? vscode.l10n.t('The transcript had already dropped 1 older entry (its limits); the capture holds the {0} entries it still had.', formatCount(result.entries))
    : vscode.l10n.t(
        'The transcript had already dropped {0} older entries (its limits); the capture holds the {1} entries it still had.',
        formatCount(result.droppedEntries),
        formatCount(result.entries),
      );
}

async function exportCapture(context: CommandContext, first: unknown, second: unknown): Promise<CaptureExport | undefined> {
  const { services } = context;
  const chosen = await socketFromArgument(services, first, anySocket(vscode.l10n.t('Socket whose capture to export')));
  if (chosen === undefined) {
    return undefined;
  }
  const { info } = chosen;
  const target =
    pathArgument(second) ?? (await askPath(info, vscode.l10n.t('Export Capture of {0}', socketLabel(info)), 'pcapng', vscode.l10n.t('pcapng captures')));
  if (target === undefined) {
    return undefined;
  }
  const result = await concerning(socketLabel(info), () =>
    withDelayedProgress({ title: vscode.l10n.t('Exporting the capture of {0}…', socketLabel(info)), cancellable: false }, () =>
      services.engine.exportCapture(info.id, target),
    ),
  );
  services.log
    .child('commands')
    .info(`${info.id}: capture exported to ${target} (${result.packets} packets, ${result.entries} entries, ${result.droppedEntries} dropped before the export)`);
  const done = vscode.l10n.t('Exported {0} packets of {1} to {2}.', formatCount(result.packets), socketLabel(info), target);
  const dropped = droppedSentence(result);
  if (dropped === undefined) {
    void showInformation(services, done);
  } else {
    void showWarning(services, `${done} ${dropped}`, {});
  }
  return result;
}

function formatArgument(value: unknown): RecordingFormat | undefined {
  if (value === undefined || value === null) {
    return undefined;
  }
  const format = typeof value === 'object' && 'format' in value ? (value as { format: unknown }).format : value;
  if (format === undefined) {
    return undefined;
  }
  if (!RECORDING_FORMATS.includes(format as RecordingFormat)) {
    throw new EngineError('INVALID_ARGUMENT', vscode.l10n.t("Unknown recording format '{0}': use pcapng or jsonl.", String(format)), { format: String(format) });
  }
  return format as RecordingFormat;
}

async function askFormat(): Promise<RecordingFormat | undefined> {
  const items: Array<vscode.QuickPickItem & { format: RecordingFormat }> = [
    { format: 'pcapng', label: 'pcapng', description: vscode.l10n.t('opens in Wireshark; TCP and UDP headers are synthesized') },
    { format: 'jsonl', label: 'JSON Lines', description: vscode.l10n.t('one JSON object per entry, payloads in base64') },
  ];
  const picked = await vscode.window.showQuickPick(items, { placeHolder: vscode.l10n.t('Recording format') });
  return picked?.format;
}

async function record(context: CommandContext, first: unknown, second: unknown, third: unknown): Promise<RecordingStatus | undefined> {
  const { services } = context;
  const chosen = await socketFromArgument(
    services,
    first,
    anySocket(vscode.l10n.t('Socket to record'), (info) => services.engine.recording(info.id) === undefined),
  );
  if (chosen === undefined) {
    return undefined;
  }
  const { info } = chosen;
  let format = formatArgument(third);
  let target = pathArgument(second);
  if (target === undefined) {
    format ??= await askFormat();
    if (format === undefined) {
      return undefined;
    }
    target = await askPath(
      info,
      vscode.l10n.t('Record {0} to File', socketLabel(info)),
      format,
      format === 'pcapng' ? vscode.l10n.t('pcapng captures') : vscode.l10n.t('JSON Lines files'),
    );
    if (target === undefined) {
      return undefined;
    }
  }
  const resolvedFormat = format ?? (/\.jsonl?$/i.test(target) ? 'jsonl' : 'pcapng');
  const path = target;
  const status = await concerning(socketLabel(info), () => services.engine.record(info.id, path, { format: resolvedFormat }));
  services.log.child('commands').info(`${info.id}: recording to ${path} (${resolvedFormat})`);
  void showInformation(services, vscode.l10n.t('Recording {0} to {1}.', socketLabel(info), path));
  return status;
}

async function stopRecording(context: CommandContext, first: unknown): Promise<RecordingStatus | undefined> {
  const { services } = context;
  const chosen = await socketFromArgument(services, first, {
    ...anySocket(vscode.l10n.t('Recording to stop'), (info) => services.engine.recording(info.id) !== undefined),
    emptyMessage: vscode.l10n.t('No socket is recording.'),
  });
  if (chosen === undefined) {
    return undefined;
  }
  const { info } = chosen;
  const status = await concerning(socketLabel(info), () => services.engine.stopRecording(info.id));
  services.log
    .child('commands')
    .info(`${info.id}: recording to ${status.path} stopped: ${status.entries} entries, ${status.bytesWritten} bytes, ${status.lostEntries} lost`);
  const done = vscode.l10n.t('Recorded {0} entries of {1} ({2}) to {3}.', formatCount(status.entries), socketLabel(info), formatBytes(status.bytesWritten), status.path);
  if (status.lostEntries > 0) {
    void showWarning(
      services,
      `${done} ${vscode.l10n.t('{0} entries were lost because the disk could not keep up; the file says where.', formatCount(status.lostEntries))}`,
      {},
    );
  } else {
    void showInformation(services, done);
  }
  return status;
}

export function registerCaptureCommands(context: CommandContext): vscode.Disposable[] {
  return [
    registerCommand(context, 'socketWorkbench.exportCapture', (first, second) => exportCapture(context, first, second)),
    registerCommand(context, 'socketWorkbench.record', (first, second, third) => record(context, first, second, third)),
    registerCommand(context, 'socketWorkbench.stopRecording', (first) => stopRecording(context, first)),
  ];
}

/**
 * What a traffic row offers: copy it as text or hex (through VS Code's clipboard, which works where
 * a webview's may not), load it into the composer, or open its whole hex dump in an editor.
 */
import * as vscode from 'vscode';
import { decodePayload, findInvalidUtf8, hexdump, type PayloadEncoding, type TranscriptEntry } from '../engine';
import type { CopyFormat, HostMessage } from '../shared/protocol';
import { eventText } from './strings';

type Reply = (message: HostMessage) => void;

const gone = (): HostMessage => ({ type: 'notice', text: vscode.l10n.t('That row is no longer in the transcript.'), severity: 'error' });

/**
 * The encoding that shows these bytes best in the composer: text when they are clean UTF-8, escapes
 * when a few bytes need them, hex when most do.
 */
export function bestEncoding(bytes: Uint8Array): PayloadEncoding {
  let special = 0;
  for (const value of bytes) {
    if ((value < 0x20 && value !== 0x09 && value !== 0x0a && value !== 0x0d) || value === 0x7f) {
      special++;
    }
  }
  if (special === 0 && findInvalidUtf8(bytes) < 0) {
    return 'utf8';
  }
  return special * 4 > bytes.length ? 'hex' : 'escapes';
}

export async function copyRow(entry: TranscriptEntry | undefined, format: CopyFormat, reply: Reply): Promise<void> {
  if (entry === undefined) {
    reply(gone());
    return;
  }
  if (entry.kind !== 'data') {
    if (format === 'payload') {
      reply({ type: 'notice', text: vscode.l10n.t('An event row has no bytes to send.'), severity: 'error' });
      return;
    }
    await vscode.env.clipboard.writeText(eventText(entry));
    reply({ type: 'notice', text: vscode.l10n.t('Copied the event.'), severity: 'info' });
    return;
  }
  const bytes = entry.data ?? new Uint8Array();
  const cut = entry.length > bytes.length ? ` ${vscode.l10n.t('Only the {0} captured bytes of {1} were copied.', bytes.length, entry.length)}` : '';
  if (format === 'payload') {
    const encoding = bestEncoding(bytes);
    reply({ type: 'loadPayload', text: decodePayload(bytes, encoding), encoding });
    return;
  }
  await vscode.env.clipboard.writeText(decodePayload(bytes, format === 'hex' ? 'hex' : 'utf8'));
  const done = format === 'hex' ? vscode.l10n.t('Copied {0} bytes as hex.', bytes.length) : vscode.l10n.t('Copied {0} bytes as text.', bytes.length);
  reply({ type: 'notice', text: done + cut, severity: 'info' });
}

/** The row's whole captured bytes as an xxd-style dump in a read-only-ish untitled editor. */
export async function openDump(entry: TranscriptEntry | undefined, title: string, reply: Reply): Promise<void> {
  if (entry?.data === undefined) {
    reply(gone());
    return;
  }
  const header = `# ${title} · ${entry.direction ?? ''} · ${entry.peer ?? ''} · ${new Date(entry.time).toISOString()} · ${entry.length} bytes\n`;
  const document = await vscode.workspace.openTextDocument({ content: header + hexdump(entry.data), language: 'plaintext' });
  await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Beside, preview: true });
}

/**
 * The panel header's Save Transcript As… and Save as Wire File…: the commands do the asking and
 * the work; the panel only says which socket (a connection's wire file is its server's).
 */
import * as vscode from 'vscode';
import type { HostMessage } from '../shared/protocol';

function noTranscript(post: (message: HostMessage) => void): void {
  post({ type: 'notice', text: vscode.l10n.t('This panel has no transcript to save.'), severity: 'error' });
}

export async function saveTranscript(socketId: string | undefined, post: (message: HostMessage) => void): Promise<void> {
  if (socketId === undefined) {
    return noTranscript(post);
  }
  await vscode.commands.executeCommand('socketWorkbench.saveTranscript', socketId);
}

export async function saveAsWireFile(socketId: string | undefined, post: (message: HostMessage) => void): Promise<void> {
  if (socketId === undefined) {
    return noTranscript(post);
  }
  await vscode.commands.executeCommand('socketWorkbench.saveAsWireFile', socketId);
}

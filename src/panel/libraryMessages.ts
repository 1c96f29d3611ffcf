/**
 * The panel's history and saved-payload messages: Save As (asking for a name), Load, Delete.
 */
import * as vscode from 'vscode';
import type { HostMessage, WebviewMessage } from '../shared/protocol';
import type { PayloadLibrary } from './library';

export type LibraryMessage = Extract<WebviewMessage, { type: 'savePayload' | 'loadSaved' | 'deleteSaved' | 'loadHistory' }>;

function notice(text: string, severity: 'info' | 'error'): HostMessage {
  return { type: 'notice', text, severity };
}

async function askName(): Promise<string | undefined> {
  const name = await vscode.window.showInputBox({
    title: vscode.l10n.t('Save Payload As'),
    prompt: vscode.l10n.t('A name for the payload; saved payloads can be sent from any socket of this workspace.'),
    validateInput: (value) => (value.trim() === '' ? vscode.l10n.t('The name cannot be empty.') : undefined),
  });
  return name?.trim();
}

/** `spec` keys the socket's history. */
export async function handleLibraryMessage(library: PayloadLibrary, spec: string, message: LibraryMessage, reply: (message: HostMessage) => void): Promise<void> {
  switch (message.type) {
    case 'savePayload': {
      // A name in the message (tests, a future inline field) skips the prompt.
      const name = message.name === undefined ? await askName() : message.name.trim();
      if (name === undefined) {
        return;
      }
      if (name === '') {
        reply(notice(vscode.l10n.t('The name cannot be empty.'), 'error'));
        return;
      }
      const saved = await library.save({ name, text: message.text, encoding: message.encoding, lineEnding: message.lineEnding });
      reply(
        saved
          ? notice(vscode.l10n.t('Saved the payload as "{0}".', name), 'info')
          : notice(vscode.l10n.t('The payload was not saved: it is longer than 65,536 characters, or 500 payloads are saved already.'), 'error'),
      );
      return;
    }
    case 'deleteSaved': {
      const deleted = await library.delete(message.name);
      reply(deleted ? notice(vscode.l10n.t('Deleted the saved payload "{0}".', message.name), 'info') : notice(vscode.l10n.t('There is no saved payload "{0}".', message.name), 'error'));
      return;
    }
    case 'loadSaved':
    case 'loadHistory': {
      const item = message.type === 'loadSaved' ? library.find(message.name) : library.history(spec)[message.index];
      if (item === undefined) {
        reply(notice(vscode.l10n.t('That payload is no longer stored.'), 'error'));
        return;
      }
      reply({ type: 'loadPayload', text: item.text, encoding: item.encoding, lineEnding: item.lineEnding });
    }
  }
}

/**
 * Read-only virtual documents for dumps (Open Full Dump): a TextDocumentContentProvider scheme, so
 * the editor shows the text without an Untitled buffer that asks to be saved on close. Bounded: the
 * most recent documents are kept, older ones read as gone.
 */
import * as vscode from 'vscode';

export const DUMP_SCHEME = 'socket-workbench-dump';
const MAX_DOCUMENTS = 32;

const contents = new Map<string, string>();
let counter = 0;

const provider: vscode.TextDocumentContentProvider = {
  provideTextDocumentContent(uri) {
    return contents.get(uri.toString()) ?? vscode.l10n.t('This dump is no longer available: open it again from the panel.');
  },
};

export function registerDumpDocuments(): vscode.Disposable {
  return vscode.workspace.registerTextDocumentContentProvider(DUMP_SCHEME, provider);
}

/** Opens `content` beside the active editor as a read-only document named `name`; resolves to its Uri. */
export async function openDumpDocument(name: string, content: string): Promise<vscode.Uri> {
  counter++;
  // The name is the tab title; the query keeps two dumps of the same row apart.
  const safe = name.replace(/[\\/?#%]/g, '_');
  const uri = vscode.Uri.from({ scheme: DUMP_SCHEME, path: `/${safe}.hexdump`, query: String(counter) });
  contents.set(uri.toString(), content);
  while (contents.size > MAX_DOCUMENTS) {
    const oldest = contents.keys().next().value;
    if (oldest === undefined) {
      break;
    }
    contents.delete(oldest);
  }
  const document = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Beside, preview: true });
  return uri;
}

import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

// Runs only in the Turkish pass (see index.ts): proves the display language reaches the extension.
describe('smoke (Turkish display language)', () => {
  it('sees vscode.env.language === "tr"', () => {
    assert.equal(process.env.SOCKET_WORKBENCH_LOCALE, 'tr');
    assert.equal(vscode.env.language, 'tr');
  });

  it('activates with the Turkish display language', async () => {
    const ext = vscode.extensions.getExtension<{ readonly version: string }>('socketworkbench.socket-workbench');
    assert.ok(ext);
    assert.equal((await ext.activate()).version, ext.packageJSON.version);
  });
});

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';

const EXTENSION_ID = 'socketworkbench.socket-workbench';

interface WorkbenchApi {
  readonly version: string;
}

describe('smoke', () => {
  it('activates and returns its API with the manifest version', async () => {
    const ext = vscode.extensions.getExtension<WorkbenchApi>(EXTENSION_ID);
    assert.ok(ext, `${EXTENSION_ID} is not loaded in the extension host`);
    const api = await ext.activate();
    assert.ok(ext.isActive);
    assert.equal(api.version, ext.packageJSON.version);
  });

  it('runs in a Node extension host with a writable workspace folder', () => {
    assert.equal(vscode.env.language, process.env.SOCKET_WORKBENCH_LOCALE ?? 'en');
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'no workspace folder is open');
    const probe = path.join(folder.uri.fsPath, 'smoke-probe.txt');
    fs.writeFileSync(probe, 'ok');
    assert.equal(fs.readFileSync(probe, 'utf8'), 'ok');
  });

  // Proves that a failing test turns into a failing run (exit code 1), end to end.
  if (process.env.SOCKET_WORKBENCH_FAIL_SMOKE === '1') {
    it('fails on purpose because SOCKET_WORKBENCH_FAIL_SMOKE=1', () => {
      assert.fail('deliberate failure (SOCKET_WORKBENCH_FAIL_SMOKE=1)');
    });
  }
});

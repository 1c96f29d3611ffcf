/**
 * The composer's macros (off by default; a repeat expands them anew at each send) and Save as Wire
 * File (the runner's recording of a socket, run again against the same python3 peer: it passes).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ActivatedApi } from '../../src/extension';
import type { FileResult } from '../../src/wire';
import { killPeers, startPython } from '../wire/helpers';
import { nodeClient } from './commandsHelpers';
import { activateApi, cleanUp, openReadyPanel, waitFor, waitForMessage } from './panelHelpers';

describe('wire macros and Save as Wire File in the panel', function () {
  this.timeout(60_000);
  let api: ActivatedApi;

  before(async () => {
    api = await activateApi();
  });

  afterEach(async () => {
    await killPeers();
    await cleanUp(api);
  });

  it('the macro counter increments across the sends of a repeat; without the toggle the braces are sent as typed', async () => {
    const server = await api.open('tcp-listen://127.0.0.1:0');
    const client = await nodeClient(server.local?.port ?? 0);
    await waitFor('the connection', () => (api.connections(server.id).length === 1 ? true : undefined));
    const panel = await openReadyPanel(api, server.id);
    await panel.receive({ type: 'send', text: 'n={{counter}}', encoding: 'utf8', lineEnding: 'lf', target: 'all' });
    await waitFor('the literal send', () => (client.received.toString('latin1') === 'n={{counter}}\n' ? true : undefined));
    const from = panel.recorded.sent.length;
    await panel.receive({ type: 'send', text: 'n={{counter}} {{random_hex 4}}', encoding: 'utf8', lineEnding: 'lf', target: 'all', repeat: { intervalMs: 1, count: 3 }, macros: true });
    await waitForMessage(panel, 'repeat', (message) => !message.running, from);
    const lines = await waitFor('three expanded sends', () => {
      const received = client.received.toString('latin1').split('\n').slice(1, -1);
      return received.length === 3 ? received : undefined;
    });
    assert.deepEqual(lines.map((line) => line.slice(0, 4)), ['n=1 ', 'n=2 ', 'n=3 ']);
    assert.ok(lines.every((line) => /^n=\d [0-9a-f]{4}$/.test(line)), JSON.stringify(lines));
    assert.equal((await waitForMessage(panel, 'macroCounter', (message) => message.next === 4, from)).next, 4);
    // A bad macro refuses the send with the sentence the webview shows too.
    const before = panel.recorded.sent.length;
    await panel.receive({ type: 'send', text: 'x{{nope}}', encoding: 'utf8', lineEnding: 'none', target: 'all', macros: true });
    const notice = await waitForMessage(panel, 'notice', (message) => message.severity === 'error', before);
    assert.ok(notice.text.includes('{{nope}}') && notice.text.includes('1'), notice.text);
    client.socket.destroy();
  });

  it('Save as Wire File writes the recording of a client, which passes when run against the same python3 echo peer', async () => {
    const peer = startPython('echo', {}, 30_000);
    const port = Number(await peer.ready);
    const client = await api.open(`tcp://127.0.0.1:${port}`, { name: 'echo client' });
    await api.send(client.id, 'hello wire\n');
    await waitFor('the echo', () => (api.transcript(client.id).entries.some((entry) => entry.kind === 'data' && entry.direction === 'in') ? true : undefined));
    const document = await vscode.commands.executeCommand<vscode.TextDocument>('socketWorkbench.saveAsWireFile', client.id);
    assert.equal(document.languageId, 'wire');
    const text = document.getText();
    assert.match(text, /^### echo client$/m);
    assert.match(text, /^send "hello wire\\n"$/m);
    assert.match(text, /^expect exactly "hello wire\\n"$/m);
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? '';
    const file = path.join(folder, 'recorded-echo.wire');
    fs.writeFileSync(file, text);
    const result = await vscode.commands.executeCommand<FileResult>('socketWorkbench.runWire', vscode.Uri.file(file));
    assert.equal(result.outcome, 'passed', JSON.stringify(result.sections.map((section) => [section.name, section.outcome, section.message])));
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});

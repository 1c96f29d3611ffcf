import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { FileResult } from '../../src/wire';
import { activate, lastMessage, waitFor } from './commandsHelpers';
import { freePort, killPeers, startPython } from '../wire/helpers';

function workspaceFile(name: string, text: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'no workspace folder');
  const file = path.join(folder.uri.fsPath, name);
  fs.writeFileSync(file, text);
  return vscode.Uri.file(file);
}

const FILE = [
  '@host = 127.0.0.1',
  '',
  '### Echo',
  'open tcp://{{host}}:{{port}} as echo',
  'send "hello\\r\\n"',
  'expect exactly "hello\\r\\n"',
  'repeat 3',
  '  send "ping {{i}}\\n"',
  '  expect "ping {{i}}\\n"',
  'end',
  'close',
  '',
  '### Wrong',
  'open tcp://{{host}}:{{port}}',
  'send "abc"',
  'expect exactly "xyz" within 2s',
  '',
  '### Mock',
  'listen tcp-listen://127.0.0.1:0 as smtp',
  'on connect',
  '  reply "220 ready\\r\\n"',
  'on /^HELO (?<name>\\S+)\\r\\n/',
  '  reply "250 hello {{name}}\\r\\n"',
  'on "QUIT\\r\\n"',
  '  reply "221 bye {{counter}}\\r\\n"',
  '  close',
  '',
].join('\n');

describe('wire runs in the editor', function () {
  this.timeout(60_000);
  afterEach(() => killPeers());
  after(async () => {
    await vscode.workspace.getConfiguration('socketWorkbench.wire').update('variables', undefined, vscode.ConfigurationTarget.Workspace);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('puts Run All at the top and Run / Serve above each section (executeCodeLensProvider)', async () => {
    await activate();
    const uri = workspaceFile('lenses.wire', FILE);
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri);
    const run = vscode.env.language === 'tr' ? ['▶ Tümünü Çalıştır', '▶ Çalıştır', '▶ Sun'] : ['▶ Run All', '▶ Run', '▶ Serve'];
    assert.deepEqual(lenses.map((lens) => [lens.range.start.line, lens.command?.title, lens.command?.command, lens.command?.arguments?.[1]]), [
      [0, run[0], 'socketWorkbench.runWire', undefined],
      [2, run[1], 'socketWorkbench.runWire', 'Echo'],
      [12, run[1], 'socketWorkbench.runWire', 'Wrong'],
      [17, run[2], 'socketWorkbench.runWire', 'Mock'],
    ]);
  });

  it('runWire runs every section against a python3 echo peer on the extension engine: results, socket names, ✓/✗ decorations, a failure diagnostic, Testing items', async () => {
    const api = await activate();
    const peer = startPython('echo');
    const port = await peer.ready;
    // The setting gives {{port}}; the file's own @host wins over the setting's.
    await vscode.workspace.getConfiguration('socketWorkbench.wire').update('variables', { port, host: '10.9.9.9' }, vscode.ConfigurationTarget.Workspace);
    const uri = workspaceFile('run.wire', FILE);
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const names: string[] = [];
    const created = api.testing.services.engine.onDidCreate((info) => names.push(info.name ?? ''));
    const result = await vscode.commands.executeCommand<FileResult>('socketWorkbench.runWire', uri);
    created.dispose();
    assert.equal(result.file, 'run.wire');
    assert.deepEqual(result.sections.map((section) => [section.name, section.outcome]), [['Echo', 'passed'], ['Wrong', 'failed'], ['Mock', 'skipped']]);
    assert.deepEqual(result.sections[0].steps.map((step) => `${step.line} ${step.kind} ${step.outcome}`), [
      '4 open passed', '5 send passed', '6 expect passed',
      '8 send passed', '9 expect passed', '8 send passed', '9 expect passed', '8 send passed', '9 expect passed',
      '11 close passed',
    ]);
    assert.equal(result.sections[1].steps[2].message, 'expected exactly "xyz", got 3 bytes: "abc" (hex 61 62 63)');
    assert.deepEqual(names, ['Echo · echo', 'Wrong']);
    for (const id of [...result.sections[0].socketIds, ...result.sections[1].socketIds]) {
      assert.ok(api.testing.services.engine.get(id) !== undefined, `${id} is listed in the Sockets view's engine`);
    }
    const results = api.testing.wire.results;
    await waitFor('decorations', () => (results.label(uri, 15) !== undefined ? true : undefined));
    assert.match(results.label(uri, 3) ?? '', /^✓ [\d.]+ ms$/);
    assert.match(results.label(uri, 7) ?? '', /^✓ 3× /);
    assert.match(results.label(uri, 15) ?? '', /^✗ /);
    const failures = vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source === 'wire run');
    assert.deepEqual(failures.map((diagnostic) => [diagnostic.range.start.line, diagnostic.message]), [
      [15, vscode.env.language === 'tr' ? 'run.wire:16: exactly "xyz" bekleniyordu, gelen 3 bayt: "abc" (hex 61 62 63)' : 'run.wire:16: expected exactly "xyz", got 3 bytes: "abc" (hex 61 62 63)'],
    ]);
    const item = api.testing.wire.tests.controller.items.get(uri.toString());
    assert.deepEqual([...(item?.children ?? new Map())].map(([, child]) => (child as vscode.TestItem).label), ['Echo', 'Wrong', 'Mock']);
    // An edit clears the results.
    await editor.edit((edit) => edit.insert(new vscode.Position(1, 0), '# edited\n'));
    await waitFor('results cleared', () => (results.label(uri, 3) === undefined && vscode.languages.getDiagnostics(uri).every((diagnostic) => diagnostic.source !== 'wire run') ? true : undefined));
  });

  it('words run-time failures from their facts, in the display language: a mismatch and timeouts in diagnostics, the Testing message and diff, the notification', async () => {
    const api = await activate();
    const uri = workspaceFile('failures.wire', [
      '### Mismatch', 'listen tcp-listen://127.0.0.1:0 as server', 'on any', '  reply "a\\n"', 'open tcp://{{server.host}}:{{server.port}}', 'send "x"', 'expect exactly "b\\n"',
      '### Slow', 'listen tcp-listen://127.0.0.1:0 as slow', 'on any', '  reply "x"', 'open tcp://{{slow.host}}:{{slow.port}}', 'send "hi"', 'expect "never" within 200ms',
      '### Silent', 'listen tcp-listen://127.0.0.1:0 as silent', 'open tcp://{{silent.host}}:{{silent.port}}', 'expect exactly "y" within 150ms',
      '',
    ].join('\n'));
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const result = await vscode.commands.executeCommand<FileResult>('socketWorkbench.runWire', uri);
    assert.deepEqual(result.sections.map((section) => [section.name, section.outcome]), [['Mismatch', 'failed'], ['Slow', 'failed'], ['Silent', 'failed']]);
    // The runner's own message stays English (the CLI prints it); the editor words the facts.
    assert.equal(result.sections[0].steps[3].message, 'expected exactly "b\\n", got 2 bytes: "a\\n" (hex 61 0a)');
    const turkish = vscode.env.language === 'tr';
    const sentences = turkish
      ? [
        'exactly "b\\n" bekleniyordu, gelen 2 bayt: "a\\n" (hex 61 0a)',
        '200 ms içinde "never" bekleniyordu, gelen 1 bayt: "x" (hex 78)',
        '150 ms içinde exactly "y" bekleniyordu, hiçbir şey gelmedi',
      ]
      : [
        'expected exactly "b\\n", got 2 bytes: "a\\n" (hex 61 0a)',
        'expected "never" within 200ms, got 1 byte: "x" (hex 78)',
        'expected exactly "y" within 150ms, got nothing',
      ];
    const diagnostics = await waitFor('three failure diagnostics', () => {
      const found = vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source === 'wire run');
      return found.length === 3 ? found.map((diagnostic) => [diagnostic.range.start.line + 1, diagnostic.code, diagnostic.message]) : undefined;
    });
    assert.deepEqual(diagnostics, [
      [7, 'MISMATCH', `failures.wire:7: ${sentences[0]}`],
      [14, 'TIMEOUT', `failures.wire:14: ${sentences[1]}`],
      [18, 'TIMEOUT', `failures.wire:18: ${sentences[2]}`],
    ]);
    const messages = result.sections.map((section) => {
      const message = api.testing.wire.tests.failureMessage(uri, section);
      return [typeof message.message === 'string' ? message.message : message.message.value, message.expectedOutput, message.actualOutput, message.location?.range.start.line];
    });
    assert.deepEqual(messages, [
      [sentences[0], 'exactly "b\\n"', turkish ? '2 bayt: "a\\n" (hex 61 0a)' : '2 bytes: "a\\n" (hex 61 0a)', 6],
      [sentences[1], '"never"', turkish ? '1 bayt: "x" (hex 78)' : '1 byte: "x" (hex 78)', 13],
      [sentences[2], 'exactly "y"', turkish ? 'hiçbir şey' : 'nothing', 17],
    ]);
    assert.equal(lastMessage(api), turkish ? `failures.wire:7: 'Mismatch' başarısız oldu: ${sentences[0]}` : `failures.wire:7: 'Mismatch' failed: ${sentences[0]}`);
  });

  it('words a refused open, an unknown variable and a bad @timeout from their facts, the engine part by its own sentence', async () => {
    await activate();
    const port = await freePort();
    const uri = workspaceFile('refusals.wire', [
      '### Refused', `open tcp://127.0.0.1:${port}`,
      '### Unknown', 'listen tcp-listen://127.0.0.1:0 as server', 'open tcp://{{server.host}}:{{server.port}}', 'send "{{nope}}"',
      '### Bad timeout', '@timeout = soon', 'wait 1ms',
      '',
    ].join('\n'));
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const result = await vscode.commands.executeCommand<FileResult>('socketWorkbench.runWire', uri);
    assert.deepEqual(result.sections.map((section) => section.outcome), ['failed', 'failed', 'failed']);
    const diagnostics = await waitFor('three failure diagnostics', () => {
      const found = vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source === 'wire run');
      return found.length === 3 ? found.map((diagnostic) => diagnostic.message) : undefined;
    });
    assert.deepEqual(diagnostics, vscode.env.language === 'tr'
      ? [
        `refusals.wire:2: tcp://127.0.0.1:${port} açılamıyor: 127.0.0.1:${port} bağlantıyı reddetti: orada dinleyen yok (ECONNREFUSED).`,
        "refusals.wire:6: bilinmeyen değişken 'nope'",
        "refusals.wire:7: @timeout 250ms ya da 2s gibi bir süre olmalı, 'soon' değil",
      ]
      : [
        `refusals.wire:2: cannot open tcp://127.0.0.1:${port}: Connection refused by 127.0.0.1:${port}: nothing is listening there (ECONNREFUSED).`,
        "refusals.wire:6: unknown variable 'nope'",
        "refusals.wire:7: @timeout must be a duration such as 250ms or 2s, got 'soon'",
      ]);
  });

  it('serves a listener section for python3 clients (greeting, regex capture, close after QUIT) until stopWire', async () => {
    const api = await activate();
    const uri = workspaceFile('serve.wire', FILE);
    const listening = new Promise<string>((resolve) => {
      const subscription = api.testing.services.engine.onDidChange((info) => {
        if (info.name === 'Mock · smtp' && info.state === 'listening' && info.local?.port !== undefined) {
          subscription.dispose();
          resolve(String(info.local.port));
        }
      });
    });
    const served = vscode.commands.executeCommand<FileResult>('socketWorkbench.runWire', uri, 'Mock');
    const port = await listening;
    assert.equal(api.testing.wire.runs.isRunning(uri, 'Mock'), true);
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri);
    assert.equal(lenses.find((lens) => lens.command?.arguments?.[1] === 'Mock')?.command?.command, 'socketWorkbench.stopWire');
    const clients = startPython('smtp-clients', { port, clients: 3 });
    const replies = (await clients.result).replies as string[][];
    assert.deepEqual(replies.map((reply) => reply.slice(0, 2)), [0, 1, 2].map((index) => ['220 ready\r\n', `250 hello client${index}\r\n`]));
    assert.deepEqual(replies.map((reply) => reply[2]).sort(), ['221 bye 1\r\n', '221 bye 2\r\n', '221 bye 3\r\n']);
    assert.equal(await vscode.commands.executeCommand<number>('socketWorkbench.stopWire', uri, 'Mock'), 1);
    const result = await served;
    assert.deepEqual(result.sections.map((section) => [section.name, section.outcome]), [['Mock', 'passed']]);
    assert.equal(api.testing.wire.runs.isRunning(uri), false);
  });

  it('a file with parse errors runs nothing and the message names the file and line', async () => {
    const api = await activate();
    const uri = workspaceFile('broken.wire', '### Broken\nsend hex zz\n');
    const result = await vscode.commands.executeCommand<FileResult | undefined>('socketWorkbench.runWire', uri);
    assert.equal(result, undefined);
    const message = lastMessage(api) ?? '';
    assert.match(message, /broken\.wire:2:10: /);
    if (vscode.env.language === 'en') {
      assert.equal(message, "broken.wire has 1 error(s) and runs nothing. First: broken.wire:2:10: The payload is not valid Hex: 'z' at offset 0.");
    }
  });
});

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { activate, waitFor } from './commandsHelpers';

function workspaceFile(name: string, text: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'no workspace folder');
  const file = path.join(folder.uri.fsPath, name);
  fs.writeFileSync(file, text);
  return vscode.Uri.file(file);
}

/** Hover markdown as the text a user reads (appendText escapes markdown and spaces). */
function hoverText(hovers: readonly vscode.Hover[]): string {
  return hovers.flatMap((hover) => hover.contents.map((content) => (typeof content === 'string' ? content : content.value))).join('\n').replace(/&nbsp;/g, ' ').replace(/\\(.)/g, '$1');
}

function summary(uri: vscode.Uri): string[] {
  return vscode.languages.getDiagnostics(uri)
    .filter((diagnostic) => diagnostic.source === 'wire')
    .map((diagnostic) => `${diagnostic.range.start.line + 1}:${diagnostic.range.start.character + 1}-${diagnostic.range.end.character + 1} ${String(diagnostic.code)}`);
}

const GOOD = '@host = 127.0.0.1\n\n### Echo\nopen tcp://{{host}}:{{port}} as peer\nsend "hello {{i}}\\r\\n"\nexpect /^(?<word>\\w+)/\nsend "{{word}} {{peer.port}}"\nclose\n\n### Mock\nlisten tcp-listen://127.0.0.1:0 as mock\non /^HELO (?<name>\\S+)/\n  reply "hi {{name}}"\n';

describe('wire language', () => {
  before(async () => {
    await activate();
    await vscode.workspace.getConfiguration('socketWorkbench.wire').update('variables', { port: '7000' }, vscode.ConfigurationTarget.Workspace);
  });
  after(async () => {
    await vscode.workspace.getConfiguration('socketWorkbench.wire').update('variables', undefined, vscode.ConfigurationTarget.Workspace);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('gives *.wire files the language id wire, and a good file no problems (a setting defines {{port}})', async () => {
    const uri = workspaceFile('good.wire', GOOD);
    const document = await vscode.workspace.openTextDocument(uri);
    assert.equal(document.languageId, 'wire');
    await vscode.window.showTextDocument(document);
    await new Promise((resolve) => setTimeout(resolve, 600));
    assert.deepEqual(summary(uri), []);
  });

  it('reports parse errors at their line and column, with the word as the range, and a use of an undefined socket', async () => {
    const uri = workspaceFile('bad.wire', '### Bad\nopen tcp://127.0.0.1:7000\nsend hex zz\nfrobnicate now\nuse other\n');
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    const found = await waitFor('parse diagnostics', () => (summary(uri).length === 3 ? summary(uri) : undefined));
    assert.deepEqual(found, ['3:10-12 payload-invalid', '4:1-11 unknown-directive', '5:5-10 name-unknown']);
    const messages = vscode.languages.getDiagnostics(uri).map((diagnostic) => diagnostic.message);
    // The wording in the display language (the Turkish pass asserts its own in wire.editor.tr.test.ts).
    if (vscode.env.language === 'en') {
      assert.equal(messages[0], "The payload is not valid Hex: 'z' at offset 0.");
      assert.equal(messages[1], "Unknown directive 'frobnicate': expected open, listen, use, send, expect, wait, repeat, end, close or on.");
      assert.equal(messages[2], "No socket named 'other' is opened before this line in the section ('open … as other').");
    }
  });

  it('reports unknown variables (not settings, captures, socket addresses or built-ins) and clears them as you type', async () => {
    const uri = workspaceFile('vars.wire', '### Vars\nopen tcp://127.0.0.1:{{port}}\nsend "{{nope}} {{counter}} {{env:HOME}}"\nexpect /(?<late>x)/\nsend "{{late}}"\n');
    const document = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(document);
    const found = await waitFor('unknown variable', () => (summary(uri).length === 1 ? summary(uri) : undefined));
    assert.deepEqual(found, ['3:7-15 unknown-variable']);
    assert.match(vscode.languages.getDiagnostics(uri)[0].message, vscode.env.language === 'tr' ? /Bilinmeyen değişken 'nope'/ : /^Unknown variable 'nope'/);
    await editor.edit((edit) => edit.insert(new vscode.Position(1, 0), '@nope = yes\n'));
    await waitFor('problems cleared after the edit', () => (summary(uri).length === 0 ? true : undefined));
  });

  it('completes directives, schemes, payload forms and the {{variables}} in scope; hovers explain and show values; outline per section', async () => {
    const uri = workspaceFile('complete.wire', GOOD);
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    const labels = async (line: number, character: number): Promise<string[]> => {
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, new vscode.Position(line, character));
      return list.items.map((item) => (typeof item.label === 'string' ? item.label : item.label.label));
    };
    // Line 7 (0-based 6) is `send "{{word}} {{peer.port}}"`: after `{{` the names visible there.
    const names = await labels(6, 8);
    for (const name of ['host', 'port', 'word', 'peer.port', 'counter', 'uuid']) {
      assert.ok(names.includes(name), `${name} missing from ${names.join(', ')}`);
    }
    assert.ok(!names.includes('name'), 'a capture of another section is not in scope');
    const directives = await labels(7, 0);
    assert.ok(['open', 'listen', 'send', 'expect', 'repeat', 'on'].every((word) => directives.includes(word)));
    const schemes = await labels(3, 5);
    assert.ok(schemes.includes('tcp://') && schemes.includes('unix://') && !schemes.includes('tcp-listen://'));
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, new vscode.Position(3, 14));
    assert.match(hoverText(hovers), /\{\{host\}\} = "127\.0\.0\.1"/);
    const directiveHover = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, new vscode.Position(4, 1));
    assert.match(hoverText(directiveHover), vscode.env.language === 'tr' ? /send YÜK/ : /^send PAYLOAD/);
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', uri);
    assert.deepEqual(symbols.map((symbol) => [symbol.name, symbol.range.start.line, symbol.range.end.line, symbol.children.map((child) => child.name)]), [
      ['Echo', 2, 7, ['peer']],
      ['Mock', 9, 12, ['mock']],
    ]);
  });
});

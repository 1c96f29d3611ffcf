/**
 * The wire editor in Turkish, word for word: parse diagnostics (worded from the parser's codes and
 * data, not its English detail), a run refused for a parse error, directive hovers, CodeLens
 * titles, and an auto-reply rule's problem in the panel. Runs only in the Turkish pass.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { activate, lastMessage, waitFor } from './commandsHelpers';
import { cleanUp, openReadyPanel, waitForMessage } from './panelHelpers';

function workspaceFile(name: string, text: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'no workspace folder');
  const file = path.join(folder.uri.fsPath, name);
  fs.writeFileSync(file, text);
  return vscode.Uri.file(file);
}

function hoverText(hovers: readonly vscode.Hover[]): string {
  return hovers.flatMap((hover) => hover.contents.map((content) => (typeof content === 'string' ? content : content.value))).join('\n').replace(/&nbsp;/g, ' ').replace(/\\(.)/g, '$1');
}

describe('wire editor in Turkish', function () {
  this.timeout(60_000);

  before(async () => {
    await activate();
    assert.equal(vscode.env.language, 'tr');
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('words parse diagnostics in Turkish from the codes and data', async () => {
    const uri = workspaceFile('kotu.wire', '### Kötü\nopen tcp://127.0.0.1:7000\nsend hex zz\nfrobnicate now\nuse other\nexpect bytes 0\nwait soon\nclose later\n');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const messages = await waitFor('the Turkish diagnostics', () => {
      const found = vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source === 'wire');
      return found.length === 6 ? found.map((diagnostic) => [diagnostic.range.start.line + 1, diagnostic.code, diagnostic.message]) : undefined;
    }, 10_000);
    assert.deepEqual(messages, [
      [3, 'payload-invalid', "Yük geçerli bir Onaltılık değil: 0. konumda 'z'."],
      [4, 'unknown-directive', "Bilinmeyen yönerge 'frobnicate': open, listen, use, send, expect, wait, repeat, end, close ya da on bekleniyordu."],
      [5, 'name-unknown', "Bölümde bu satırdan önce 'other' adlı bir soket açılmıyor ('open … as other')."],
      [6, 'count-invalid', "'bytes' sözcüğünden sonra pozitif bir bayt sayısı bekleniyordu, '0' değil."],
      [7, 'duration-invalid', "'wait' sözcüğünden sonra bir süre bekleniyordu (250ms, 2s, 1m), 'soon' değil."],
      [8, 'close-mode', "'close' sözcüğünden sonra hiçbir şey, 'fin' ya da 'rst' bekleniyordu, 'later' değil."],
    ]);
  });

  it('refuses to run a file with a parse error, in Turkish, naming the file, line and column', async () => {
    const api = await activate();
    const uri = workspaceFile('bozuk.wire', '### Bozuk\nsend hex zz\n');
    assert.equal(await vscode.commands.executeCommand('socketWorkbench.runWire', uri), undefined);
    assert.equal(lastMessage(api), "bozuk.wire dosyasında 1 hata var, hiçbir şey çalıştırılmadı. İlki: bozuk.wire:2:10: Yük geçerli bir Onaltılık değil: 0. konumda 'z'.");
  });

  it('explains directives in Turkish on hover and titles the CodeLens in Turkish', async () => {
    const uri = workspaceFile('mercek.wire', '### Yankı\nopen tcp://127.0.0.1:7000\nsend "merhaba"\nexpect "merhaba"\n\n### Sahte\nlisten tcp-listen://127.0.0.1:0\non any\n  close\n');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const hover = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, new vscode.Position(2, 1));
    assert.equal(hoverText(hover), 'send YÜK [to HOST:PORT]: geçerli sokete bayt gönderir (UDP: bir hedefe).');
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri);
    assert.deepEqual(lenses.map((lens) => [lens.range.start.line, lens.command?.title]), [[0, '▶ Tümünü Çalıştır'], [0, '▶ Çalıştır'], [5, '▶ Sun']]);
  });

  it("shows an auto-reply rule's problem in the panel in Turkish", async () => {
    const api = await activate();
    const server = await api.open('tcp-listen://127.0.0.1:0');
    try {
      const panel = await openReadyPanel(api, server.id);
      const from = panel.recorded.sent.length;
      await panel.receive({ type: 'setRules', rules: [{ enabled: true, matcher: 'contains', form: 'hex', pattern: 'zz', replyForm: 'text', reply: 'x', delayMs: 0, close: false }] });
      const answer = await waitForMessage(panel, 'rules', () => true, from);
      assert.deepEqual(answer.problems, ["Yük geçerli bir Onaltılık değil: 0. konumda 'z'."]);
      const strings = (await waitForMessage(panel, 'init')).strings;
      assert.deepEqual([strings.rules, strings.ruleAdd, strings.rulesEditAsWire, strings.macros], ['Otomatik yanıt kuralları', 'Kural Ekle', 'Wire Dosyası Olarak Düzenle', 'Makrolar']);
    } finally {
      await cleanUp(api);
    }
  });
});

/**
 * The same hovers in the Turkish pass (vscode.env.language === 'tr'): the entry's Turkish text and
 * the Turkish labels, which VS Code takes from l10n/bundle.l10n.tr.json.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { CONSTANTS_BY_NAME } from '../../src/hover/data/index';
import { hoverLabels } from '../../src/hover/labels';
import { escapeMarkdown } from '../../src/hover/markdown';
import { renderHover } from '../../src/hover/render';
import { analyzePythonImports, findConstantAt } from '../../src/hover/scanner';
import { TURKISH_LABELS } from '../hover/bundleLabels';
import { activate } from './commandsHelpers';
import { expectHover, locate, openDocument } from './hoverHelpers';

const PYTHON = [
  'import socket',
  's = socket.socket(socket.AF_INET, socket.SOCK_STREAM)',
  's.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)',
  's.bind((\'\', 8080))',
  'flags = os.O_NONBLOCK',
];

describe('hover in Turkish', function () {
  this.timeout(60_000);
  let document: vscode.TextDocument;

  before(async () => {
    await activate();
    document = await openDocument('python', PYTHON);
  });

  it('takes every label from the Turkish bundle', () => {
    assert.equal(vscode.env.language, 'tr');
    assert.deepEqual(hoverLabels(vscode.l10n), TURKISH_LABELS);
  });

  it('SO_REUSEADDR: the entry\'s Turkish text under Turkish headings', async () => {
    const hover = await expectHover(document, { at: 'SO_REUSEADDR', expect: 'SO_REUSEADDR' });
    assert.ok(hover !== undefined);
    const entry = CONSTANTS_BY_NAME.get('SO_REUSEADDR');
    assert.ok(entry !== undefined);
    const lines = hover.value.split('\n');
    assert.equal(lines[0], '**`SO_REUSEADDR`** = `2` · soket seçeneği  ');
    assert.equal(lines[1], 'Hâlâ kullanımda (TIME\\_WAIT) olan yerel adrese bind() izni');
    assert.ok(hover.value.includes(`**Dikkat:** ${escapeMarkdown(entry.tr.pitfall)}`));
    assert.ok(hover.value.includes('**Kullanıldığı yer:** `setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, const int *, socklen_t)`'));
    assert.ok(hover.value.includes('**Örnek**\n\n```python\ns.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)\n```'));
    assert.ok(hover.value.includes('**Man sayfası:** socket(7)'), hover.value);
    assert.ok(!hover.value.includes(escapeMarkdown(entry.en.meaning)), 'no English description');
    // Exactly what the pure renderer writes in Turkish.
    const range = locate(document, 'SO_REUSEADDR');
    const match = findConstantAt(document.lineAt(range.start.line).text, range.start.character + 1, 'python', {
      pythonImports: analyzePythonImports(document.getText()),
    });
    assert.ok(match !== undefined);
    assert.equal(hover.value, renderHover(match, entry, { language: 'tr', documentLanguageId: 'python', labels: TURKISH_LABELS }).markdown);
  });

  it('the \'\' host explains itself and links in Turkish', async () => {
    const hover = await expectHover(document, { at: '\'\'', expect: 'INADDR_ANY' });
    assert.ok(hover !== undefined);
    assert.equal(hover.value.split('\n')[1], 'Joker IPv4 adresi 0.0.0.0: tüm yerel arayüzler');
    assert.ok(hover.value.includes('`\'\'`: Python\'un socket modülü boş ana makine `\'\'` değerini `INADDR_ANY`'), hover.value);
    assert.equal(hover.value.split('\n\n')[2],
      '$(plug) [Socket Workbench\'te bu porta bir istemci aç](command:socketWorkbench.open?%5B%22tcp%3A%2F%2F127.0.0.1%3A8080%22%5D)');
    assert.deepEqual(hover.isTrusted, { enabledCommands: ['socketWorkbench.open'] });
  });

  it('C: MSG_PEEK in Turkish; still nothing for look-alikes', async () => {
    const c = await openDocument('c', ['ssize_t n = recv(fd, buffer, sizeof buffer, MSG_PEEK); // MSG_PEEK']);
    const hover = await expectHover(c, { at: 'MSG_PEEK', expect: 'MSG_PEEK' });
    assert.equal(hover?.value.split('\n').slice(0, 2).join('\n'), '**`MSG_PEEK`** = `2` · mesaj bayrağı  \nGelen veriyi kuyruktan almadan ona bak');
    await expectHover(c, { at: 'MSG_PEEK', occurrence: 1, expect: undefined });
    await expectHover(document, { at: 'O_NONBLOCK', expect: undefined });
  });
});

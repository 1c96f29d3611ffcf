/**
 * Runs only in the Turkish pass: the payload panel's webview gets its whole strings table in
 * Turkish from the host, and host-made texts (event rows, send results, codec errors) are Turkish.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ActivatedApi } from '../../src/extension';
import { STRING_KEYS } from '../../src/shared/protocol';
import { activateApi, cleanUp, openReadyPanel, portOf, waitForMessage } from './panelHelpers';

const BUNDLE = path.resolve(__dirname, '..', '..', '..', 'l10n', 'bundle.l10n.tr.json');

describe('payload panel (Turkish)', function () {
  this.timeout(30_000);
  let api: ActivatedApi;

  before(async () => {
    api = await activateApi();
  });

  afterEach(async () => {
    await cleanUp(api);
  });

  it('hands the webview a strings table that is entirely Turkish', async () => {
    const id = (await api.open('udp-listen://127.0.0.1:0')).id;
    const panel = await openReadyPanel(api, id);
    const init = await waitForMessage(panel, 'init');
    const turkish = new Set(Object.values(JSON.parse(fs.readFileSync(BUNDLE, 'utf8')) as Record<string, string>));
    for (const key of STRING_KEYS) {
      assert.ok(turkish.has(init.strings[key]), `strings.${key} is not a Turkish bundle text: ${init.strings[key]}`);
    }
    assert.equal(init.strings.send, 'Gönder');
    assert.equal(init.strings.payload, 'Yük');
    assert.equal(init.strings.encodingHex, 'Onaltılık');
    assert.equal(init.strings.lineEnding, 'Satır sonu');
    assert.equal(init.strings.dropped, '{0} eski kayıt atıldı');
    assert.equal(init.strings.codecOddDigits, 'Onaltılık basamak sayısı tek: {1}. konumdaki {0} eşsiz kaldı.');
    assert.equal(init.locale, 'tr');
    assert.match(init.socket.description, /^UDP soketi · açık$/);
  });

  it('writes event rows, send results and payload errors in Turkish', async () => {
    const id = (await api.open('udp-listen://127.0.0.1:0')).id;
    const panel = await openReadyPanel(api, id);
    const requestId = 7;
    let mark = panel.recorded.sent.length;
    await panel.receive({ type: 'requestRows', requestId, generation: 0, start: 0, count: 5 });
    const rows = (await waitForMessage(panel, 'rows', (message) => message.requestId === requestId, mark)).rows;
    assert.equal(rows[0].text, `127.0.0.1:${portOf(api, id)} üzerinde dinleniyor`);
    mark = panel.recorded.sent.length;
    await panel.receive({ type: 'send', text: 'x', encoding: 'utf8', lineEnding: 'none', target: `127.0.0.1:${portOf(api, id)}` });
    assert.equal((await waitForMessage(panel, 'notice', () => true, mark)).text, `1 bayt 127.0.0.1:${portOf(api, id)} adresine gönderildi.`);
    mark = panel.recorded.sent.length;
    await panel.receive({ type: 'send', text: 'AP8', encoding: 'base64', lineEnding: 'none', target: `127.0.0.1:${portOf(api, id)}` });
    const notice = await waitForMessage(panel, 'notice', () => true, mark);
    assert.equal(notice.severity, 'info', 'AP8 is valid unpadded base64');
    mark = panel.recorded.sent.length;
    await panel.receive({ type: 'send', text: 'A', encoding: 'base64', lineEnding: 'none', target: `127.0.0.1:${portOf(api, id)}` });
    assert.equal((await waitForMessage(panel, 'notice', () => true, mark)).text, "Yük geçerli bir Base64 değil: 0. konumda 'A'.");
  });

  it('words a transcript error row in Turkish, not with the engine message', async () => {
    const free = await api.open('tcp-listen://127.0.0.1:0');
    const port = portOf(api, free.id);
    await api.close(free.id);
    const failed = await api.open(`tcp://127.0.0.1:${port}`).catch((error: { socketId?: string }) => error);
    const id = (failed as { socketId?: string }).socketId ?? assert.fail('the refused connect made no socket');
    const panel = await openReadyPanel(api, id);
    const mark = panel.recorded.sent.length;
    await panel.receive({ type: 'requestRows', requestId: 9, generation: 0, start: 0, count: 5 });
    const rows = (await waitForMessage(panel, 'rows', (message) => message.requestId === 9, mark)).rows;
    assert.equal(rows[0].text, `127.0.0.1:${port} bağlantıyı reddetti: orada dinleyen yok (ECONNREFUSED).`);
  });
});

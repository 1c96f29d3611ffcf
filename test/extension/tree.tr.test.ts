/**
 * The Sockets view in Turkish (runs only in the pass where vscode.env.language === 'tr'): labels,
 * states, counters with Turkish number formatting, tooltips, the status bar and a runtime error.
 */
import * as assert from 'node:assert/strict';
import type * as net from 'node:net';
import * as vscode from 'vscode';
import type { ActivatedApi } from '../../src/extension';
import { startPythonPeer } from '../engine/peers/python';
import { budgetText } from '../../src/socketText';
import { activatedApi, children, connectClient, portOf, removeAllSockets, rootNode, row, tooltipText, waitFor, waitForRefreshedRow } from './treeHelpers';

describe('Soketler görünümü (Türkçe)', () => {
  it('döküm bütçesini Türkçe yazar: sunucu, bağlantı ve diğer soketler', () => {
    const MiB = 1024 * 1024;
    assert.equal(budgetText({ heldBytes: 16 * MiB, maxBytes: 16 * MiB, droppedEntries: 1234 }, 'tcp-server'), 'sunucu dökümü: 16 MB / 16 MB, 1.234 kayıt atıldı');
    assert.equal(budgetText({ heldBytes: 512, maxBytes: 16 * MiB, droppedEntries: 1 }, 'unix-connection'), 'sunucu dökümü: 512 B / 16 MB, 1 kayıt atıldı');
    assert.equal(budgetText({ heldBytes: 1536, maxBytes: 16 * MiB, droppedEntries: 0 }, 'udp'), 'döküm: 1,5 KB / 16 MB');
  });

  let api: ActivatedApi;
  const clients: net.Socket[] = [];

  before(async () => {
    api = await activatedApi();
    assert.equal(vscode.env.language, 'tr');
  });

  afterEach(async () => {
    for (const client of clients.splice(0)) {
      client.destroy();
    }
    await removeAllSockets(api);
  });

  it('bir TCP sunucusunu, bağlantısını ve sayaçlarını Türkçe gösterir', async () => {
    const server = await api.open('tcp-listen://127.0.0.1:0');
    const port = portOf(api, server.id);
    await api.testing.view.provider.flush();
    const serverNode = rootNode(api, server.id);
    assert.equal(row(api, serverNode).label, 'TCP sunucusu');
    assert.equal(row(api, serverNode).description, `127.0.0.1:${port} · dinliyor`);

    const counted = waitForRefreshedRow(api, serverNode, (value) => value.description.endsWith('1 bağlantı'), 'the server row with one connection');
    const client = await connectClient(port);
    clients.push(client);
    await counted;
    const [connection] = children(api, serverNode);
    row(api, connection);
    const traffic = waitForRefreshedRow(api, connection, (value) => value.description === '↓ 1,2 KB ↑ 30 B', 'Turkish counters');
    client.write(Buffer.alloc(1234, 0x61));
    await waitFor(() => api.get(connection.socketId)?.stats.bytesIn === 1234, '1.234 bytes');
    await api.send(connection.socketId, Buffer.alloc(30, 0x62));
    await traffic;

    const serverTip = tooltipText(api, serverNode);
    assert.ok(serverTip.includes('**TCP sunucusu** — dinliyor'), serverTip);
    assert.ok(serverTip.includes('`socket(AF_INET, SOCK_STREAM, IPPROTO_TCP)`'), serverTip);
    assert.ok(serverTip.includes(`| Yerel adres | \`127.0.0.1:${port}\` |`), serverTip);
    assert.ok(serverTip.includes('| Adres | `tcp-listen://127.0.0.1:0` |'), serverTip);
    assert.ok(serverTip.includes('| Seçenekler | varsayılanlar |'), serverTip);
    assert.match(serverTip, /\| Açıldı \| (şimdi|\d+ saniye önce) \|/);
    assert.match(serverTip, /\| Alınan \| 1\.234 bayt, \d+ mesaj \(1,2 KB\) \|/);
    assert.ok(serverTip.includes('| Gönderilen | 30 bayt, 1 mesaj |'), serverTip);
    assert.ok(serverTip.includes('| Bağlantılar | 1 bağlantı |'), serverTip);
    assert.ok(serverTip.includes('\nsunucu dökümü: 1,2 KB / 16 MB\n'), serverTip);

    const connectionTip = tooltipText(api, connection);
    assert.ok(connectionTip.includes(`**127.0.0.1:${client.localPort}** — TCP bağlantısı, açık`), connectionTip);
    assert.ok(connectionTip.includes(`| Sunucu | TCP sunucusu 127.0.0.1:${port} |`), connectionTip);
    assert.ok(connectionTip.includes(`| Uzak adres | \`127.0.0.1:${client.localPort}\` |`), connectionTip);

    const paused = waitForRefreshedRow(api, connection, (value) => value.description.endsWith('duraklatıldı'), 'the paused row');
    api.testing.services.engine.setReceiving(connection.socketId, false);
    assert.equal((await paused).description, '↓ 1,2 KB ↑ 30 B · duraklatıldı');

    api.testing.statusBar.flush();
    await new Promise((resolve) => setTimeout(resolve, 150));
    assert.deepEqual(api.testing.statusBar.state(), {
      visible: true,
      text: '$(plug) 1',
      tooltip: '1 açık soket, 1 bağlantı',
      accessibilityLabel: '1 açık soket, 1 bağlantı',
    });
  });

  it('başarısız bir açılışı hata koduyla, kapalı bir soketi gri gösterir', async () => {
    const probe = await api.open('tcp-listen://127.0.0.1:0');
    const port = portOf(api, probe.id);
    await api.close(probe.id);
    await assert.rejects(api.open(`tcp://127.0.0.1:${port}`));
    await api.testing.view.provider.flush();
    assert.equal(row(api, rootNode(api, probe.id)).description, `127.0.0.1:${port} · kapalı`);
    const failed = api.list().find((info) => info.kind === 'tcp-client');
    assert.ok(failed);
    const node = rootNode(api, failed.id);
    assert.equal(row(api, node).label, 'TCP istemcisi');
    assert.equal(row(api, node).description, `127.0.0.1:${port} · hata · ECONNREFUSED`);
    const tooltip = tooltipText(api, node);
    assert.ok(tooltip.includes(`**ECONNREFUSED** — 127.0.0.1:${port} bağlantıyı reddetti: orada dinleyen yok (ECONNREFUSED).`), tooltip);
  });

  it('açıkken sıfırlanan bir istemciyi Türkçe bildirir', async () => {
    const python = startPythonPeer('tcp-reset-after', { expect: 4 });
    const port = Number(await python.ready);
    const client = await api.open(`tcp://127.0.0.1:${port}`);
    await api.send(client.id, 'ping');
    await python.result;
    const expected = `TCP istemcisi 127.0.0.1:${port}: Karşı taraf bağlantıyı sıfırladı (ECONNRESET).`;
    await waitFor(() => api.testing.services.recorder.shownMessages.includes(expected), `the message "${expected}"`);
  });
});

/**
 * TLS in the Turkish pass: every failure reason as an exact Turkish sentence with its fix, a real
 * self-signed handshake's message, and the tree row and panel badge in Turkish words.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import type { SocketInfo } from '../../src/engine';
import type { ActivatedApi } from '../../src/extension';
import { describeError } from '../../src/messages';
import { activate, messageOf, run, tempDirectory, waitFor } from './commandsHelpers';
import { cleanUp, openReadyPanel, waitForMessage } from './panelHelpers';
import { TLS_CASES, tlsError } from './tlsSentences';
import { rootNode, row, tooltipText } from './treeHelpers';

const TURKISH: Readonly<Record<string, string>> = {
  'tls-unknown-ca': 'localhost:4433 adresinin sertifikası bu soketin güvenmediği bir makam tarafından verilmiş: CA sertifikasını ca=YOL ile verin ya da doğrulamayı insecure=1 ile atlayın.',
  'tls-self-signed': 'localhost:4433 adresinin sertifikası kendinden imzalı: ona ca=YOL ile (dışa aktarılan PEM dosyası) güvenin ya da doğrulamayı insecure=1 ile atlayın.',
  'tls-expired': 'localhost:4433 adresinin sertifikasının süresi 2025-01-01T00:00:00.000Z tarihinde doldu: sunucuda yenileyin ya da doğrulamayı insecure=1 ile atlayın.',
  'tls-not-yet-valid': 'localhost:4433 adresinin sertifikası 2030-01-01T00:00:00.000Z tarihinden önce geçerli değil: iki makinenin saatini denetleyin ya da doğrulamayı insecure=1 ile atlayın.',
  'tls-hostname-mismatch': "Sertifika 'example.test' adını kapsamıyor: kapsadıkları localhost, 127.0.0.1, ::1. Bu adlardan biriyle bağlanın (ya da servername= verin), olduğu gibi insecure=1 ile kabul edin ya da sunucuya doğru sertifikayı verin.",
  'tls-no-common-protocol': 'localhost:4433 ile TLS el sıkışması başarısız oldu: ortak bir protokol sürümü ya da şifre takımı yok. minVersion= ve maxVersion= aralığını genişletin (örneğin minVersion=TLSv1.2).',
  'tls-client-certificate-required': 'localhost:4433 bir istemci sertifikası istiyor: cert=YOL ve key=YOL ile bir sertifika verin.',
  'tls-client-certificate-rejected': "127.0.0.1:50312 istemci sertifikasını reddetti: CA'sının güvendiği bir sertifikayı cert=YOL ve key=YOL ile verin.",
  'tls-not-tls': '127.0.0.1:8080 TLS ile yanıt vermedi (düz baytlar gönderdi): tcp:// ile açın ya da portu denetleyin.',
  'tls-handshake-timeout': '127.0.0.1:8080 ile TLS el sıkışması 10000 ms içinde bitmedi: o portta TLS konuşuluyor mu? Karşı taraf yavaşsa timeout= değerini artırın.',
  'tls-handshake-failed': 'localhost:4433 ile TLS el sıkışması başarısız oldu (ERR_SSL_SSLV3_ALERT_HANDSHAKE_FAILURE).',
  'tls-file-unreadable': 'ca= dosyası /tmp/missing.pem okunamıyor (ENOENT).',
  'tls-credentials-invalid': 'Sertifika ya da anahtar kullanılamıyor (ERR_OSSL_PEM_NO_START_LINE): cert= ile bir PEM sertifikası, key= ile onun özel anahtarını verin.',
};

function portOf(info: SocketInfo | undefined): number {
  const port = info?.local?.port;
  assert.ok(port !== undefined && port !== 0);
  return port;
}

describe('tls in Turkish: sentences, the tree and the panel badge', function () {
  this.timeout(60_000);
  let api: ActivatedApi;

  before(async () => {
    api = await activate();
  });

  beforeEach(() => api.testing.services.recorder.shownMessages.splice(0));

  afterEach(async () => {
    await cleanUp(api);
  });

  it('words every TLS failure reason in one Turkish sentence with its fix', () => {
    assert.deepEqual(Object.fromEntries(TLS_CASES.map(([reason, data]) => [reason, describeError(tlsError(reason, data))])), TURKISH);
  });

  it('a self-signed peer without insecure=1: the Turkish message names it and the fix', async () => {
    const server = await api.open('tls-listen://127.0.0.1:0');
    const port = portOf(server);
    const message = await messageOf(api, () => run('open', `tls://localhost:${port}`));
    assert.equal(message, `localhost:${port} adresinin sertifikası kendinden imzalı: ona ca=YOL ile (dışa aktarılan PEM dosyası) güvenin ya da doğrulamayı insecure=1 ile atlayın.`);
  });

  it('the tree row, tooltip and panel badge read in Turkish, verified and not', async () => {
    const server = await api.open('tls-listen://127.0.0.1:0');
    const port = portOf(server);
    const pem = path.join(tempDirectory('sw-tls-tr-'), 'server.pem');
    await run('exportCertificate', server.id, pem);
    const verified = await api.open(`tls://localhost:${port}?ca=${pem}`);
    const insecure = await api.open(`tls://127.0.0.1:${port}?insecure=1`);
    await waitFor('both connections', () => (api.connections(server.id).filter((connection) => connection.tls?.protocol !== null && connection.tls !== undefined).length === 2 ? true : undefined));
    await api.testing.view.provider.flush();
    const verifiedRow = row(api, rootNode(api, verified.id));
    assert.equal(verifiedRow.label, 'TLS istemcisi');
    assert.match(verifiedRow.description, /^açık · TLS 1\.3 · /);
    assert.ok(tooltipText(api, rootNode(api, verified.id)).includes('| Doğrulama | doğrulandı |'));
    const insecureRow = row(api, rootNode(api, insecure.id));
    assert.equal(insecureRow.icon, 'unlock');
    assert.match(insecureRow.description, /^açık · ⚠ doğrulanmadı \(insecure=1\) · /);
    assert.ok(tooltipText(api, rootNode(api, insecure.id)).includes('$(unlock) **TLS karşı tarafı doğrulanmadı**'));
    assert.equal(row(api, rootNode(api, server.id)).label, 'TLS sunucusu');
    const panel = await openReadyPanel(api, insecure.id);
    const init = await waitForMessage(panel, 'init');
    assert.equal(init.socket.tls?.badge, 'TLS 1.3 · TLS_AES_256_GCM_SHA384 · doğrulanmadı (insecure=1)');
    assert.equal(init.socket.tls?.unverified, true);
  });
});

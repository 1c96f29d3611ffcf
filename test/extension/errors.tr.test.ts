/**
 * The same failures in the Turkish pass (vscode.env.language === 'tr'): the messages the user sees
 * come from l10n/bundle.l10n.tr.json, including the commands' own sentences.
 */
import * as assert from 'node:assert/strict';
import type { SocketInfo } from '../../src/engine';
import { checkPort } from '../../src/commands/steps';
import type { ActivatedApi } from '../../src/extension';
import { activate, messageOf, portOf, removeAll, run } from './commandsHelpers';

describe('errors through the commands (Turkish)', () => {
  let api: ActivatedApi;
  const opened: string[] = [];

  before(async () => {
    api = await activate();
  });

  afterEach(async () => {
    await removeAll(api, opened.splice(0));
  });

  it('a bad port is reported in Turkish', async () => {
    assert.equal(await messageOf(api, () => run('open', 'tcp://127.0.0.1:70000')), '70000 portu 0–65535 aralığının dışında.');
  });

  it('EADDRINUSE is reported in Turkish and the extension keeps working', async () => {
    const first = await run<SocketInfo>('newTcpServer', '127.0.0.1', 0);
    opened.push(first.id);
    const port = portOf(first);
    const before = new Set(api.testing.services.engine.list().map((info) => info.id));
    const message = await messageOf(api, () => run('open', `tcp-listen://127.0.0.1:${port}`));
    opened.push(...api.testing.services.engine.list().map((info) => info.id).filter((id) => !before.has(id)));
    assert.equal(message, `127.0.0.1:${port} başka bir soket tarafından kullanılıyor (EADDRINUSE).`);
    const again = await run<SocketInfo>('newTcpServer', '127.0.0.1', 0);
    opened.push(again.id);
    assert.equal(again.state, 'listening');
  });

  it("the commands' own messages are Turkish too", async () => {
    assert.equal(
      await messageOf(api, () => run('newTcpServer', 'udp://127.0.0.1:9')),
      'Geçersiz bağımsız değişken: Yeni TCP Sunucusu bir tcp-listen:// adresi ister, udp://127.0.0.1:9 değil; her türü Adresten Soket Aç açar.',
    );
    assert.equal(checkPort('0', 'tcp-client').message, 'Port 0 herhangi bir boş port demektir ve bunu yalnızca dinleyici kullanabilir: sunucunun portunu verin.');
  });
});

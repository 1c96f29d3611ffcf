/**
 * The CodeLens in the Turkish pass (vscode.env.language === 'tr'): titles and tooltips from
 * l10n/bundle.l10n.tr.json, the state and connection count in Turkish, and the Restricted Mode message.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { SocketInfo } from '../../src/engine';
import { PYTHON_SAMPLE, lineOf } from '../codelens/samples';
import { describeLens, lensDocument, ourLenses } from './codelensHelpers';
import { activate, portOf, removeAll, run } from './commandsHelpers';

const TITLES = { client: '▶ İstemci bağla', listener: '▶ Dinleyici başlat' } as const;

describe('CodeLens in Turkish', () => {
  it('titles and tooltips of every lens in the Python sample', async () => {
    await activate();
    const document = await lensDocument('python', PYTHON_SAMPLE.lines);
    const lenses = await ourLenses(document);
    assert.deepEqual(lenses.map(describeLens), PYTHON_SAMPLE.lenses.map((lens) => `${lineOf(PYTHON_SAMPLE, lens) + 1}: ${TITLES[lens.action]} → socketWorkbench.open ${JSON.stringify([lens.spec])}`));
    assert.equal(lenses[0].tooltip, "tcp://127.0.0.1:8080 adresini Socket Workbench'te aç");
  });

  it("Show in Sockets with the state and connections in Turkish", async () => {
    const api = await activate();
    const listener = await run<SocketInfo>('open', 'tcp-listen://127.0.0.1:0');
    try {
      const document = await lensDocument('go', ['package main', 'import "net"', `func main() { net.Dial("tcp", "localhost:${portOf(listener)}") }`]);
      assert.deepEqual((await ourLenses(document)).map((lens) => lens.title), ["Soketler'de göster (dinliyor, 0 bağlantı)"]);
    } finally {
      await removeAll(api, [listener.id]);
    }
  });

  it('in Restricted Mode the lens asks for trust in Turkish', async () => {
    const api = await activate();
    api.testing.simulateWorkspaceTrust(false);
    try {
      const document = await lensDocument('rust', ['use std::net::TcpStream;', 'fn main() { let s = TcpStream::connect("127.0.0.1:9506"); }']);
      const [lens] = await ourLenses(document);
      assert.equal(lens.title, '▶ Dinleyici başlat');
      assert.equal(lens.tooltip, 'Kısıtlı Mod: tcp-listen://127.0.0.1:9506 adresini açmak için bu çalışma alanına güvenin');
      const shown = api.testing.services.recorder.shownMessages.length;
      await vscode.commands.executeCommand(lens.command, ...lens.arguments);
      assert.deepEqual(api.testing.services.recorder.shownMessages.slice(shown), [
        'Kısıtlı Mod: tcp-listen://127.0.0.1:9506 adresini bu çalışma alanının kodundan açmak için güvenilen bir çalışma alanı gerekir.',
      ]);
    } finally {
      api.testing.simulateWorkspaceTrust(undefined);
    }
  });
});

// The wire editor in Turkish: Tümünü Çalıştır with ✓/✗ decorations, the Testing view, and
// auto-reply rules in a listener's panel answering a python3 client (steps in wireSteps.mjs).
import { freePort } from '../runner/vscode.mjs';
import { echoServer, rulesInPanel, runAndTest, wireFile } from './wireSteps.mjs';

const PORT = await freePort();

export const options = { locale: 'tr', theme: 'Dark Modern', viewport: { width: 1280, height: 860 }, files: { 'echo.wire': wireFile(PORT) }, timeout: 240 };

const T = {
  runAll: '▶ Tümünü Çalıştır',
  testing: 'Test',
  sockets: 'Soketler',
  server: 'TCP sunucusu',
  openCommand: 'Socket Workbench: Adresten Soket Aç…',
  panelCommand: 'Socket Workbench: Yük Panelini Aç…',
  rulesTitle: 'Otomatik yanıt kuralları',
  rulesEmpty: 'Kural yok: gelen veriye otomatik yanıt verilmez.',
  oneHit: '1 eşleşme',
  hexProblem: "Yük geçerli bir Onaltılık değil: 0. konumda 'z'.",
};

export async function run(ui) {
  const server = echoServer(PORT);
  try {
    await server.line(/READY/, 'READY');
    await runAndTest(ui, T, 'tr');
    await rulesInPanel(ui, T, 'tr');
  } finally {
    server.kill();
  }
}

// The wire editor in English, dark then light: Run All with ✓/✗ decorations, the Testing view, and
// auto-reply rules in a listener's panel answering a python3 client (steps in wireSteps.mjs).
import { freePort } from '../runner/vscode.mjs';
import { echoServer, rulesInPanel, runAndTest, wireFile } from './wireSteps.mjs';

const PORT = await freePort();

export const options = { theme: 'Dark Modern', viewport: { width: 1280, height: 860 }, files: { 'echo.wire': wireFile(PORT) }, timeout: 240 };

const T = {
  runAll: '▶ Run All',
  testing: 'Testing',
  sockets: 'Sockets',
  server: 'TCP server',
  openCommand: 'Socket Workbench: Open Socket from Address…',
  panelCommand: 'Socket Workbench: Open Payload Panel…',
  rulesTitle: 'Auto-reply rules',
  rulesEmpty: 'No rules: incoming data gets no automatic answer.',
  oneHit: '1 hit',
  hexProblem: "The payload is not valid Hex: 'z' at offset 0.",
};

export async function run(ui) {
  const server = echoServer(PORT);
  try {
    await server.line(/READY/, 'READY');
    await runAndTest(ui, T, 'dark');
    await rulesInPanel(ui, T, 'dark');
    await ui.setTheme('Light Modern');
    await ui.screenshot('04-rules-light');
    // Back to the file by its tab: Quick Open's Enter can be lost while the panel's webview has the focus.
    await ui.page.locator('.tabs-container .tab', { hasText: 'echo.wire' }).first().click();
    await ui.page.locator('.editor-instance .monaco-editor .view-lines').first().waitFor({ state: 'visible', timeout: 15_000 });
    await ui.sleep(600);
    await ui.screenshot('05-run-decorations-light');
  } finally {
    server.kill();
  }
}

// A payload panel survives a window reload: the draft, its encoding and the hex-dump toggle come
// back (vscode.setState + the panel serializer), bound to the same socket by its spec. The socket
// itself comes back closed, so the panel says so and offers Reopen, which opens it again.
import assert from 'node:assert/strict';

const QUICK_INPUT = '.quick-input-widget';

export const options = { theme: 'Light Modern', viewport: { width: 960, height: 820 } };

export async function run(ui) {
  const { page } = ui;
  await ui.openViewContainer('Sockets');
  await ui.runCommand('Socket Workbench: Open Socket from Address…', { waitMs: 400 });
  const input = page.locator(`${QUICK_INPUT} input`);
  await input.waitFor({ state: 'visible', timeout: 10_000 });
  await input.fill('udp-listen://127.0.0.1:0');
  await ui.sleep(300);
  await ui.keyboard.press('Enter');
  await page.locator(QUICK_INPUT).waitFor({ state: 'hidden', timeout: 10_000 });

  await ui.runCommand('Socket Workbench: Open Payload Panel…', { waitMs: 300 });
  const item = page.locator(`${QUICK_INPUT} .monaco-list-row`, { hasText: '127.0.0.1:' }).first();
  await item.waitFor({ state: 'visible', timeout: 10_000 });
  await item.click();

  let frame = ui.webviewFrame();
  await frame.locator('#payload').waitFor({ state: 'visible', timeout: 20_000 });
  await frame.locator('#encoding').selectOption('escapes');
  await frame.locator('#payload').fill('GET / HTTP/1.0\\r\\n\\r\\n');
  await frame.locator('.traffic-toolbar button', { hasText: 'Hex dump' }).click();
  await frame.locator('#payload-status').filter({ hasText: '18 bytes' }).waitFor({ timeout: 5_000 });
  await ui.sleep(800); // the webview saves its state a moment after the last change
  await ui.screenshot('01-before-reload');

  await ui.runCommand('Developer: Reload Window', { waitMs: 500 });
  await ui.waitForWorkbench();
  frame = ui.webviewFrame();
  const payload = frame.locator('#payload');
  await payload.waitFor({ state: 'visible', timeout: 30_000 });
  await ui.expectValue(payload, 'GET / HTTP/1.0\\r\\n\\r\\n', 'the draft came back');
  await ui.expectValue(frame.locator('#encoding'), 'escapes');
  await ui.waitUntil('the Hex dump toggle to be on', async () => (await frame.locator('.traffic-toolbar button', { hasText: 'Hex dump' }).getAttribute('aria-pressed')) === 'true');
  const banner = frame.locator('.banner');
  await banner.filter({ hasText: 'This socket is closed. Its traffic stays readable.' }).waitFor({ timeout: 10_000 });
  await ui.waitUntil('a closed socket cannot send', async () => (await frame.locator('button.primary').first().isDisabled()) === true);
  await ui.sleep(300);
  await ui.screenshot('02-restored-closed');

  await banner.locator('button', { hasText: 'Reopen' }).click();
  await banner.waitFor({ state: 'hidden', timeout: 10_000 });
  await frame.locator('.socket-description').filter({ hasText: 'UDP socket · open' }).waitFor({ timeout: 10_000 });
  await ui.waitUntil('Send to be enabled', async () => (await frame.locator('button.primary').first().isDisabled()) === false);
  await ui.sleep(300);
  await ui.screenshot('03-reopened');
}

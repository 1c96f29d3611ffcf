// The payload panel in Turkish: every label, hint, codec error, event row and send result comes
// from the host's Turkish strings. A UDP socket sends to itself, so there is an "in" and an "out" row.
import assert from 'node:assert/strict';

const QUICK_INPUT = '.quick-input-widget';

export const options = { locale: 'tr', theme: 'Dark Modern', viewport: { width: 1280, height: 820 } };

export async function run(ui) {
  const { page } = ui;
  await ui.openViewContainer('Soketler');
  await ui.runCommand('Socket Workbench: Adresten Soket Aç…', { waitMs: 400 });
  const input = page.locator(`${QUICK_INPUT} input`);
  await input.waitFor({ state: 'visible', timeout: 10_000 });
  await input.fill('udp-listen://127.0.0.1:0');
  await ui.sleep(300);
  await ui.keyboard.press('Enter');
  await page.locator(QUICK_INPUT).waitFor({ state: 'hidden', timeout: 10_000 });

  await ui.runCommand('Socket Workbench: Yük Panelini Aç…', { waitMs: 300 });
  const item = page.locator(`${QUICK_INPUT} .monaco-list-row`, { hasText: '127.0.0.1:' }).first();
  await item.waitFor({ state: 'visible', timeout: 10_000 });
  const label = (await item.innerText()).match(/127\.0\.0\.1:\d+/)[0];
  await item.click();

  const frame = ui.webviewFrame();
  const payload = frame.locator('#payload');
  await payload.waitFor({ state: 'visible', timeout: 20_000 });
  await ui.expectText(frame.locator('label[for="payload"]'), 'Yük');
  await ui.expectText(frame.locator('label[for="encoding"]'), 'Kodlama');

  await frame.locator('#encoding').selectOption('escapes');
  await payload.click();
  await ui.keyboard.type('merhaba\\q');
  await frame.locator('#payload-status').filter({ hasText: "8. konumda 'q' ile bilinmeyen kaçış dizisi." }).waitFor({ timeout: 5_000 });
  await ui.screenshot('01-codec-error-tr');

  await payload.fill('merhaba\\r\\n');
  await frame.locator('#target-address').fill(label);
  await frame.locator('#payload-status').filter({ hasText: '9 bayt' }).waitFor({ timeout: 5_000 });
  await ui.keyboard.press('Mod+Enter');
  await frame.locator('#notice').filter({ hasText: `9 bayt ${label} adresine gönderildi.` }).waitFor({ timeout: 10_000 });
  await frame.locator('.row.in').first().waitFor({ state: 'visible', timeout: 10_000 });
  await ui.expectText(frame.locator('.row.event').first(), /üzerinde dinleniyor/);
  await frame.locator('.traffic-toolbar button', { hasText: 'Onaltılık döküm' }).click();
  await frame.locator('.row.in .dump-line').first().waitFor({ state: 'visible', timeout: 10_000 });
  await ui.sleep(400);
  await ui.screenshot('02-sent-to-self-tr');
}

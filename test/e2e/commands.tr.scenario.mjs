// The guided input in Turkish: titles, hints and the engine's errors come from the Turkish bundle.
import assert from 'node:assert/strict';

const QUICK_INPUT = '.quick-input-widget';

export const options = { locale: 'tr', theme: 'Light Modern', viewport: { width: 1280, height: 800 } };

export async function run(ui) {
  const { page } = ui;
  const input = page.locator(`${QUICK_INPUT} input`);
  const title = page.locator(`${QUICK_INPUT} .quick-input-title`);
  const message = page.locator(`${QUICK_INPUT} .quick-input-message`);
  const rows = page.locator(`${QUICK_INPUT} .monaco-list-row`);

  await ui.runCommand('Socket Workbench: Yeni TCP Sunucusu…', { waitMs: 600 });
  await rows.first().waitFor({ state: 'visible' });
  await page.mouse.move(900, 650);
  await ui.expectText(title, /Yeni TCP Sunucusu.*1\s*\/\s*3/s);
  await ui.expectText(rows.first(), /127\.0\.0\.1.*IPv4 geri döngü: yalnızca bu makine/s);
  await ui.screenshot('01-host-suggestions-tr');

  await ui.keyboard.press('Enter');
  await page.waitForFunction(() => /2\s*\/\s*3/.test(document.querySelector('.quick-input-widget .quick-input-title')?.textContent ?? ''));
  await input.fill('70000');
  await message.filter({ hasText: '70000 portu 0–65535 aralığının dışında.' }).first().waitFor({ state: 'visible', timeout: 5000 });
  await ui.screenshot('02-port-invalid-tr');
  await input.fill('echo');
  await message.filter({ hasText: "'echo' servisi 7/tcp portudur." }).first().waitFor({ state: 'visible', timeout: 5000 });
  await ui.screenshot('03-port-service-tr');
  await ui.keyboard.press('Escape');

  await ui.runCommand('Socket Workbench: Adresten Soket Aç…', { waitMs: 600 });
  await input.fill('udp://[::1]:0');
  await message.filter({ hasText: 'Port' }).first().waitFor({ state: 'visible', timeout: 5000 });
  await ui.screenshot('04-open-from-address-invalid-tr');
  await input.fill('udp-listen://127.0.0.1:5353');
  await message.filter({ hasText: 'UDP soketi, porta bağlı: udp-listen://127.0.0.1:5353' }).first().waitFor({ state: 'visible', timeout: 5000 });
  await ui.screenshot('05-open-from-address-valid-tr');
  await ui.keyboard.press('Escape');
}

// TLS as a user meets it: a tls-listen server and two tls clients opened from their addresses, one
// verified against the exported certificate and one with insecure=1; the tree shows TLS 1.3 on the
// first and an open lock with "unverified" on the second; their tooltips list the handshake; each
// payload panel's header carries the badge. Every wait is bounded.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';

const QUICK_INPUT = '.quick-input-widget';
const ROWS = '.pane-body .monaco-list-row';

export const options = { theme: 'Dark Modern', viewport: { width: 1280, height: 860 } };

async function openAddress(ui, spec) {
  const { page } = ui;
  await ui.runCommand('Socket Workbench: Open Socket from Address…', { waitMs: 400 });
  const input = page.locator(`${QUICK_INPUT} input`);
  await input.waitFor({ state: 'visible', timeout: 10_000 });
  await input.fill(spec);
  await ui.sleep(300);
  await ui.keyboard.press('Enter');
  await page.locator(QUICK_INPUT).waitFor({ state: 'hidden', timeout: 10_000 });
}

async function rowText(ui, pattern, timeout = 10_000) {
  const handle = await ui.page.waitForFunction(({ selector, source }) => {
    const re = new RegExp(source);
    return [...document.querySelectorAll(selector)].map((node) => node.textContent ?? '').find((content) => re.test(content));
  }, { selector: ROWS, source: pattern.source }, { timeout });
  return handle.jsonValue();
}

/** The row's tooltip text once it shows `expectText` (the mouse first, else Show Hover). */
async function hoverRow(ui, row, expectText) {
  const { page } = ui;
  const hover = page.locator('.monaco-hover', { hasText: expectText }).locator('visible=true').first();
  await row.locator('.label-name').first().hover();
  try {
    await hover.waitFor({ state: 'visible', timeout: 3000 });
  } catch {
    await row.locator('.label-name').first().click();
    await ui.keyboard.press('Control+K', 'Control+I');
    await hover.waitFor({ state: 'visible', timeout: 10_000 });
  }
  await ui.sleep(400);
  return hover.innerText({ timeout: 2000 });
}

async function panelBadge(ui, rowLocator) {
  const { page } = ui;
  const tabsBefore = await page.locator('.tabs-container .tab').count();
  await rowLocator.dblclick();
  await page.waitForFunction((count) => document.querySelectorAll('.tabs-container .tab').length > count, tabsBefore, { timeout: 10_000 });
  const badge = ui.webviewFrame().locator('#tls-badge');
  await badge.waitFor({ state: 'visible', timeout: 20_000 });
  await ui.sleep(500);
  return badge;
}

export async function run(ui) {
  const { page } = ui;
  await ui.openViewContainer('Sockets');
  await openAddress(ui, 'tls-listen://127.0.0.1:0');
  const serverText = await rowText(ui, /TLS server.*listening · TLS · 127\.0\.0\.1:(?!0\b)\d+/);
  const port = Number(/127\.0\.0\.1:(\d+)/.exec(serverText)[1]);

  const pem = path.join(ui.workspace, 'localhost.pem');
  await ui.runCommand('Socket Workbench: Export Certificate (PEM)…', { waitMs: 400 });
  await page.locator(`${QUICK_INPUT} .monaco-list-row`, { hasText: `127.0.0.1:${port}` }).first().click();
  // The save dialog of the web workbench: a path input.
  const saveInput = page.locator(`${QUICK_INPUT} input`);
  await saveInput.waitFor({ state: 'visible', timeout: 10_000 });
  // The dialog fills in its own default path as it opens: type ours until it stays.
  await ui.waitUntil('the save dialog to hold our path', async () => {
    await saveInput.fill(pem);
    await ui.sleep(200);
    return (await saveInput.inputValue().catch(() => '')) === pem;
  }, { timeout: 10_000 });
  await ui.keyboard.press('Enter');
  await ui.waitForNotification(`Exported the certificate of 127.0.0.1:${port} to`);
  await ui.waitUntil(`${pem} to be written`, () => fs.existsSync(pem) && fs.readFileSync(pem, 'utf8').includes('-----END CERTIFICATE-----'), { timeout: 10_000 });

  await openAddress(ui, `tls://localhost:${port}?ca=localhost.pem`);
  await rowText(ui, new RegExp(`TLS client.*open · TLS 1\\.3 · 127\\.0\\.0\\.1:${port}`));
  await openAddress(ui, `tls://127.0.0.1:${port}?insecure=1`);
  await rowText(ui, new RegExp(`TLS client.*open · ⚠ unverified \\(insecure=1\\)`));
  await ui.screenshot('01-tree-verified-and-unverified');

  const verified = page.locator(ROWS, { hasText: /open · TLS 1\.3/ }).first();
  const verifiedHover = await hoverRow(ui, verified, 'TLS_AES_256_GCM_SHA384');
  for (const expected of ['TLS 1.3 · TLS_AES_256_GCM_SHA384 · verified', 'Server name (SNI)', 'localhost', 'CN=localhost, O=Socket Workbench', 'SHA-256']) {
    assert.ok(verifiedHover.includes(expected), `the verified tooltip shows "${expected}":\n${verifiedHover}`);
  }
  await ui.screenshot('02-tooltip-verified');
  await page.mouse.move(5, 5);
  await ui.sleep(300);

  const unverified = page.locator(ROWS, { hasText: /unverified/ }).first();
  await unverified.locator('.codicon-unlock').first().waitFor({ state: 'visible', timeout: 5000 });
  const unverifiedHover = await hoverRow(ui, unverified, 'TLS peer not verified');
  assert.ok(unverifiedHover.includes('unverified (insecure=1)'), unverifiedHover);
  await ui.screenshot('03-tooltip-unverified');
  await page.mouse.move(5, 5);
  await ui.sleep(300);

  const badge = await panelBadge(ui, verified);
  await ui.expectText(badge, /TLS 1\.3 · TLS_AES_256_GCM_SHA384 · verified/);
  await ui.screenshot('04-panel-badge-verified');

  const warning = await panelBadge(ui, unverified);
  await ui.expectText(warning, /TLS 1\.3 · TLS_AES_256_GCM_SHA384 · unverified \(insecure=1\)/);
  assert.equal(await warning.evaluate((node) => node.classList.contains('unverified')), true);
  await ui.screenshot('05-panel-badge-unverified');
}

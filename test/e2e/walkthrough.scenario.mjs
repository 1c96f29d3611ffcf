// The "Get started with Socket Workbench" walkthrough: opened from the palette (Welcome: Open
// Walkthrough…), its four steps with their pictures, and step 1 completing once its button's guided
// input has opened a listener (the step completes on a context key, whichever way the listener
// was opened). Screenshots of the first three steps' pictures in the dark theme.
import assert from 'node:assert/strict';

// Wide enough for the walkthrough's two columns (steps and picture).
export const options = { theme: 'Dark Modern', viewport: { width: 1600, height: 900 } };

const STEPS = ['Open a listener', 'Connect a client', 'Send a payload in hex', 'Run a .wire file'];

export async function run(ui) {
  const { page } = ui;
  await ui.runCommand('Welcome: Open Walkthrough...', { waitMs: 500 });
  await ui.pickQuickInputItem('Get started with Socket Workbench');
  const steps = page.locator('.getting-started-step');
  await page.locator('.part.editor', { hasText: 'Get started with Socket Workbench' }).first().waitFor({ state: 'visible', timeout: 20_000 });
  await ui.runCommand('View: Close Primary Side Bar', { waitMs: 600 });
  for (const title of STEPS) {
    await steps.filter({ hasText: title }).first().waitFor({ state: 'visible', timeout: 10_000 });
  }
  // Step 1 is expanded: its picture is shown.
  await page.locator('.getting-started-media img, .getting-started-media svg, .getting-started-media iframe').first().waitFor({ state: 'visible', timeout: 10_000 });
  await ui.sleep(800);
  await ui.screenshot('01-walkthrough-open-listener');

  await steps.filter({ hasText: STEPS[1] }).first().click();
  await ui.sleep(1200);
  await ui.screenshot('02-connect-a-client');
  await steps.filter({ hasText: STEPS[2] }).first().click();
  await ui.sleep(1200);
  await ui.screenshot('03-send-hex');
  await steps.filter({ hasText: STEPS[3] }).first().click();
  await ui.sleep(1200);
  await ui.screenshot('04-run-wire');

  // Step 1's button runs New TCP Server…: accept 127.0.0.1, port 0, no options.
  await steps.filter({ hasText: STEPS[0] }).first().click();
  await ui.sleep(800);
  await page.locator('.getting-started-step.expanded .button-link, .getting-started-step.expanded a', { hasText: 'Open a Listener' }).first().click();
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: 10_000 });
  await input.fill('127.0.0.1');
  await ui.sleep(300);
  await ui.keyboard.press('Enter');
  await page.waitForFunction(() => /2\s*\/\s*3/.test(document.querySelector('.quick-input-widget .quick-input-title')?.textContent ?? ''), null, { timeout: 10_000 });
  await ui.keyboard.press('Enter');
  await page.waitForFunction(() => /3\s*\/\s*3/.test(document.querySelector('.quick-input-widget .quick-input-title')?.textContent ?? ''), null, { timeout: 10_000 });
  await ui.keyboard.press('Enter');
  const done = steps.filter({ hasText: STEPS[0] }).filter({ has: page.locator('.codicon-pass-filled, .complete') }).first();
  const deadline = Date.now() + 15_000;
  while (!(await done.isVisible().catch(() => false)) && !(await page.locator('.getting-started-step.complete', { hasText: STEPS[0] }).first().isVisible().catch(() => false))) {
    assert.ok(Date.now() < deadline, 'step 1 is marked done once the listener is open');
    await ui.sleep(200);
  }
  await ui.sleep(600);
  await ui.screenshot('05-step-one-done');
}

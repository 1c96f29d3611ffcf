// The "Get started with Socket Workbench" walkthrough: opened from the palette (Welcome: Open
// Walkthrough…), its four steps with their pictures, and step 1 completing once its button's guided
// input has opened a listener (the step completes on a context key, whichever way the listener
// was opened). Screenshots of the first three steps' pictures in the dark theme.
import assert from 'node:assert/strict';

// Wide enough for the walkthrough's two columns (steps and picture).
export const options = { theme: 'Dark Modern', viewport: { width: 1600, height: 900 } };

const STEPS = ['Open a listener', 'Connect a client', 'Send a payload in hex', 'Run a .wire file'];

// The Welcome page disables every step button while it shows its categories slide, and it can
// fall back to that slide when it re-renders (the extension activating, a context key changing):
// a CI run on a busy machine found "Connect a client" disabled. So each click waits for an
// enabled button and re-opens the walkthrough when the page has gone back to its categories.
async function openWalkthrough(ui) {
  await ui.runCommand('Welcome: Open Walkthrough...', { waitMs: 500 });
  await ui.pickQuickInputItem('Get started with Socket Workbench');
}

async function clickStep(ui, title) {
  const step = ui.page.locator('.getting-started-step').filter({ hasText: title }).first();
  const deadline = Date.now() + 30_000;
  for (;;) {
    await step.waitFor({ state: 'attached', timeout: 10_000 });
    if (await step.isEnabled().catch(() => false)) {
      await step.click({ timeout: 5_000 });
      return;
    }
    assert.ok(Date.now() < deadline, `walkthrough step "${title}" stays disabled: the Welcome page is not showing the walkthrough`);
    await ui.sleep(500);
    if (!(await step.isEnabled().catch(() => false))) {
      await openWalkthrough(ui);
    }
  }
}

export async function run(ui) {
  const { page } = ui;
  await openWalkthrough(ui);
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

  await clickStep(ui, STEPS[1]);
  await ui.sleep(1200);
  await ui.screenshot('02-connect-a-client');
  await clickStep(ui, STEPS[2]);
  await ui.sleep(1200);
  await ui.screenshot('03-send-hex');
  await clickStep(ui, STEPS[3]);
  await ui.sleep(1200);
  await ui.screenshot('04-run-wire');

  // Step 1's button runs New TCP Server…: accept 127.0.0.1, port 0, no options.
  await clickStep(ui, STEPS[0]);
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

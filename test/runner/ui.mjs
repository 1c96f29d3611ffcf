// The `ui` object handed to UI scenarios (test/e2e/*.scenario.mjs): small, forgiving helpers
// over a Playwright page showing the VS Code workbench. Selectors are VS Code's own DOM classes
// (stable across recent releases); when one breaks, fix it here, not in every scenario.
//
// Every helper waits for a condition with a deadline; none looks once. On a loaded machine the
// workbench lags (a palette entry's `when` clause, a list still filtering, a view still drawing),
// so a scenario asserts through expectText/expectValue/expectCount/waitUntil, not on one reading.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { sleep } from './vscode.mjs';

const QUICK_INPUT = '.quick-input-widget input';
const exactly = (text) => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);

/**
 * session: what openVSCode() returned; outDir: where screenshots go; log: progress printer.
 */
export function makeUi(session, { outDir, log }) {
  const { page } = session;
  const ui = {
    page,
    workspace: session.workspace,
    server: session.server,
    outDir,
    sleep,
    log,

    /** Saves <outDir>/<name>.png (the whole window, or pass Playwright screenshot options). */
    async screenshot(name, options = {}) {
      const file = path.join(outDir, name.endsWith('.png') ? name : `${name}.png`);
      await page.screenshot({ path: file, ...options });
      log(`screenshot ${path.relative(process.cwd(), file)}`);
      return file;
    },

    /** Waits until the workbench is drawn and the extension host has started the extensions. */
    async waitForWorkbench(timeout = 90_000) {
      // The editor part is always shown; the activity bar and status bar can be hidden by settings.
      await page.waitForSelector('.monaco-workbench .part.editor', { timeout });
      await page.waitForFunction(() => !document.querySelector('.statusbar')?.textContent?.includes('Activating Extensions'),
        null, { timeout }).catch(() => log('still "Activating Extensions..." - continuing'));
      // The color theme arrives a moment after the first paint; screenshots must not catch the default.
      await page.waitForFunction(() => [...document.querySelector('.monaco-workbench').classList].some((c) => c.startsWith('vscode-theme-')),
        null, { timeout });
      await sleep(1000); // layout settles, first paint of views
    },

    keyboard: {
      /** Presses keys one after another; 'Mod' means Ctrl (Cmd on macOS), e.g. press('Mod+S', 'Escape'). */
      async press(...keys) {
        for (const key of keys) {
          await page.keyboard.press(key.replace(/\bMod\b/g, 'ControlOrMeta'));
          await sleep(80);
        }
      },
      /** Types text into whatever has focus. */
      async type(text, { delay = 10 } = {}) {
        await page.keyboard.type(text, { delay });
      },
    },

    /** Closes the quick input (Escape until it is hidden: a multi-step input may need more than one). */
    async closeQuickInput(timeout = 10_000) {
      const widget = page.locator('.quick-input-widget');
      const deadline = Date.now() + timeout;
      while (await widget.isVisible().catch(() => false)) {
        if (Date.now() > deadline) {
          throw new Error(`the quick input is still open after ${timeout / 1000} s of Escape`);
        }
        await page.keyboard.press('Escape');
        await widget.waitFor({ state: 'hidden', timeout: 1000 }).catch(() => undefined);
      }
    },

    /**
     * Runs a command by its exact title (as shown in the palette) through F1. A command whose
     * `when` clause has not caught up yet is missing from the palette for a moment: the palette is
     * closed, reopened and the title typed again until the entry shows, within `timeout`.
     */
    async runCommand(title, { waitMs = 800, timeout = 45_000 } = {}) {
      const deadline = Date.now() + timeout;
      const input = page.locator(QUICK_INPUT);
      const row = page.locator('.quick-input-widget .monaco-list-row')
        .filter({ has: page.locator('.label-name', { hasText: exactly(title) }) }).first();
      for (let attempt = 1; ; attempt++) {
        const step = () => Math.max(1000, Math.min(5000, deadline - Date.now()));
        try {
          await ui.closeQuickInput();
          await page.keyboard.press('F1');
          // A view or editor that opens meanwhile (a walkthrough, say) can take the focus and close
          // the palette while we type: then it is reopened, like an entry that is not there yet.
          await input.waitFor({ state: 'visible', timeout: step() });
          await input.fill(`>${title}`, { timeout: step() });
          await row.waitFor({ state: 'visible', timeout: step() });
          await sleep(150); // the list is still filtering while we type
          // Inside the retries: the palette can still close under us between seeing the row and the click.
          await row.click({ timeout: step() });
          break;
        } catch (error) {
          if (Date.now() >= deadline) {
            throw new Error(`no item "${title}" in the quick pick (${attempt} tries in ${timeout / 1000} s): ${error.message.split('\n')[0]}`);
          }
          log(`"${title}" is not in the palette yet (try ${attempt}); reopening it`);
        }
      }
      await sleep(waitMs);
    },
    /** Clicks the item whose label is exactly `label` in the open quick pick (Enter would take the top one). */
    async pickQuickInputItem(label, timeout = 10_000) {
      const row = page.locator('.quick-input-widget .monaco-list-row')
        .filter({ has: page.locator('.label-name', { hasText: exactly(label) }) }).first();
      await row.waitFor({ state: 'visible', timeout })
        .catch(() => { throw new Error(`no item "${label}" in the quick pick`); });
      await sleep(150); // the list is still filtering while we type
      await row.click();
    },

    /** Opens a workspace file through Quick Open (Ctrl+P) and waits for its editor. */
    async openFile(relPath) {
      await ui.closeQuickInput();
      await page.keyboard.press('ControlOrMeta+KeyP');
      const input = page.locator(QUICK_INPUT);
      await input.waitFor({ state: 'visible', timeout: 10_000 });
      await input.fill(relPath);
      const base = path.basename(relPath);
      await page.locator('.quick-input-widget .monaco-list-row', { hasText: base }).first().waitFor({ timeout: 15_000 });
      await input.press('Enter');
      await page.locator('.tabs-container .tab', { hasText: base }).first().waitFor({ timeout: 15_000 });
      await page.locator('.monaco-editor .view-lines').first().waitFor({ timeout: 15_000 });
      await sleep(500);
    },

    /**
     * Shows a view container ('Explorer', 'Extensions', ours...), wherever the activity bar is. An
     * icon that is already active is not clicked (that would hide the side bar); a click that has
     * not taken yet is retried until the icon is active.
     */
    async openViewContainer(title, timeout = 20_000) {
      const item = page.locator(`.composite-bar [aria-label^="${title.replace(/"/g, '\\"')}"]`).locator('visible=true').first();
      await item.waitFor({ state: 'visible', timeout })
        .catch(() => { throw new Error(`no view container "${title}" in the activity bar`); });
      const active = () => item.evaluate((node) => {
        const entry = node.closest('.action-item') ?? node;
        return entry.classList.contains('checked') || ['aria-checked', 'aria-pressed', 'aria-selected'].some((name) => node.getAttribute(name) === 'true' || entry.getAttribute(name) === 'true');
      }).catch(() => false);
      const deadline = Date.now() + timeout;
      while (!(await active())) {
        if (Date.now() > deadline) {
          throw new Error(`the "${title}" view container did not become active in ${timeout / 1000} s`);
        }
        await item.click();
        // A second click on an icon that became active would hide the side bar: wait for the first.
        await ui.waitUntil(`"${title}" to become active`, active, { timeout: 3000 }).catch(() => undefined);
      }
      await sleep(300);
    },

    /**
     * Polls `check` (sync or async) until it returns something truthy, and returns that; throws
     * with `what` and the last value after `timeout`. For conditions Playwright has no wait for.
     */
    async waitUntil(what, check, { timeout = 10_000, interval = 150 } = {}) {
      const deadline = Date.now() + timeout;
      let last;
      for (;;) {
        last = await check();
        if (last) {
          return last;
        }
        if (Date.now() > deadline) {
          throw new Error(`timed out after ${timeout / 1000} s waiting for ${what} (last: ${JSON.stringify(last)})`);
        }
        await sleep(interval);
      }
    },

    /** Waits until the locator's text equals `expected` (a string) or matches it (a RegExp). */
    async expectText(locator, expected, message = undefined, timeout = 10_000) {
      const matches = (text) => (typeof expected === 'string' ? text === expected : expected.test(text));
      let text;
      try {
        await ui.waitUntil(message ?? `text ${expected}`, async () => {
          text = await locator.innerText({ timeout: 1000 }).catch(() => undefined);
          return text !== undefined && matches(text);
        }, { timeout });
      } catch {
        if (typeof expected === 'string') {
          assert.equal(text, expected, message);
        }
        assert.match(text ?? '', expected, message);
      }
      return text;
    },

    /** Waits until an input's value equals `expected`. */
    async expectValue(locator, expected, message = undefined, timeout = 10_000) {
      let value;
      await ui.waitUntil(message ?? `value ${expected}`, async () => {
        value = await locator.inputValue({ timeout: 1000 }).catch(() => undefined);
        return value === expected;
      }, { timeout }).catch(() => assert.equal(value, expected, message));
    },

    /** Waits until the locator matches exactly `count` elements (0: until they are gone). */
    async expectCount(locator, count, message = undefined, timeout = 10_000) {
      let found;
      await ui.waitUntil(message ?? `${count} element(s)`, async () => {
        found = await locator.count();
        return found === count;
      }, { timeout }).catch(() => assert.equal(found, count, message));
    },

    /** Locator for the first tree/list row in any view whose text contains `text`. */
    treeItem(text) {
      return page.locator('.pane-body .monaco-list-row', { hasText: text }).first();
    },

    /** Hovers the first visible editor token containing `word`; returns the hover widget locator. */
    async hoverWord(word, { expectText, timeout = 15_000 } = {}) {
      const token = page.locator('.monaco-editor .view-lines span span', { hasText: word }).first();
      await token.waitFor({ state: 'visible', timeout });
      const box = await token.boundingBox();
      if (!box) throw new Error(`"${word}" is not on screen`);
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 5 });
      const hover = page.locator('.monaco-hover:not(.hidden)', expectText ? { hasText: expectText } : {}).first();
      try {
        await hover.waitFor({ state: 'visible', timeout });
      } catch {
        // Mouse hovers are sometimes swallowed right after an editor opens; ask for it explicitly.
        await token.click();
        await ui.runCommand('Show or Focus Hover', { waitMs: 300 });
        await hover.waitFor({ state: 'visible', timeout });
      }
      await sleep(600); // the hover fades in
      return hover;
    },

    /** Waits for a notification toast containing `text`; returns its locator. */
    async waitForNotification(text, timeout = 15_000) {
      const toast = page.locator('.notifications-toasts .notification-toast', { hasText: text }).first();
      await toast.waitFor({ state: 'visible', timeout });
      return toast;
    },

    /** Frame locator for the content of the active webview (panel or view). */
    webviewFrame() {
      return page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
    },

    /**
     * Merges settings into the user settings.json and reloads the window: the web workbench does
     * not notice edits made to that file from outside. For settings known before the start, use
     * the scenario's options.settings instead (no reload).
     */
    async updateSettings(settings) {
      const file = session.server.settingsFile;
      fs.writeFileSync(file, JSON.stringify({ ...JSON.parse(fs.readFileSync(file, 'utf8')), ...settings }, null, 2));
      await ui.runCommand('Developer: Reload Window', { waitMs: 500 });
      await ui.waitForWorkbench();
    },

    /**
     * Switches the color theme through the theme picker, as a user would, and waits until it is
     * applied. `name` is the label shown in the picker ('Light Modern', 'Dark Modern', 'Light+',
     * 'Dark High Contrast'...); the legacy ids 'Default Light Modern' etc. are accepted too.
     */
    async setTheme(name, timeout = 10_000) {
      const label = name.replace(/^Default /, '');
      const themeClass = () => page.evaluate(() => [...document.querySelector('.monaco-workbench').classList]
        .find((c) => c.startsWith('vscode-theme-')));
      const before = await themeClass();
      await ui.runCommand('Preferences: Color Theme', { waitMs: 300 });
      await page.locator(QUICK_INPUT).fill(label);
      await ui.pickQuickInputItem(label);
      await page.waitForFunction((b) => {
        const c = [...document.querySelector('.monaco-workbench').classList].find((x) => x.startsWith('vscode-theme-'));
        return c && c !== b;
      }, before, { timeout }).catch(() => { throw new Error(`color theme "${label}" was not applied (already active?)`); });
      await ui.closeQuickInput();
      await sleep(800); // colors transition
    },
  };
  return ui;
}

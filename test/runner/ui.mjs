// The `ui` object handed to UI scenarios (test/e2e/*.scenario.mjs): small, forgiving helpers
// over a Playwright page showing the VS Code workbench. Selectors are VS Code's own DOM classes
// (stable across recent releases); when one breaks, fix it here, not in every scenario.
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

    async closeQuickInput() {
      if (await page.locator(QUICK_INPUT).isVisible().catch(() => false)) {
        await page.keyboard.press('Escape');
        await sleep(150);
      }
    },

    /** Runs a command by its exact title (as shown in the palette) through F1. */
    async runCommand(title, { waitMs = 800 } = {}) {
      await ui.closeQuickInput();
      await page.keyboard.press('F1');
      const input = page.locator(QUICK_INPUT);
      await input.waitFor({ state: 'visible', timeout: 10_000 });
      await input.fill(`>${title}`);
      await ui.pickQuickInputItem(title);
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

    /** Clicks a view container's icon by its title ('Explorer', 'Extensions', ours...), wherever the activity bar is. */
    async openViewContainer(title) {
      const item = page.locator(`.composite-bar [aria-label^="${title.replace(/"/g, '\\"')}"]`).locator('visible=true').first();
      await item.waitFor({ state: 'visible', timeout: 15_000 })
        .catch(() => { throw new Error(`no view container "${title}" in the activity bar`); });
      await item.click();
      await sleep(600);
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

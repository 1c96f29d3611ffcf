// The workbench starts with Socket Workbench installed: the Extensions view lists it, in the
// default dark theme and in a light one.
import assert from 'node:assert/strict';

export const options = { theme: 'Dark Modern' };

export async function run(ui) {
  await ui.screenshot('01-workbench-dark');

  await ui.runCommand('Extensions: Show Installed Extensions');
  const row = ui.page.locator('.extensions-viewlet .monaco-list-row', { hasText: 'Socket Workbench' }).first();
  await row.waitFor({ state: 'visible', timeout: 20_000 });
  await ui.expectText(row, /socketworkbench|Socket Workbench/);
  await ui.screenshot('02-installed-extension');

  await ui.setTheme('Light Modern');
  await ui.screenshot('03-installed-extension-light');
}

// The same hovers with VS Code in Turkish: the entry's Turkish text under Turkish headings, and the
// link's Turkish title (longer than the English one) still visible without scrolling.
import assert from 'node:assert/strict';
import { SERVER_PY, checkRendered, hoverText, moveAway } from './hoverSteps.mjs';

export const options = {
  locale: 'tr',
  theme: 'Dark Modern',
  viewport: { width: 1280, height: 800 },
  files: { 'server.py': SERVER_PY },
};

export async function run(ui) {
  await ui.openFile('server.py');

  let hover = await hoverText(ui, 's.setsockopt(', 'SO_REUSEADDR', 'soket seçeneği');
  const text = await checkRendered(hover, ['SO_REUSEADDR', 'soket seçeneği', 'Ne zaman kullanılır:', 'Dikkat:', 'Kullanıldığı yer:']);
  assert.ok(!text.includes('When to use'), 'no English heading');
  await ui.screenshot('01-so-reuseaddr-tr');
  await moveAway(ui);

  hover = await hoverText(ui, 's.bind((', "''", 'Socket Workbench\'te bu porta bir istemci aç');
  await checkRendered(hover, ['Joker IPv4 adresi 0.0.0.0', 'Socket Workbench\'te bu porta bir istemci aç']);
  const link = hover.locator('a', { hasText: 'Socket Workbench\'te bu porta bir istemci aç' });
  await ui.expectCount(link, 1);
  await link.waitFor({ state: 'visible', timeout: 5000 }).catch(() => assert.fail('the link is visible without scrolling'));
  await ui.screenshot('02-bind-host-tr');
}

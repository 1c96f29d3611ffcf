// Shared by the hover scenarios: the workspace file, resting the mouse on a substring of a line,
// and checking that a hover rendered (no Markdown syntax left in its text).
import assert from 'node:assert/strict';

/** The primer's Python server: the file every hover scenario opens. */
export const SERVER_PY = [
  'import socket',
  '',
  's = socket.socket(socket.AF_INET, socket.SOCK_STREAM)',
  's.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)',
  's.bind((\'\', 8080))',
  's.listen()',
  'conn, address = s.accept()',
  'conn.shutdown(socket.SHUT_WR)',
  '',
].join('\n');

export async function moveAway(ui) {
  await ui.page.mouse.move(5, 400);
  await ui.page.keyboard.press('Escape');
  await ui.page.locator('.monaco-hover:not(.hidden)').first().waitFor({ state: 'hidden', timeout: 5000 }).catch(() => undefined);
  await ui.sleep(300);
}

/** The text of the hover, with no Markdown syntax left in it. */
export async function checkRendered(hover, expected) {
  const text = await hover.innerText();
  for (const piece of expected) {
    assert.ok(text.includes(piece), `hover lacks "${piece}":\n${text}`);
  }
  for (const artefact of ['**', '```', '](command:', '\\_', '| --- |']) {
    assert.ok(!text.includes(artefact), `raw Markdown "${artefact}" in the hover:\n${text}`);
  }
  return text;
}

/**
 * Rests the mouse on `text` inside the editor line that contains `lineText` (tokens can span more
 * than a word, so this measures the substring itself) and waits for a hover containing `expectText`.
 * A hover computed a moment too early (the document still changing, a swallowed mouse move) is
 * not read once and taken: the mouse moves away and rests again until `timeout`.
 */
export async function hoverText(ui, lineText, text, expectText, timeout = 45_000) {
  const deadline = Date.now() + timeout;
  const hover = ui.page.locator('.monaco-hover:not(.hidden)', { hasText: expectText }).first();
  for (let attempt = 1; ; attempt++) {
    const point = await pointOf(ui, lineText, text);
    await ui.page.mouse.move(point.x - 40, point.y + 30);
    await ui.page.mouse.move(point.x, point.y, { steps: 5 });
    try {
      await hover.waitFor({ state: 'visible', timeout: Math.max(1000, Math.min(8000, deadline - Date.now())) });
      break;
    } catch (error) {
      if (Date.now() >= deadline) {
        throw new Error(`no hover with "${expectText}" over "${text}" after ${attempt} tries: ${error.message}`);
      }
      ui.log(`no hover with "${expectText}" over "${text}" yet (try ${attempt}); resting the mouse again`);
      await moveAway(ui);
    }
  }
  await ui.sleep(600); // the hover fades in
  return hover;
}

/** The screen point in the middle of `text` on the editor line that contains `lineText`. */
export async function pointOf(ui, lineText, text) {
  const { page } = ui;
  const line = page.locator('.monaco-editor .view-line', { hasText: lineText }).first();
  await line.waitFor({ state: 'visible', timeout: 15_000 });
  const point = await line.evaluate((element, wanted) => {
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    let offset = 0;
    const nodes = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      nodes.push({ node, offset });
      offset += node.textContent.length;
    }
    // The editor draws spaces as no-break spaces.
    const full = nodes.map(({ node }) => node.textContent).join('').replace(/\u00a0/g, ' ');
    const index = full.indexOf(wanted);
    if (index === -1) return undefined;
    const middle = index + Math.floor(wanted.length / 2);
    const { node, offset: nodeOffset } = nodes.filter((item) => item.offset <= middle).pop();
    const range = document.createRange();
    range.setStart(node, middle - nodeOffset);
    range.setEnd(node, middle - nodeOffset + 1);
    const box = range.getBoundingClientRect();
    return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  }, text);
  assert.ok(point, `"${text}" is not on the line "${lineText}"`);
  return point;
}


// The Sockets view as a user meets it, shared by tree.scenario.mjs (English) and
// tree.tr.scenario.mjs (Turkish): the welcome view, a TCP server opened from the palette, a
// python3 client that connects and sends bytes, the connection row with its counters, its
// tooltip, and a double-click that opens the payload panel. Every wait is bounded.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';

const QUICK_INPUT = '.quick-input-widget';
const ROWS = '.pane-body .monaco-list-row';

/** A python3 client that connects, sends `bytes` bytes and stays connected until killed. */
function pythonClient(port, bytes) {
  const script = [
    'import socket, sys, time',
    's = socket.socket(socket.AF_INET, socket.SOCK_STREAM)',
    `s.connect(("127.0.0.1", ${port}))`,
    `s.sendall(b"x" * ${bytes})`,
    'print("SENT", s.getsockname()[1], flush=True)',
    'time.sleep(120)',
  ].join('\n');
  const child = spawn('python3', ['-c', script], { stdio: ['ignore', 'pipe', 'pipe'] });
  const sent = new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`python3 client: no SENT line after 10 s: ${output}`)), 10_000);
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const line = /^SENT (\d+)$/m.exec(output);
      if (line) {
        clearTimeout(timer);
        resolve(Number(line[1]));
      }
    });
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('exit', (code) => reject(new Error(`python3 client exited with ${code}: ${output}`)));
  });
  return { sent, kill: () => child.kill('SIGKILL') };
}

/** Opens a TCP server on 127.0.0.1 and an ephemeral port through the guided input. */
async function newTcpServer(ui, text) {
  const { page } = ui;
  const input = page.locator(`${QUICK_INPUT} input`);
  const title = page.locator(`${QUICK_INPUT} .quick-input-title`);
  await ui.runCommand(text.newTcpServerCommand, { waitMs: 400 });
  for (const [step, value] of [[1, '127.0.0.1'], [2, '0'], [3, undefined]]) {
    await page.waitForFunction((wanted) => new RegExp(`${wanted}\\s*/\\s*3`).test(document.querySelector('.quick-input-widget .quick-input-title')?.textContent ?? ''), step, { timeout: 10_000 })
      .catch(async () => { throw new Error(`the guided input did not reach step ${step}/3 (title: ${await title.innerText().catch(() => '?')})`); });
    if (value !== undefined) {
      await input.fill(value);
      await ui.sleep(250);
    }
    await ui.keyboard.press('Enter');
  }
  await page.locator(QUICK_INPUT).waitFor({ state: 'hidden', timeout: 10_000 });
}

/** The text of the first row matching `pattern`, once there is one. */
async function rowText(ui, pattern, timeout = 10_000) {
  const handle = await ui.page.waitForFunction(({ selector, source }) => {
    const re = new RegExp(source);
    const rows = [...document.querySelectorAll(selector)];
    return rows.map((node) => node.textContent ?? '').find((content) => re.test(content));
  }, { selector: ROWS, source: pattern.source }, { timeout });
  return handle.jsonValue();
}

/**
 * Shows a row's tooltip and returns its text once it shows `expectText`. The mouse is tried
 * first; a headless window often swallows it (or a refreshed row closes it), so then the row is
 * focused and the keyboard's Show Hover (list.showHover, Ctrl+K Ctrl+I) asks for it.
 */
async function hoverRow(ui, row, expectText) {
  const { page } = ui;
  const hover = page.locator('.monaco-hover', { hasText: expectText }).locator('visible=true').first();
  await row.locator('.label-name').first().hover();
  try {
    await hover.waitFor({ state: 'visible', timeout: 3000 });
    await ui.sleep(400);
    return await hover.innerText({ timeout: 1000 });
  } catch {
    ui.log('the mouse showed no lasting hover; asking with the keyboard');
    await row.locator('.label-name').first().click();
    await ui.keyboard.press('Control+K', 'Control+I');
    await hover.waitFor({ state: 'visible', timeout: 10_000 });
    await ui.sleep(400);
    return hover.innerText({ timeout: 2000 });
  }
}

export async function runTreeScenario(ui, text) {
  const { page } = ui;
  await ui.openViewContainer(text.viewTitle);
  const welcome = page.locator('.pane-body .welcome-view-content', { hasText: text.welcomeStart }).first();
  await welcome.waitFor({ state: 'visible', timeout: 10_000 });
  await ui.expectCount(page.locator(ROWS), 0, 'no rows while there are no sockets');
  await ui.screenshot('01-welcome');

  await newTcpServer(ui, text);
  const serverText = await rowText(ui, new RegExp(`${text.tcpServer}.*127\\.0\\.0\\.1:(?!0\\b)\\d+ · ${text.listening}`));
  const port = Number(/127\.0\.0\.1:(\d+)/.exec(serverText)[1]);
  const statusItem = page.locator('.statusbar-item', { hasText: /^\s*1\s*$/ }).filter({ has: page.locator('.codicon-plug') }).first();
  await statusItem.waitFor({ state: 'visible', timeout: 5000 });
  await ui.screenshot('02-server-listening');

  const client = pythonClient(port, 1234);

  try {
    const clientPort = await client.sent;
    const connection = page.locator(ROWS, { hasText: `127.0.0.1:${clientPort}` }).first();
    await connection.waitFor({ state: 'visible', timeout: 10_000 });
    await page.waitForFunction(({ selector, clientPort: peerPort, traffic }) => [...document.querySelectorAll(selector)]
      .some((node) => node.textContent.includes(`127.0.0.1:${peerPort}`) && node.textContent.includes(traffic)),
    { selector: ROWS, clientPort, traffic: text.traffic }, { timeout: 10_000 });
    assert.match(await rowText(ui, new RegExp(`127\\.0\\.0\\.1:${port} · ${text.listening} · ${text.oneConnection}`)), new RegExp(text.tcpServer));
    await ui.screenshot('03-connection-counters');

    const hoverText = await hoverRow(ui, connection, 'IPPROTO_TCP');
    for (const expected of ['socket(AF_INET, SOCK_STREAM, IPPROTO_TCP)', `127.0.0.1:${clientPort}`, `127.0.0.1:${port}`, text.receivedRow]) {
      assert.ok(hoverText.includes(expected), `the tooltip shows "${expected}":\n${hoverText}`);
    }
    await ui.screenshot('04-connection-tooltip');
    await page.mouse.move(5, 5);
    await ui.sleep(300);

    const server = page.locator(ROWS, { hasText: `127.0.0.1:${port}` }).first();
    const serverHover = await hoverRow(ui, server, 'tcp-listen://');
    assert.ok(serverHover.includes(text.connectionsRow), `the server tooltip counts its connection:\n${serverHover}`);
    await ui.screenshot('05-server-tooltip');
    await page.mouse.move(5, 5);
    await ui.sleep(300);

    // Double-click: the payload panel of the connection opens in an editor.
    const tabsBefore = await page.locator('.tabs-container .tab').count();
    await connection.dblclick();
    await page.waitForFunction((count) => document.querySelectorAll('.tabs-container .tab').length > count, tabsBefore, { timeout: 10_000 })
      .catch(() => { throw new Error('double-clicking the connection row opened no panel'); });
    await ui.sleep(1000);
    await ui.screenshot('06-double-click-panel');
  } finally {
    client.kill();
  }
  // The client is gone: its row goes, the server stays.
  await page.locator(ROWS, { hasText: text.traffic }).first().waitFor({ state: 'detached', timeout: 10_000 });
  await rowText(ui, new RegExp(`127\\.0\\.0\\.1:${port} · ${text.listening}$`));
  await ui.screenshot('07-client-gone');
}

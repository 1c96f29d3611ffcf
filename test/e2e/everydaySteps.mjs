// The everyday flow, as a netcat user would do it, in four actions (plus typing), the same in every
// language: (1) Listen on Port… and type the port; a python3 client connects and sends
// "günaydın\r\n" (readable as text in the row); (2) Reply on that row; (3) type and send; the python
// client receives exactly the reply. The count is written in the README.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import net from 'node:net';

const QUICK_INPUT = '.quick-input-widget';

async function freePort() {
  const server = net.createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** A python3 client: connects (retrying until the listener is up), sends, prints what comes back. */
function pythonClient(port, sendHex, expect) {
  const script = [
    'import socket, sys, time',
    `port, payload, expect = ${port}, bytes.fromhex('${sendHex}'), ${expect}`,
    'deadline = time.time() + 60',
    'while True:',
    '    try:',
    "        s = socket.create_connection(('127.0.0.1', port), timeout=5)",
    '        break',
    '    except OSError:',
    '        if time.time() > deadline:',
    '            raise',
    '        time.sleep(0.2)',
    "print('CONNECTED', s.getsockname()[1], flush=True)",
    'time.sleep(0.5)',
    's.sendall(payload)',
    's.settimeout(90)',
    "data = b''",
    'while len(data) < expect:',
    '    chunk = s.recv(expect - len(data))',
    '    if not chunk:',
    '        break',
    '    data += chunk',
    "print('RECEIVED', data.hex(), flush=True)",
    'time.sleep(60)',
  ].join('\n');
  const child = spawn('python3', ['-c', script], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (text) => (output += text));
  child.stderr.on('data', (text) => (output += text));
  const line = (pattern, what) => new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`python3 client: no ${what} line after 90 s: ${output}`)), 90_000);
    const check = () => {
      const match = pattern.exec(output);
      if (match) {
        clearTimeout(timer);
        child.stdout.off('data', check);
        resolve(match[1]);
      }
    };
    child.stdout.on('data', check);
    check();
  });
  return {
    connected: line(/^CONNECTED (\d+)\n/m, 'CONNECTED'),
    received: line(/^RECEIVED ([0-9a-f]*)\n/m, 'RECEIVED'),
    kill: () => child.kill('SIGKILL'),
  };
}

/**
 * `texts`: the localized strings the scenario reads: the command title, the Reply label, the
 * notice after sending 7 bytes to the client (`{peer}` is filled in).
 */
export async function everydayFlow(ui, texts, shotPrefix) {
  const { page } = ui;
  const port = await freePort();
  const reply = 'merhaba';
  const client = pythonClient(port, Buffer.from('günaydın\r\n').toString('hex'), Buffer.byteLength(reply));
  let actions = 0;
  try {
    await ui.openViewContainer(texts.view);

    // Action 1: Listen on Port…, type the port, Enter. The listener's panel opens by itself.
    actions++;
    await ui.runCommand(texts.listen, { waitMs: 300 });
    const input = page.locator(`${QUICK_INPUT} input`);
    await input.waitFor({ state: 'visible', timeout: 10_000 });
    await input.fill(String(port));
    await page.locator(`${QUICK_INPUT}`, { hasText: `tcp-listen://127.0.0.1:${port}` }).waitFor({ timeout: 10_000 });
    await ui.screenshot(`${shotPrefix}-01-listen-input`);
    await ui.keyboard.press('Enter');
    await page.locator(QUICK_INPUT).waitFor({ state: 'hidden', timeout: 10_000 });

    const frame = ui.webviewFrame();
    await frame.locator('#payload').waitFor({ state: 'visible', timeout: 30_000 });

    // The python client connects and says günaydın: the row reads as text, not as escapes.
    const peerPort = await client.connected;
    const inRow = frame.locator('.row.in').first();
    await inRow.waitFor({ state: 'visible', timeout: 20_000 });
    assert.match(await inRow.innerText(), /günaydın\\r\\n/);
    await frame.locator('.row.in .cell.peer', { hasText: `127.0.0.1:${peerPort}` }).first().waitFor({ timeout: 5_000 });
    await ui.sleep(300);
    await ui.screenshot(`${shotPrefix}-02-received`);

    // Action 2: Reply on the received row: the target becomes that connection, the cursor the box.
    actions++;
    await inRow.hover();
    const replyButton = inRow.locator('[data-action="reply"]');
    await replyButton.waitFor({ state: 'visible', timeout: 5_000 });
    assert.equal(await replyButton.getAttribute('aria-label'), texts.reply);
    await ui.screenshot(`${shotPrefix}-03-reply-button`);
    await replyButton.click();
    await frame.locator('#target option:checked', { hasText: `127.0.0.1:${peerPort}` }).waitFor({ state: 'attached', timeout: 5_000 });

    // Action 3: type the reply and send it (Ctrl+Enter).
    actions++;
    await ui.keyboard.type(reply);
    await ui.keyboard.press('Mod+Enter');
    assert.equal(await client.received, Buffer.from(reply).toString('hex'), 'the python client received exactly the reply');
    await frame.locator('#notice').filter({ hasText: texts.sent.replace('{peer}', `127.0.0.1:${peerPort}`) }).waitFor({ timeout: 10_000 });
    await frame.locator('.row.out').first().waitFor({ state: 'visible', timeout: 10_000 });
    await ui.sleep(300);
    await ui.screenshot(`${shotPrefix}-04-replied`);

    // Search for the Turkish word typed as text: it is found and marked in the readable row.
    await frame.locator('#search').fill('günaydın');
    await frame.locator('.row.in mark', { hasText: 'günaydın' }).first().waitFor({ timeout: 10_000 });
    await ui.screenshot(`${shotPrefix}-05-search-text`);
    // An invalid hex search says so, with no count beside it.
    await frame.locator('#search-mode').selectOption('hex');
    await frame.locator('#search').fill('zz');
    await frame.locator('#search-error').filter({ hasText: /\S/ }).waitFor({ timeout: 10_000 });
    await ui.sleep(500);
    // The status line may still carry the transcript budget; what must not be there is a match count.
    const status = (await frame.locator('.traffic-status').innerText()).trim();
    assert.doesNotMatch(status, /matching row|eşleşen satır/, 'no match count beside an invalid hex search');
    await ui.screenshot(`${shotPrefix}-06-invalid-hex`);
    await frame.locator('#search').fill('');
    await frame.locator('#search-mode').selectOption('text');

    // A narrow panel, as in a split editor: the peer column still shows host:port, the row's
    // actions narrow the data instead of covering it, and an off toggle (Events) still reads as one.
    await frame.locator('.traffic-toolbar button', { hasText: texts.events }).click();
    await page.setViewportSize({ width: 860, height: 860 });
    await ui.sleep(600);
    const peerCell = frame.locator('.row.in .cell.peer').first();
    const fits = await peerCell.evaluate((node) => node.scrollWidth <= node.clientWidth);
    assert.equal(fits, true, 'the peer column fits 127.0.0.1:PORT in a narrow panel');
    await frame.locator('.row.in').first().hover();
    const [data, actionsBox] = await Promise.all([
      frame.locator('.row.in .cell.data').first().boundingBox(),
      frame.locator('.row.in .row-actions').first().boundingBox(),
    ]);
    assert.ok(data !== null && actionsBox !== null && data.x + data.width <= actionsBox.x + 1, 'the row actions do not cover the data');
    await ui.screenshot(`${shotPrefix}-07-narrow`);
    assert.equal(actions, 3, 'listen → data arrives → reply takes three actions from the palette');
  } finally {
    client.kill();
  }
  return actions;
}

// The payload panel as a user meets it: a python3 TCP server (spawned here, independent of the
// extension) accepts our client; Open Payload Panel; Hex selected, `48 65 6c 6c 6f 0d 0a` typed and
// sent with Ctrl+Enter; the peer prints exactly `Hello\r\n`; its reply appears as an "in" row; the
// hex-dump toggle shows the xxd-style dump; search marks matches; screenshots in dark and light.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';

const QUICK_INPUT = '.quick-input-widget';

/** A python3 server: accepts one client, prints the first 7 bytes it gets, replies, stays open. */
function pythonServer() {
  const script = [
    'import socket, time',
    's = socket.socket(socket.AF_INET, socket.SOCK_STREAM)',
    's.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)',
    "s.bind(('127.0.0.1', 0))",
    's.listen(1)',
    's.settimeout(90)',
    "print('READY', s.getsockname()[1], flush=True)",
    'conn, _ = s.accept()',
    'conn.settimeout(90)',
    "data = b''",
    'while len(data) < 7:',
    '    chunk = conn.recv(7 - len(data))',
    '    if not chunk:',
    '        break',
    '    data += chunk',
    "print('RECEIVED', data.hex(), flush=True)",
    "conn.sendall(b'Hi from python\\r\\n\\x00\\x01\\x02\\xff')",
    'time.sleep(120)',
  ].join('\n');
  const child = spawn('python3', ['-c', script], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (text) => (output += text));
  child.stderr.on('data', (text) => (output += text));
  const line = (pattern, what) => new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`python3 server: no ${what} line after 30 s: ${output}`)), 30_000);
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
    port: line(/^READY (\d+)\n/m, 'READY'),
    received: line(/^RECEIVED ([0-9a-f]*)\n/m, 'RECEIVED'),
    kill: () => child.kill('SIGKILL'),
  };
}

export const options = { theme: 'Dark Modern', viewport: { width: 1280, height: 860 } };

export async function run(ui) {
  const { page } = ui;
  const server = pythonServer();
  // The webview's CSP allows nothing it does not need; anything it blocks shows up on the console.
  const violations = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to (load|execute|apply|connect)/.test(message.text())) {
      violations.push(message.text());
    }
  });
  try {
    const port = await server.port;
    await ui.openViewContainer('Sockets');

    // A TCP client to the python server, opened from its address.
    await ui.runCommand('Socket Workbench: Open Socket from Address…', { waitMs: 400 });
    const input = page.locator(`${QUICK_INPUT} input`);
    await input.waitFor({ state: 'visible', timeout: 10_000 });
    await input.fill(`tcp://127.0.0.1:${port}`);
    await ui.sleep(300);
    await ui.keyboard.press('Enter');
    await page.locator(QUICK_INPUT).waitFor({ state: 'hidden', timeout: 10_000 });
    await ui.treeItem(`127.0.0.1:${port}`).waitFor({ state: 'visible', timeout: 10_000 });

    // Open Payload Panel from the palette, picking the client.
    await ui.runCommand('Socket Workbench: Open Payload Panel…', { waitMs: 300 });
    const item = page.locator(`${QUICK_INPUT} .monaco-list-row`, { hasText: `127.0.0.1:${port}` }).first();
    await item.waitFor({ state: 'visible', timeout: 10_000 });
    await item.click();
    const frame = ui.webviewFrame();
    const payload = frame.locator('#payload');
    await payload.waitFor({ state: 'visible', timeout: 20_000 });
    await page.locator('.tabs-container .tab', { hasText: `127.0.0.1:${port}` }).first().waitFor({ timeout: 10_000 });
    // The connect event is the first row.
    await frame.locator('.row.event').first().waitFor({ state: 'visible', timeout: 10_000 });
    await ui.sleep(500);
    await ui.screenshot('01-panel-empty-dark');

    // Hex, a bad payload first: the codec's message in the panel, with the offset.
    await frame.locator('#encoding').selectOption('hex');
    await payload.click();
    await ui.keyboard.type('48 65 6c 6c 6');
    const status = frame.locator('#payload-status');
    await status.filter({ hasText: "Odd number of hex digits: '6' at offset 12 has no partner." }).waitFor({ timeout: 5_000 });
    await ui.waitUntil('Send is disabled while the payload is invalid', async () => (await frame.locator('button.primary').first().isDisabled()) === true);
    await ui.screenshot('02-invalid-hex-dark');

    // The good payload, sent with Ctrl+Enter; the peer must get exactly Hello\r\n.
    await payload.fill('');
    await ui.keyboard.type('48 65 6c 6c 6f 0d 0a');
    await status.filter({ hasText: '7 bytes' }).waitFor({ timeout: 5_000 });
    await ui.expectText(status, /48 65 6c 6c 6f 0d 0a/);
    await ui.keyboard.press('Mod+Enter');
    assert.equal(await server.received, '48656c6c6f0d0a', 'the python server received exactly Hello\\r\\n');

    // Its reply comes back as an "in" row; the sent bytes are an "out" row.
    const inRow = frame.locator('.row.in').first();
    await inRow.waitFor({ state: 'visible', timeout: 10_000 });
    await ui.expectText(inRow, /Hi from python\\r\\n\\0\\x01\\x02\\xff/);
    await ui.expectText(frame.locator('.row.out').first(), /Hello\\r\\n/);
    await frame.locator('#notice').filter({ hasText: 'Sent 7 bytes.' }).waitFor({ timeout: 5_000 });
    await ui.screenshot('03-sent-and-received-dark');

    // The global hex toggle: every data row shows its dump, offset | hex | ASCII like xxd.
    await frame.locator('.traffic-toolbar button', { hasText: 'Hex dump' }).click();
    const dump = frame.locator('.row.in .dump-line');
    await dump.first().waitFor({ state: 'visible', timeout: 10_000 });
    const lines = await dump.allInnerTexts();
    assert.equal(lines.length, 2);
    assert.deepEqual(lines.map((line) => line.replace(/\s+/g, ' ').trim()), [
      '00000000 4869 2066 726f 6d20 7079 7468 6f6e 0d0a Hi from python..',
      '00000010 0001 02ff ....',
    ]);
    await ui.sleep(300);
    await ui.screenshot('04-hex-dump-dark');

    // Search marks matches (in the dump too) and counts matching rows.
    await frame.locator('#search').fill('python');
    await frame.locator('.traffic-status').filter({ hasText: '1 matching row' }).waitFor({ timeout: 10_000 });
    await frame.locator('.row.in mark').first().waitFor({ timeout: 5_000 });
    await ui.expectCount(frame.locator('.row'), 1);
    await ui.sleep(300);
    await ui.screenshot('05-search-dark');

    // Keyboard: Escape clears the search; in the list, arrows select and Enter folds a row's dump.
    await frame.locator('#search').press('Escape');
    await frame.locator('.row.out').first().waitFor({ state: 'visible', timeout: 5_000 });
    await frame.locator('#traffic-list').focus();
    await ui.keyboard.press('End');
    await frame.locator('.row.selected').waitFor({ timeout: 5_000 });
    await ui.keyboard.press('Enter');
    await frame.locator('.row.selected:not(.expanded)').waitFor({ timeout: 5_000 });

    await ui.setTheme('Light Modern');
    await frame.locator('.row.in').first().waitFor({ state: 'visible', timeout: 10_000 });
    await ui.sleep(500);
    await ui.screenshot('06-panel-light');

    await ui.setTheme('Dark High Contrast');
    await frame.locator('.row.in').first().waitFor({ state: 'visible', timeout: 10_000 });
    await ui.sleep(500);
    await ui.screenshot('07-panel-high-contrast');
    assert.deepEqual(violations, [], 'no Content Security Policy violations');
  } finally {
    server.kill();
  }
}

// Timing columns and framing in the payload panel, as a user sees them: a python3 server answers
// each line 80 ms later; two pings from the panel give rows with a time (hh:mm:ss.mmm), a delta
// (+… since the row before) and, on each answer, its round trip (≥ 80 ms); the status line has the
// round-trip summary; the Round trip toggle hides that column. Then the header's Framing field
// switches to framing=line, and a reply of two lines in one write shows as two rows.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';

const QUICK_INPUT = '.quick-input-widget';

/** A python3 server: answers each line with `pong N` 80 ms later; after the second, sends two lines in one write. */
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
    "f = conn.makefile('rb')",
    'for n in range(1, 4):',
    '    line = f.readline()',
    '    if not line:',
    '        break',
    '    time.sleep(0.08)',
    "    conn.sendall(b'pong %d\\n' % n if n < 3 else b'one\\ntwo\\n')",
    'time.sleep(120)',
  ].join('\n');
  const child = spawn('python3', ['-c', script], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (text) => (output += text));
  child.stderr.on('data', (text) => (output += text));
  const port = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`python3 server: no READY line after 30 s: ${output}`)), 30_000);
    const check = () => {
      const match = /^READY (\d+)$/m.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout.on('data', check);
    check();
  });
  return { port, kill: () => child.kill('SIGKILL') };
}

/** `81.2 ms` or `1.02 s` as milliseconds. */
function milliseconds(text) {
  const match = /^([\d.,]+) (µs|ms|s)$/.exec(text.trim());
  assert.ok(match, `a duration, got '${text}'`);
  const value = Number(match[1].replace(',', '.'));
  return match[2] === 's' ? value * 1000 : match[2] === 'µs' ? value / 1000 : value;
}

export const options = { theme: 'Dark Modern', viewport: { width: 1280, height: 860 } };

export async function run(ui) {
  const { page } = ui;
  const server = pythonServer();
  try {
    const port = await server.port;
    await ui.openViewContainer('Sockets');
    await ui.runCommand('Socket Workbench: Open Socket from Address…', { waitMs: 400 });
    const input = page.locator(`${QUICK_INPUT} input`);
    await input.waitFor({ state: 'visible', timeout: 10_000 });
    await input.fill(`tcp://127.0.0.1:${port}`);
    await ui.sleep(300);
    await ui.keyboard.press('Enter');
    await page.locator(QUICK_INPUT).waitFor({ state: 'hidden', timeout: 10_000 });
    await ui.treeItem(`127.0.0.1:${port}`).waitFor({ state: 'visible', timeout: 10_000 });

    await ui.runCommand('Socket Workbench: Open Payload Panel…', { waitMs: 300 });
    const item = page.locator(`${QUICK_INPUT} .monaco-list-row`, { hasText: `127.0.0.1:${port}` }).first();
    await item.waitFor({ state: 'visible', timeout: 10_000 });
    await item.click();
    const frame = ui.webviewFrame();
    const payload = frame.locator('#payload');
    await payload.waitFor({ state: 'visible', timeout: 20_000 });
    await frame.locator('#line-ending').selectOption('lf').catch(() => undefined);

    for (const count of [1, 2]) {
      await payload.click();
      await payload.fill(`ping ${count}`);
      await ui.keyboard.press('Mod+Enter');
      await ui.expectCount(frame.locator('.row.in'), count);
    }
    const answers = frame.locator('.row.in');
    for (const index of [0, 1]) {
      const row = answers.nth(index);
      await ui.expectText(row.locator('.cell.data'), new RegExp(`pong ${index + 1}`));
      await ui.expectText(row.locator('.cell.time'), /^\d\d:\d\d:\d\d\.\d{3}$/);
      await ui.expectText(row.locator('.cell.delta'), /^\+[\d.,]+ (µs|ms|s)$/);
      const trip = milliseconds(await row.locator('.cell.rtt').innerText());
      assert.ok(trip >= 75, `round trip ${trip} ms is at least the server's 80 ms delay`);
    }
    // An outgoing row ends no round trip.
    assert.equal((await frame.locator('.row.out .cell.rtt').first().innerText()).trim(), '');
    await frame.locator('.traffic-status').filter({ hasText: /Round trips: 2 · min [\d.,]+ ms · median/ }).waitFor({ timeout: 10_000 });
    await ui.sleep(300);
    await ui.screenshot('01-timing-columns-dark');

    // The Round trip toggle hides that column (header and rows).
    await frame.locator('.columns-group button[aria-label="Show round trips (an incoming message after an outgoing one)"], .columns-group button[title="Show round trips (an incoming message after an outgoing one)"]').first().click();
    await ui.waitUntil('the round-trip column is hidden', async () => (await frame.locator('.traffic.hide-roundTrip').count()) === 1);
    await ui.waitUntil('no round-trip cell is shown', async () => !(await frame.locator('.traffic-header .cell.rtt').isVisible()));
    await ui.sleep(300);
    await ui.screenshot('02-round-trip-hidden-dark');

    // Framing from the header: two lines in one write become two rows.
    const framing = frame.locator('#framing');
    await framing.waitFor({ state: 'visible', timeout: 10_000 });
    assert.equal(await framing.inputValue(), 'framing=raw');
    await framing.fill('framing=line');
    await framing.press('Enter');
    await frame.locator('#notice').filter({ hasText: 'Framing is now framing=line, from the next byte received.' }).waitFor({ timeout: 10_000 });
    await payload.click();
    await payload.fill('ping 3');
    await ui.keyboard.press('Mod+Enter');
    await ui.expectCount(frame.locator('.row.in'), 4);
    await ui.expectText(answers.nth(2).locator('.cell.data'), /^one\\n$/);
    await ui.expectText(answers.nth(3).locator('.cell.data'), /^two\\n$/);
    await ui.sleep(300);
    await ui.screenshot('03-framing-line-dark');
  } finally {
    server.kill();
  }
}

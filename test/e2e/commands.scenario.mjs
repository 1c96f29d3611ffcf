// The guided input as a keyboard user drives it: Palette → New TCP Server… → host (suggestions,
// a typed bad host, then 127.0.0.1) → port (a bad port checked as typed, Back, port 0) → options
// (Enter) → the server is listening in the Sockets view. New UDP Socket (mode, <broadcast> offered,
// a service name) and New UNIX Socket Server (a relative path, resolved) follow. Then Open Socket from Address with a bad
// spec shows the inline message, and a spec that binds all interfaces asks first (cancelled here).
// A connect that hangs shows a cancellable progress notification; Cancel removes the new socket.
// Last, Send…: pick the client, choose Hex, a bad payload is refused with its offset, a good one is
// sent and the status bar says how many bytes went.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const PEER = fileURLToPath(new URL('../engine/peers/peer.py', import.meta.url));

/** The python peer's tcp-blackhole: a port whose connects get no answer (bounded by --timeout). */
function blackhole() {
  const child = spawn('python3', [PEER, 'tcp-blackhole', '--timeout', '60'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = new Promise((resolve, reject) => {
    let output = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (text) => {
      output += text;
      const ready = /^READY (\d+)$/m.exec(output);
      if (ready) resolve(ready[1]);
    });
    child.once('exit', () => reject(new Error(`tcp-blackhole exited: ${output}`)));
  });
  return { port, kill: () => child.kill('SIGKILL') };
}

const QUICK_INPUT = '.quick-input-widget';

export const options = { theme: 'Dark Modern', viewport: { width: 1280, height: 800 } };

export async function run(ui) {
  const { page } = ui;
  const widget = page.locator(QUICK_INPUT);
  const input = page.locator(`${QUICK_INPUT} input`);
  const title = page.locator(`${QUICK_INPUT} .quick-input-title`);
  const message = page.locator(`${QUICK_INPUT} .quick-input-message`);
  const rows = page.locator(`${QUICK_INPUT} .monaco-list-row`);

  await ui.openViewContainer('Sockets');
  await ui.runCommand('Socket Workbench: New TCP Server…', { waitMs: 600 });

  // Step 1/3: host suggestions, the default host first.
  await widget.waitFor({ state: 'visible' });
  await page.mouse.move(900, 650); // no hover tooltip over the title
  await ui.sleep(600);
  await ui.expectText(title, /New TCP Server.*1\s*\/\s*3/s);
  await rows.first().waitFor({ state: 'visible' });
  await ui.expectText(rows.first(), /127\.0\.0\.1/);
  await ui.screenshot('01-host-suggestions');

  // A bad host is shown with the engine's message and cannot be accepted.
  await ui.keyboard.type('300.1.2.3');
  await ui.sleep(400);
  await ui.expectText(rows.first(), /Host '300\.1\.2\.3' is not a valid IPv4 address/);
  await ui.keyboard.press('Enter');
  await ui.sleep(300);
  await ui.expectText(title, /1\s*\/\s*3/, 'an invalid host must not be accepted');
  await ui.screenshot('02-host-invalid');

  await input.fill('127.0.0.1');
  await ui.sleep(300);
  await ui.keyboard.press('Enter');

  // Step 2/3: the port, checked as typed.
  await page.waitForFunction(() => /2\s*\/\s*3/.test(document.querySelector('.quick-input-widget .quick-input-title')?.textContent ?? ''));
  await ui.expectValue(input, '0');
  await ui.keyboard.type('70000');
  await ui.sleep(300);
  await message.filter({ hasText: 'Port 70000 is out of range 0–65535.' }).first().waitFor({ state: 'visible', timeout: 5000 });
  await ui.screenshot('03-port-invalid');

  // A service name shows what it resolves to.
  await input.fill('http');
  await ui.sleep(300);
  await message.filter({ hasText: "Service 'http' is port 80/tcp." }).first().waitFor({ state: 'visible', timeout: 5000 });
  await ui.screenshot('04-port-service-name');

  // Back (Ctrl+Alt+- on Linux) returns to the host with the answer kept, then forward again.
  await ui.keyboard.press('Control+Alt+Minus');
  await page.waitForFunction(() => /1\s*\/\s*3/.test(document.querySelector('.quick-input-widget .quick-input-title')?.textContent ?? ''));
  await ui.screenshot('05-back-to-host');
  await ui.keyboard.press('Enter');
  await page.waitForFunction(() => /2\s*\/\s*3/.test(document.querySelector('.quick-input-widget .quick-input-title')?.textContent ?? ''));
  await input.fill('0');
  await ui.keyboard.press('Enter');

  // Step 3/3: options; Enter accepts the defaults.
  await page.waitForFunction(() => /3\s*\/\s*3/.test(document.querySelector('.quick-input-widget .quick-input-title')?.textContent ?? ''));
  await ui.screenshot('06-options');
  await ui.keyboard.press('Enter');
  await widget.waitFor({ state: 'hidden', timeout: 10_000 });

  // The server is in the Sockets view, listening.
  const row = ui.treeItem('127.0.0.1');
  await row.waitFor({ state: 'visible', timeout: 10_000 });
  await page.waitForFunction(() => [...document.querySelectorAll('.pane-body .monaco-list-row')].some((node) => /127\.0\.0\.1:\d{2,5}/.test(node.textContent ?? '') && !/:0\b/.test(node.textContent ?? '')), null, { timeout: 10_000 });
  await ui.screenshot('07-listening-in-view');
  const port = /127\.0\.0\.1:(\d+)/.exec(await row.innerText())[1];

  // New UDP Socket asks bound or with a default peer first (1/4), then the same steps.
  await ui.runCommand('Socket Workbench: New UDP Socket…', { waitMs: 600 });
  await page.waitForFunction(() => /1\s*\/\s*4/.test(document.querySelector('.quick-input-widget .quick-input-title')?.textContent ?? ''));
  await page.mouse.move(900, 650);
  await ui.sleep(600); // the title's hover tooltip fades out
  await ui.screenshot('07a-udp-mode');
  await ui.keyboard.press('ArrowDown', 'Enter');
  await page.waitForFunction(() => /2\s*\/\s*4/.test(document.querySelector('.quick-input-widget .quick-input-title')?.textContent ?? ''));
  await rows.filter({ hasText: '<broadcast>' }).first().waitFor({ state: 'visible', timeout: 10_000 }); // a UDP peer is offered <broadcast>
  await ui.keyboard.press('Enter');
  await page.waitForFunction(() => /3\s*\/\s*4/.test(document.querySelector('.quick-input-widget .quick-input-title')?.textContent ?? ''));
  await input.fill('echo');
  await message.filter({ hasText: "Service 'echo' is port 7/udp." }).first().waitFor({ state: 'visible', timeout: 5000 });
  await ui.keyboard.press('Enter');
  await page.waitForFunction(() => /4\s*\/\s*4/.test(document.querySelector('.quick-input-widget .quick-input-title')?.textContent ?? ''));
  await ui.keyboard.press('Enter');
  await ui.treeItem('127.0.0.1:7').waitFor({ state: 'visible', timeout: 10_000 });
  await page.locator('.statusbar', { hasText: /UDP socket open on 127\.0\.0\.1:\d+; default peer 127\.0\.0\.1:7/ }).waitFor({ state: 'visible', timeout: 5000 });

  // New UNIX Socket Server: a path relative to the workspace folder, shown resolved.
  await ui.runCommand('Socket Workbench: New UNIX Socket Server…', { waitMs: 600 });
  await page.waitForFunction(() => /1\s*\/\s*2/.test(document.querySelector('.quick-input-widget .quick-input-title')?.textContent ?? ''));
  await input.fill('app.sock');
  await message.filter({ hasText: `Resolves to ${ui.workspace}/app.sock.` }).first().waitFor({ state: 'visible', timeout: 5000 });
  await ui.screenshot('07b-unix-path');
  await ui.keyboard.press('Enter');
  await page.waitForFunction(() => /2\s*\/\s*2/.test(document.querySelector('.quick-input-widget .quick-input-title')?.textContent ?? ''));
  await ui.keyboard.press('Enter');
  await ui.treeItem('app.sock').waitFor({ state: 'visible', timeout: 10_000 });
  await ui.screenshot('07c-udp-and-unix-in-view');

  // Open Socket from Address: a bad spec shows the engine's message inline.
  await ui.runCommand('Socket Workbench: Open Socket from Address…', { waitMs: 600 });
  await input.fill('tcp://127.0.0.1:70000');
  await message.filter({ hasText: 'Port 70000 is out of range 0–65535.' }).first().waitFor({ state: 'visible', timeout: 5000 });
  await ui.keyboard.press('Enter');
  await ui.sleep(300);
  assert.ok(await widget.isVisible(), 'a bad spec must not be accepted');
  await ui.screenshot('08-open-from-address-invalid');

  // A valid spec shows its canonical form as typed.
  await input.fill('TCP-LISTEN://127.0.0.1:8080?NODELAY=yes');
  await message.filter({ hasText: 'tcp-listen://127.0.0.1:8080?noDelay=1' }).first().waitFor({ state: 'visible', timeout: 5000 });
  await ui.screenshot('09-open-from-address-canonical');

  // All interfaces (here the IPv4-mapped spelling): a modal asks first. The safe choice is the
  // focused, primary button, so Enter keeps the port private and opens nothing.
  await input.fill('tcp-listen://[::ffff:0.0.0.0]:0');
  await ui.keyboard.press('Enter');
  const dialog = page.locator('.monaco-dialog-box');
  await dialog.waitFor({ state: 'visible', timeout: 10_000 });
  await ui.expectText(dialog, /Listen on all network interfaces\?/);
  await ui.expectText(dialog, /binds ::ffff:0\.0\.0\.0, which is every network interface/);
  await ui.waitUntil('the safe button to have the focus', () => page.evaluate(() => document.activeElement?.textContent?.trim() === "Don't Listen"));
  await ui.screenshot('10-all-interfaces-confirmation');
  await ui.keyboard.press('Enter');
  await dialog.waitFor({ state: 'hidden', timeout: 5000 });
  await ui.sleep(500);
  await ui.expectCount(page.locator('.pane-body .monaco-list-row', { hasText: '0.0.0.0' }), 0);
  await ui.screenshot('11-after-cancel');

  // A slow connect: progress with Cancel, and nothing left behind after cancelling.
  const hole = blackhole();
  try {
    const holePort = await hole.port;
    await ui.runCommand('Socket Workbench: Open Socket from Address…', { waitMs: 600 });
    await input.fill(`tcp://127.0.0.1:${holePort}?timeout=60000`);
    await ui.keyboard.press('Enter');
    const toast = await ui.waitForNotification(`Connecting to tcp://127.0.0.1:${holePort}?timeout=60000`);
    await ui.screenshot('12-connect-progress');
    await toast.getByRole('button', { name: 'Cancel' }).click();
    await toast.waitFor({ state: 'hidden', timeout: 10_000 });
    await ui.sleep(500);
    await ui.expectCount(page.locator('.pane-body .monaco-list-row', { hasText: `:${holePort}` }), 0);
    await ui.screenshot('13-connect-cancelled');
  } finally {
    hole.kill();
  }

  // Send…: a client to our server, then the guided send.
  await ui.runCommand('Socket Workbench: Open Socket from Address…', { waitMs: 600 });
  await input.fill(`tcp://127.0.0.1:${port}`);
  await ui.keyboard.press('Enter');
  await widget.waitFor({ state: 'hidden', timeout: 10_000 });
  await ui.treeItem('TCP client').waitFor({ state: 'visible', timeout: 10_000 });
  await ui.runCommand('Socket Workbench: Send…', { waitMs: 600 });
  await rows.first().waitFor({ state: 'visible' });
  await ui.screenshot('14-send-pick-socket');
  await ui.keyboard.type('TCP client');
  await ui.sleep(300);
  await ui.keyboard.press('Enter');
  await page.waitForFunction(() => /1\s*\/\s*2/.test(document.querySelector('.quick-input-widget .quick-input-title')?.textContent ?? ''));
  await ui.keyboard.type('Hex');
  await ui.sleep(300);
  await ui.keyboard.press('Enter');
  await page.waitForFunction(() => /2\s*\/\s*2/.test(document.querySelector('.quick-input-widget .quick-input-title')?.textContent ?? ''));
  await ui.keyboard.type('48 65 6c 6c 6g');
  await message.filter({ hasText: "The payload is not valid Hex: 'g' at offset 13." }).first().waitFor({ state: 'visible', timeout: 5000 });
  await ui.screenshot('15-send-payload-invalid');
  await input.fill('48 65 6c 6c 6f 0d 0a');
  await message.filter({ hasText: '7 bytes: Hello\\r\\n' }).first().waitFor({ state: 'visible', timeout: 5000 });
  await ui.screenshot('16-send-payload-valid');
  await ui.keyboard.press('Enter');
  await widget.waitFor({ state: 'hidden', timeout: 10_000 });
  await page.locator('.statusbar', { hasText: `Sent 7 bytes to 127.0.0.1:${port}` }).waitFor({ state: 'visible', timeout: 5000 });
  await ui.screenshot('17-sent');
}

// The wire editor as a user meets it, shared by wire.scenario.mjs (English, dark then light) and
// wire.tr.scenario.mjs (Turkish): ▶ Run All on a .wire file against a python3 echo server, the ✓/✗
// decorations after each step, the Testing view with a passed and a failed section, then a
// listener's panel: an auto-reply rule added and edited, a python3 client answered, the hit count,
// and a rule with a problem shown under it.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';

const QUICK_INPUT = '.quick-input-widget';

/** A python3 process printing lines; resolves `line(re)` when one matches. */
function python(script) {
  const child = spawn('python3', ['-c', script], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (text) => (output += text));
  child.stderr.on('data', (text) => (output += text));
  const line = (pattern, what) => new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`python3: no ${what} after 30 s: ${output}`)), 30_000);
    const check = () => {
      const match = pattern.exec(output);
      if (match) {
        clearTimeout(timer);
        child.stdout.off('data', check);
        resolve(match);
      }
    };
    child.stdout.on('data', check);
    check();
  });
  return { line, kill: () => child.kill('SIGKILL') };
}

/** A python3 client sends HELLO ui to the listener on PORT and returns the line it gets back. */
async function helloReply(port) {
  const client = python([
    'import socket',
    `c = socket.create_connection(('127.0.0.1', ${port}), timeout=20)`,
    "c.sendall(b'HELLO ui\\n')",
    "f = c.makefile('rb')",
    "print('REPLY', f.readline().decode().strip(), flush=True)",
  ].join('\n'));
  try {
    const [, reply] = await client.line(/REPLY (.*)\n/, 'reply'); // the whole line: output can arrive in pieces
    return reply;
  } finally {
    client.kill();
  }
}

/** A python3 echo server on PORT, for the wire file's sections. */
export function echoServer(port) {
  return python([
    'import socket, threading',
    's = socket.socket()',
    's.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)',
    `s.bind(('127.0.0.1', ${port}))`,
    's.listen(16)',
    's.settimeout(150)',
    "print('READY', flush=True)",
    'def echo(c):',
    '    while True:',
    '        d = c.recv(4096)',
    '        if not d: break',
    '        c.sendall(d)',
    '    c.close()',
    'while True:',
    '    c, _ = s.accept()',
    '    threading.Thread(target=echo, args=(c,), daemon=True).start()',
  ].join('\n'));
}

export function wireFile(port) {
  return [
    '# Two sections: one passes, one fails.',
    '### Echo',
    `open tcp://127.0.0.1:${port}`,
    'send "ping\\n"',
    'expect exactly "ping\\n"',
    'close',
    '',
    '### Wrong',
    `open tcp://127.0.0.1:${port}`,
    'send "a\\n"',
    'expect exactly "b\\n" within 300ms',
    '',
  ].join('\n');
}

/** The ✓/✗ texts the editor shows after lines (decorations are ::after content, not text). */
async function decorations(page) {
  return page.evaluate(() => [...document.querySelectorAll('.monaco-editor .view-line span')]
    .map((span) => getComputedStyle(span, '::after').content)
    .filter((content) => content && content !== 'none' && /[✓✗]/.test(content))
    .map((content) => content.replace(/^"|"$/g, '')));
}

export async function runAndTest(ui, t, suffix) {
  const { page } = ui;
  await ui.openFile('echo.wire');
  const lens = page.locator('.monaco-editor .codelens-decoration a', { hasText: t.runAll }).first();
  await lens.waitFor({ state: 'visible', timeout: 20_000 });
  await lens.click();
  let shown = [];
  await ui.waitUntil('✓ on the passing steps and ✗ on the failing expect', async () => {
    shown = await decorations(page);
    return shown.filter((text) => text.startsWith('✓')).length >= 4 && shown.some((text) => text.startsWith('✗'));
  }, { timeout: 30_000 });
  assert.ok(shown.every((text) => /^✓ \d+(\.\d+)? ms$|^✗/.test(text)), JSON.stringify(shown));
  await page.mouse.move(1000, 700);
  await ui.sleep(400);
  await ui.screenshot(`01-run-decorations-${suffix}`);

  await ui.openViewContainer(t.testing);
  const file = page.locator('.test-explorer .monaco-list-row', { hasText: 'echo.wire' }).first();
  await file.waitFor({ state: 'visible', timeout: 20_000 });
  if ((await file.getAttribute('aria-expanded')) !== 'true') {
    await file.click();
    await ui.keyboard.press('ArrowRight');
  }
  // hasText with a string ignores case ('Echo' would match echo.wire): the labels as regexes.
  const row = (label) => page.locator('.test-explorer .monaco-list-row').filter({ has: page.locator('.label', { hasText: label }) }).first();
  const echo = row(/^Echo/);
  const wrong = row(/^Wrong/);
  await echo.waitFor({ state: 'visible', timeout: 10_000 });
  await wrong.waitFor({ state: 'visible', timeout: 10_000 });
  await ui.waitUntil('the sections with their outcomes', async () => {
    // The outcome icons are codicons (testing-passed-icon / testing-failed-icon in current builds).
    const passed = /codicon-[\w-]*pass/.test(await echo.innerHTML());
    const failed = /codicon-[\w-]*(fail|error)/.test(await wrong.innerHTML());
    return passed && failed;
  }, { timeout: 15_000 });
  await ui.sleep(400);
  await ui.screenshot(`02-testing-view-${suffix}`);
}

export async function rulesInPanel(ui, t, suffix) {
  const { page } = ui;
  await ui.openViewContainer(t.sockets);
  await ui.runCommand(t.openCommand, { waitMs: 400 });
  const input = page.locator(`${QUICK_INPUT} input`);
  await input.waitFor({ state: 'visible', timeout: 10_000 });
  await input.fill('tcp-listen://127.0.0.1:0');
  await ui.sleep(300);
  await ui.keyboard.press('Enter');
  await page.locator(QUICK_INPUT).waitFor({ state: 'hidden', timeout: 10_000 });
  await ui.runCommand(t.panelCommand, { waitMs: 300 });
  // The run's clients are listed too: pick the listener.
  const item = page.locator(`${QUICK_INPUT} .monaco-list-row`, { hasText: t.server }).first();
  await item.waitFor({ state: 'visible', timeout: 10_000 });
  const port = Number((await item.innerText()).match(/127\.0\.0\.1:(\d+)/)[1]);
  await item.click();

  const frame = ui.webviewFrame();
  const rules = frame.locator('#rules');
  await rules.waitFor({ state: 'visible', timeout: 20_000 });
  await ui.expectText(frame.locator('.rules-summary'), t.rulesTitle);
  if ((await rules.getAttribute('open')) === null) {
    await frame.locator('.rules-summary').click();
  }
  await ui.expectText(frame.locator('.rules-empty'), t.rulesEmpty);
  await frame.locator('#rule-add').click();
  await frame.locator('#rule-0-matcher').selectOption('regex');
  await frame.locator('#rule-0-pattern').fill('^HELLO (?<name>\\w+)');
  await frame.locator('#rule-0-reply').fill('hi {{name}} #{{counter}}\\n');
  await ui.waitUntil('the rule has no problem', async () => (await frame.locator('#rule-0-problem').innerText()) === '', { timeout: 5_000 });
  await ui.sleep(600);

  assert.equal(await helloReply(port), 'hi ui #1');
  await ui.expectText(frame.locator('.rule-hits').first(), t.oneHit);

  // Editing the rule's reply changes what the next client gets (the host takes the edited rules).
  await frame.locator('#rule-0-reply').fill('bye {{name}}\\n');
  await ui.waitUntil('the edited rule has no problem', async () => (await frame.locator('#rule-0-problem').innerText()) === '', { timeout: 5_000 });
  const deadline = Date.now() + 15_000;
  let edited = await helloReply(port);
  while (edited !== 'bye ui') {
    // The edit reaches the host after the panel's debounce; a client before that gets the old reply.
    assert.ok(Date.now() < deadline, `after editing the rule the reply is 'bye ui', got '${edited}'`);
    await ui.sleep(500);
    edited = await helloReply(port);
  }

  // A second rule with a problem: hex that is not hex waits, with the parser's sentence under it.
  await frame.locator('#rule-add').click();
  await frame.locator('#rule-1-form').selectOption('hex');
  await frame.locator('#rule-1-pattern').fill('zz');
  await frame.locator('#rule-1-reply').fill('x');
  await ui.expectText(frame.locator('#rule-1-problem'), t.hexProblem, undefined, 10_000);
  await ui.sleep(400);
  await ui.screenshot(`03-rules-${suffix}`);
  return port;
}

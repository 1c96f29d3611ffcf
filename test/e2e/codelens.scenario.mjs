// The CodeLens as a user meets it: the primer's Python server binds ('' , PORT), the lens over the
// bind says "▶ Connect a client"; clicking it connects Socket Workbench's client to a python3
// server on 127.0.0.1:PORT (the '' host means every interface, so the client goes to loopback),
// and the lens turns into "Show in Sockets (open)", which reveals the client in the Sockets view.
// PORT is a free port picked before VS Code starts (8080 may be busy on a shared machine).
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { freePort } from '../runner/vscode.mjs';

const PORT = await freePort();

const SERVER_PY = [
  'import socket',
  '',
  's = socket.socket(socket.AF_INET, socket.SOCK_STREAM)',
  's.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)',
  `s.bind(('', ${PORT}))`,
  's.listen()',
  'conn, address = s.accept()',
  "conn.sendall(b'hello from python\\n')",
  '',
].join('\n');

export const options = {
  theme: 'Dark Modern',
  viewport: { width: 1280, height: 800 },
  files: { 'server.py': SERVER_PY },
};

/** A python3 server on 127.0.0.1:PORT that prints ACCEPTED <peer> for each client and greets it. */
function pythonServer() {
  const script = [
    'import socket, sys',
    's = socket.socket()',
    's.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)',
    `s.bind(('127.0.0.1', ${PORT}))`,
    's.listen()',
    's.settimeout(120)',
    "print('READY', flush=True)",
    'while True:',
    '    conn, peer = s.accept()',
    "    print('ACCEPTED', peer[0], flush=True)",
    "    conn.sendall(b'hello from python\\n')",
  ].join('\n');
  const child = spawn('python3', ['-c', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  let output = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (text) => { output += text; });
  return { output: () => output, kill: () => child.kill('SIGKILL') };
}

async function until(ui, what, check, timeout = 15_000) {
  const deadline = Date.now() + timeout;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await ui.sleep(100);
  }
}

export async function run(ui) {
  const server = pythonServer();
  try {
    await until(ui, 'the python3 server', () => server.output().includes('READY'));
    await steps(ui, server);
  } finally {
    server.kill();
  }
}

async function steps(ui, server) {
  const { page } = ui;
  await ui.openViewContainer('Sockets');
  await ui.openFile('server.py');
  const lens = page.locator('.monaco-editor .codelens-decoration a', { hasText: '▶ Connect a client' }).first();
  await lens.waitFor({ state: 'visible', timeout: 20_000 });
  // The lens sits over the bind() line.
  const bindLine = page.locator('.monaco-editor .view-line', { hasText: `s.bind((` }).first();
  let lensBox = null;
  let lineBox = null;
  // The lens row is redrawn when VS Code asks for lenses again: measure once it holds still.
  await until(ui, 'the lens and the bind line on screen', async () => {
    lensBox = await lens.boundingBox().catch(() => null);
    lineBox = await bindLine.boundingBox().catch(() => null);
    return lensBox !== null && lineBox !== null;
  });
  assert.ok(lensBox && lineBox && lensBox.y < lineBox.y && lineBox.y - lensBox.y < 40, `the lens is right above the bind line (${JSON.stringify({ lensBox, lineBox })})`);
  await page.mouse.move(900, 700);
  await ui.screenshot('01-lens-over-bind');

  await lens.click();
  await until(ui, 'the client at the python3 server', () => server.output().includes('ACCEPTED 127.0.0.1'));
  // The Sockets view lists the client, connected to 127.0.0.1:PORT.
  await ui.treeItem(`127.0.0.1:${PORT}`).waitFor({ state: 'visible', timeout: 15_000 });
  const show = page.locator('.monaco-editor .codelens-decoration a', { hasText: 'Show in Sockets (open)' }).first();
  await show.waitFor({ state: 'visible', timeout: 15_000 });
  await ui.sleep(500);
  await ui.screenshot('02-client-connected-show-in-sockets');

  await show.click();
  await page.locator('.pane-body .monaco-list-row.selected', { hasText: `127.0.0.1:${PORT}` }).first().waitFor({ state: 'visible', timeout: 10_000 });
  await ui.sleep(400);
  await ui.screenshot('03-revealed-in-sockets');
}

// Hover documentation as a user sees it: a Python server in the workspace, the mouse on
// SO_REUSEADDR (the option's meaning, values, call shape and a Python example), then on the '' host
// of bind() (INADDR_ANY, with the link that opens a client to the port), on SHUT_WR (values per
// platform) and at the end of a scrolled hover, in the dark and the light theme. The port in the
// file is edited to a real loopback listener's, and clicking the link connects to it: the trusted
// command works from the rendered hover. The screenshots are for reading: the hover must be
// legible, values aligned, the link visible, no raw Markdown left over.
import assert from 'node:assert/strict';
import net from 'node:net';
import { SERVER_PY, checkRendered, hoverText, moveAway, pointOf } from './hoverSteps.mjs';

export const options = {
  theme: 'Dark Modern',
  viewport: { width: 1280, height: 800 },
  files: { 'server.py': SERVER_PY },
};

async function listener() {
  const accepted = [];
  const server = net.createServer((socket) => {
    accepted.push(socket);
    socket.on('error', () => undefined);
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const close = () => new Promise((resolve) => {
    for (const socket of accepted) socket.destroy();
    server.close(resolve);
  });
  return { port: server.address().port, accepted, close };
}

export async function run(ui) {
  const peer = await listener();
  try {
    await steps(ui, peer);
  } finally {
    await peer.close();
  }
}

async function steps(ui, peer) {
  await ui.openFile('server.py');
  // The bind() line's CodeLens pushes the lines below it down when it arrives: wait for it, so the
  // double-click lands where 8080 is drawn.
  await ui.page.locator('.codelens-decoration', { hasText: 'Connect a client' }).first().waitFor({ state: 'visible', timeout: 20_000 });
  await ui.sleep(300);
  // Point the bind() at the listener: double-click 8080 and type its port.
  const port = await pointOf(ui, 's.bind((', '8080');
  await ui.page.mouse.dblclick(port.x, port.y);
  await ui.keyboard.type(String(peer.port));
  await ui.keyboard.press('Escape');
  const bindLine = ui.page.locator('.monaco-editor .view-line', { hasText: 's.bind((' }).first();
  await ui.expectText(bindLine, new RegExp(`s\\.bind\\(\\(''.*${peer.port}\\)\\)`), 'the edited port on the bind line');

  let hover = await hoverText(ui, 's.setsockopt(', 'SO_REUSEADDR', 'socket option');
  await checkRendered(hover, ['SO_REUSEADDR', 'socket option', 'Used with', 's.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)']);
  await ui.screenshot('01-so-reuseaddr-dark');
  await moveAway(ui);

  // The link needs the edited port: wait for a hover that has it, not the first one that shows.
  hover = await hoverText(ui, 's.bind((', "''", 'Open a client to this port in Socket Workbench');
  await checkRendered(hover, ['INADDR_ANY', '0.0.0.0', 'Open a client to this port in Socket Workbench']);
  const link = hover.locator('a', { hasText: 'Open a client to this port in Socket Workbench' });
  await ui.expectCount(link, 1, 'the command link is rendered as a link');
  await ui.screenshot('02-bind-host-dark');
  await link.click();
  const deadline = Date.now() + 15_000;
  while (peer.accepted.length === 0 && Date.now() < deadline) {
    await ui.sleep(100);
  }
  assert.equal(peer.accepted.length, 1, 'clicking the link connected a client to the listener');
  await ui.sleep(800);
  await ui.screenshot('02b-link-clicked-dark');
  await moveAway(ui);

  // Values per platform (Windows spells it SD_SEND).
  hover = await hoverText(ui, 'conn.shutdown(', 'SHUT_WR', 'shutdown() mode');
  await checkRendered(hover, ['SHUT_WR', 'Linux', 'macOS', 'Windows', 'SD_SEND']);
  await ui.screenshot('03-shut-wr-dark');
  await moveAway(ui);

  await ui.setTheme('Light Modern');
  await hoverText(ui, 's.setsockopt(', 'SO_REUSEADDR', 'socket option');
  await ui.screenshot('04-so-reuseaddr-light');
  await moveAway(ui);
  await hoverText(ui, 's.bind((', "''", 'INADDR_ANY');
  await ui.screenshot('05-bind-host-light');
  await moveAway(ui);

  // The end of a hover: example, related names, man page. Last, because VS Code keeps the hover's
  // scroll position for the next hover in the editor.
  hover = await hoverText(ui, 'conn.shutdown(', 'SHUT_WR', 'shutdown() mode');
  await checkRendered(hover, ['s.shutdown(socket.SHUT_WR)', 'Related', 'shutdown(2)']);
  await hover.hover();
  for (let step = 0; step < 8; step++) {
    await ui.page.mouse.wheel(0, 300);
    await ui.sleep(100);
  }
  await ui.sleep(300);
  await ui.screenshot('06-shut-wr-scrolled-light');
}

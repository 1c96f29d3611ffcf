/**
 * The all-interfaces guard decides on the address that will be bound, after resolution, on every
 * path that binds: the open commands, the API, the panel's Reopen and Open Again. Each spelling of
 * 0.0.0.0 / :: / ::ffff:0.0.0.0, and names resolving to one, must ask; the test workbench skips
 * modal dialogs, so every question is declined, and then nothing may listen on the port.
 * Names resolve through the system resolver (dns.promises.lookup), patched here to answer for
 * *.sw.test only. Safety settings come from user settings: a workspace's .vscode/settings.json
 * cannot turn the question off.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as net from 'node:net';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { SocketInfo } from '../../src/engine';
import type { ActivatedApi } from '../../src/extension';
import { readSettings } from '../../src/settings';
import { RecentAddresses } from '../../src/commands/recent';
import { activate, run, waitFor } from './commandsHelpers';
import { openReadyPanel, waitForMessage } from './panelHelpers';

const QUESTION = 'Listen on all network interfaces?';

const NAMES: Readonly<Record<string, { address: string; family: number }>> = {
  'any4.sw.test': { address: '0.0.0.0', family: 4 },
  'any6.sw.test': { address: '::', family: 6 },
  'mapped.sw.test': { address: '::ffff:0.0.0.0', family: 6 },
  'loop.sw.test': { address: '127.0.0.1', family: 4 },
};

type Lookup = (hostname: string, options: unknown) => Promise<unknown>;

/** Answers for the *.sw.test names, the real resolver for everything else (the module the engine calls). */
function patchResolver(): () => void {
  const writable = createRequire(__filename)('node:dns/promises') as { lookup: Lookup };
  const original = writable.lookup;
  writable.lookup = (hostname, options) => {
    const answer = NAMES[hostname];
    return answer === undefined ? original(hostname, options) : Promise.resolve([answer]);
  };
  return () => {
    writable.lookup = original;
  };
}

/** A port nobody listens on right now (bound and released on 127.0.0.1). */
async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** 'refused' when nothing accepts TCP on 127.0.0.1:port, else 'open'. */
function tcpProbe(port: number): Promise<'refused' | 'open'> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve('open');
    });
    socket.once('error', () => resolve('refused'));
  });
}

/** True when something holds the UDP port on 127.0.0.1 (binding it then fails with EADDRINUSE). */
async function udpTaken(port: number): Promise<boolean> {
  const { createSocket } = await import('node:dgram');
  const socket = createSocket('udp4');
  return new Promise((resolve) => {
    socket.once('error', () => {
      socket.close();
      resolve(true);
    });
    socket.bind(port, '127.0.0.1', () => {
      socket.close();
      resolve(false);
    });
  });
}

/** Every spelling, as the spec text for the port given. */
const SPELLINGS: ReadonlyArray<readonly [string, (port: number) => string]> = [
  ["''", (port) => `tcp-listen://:${port}`],
  ['0', (port) => `tcp-listen://0:${port}`],
  ['0.0.0.0', (port) => `tcp-listen://0.0.0.0:${port}`],
  ['::', (port) => `tcp-listen://[::]:${port}`],
  ['::0', (port) => `tcp-listen://[::0]:${port}`],
  ['::ffff:0.0.0.0', (port) => `tcp-listen://[::ffff:0.0.0.0]:${port}`],
  ['0:0:0:0:0:0:0:0', (port) => `tcp-listen://[0:0:0:0:0:0:0:0]:${port}`],
  ["tcp6 ''", (port) => `tcp6-listen://:${port}`],
  ['a name resolving to 0.0.0.0', (port) => `tcp-listen://any4.sw.test:${port}`],
  ['a name resolving to ::', (port) => `tcp-listen://any6.sw.test:${port}`],
  ['a name resolving to ::ffff:0.0.0.0', (port) => `tcp-listen://mapped.sw.test:${port}`],
  ['udp 0.0.0.0', (port) => `udp-listen://0.0.0.0:${port}`],
  ['udp ::ffff:0.0.0.0', (port) => `udp-listen://[::ffff:0.0.0.0]:${port}`],
  ['udp name resolving to 0.0.0.0', (port) => `udp-listen://any4.sw.test:${port}`],
];

describe('the all-interfaces guard decides on the resolved address, on every path', () => {
  let api: ActivatedApi;
  let restoreResolver: () => void;

  before(async () => {
    api = await activate();
    restoreResolver = patchResolver();
  });

  // shownMessages keeps the last 50: start each test empty (slice(before) breaks once it is full), and
  // leave it empty for the files after this one.
  beforeEach(() => api.testing.services.recorder.shownMessages.splice(0));
  after(() => {
    restoreResolver();
    api.testing.services.recorder.shownMessages.splice(0);
  });

  /** Runs work, returns what it showed, and checks that the engine gained no socket. */
  async function declined(what: string, port: number, udp: boolean, work: () => Promise<unknown>): Promise<unknown> {
    const shown = api.testing.services.recorder.shownMessages;
    shown.splice(0);
    const ids = new Set(api.list().map((info) => info.id));
    const result = await work().catch((error: unknown) => error);
    assert.deepEqual(shown, [QUESTION], `${what}: the question`);
    assert.deepEqual(api.list().filter((info) => !ids.has(info.id)), [], `${what}: no socket left behind`);
    if (udp) {
      assert.equal(await udpTaken(port), false, `${what}: nothing bound UDP ${port}`);
    } else {
      assert.equal(await tcpProbe(port), 'refused', `${what}: nothing listens on ${port}`);
    }
    return result;
  }

  for (const [spelling, specOf] of SPELLINGS) {
    it(`asks before binding ${spelling}, through socketWorkbench.open and the API, and binds nothing when declined`, async () => {
      const port = await freePort();
      const spec = specOf(port);
      const udp = spec.startsWith('udp');
      assert.equal(await declined(`open ${spec}`, port, udp, () => run('open', spec)), undefined);
      const recent = new RecentAddresses(api.testing.services.context.globalState);
      assert.deepEqual(recent.list('address').filter((text) => text.includes(`:${port}`)), [], `${spec}: a declined address is not remembered`);
      const error = await declined(`api.open ${spec}`, port, udp, () => api.open(spec));
      // The extension's own EngineError class (its bundle), so compared by shape.
      const { name, code, data } = error as { name?: unknown; code?: unknown; data?: { reason?: unknown } };
      assert.deepEqual([name, code, data?.reason], ['EngineError', 'CANCELLED', 'all-interfaces-declined'], `api.open ${spec} rejects`);
    });
  }

  it('asks through the kind commands too: host and port arguments, an integer host 0', async () => {
    let port = await freePort();
    assert.equal(await declined('newTcpServer(0, port)', port, false, () => run('newTcpServer', 0, port)), undefined);
    port = await freePort();
    assert.equal(await declined("newTcpServer('::ffff:0.0.0.0', port)", port, false, () => run('newTcpServer', '::ffff:0.0.0.0', port)), undefined);
    port = await freePort();
    assert.equal(await declined("newUdpSocket('0.0.0.0', port)", port, true, () => run('newUdpSocket', '0.0.0.0', port)), undefined);
  });

  it('0x0 is refused as a spelling, without binding; loopback and names resolving to it open without a question', async () => {
    const shown = api.testing.services.recorder.shownMessages;
    const before = shown.length;
    await run('open', 'tcp-listen://0x0:0');
    assert.equal(shown.length, before + 1);
    assert.match(shown[before], /0x0/);
    assert.notEqual(shown[before], QUESTION);
    for (const spec of ['tcp-listen://127.0.0.1:0', 'tcp-listen://[::ffff:127.0.0.1]:0', 'tcp-listen://loop.sw.test:0', 'udp-listen://127.0.0.1:0']) {
      const mark = shown.length;
      const info = await run<SocketInfo>('open', spec);
      try {
        assert.equal(info.state, spec.startsWith('udp') ? 'open' : 'listening', spec);
        assert.equal(shown.slice(mark).includes(QUESTION), false, `${spec} is not asked about`);
      } finally {
        await api.testing.services.engine.remove(info.id);
      }
    }
  });

  it("the panel's Reopen and Open Again ask too, and leave the socket closed when declined", async () => {
    const { engine } = api.testing.services;
    const port = await freePort();
    // A socket restored from the last session: closed, never confirmed.
    const restored = engine.add(`tcp-listen://[::ffff:0.0.0.0]:${port}`);
    try {
      const panel = await openReadyPanel(api, restored.id);
      const shown = api.testing.services.recorder.shownMessages;
      let before = shown.length;
      let mark = panel.recorded.sent.length;
      await panel.receive({ type: 'reopen' });
      const notice = await waitForMessage(panel, 'notice', () => true, mark);
      assert.equal(notice.text, `tcp-listen://[::ffff:0.0.0.0]:${port} was not opened: binding ::ffff:0.0.0.0 (all interfaces) was not confirmed.`);
      assert.deepEqual(shown.slice(before), [QUESTION]);
      assert.equal(engine.get(restored.id)?.state, 'closed');
      assert.equal(await tcpProbe(port), 'refused');

      // Open Again, once the socket is gone: a new socket, asked about again.
      await engine.remove(restored.id);
      await waitForMessage(panel, 'socket', (message) => message.socket.status === 'removed', mark);
      before = shown.length;
      mark = panel.recorded.sent.length;
      await panel.receive({ type: 'openAgain' });
      await waitForMessage(panel, 'notice', () => true, mark);
      assert.deepEqual(shown.slice(before), [QUESTION]);
      assert.equal(await tcpProbe(port), 'refused');
      assert.ok(api.list().every((info) => info.state !== 'listening' || !info.spec.includes(`:${port}`)));
    } finally {
      for (const info of api.list().filter((candidate) => candidate.spec.endsWith(`:${port}`))) {
        await engine.remove(info.id);
      }
      for (const panel of api.testing.panels.panels) {
        panel.dispose();
      }
    }
  });

  it("a workspace's .vscode/settings.json cannot turn the question off, reopen at start, or change the default host", async () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'the test workbench opens a folder');
    const directory = path.join(folder.uri.fsPath, '.vscode');
    const file = path.join(directory, 'settings.json');
    fs.mkdirSync(directory, { recursive: true });
    // connectTimeout is a normal (window-scoped) setting: seeing it proves the file was read.
    fs.writeFileSync(
      file,
      JSON.stringify({
        'socketWorkbench.confirmAllInterfaces': false,
        'socketWorkbench.autoReopen': true,
        'socketWorkbench.defaultHost': '0.0.0.0',
        'socketWorkbench.connectTimeout': 4321,
      }),
    );
    const configuration = (): vscode.WorkspaceConfiguration => vscode.workspace.getConfiguration('socketWorkbench');
    try {
      await waitFor('the workspace settings to load', () => (configuration().get('connectTimeout') === 4321 ? true : undefined), 20_000);
      const settings = readSettings();
      assert.deepEqual([settings.confirmAllInterfaces, settings.autoReopen, settings.defaultHost], [true, false, '127.0.0.1']);
      await waitFor('the extension to see the change', () => (api.testing.services.settings().connectTimeout === 4321 ? true : undefined));
      assert.equal(api.testing.services.settings().confirmAllInterfaces, true);
      const port = await freePort();
      assert.equal(await declined('open with the workspace saying no question', port, false, () => run('open', `tcp-listen://0.0.0.0:${port}`)), undefined);
    } finally {
      fs.rmSync(file, { force: true });
      await waitFor('the workspace settings to go', () => (configuration().get('connectTimeout') === 10_000 ? true : undefined), 20_000);
    }
  });
});

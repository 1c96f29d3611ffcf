/**
 * Sockets persist per workspace: what the commands open is saved in workspaceState, and a reload
 * (simulated: a new SocketStore over a fresh SocketEngine and the same workspaceState) brings them
 * back closed, ready to Reopen, or reopened at once with socketWorkbench.autoReopen.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { SocketEngine, type SocketInfo } from '../../src/engine';
import type { ActivatedApi } from '../../src/extension';
import { AllInterfacesGuard } from '../../src/guard';
import { readSettings } from '../../src/settings';
import { SocketStore, type StoredSocket } from '../../src/store';
import { TestRecorder } from '../../src/testRecorder';
import { activate, nodeClient, nodeServer, portOf, removeAll, run, tempDirectory, waitFor } from './commandsHelpers';

const STATE_KEY = 'socketWorkbench.sockets';

describe('persistence of sockets per workspace', () => {
  let api: ActivatedApi;
  const opened: string[] = [];

  before(async () => {
    api = await activate();
  });

  afterEach(async () => {
    await removeAll(api, opened.splice(0));
    await vscode.workspace.getConfiguration('socketWorkbench').update('autoReopen', undefined, vscode.ConfigurationTarget.Global);
  });

  /** Opens three sockets through the commands and waits until the workspace state lists them. */
  async function openSockets(): Promise<{ specs: string[]; server: Awaited<ReturnType<typeof nodeServer>> }> {
    const peer = await nodeServer();
    const unixPath = path.join(tempDirectory('sw-persist-'), 'p.sock');
    const infos = [
      await run<SocketInfo>('newTcpServer', '127.0.0.1', 0, { name: 'persisted server' }),
      await run<SocketInfo>('newTcpClient', '127.0.0.1', peer.port),
      await run<SocketInfo>('newUnixServer', unixPath),
    ];
    opened.push(...infos.map((info) => info.id));
    const specs = infos.map((info) => info.spec);
    const stored = (): StoredSocket[] => api.testing.store.stored();
    await waitFor('the workspace state to list the new sockets', () => (specs.every((spec) => stored().some((entry) => entry.spec === spec)) ? true : undefined));
    const named = stored().find((entry) => entry.spec === specs[0]);
    assert.equal(named?.name, 'persisted server');
    return { specs, server: peer };
  }

  /** A reload: a fresh engine, guard and store over the same workspaceState, with the current settings. */
  async function reload(): Promise<{ engine: SocketEngine; restored: SocketInfo[]; shown: string[] }> {
    const owner: { guard?: AllInterfacesGuard } = {};
    const engine = new SocketEngine({ confirmAllInterfaces: (request) => owner.guard?.confirm(request) ?? Promise.resolve(false) });
    const recorder = new TestRecorder(true);
    const shown = recorder.shownMessages;
    const services = { ...api.testing.services, engine, recorder, settings: () => readSettings() };
    owner.guard = new AllInterfacesGuard(services);
    const store = new SocketStore(services, owner.guard);
    try {
      return { engine, restored: await store.restore(), shown };
    } finally {
      store.dispose();
    }
  }

  /** Stores these specs as the last session's sockets, for the next reload; returns a restorer. */
  async function storeSpecs(specs: readonly string[]): Promise<() => Promise<void>> {
    const { workspaceState } = api.testing.services.context;
    const saved = workspaceState.get<unknown>(STATE_KEY);
    await workspaceState.update(STATE_KEY, specs.map((spec) => ({ spec })));
    return () => Promise.resolve(workspaceState.update(STATE_KEY, saved));
  }

  it('with autoReopen on, a listener on all interfaces (any spelling) stays closed, without a question', async () => {
    await vscode.workspace.getConfiguration('socketWorkbench').update('autoReopen', true, vscode.ConfigurationTarget.Global);
    const specs = ['tcp-listen://0.0.0.0:0', 'tcp-listen://[::ffff:0.0.0.0]:0', 'udp-listen://[::]:0', 'tcp-listen://:0', 'tcp-listen://127.0.0.1:0'];
    const restore = await storeSpecs(specs);
    try {
      const { engine, restored, shown } = await reload();
      try {
        const states = restored.map((info) => [info.spec, engine.get(info.id)?.state]);
        assert.deepEqual(states, [
          [specs[0], 'closed'],
          [specs[1], 'closed'],
          [specs[2], 'closed'],
          [specs[3], 'closed'],
          [specs[4], 'listening'],
        ]);
        assert.deepEqual(shown, [], 'nobody is asked, and nothing is reported, at start-up');
      } finally {
        await engine.dispose();
      }
    } finally {
      await restore();
    }
  });

  it("a workspace's autoReopen: true is ignored: the sockets come back closed", async () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder);
    const file = path.join(folder.uri.fsPath, '.vscode', 'settings.json');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, JSON.stringify({ 'socketWorkbench.autoReopen': true, 'socketWorkbench.confirmAllInterfaces': false, 'socketWorkbench.connectTimeout': 4322 }));
    const restore = await storeSpecs(['tcp-listen://127.0.0.1:0', 'tcp-listen://0.0.0.0:0']);
    try {
      const configuration = vscode.workspace.getConfiguration;
      await waitFor('the workspace settings to load', () => (configuration('socketWorkbench').get('connectTimeout') === 4322 ? true : undefined), 20_000);
      const { engine, restored } = await reload();
      try {
        assert.deepEqual(restored.map((info) => engine.get(info.id)?.state), ['closed', 'closed']);
      } finally {
        await engine.dispose();
      }
    } finally {
      await restore();
      fs.rmSync(file, { force: true });
      await waitFor('the workspace settings to go', () => (vscode.workspace.getConfiguration('socketWorkbench').get('connectTimeout') === 10_000 ? true : undefined), 20_000);
    }
  });

  it('restores the sockets as closed, with their names, and they reopen', async () => {
    const { specs, server } = await openSockets();
    await run('closeAll');
    const { engine, restored } = await reload();
    try {
      const mine = restored.filter((info) => specs.includes(info.spec));
      assert.deepEqual(mine.map((info) => info.spec), specs);
      assert.ok(mine.every((info) => info.state === 'closed'));
      assert.equal(mine[0].name, 'persisted server');
      assert.equal(mine[1].name, undefined);
      const reopened = await engine.reopen(mine[0].id);
      assert.equal(reopened.state, 'listening');
      (await nodeClient(portOf(reopened))).socket.destroy();
      assert.equal((await engine.reopen(mine[1].id)).state, 'open');
      await waitFor('the reopened client at the peer', () => (server.sockets.length === 2 ? true : undefined));
    } finally {
      await engine.dispose();
      await server.close();
    }
  });

  it('with autoReopen on, the restored sockets are opened at once', async () => {
    const { specs, server } = await openSockets();
    await run('closeAll');
    await vscode.workspace.getConfiguration('socketWorkbench').update('autoReopen', true, vscode.ConfigurationTarget.Global);
    assert.equal(readSettings().autoReopen, true);
    const { engine, restored } = await reload();
    try {
      const mine = restored.map((info) => engine.get(info.id)).filter((info): info is SocketInfo => info !== undefined && specs.includes(info.spec));
      assert.deepEqual(mine.map((info) => [info.spec, info.state]), [
        [specs[0], 'listening'],
        [specs[1], 'open'],
        [specs[2], 'listening'],
      ]);
    } finally {
      await engine.dispose();
      await server.close();
    }
  });

  it('a removed socket is no longer stored', async () => {
    const info = await run<SocketInfo>('newUdpSocket', '127.0.0.1', 0, { name: 'gone soon' });
    await waitFor('stored', () => (api.testing.store.stored().some((entry) => entry.name === 'gone soon') ? true : undefined));
    await run('remove', info.id);
    await waitFor('forgotten', () => (api.testing.store.stored().some((entry) => entry.name === 'gone soon') ? undefined : true));
  });
});

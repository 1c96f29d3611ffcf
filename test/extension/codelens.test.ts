/**
 * CodeLens on socket calls in the real editor (vscode.executeCodeLensProvider): the exact title,
 * command and arguments of every lens in the five languages' sample files, none on the decoys,
 * Show in Sockets with state and connection count once a matching socket is alive, the setting
 * that turns lenses off, and Restricted Mode (lenses read the same, their command asks for trust).
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { SocketEngine, type SocketInfo } from '../../src/engine';
import type { ActivatedApi } from '../../src/extension';
import { readSettings } from '../../src/settings';
import { SocketStore } from '../../src/store';
import { TestRecorder } from '../../src/testRecorder';
import { requireTrust, simulateWorkspaceTrust } from '../../src/trust';
import { SAMPLES, lineOf } from '../codelens/samples';
import { describeLens, lensDocument, ourLenses } from './codelensHelpers';
import { activate, delay, nodeClient, nodeServer, portOf, removeAll, run, waitFor } from './commandsHelpers';
import { locate, middle, ourHovers } from './hoverHelpers';

const TITLES = { client: '▶ Connect a client', listener: '▶ Start a listener' } as const;

describe('CodeLens: Open the peer', () => {
  let api: ActivatedApi;
  const opened: string[] = [];

  before(async () => {
    api = await activate();
  });

  afterEach(async () => {
    api.testing.simulateWorkspaceTrust(undefined);
    await removeAll(api, opened.splice(0));
    await vscode.workspace.getConfiguration('socketWorkbench').update('codeLens.enabled', undefined, vscode.ConfigurationTarget.Global);
  });

  for (const sample of SAMPLES) {
    it(`${sample.language}: exact title, command and spec over every listed call, none on the decoys`, async () => {
      const document = await lensDocument(sample.language, sample.lines);
      const expected = sample.lenses.map((lens) => `${lineOf(sample, lens) + 1}: ${TITLES[lens.action]} → socketWorkbench.open ${JSON.stringify([lens.spec])}`);
      const lenses = await ourLenses(document);
      assert.deepEqual(lenses.map(describeLens), expected);
      assert.deepEqual(lenses.map((lens) => lens.tooltip), sample.lenses.map((lens) => `Open ${lens.spec} in Socket Workbench`));
    });
  }

  it('puts the lens over the callee: its range starts at the call on that line', async () => {
    const document = await lensDocument('python', ['import socket', 's = socket.socket()', "s.bind(('', 8080))"]);
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri);
    const ours = lenses.filter((lens) => lens.command?.command === 'socketWorkbench.open');
    assert.equal(ours.length, 1);
    assert.ok(ours[0].range.isEqual(new vscode.Range(2, 2, 2, 6)), JSON.stringify(ours[0].range));
  });

  it('follows edits: a new version is scanned again', async () => {
    const document = await lensDocument('go', ['package main', 'import "net"', 'func main() { net.Listen("tcp", ":9311") }']);
    assert.deepEqual((await ourLenses(document)).map((lens) => lens.arguments), [['tcp://127.0.0.1:9311']]);
    const edit = new vscode.WorkspaceEdit();
    edit.replace(document.uri, locate(document, '9311'), '9312');
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.deepEqual((await ourLenses(document)).map((lens) => lens.arguments), [['tcp://127.0.0.1:9312']]);
  });

  it('Show in Sockets with state and connection count once a matching listener is alive, and reveals it', async () => {
    const listener = await run<SocketInfo>('open', 'tcp-listen://127.0.0.1:0');
    opened.push(listener.id);
    const port = portOf(listener);
    const document = await lensDocument('python', ['import socket', 'c = socket.socket()', `c.connect(('localhost', ${port}))`]);
    let lenses = await ourLenses(document);
    assert.deepEqual(lenses.map(describeLens), [`3: Show in Sockets (listening, 0 connections) → socketWorkbench.showInSockets ${JSON.stringify([listener.id])}`]);
    assert.equal(lenses[0].tooltip, `Reveal ${listener.spec} in the Sockets view`);
    const client = await nodeClient(port);
    try {
      const deadline = Date.now() + 5000;
      while (!lenses[0]?.title.includes('1 connection') && Date.now() < deadline) {
        await delay(50);
        lenses = await ourLenses(document);
      }
      assert.equal(lenses[0]?.title, 'Show in Sockets (listening, 1 connection)');
      await vscode.commands.executeCommand(lenses[0].command, ...lenses[0].arguments);
      await waitFor('the listener selected in the Sockets view', () => (api.testing.view.treeView.selection.some((node) => node.socketId === listener.id) ? true : undefined));
    } finally {
      client.socket.destroy();
    }
    // Closed, it is no peer any more: the lens offers a listener again.
    await run('close', listener.id);
    lenses = await ourLenses(document);
    assert.deepEqual(lenses.map(describeLens), [`3: ▶ Start a listener → socketWorkbench.open ${JSON.stringify([`tcp-listen://127.0.0.1:${port}`])}`]);
  });

  it('Show in Sockets over a bind once a client to that port is open', async () => {
    const peer = await nodeServer();
    try {
      const client = await run<SocketInfo>('open', `tcp://127.0.0.1:${peer.port}`);
      opened.push(client.id);
      const document = await lensDocument('rust', ['use std::net::TcpListener;', `fn main() { let l = TcpListener::bind("0.0.0.0:${peer.port}"); }`]);
      assert.deepEqual((await ourLenses(document)).map(describeLens), [`2: Show in Sockets (open) → socketWorkbench.showInSockets ${JSON.stringify([client.id])}`]);
    } finally {
      await peer.close();
    }
  });

  it('clicking the lens opens the peer through socketWorkbench.open', async () => {
    const peer = await nodeServer();
    try {
      const document = await lensDocument('javascript', ["const net = require('net');", `net.connect(${peer.port}, '127.0.0.1');`]);
      // The code connects, so the lens offers a listener: take the one on a free port instead.
      const source = await lensDocument('c', [
        'int f(void) {',
        '  struct sockaddr_in a;',
        `  a.sin_port = htons(${peer.port});`,
        '  a.sin_addr.s_addr = inet_addr("127.0.0.1");',
        '  return bind(fd, (struct sockaddr *)&a, sizeof a);',
        '}',
      ]);
      assert.equal((await ourLenses(document))[0]?.title, '▶ Start a listener');
      const [lens] = await ourLenses(source);
      assert.equal(lens.title, '▶ Connect a client');
      const info = await vscode.commands.executeCommand<SocketInfo>(lens.command, ...lens.arguments);
      opened.push(info.id);
      assert.equal(info.spec, `tcp://127.0.0.1:${peer.port}`);
      await waitFor('the client at the peer', () => (peer.sockets.length === 1 ? true : undefined));
    } finally {
      await peer.close();
    }
  });

  it('socketWorkbench.codeLens.enabled: false turns the lenses off', async () => {
    const document = await lensDocument('python', ['import socket', 's = socket.socket()', "s.bind(('', 8080))"]);
    assert.equal((await ourLenses(document)).length, 1);
    await vscode.workspace.getConfiguration('socketWorkbench').update('codeLens.enabled', false, vscode.ConfigurationTarget.Global);
    await waitFor('the setting', () => (vscode.workspace.getConfiguration('socketWorkbench').get('codeLens.enabled') === false ? true : undefined));
    const deadline = Date.now() + 5000;
    let lenses = await ourLenses(document);
    while (lenses.length > 0 && Date.now() < deadline) {
      await delay(50);
      lenses = await ourLenses(document);
    }
    assert.deepEqual(lenses, []);
  });

  describe('in Restricted Mode (simulated: the test window is trusted)', () => {
    it('lenses read the same, and their command asks for trust instead of opening', async () => {
      api.testing.simulateWorkspaceTrust(false);
      const document = await lensDocument('python', ['import socket', 's = socket.socket()', "s.bind(('', 8080))"]);
      const [lens] = await ourLenses(document);
      assert.equal(describeLens(lens), '3: ▶ Connect a client → socketWorkbench.trustToOpen ["tcp://127.0.0.1:8080"]');
      assert.equal(lens.tooltip, 'Restricted Mode: trust this workspace to open tcp://127.0.0.1:8080');
      const before = api.testing.services.engine.list().length;
      const shown = api.testing.services.recorder.shownMessages.length;
      const result = await vscode.commands.executeCommand(lens.command, ...lens.arguments);
      assert.equal(result, undefined);
      assert.deepEqual(api.testing.services.recorder.shownMessages.slice(shown), [
        "Restricted Mode: opening tcp://127.0.0.1:8080 from this workspace's code needs a trusted workspace.",
      ]);
      assert.equal(api.testing.services.engine.list().length, before, 'nothing was opened');
    });

    it("the hover's open link asks for trust too", async () => {
      api.testing.simulateWorkspaceTrust(false);
      const document = await lensDocument('python', ['import socket', 's = socket.socket()', "s.bind(('', 8080))"]);
      const [hover] = await ourHovers(document, middle(locate(document, "''")));
      assert.ok(hover.value.includes('(command:socketWorkbench.trustToOpen?'), hover.value);
      assert.ok(!hover.value.includes('command:socketWorkbench.open?'), hover.value);
      assert.deepEqual(hover.isTrusted, { enabledCommands: ['socketWorkbench.trustToOpen'] });
      api.testing.simulateWorkspaceTrust(undefined);
      const [trusted] = await ourHovers(document, middle(locate(document, "''")));
      assert.deepEqual(trusted.isTrusted, { enabledCommands: ['socketWorkbench.open'] });
    });

    it('a restored socket does not reopen until the workspace is trusted', async () => {
      const listener = await run<SocketInfo>('open', 'tcp-listen://127.0.0.1:0', { name: 'restored in restricted mode' });
      opened.push(listener.id);
      await run('close', listener.id);
      await waitFor('the listener saved', () => (api.testing.store.stored().some((entry) => entry.name === 'restored in restricted mode') ? true : undefined));
      // What a reload does: the store adds the saved sockets, closed, to the engine (here next to the originals).
      const engine = api.testing.services.engine;
      const everything = await api.testing.store.restore();
      opened.push(...everything.map((info) => info.id));
      const restored = everything.filter((info) => info.name === 'restored in restricted mode');
      assert.equal(restored.length, 1);
      api.testing.simulateWorkspaceTrust(false);
      const shown = api.testing.services.recorder.shownMessages.length;
      assert.equal(await run('reopen', restored[0].id), undefined);
      assert.deepEqual(api.testing.services.recorder.shownMessages.slice(shown), [
        'Restricted Mode: restored in restricted mode was saved with this workspace. Trust the workspace to open it.',
      ]);
      assert.equal(engine.get(restored[0].id)?.state, 'closed');
      api.testing.simulateWorkspaceTrust(undefined);
      const reopened = await run<SocketInfo>('reopen', restored[0].id);
      assert.equal(reopened?.state, 'listening');
    });

    // The store and the trust gate below are this test's own copies of the modules (the extension's
    // are bundled), so the simulation here is simulateWorkspaceTrust from src/trust.
    it('autoReopen leaves the saved sockets closed and says so', async () => {
      const listener = await run<SocketInfo>('open', 'tcp-listen://127.0.0.1:0');
      opened.push(listener.id);
      await waitFor('the listener saved', () => (api.testing.store.stored().some((entry) => entry.spec === listener.spec) ? true : undefined));
      const engine = new SocketEngine();
      const recorder = new TestRecorder(true);
      const services = { ...api.testing.services, engine, recorder, settings: () => ({ ...readSettings(), autoReopen: true }) };
      const store = new SocketStore(services, api.testing.guard);
      simulateWorkspaceTrust(false);
      try {
        const restored = await store.restore();
        assert.ok(restored.length >= 1);
        assert.deepEqual(restored.map((info) => engine.get(info.id)?.state).filter((state) => state !== 'closed'), []);
        assert.deepEqual(recorder.shownMessages, [`Restricted Mode: ${restored.length} saved socket(s) stay closed until you trust this workspace (socketWorkbench.autoReopen).`]);
      } finally {
        simulateWorkspaceTrust(undefined);
        store.dispose();
        await engine.dispose();
      }
    });

    it('the gate the .wire runner calls: requireTrust(services, "run-wire", file)', () => {
      const services = { ...api.testing.services, recorder: new TestRecorder(true) };
      simulateWorkspaceTrust(false);
      try {
        assert.equal(requireTrust(services, 'run-wire', 'echo.wire'), false);
        assert.deepEqual(services.recorder.shownMessages, ['Restricted Mode: running echo.wire needs a trusted workspace.']);
      } finally {
        simulateWorkspaceTrust(undefined);
      }
      assert.equal(requireTrust(services, 'run-wire', 'echo.wire'), true);
      assert.equal(services.recorder.shownMessages.length, 1);
    });
  });
});

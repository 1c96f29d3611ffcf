/**
 * The Sockets view beyond TCP rows: UNIX servers, connections and clients; renaming; double-click
 * opening the payload panel (and a single click not); connection failures of a busy server
 * reported once; reveal of a connection beyond the first page.
 */
import * as assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ActivatedApi } from '../../src/extension';
import {
  activatedApi,
  children,
  connectClient,
  portOf,
  removeAllSockets,
  rootNode,
  row,
  tooltipText,
  waitFor,
  waitForRefreshedRow,
} from './treeHelpers';

const ACTIVATE = 'socketWorkbench.tree.activate';

async function closeAllPanels(api: ActivatedApi): Promise<void> {
  const panels = [...api.testing.panels.panels];
  if (panels.length > 0) {
    // Closing a webview the workbench is still opening makes it log a harmless error.
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  for (const panel of panels) {
    panel.webviewPanel.dispose();
  }
}

describe('Sockets view actions', () => {
  let api: ActivatedApi;
  const clients: net.Socket[] = [];

  before(async () => {
    api = await activatedApi();
    await removeAllSockets(api);
  });

  afterEach(async () => {
    for (const client of clients.splice(0)) {
      client.destroy();
    }
    await closeAllPanels(api);
    await removeAllSockets(api);
  });

  it('shows UNIX servers by path, their connections by number, and UNIX clients', async () => {
    const socketPath = path.join(os.tmpdir(), `sw-tree-${randomBytes(4).toString('hex')}.sock`);
    const server = await api.open(`unix-listen://${socketPath}`);
    await api.testing.view.provider.flush();
    const serverNode = rootNode(api, server.id);
    assert.equal(row(api, serverNode).label, 'UNIX socket server');
    assert.equal(row(api, serverNode).description, `listening · ${socketPath}`);
    assert.equal(row(api, serverNode).icon, 'server-environment');

    const refreshed = waitForRefreshedRow(api, serverNode, (value) => value.description.includes('⇄ 2'), 'two UNIX connections');
    const plain = await new Promise<net.Socket>((resolve, reject) => {
      const socket = net.connect({ path: socketPath }, () => resolve(socket));
      socket.once('error', reject);
    });
    clients.push(plain);
    const client = await api.open(`unix://${socketPath}`);
    await refreshed;
    const [first, second] = children(api, serverNode);
    assert.deepEqual([row(api, first).label, row(api, second).label], ['Connection #1', 'Connection #2']);
    assert.equal(row(api, first).contextValue, 'connection sendable paneled addressed disconnectable halfclosable pausable closable recordable');
    const tooltip = tooltipText(api, first);
    assert.ok(tooltip.includes('**Connection #1** — UNIX connection, open'), tooltip);
    assert.ok(tooltip.includes('`socket(AF_UNIX, SOCK_STREAM, 0)`'), tooltip);
    assert.ok(tooltip.includes(`| Local address | \`${socketPath}\` |`), tooltip);
    assert.ok(tooltip.includes('| Remote address | none |'), tooltip);

    const clientNode = rootNode(api, client.id);
    assert.equal(row(api, clientNode).label, 'UNIX socket client');
    assert.equal(row(api, clientNode).description, `open · ${socketPath}`);
    assert.equal(row(api, clientNode).icon, 'debug-disconnect');
    assert.equal(row(api, clientNode).contextValue, 'socket sendable paneled addressed halfclosable pausable closable renamable recordable');
  });

  it('relabels a renamed socket through a refresh of its row', async () => {
    const server = await api.open('tcp-listen://127.0.0.1:0');
    await api.testing.view.provider.flush();
    const node = rootNode(api, server.id);
    assert.equal(row(api, node).label, 'TCP server');
    const renamed = waitForRefreshedRow(api, node, (value) => value.label === 'echo', 'the new name');
    api.testing.services.engine.rename(server.id, 'echo');
    await renamed;
    const cleared = waitForRefreshedRow(api, node, (value) => value.label === 'TCP server', 'the derived name again');
    api.testing.services.engine.rename(server.id, '');
    await cleared;
  });

  it('opens the payload panel on a double-click, not on a single click', async () => {
    const server = await api.open('tcp-listen://127.0.0.1:0');
    const other = await api.open('udp-listen://127.0.0.1:0');
    await api.testing.view.provider.flush();
    const node = rootNode(api, server.id);
    const otherNode = rootNode(api, other.id);
    assert.deepEqual((api.testing.view.provider.getTreeItem(node) as vscode.TreeItem).command?.arguments, [node]);

    await vscode.commands.executeCommand(ACTIVATE, node);
    await new Promise((resolve) => setTimeout(resolve, 450));
    await vscode.commands.executeCommand(ACTIVATE, node);
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.equal(api.testing.panels.panelFor(server.id), undefined, 'two clicks 450 ms apart are two single clicks');

    // Two different rows in quick succession are not a double-click either.
    await vscode.commands.executeCommand(ACTIVATE, otherNode);
    await vscode.commands.executeCommand(ACTIVATE, node);
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.equal(api.testing.panels.panelFor(server.id), undefined);
    assert.equal(api.testing.panels.panelFor(other.id), undefined);

    await vscode.commands.executeCommand(ACTIVATE, node);
    await waitFor(() => api.testing.panels.panelFor(server.id), 'the panel of the double-clicked server');
  });

  it('reports failing connections of one server once, not once per connection', async () => {
    const server = await api.open('tcp-listen://127.0.0.1:0');
    const port = portOf(api, server.id);
    for (let index = 0; index < 3; index++) {
      clients.push(await connectClient(port));
    }
    await waitFor(() => api.get(server.id)?.connections === 3, 'three connections');
    const before = api.testing.services.recorder.shownMessages.length;
    // RST from each client: the server's side of each connection fails with ECONNRESET.
    for (const client of clients.splice(0)) {
      client.resetAndDestroy();
    }
    await waitFor(() => api.get(server.id)?.connections === 0, 'the connections to go');
    await new Promise((resolve) => setTimeout(resolve, 200));
    const shown = api.testing.services.recorder.shownMessages.slice(before);
    const pattern = new RegExp(`^TCP server 127\\.0\\.0\\.1:${port}, connection 127\\.0\\.0\\.1:\\d+: The peer reset the connection \\(ECONNRESET\\)\\.$`);
    assert.equal(shown.length, 1, `one message, not ${shown.length}: ${JSON.stringify(shown)}`);
    assert.match(shown[0], pattern);
    // The server itself is fine and stays listening.
    assert.equal(api.get(server.id)?.state, 'listening');
  });

  it('reveals a connection beyond the first page by extending the page', async function () {
    this.timeout(30_000);
    const server = await api.open('tcp-listen://127.0.0.1:0?backlog=128');
    const port = portOf(api, server.id);
    for (let index = 0; index < 205; index++) {
      clients.push(await connectClient(port));
    }
    await waitFor(() => api.get(server.id)?.connections === 205, '205 connections');
    await api.testing.view.provider.flush();
    const serverNode = rootNode(api, server.id);
    assert.equal(children(api, serverNode).length, 201);
    const last = api.connections(server.id).at(-1);
    assert.ok(last);
    await vscode.commands.executeCommand('socketWorkbench.sockets.focus');
    await api.testing.view.reveal(last.id);
    const listed = children(api, serverNode);
    assert.equal(listed.length, 205);
    assert.equal(listed.at(-1)?.socketId, last.id);
    assert.deepEqual(api.testing.view.treeView.selection.map((node) => node.socketId), [last.id]);
  });
});

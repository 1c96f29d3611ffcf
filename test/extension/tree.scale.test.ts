/**
 * The Sockets view under load: a server with 450 live connections lists them a page at a time,
 * and a stream of 5,000 messages refreshes only the rows that changed, at most ten times a second.
 */
import * as assert from 'node:assert/strict';
import type * as net from 'node:net';
import * as vscode from 'vscode';
import type { ActivatedApi } from '../../src/extension';
import type { SocketsTreeNode } from '../../src/tree';
import { activatedApi, children, connectClient, portOf, removeAllSockets, rootNode, row, waitFor, waitForRefreshedRow } from './treeHelpers';

const CONNECTIONS = 450;
/** Connects in flight at once: well under the listen backlog, so the kernel drops no SYN. */
const CONNECT_WINDOW = 50;

async function connectMany(port: number, count: number): Promise<net.Socket[]> {
  const sockets: net.Socket[] = [];
  let started = 0;
  const worker = async (): Promise<void> => {
    while (started < count) {
      started++;
      sockets.push(await connectClient(port));
    }
  };
  await Promise.all(Array.from({ length: CONNECT_WINDOW }, worker));
  return sockets;
}

describe('Sockets view at scale', () => {
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
    await removeAllSockets(api);
  });

  it('pages 450 connections: the first 200, then "Show 200 more…" until all are listed', async function () {
    this.timeout(60_000);
    const server = await api.open('tcp-listen://127.0.0.1:0?backlog=128');
    const port = portOf(api, server.id);
    await api.testing.view.provider.flush();
    const serverNode = rootNode(api, server.id);
    row(api, serverNode);

    // 450 accepts are 450 engine events; the view re-lists the server at most every 100 ms.
    const refreshes: { readonly time: number; readonly elements: readonly SocketsTreeNode[] | undefined }[] = [];
    const subscription = api.testing.view.provider.onDidChangeTreeData((elements) => {
      refreshes.push({ time: performance.now(), elements: Array.isArray(elements) ? [...elements] : undefined });
    });
    const started = performance.now();
    try {
      clients.push(...(await connectMany(port, CONNECTIONS)));
      await waitFor(() => api.get(server.id)?.connections === CONNECTIONS, `${CONNECTIONS} accepted connections`);
      await api.testing.view.provider.flush();
    } finally {
      subscription.dispose();
    }
    const duration = performance.now() - started;
    console.log(`      ${refreshes.length} refreshes in ${duration.toFixed(0)} ms for ${CONNECTIONS} accepts`);
    assert.ok(refreshes.length <= Math.ceil(duration / 100) + 2, `${refreshes.length} refreshes in ${duration.toFixed(0)} ms`);
    for (const refresh of refreshes) {
      assert.deepEqual(refresh.elements, [serverNode], 'an accept re-lists its server only');
    }
    const serverRow = row(api, serverNode);
    assert.equal(serverRow.description, `listening · ⇄ 450 · 127.0.0.1:${port}`);
    // More than a page: the server waits for the user to expand it.
    assert.equal(serverRow.collapsible, vscode.TreeItemCollapsibleState.Collapsed);

    const firstPage = children(api, serverNode);
    assert.equal(firstPage.length, 201);
    const expectedIds = api.connections(server.id, 0, 200).map((info) => info.id);
    assert.deepEqual(firstPage.slice(0, 200).map((node) => node.socketId), expectedIds, 'accept order, as the engine lists them');
    assert.ok(firstPage.slice(0, 200).every((node) => node.type === 'connection'));
    const more = firstPage[200];
    assert.equal(more.type, 'more');
    assert.deepEqual(row(api, more), {
      label: 'Show 200 more…',
      description: '200 of 450 shown',
      contextValue: 'more',
      icon: 'ellipsis',
      color: '',
      id: `${server.id} more`,
      collapsible: vscode.TreeItemCollapsibleState.None,
      command: 'socketWorkbench.tree.showMore',
    });
    // The same node objects come back: VS Code updates rows in place.
    assert.deepEqual(children(api, serverNode).slice(0, 200), firstPage.slice(0, 200));
    assert.ok(children(api, serverNode)[0] === firstPage[0]);

    const item = api.testing.view.provider.getTreeItem(more) as vscode.TreeItem;
    const extended = waitForRefreshedRow(api, serverNode, () => children(api, serverNode).length === 401, 'the second page');
    await vscode.commands.executeCommand(item.command?.command ?? '', ...(item.command?.arguments ?? []));
    await extended;
    const secondPage = children(api, serverNode);
    assert.ok(secondPage[0] === firstPage[0], 'the first page keeps its nodes');
    assert.equal(secondPage[400], more);
    assert.equal(row(api, more).label, 'Show 50 more…');
    assert.equal(row(api, more).description, '400 of 450 shown');

    await vscode.commands.executeCommand('socketWorkbench.tree.showMore', more);
    await api.testing.view.provider.flush();
    const all = children(api, serverNode);
    assert.equal(all.length, CONNECTIONS);
    assert.ok(all.every((node) => node.type === 'connection'));
    assert.deepEqual(all.map((node) => node.socketId), api.connections(server.id).map((info) => info.id));

    // A connection leaving refreshes its server only; its row is gone from the page.
    const leaving = clients.shift();
    const leavingId = all.find((node) => node.type === 'connection' && row(api, node).label === `127.0.0.1:${leaving?.localPort}`)?.socketId;
    assert.ok(leavingId);
    const shrunk = waitForRefreshedRow(api, serverNode, (value) => value.description.includes('⇄ 449 '), 'the server after one connection left');
    leaving?.destroy();
    await shrunk;
    assert.equal(children(api, serverNode).length, CONNECTIONS - 1);
    assert.ok(!children(api, serverNode).some((node) => node.socketId === leavingId));
  });

  it('refreshes only the changed rows, at most every 100 ms, while 5,000 messages stream', async function () {
    this.timeout(30_000);
    const server = await api.open('tcp-listen://127.0.0.1:0');
    const idle = await api.open('udp-listen://127.0.0.1:0');
    const client = await connectClient(portOf(api, server.id));
    clients.push(client);
    await waitFor(() => api.get(server.id)?.connections === 1, 'the connection');
    await api.testing.view.provider.flush();
    const serverNode = rootNode(api, server.id);
    const idleNode = rootNode(api, idle.id);
    const [connection] = children(api, serverNode);
    // VS Code has drawn these rows (only drawn rows are worth refreshing).
    for (const node of [serverNode, idleNode, connection]) {
      row(api, node);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));

    const events: { readonly time: number; readonly elements: SocketsTreeNode[] | undefined }[] = [];
    const subscription = api.testing.view.provider.onDidChangeTreeData((elements) => {
      events.push({ time: performance.now(), elements: Array.isArray(elements) ? [...elements] : elements ?? undefined });
    });
    let dataEvents = 0;
    let lastData = 0;
    const dataSubscription = api.onData(() => {
      dataEvents++;
      lastData = performance.now();
    });
    const started = performance.now();
    try {
      const message = Buffer.alloc(16, 0x78);
      for (let index = 0; index < 5000; index++) {
        client.write(message);
        if (index % 25 === 24) {
          // Separate writes arrive as separate reads: many data events, spread over more than a second.
          await new Promise((resolve) => setTimeout(resolve, 6));
        }
      }
      await waitFor(() => api.get(connection.socketId)?.stats.bytesIn === 80_000, 'all 80,000 bytes', 20_000);
      // The last bytes reach the row through a refresh event, not only through a fresh getTreeItem.
      // Measured from the last data event: the refresh may come before the poll above notices.
      await waitFor(() => events.some((event) => event.time >= lastData && event.elements?.includes(connection)), 'a refresh after the last bytes');
      assert.equal(row(api, connection).description, '↓78.1 KB ↑0 B');
      await new Promise((resolve) => setTimeout(resolve, 1200));
    } finally {
      subscription.dispose();
      dataSubscription.dispose();
    }
    const duration = performance.now() - started;
    console.log(`      ${events.length} refreshes in ${duration.toFixed(0)} ms for ${dataEvents} data events`);

    assert.ok(dataEvents > 100, `the stream was many data events (${dataEvents})`);
    assert.ok(events.length > 0, 'the view refreshed');
    const bound = Math.ceil(duration / 100) + 2;
    assert.ok(events.length <= bound, `${events.length} refreshes in ${duration.toFixed(0)} ms for ${dataEvents} data events; at most ${bound} expected`);
    for (let index = 1; index < events.length; index++) {
      const gap = events[index].time - events[index - 1].time;
      assert.ok(gap >= 95, `refreshes ${index - 1} and ${index} were ${gap.toFixed(1)} ms apart`);
    }
    for (const event of events) {
      assert.ok(event.elements !== undefined, 'a counter update never refreshes the whole tree');
      for (const element of event.elements) {
        assert.ok(element === connection || element === serverNode, `only the connection and its server change, not ${element.type} ${element.socketId}`);
      }
    }
    assert.ok(events.some((event) => event.elements?.includes(connection)), 'the connection row was refreshed');
    assert.ok(!events.some((event) => event.elements?.includes(idleNode)), 'the idle socket was not refreshed');
    // The server's row shows no counters: its tooltip's counters are refreshed about once a second.
    const serverRefreshes = events.filter((event) => event.elements?.includes(serverNode)).length;
    assert.ok(serverRefreshes <= Math.ceil(duration / 1000) + 1, `the server row was refreshed ${serverRefreshes} times in ${duration.toFixed(0)} ms`);
  });
});

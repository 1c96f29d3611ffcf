/**
 * The Sockets view in the real extension host: rows (label, description, tokens, icon, tooltip)
 * for real loopback sockets, counters after real traffic, UDP peers, closed and failed sockets,
 * runtime errors, and the welcome state.
 */
import * as assert from 'node:assert/strict';
import type * as net from 'node:net';
import * as vscode from 'vscode';
import type { SocketInfo } from '../../src/engine';
import type { ActivatedApi } from '../../src/extension';
import { budgetText } from '../../src/socketText';
import { socketTooltip } from '../../src/tree/tooltip';
import { startPythonPeer } from '../engine/peers/python';
import {
  activatedApi,
  children,
  connectClient,
  portOf,
  removeAllSockets,
  rootNode,
  roots,
  row,
  tooltipText,
  udpPeer,
  waitFor,
  waitForRefreshedRow,
} from './treeHelpers';

describe('Sockets view', () => {
  let api: ActivatedApi;
  const clients: net.Socket[] = [];

  before(async () => {
    api = await activatedApi();
  });

  afterEach(async () => {
    for (const client of clients.splice(0)) {
      client.destroy();
    }
    await removeAllSockets(api);
  });

  it('has no root children without sockets, so the welcome view shows', async () => {
    await removeAllSockets(api);
    assert.deepEqual(roots(api), []);
  });

  it('shows a listening TCP server with its address, tokens, icon and tooltip', async () => {
    const info = await api.open('tcp-listen://127.0.0.1:0?backlog=16');
    const port = portOf(api, info.id);
    await api.testing.view.provider.flush();
    const node = rootNode(api, info.id);
    assert.equal(node.socketId, info.id);
    assert.deepEqual(row(api, node), {
      label: 'TCP server',
      description: `listening · 127.0.0.1:${port}`,
      contextValue: 'socket paneled addressed closable renamable recordable',
      icon: 'server-process',
      color: 'charts.green',
      id: info.id,
      collapsible: vscode.TreeItemCollapsibleState.None,
      command: 'socketWorkbench.tree.activate',
    });
    const item = api.testing.view.provider.getTreeItem(node) as vscode.TreeItem;
    assert.equal(item.accessibilityInformation?.label, `TCP server, listening · 127.0.0.1:${port}`);
    const tooltip = tooltipText(api, node);
    assert.match(tooltip, /\*\*TCP server\*\* — listening/);
    assert.ok(tooltip.includes('`socket(AF_INET, SOCK_STREAM, IPPROTO_TCP)`'), tooltip);
    assert.ok(tooltip.includes(`| Local address | \`127.0.0.1:${port}\` |`), tooltip);
    assert.ok(tooltip.includes('| Address | `tcp-listen://127.0.0.1:0?backlog=16` |'), tooltip);
    assert.ok(tooltip.includes('| Options | `backlog=16` |'), tooltip);
    assert.match(tooltip, /\| Opened \| (now|\d+ seconds? ago) \|/);
    assert.ok(tooltip.includes('| Received | 0 bytes, 0 messages |'), tooltip);
    assert.ok(tooltip.includes('| Sent | 0 bytes, 0 messages |'), tooltip);
    assert.ok(tooltip.includes('| Connections | 0 connections |'), tooltip);
    assert.ok(!tooltip.includes('Remote address'), 'a server has no remote address');
  });

  it('lists every resolved address in the tooltip when a name resolved to more than one', async () => {
    const info = await api.open('tcp-listen://localhost:0');
    const tip = (value: SocketInfo): string => socketTooltip(value).value.replace(/\\([\\`*_{}[\]()#+\-.!|<>$~])/g, '$1');
    // This machine's resolver decides how many addresses `localhost` has; the tooltip follows it.
    if (info.resolved.length > 1) {
      assert.ok(tip(info).includes(`| Resolved to | ${info.resolved.map((address) => `\`${address}\``).join(', ')} |`));
    } else {
      assert.ok(!tip(info).includes('Resolved to'), 'one address needs no list');
    }
    // The same live socket, as if `localhost` had resolved to both loopback addresses.
    assert.ok(tip({ ...info, resolved: ['::1', '127.0.0.1'] }).includes('| Resolved to | `::1`, `127.0.0.1` |'));
  });

  it('lists accepted connections with their own counters, updated through refresh events', async () => {
    const server = await api.open('tcp-listen://127.0.0.1:0');
    const port = portOf(api, server.id);
    await api.testing.view.provider.flush();
    const serverNode = rootNode(api, server.id);
    row(api, serverNode);

    const serverRefreshed = waitForRefreshedRow(api, serverNode, (value) => value.description.includes('⇄ 1 '), 'the server row to count the connection');
    const client = await connectClient(port);
    clients.push(client);
    const serverRow = await serverRefreshed;
    assert.equal(serverRow.description, `listening · ⇄ 1 · 127.0.0.1:${port}`);
    assert.equal(serverRow.contextValue, 'socket sendable paneled addressed closable renamable recordable');
    assert.equal(serverRow.collapsible, vscode.TreeItemCollapsibleState.Expanded);

    const [connection, ...rest] = children(api, serverNode);
    assert.deepEqual(rest, []);
    assert.equal(connection.type, 'connection');
    assert.equal(connection.socketId, `${server.id}.1`);
    assert.equal(api.testing.view.provider.getParent?.(connection), serverNode);
    const initial = row(api, connection);
    assert.deepEqual(initial, {
      label: `127.0.0.1:${client.localPort}`,
      description: '↓0 B ↑0 B',
      contextValue: 'connection sendable paneled addressed disconnectable halfclosable pausable closable recordable',
      icon: 'arrow-swap',
      color: 'charts.blue',
      id: connection.socketId,
      collapsible: vscode.TreeItemCollapsibleState.None,
      command: 'socketWorkbench.tree.activate',
    });

    // 1,234 bytes in, 30 bytes out: the row shows both once the batched refresh arrives.
    const counted = waitForRefreshedRow(api, connection, (value) => value.description === '↓1.2 KB ↑30 B', 'the connection counters');
    client.write(Buffer.alloc(1234, 0x61));
    const received: Buffer[] = [];
    client.on('data', (chunk: Buffer) => received.push(chunk));
    await waitFor(() => api.get(connection.socketId)?.stats.bytesIn === 1234, 'the server to receive 1,234 bytes');
    await api.send(connection.socketId, Buffer.alloc(30, 0x62));
    await counted;
    await waitFor(() => Buffer.concat(received).length === 30, 'the client to receive 30 bytes');

    const tooltip = tooltipText(api, connection);
    assert.match(tooltip, new RegExp(`\\*\\*127\\.0\\.0\\.1:${client.localPort}\\*\\* — TCP connection, open`));
    assert.ok(tooltip.includes('`socket(AF_INET, SOCK_STREAM, IPPROTO_TCP)`'), tooltip);
    assert.ok(tooltip.includes(`| Server | TCP server 127.0.0.1:${port} |`), tooltip);
    assert.ok(tooltip.includes(`| Local address | \`127.0.0.1:${port}\` |`), tooltip);
    assert.ok(tooltip.includes(`| Remote address | \`127.0.0.1:${client.localPort}\` |`), tooltip);
    assert.match(tooltip, /\| Received \| 1,234 bytes, \d+ messages? \(1\.2 KB\) \|/);
    assert.ok(tooltip.includes('| Sent | 30 bytes, 1 message |'), tooltip);

    // Pausing is a state of the row: its tokens offer Resume, its description says so.
    const paused = waitForRefreshedRow(api, connection, (value) => value.contextValue.includes('resumable'), 'the paused row');
    api.testing.services.engine.setReceiving(connection.socketId, false);
    const pausedRow = await paused;
    assert.equal(pausedRow.description, 'paused · ↓1.2 KB ↑30 B');
    assert.equal(pausedRow.contextValue, 'connection sendable paneled addressed disconnectable halfclosable resumable closable recordable');
    assert.equal(pausedRow.color, 'charts.orange');

    // The peer leaves: the connection row goes, and the server row counts none.
    const gone = waitForRefreshedRow(api, serverNode, (value) => value.description === `listening · 127.0.0.1:${port}`, 'the server without connections');
    client.destroy();
    const goneRow = await gone;
    assert.equal(goneRow.collapsible, vscode.TreeItemCollapsibleState.None);
    assert.deepEqual(children(api, serverNode), []);
  });

  it('shows the transcript budget a server shares with its connections in both tooltips', async () => {
    const { engine } = api.testing.services;
    engine.setTranscriptLimits({ maxEntries: 10_000, maxBytes: 2048, captureBytes: 1024 });
    try {
      const server = await api.open('tcp-listen://127.0.0.1:0');
      await api.testing.view.provider.flush();
      const serverNode = rootNode(api, server.id);
      assert.ok(tooltipText(api, serverNode).includes('\nserver transcript: 0 B of 2 KB\n'), tooltipText(api, serverNode));
      const counted = waitForRefreshedRow(api, serverNode, (value) => value.description.includes('⇄ 1 '), 'the server row to count the connection');
      const client = await connectClient(portOf(api, server.id));
      clients.push(client);
      await counted;
      // Three 900-byte chunks, 2 KB kept: listen, accept and the first chunk are dropped.
      for (let chunk = 1; chunk <= 3; chunk++) {
        client.write(Buffer.alloc(900, chunk));
        await waitFor(() => api.get(server.id)?.stats.messagesIn === chunk, `chunk ${chunk} at the server`);
      }
      const [connection] = children(api, serverNode);
      const expected = '\nserver transcript: 1.8 KB of 2 KB, 3 entries dropped\n';
      assert.ok(tooltipText(api, serverNode).includes(expected), tooltipText(api, serverNode));
      assert.ok(tooltipText(api, connection).includes(expected), tooltipText(api, connection));
    } finally {
      engine.setTranscriptLimits(api.testing.services.settings().transcriptLimits);
    }
  });

  it('words a budget with one or many drops, for a server and for any other socket', () => {
    const MiB = 1024 * 1024;
    assert.equal(budgetText({ heldBytes: 16 * MiB, maxBytes: 16 * MiB, droppedEntries: 1234 }, 'tcp-server'), 'server transcript: 16 MB of 16 MB, 1,234 entries dropped');
    assert.equal(budgetText({ heldBytes: 512, maxBytes: 16 * MiB, droppedEntries: 1 }, 'tcp-connection'), 'server transcript: 512 B of 16 MB, 1 entry dropped');
    assert.equal(budgetText({ heldBytes: 1536, maxBytes: 16 * MiB, droppedEntries: 0 }, 'udp'), 'transcript: 1.5 KB of 16 MB');
    assert.equal(budgetText({ heldBytes: 0, maxBytes: MiB, droppedEntries: 2 }, 'tcp-client'), 'transcript: 0 B of 1 MB, 2 entries dropped');
  });

  it('lists a UDP socket\'s recent peers, each with the target a Send replies to', async () => {
    const udp = await api.open('udp-listen://127.0.0.1:0');
    const port = portOf(api, udp.id);
    await api.testing.view.provider.flush();
    const node = rootNode(api, udp.id);
    assert.equal(row(api, node).description, `open · 127.0.0.1:${port}`);
    assert.equal(row(api, node).contextValue, 'socket sendable paneled addressed multicast closable renamable recordable');
    assert.equal(row(api, node).icon, 'broadcast');

    // An independent python3 peer sends one datagram of 5 bytes.
    const refreshed = waitForRefreshedRow(api, node, (value) => value.collapsible === vscode.TreeItemCollapsibleState.Expanded, 'the UDP row to get peers');
    const python = startPythonPeer('udp-client', { port, send: '68656c6c6f' });
    const pythonPort = Number(await python.ready);
    await python.result;
    const udpRow = await refreshed;
    assert.equal(udpRow.description, `open · ↓5 B ↑0 B · 127.0.0.1:${port}`);

    // A second peer that stays, sending twice.
    const peer = await udpPeer();
    try {
      const peerPort = peer.address().port;
      const second = waitForRefreshedRow(api, node, () => children(api, node).length === 2, 'the second peer');
      peer.send('ab', port, '127.0.0.1');
      peer.send('cde', port, '127.0.0.1');
      await second;
      await waitFor(() => api.get(udp.id)?.stats.messagesIn === 3, 'three datagrams');
      await api.testing.view.provider.flush();
      const peers = children(api, node);
      assert.deepEqual(peers.map((candidate) => candidate.type), ['peer', 'peer']);
      // First seen first: rows do not jump when another peer speaks.
      assert.deepEqual(peers.map((candidate) => (candidate.type === 'peer' ? candidate.target : '')), [`127.0.0.1:${pythonPort}`, `127.0.0.1:${peerPort}`]);
      assert.ok(peers.every((candidate) => candidate.socketId === udp.id));
      assert.deepEqual(row(api, peers[0]), {
        label: `127.0.0.1:${pythonPort}`,
        description: '↓ 5 B · 1 datagram',
        contextValue: 'peer sendable addressed',
        icon: 'radio-tower',
        color: '',
        id: `${udp.id} peer 127.0.0.1:${pythonPort}`,
        collapsible: vscode.TreeItemCollapsibleState.None,
        command: 'socketWorkbench.tree.activate',
      });
      await waitFor(() => row(api, peers[1]).description === '↓ 5 B · 2 datagrams' || undefined, 'the second peer\'s counters');
      assert.equal(api.testing.view.provider.getParent?.(peers[1]), node);
      const peerTip = tooltipText(api, peers[1]);
      assert.ok(peerTip.includes(`**127.0.0.1:${peerPort}** — UDP peer`), peerTip);
      assert.ok(peerTip.includes('| Received | 2 datagrams, 5 B |'), peerTip);
      assert.ok(peerTip.includes(`Send on this row replies to 127.0.0.1:${peerPort}.`), peerTip);

      // The node's target is what a Send on the row uses: the reply reaches that peer.
      const target = peers[1].type === 'peer' ? peers[1].target : '';
      const reply = new Promise<string>((resolve) => peer.once('message', (message) => resolve(message.toString())));
      await api.send(udp.id, 'pong', { target });
      assert.equal(await reply, 'pong');
    } finally {
      peer.close();
    }
  });

  it('shows a UDP socket with a default target as local → target', async () => {
    const udp = await api.open('udp://127.0.0.1:9');
    await api.testing.view.provider.flush();
    const node = rootNode(api, udp.id);
    const local = api.get(udp.id)?.local?.port;
    assert.equal(row(api, node).label, 'UDP socket');
    assert.equal(row(api, node).description, `open · 127.0.0.1:${local} → 127.0.0.1:9`);
    assert.ok(tooltipText(api, node).includes('| Default target | `127.0.0.1:9` |'));
  });

  it('offers Reopen and Remove on a closed socket, and keeps a user\'s name', async () => {
    const info = await api.open('tcp-listen://127.0.0.1:0', { name: 'echo *under* test' });
    const port = portOf(api, info.id);
    await api.testing.view.provider.flush();
    const node = rootNode(api, info.id);
    row(api, node);
    const closed = waitForRefreshedRow(api, node, (value) => value.description.startsWith('closed'), 'the closed row');
    await api.close(info.id);
    assert.deepEqual(await closed, {
      label: 'echo *under* test',
      description: `closed · 127.0.0.1:${port}`,
      contextValue: 'socket reopenable removable paneled addressed renamable recordable',
      icon: 'server-process',
      color: 'disabledForeground',
      id: info.id,
      collapsible: vscode.TreeItemCollapsibleState.None,
      command: 'socketWorkbench.tree.activate',
    });
    const tooltip = api.testing.view.provider.tooltip(node)?.value ?? '';
    assert.ok(tooltip.includes('**echo \\*under\\* test**'), `a user's name is escaped in Markdown: ${tooltip}`);
    assert.match(tooltipText(api, node), /\| Closed \| (now|\d+ seconds? ago) \|/);
  });

  it('shows the error code of a failed open, without reporting it a second time', async () => {
    // A port nobody listens on: bind one, note it, close it.
    const probe = await api.open('tcp-listen://127.0.0.1:0');
    const port = portOf(api, probe.id);
    await api.testing.services.engine.remove(probe.id);
    const messagesBefore = api.testing.services.recorder.shownMessages.length;

    await assert.rejects(api.open(`tcp://127.0.0.1:${port}`), /ECONNREFUSED|refused/);
    await api.testing.view.provider.flush();
    const [failed] = api.list();
    const node = rootNode(api, failed.id);
    const value = row(api, node);
    assert.equal(value.description, `error ECONNREFUSED · 127.0.0.1:${port}`);
    assert.equal(value.color, 'testing.iconFailed');
    assert.equal(value.icon, 'plug');
    assert.equal(value.contextValue, 'socket reopenable removable paneled addressed renamable recordable');
    const tooltip = tooltipText(api, node);
    assert.ok(tooltip.includes(`**ECONNREFUSED** — Connection refused by 127.0.0.1:${port}: nothing is listening there (ECONNREFUSED).`), tooltip);
    assert.ok(tooltip.includes('`socket(AF_INET, SOCK_STREAM, IPPROTO_TCP)`'), tooltip);
    await new Promise((resolve) => setTimeout(resolve, 200));
    assert.equal(api.testing.services.recorder.shownMessages.length, messagesBefore, 'the failed open is the opening command\'s to report');
  });

  it('reports an open client that the peer resets (ECONNRESET), once', async () => {
    const python = startPythonPeer('tcp-reset-after', { expect: 4 });
    const port = Number(await python.ready);
    const client = await api.open(`tcp://127.0.0.1:${port}`);
    await api.testing.view.provider.flush();
    const node = rootNode(api, client.id);
    row(api, node);
    const failed = waitForRefreshedRow(api, node, (value) => value.description.includes('ECONNRESET'), 'the reset row');
    await api.send(client.id, 'ping');
    await python.result;
    const value = await failed;
    assert.equal(value.description, `error ECONNRESET · ↓0 B ↑4 B · 127.0.0.1:${port}`);
    const expected = `TCP client 127.0.0.1:${port}: The peer reset the connection (ECONNRESET).`;
    await waitFor(() => api.testing.services.recorder.shownMessages.includes(expected), `the message "${expected}"`);
    assert.equal(api.testing.services.recorder.shownMessages.filter((message) => message === expected).length, 1);
  });

  it('counts open sockets and connections in the status bar, shown only with sockets', async () => {
    const { statusBar } = api.testing;
    statusBar.flush();
    assert.equal(statusBar.state().visible, false);

    const server = await api.open('tcp-listen://127.0.0.1:0');
    const udp = await api.open('udp-listen://127.0.0.1:0');
    const port = portOf(api, server.id);
    clients.push(await connectClient(port), await connectClient(port));
    await waitFor(() => api.get(server.id)?.connections === 2, 'two connections');
    await new Promise((resolve) => setTimeout(resolve, 150));
    // A new connection's notice shows beside the count for a few seconds (everyday.test.ts): set it aside.
    const withoutNotice = (state: ReturnType<typeof statusBar.state>): ReturnType<typeof statusBar.state> => ({
      visible: state.visible,
      text: state.text.replace(/ \$\(bell-dot\) .*$/, ''),
      tooltip: state.tooltip.replace(/^.*\n/, ''),
      accessibilityLabel: state.accessibilityLabel.replace(/^.*\n/, ''),
    });
    assert.deepEqual(withoutNotice(statusBar.state()), {
      visible: true,
      text: '$(plug) 2',
      tooltip: '2 open sockets, 2 connections',
      accessibilityLabel: '2 open sockets, 2 connections',
    });

    await api.close(udp.id);
    clients.pop()?.destroy();
    await waitFor(() => api.get(server.id)?.connections === 1, 'one connection');
    statusBar.flush();
    assert.equal(withoutNotice(statusBar.state()).text, '$(plug) 1');
    assert.equal(withoutNotice(statusBar.state()).tooltip, '1 open socket, 1 connection');

    await removeAllSockets(api);
    statusBar.flush();
    assert.equal(statusBar.state().visible, false);
  });
});

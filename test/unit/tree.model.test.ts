// The Sockets view's model against a real engine on loopback: one node per socket and connection
// (stable identity), peers per UDP sender, and refreshes only for rows VS Code has drawn.
import * as assert from 'node:assert/strict';
import * as dgram from 'node:dgram';
import * as net from 'node:net';
import { SocketEngine } from '../../src/engine';
import type { SocketsTreeNode } from '../../src/tree/nodes';
import { SocketsModel } from '../../src/tree/model';
import { RefreshScheduler } from '../../src/tree/refresh';

async function waitFor(what: string, condition: () => boolean, deadlineMs = 5000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > deadlineMs) {
      throw new Error(`timed out after ${deadlineMs} ms waiting for ${what}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('tree model', () => {
  let engine: SocketEngine;
  let model: SocketsModel;
  let fired: (SocketsTreeNode[] | undefined)[];
  const clients: net.Socket[] = [];

  beforeEach(() => {
    engine = new SocketEngine({ statsIntervalMs: 20 });
    fired = [];
    model = new SocketsModel(engine, new RefreshScheduler<SocketsTreeNode>((elements) => fired.push(elements), 10, 50));
  });

  afterEach(async () => {
    for (const client of clients.splice(0)) {
      client.destroy();
    }
    model.scheduler.dispose();
    model.dispose();
    await engine.dispose();
  });

  it('adds a root per socket and a node per accepted connection, and forgets them on removal', async () => {
    const server = await engine.open('tcp-listen://127.0.0.1:0');
    const root = model.get(server.id);
    assert.equal(root?.type, 'socket');
    assert.deepEqual([...model.roots.keys()], [server.id]);
    model.scheduler.flush();
    assert.equal(fired.at(-1), undefined, 'a new top-level socket refreshes the whole tree');

    model.markShown(root);
    const port = engine.get(server.id)?.local?.port ?? 0;
    clients.push(net.connect(port, '127.0.0.1'));
    await waitFor('the accepted connection', () => root.type === 'socket' && root.connections.size === 1);
    const [connectionId] = root.type === 'socket' ? [...root.connections.keys()] : [];
    assert.equal(model.get(connectionId)?.type, 'connection');
    assert.ok(model.gotFirstChild.has(root), 'a drawn server that got its first connection is to be expanded');

    await engine.remove(server.id);
    await waitFor('the removal', () => model.get(server.id) === undefined);
    assert.equal(model.get(connectionId), undefined);
    assert.equal(model.roots.size, 0);
  });

  it('counts refresh a drawn connection row, never a row VS Code has not drawn', async () => {
    const server = await engine.open('tcp-listen://127.0.0.1:0');
    const root = model.get(server.id);
    assert.ok(root?.type === 'socket');
    const client = net.connect(engine.get(server.id)?.local?.port ?? 0, '127.0.0.1');
    clients.push(client);
    await waitFor('the accepted connection', () => root.connections.size === 1);
    const [connection] = [...root.connections.values()];
    model.scheduler.flush();
    fired.length = 0;

    client.write('not drawn yet');
    await waitFor('the bytes', () => engine.get(connection.socketId)?.stats.bytesIn === 13);
    await new Promise((resolve) => setTimeout(resolve, 100));
    model.scheduler.flush();
    assert.ok(!fired.some((elements) => elements?.includes(connection)), 'an undrawn row is not refreshed');

    model.markShown(connection);
    client.write('drawn');
    await waitFor('a refresh of the connection row', () => fired.some((elements) => elements?.includes(connection)));
  });

  it('keeps one peer node per UDP sender, in first-seen order, with its datagram count', async () => {
    const udp = await engine.open('udp-listen://127.0.0.1:0');
    const root = model.get(udp.id);
    assert.ok(root?.type === 'socket');
    // Peers follow the counters, which only drawn rows listen to.
    model.markShown(root);
    const port = engine.get(udp.id)?.local?.port ?? 0;
    const senders = [dgram.createSocket('udp4'), dgram.createSocket('udp4')];
    try {
      for (const sender of senders) {
        await new Promise<void>((resolve) => sender.bind(0, '127.0.0.1', resolve));
      }
      senders[1].send('b', port, '127.0.0.1');
      await waitFor('the first peer', () => root.peers.size === 1);
      senders[0].send('a', port, '127.0.0.1');
      senders[1].send('b', port, '127.0.0.1');
      await waitFor('both peers, the second with 2 datagrams', () => root.peers.size === 2 && [...root.peers.values()][0].messages === 2);
      assert.deepEqual([...root.peers.keys()], senders.slice().reverse().map((sender) => `127.0.0.1:${sender.address().port}`));
    } finally {
      for (const sender of senders) {
        sender.close();
      }
    }
  });
});

/**
 * The commands that act on a socket, run by id (or tree node) with arguments: close in each mode,
 * disconnect, reopen, rename, remove, copy the address, pause and resume, multicast, and the rest.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { SocketInfo } from '../../src/engine';
import type { ActivatedApi } from '../../src/extension';
import { socketLabel } from '../../src/socketText';
import { activate, messageOf, nodeClient, nodeServer, portOf, removeAll, run, waitFor } from './commandsHelpers';

describe('commands: acting on sockets (with arguments)', () => {
  let api: ActivatedApi;
  const opened: string[] = [];
  const track = (info: SocketInfo | undefined): SocketInfo => {
    assert.ok(info, 'the command returned no SocketInfo');
    opened.push(info.id);
    return info;
  };
  const engine = (): ActivatedApi['testing']['services']['engine'] => api.testing.services.engine;
  const state = (id: string): string | undefined => engine().get(id)?.state;
  const socketLabelOf = (info: SocketInfo | undefined): string => socketLabel(info ?? assert.fail('no such socket'));

  before(async () => {
    api = await activate();
  });

  afterEach(async () => {
    await removeAll(api, opened.splice(0));
  });

  it('close: graceful closes a server and its connections; the peer sees FIN', async () => {
    const server = track(await run<SocketInfo>('newTcpServer', '127.0.0.1', 0));
    const client = await nodeClient(portOf(server));
    await waitFor('a connection', () => engine().connections(server.id)[0]);
    await run('close', server.id);
    assert.equal(state(server.id), 'closed');
    await waitFor('the peer to see the end', () => (client.ended ? true : undefined));
    client.socket.destroy();
  });

  it('halfClose sends FIN and keeps reading; reset sends RST', async () => {
    const peer = await nodeServer((socket) => socket.on('end', () => socket.end('bye')), true);
    try {
      const client = track(await run<SocketInfo>('newTcpClient', '127.0.0.1', peer.port, { options: { allowHalfOpen: true } }));
      await waitFor('the accept', () => peer.sockets[0]);
      await run('halfClose', { socketId: client.id });
      await waitFor('the peer to see FIN', () => (peer.ended.has(0) ? true : undefined));
      await waitFor('the reply after FIN', () => (engine().get(client.id)?.stats.bytesIn === 3 ? true : undefined));

      const second = track(await run<SocketInfo>('newTcpClient', '127.0.0.1', peer.port));
      await waitFor('the second accept', () => peer.sockets[1]);
      await run('reset', second.id);
      await waitFor('ECONNRESET at the peer', () => peer.errors.get(1));
      assert.equal(peer.errors.get(1), 'ECONNRESET');
      assert.equal(state(second.id), 'closed');
    } finally {
      await peer.close();
    }
  });

  it('close with mode reset, and an unknown mode is refused', async () => {
    const peer = await nodeServer();
    try {
      const client = track(await run<SocketInfo>('newTcpClient', '127.0.0.1', peer.port));
      await waitFor('the accept', () => peer.sockets[0]);
      const message = await messageOf(api, () => run('close', client.id, 'abort'));
      assert.equal(message, "Invalid argument: Unknown close mode 'abort': use graceful, half or reset.");
      assert.equal(state(client.id), 'open');
      await run('close', client.id, 'reset');
      await waitFor('ECONNRESET at the peer', () => peer.errors.get(0));
      assert.equal(peer.errors.get(0), 'ECONNRESET');
    } finally {
      await peer.close();
    }
  });

  it("disconnect closes one of a server's connections; the server keeps listening", async () => {
    const server = track(await run<SocketInfo>('newTcpServer', '127.0.0.1', 0));
    const first = await nodeClient(portOf(server));
    const second = await nodeClient(portOf(server));
    try {
      const connections = await waitFor('two connections', () => {
        const list = engine().connections(server.id);
        return list.length === 2 ? list : undefined;
      });
      await run('disconnect', { socketId: connections[0].id });
      await waitFor('the first peer to see the end', () => (first.ended ? true : undefined));
      await waitFor('one connection left', () => (engine().get(server.id)?.connections === 1 ? true : undefined));
      assert.equal(second.ended, false);
      assert.equal(state(server.id), 'listening');
      const refused = await messageOf(api, () => run('disconnect', server.id));
      assert.match(refused, /^Invalid argument: Disconnect applies to a server's accepted connections; 127\.0\.0\.1:\d+ is a TCP server\.$/);
    } finally {
      first.socket.destroy();
      second.socket.destroy();
    }
  });

  it('reopen opens a closed socket again with the same id; rename and remove', async () => {
    const server = track(await run<SocketInfo>('newTcpServer', '127.0.0.1', 0));
    await run('close', server.id);
    const reopened = await run<SocketInfo>('reopen', server.id);
    assert.equal(reopened.id, server.id);
    assert.equal(reopened.state, 'listening');
    const client = await nodeClient(portOf(reopened));
    client.socket.destroy();

    const renamed = await run<SocketInfo>('rename', { socketId: server.id }, '  echo server ');
    assert.equal(renamed.name, 'echo server');
    const cleared = await run<SocketInfo>('rename', server.id, '');
    assert.equal(cleared.name, undefined);

    await run('remove', server.id);
    assert.equal(engine().get(server.id), undefined);
    const message = await messageOf(api, () => run('reopen', server.id));
    assert.equal(message, `There is no socket with id '${server.id}'.`);
  });

  it('remove from the tree asks before discarding a transcript with traffic; without traffic it does not', async () => {
    const server = track(await run<SocketInfo>('newTcpServer', '127.0.0.1', 0));
    const quiet = track(await run<SocketInfo>('newUdpSocket', '127.0.0.1', 0));
    const client = await nodeClient(portOf(server));
    client.socket.write('keep me');
    await waitFor('the bytes', () => (engine().get(server.id)?.stats.bytesIn === 7 ? true : undefined));
    client.socket.destroy();
    const shown = api.testing.services.recorder.shownMessages;
    const before = shown.length;
    // The test workbench refuses modal dialogs: a question not answered with Remove keeps the socket.
    await run('remove', { socketId: server.id });
    assert.equal(shown[before], `Remove ${socketLabelOf(engine().get(server.id))}?`);
    assert.ok(engine().get(server.id), 'a transcript with traffic is not discarded unasked');
    const asked = shown.length;
    await run('remove', { socketId: quiet.id });
    assert.equal(engine().get(quiet.id), undefined, 'nothing to lose: removed at once');
    assert.equal(shown.length, asked, 'and without a question');
  });

  it('copyAddress: the spec with the bound port, host:port for connections and peers, on the clipboard', async () => {
    const server = track(await run<SocketInfo>('newTcpServer', 'tcp-listen://127.0.0.1:0?noDelay=1'));
    const text = await run<string>('copyAddress', server.id);
    assert.equal(text, `tcp-listen://127.0.0.1:${portOf(server)}?noDelay=1`);
    assert.equal(await vscode.env.clipboard.readText(), text);

    const client = await nodeClient(portOf(server));
    try {
      const connection = await waitFor('a connection', () => engine().connections(server.id)[0]);
      assert.equal(await run<string>('copyAddress', { socketId: connection.id }), `127.0.0.1:${client.socket.localPort}`);
      assert.equal(await run<string>('copyAddress', { socketId: server.id, target: '[::1]:5353' }), '[::1]:5353');
      assert.equal(await vscode.env.clipboard.readText(), '[::1]:5353');
      const both = await run<string>('copyAddress', { socketId: server.id }, [{ socketId: server.id }, { socketId: connection.id }]);
      assert.equal(both, `${text}\n127.0.0.1:${client.socket.localPort}`);
    } finally {
      client.socket.destroy();
    }
    await run('close', server.id);
    assert.equal(await run<string>('copyAddress', server.id), 'tcp-listen://127.0.0.1:0?noDelay=1');
  });

  it('pauseReading and resumeReading: the peer backs up while paused and everything arrives after', async () => {
    const server = track(await run<SocketInfo>('newTcpServer', '127.0.0.1', 0));
    const client = await nodeClient(portOf(server));
    try {
      const connection = await waitFor('a connection', () => engine().connections(server.id)[0]);
      const paused = await run<SocketInfo>('pauseReading', connection.id);
      assert.equal(paused.paused, true);
      client.socket.write(Buffer.alloc(100_000, 0x61));
      await new Promise((resolve) => setTimeout(resolve, 200));
      assert.equal(engine().get(connection.id)?.stats.bytesIn, 0);
      const resumed = await run<SocketInfo>('resumeReading', { socketId: connection.id });
      assert.equal(resumed.paused, false);
      await waitFor('100000 bytes', () => (engine().get(connection.id)?.stats.bytesIn === 100_000 ? true : undefined));
      const refused = await messageOf(api, () => run('pauseReading', server.id));
      assert.match(refused, /^Invalid argument: Pause Reading does not apply to 127\.0\.0\.1:\d+ \(TCP server, listening\)\.$/);
    } finally {
      client.socket.destroy();
    }
  });

  it('joinMulticast and leaveMulticast on a UDP socket (loopback interface)', async () => {
    const socket = track(await run<SocketInfo>('newUdpSocket', 'udp-listen://127.0.0.1:0'));
    assert.deepEqual(await run<string[]>('joinMulticast', socket.id, '239.1.2.3', '127.0.0.1'), ['239.1.2.3']);
    assert.deepEqual(await run<string[]>('leaveMulticast', { socketId: socket.id }, '239.1.2.3', '127.0.0.1'), []);
    const notJoined = await messageOf(api, () => run('leaveMulticast', socket.id, '239.1.2.3'));
    assert.equal(notJoined, `Invalid argument: 127.0.0.1:${portOf(socket)} has not joined 239.1.2.3.`);
    const notGroup = await messageOf(api, () => run('joinMulticast', socket.id, '10.0.0.1'));
    assert.equal(notGroup, "Invalid argument: '10.0.0.1' is not a multicast group: use 224.0.0.0/4 (IPv4) or ff00::/8 (IPv6), e.g. 239.1.2.3.");
    const wrongFamily = await messageOf(api, () => run('joinMulticast', socket.id, 'ff15::1'));
    assert.equal(wrongFamily, "Invalid argument: 'ff15::1' is IPv6, but the socket is IPv4.");
  });

  it('closeAll closes every open socket; openPanel and showLog run', async () => {
    const first = track(await run<SocketInfo>('newTcpServer', '127.0.0.1', 0));
    const second = track(await run<SocketInfo>('newUdpSocket', '127.0.0.1', 0));
    await run('openPanel', first.id);
    await run('showLog');
    await run('closeAll');
    assert.equal(state(first.id), 'closed');
    assert.equal(state(second.id), 'closed');
    assert.ok(engine().list().every((info) => info.state === 'closed' || info.state === 'error'));
    const nothing = await messageOf(api, () => run('closeAll'));
    assert.equal(nothing, 'No socket is open.');
  });
});

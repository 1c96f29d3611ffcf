/**
 * socketWorkbench.send with arguments: exact bytes arrive at real peers (Node sockets and the
 * python3 peer), in each encoding, to a server's connections and to UDP targets.
 */
import * as assert from 'node:assert/strict';
import * as dgram from 'node:dgram';
import type { SendResult, SocketInfo } from '../../src/engine';
import type { ActivatedApi } from '../../src/extension';
import { startPythonPeer } from '../engine/peers/python';
import { activate, messageOf, nodeClient, portOf, removeAll, run, waitFor } from './commandsHelpers';

describe('commands: send (with arguments)', () => {
  let api: ActivatedApi;
  const opened: string[] = [];
  const track = (info: SocketInfo | undefined): SocketInfo => {
    assert.ok(info, 'the command returned no SocketInfo');
    opened.push(info.id);
    return info;
  };

  before(async () => {
    api = await activate();
  });

  afterEach(async () => {
    await removeAll(api, opened.splice(0));
  });

  it('sends escapes-encoded bytes from a TCP client to a python server and reads its reply', async () => {
    const peer = startPythonPeer('tcp-server', { expect: 7, reply: '6f6b0a' });
    try {
      const port = await peer.ready;
      const client = track(await run<SocketInfo>('newTcpClient', '127.0.0.1', Number(port)));
      const result = await run<SendResult>('send', client.id, 'Hello\\r\\n', { encoding: 'escapes' });
      assert.deepEqual(result, { bytesSent: 7, targets: 1, cancelled: false });
      const outcome = await peer.result;
      assert.equal(outcome.received, Buffer.from('Hello\r\n').toString('hex'));
      assert.deepEqual(outcome.peer, ['127.0.0.1', client.local?.port]);
      await waitFor('the reply', () => (api.testing.services.engine.get(client.id)?.stats.bytesIn === 3 ? true : undefined));
    } finally {
      peer.kill();
    }
  });

  it('sends hex, base64, utf8 and a Uint8Array exactly', async () => {
    const server = track(await run<SocketInfo>('newTcpServer', '127.0.0.1', 0));
    const client = await nodeClient(portOf(server));
    try {
      const connection = await waitFor('a connection', () => api.testing.services.engine.connections(server.id)[0]);
      await run('send', connection.id, '48 65 6c 6c 6f', { encoding: 'hex' });
      await run('send', connection.id, 'IA==', { encoding: 'base64' });
      await run('send', connection.id, 'dünya');
      await run('send', connection.id, Uint8Array.from([0, 255, 10]));
      const expected = Buffer.concat([Buffer.from('Hello '), Buffer.from('dünya', 'utf8'), Buffer.from([0, 255, 10])]);
      await waitFor('all bytes', () => (client.received.length >= expected.length ? true : undefined));
      assert.deepEqual(client.received, expected);
    } finally {
      client.socket.destroy();
    }
  });

  it("sends to all of a server's connections, or to one by id or by its tree node", async () => {
    const server = track(await run<SocketInfo>('newTcpServer', '127.0.0.1', 0));
    const first = await nodeClient(portOf(server));
    const second = await nodeClient(portOf(server));
    try {
      const connections = await waitFor('two connections', () => {
        const list = api.testing.services.engine.connections(server.id);
        return list.length === 2 ? list : undefined;
      });
      const all = await run<SendResult>('send', server.id, 'all\n');
      assert.deepEqual(all, { bytesSent: 8, targets: 2, cancelled: false });
      const one = await run<SendResult>('send', { socketId: server.id }, 'one\n', { target: connections[1].id });
      assert.equal(one.targets, 1);
      await run('send', { socketId: connections[0].id }, 'node\n');
      await waitFor('second client bytes', () => (second.received.length >= 8 ? true : undefined));
      await waitFor('first client bytes', () => (first.received.length >= 9 ? true : undefined));
      // Which Node client is which connection follows accept order, as the engine lists them.
      assert.equal(first.received.toString(), 'all\nnode\n');
      assert.equal(second.received.toString(), 'all\none\n');
    } finally {
      first.socket.destroy();
      second.socket.destroy();
    }
  });

  it('sends UDP datagrams to a typed target, to a peer node, and to the default peer', async () => {
    const receiver = dgram.createSocket('udp4');
    const datagrams: Array<{ text: string; port: number }> = [];
    receiver.on('message', (message, remote) => datagrams.push({ text: message.toString(), port: remote.port }));
    await new Promise<void>((resolve) => receiver.bind(0, '127.0.0.1', () => resolve()));
    const target = `127.0.0.1:${receiver.address().port}`;
    try {
      const bound = track(await run<SocketInfo>('newUdpSocket', 'udp-listen://127.0.0.1:0'));
      await run('send', bound.id, 'typed', { target });
      await run('send', { socketId: bound.id, target }, 'peer node');
      const withPeer = track(await run<SocketInfo>('newUdpSocket', `udp://${target}`));
      await run('send', withPeer.id, 'default');
      await waitFor('three datagrams', () => (datagrams.length === 3 ? true : undefined));
      assert.deepEqual(datagrams, [
        { text: 'typed', port: portOf(bound) },
        { text: 'peer node', port: portOf(bound) },
        { text: 'default', port: portOf(withPeer) },
      ]);
    } finally {
      receiver.close();
    }
  });

  it('sends a UDP datagram to a python peer and records its reply with the sender', async () => {
    const peer = startPythonPeer('udp-server', { reply: '706f6e67' });
    try {
      const port = await peer.ready;
      const socket = track(await run<SocketInfo>('newUdpSocket', '127.0.0.1', Number(port), { role: 'connect' }));
      await run('send', socket.id, '70696e67', { encoding: 'hex' });
      const outcome = await peer.result;
      assert.equal(outcome.received, '70696e67');
      const reply = await waitFor('the reply', () => api.testing.services.engine.transcript(socket.id).entries().find((entry) => entry.kind === 'data' && entry.direction === 'in'));
      assert.equal(Buffer.from(reply.data ?? []).toString(), 'pong');
      assert.equal(reply.peer, `127.0.0.1:${port}`);
    } finally {
      peer.kill();
    }
  });

  it('sends a big payload completely through backpressure to a slow python reader', async function () {
    this.timeout(30_000);
    const peer = startPythonPeer('tcp-sink', { delay: 0.5, timeout: 25 }, 30_000);
    try {
      const port = await peer.ready;
      const client = track(await run<SocketInfo>('newTcpClient', '127.0.0.1', Number(port)));
      const payload = new Uint8Array(32 * 1024 * 1024).fill(0x5a);
      const result = await run<SendResult>('send', client.id, payload);
      assert.deepEqual(result, { bytesSent: payload.byteLength, targets: 1, cancelled: false });
      await run('close', client.id);
      assert.equal((await peer.result).total, payload.byteLength);
    } finally {
      peer.kill();
    }
  });

  it('refuses an invalid payload with the offset, and an invalid UDP target, sending nothing', async () => {
    const bound = track(await run<SocketInfo>('newUdpSocket', 'udp-listen://127.0.0.1:0', { name: 'udp-a' }));
    const badHex = await messageOf(api, () => run('send', bound.id, '48 6x', { encoding: 'hex' }));
    assert.equal(badHex, "The payload is not valid Hex: 'x' at offset 4.");
    const badTarget = await messageOf(api, () => run('send', bound.id, 'x', { target: '127.0.0.1:0' }));
    assert.equal(badTarget, "Port 0 cannot be a destination: port 0 only means 'any free port' when binding. Give the peer's port.");
    const noPeer = await messageOf(api, () => run('send', bound.id, 'x'));
    assert.equal(noPeer, 'udp-a: The UDP socket has no default peer: give a target host:port.');
    assert.equal(api.testing.services.engine.get(bound.id)?.stats.messagesOut, 0);
  });
});

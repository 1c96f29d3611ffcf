import * as assert from 'node:assert/strict';
import * as net from 'node:net';
import { SocketEngine } from '../../src/engine';
import { delay, firstConnection, nextEvent, portOf, receive, waitFor } from './helpers';

const families = [
  { name: 'IPv4', host: '127.0.0.1', bracketed: '127.0.0.1', domain: 'AF_INET' },
  { name: 'IPv6', host: '::1', bracketed: '[::1]', domain: 'AF_INET6' },
] as const;

describe('TCP sockets', () => {
  let engine: SocketEngine;
  beforeEach(() => {
    engine = new SocketEngine({ statsIntervalMs: 20 });
  });
  afterEach(async () => {
    await engine.dispose();
  });

  for (const family of families) {
    it(`round-trips exact bytes between an engine client and an engine server over ${family.name}`, async () => {
      const server = await engine.open(`tcp-listen://${family.bracketed}:0`);
      assert.equal(server.state, 'listening');
      assert.equal(server.kind, 'tcp-server');
      assert.deepEqual(server.triple, { domain: family.domain, type: 'SOCK_STREAM', protocol: 'IPPROTO_TCP' });
      assert.equal(server.local?.address, family.host);
      assert.ok(portOf(server) > 0, 'an ephemeral port is reported once bound');

      const client = await engine.open(`tcp://${family.bracketed}:${portOf(server)}`);
      assert.equal(client.state, 'open');
      assert.equal(client.remote?.port, portOf(server));
      const connection = await firstConnection(engine, server.id);
      assert.equal(connection.parentId, server.id);
      assert.equal(connection.kind, 'tcp-connection');
      assert.equal(connection.remote?.port, client.local?.port);

      const request = Buffer.from([0x00, 0xff, 0x0d, 0x0a, 0x48, 0x69]);
      await engine.send(client.id, request);
      assert.deepEqual(await receive(engine, connection.id, request.length), request);

      const reply = Buffer.from('pong\r\n');
      await engine.send(server.id, reply, { target: connection.id });
      assert.deepEqual(await receive(engine, client.id, reply.length), reply);

      const clientStats = engine.get(client.id)?.stats;
      assert.deepEqual(clientStats, { bytesIn: 6, bytesOut: 6, messagesIn: 1, messagesOut: 1 });
      const serverStats = engine.get(server.id)?.stats;
      assert.equal(serverStats?.bytesIn, 6, 'a server counts what its connections received');
      assert.equal(serverStats?.bytesOut, 6);
    });
  }

  it('records the conversation in the transcript with direction, peer and exact bytes', async () => {
    const server = await engine.open('tcp-listen://127.0.0.1:0');
    const client = await engine.open(`tcp://127.0.0.1:${portOf(server)}`);
    const connection = await firstConnection(engine, server.id);
    await engine.send(client.id, Buffer.from('hello'));
    await receive(engine, connection.id, 5);
    const clientEntries = engine.transcript(client.id).entries();
    assert.deepEqual(clientEntries.map((entry) => [entry.kind, entry.direction]), [['connect', undefined], ['data', 'out']]);
    const out = clientEntries[1];
    assert.equal(out.peer, `127.0.0.1:${portOf(server)}`);
    assert.equal(Buffer.from(out.data ?? []).toString(), 'hello');
    const serverEntries = engine.transcript(server.id).entries();
    assert.deepEqual(serverEntries.map((entry) => entry.kind), ['listen', 'accept', 'data']);
    assert.equal(serverEntries[1].socketId, connection.id);
    assert.equal(serverEntries[2].socketId, connection.id);
    assert.equal(serverEntries[2].peer, `127.0.0.1:${client.local?.port}`);
  });

  it('gives each accepted connection its own id, counters and transcript, and sends to all', async () => {
    const server = await engine.open('tcp-listen://127.0.0.1:0');
    const clients = [];
    for (let index = 0; index < 3; index++) {
      clients.push(await engine.open(`tcp://127.0.0.1:${portOf(server)}`));
    }
    await waitFor('3 connections', () => (engine.get(server.id)?.connections === 3 ? true : undefined));
    const connections = engine.connections(server.id);
    assert.deepEqual(connections.map((connection) => connection.id), [`${server.id}.1`, `${server.id}.2`, `${server.id}.3`]);
    assert.deepEqual(engine.connections(server.id, 1, 1).map((connection) => connection.id), [`${server.id}.2`]);

    const result = await engine.send(server.id, Buffer.from('all'));
    assert.equal(result.targets, 3);
    assert.equal(result.bytesSent, 9);
    for (const client of clients) {
      assert.equal((await receive(engine, client.id, 3)).toString(), 'all');
    }
    assert.equal(engine.get(connections[0].id)?.stats.bytesOut, 3);
    assert.equal(engine.get(server.id)?.stats.bytesOut, 9);
  });

  it('forgets a connection when its peer closes, and says so in the server transcript', async () => {
    const server = await engine.open('tcp-listen://127.0.0.1:0');
    const client = await engine.open(`tcp://127.0.0.1:${portOf(server)}`);
    const connection = await firstConnection(engine, server.id);
    const removed = nextEvent(engine.onDidRemove, 'removal', (event) => event.id === connection.id);
    await engine.close(client.id);
    assert.deepEqual(await removed, { id: connection.id, parentId: server.id });
    assert.equal(engine.get(connection.id), undefined);
    assert.equal(engine.get(server.id)?.connections, 0);
    assert.equal(engine.get(client.id)?.state, 'closed');
    const kinds = engine.transcript(server.id).entries().map((entry) => `${entry.kind}:${entry.code ?? ''}`);
    assert.deepEqual(kinds, ['listen:', 'accept:', 'info:FIN', 'close:']);
  });

  it('half-closes: the peer sees EOF and can still answer', async () => {
    const raw = net.createServer((socket) => {
      const chunks: Buffer[] = [];
      socket.on('data', (chunk) => chunks.push(chunk));
      socket.on('end', () => socket.end(Buffer.concat([Buffer.from('got:'), ...chunks])));
    });
    await new Promise<void>((resolve) => raw.listen(0, '127.0.0.1', resolve));
    try {
      const port = (raw.address() as net.AddressInfo).port;
      const client = await engine.open(`tcp://127.0.0.1:${port}`);
      await engine.send(client.id, Buffer.from('abc'));
      await engine.close(client.id, 'half');
      assert.equal(engine.get(client.id)?.state, 'half-closed');
      assert.equal((await receive(engine, client.id, 7)).toString(), 'got:abc');
      await waitFor('closed', () => (engine.get(client.id)?.state === 'closed' ? true : undefined));
    } finally {
      raw.close();
    }
  });

  it('resets: the peer sees ECONNRESET', async () => {
    const peerError = new Promise<string>((resolve, reject) => {
      const raw = net.createServer((socket) => {
        socket.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? ''));
        socket.on('close', () => raw.close());
      });
      const resetFromEngine = async (): Promise<void> => {
        const client = await engine.open(`tcp://127.0.0.1:${(raw.address() as net.AddressInfo).port}`);
        await delay(20);
        await engine.close(client.id, 'reset');
      };
      raw.listen(0, '127.0.0.1', () => {
        resetFromEngine().catch(reject);
      });
    });
    assert.equal(await peerError, 'ECONNRESET');
  });

  it('applies TCP_NODELAY and keepalive options and reports them', async () => {
    const server = await engine.open('tcp-listen://127.0.0.1:0?noDelay=1&keepAlive=1&keepAliveDelay=5000');
    const client = await engine.open(`tcp://127.0.0.1:${portOf(server)}?noDelay=1`);
    assert.deepEqual(client.options, { noDelay: true });
    assert.deepEqual(server.options, { noDelay: true, keepAlive: true, keepAliveDelay: 5000 });
  });

  it('coalesces counter updates: a flood of chunks produces few stats events', async () => {
    const server = await engine.open('tcp-listen://127.0.0.1:0');
    const client = await engine.open(`tcp://127.0.0.1:${portOf(server)}`);
    const connection = await firstConnection(engine, server.id);
    let statsEvents = 0;
    const subscription = engine.onDidChangeStats(() => statsEvents++);
    const started = Date.now();
    for (let index = 0; index < 2000; index++) {
      await engine.send(client.id, Buffer.alloc(64, index % 256));
    }
    await receive(engine, connection.id, 2000 * 64);
    await delay(50);
    const elapsed = Date.now() - started + 50;
    subscription.dispose();
    assert.ok(statsEvents <= Math.ceil(elapsed / 20) + 2, `${statsEvents} stats events in ${elapsed} ms at a 20 ms interval`);
    assert.ok(statsEvents >= 1);
    assert.equal(engine.get(connection.id)?.stats.bytesIn, 128_000);
  });

  it('names a socket again in the next stats event when its counters move after one', async () => {
    const server = await engine.open('tcp-listen://127.0.0.1:0');
    const client = await engine.open(`tcp://127.0.0.1:${portOf(server)}`);
    const connection = await firstConnection(engine, server.id);
    const statsOf = (bytes: number) => nextEvent(engine.onDidChangeStats, `a stats event with ${bytes} bytes in`, (changes) => changes.some((change) => change.id === connection.id && change.stats.bytesIn === bytes));
    const first = statsOf(5);
    await engine.send(client.id, Buffer.from('hello'));
    const [change] = (await first).filter((candidate) => candidate.id === connection.id);
    assert.deepEqual(change, { id: connection.id, parentId: server.id, stats: { bytesIn: 5, bytesOut: 0, messagesIn: 1, messagesOut: 0 } });
    const second = statsOf(8);
    await engine.send(client.id, Buffer.from('abc'));
    await second;
  });

  it('reopens a closed client with the same id and keeps its transcript', async () => {
    const server = await engine.open('tcp-listen://127.0.0.1:0');
    const client = await engine.open(`tcp://127.0.0.1:${portOf(server)}`, { name: 'probe' });
    await engine.close(client.id);
    const reopened = await engine.reopen(client.id);
    assert.equal(reopened.id, client.id);
    assert.equal(reopened.name, 'probe');
    assert.equal(reopened.state, 'open');
    // The server answers our FIN with its own before the socket closes.
    const kinds = engine.transcript(client.id).entries().map((entry) => `${entry.kind}:${entry.code ?? ''}`);
    assert.deepEqual(kinds, ['connect:', 'info:FIN', 'close:', 'connect:']);
  });
});

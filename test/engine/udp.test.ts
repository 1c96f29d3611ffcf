import * as assert from 'node:assert/strict';
import { EngineError, SocketEngine, type EngineErrorCode, type SocketInfo, type TranscriptEntry } from '../../src/engine';
import { delay, portOf, waitFor } from './helpers';
import { startPythonPeer } from './peers/python';

const families = [
  { name: 'IPv4', host: '127.0.0.1', bracketed: '127.0.0.1', family: 'IPv4', domain: 'AF_INET' },
  { name: 'IPv6', host: '::1', bracketed: '[::1]', family: 'IPv6', domain: 'AF_INET6' },
] as const;

/** Runs `action`, expects an EngineError with this code, and returns it. */
async function expectEngineError(action: () => Promise<unknown>, code: EngineErrorCode): Promise<EngineError> {
  try {
    await action();
  } catch (error) {
    assert.ok(error instanceof EngineError, `expected an EngineError, got ${String(error)}`);
    assert.equal(error.code, code, `expected ${code}, got ${error.code}: ${error.message}`);
    return error;
  }
  assert.fail(`expected ${code}, but it succeeded`);
}

/** The datagrams a socket has received, oldest first. */
function datagramsIn(engine: SocketEngine, id: string): TranscriptEntry[] {
  return engine
    .transcript(id)
    .entries()
    .filter((entry) => entry.kind === 'data' && entry.direction === 'in');
}

/** Waits until a socket has received `count` datagrams, then returns all it has received. */
async function datagrams(engine: SocketEngine, id: string, count: number): Promise<TranscriptEntry[]> {
  await waitFor(`${count} datagrams on ${id}`, () => ((engine.get(id)?.stats.messagesIn ?? 0) >= count ? true : undefined));
  return datagramsIn(engine, id);
}

function bytesOf(entry: TranscriptEntry): Buffer {
  return Buffer.from(entry.data ?? new Uint8Array());
}

describe('UDP sockets', () => {
  let engine: SocketEngine;
  beforeEach(() => {
    engine = new SocketEngine({ statsIntervalMs: 20 });
  });
  afterEach(async () => {
    await engine.dispose();
  });

  for (const family of families) {
    it(`round-trips exact bytes between udp-listen and a udp:// client over ${family.name}, recording the sender`, async () => {
      const receiver = await engine.open(`udp-listen://${family.bracketed}:0`);
      assert.equal(receiver.kind, 'udp');
      assert.equal(receiver.state, 'open');
      assert.deepEqual(receiver.triple, { domain: family.domain, type: 'SOCK_DGRAM', protocol: 'IPPROTO_UDP' });
      assert.equal(receiver.local?.family, family.family);
      assert.equal(receiver.local?.address, family.host);
      assert.equal(receiver.defaultTarget, undefined);
      assert.deepEqual(receiver.peers, []);
      const receiverPort = portOf(receiver);

      const client = await engine.open(`udp://${family.bracketed}:${receiverPort}`);
      assert.deepEqual(client.defaultTarget, { family: family.family, address: family.host, port: receiverPort });
      assert.equal(client.local?.address, family.host, 'a loopback client binds loopback, not every interface');
      const clientPort = portOf(client);
      assert.notEqual(clientPort, receiverPort);

      const before = Date.now();
      const request = Buffer.from([0x00, 0xff, 0x0d, 0x0a, 0x70, 0x69, 0x6e, 0x67]);
      assert.deepEqual(await engine.send(client.id, request), { bytesSent: 8, targets: 1, cancelled: false });
      const [arrived] = await datagrams(engine, receiver.id, 1);
      assert.deepEqual(bytesOf(arrived), request);
      assert.equal(arrived.length, 8);
      assert.equal(arrived.peer, `${family.bracketed}:${clientPort}`, 'the receiver records the sender, not itself');

      const [peer] = engine.get(receiver.id)?.peers ?? [];
      assert.deepEqual(peer, { address: { family: family.family, address: family.host, port: clientPort }, messages: 1, bytes: 8, lastSeen: peer.lastSeen });
      assert.ok(peer.lastSeen >= before && peer.lastSeen <= Date.now());

      const reply = Buffer.from('pong\r\n\x00');
      const replied = await engine.send(receiver.id, reply, { target: `${family.bracketed}:${clientPort}` });
      assert.deepEqual(replied, { bytesSent: 7, targets: 1, cancelled: false });
      const [back] = await datagrams(engine, client.id, 1);
      assert.deepEqual(bytesOf(back), reply);
      assert.equal(back.peer, `${family.bracketed}:${receiverPort}`);
      assert.deepEqual(
        engine.get(client.id)?.peers.map((known) => [known.address, known.messages, known.bytes]),
        [[{ family: family.family, address: family.host, port: receiverPort }, 1, 7]],
      );

      await engine.send(client.id, Buffer.from('again'));
      await datagrams(engine, receiver.id, 2);
      const receiverInfo = engine.get(receiver.id) as SocketInfo;
      assert.deepEqual(receiverInfo.peers.map((known) => [known.address.port, known.messages, known.bytes]), [[clientPort, 2, 13]]);
      assert.deepEqual(receiverInfo.stats, { bytesIn: 13, bytesOut: 7, messagesIn: 2, messagesOut: 1 });
      assert.deepEqual(engine.get(client.id)?.stats, { bytesIn: 7, bytesOut: 13, messagesIn: 1, messagesOut: 2 });
      const clientEntries = engine.transcript(client.id).entries();
      assert.deepEqual(
        clientEntries.map((entry) => [entry.kind, entry.direction, entry.peer, entry.length]),
        [
          ['listen', undefined, undefined, 0],
          ['data', 'out', `${family.bracketed}:${receiverPort}`, 8],
          ['data', 'in', `${family.bracketed}:${receiverPort}`, 7],
          ['data', 'out', `${family.bracketed}:${receiverPort}`, 5],
        ],
      );
      assert.equal(clientEntries[0].detail, `${family.bracketed}:${clientPort}`);
    });
  }

  it('a udp-listen socket has no default peer: a send without a target is NO_TARGET, and nothing is sent', async () => {
    const socket = await engine.open('udp-listen://127.0.0.1:0');
    const error = await expectEngineError(() => engine.send(socket.id, Buffer.from('x')), 'NO_TARGET');
    assert.equal(error.message, `UDP socket ${socket.id} has no default peer: give a target host:port`);
    assert.equal(error.socketId, socket.id);
    assert.equal(engine.get(socket.id)?.state, 'open');
    assert.equal(engine.get(socket.id)?.stats.messagesOut, 0);
  });

  it('an explicit target overrides the default peer: 127.0.0.1:PORT, localhost:PORT, [::1]:PORT', async () => {
    const target = await engine.open('udp-listen://127.0.0.1:0');
    const defaultPeer = await engine.open('udp-listen://127.0.0.1:0');
    const client = await engine.open(`udp://127.0.0.1:${portOf(defaultPeer)}`);

    await engine.send(client.id, Buffer.from('dotted'), { target: `127.0.0.1:${portOf(target)}` });
    await engine.send(client.id, Buffer.from('named'), { target: `localhost:${portOf(target)}` });
    const arrived = await datagrams(engine, target.id, 2);
    assert.deepEqual(arrived.map((entry) => [bytesOf(entry).toString(), entry.peer]), [
      ['dotted', `127.0.0.1:${portOf(client)}`],
      ['named', `127.0.0.1:${portOf(client)}`],
    ]);
    // The out entries name the resolved address, so `localhost` shows what it meant.
    const out = engine.transcript(client.id).entries().filter((entry) => entry.direction === 'out');
    assert.deepEqual(out.map((entry) => entry.peer), [`127.0.0.1:${portOf(target)}`, `127.0.0.1:${portOf(target)}`]);
    await delay(20);
    assert.equal(engine.get(defaultPeer.id)?.stats.messagesIn, 0, 'the default peer got nothing');

    const target6 = await engine.open('udp-listen://[::1]:0');
    const sender6 = await engine.open('udp-listen://[::1]:0');
    await engine.send(sender6.id, Buffer.from([0x36]), { target: `[::1]:${portOf(target6)}` });
    const [six] = await datagrams(engine, target6.id, 1);
    assert.deepEqual(bytesOf(six), Buffer.from([0x36]));
    assert.equal(six.peer, `[::1]:${portOf(sender6)}`);
  });

  it('resolves service names per protocol: openvpn is 1194/udp in a listen spec and in a target; http is TCP only', async function () {
    let receiver: SocketInfo;
    try {
      receiver = await engine.open('udp-listen://127.0.0.1:openvpn');
    } catch (error) {
      if (error instanceof EngineError && (error.code === 'EADDRINUSE' || error.code === 'EACCES')) {
        console.log(`      skipped: 127.0.0.1:1194/udp is not available here (${error.code})`);
        this.skip();
      }
      throw error;
    }
    assert.equal(receiver.spec, 'udp-listen://127.0.0.1:openvpn');
    assert.equal(portOf(receiver), 1194);
    const sender = await engine.open('udp-listen://127.0.0.1:0');
    await engine.send(sender.id, Buffer.from('svc'), { target: '127.0.0.1:openvpn' });
    const [arrived] = await datagrams(engine, receiver.id, 1);
    assert.equal(bytesOf(arrived).toString(), 'svc');
    assert.equal(engine.transcript(sender.id).entries()[1].peer, '127.0.0.1:1194');

    const error = await expectEngineError(() => engine.send(sender.id, Buffer.from('x'), { target: '127.0.0.1:http' }), 'SERVICE_UNKNOWN');
    assert.equal(error.message, "unknown udp service 'http'");
    assert.deepEqual(error.data, { reason: 'service-unknown', service: 'http', protocol: 'udp' });
  });

  it('refuses a target of the other family with EINVAL, sends nothing, and stays open', async () => {
    const socket4 = await engine.open('udp-listen://127.0.0.1:0');
    const error4 = await expectEngineError(() => engine.send(socket4.id, Buffer.from('x'), { target: '[::1]:9' }), 'EINVAL');
    assert.equal(error4.message, '[::1]:9 has no IPv4 address; this socket is IPv4');
    assert.deepEqual(error4.data, { reason: 'target-family', target: '[::1]:9', family: 4 });
    assert.equal(error4.socketId, socket4.id);

    const socket6 = await engine.open('udp-listen://[::1]:0');
    const error6 = await expectEngineError(() => engine.send(socket6.id, Buffer.from('x'), { target: '127.0.0.1:9' }), 'EINVAL');
    assert.equal(error6.message, '127.0.0.1:9 has no IPv6 address; this socket is IPv6');
    assert.deepEqual(error6.data, { reason: 'target-family', target: '127.0.0.1:9', family: 6 });

    for (const socket of [socket4, socket6]) {
      const info = engine.get(socket.id) as SocketInfo;
      assert.equal(info.state, 'open');
      assert.equal(info.stats.messagesOut, 0);
      assert.deepEqual(engine.transcript(socket.id).entries().map((entry) => entry.kind), ['listen']);
    }
  });

  it("'<broadcast>' as a TCP host is a spec error, and creates no socket", async () => {
    for (const spec of ['tcp://<broadcast>:80', 'tcp-listen://<broadcast>:8080', 'tcp4://<broadcast>:80']) {
      const error = await expectEngineError(() => engine.open(spec), 'BROADCAST_NEEDS_UDP');
      assert.equal(error.message, "'<broadcast>' needs UDP");
      assert.deepEqual(error.data, { reason: 'broadcast-needs-udp', host: '<broadcast>', transport: 'tcp' });
      assert.equal(error.socketId, undefined);
    }
    assert.deepEqual(engine.list(), []);
  });

  for (const family of families) {
    it(`applies ttl on ${family.name} (the peer reads it from IP_RECVTTL/IPV6_RECVHOPLIMIT) and accepts the multicast options on loopback`, async () => {
      const peer = startPythonPeer('udp-ttl', { family: family.name === 'IPv6' ? 6 : 4, host: family.host });
      try {
        const port = Number(await peer.ready);
        const client = await engine.open(`udp://${family.bracketed}:${port}?ttl=7&multicastTtl=0&multicastLoopback=0`);
        assert.deepEqual(client.options, { ttl: 7, multicastTtl: 0, multicastLoopback: false });
        assert.equal(client.spec, `udp://${family.bracketed}:${port}?ttl=7&multicastTtl=0&multicastLoopback=0`);
        await engine.send(client.id, Buffer.from([0x00, 0xff, 0x0d, 0x0a]));
        assert.deepEqual(await peer.result, { received: '00ff0d0a', peer: [family.host, portOf(client)], ttl: 7 });
      } finally {
        peer.kill();
      }
    });
  }

  it('reports the socket(2) triple AF_INET/AF_INET6, SOCK_DGRAM, IPPROTO_UDP', async () => {
    const expected = (domain: string): unknown => ({ domain, type: 'SOCK_DGRAM', protocol: 'IPPROTO_UDP' });
    assert.deepEqual((await engine.open('udp-listen://127.0.0.1:0')).triple, expected('AF_INET'));
    assert.deepEqual((await engine.open('udp-listen://[::1]:0')).triple, expected('AF_INET6'));
    assert.deepEqual((await engine.open('udp6-listen://[::1]:0')).triple, expected('AF_INET6'));
    assert.deepEqual((await engine.open('udp://127.0.0.1:9')).triple, expected('AF_INET'));
    assert.deepEqual((await engine.open('udp://[::1]:9')).triple, expected('AF_INET6'));
    // Before it opens, a socket's triple comes from its spec.
    assert.deepEqual(engine.add('udp6://[::1]:9').triple, expected('AF_INET6'));
    assert.deepEqual(engine.add('udp4://127.0.0.1:9').triple, expected('AF_INET'));
  });

  it('keeps the 32 most recent senders, most recent first', async () => {
    const receiver = await engine.open('udp-listen://127.0.0.1:0');
    const senders: SocketInfo[] = [];
    for (let index = 0; index < 33; index++) {
      const sender = await engine.open(`udp://127.0.0.1:${portOf(receiver)}`);
      senders.push(sender);
      await engine.send(sender.id, Buffer.from([index]));
      // One at a time, so the arrival order is the send order.
      await datagrams(engine, receiver.id, index + 1);
    }
    const portsOf = (): number[] => (engine.get(receiver.id)?.peers ?? []).map((peer) => peer.address.port ?? -1);
    let peers = engine.get(receiver.id)?.peers ?? [];
    assert.equal(peers.length, 32);
    assert.deepEqual(portsOf(), senders.slice(1).reverse().map(portOf), 'the first sender was dropped');
    assert.ok(peers.every((peer) => peer.messages === 1 && peer.bytes === 1));

    // A known sender moves to the front and keeps counting.
    await engine.send(senders[5].id, Buffer.from('ab'));
    await datagrams(engine, receiver.id, 34);
    peers = engine.get(receiver.id)?.peers ?? [];
    assert.equal(peers.length, 32);
    assert.deepEqual([peers[0].address.port, peers[0].messages, peers[0].bytes], [portOf(senders[5]), 2, 3]);
    // A peer's last-seen time is its last datagram's entry time (one clock read for both), and a PeerInfo has exactly its four fields.
    assert.equal(peers[0].lastSeen, engine.transcript(receiver.id).entries().at(-1)?.time);
    assert.deepEqual(Object.keys(peers[0]).sort(), ['address', 'bytes', 'lastSeen', 'messages']);

    // The forgotten first sender comes back as new, and pushes out the oldest one left (the second).
    await engine.send(senders[0].id, Buffer.from('c'));
    await datagrams(engine, receiver.id, 35);
    peers = engine.get(receiver.id)?.peers ?? [];
    assert.equal(peers.length, 32);
    assert.deepEqual([peers[0].address.port, peers[0].messages, peers[0].bytes], [portOf(senders[0]), 1, 1]);
    assert.equal(portsOf().includes(portOf(senders[1])), false);
    assert.equal(peers[31].address.port, portOf(senders[2]));
  });

  it('sends and receives an empty datagram', async () => {
    const receiver = await engine.open('udp-listen://127.0.0.1:0');
    const client = await engine.open(`udp://127.0.0.1:${portOf(receiver)}`);
    const progress: Array<[number, number]> = [];
    const result = await engine.send(client.id, new Uint8Array(0), { onProgress: ({ sent, total }) => progress.push([sent, total]) });
    assert.deepEqual(result, { bytesSent: 0, targets: 1, cancelled: false });
    assert.deepEqual(progress, [[0, 0]]);
    const [arrived] = await datagrams(engine, receiver.id, 1);
    assert.equal(arrived.length, 0);
    assert.equal(arrived.peer, `127.0.0.1:${portOf(client)}`);
    assert.deepEqual(engine.get(receiver.id)?.stats, { bytesIn: 0, bytesOut: 0, messagesIn: 1, messagesOut: 0 });
    assert.deepEqual(engine.get(receiver.id)?.peers.map((peer) => [peer.messages, peer.bytes]), [[1, 0]]);
  });

  it('sends to addresses it resolved without asking dns.lookup again per datagram', async () => {
    // The module object itself (an import gives a namespace copy whose properties cannot be set).
    // dgram takes dns.lookup when a socket is created, so the counting wrapper goes in first.
    const dns = process.getBuiltinModule('node:dns');
    const original = dns.lookup;
    const asked: string[] = [];
    let counting = false;
    // A counting wrapper, not a fake: every call still reaches the real dns.lookup.
    dns.lookup = ((...args: Parameters<typeof dns.lookup>) => {
      if (counting) {
        asked.push(String(args[0]));
      }
      return Reflect.apply(original, dns, args) as ReturnType<typeof dns.lookup>;
    }) as typeof dns.lookup;
    try {
      const receiver = await engine.open('udp-listen://127.0.0.1:0');
      const client = await engine.open(`udp://localhost:${portOf(receiver)}?family=4`);
      counting = true;
      for (let index = 0; index < 20; index++) {
        await engine.send(client.id, Buffer.from([index]));
        await engine.send(client.id, Buffer.from([100 + index]), { target: `localhost:${portOf(receiver)}` });
      }
      const arrived = await datagrams(engine, receiver.id, 40);
      assert.deepEqual(arrived.map((entry) => bytesOf(entry)[0]).sort((left, right) => left - right), [...Array(20).keys(), ...Array.from({ length: 20 }, (_, index) => 100 + index)]);
    } finally {
      dns.lookup = original;
    }
    assert.deepEqual(asked, [], 'the default peer and the cached target were resolved once, at open and at the first send');
  });
});

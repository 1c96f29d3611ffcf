import * as assert from 'node:assert/strict';
import * as net from 'node:net';
import { SocketEngine } from '../../src/engine';
import { firstConnection, portOf } from './helpers';

/** Connects a plain net client (not the engine), so the engine holds one side only. */
function netClient(host: string, port: number): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host, port }, () => resolve(socket));
    socket.once('error', reject);
  });
}

// An accepted connection keeps its peer as one label and derives its spec and Address when asked:
// what info() reports must be exactly what it reported when they were stored.
describe('accepted connections: spec, peer and options', () => {
  let engine: SocketEngine;
  const peers: net.Socket[] = [];
  beforeEach(() => {
    engine = new SocketEngine();
  });
  afterEach(async () => {
    for (const peer of peers.splice(0)) {
      peer.destroy();
    }
    await engine.dispose();
  });

  for (const family of [
    { name: 'IPv4', listen: '127.0.0.1', host: '127.0.0.1', family: 'IPv4', text: (port: number) => `127.0.0.1:${port}` },
    { name: 'IPv6', listen: '[::1]', host: '::1', family: 'IPv6', text: (port: number) => `[::1]:${port}` },
  ] as const) {
    it(`reports the peer's spec, Address and label over ${family.name}, with the server's options and no query`, async () => {
      const server = await engine.open(`tcp-listen://${family.listen}:0?noDelay=1&keepAlive=1`);
      const peer = await netClient(family.host, portOf(server));
      peers.push(peer);
      const connection = await firstConnection(engine, server.id);
      const peerPort = peer.localPort ?? 0;
      assert.equal(connection.spec, `tcp://${family.text(peerPort)}`);
      assert.equal(JSON.stringify(connection.remote), JSON.stringify({ address: family.host, family: family.family, port: peerPort }));
      assert.deepEqual(connection.options, engine.get(server.id)?.options);
      assert.equal(connection.options.noDelay, true);
      assert.equal(connection.triple.domain, family.name === 'IPv4' ? 'AF_INET' : 'AF_INET6');
      peer.write('x');
      const entry = await new Promise<string | undefined>((resolve) => {
        const subscription = engine.onData(({ socketId, entry: data }) => {
          if (socketId === connection.id) {
            subscription.dispose();
            resolve(data.peer);
          }
        });
      });
      assert.equal(entry, family.text(peerPort));
      const [accept] = engine.transcript(connection.id).entries();
      assert.deepEqual([accept.kind, accept.peer, accept.seq], ['accept', family.text(peerPort), 0]);
      const serverAccept = engine.transcript(server.id).entries().find((candidate) => candidate.kind === 'accept');
      assert.deepEqual([accept.time, accept.mono, accept.detail], [serverAccept?.time, serverAccept?.mono, serverAccept?.detail]);
    });
  }
});

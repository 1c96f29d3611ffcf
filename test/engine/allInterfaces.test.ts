/**
 * The engine asks its owner before a listener binds every interface, with the address it resolved
 * and is about to bind: every spelling of 0.0.0.0 and ::, the IPv4-mapped ::ffff:0.0.0.0, and
 * names that resolve to one (the lookup is injected). Declined, nothing is bound and the socket
 * stays closed. Nothing here binds anything but loopback.
 */
import * as assert from 'node:assert/strict';
import * as dgram from 'node:dgram';
import * as net from 'node:net';
import { EngineError, SocketEngine, isAllInterfacesAddress, type BindRequest } from '../../src/engine';
import type { LookupFunction } from '../../src/engine/resolve';
import { bindsAllInterfaces, parseSpec } from '../../src/engine/spec';

const NAMES: Readonly<Record<string, { address: string; family: number }>> = {
  'any4.test': { address: '0.0.0.0', family: 4 },
  'any6.test': { address: '::', family: 6 },
  'mapped.test': { address: '::ffff:0.0.0.0', family: 6 },
  'spelled.test': { address: '0:0:0:0:0:0:0:0', family: 6 },
  'loop.test': { address: '127.0.0.1', family: 4 },
};
const lookup: LookupFunction = async (hostname) => {
  const answer = NAMES[hostname];
  if (answer === undefined) {
    throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
  }
  return [answer];
};

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Nothing accepts TCP on 127.0.0.1:port, and the UDP port is free there. */
async function nothingBound(port: number): Promise<boolean> {
  const tcp = await new Promise<boolean>((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(true));
  });
  const udp = await new Promise<boolean>((resolve) => {
    const socket = dgram.createSocket('udp4');
    socket.once('error', () => {
      socket.close();
      resolve(false);
    });
    socket.bind(port, '127.0.0.1', () => {
      socket.close();
      resolve(true);
    });
  });
  return tcp && udp;
}

describe('all interfaces: decided on the resolved address', () => {
  it('isAllInterfacesAddress knows every spelling, and nothing else', () => {
    for (const address of ['0.0.0.0', '::', '::0', '0::0', '0:0:0:0:0:0:0:0', '::ffff:0.0.0.0', '::ffff:0:0', '::0.0.0.0', '::%lo']) {
      assert.equal(isAllInterfacesAddress(address), true, address);
    }
    for (const address of ['127.0.0.1', '::1', '::ffff:127.0.0.1', '::ffff:0.0.0.1', '::ffff:0:0:0', '1::', '255.255.255.255', '0.0.0.1', 'localhost', '']) {
      assert.equal(isAllInterfacesAddress(address), false, address);
    }
  });

  it('bindsAllInterfaces (the literal check for labels) covers the same spellings', () => {
    for (const text of ['tcp-listen://:1', 'tcp-listen://0:1', 'tcp-listen://0.0.0.0:1', 'tcp-listen://[::]:1', 'tcp-listen://[::0]:1', 'tcp-listen://[::ffff:0.0.0.0]:1', 'tcp-listen://[0:0:0:0:0:0:0:0]:1', 'udp-listen://[::ffff:0:0]:1', 'tcp6-listen://:1']) {
      assert.equal(bindsAllInterfaces(parseSpec(text)), true, text);
    }
    for (const text of ['tcp-listen://127.0.0.1:1', 'tcp-listen://[::ffff:127.0.0.1]:1', 'tcp://0.0.0.0:1', 'udp://0.0.0.0:1', 'tcp-listen://any4.test:1']) {
      assert.equal(bindsAllInterfaces(parseSpec(text)), false, text);
    }
  });

  let engine: SocketEngine;
  const asked: BindRequest[] = [];
  beforeEach(() => {
    asked.length = 0;
    engine = new SocketEngine({ lookup, confirmAllInterfaces: (request) => {
      asked.push(request);
      return Promise.resolve(false);
    } });
  });
  afterEach(() => engine.dispose());

  const cases: ReadonlyArray<readonly [string, string]> = [
    ['tcp-listen://:PORT', '0.0.0.0'],
    ['tcp-listen://0:PORT', '0.0.0.0'],
    ['tcp-listen://0.0.0.0:PORT', '0.0.0.0'],
    ['tcp-listen://[::]:PORT', '::'],
    ['tcp-listen://[::0]:PORT', '::0'],
    ['tcp-listen://[::ffff:0.0.0.0]:PORT', '::ffff:0.0.0.0'],
    ['tcp-listen://[0:0:0:0:0:0:0:0]:PORT', '0:0:0:0:0:0:0:0'],
    ['tcp6-listen://:PORT', '::'],
    ['tcp-listen://any4.test:PORT', '0.0.0.0'],
    ['tcp-listen://any6.test:PORT', '::'],
    ['tcp-listen://mapped.test:PORT', '::ffff:0.0.0.0'],
    ['tcp-listen://spelled.test:PORT', '0:0:0:0:0:0:0:0'],
    ['udp-listen://:PORT', '0.0.0.0'],
    ['udp-listen://[::ffff:0.0.0.0]:PORT', '::ffff:0.0.0.0'],
    ['udp-listen://mapped.test:PORT', '::ffff:0.0.0.0'],
  ];
  for (const [template, address] of cases) {
    it(`${template} asks with ${address}; declined, it stays closed and binds nothing`, async () => {
      const port = await freePort();
      const spec = template.replace('PORT', String(port));
      const error = await engine.open(spec).then(() => assert.fail('opened'), (failure: unknown) => failure);
      assert.ok(error instanceof EngineError);
      assert.equal(error.code, 'CANCELLED');
      const info = engine.list()[0];
      assert.deepEqual(asked, [{ id: info.id, name: undefined, spec: info.spec, address, port }]);
      assert.deepEqual(error.data, { reason: 'all-interfaces-declined', spec: info.spec, address });
      assert.equal(error.socketId, info.id);
      assert.equal(info.state, 'closed');
      assert.equal(info.error, undefined, 'declining is not a failure');
      assert.deepEqual(engine.transcript(info.id).entries().map((entry) => `${entry.kind}:${entry.code ?? ''}`), ['info:BIND_DECLINED']);
      assert.equal(await nothingBound(port), true);
      // Reopen asks again.
      await assert.rejects(engine.reopen(info.id), (failure: unknown) => failure instanceof EngineError && failure.code === 'CANCELLED');
      assert.equal(asked.length, 2);
    });
  }

  it('loopback, names resolving to loopback, and clients are not asked about', async () => {
    for (const spec of ['tcp-listen://127.0.0.1:0', 'tcp-listen://[::ffff:127.0.0.1]:0', 'tcp-listen://loop.test:0', 'udp-listen://127.0.0.1:0', 'udp://127.0.0.1:9']) {
      const info = await engine.open(spec);
      assert.notEqual(info.state, 'error', spec);
    }
    assert.deepEqual(asked, []);
  });

  it('the engine waits for the answer before binding, with the socket opening meanwhile', async () => {
    const order: string[] = [];
    const confirming = new SocketEngine({ lookup, confirmAllInterfaces: async (request) => {
      order.push(`asked ${request.address}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
      order.push('answered');
      return false;
    } });
    try {
      confirming.onDidChange((info) => order.push(info.state));
      await confirming.open('tcp-listen://mapped.test:0').catch(() => undefined);
      assert.deepEqual(order, ['opening', 'asked ::ffff:0.0.0.0', 'answered', 'closed']);
    } finally {
      await confirming.dispose();
    }
  });
});

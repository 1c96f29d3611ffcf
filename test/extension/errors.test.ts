/**
 * Failures through the commands: each one is a clear, localized message (services.recorder.shownMessages,
 * since the test workbench hides toasts), a failed socket stays listed in `error` state ready to
 * Reopen, and the extension keeps working afterwards.
 */
import * as assert from 'node:assert/strict';
import type { SocketInfo } from '../../src/engine';
import type { ActivatedApi } from '../../src/extension';
import { startPythonPeer } from '../engine/peers/python';
import { activate, freePort, messageOf, nodeClient, portOf, removeAll, run } from './commandsHelpers';

describe('errors through the commands', () => {
  let api: ActivatedApi;
  const opened: string[] = [];
  const engine = (): ActivatedApi['testing']['services']['engine'] => api.testing.services.engine;

  before(async () => {
    api = await activate();
  });

  afterEach(async () => {
    await removeAll(api, opened.splice(0));
  });

  /** The ids of sockets created while `work` ran. */
  async function created(work: () => Promise<unknown>): Promise<string[]> {
    const before = new Set(engine().list().map((info) => info.id));
    await work();
    const added = engine().list().map((info) => info.id).filter((id) => !before.has(id));
    opened.push(...added);
    return added;
  }

  it('EADDRINUSE: a clear message, the socket stays in error state, and Reopen works once the port is free', async () => {
    const first = await run<SocketInfo>('newTcpServer', '127.0.0.1', 0);
    opened.push(first.id);
    const port = portOf(first);
    let message = '';
    const [failedId] = await created(async () => {
      message = await messageOf(api, async () => assert.equal(await run('open', `tcp-listen://127.0.0.1:${port}`), undefined));
    });
    assert.equal(message, `127.0.0.1:${port} is already in use by another socket (EADDRINUSE).`);
    const failed = engine().get(failedId);
    assert.equal(failed?.state, 'error');
    assert.equal(failed?.error?.code, 'EADDRINUSE');

    await run('close', first.id);
    const reopened = await run<SocketInfo>('reopen', failedId);
    assert.equal(reopened.state, 'listening');
    assert.equal(portOf(reopened), port);
  });

  it('ECONNREFUSED: a clear message and a client in error state', async () => {
    const port = await freePort();
    let message = '';
    const [failedId] = await created(async () => {
      message = await messageOf(api, () => run('newTcpClient', `tcp://127.0.0.1:${port}`));
    });
    assert.equal(message, `Connection refused by 127.0.0.1:${port}: nothing is listening there (ECONNREFUSED).`);
    assert.equal(engine().get(failedId)?.state, 'error');
    assert.equal(engine().get(failedId)?.error?.code, 'ECONNREFUSED');
  });

  it('ETIMEDOUT: a connect that gets no answer times out with the time in the message', async function () {
    this.timeout(15_000);
    const peer = startPythonPeer('tcp-blackhole', { timeout: 5 });
    try {
      const port = await peer.ready;
      const message = await messageOf(api, async () => {
        await created(() => run('open', `tcp://127.0.0.1:${port}?timeout=300`));
      });
      assert.equal(message, `Connecting to 127.0.0.1:${port} timed out after 300 ms (ETIMEDOUT).`);
    } finally {
      peer.kill();
    }
  });

  it('a bad spec names the bad part and creates no socket', async () => {
    const added = await created(async () => {
      assert.equal(await messageOf(api, () => run('open', 'tcp://127.0.0.1:70000')), 'Port 70000 is out of range 0–65535.');
      assert.equal(
        await messageOf(api, () => run('open', 'tcp://300.1.2.3:80')),
        "Host '300.1.2.3' is not a valid IPv4 address: write four numbers 0–255 without leading zeros, like 127.0.0.1.",
      );
      assert.equal(
        await messageOf(api, () => run('open', 'sctp://127.0.0.1:80')),
        "Unknown scheme 'sctp': use tcp, tcp-listen, udp, udp-listen, unix, unix-listen, unix-dgram, unix-dgram-listen, tls, tls-listen; tcp4, tcp6, udp4 and udp6 choose the IP family.",
      );
      assert.equal(await messageOf(api, () => run('newTcpServer', '127.0.0.1', 'nosuchservice')), "No TCP service is named 'nosuchservice' in the services database.");
      assert.equal(await messageOf(api, () => run('newTcpClient', '127.0.0.1')), "'127.0.0.1' has no port: write HOST:PORT, e.g. localhost:8080.");
    });
    assert.deepEqual(added, []);
  });

  it('actions on unknown or unfit sockets say so', async () => {
    assert.equal(await messageOf(api, () => run('close', 's9999')), "There is no socket with id 's9999'.");
    // A tree node whose socket is gone (a stale selection) is dropped quietly: ids never reach the user.
    const before = api.testing.services.recorder.shownMessages.length;
    assert.equal(await run('send', { socketId: 's9999' }, 'x'), undefined);
    assert.deepEqual(api.testing.services.recorder.shownMessages.slice(before), []);
    const server = await run<SocketInfo>('newTcpServer', '127.0.0.1', 0, { name: 'lonely' });
    opened.push(server.id);
    assert.equal(await messageOf(api, () => run('send', server.id, 'x')), 'lonely: The server has no open connection to send to: wait for a client to connect.');
    await run('close', server.id);
    assert.equal(await messageOf(api, () => run('send', server.id, 'x')), 'lonely: The socket is closed, not open.');
  });

  it('the extension keeps working after the failures', async () => {
    const server = await run<SocketInfo>('newTcpServer', '127.0.0.1', 0);
    opened.push(server.id);
    assert.equal(server.state, 'listening');
    const client = await nodeClient(portOf(server));
    client.socket.destroy();
  });
});

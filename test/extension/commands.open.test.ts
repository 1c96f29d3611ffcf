/**
 * The open commands run by id with their arguments (no prompts): each kind of socket, each argument
 * form, checked against real peers on loopback.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { SocketInfo } from '../../src/engine';
import type { ActivatedApi } from '../../src/extension';
import { activate, messageOf, nodeClient, nodeServer, portOf, removeAll, run, tempDirectory, waitFor } from './commandsHelpers';

describe('commands: open (with arguments)', () => {
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

  it('open: a tcp-listen spec listens on loopback and returns the SocketInfo', async () => {
    const info = track(await run<SocketInfo>('open', 'tcp-listen://127.0.0.1:0'));
    assert.equal(info.kind, 'tcp-server');
    assert.equal(info.state, 'listening');
    assert.equal(info.spec, 'tcp-listen://127.0.0.1:0');
    assert.equal(info.local?.address, '127.0.0.1');
    const client = await nodeClient(portOf(info));
    client.socket.write('Hello\r\n');
    const connection = await waitFor('the accepted connection', () => api.testing.services.engine.connections(info.id)[0]);
    await waitFor('7 bytes', () => (api.testing.services.engine.get(connection.id)?.stats.bytesIn === 7 ? true : undefined));
    const data = api.testing.services.engine.transcript(connection.id).entries().find((entry) => entry.kind === 'data');
    assert.equal(Buffer.from(data?.data ?? []).toString('latin1'), 'Hello\r\n');
    client.socket.destroy();
  });

  it('open: a name in the second argument names the socket', async () => {
    const info = track(await run<SocketInfo>('open', 'udp-listen://127.0.0.1:0', { name: 'sink' }));
    assert.equal(info.name, 'sink');
    assert.equal(info.kind, 'udp');
  });

  it('newTcpServer: spec, host and port, host:port, and IPv6 forms', async () => {
    const bySpec = track(await run<SocketInfo>('newTcpServer', 'tcp-listen://127.0.0.1:0'));
    assert.equal(bySpec.state, 'listening');
    const byHostPort = track(await run<SocketInfo>('newTcpServer', '127.0.0.1', 0, { name: 'api', options: { noDelay: true } }));
    assert.equal(byHostPort.spec, 'tcp-listen://127.0.0.1:0?noDelay=1');
    assert.equal(byHostPort.name, 'api');
    const byText = track(await run<SocketInfo>('newTcpServer', '[::1]:0'));
    assert.equal(byText.spec, 'tcp-listen://[::1]:0');
    assert.equal(byText.local?.address, '::1');
    assert.equal(byText.triple.domain, 'AF_INET6');
    const bareIpv6 = track(await run<SocketInfo>('newTcpServer', '::1', '0'));
    assert.equal(bareIpv6.spec, 'tcp-listen://[::1]:0');
  });

  it('newTcpServer refuses a spec of another kind, naming both', async () => {
    const count = api.testing.services.engine.list().length;
    const message = await messageOf(api, () => run('newTcpServer', 'udp://127.0.0.1:9'));
    assert.equal(message, 'Invalid argument: New TCP Server needs a tcp-listen:// address, not udp://127.0.0.1:9; Open Socket from Address opens any kind.');
    assert.equal(api.testing.services.engine.list().length, count);
  });

  it('newTcpClient connects by spec, by host and port, and by host:port', async () => {
    const server = await nodeServer();
    try {
      const bySpec = track(await run<SocketInfo>('newTcpClient', `tcp://127.0.0.1:${server.port}`));
      assert.equal(bySpec.kind, 'tcp-client');
      assert.equal(bySpec.state, 'open');
      assert.equal(bySpec.remote?.port, server.port);
      const byHostPort = track(await run<SocketInfo>('newTcpClient', '127.0.0.1', server.port));
      assert.equal(byHostPort.spec, `tcp://127.0.0.1:${server.port}`);
      const byText = track(await run<SocketInfo>('newTcpClient', `localhost:${server.port}`, { name: 'local' }));
      assert.equal(byText.spec, `tcp://localhost:${server.port}`);
      assert.equal(byText.state, 'open');
      await waitFor('three accepted connections', () => (server.sockets.length === 3 ? true : undefined));
    } finally {
      await server.close();
    }
  });

  it('newUdpSocket binds by default and sets a default peer with role connect or a udp:// spec', async () => {
    const bound = track(await run<SocketInfo>('newUdpSocket', '127.0.0.1', 0));
    assert.equal(bound.spec, 'udp-listen://127.0.0.1:0');
    assert.equal(bound.state, 'open');
    const peer = track(await run<SocketInfo>('newUdpSocket', '127.0.0.1', portOf(bound), { role: 'connect' }));
    assert.equal(peer.spec, `udp://127.0.0.1:${portOf(bound)}`);
    assert.deepEqual(peer.defaultTarget, { family: 'IPv4', address: '127.0.0.1', port: portOf(bound) });
    const bySpec = track(await run<SocketInfo>('newUdpSocket', `udp://[::1]:${portOf(bound)}`));
    assert.equal(bySpec.defaultTarget?.address, '::1');
  });

  it('newUnixServer and newUnixClient on a temp path, and a path relative to the workspace folder', async () => {
    const directory = tempDirectory('sw-unix-');
    const socketPath = path.join(directory, 'a.sock');
    const server = track(await run<SocketInfo>('newUnixServer', socketPath));
    assert.equal(server.kind, 'unix-server');
    assert.equal(server.state, 'listening');
    assert.equal(server.spec, `unix-listen://${socketPath}`);
    assert.ok(fs.statSync(socketPath).isSocket());
    const client = track(await run<SocketInfo>('newUnixClient', `unix://${socketPath}`));
    assert.equal(client.kind, 'unix-client');
    assert.equal(client.state, 'open');
    await waitFor('the accepted UNIX connection', () => (api.testing.services.engine.get(server.id)?.connections === 1 ? true : undefined));

    const folder = vscode.workspace.workspaceFolders?.[0].uri.fsPath;
    assert.ok(folder);
    const relative = track(await run<SocketInfo>('newUnixServer', 'rel.sock'));
    assert.equal(relative.spec, `unix-listen://${path.join(folder, 'rel.sock')}`);
    assert.equal(relative.state, 'listening');
  });
});

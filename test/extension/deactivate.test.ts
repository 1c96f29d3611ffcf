/**
 * Runs LAST (index.ts puts it after every other file, whatever the names): deactivate() closes every
 * socket, so real peers see their connections end and no port stays bound. After this file the
 * extension's engine is gone, which is why nothing may run after it.
 */
import * as assert from 'node:assert/strict';
import * as dgram from 'node:dgram';
import * as net from 'node:net';
import * as path from 'node:path';
import type { SocketInfo } from '../../src/engine';
import { startPythonPeer } from '../engine/peers/python';
import * as vscode from 'vscode';
import { EXTENSION_ID, activate, nodeClient, portOf, run, waitFor } from './commandsHelpers';

/** True when something accepts connections on the port. */
function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: '127.0.0.1' });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

describe('deactivate (runs last)', () => {
  it('closes every socket: peers see the end, listening ports are released', async function () {
    this.timeout(20_000);
    const api = await activate();
    const server = await run<SocketInfo>('newTcpServer', '127.0.0.1', 0);
    const udp = await run<SocketInfo>('newUdpSocket', '127.0.0.1', 0);
    const port = portOf(server);
    const inbound = await nodeClient(port);
    await waitFor('the accepted connection', () => (api.testing.services.engine.get(server.id)?.connections === 1 ? true : undefined));

    // A python server that reads until our side closes, then reports what it got.
    const peer = startPythonPeer('tcp-sink', { timeout: 15 });
    const peerPort = Number(await peer.ready);
    const client = await run<SocketInfo>('newTcpClient', '127.0.0.1', peerPort);
    await run('send', client.id, 'hi');
    let sinkDone = false;
    void peer.result.then(() => {
      sinkDone = true;
    });

    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension);
    // The same module instance the extension host loaded: require caches by path.
    const bundle = (await import(path.join(extension.extensionPath, 'dist', 'extension.js'))) as { deactivate(): Promise<void> };
    assert.equal(sinkDone, false, 'the python peer ended before deactivate');
    assert.equal(inbound.ended, false);
    await bundle.deactivate();

    await waitFor('the inbound peer to see the connection closed (FIN)', () => (inbound.ended ? true : undefined));
    assert.equal(api.testing.services.engine.list().length, 0);
    assert.equal((await peer.result).total, 2);
    assert.equal(await listening(port), false);
    // The UDP port is free again: binding it exclusively succeeds.
    const probe = dgram.createSocket('udp4');
    await new Promise<void>((resolve, reject) => {
      probe.once('error', reject);
      probe.bind({ port: portOf(udp), address: '127.0.0.1', exclusive: true }, () => resolve());
    });
    probe.close();
  });
});

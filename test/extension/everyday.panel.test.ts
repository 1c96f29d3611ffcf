/**
 * The everyday flow in the payload panel (issue 10): rows read valid UTF-8 as text and carry what
 * Reply needs, a UDP panel's target starts at the last peer, a connection's panel keeps its name
 * when the connection ends, Open Full Dump is read-only, sends say 1 byte, Save Transcript is a
 * message the host accepts. The webview side (the Reply button, chat mode) is in the UI scenario.
 */
import * as assert from 'node:assert/strict';
import * as net from 'node:net';
import * as vscode from 'vscode';
import type { ActivatedApi } from '../../src/extension';
import { validateWebviewMessage } from '../../src/panel';
import { DUMP_SCHEME } from '../../src/dumps';
import type { PayloadPanel } from '../../src/panel';
import type { RowView } from '../../src/shared/protocol';
import { activateApi, cleanUp, openReadyPanel, portOf, waitFor, waitForMessage } from './panelHelpers';

describe('everyday flow in the payload panel', function () {
  this.timeout(30_000);
  let api: ActivatedApi;
  const sockets: net.Socket[] = [];

  before(async () => {
    api = await activateApi();
  });

  afterEach(async () => {
    for (const socket of sockets.splice(0)) {
      socket.destroy();
    }
    await cleanUp(api);
  });

  async function rows(panel: PayloadPanel, start: number, count: number): Promise<readonly RowView[]> {
    const requestId = Math.floor(Math.random() * 1e9);
    const mark = panel.recorded.sent.length;
    assert.equal(await panel.receive({ type: 'requestRows', requestId, generation: 0, start, count }), true);
    return (await waitForMessage(panel, 'rows', (message) => message.requestId === requestId, mark)).rows;
  }

  async function connect(port: number): Promise<net.Socket> {
    const socket = net.connect(port, '127.0.0.1');
    await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('error', reject));
    sockets.push(socket);
    return socket;
  }

  it('a server\'s row reads günaydın as text, names its connection for Reply, and search marks the text', async () => {
    const server = await api.open('tcp-listen://127.0.0.1:0');
    const panel = await openReadyPanel(api, server.id);
    const client = await connect(portOf(api, server.id));
    const payload = Buffer.concat([Buffer.from('günaydın\r\n'), Buffer.from([0xff, 0x5c])]);
    client.write(payload);
    const connection = await waitFor('the connection', () => api.testing.services.engine.connections(server.id)[0]);
    await waitFor('the bytes', () => api.get(server.id)?.stats.bytesIn === payload.length);
    await waitForMessage(panel, 'traffic', (message) => message.totalRows === 3, 0);
    const [, , data] = await rows(panel, 0, 3);
    assert.equal(data.text, 'günaydın\\r\\n\\xff\\\\');
    assert.equal(data.socketId, connection.id);
    assert.equal(data.peer, `127.0.0.1:${client.localPort}`);
    // Search typed as text finds the Turkish word; the mark covers the characters, not escapes.
    const mark = panel.recorded.sent.length;
    await panel.receive({ type: 'setView', filter: { text: 'günaydın', mode: 'text', in: true, out: true, events: true }, hexAll: false });
    await waitForMessage(panel, 'traffic', (message) => message.indexing === undefined && message.totalRows === 1, mark);
    const [found] = await rows(panel, 0, 1);
    assert.deepEqual(found.marks, [0, 8]);
    assert.equal(found.text.slice(0, 8), 'günaydın');
  });

  it('an invalid hex search reports the error and filters nothing by text (defect 8)', async () => {
    const server = await api.open('udp-listen://127.0.0.1:0');
    const panel = await openReadyPanel(api, server.id);
    const mark = panel.recorded.sent.length;
    await panel.receive({ type: 'setView', filter: { text: 'zz', mode: 'hex', in: true, out: true, events: true }, hexAll: false });
    const traffic = await waitForMessage(panel, 'traffic', (message) => message.filterError !== undefined, mark);
    assert.equal(traffic.totalRows, 1);
  });

  it('a UDP panel offers the last peer heard from as the target', async () => {
    const receiver = await api.open('udp-listen://127.0.0.1:0');
    const panel = await openReadyPanel(api, receiver.id);
    const first = await api.open(`udp://127.0.0.1:${portOf(api, receiver.id)}`);
    const second = await api.open(`udp://127.0.0.1:${portOf(api, receiver.id)}`);
    await api.send(first.id, 'a');
    await api.send(second.id, 'b');
    const targets = await waitForMessage(panel, 'targets', (message) => message.peers.length === 2, 0);
    assert.equal(targets.peers[0], `127.0.0.1:${portOf(api, second.id)}`);
    assert.equal(targets.defaultTarget, undefined);
  });

  it('a connection\'s panel is named by its peer and its server, and keeps that name when it ends (defect 1)', async () => {
    const server = await api.open('tcp-listen://127.0.0.1:0');
    const serverPort = portOf(api, server.id);
    const client = await connect(serverPort);
    const clientPort = client.localPort;
    const connection = await waitFor('the connection', () => api.testing.services.engine.connections(server.id)[0]);
    const panel = await openReadyPanel(api, connection.id);
    const title = `127.0.0.1:${clientPort} → 127.0.0.1:${serverPort}`;
    assert.equal(panel.webviewPanel.title, title);
    client.end();
    await waitFor('the connection to end', () => api.testing.services.engine.get(connection.id) === undefined);
    const socket = await waitForMessage(panel, 'socket', (message) => message.socket.status === 'ended', 0);
    assert.equal(socket.socket.label, title);
    assert.equal(socket.socket.description, 'TCP connection · closed');
    assert.equal(panel.webviewPanel.title, title);
    assert.ok(!socket.socket.label.includes('tcp-listen://'));
  });

  it('sends say 1 byte, not 1 bytes, and name the destination', async () => {
    const receiver = await api.open('udp-listen://127.0.0.1:0');
    const sender = await api.open('udp-listen://127.0.0.1:0');
    const panel = await openReadyPanel(api, sender.id);
    const mark = panel.recorded.sent.length;
    await panel.receive({ type: 'send', text: 'x', encoding: 'utf8', lineEnding: 'none', target: `127.0.0.1:${portOf(api, receiver.id)}` });
    const notice = await waitForMessage(panel, 'notice', () => true, mark);
    assert.equal(notice.text, `Sent 1 byte to 127.0.0.1:${portOf(api, receiver.id)}.`);
  });

  it('Open Full Dump opens a read-only virtual document, not an Untitled one (defect 6)', async () => {
    const receiver = await api.open('udp-listen://127.0.0.1:0');
    const sender = await api.open(`udp://127.0.0.1:${portOf(api, receiver.id)}`);
    const panel = await openReadyPanel(api, receiver.id);
    await api.send(sender.id, 'Hello dump');
    await waitForMessage(panel, 'traffic', (message) => message.totalRows === 2, 0);
    const [, data] = await rows(panel, 0, 2);
    await panel.receive({ type: 'openDump', seq: data.seq });
    const editor = await waitFor('the dump editor', () => vscode.window.visibleTextEditors.find((candidate) => candidate.document.uri.scheme === DUMP_SCHEME));
    assert.equal(editor.document.isUntitled, false);
    assert.ok(editor.document.getText().includes('00000000: 4865 6c6c 6f20 6475 6d70'), editor.document.getText());
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  it('the header\'s Save Transcript is a message the host accepts (defect 7)', () => {
    assert.deepEqual(validateWebviewMessage({ type: 'saveTranscript' }), { ok: true, message: { type: 'saveTranscript' } });
    assert.equal(validateWebviewMessage({ type: 'saveTranscript', id: 's1' }).ok, false);
  });
});

/**
 * Sending from the payload panel beyond one click: Repeat (N times, until stopped, stopped by the
 * socket closing), Send File with progress, UDP targets, the per-socket history and the workspace's
 * saved payloads, and the palette's Send Saved Payload. Peers are independent python3 processes.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ActivatedApi } from '../../src/extension';
import { startPythonPeer } from '../engine/peers/python';
import { activateApi, cleanUp, delay, messagesOf, openReadyPanel, portOf, waitFor, waitForMessage } from './panelHelpers';

describe('payload panel sending', function () {
  this.timeout(40_000);
  let api: ActivatedApi;

  before(async () => {
    api = await activateApi();
  });

  afterEach(async () => {
    for (const item of api.testing.panels.library.saved()) {
      await api.testing.panels.library.delete(item.name);
    }
    await cleanUp(api);
  });

  async function serverWithPeer(expect: number) {
    const id = (await api.open('tcp-listen://127.0.0.1:0')).id;
    const panel = await openReadyPanel(api, id);
    const peer = startPythonPeer('tcp-client', { port: portOf(api, id), expect }, 30_000);
    await peer.ready;
    await waitFor('the peer connection', () => api.get(id)?.connections === 1);
    return { id, panel, peer };
  }

  it('repeats a send N times at the interval, counting, then stops by itself', async () => {
    const { id, panel, peer } = await serverWithPeer(5 * 3);
    const mark = panel.recorded.sent.length;
    const started = Date.now();
    await panel.receive({ type: 'send', text: 'ab\\n', encoding: 'escapes', lineEnding: 'none', target: 'all', repeat: { intervalMs: 40, count: 5 } });
    assert.equal((await peer.result).received, '61620a'.repeat(5));
    assert.ok(Date.now() - started >= 4 * 40 - 5, 'the interval was kept');
    const last = await waitForMessage(panel, 'repeat', (message) => !message.running, mark);
    assert.deepEqual(last, { type: 'repeat', running: false, sent: 5, count: 5 });
    assert.ok(messagesOf(panel, 'repeat').some((message) => message.running && message.count === 5));
    assert.equal((await waitForMessage(panel, 'notice', (message) => message.text.startsWith('Repeat'), mark)).text, 'Repeat finished: 5 sends.');
    assert.equal(api.get(id)?.stats.messagesOut, 5);
  });

  it('repeats until stopped, and Stop stops it at once', async () => {
    const id = (await api.open('udp-listen://127.0.0.1:0')).id;
    const sink = (await api.open('udp-listen://127.0.0.1:0')).id;
    const panel = await openReadyPanel(api, id);
    const mark = panel.recorded.sent.length;
    await panel.receive({ type: 'send', text: 'tick', encoding: 'utf8', lineEnding: 'none', target: `127.0.0.1:${portOf(api, sink)}`, repeat: { intervalMs: 10, count: 0 } });
    await waitFor('a few repeats', () => (api.get(sink)?.stats.messagesIn ?? 0) >= 5);
    await panel.receive({ type: 'stopRepeat' });
    const last = await waitForMessage(panel, 'repeat', (message) => !message.running, mark);
    assert.equal(last.count, 0);
    const sent = api.get(id)?.stats.messagesOut ?? 0;
    assert.equal(last.sent, sent);
    await delay(100);
    assert.equal(api.get(id)?.stats.messagesOut, sent, 'nothing is sent after Stop');
    assert.equal((await waitForMessage(panel, 'notice', (message) => message.text.startsWith('Repeat'), mark)).text, `Repeat stopped after ${sent} sends.`);
  });

  it('stops a repeat when the socket closes, and refuses a second repeat while one runs', async () => {
    const id = (await api.open('udp-listen://127.0.0.1:0')).id;
    const sink = (await api.open('udp-listen://127.0.0.1:0')).id;
    const panel = await openReadyPanel(api, id);
    const mark = panel.recorded.sent.length;
    const request = { type: 'send', text: 'x', encoding: 'utf8', lineEnding: 'none', target: `127.0.0.1:${portOf(api, sink)}`, repeat: { intervalMs: 10, count: 0 } };
    await panel.receive(request);
    await waitFor('repeats', () => (api.get(sink)?.stats.messagesIn ?? 0) >= 2);
    await panel.receive(request);
    assert.equal((await waitForMessage(panel, 'notice', () => true, mark)).text, 'A repeat is already running; stop it first.');
    await api.close(id);
    const last = await waitForMessage(panel, 'repeat', (message) => !message.running, mark);
    assert.ok(last.sent >= 2);
  });

  it('sends to a UDP target as typed, checks targets as they are typed, and offers recent peers', async () => {
    const id = (await api.open('udp-listen://127.0.0.1:0')).id;
    const panel = await openReadyPanel(api, id);
    const peer = startPythonPeer('udp-server', { reply: '706f6e67' });
    const port = await peer.ready;
    let mark = panel.recorded.sent.length;
    await panel.receive({ type: 'send', text: '70 69 6e 67', encoding: 'hex', lineEnding: 'none', target: `127.0.0.1:${port}` });
    assert.equal((await peer.result).received, '70696e67');
    assert.equal((await waitForMessage(panel, 'notice', () => true, mark)).text, `Sent 4 bytes to 127.0.0.1:${port}.`);
    const targets = await waitForMessage(panel, 'targets', (message) => message.peers.includes(`127.0.0.1:${port}`), mark);
    assert.deepEqual(targets.connections, []);
    mark = panel.recorded.sent.length;
    await panel.receive({ type: 'checkTarget', text: '127.0.0.1:99999' });
    assert.deepEqual(await waitForMessage(panel, 'targetCheck', () => true, mark), { type: 'targetCheck', text: '127.0.0.1:99999', error: 'Port 99999 is out of range 0–65535.' });
    mark = panel.recorded.sent.length;
    await panel.receive({ type: 'checkTarget', text: '<broadcast>:37020' });
    assert.deepEqual(await waitForMessage(panel, 'targetCheck', () => true, mark), { type: 'targetCheck', text: '<broadcast>:37020' });
    mark = panel.recorded.sent.length;
    await panel.receive({ type: 'send', text: 'x', encoding: 'utf8', lineEnding: 'none', target: '' });
    assert.equal((await waitForMessage(panel, 'notice', () => true, mark)).text, 'The UDP socket has no default peer: give a target host:port.');
  });

  it('lists a server\'s connections as targets and sends to one of them only', async () => {
    const { id, panel, peer } = await serverWithPeer(3);
    const other = startPythonPeer('tcp-client', { port: portOf(api, id), expect: 1 }, 5_000);
    await other.ready;
    await waitFor('two connections', () => api.get(id)?.connections === 2);
    const targets = await waitForMessage(panel, 'targets', (message) => message.total === 2);
    assert.equal(targets.connections.length, 2);
    const first = api.testing.services.engine.connections(id)[0];
    assert.match(targets.connections[0].label, /^127\.0\.0\.1:\d+ \(s[\d.]+\)$/);
    await panel.receive({ type: 'send', text: 'one', encoding: 'utf8', lineEnding: 'none', target: first.id });
    assert.equal((await peer.result).received, '6f6e65');
    other.kill();
  });

  it('streams a file with progress messages and a final count', async () => {
    const sink = startPythonPeer('tcp-sink', {}, 30_000);
    const port = await sink.ready;
    const id = (await api.open(`tcp://127.0.0.1:${port}`)).id;
    const panel = await openReadyPanel(api, id);
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? '';
    const file = path.join(folder, 'panel-send.bin');
    const size = 9 * 1024 * 1024 + 123;
    fs.writeFileSync(file, Buffer.alloc(size, 0x5a));
    const mark = panel.recorded.sent.length;
    await panel.sendFile(vscode.Uri.file(file));
    const done = await waitForMessage(panel, 'fileProgress', (message) => !message.running, mark);
    assert.deepEqual(done, { type: 'fileProgress', running: false, name: 'panel-send.bin', sent: size, total: size });
    assert.ok(messagesOf(panel, 'fileProgress').some((message) => message.running && message.sent < size), 'progress was reported on the way');
    assert.equal((await waitForMessage(panel, 'notice', () => true, mark)).text, `Sent panel-send.bin: ${size} bytes.`);
    await api.close(id);
    assert.equal((await sink.result).total, size);
  });

  it('keeps the last payloads per socket in the history, newest first, and loads one', async () => {
    const { panel, peer } = await serverWithPeer(6);
    for (const text of ['a', 'b', 'a']) {
      await panel.receive({ type: 'send', text, encoding: 'utf8', lineEnding: 'lf', target: 'all' });
    }
    await peer.result;
    // The history is kept per spec, and earlier tests used this spec too: look at the newest two.
    const history = await waitForMessage(panel, 'history', (message) => message.items[0]?.label === 'a' && message.items[1]?.label === 'b');
    assert.deepEqual(history.items.slice(0, 2).map((item) => [item.label, item.encoding, item.lineEnding]), [['a', 'utf8', 'lf'], ['b', 'utf8', 'lf']]);
    assert.equal(history.items.filter((item) => item.label === 'a' && item.lineEnding === 'lf').length, 1, 'a payload sent again moves up, not in twice');
    const mark = panel.recorded.sent.length;
    await panel.receive({ type: 'loadHistory', index: 1 });
    assert.deepEqual(await waitForMessage(panel, 'loadPayload', () => true, mark), { type: 'loadPayload', text: 'b', encoding: 'utf8', lineEnding: 'lf' });
  });

  it('saves named payloads for the workspace, loads and deletes them, and every panel hears of it', async () => {
    const first = (await api.open('udp-listen://127.0.0.1:0')).id;
    const panel = await openReadyPanel(api, first);
    let mark = panel.recorded.sent.length;
    await panel.receive({ type: 'savePayload', name: 'greeting', text: 'HELO\\r\\n', encoding: 'escapes', lineEnding: 'none' });
    const saved = await waitForMessage(panel, 'saved', (message) => message.items.length === 1, mark);
    assert.deepEqual(saved.items, [{ key: 'greeting', label: 'greeting', encoding: 'escapes', lineEnding: 'none' }]);
    assert.equal((await waitForMessage(panel, 'notice', () => true, mark)).text, 'Saved the payload as "greeting".');
    mark = panel.recorded.sent.length;
    await panel.receive({ type: 'loadSaved', name: 'greeting' });
    assert.deepEqual(await waitForMessage(panel, 'loadPayload', () => true, mark), { type: 'loadPayload', text: 'HELO\\r\\n', encoding: 'escapes', lineEnding: 'none' });
    mark = panel.recorded.sent.length;
    await panel.receive({ type: 'deleteSaved', name: 'greeting' });
    await waitForMessage(panel, 'saved', (message) => message.items.length === 0, mark);
    mark = panel.recorded.sent.length;
    await panel.receive({ type: 'savePayload', name: '  ', text: 'x', encoding: 'utf8', lineEnding: 'none' });
    assert.equal((await waitForMessage(panel, 'notice', () => true, mark)).text, 'The name cannot be empty.');
  });

  it('Send Saved Payload sends a saved payload on a chosen socket and target', async () => {
    await api.testing.panels.library.save({ name: 'crlf', text: '00 ff 0d 0a', encoding: 'hex', lineEnding: 'none' });
    const id = (await api.open('tcp-listen://127.0.0.1:0')).id;
    const peer = startPythonPeer('tcp-client', { port: portOf(api, id), expect: 4 });
    await peer.ready;
    await waitFor('the peer connection', () => api.get(id)?.connections === 1);
    const result = await vscode.commands.executeCommand<{ bytesSent: number }>('socketWorkbench.sendSavedPayload', 'crlf', id, 'all');
    assert.equal(result?.bytesSent, 4);
    assert.equal((await peer.result).received, '00ff0d0a');
    const shown = api.testing.services.recorder.shownMessages;
    assert.equal(shown[shown.length - 1], `Sent "crlf" (4 bytes) on 127.0.0.1:${portOf(api, id)}.`);
    assert.equal(await vscode.commands.executeCommand('socketWorkbench.sendSavedPayload', 'nope', id), undefined);
    assert.equal(shown[shown.length - 1], 'There is no saved payload "nope".');
  });
});

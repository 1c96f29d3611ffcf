/**
 * The payload panel in the real extension host: opening and focusing, the strings table, exact
 * bytes on the wire for every encoding (checked by an independent python3 peer), validation of
 * webview messages, the serializer, and what closing the socket does to the panel.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ActivatedApi } from '../../src/extension';
import { validateWebviewMessage } from '../../src/panel';
import { LIMITS, PANEL_VIEW_TYPE, STRING_KEYS } from '../../src/shared/protocol';
import { startPythonPeer } from '../engine/peers/python';
import { activateApi, cleanUp, messagesOf, openReadyPanel, portOf, waitFor, waitForMessage } from './panelHelpers';

describe('payload panel', function () {
  this.timeout(30_000);
  let api: ActivatedApi;

  before(async () => {
    api = await activateApi();
  });

  afterEach(async () => {
    await cleanUp(api);
  });

  async function server(): Promise<string> {
    return (await api.open('tcp-listen://127.0.0.1:0')).id;
  }

  it('opens one panel per socket, titled with the socket label; opening again focuses it', async () => {
    const id = await server();
    const panel = await openReadyPanel(api, id);
    await api.testing.panels.open(id);
    await api.openPanel(id);
    assert.equal(api.testing.panels.panels.filter((candidate) => candidate.socketId === id).length, 1);
    assert.equal(panel.webviewPanel.viewType, PANEL_VIEW_TYPE);
    assert.equal(panel.webviewPanel.title, `127.0.0.1:${portOf(api, id)}`);
    assert.ok(panel.webviewPanel.iconPath !== undefined, 'the panel has an icon');
    assert.equal(messagesOf(panel, 'init').length, 1, 'one webview, one init');
    await assert.rejects(api.testing.panels.open('s-none'), (error: Error & { code?: string }) => error.code === 'UNKNOWN_SOCKET');
  });

  it('hands the webview a complete strings table, placeholders intact, and the socket', async () => {
    const id = await server();
    const panel = await openReadyPanel(api, id);
    const init = await waitForMessage(panel, 'init');
    assert.deepEqual(Object.keys(init.strings).sort(), [...STRING_KEYS].sort());
    for (const key of STRING_KEYS) {
      assert.ok(init.strings[key].length > 0, `string ${key} is empty`);
    }
    assert.equal(init.strings.byteCount, '{0} bytes');
    assert.equal(init.strings.codecInvalidCharacter, 'Invalid character {0} at offset {1}.');
    assert.equal(init.socket.id, id);
    assert.equal(init.socket.targeting, 'connections');
    assert.equal(init.socket.status, 'live');
    // A server sends to its connections: with none it cannot send yet, and says why.
    assert.equal(init.socket.sendable, false);
    assert.equal(init.socket.sendRefusal, 'The server has no open connection to send to: wait for a client to connect.');
    assert.match(init.socket.description, /^TCP server · listening · 0 connections$/);
    assert.deepEqual(init.defaults, { encoding: 'utf8', lineEnding: 'none' });
  });

  const cases: readonly { readonly name: string; readonly text: string; readonly encoding: 'utf8' | 'hex' | 'base64' | 'escapes'; readonly lineEnding: 'none' | 'lf' | 'crlf'; readonly bytes: string }[] = [
    { name: 'hex', text: '00 ff 0d 0a', encoding: 'hex', lineEnding: 'none', bytes: '00ff0d0a' },
    { name: 'base64', text: 'AP8NCg==', encoding: 'base64', lineEnding: 'none', bytes: '00ff0d0a' },
    { name: 'escapes', text: '\\0\\xff\\r\\n', encoding: 'escapes', lineEnding: 'none', bytes: '00ff0d0a' },
    { name: 'text + CRLF', text: 'Hello', encoding: 'utf8', lineEnding: 'crlf', bytes: '48656c6c6f0d0a' },
    { name: 'text (UTF-8) + LF', text: 'şğ', encoding: 'utf8', lineEnding: 'lf', bytes: 'c59fc49f0a' },
    { name: 'hex + LF', text: '0x41,0x42', encoding: 'hex', lineEnding: 'lf', bytes: '41420a' },
  ];

  for (const sample of cases) {
    it(`sends exactly the bytes of ${sample.name} to a python peer`, async () => {
      const id = await server();
      const panel = await openReadyPanel(api, id);
      const peer = startPythonPeer('tcp-client', { port: portOf(api, id), expect: sample.bytes.length / 2 });
      await peer.ready;
      await waitFor('the peer connection', () => api.get(id)?.connections === 1);
      const before = panel.recorded.sent.length;
      assert.equal(await panel.receive({ type: 'send', text: sample.text, encoding: sample.encoding, lineEnding: sample.lineEnding, target: 'all' }), true);
      assert.equal((await peer.result).received, sample.bytes);
      const notice = await waitForMessage(panel, 'notice', () => true, before);
      assert.deepEqual(notice, { type: 'notice', text: `Sent ${sample.bytes.length / 2} bytes to 1 connection.`, severity: 'info' });
    });
  }

  it('refuses invalid payload text with a localized codec message and sends nothing', async () => {
    const id = await server();
    const panel = await openReadyPanel(api, id);
    const before = panel.recorded.sent.length;
    await panel.receive({ type: 'send', text: '48 6', encoding: 'hex', lineEnding: 'none' });
    const notice = await waitForMessage(panel, 'notice', () => true, before);
    assert.equal(notice.severity, 'error');
    assert.equal(notice.text, "The payload is not valid Hex: '6' at offset 3.");
    assert.equal(api.get(id)?.stats.bytesOut, 0);
  });

  it('rejects malformed webview messages, logs why, and keeps working', async () => {
    const id = await server();
    const panel = await openReadyPanel(api, id);
    const bad: readonly [unknown, RegExp][] = [
      ['send', /must be an object/],
      [null, /must be an object/],
      [{ type: 'explode' }, /unknown message type "explode"/],
      [{ type: 'send', text: 'x', encoding: 'utf8' }, /send\.lineEnding is missing/],
      [{ type: 'send', text: 42, encoding: 'utf8', lineEnding: 'none' }, /send\.text must be a string/],
      [{ type: 'send', text: 'x', encoding: 'rot13', lineEnding: 'none' }, /send\.encoding must be one of/],
      [{ type: 'send', text: 'x'.repeat(LIMITS.maxPayloadChars + 1), encoding: 'utf8', lineEnding: 'none' }, /send\.text is 8388609 characters long; the limit is 8388608/],
      [{ type: 'send', text: 'x', encoding: 'utf8', lineEnding: 'none', repeat: { intervalMs: 0, count: 1 } }, /send\.repeat\.intervalMs is 0, outside 1\.\.3600000/],
      [{ type: 'requestRows', requestId: 1, generation: 1, start: -1, count: 5 }, /requestRows\.start is -1/],
      [{ type: 'requestRows', requestId: 1, generation: 1, start: 0, count: 5000 }, /requestRows\.count is 5000, outside 0\.\.1000/],
      [{ type: 'requestRows', requestId: 1.5, generation: 1, start: 0, count: 5 }, /requestRows\.requestId must be an integer/],
      [{ type: 'ready', extra: true }, /ready\.extra is not a known field/],
      [{ type: 'checkTarget', text: 'h'.repeat(2000) }, /checkTarget\.text is 2000 characters long/],
    ];
    for (const [message, reason] of bad) {
      const before = panel.recorded.rejected.length;
      assert.equal(await panel.receive(message), false, `accepted ${JSON.stringify(message)?.slice(0, 80)}`);
      assert.equal(panel.recorded.rejected.length, before + 1);
      assert.match(panel.recorded.rejected[panel.recorded.rejected.length - 1], reason);
      // The exported validator says the same, so the rule is not only in the panel.
      const verdict = validateWebviewMessage(message);
      assert.equal(verdict.ok, false);
    }
    const peer = startPythonPeer('tcp-client', { port: portOf(api, id), expect: 2 });
    await peer.ready;
    await waitFor('the peer connection', () => api.get(id)?.connections === 1);
    assert.equal(await panel.receive({ type: 'send', text: 'ok', encoding: 'utf8', lineEnding: 'none' }), true);
    assert.equal((await peer.result).received, '6f6b');
  });

  it('accepts each well-formed message type', () => {
    const good: readonly unknown[] = [
      { type: 'ready' },
      { type: 'send', text: '', encoding: 'base64', lineEnding: 'crlf', target: '127.0.0.1:9', repeat: { intervalMs: 5, count: 0 } },
      { type: 'setView', filter: { text: 'GET', mode: 'text', in: true, out: false, events: true }, hexAll: true, anchorSeq: 3 },
      { type: 'toggleRow', seq: 0 },
      { type: 'copyRow', seq: 1, format: 'payload' },
      { type: 'savePayload', text: 'a', encoding: 'escapes', lineEnding: 'lf' },
      { type: 'loadHistory', index: 99 },
    ];
    for (const message of good) {
      const verdict = validateWebviewMessage(message);
      assert.equal(verdict.ok, true, JSON.stringify(verdict));
    }
  });

  it('marks the panel closed when the socket closes, and Reopen brings it back', async () => {
    const id = await server();
    const panel = await openReadyPanel(api, id);
    let mark = panel.recorded.sent.length;
    await api.close(id);
    const closed = await waitForMessage(panel, 'socket', (message) => message.socket.status === 'closed', mark);
    assert.equal(closed.socket.sendable, false);
    assert.match(closed.socket.description, /closed/);
    // Still readable: the rows of the listen and close events come back.
    const rows = await requestRows(panel, 0, 10);
    assert.deepEqual(rows.map((row) => row.kind), ['listen', 'close']);
    mark = panel.recorded.sent.length;
    assert.equal(await panel.receive({ type: 'reopen' }), true);
    const live = await waitForMessage(panel, 'socket', (message) => message.socket.status === 'live', mark);
    assert.equal(live.socket.state, 'listening');
  });

  it('keeps a removed socket readable and offers Open Again, which opens its spec anew', async () => {
    const info = await api.open('udp-listen://127.0.0.1:0', { name: 'probe' });
    const panel = await openReadyPanel(api, info.id);
    assert.equal(panel.webviewPanel.title, 'probe');
    let mark = panel.recorded.sent.length;
    await api.testing.services.engine.remove(info.id);
    const removed = await waitForMessage(panel, 'socket', (message) => message.socket.status === 'removed', mark);
    assert.equal(removed.socket.id, undefined);
    assert.equal(panel.socketId, undefined);
    assert.ok((await requestRows(panel, 0, 10)).length >= 1, 'the old transcript is still shown');
    mark = panel.recorded.sent.length;
    await panel.receive({ type: 'openAgain' });
    const live = await waitForMessage(panel, 'socket', (message) => message.socket.status === 'live', mark);
    assert.notEqual(live.socket.id, info.id);
    assert.equal(api.get(live.socket.id ?? '')?.name, 'probe');
    assert.equal(panel.socketId, live.socket.id);
  });

  it('a panel on an accepted connection stays readable when the peer leaves, marked ended', async () => {
    const id = await server();
    const peer = startPythonPeer('tcp-client', { port: portOf(api, id), send: '6869', expect: 2 });
    await peer.ready;
    const connection = await waitFor('the connection', () => api.connections(id)[0]);
    const panel = await openReadyPanel(api, connection.id);
    const init = await waitForMessage(panel, 'init');
    assert.equal(init.socket.kind, 'tcp-connection');
    assert.equal(init.socket.targeting, 'none');
    const mark = panel.recorded.sent.length;
    // The peer leaves once it has our two bytes.
    await panel.receive({ type: 'send', text: 'ok', encoding: 'utf8', lineEnding: 'none' });
    assert.equal((await peer.result).received, '6f6b');
    const ended = await waitForMessage(panel, 'socket', (message) => message.socket.status === 'ended', mark);
    assert.equal(ended.socket.sendable, false);
    assert.match(ended.socket.description, /^TCP connection · closed$/);
    const rows = await requestRows(panel, 0, 10);
    assert.ok(rows.some((row) => row.kind === 'data' && row.text === 'hi'), 'the bytes the peer sent are still shown');
  });

  it('the serializer restores a panel onto the socket with the saved spec, even under a new id', async () => {
    const info = await api.open('tcp-listen://127.0.0.1:0');
    const webviewPanel = vscode.window.createWebviewPanel(PANEL_VIEW_TYPE, 'restored', vscode.ViewColumn.Active, { enableScripts: true });
    await api.testing.panels.serializer.deserializeWebviewPanel(webviewPanel, { version: 1, socketId: 's-old', spec: info.spec, draft: 'hi', encoding: 'utf8' });
    const panel = api.testing.panels.panelFor(info.id);
    assert.ok(panel, 'the restored panel is live for the socket');
    assert.equal(panel.webviewPanel, webviewPanel);
    const init = await waitForMessage(panel, 'init');
    assert.equal(init.socket.id, info.id);
    assert.equal(init.socket.status, 'live');
    assert.equal(webviewPanel.title, `127.0.0.1:${portOf(api, info.id)}`);
    // Opening the socket's panel now focuses the restored one instead of making a second.
    await api.testing.panels.open(info.id);
    assert.equal(api.testing.panels.panels.length, 1);
  });

  it('the serializer shows a panel whose socket is gone read-only, with Open Again', async () => {
    const webviewPanel = vscode.window.createWebviewPanel(PANEL_VIEW_TYPE, 'gone', vscode.ViewColumn.Active, { enableScripts: true });
    const spec = 'udp-listen://127.0.0.1:0';
    await api.testing.panels.serializer.deserializeWebviewPanel(webviewPanel, { version: 1, socketId: 's-999', spec, name: 'old' });
    const panel = api.testing.panels.panels.find((candidate) => candidate.webviewPanel === webviewPanel);
    assert.ok(panel);
    const init = await waitForMessage(panel, 'init');
    assert.equal(init.socket.status, 'missing');
    assert.equal(init.socket.sendable, false);
    assert.equal(webviewPanel.title, 'old');
    const mark = panel.recorded.sent.length;
    await panel.receive({ type: 'send', text: 'x', encoding: 'utf8', lineEnding: 'none' });
    assert.equal((await waitForMessage(panel, 'notice', () => true, mark)).text, 'There is no socket to send on.');
    await panel.receive({ type: 'openAgain' });
    const live = await waitForMessage(panel, 'socket', (message) => message.socket.status === 'live', mark);
    assert.equal(api.get(live.socket.id ?? '')?.spec, spec);
  });

  it('a state without a spec is refused: the panel is closed, not half-restored', async () => {
    const webviewPanel = vscode.window.createWebviewPanel(PANEL_VIEW_TYPE, 'broken', vscode.ViewColumn.Active, { enableScripts: true });
    let disposed = false;
    webviewPanel.onDidDispose(() => (disposed = true));
    // As on a real restore, the editor is open before the serializer is asked.
    await waitFor('the webview editor to open', () => webviewPanel.active);
    await api.testing.panels.serializer.deserializeWebviewPanel(webviewPanel, { version: 1 });
    assert.equal(disposed, true);
    assert.equal(api.testing.panels.panels.length, 0);
  });

  async function requestRows(panel: NonNullable<ReturnType<ActivatedApi['testing']['panels']['panelFor']>>, start: number, count: number) {
    const requestId = Math.floor(Math.random() * 1e9);
    const mark = panel.recorded.sent.length;
    await panel.receive({ type: 'requestRows', requestId, generation: 0, start, count });
    return (await waitForMessage(panel, 'rows', (message) => message.requestId === requestId, mark)).rows;
  }
});

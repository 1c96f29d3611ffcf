/**
 * The traffic view's host side, driven with the same messages the webview sends: windowed rows,
 * filters (text, hex, directions), hex dumps per row and for all rows, copying, dropped-entry
 * counters, and no updates while the panel is hidden. Traffic is real UDP over loopback.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { previewBytes } from '../../src/engine/shared/codecs';
import { hexdumpLines } from '../../src/engine/shared/hexdump';
import type { ActivatedApi } from '../../src/extension';
import type { PayloadPanel } from '../../src/panel';
import { NO_FILTER, type FilterView, type RowView, type TrafficMessage } from '../../src/shared/protocol';
import { activateApi, cleanUp, openReadyPanel, portOf, waitFor, waitForMessage } from './panelHelpers';

describe('payload panel traffic', function () {
  this.timeout(30_000);
  let api: ActivatedApi;
  let receiver: string;
  let sender: string;
  let panel: PayloadPanel;

  before(async () => {
    api = await activateApi();
  });

  beforeEach(async () => {
    receiver = (await api.open('udp-listen://127.0.0.1:0')).id;
    sender = (await api.open(`udp://127.0.0.1:${portOf(api, receiver)}`)).id;
    panel = await openReadyPanel(api, receiver);
  });

  afterEach(async () => {
    api.testing.services.engine.setTranscriptLimits(api.testing.services.settings().transcriptLimits);
    await cleanUp(api);
  });

  async function datagrams(count: number, make: (index: number) => string | Uint8Array = (index) => `msg-${index}`): Promise<void> {
    const before = api.get(receiver)?.stats.messagesIn ?? 0;
    for (let index = 0; index < count; index++) {
      await api.send(sender, make(index));
    }
    await waitFor(`${count} datagrams`, () => (api.get(receiver)?.stats.messagesIn ?? 0) >= before + count);
  }

  async function rows(start: number, count: number): Promise<readonly RowView[]> {
    const requestId = Math.floor(Math.random() * 1e9);
    const mark = panel.recorded.sent.length;
    assert.equal(await panel.receive({ type: 'requestRows', requestId, generation: 0, start, count }), true);
    return (await waitForMessage(panel, 'rows', (message) => message.requestId === requestId, mark)).rows;
  }

  /** Applies a view and waits for the finished layout it produces. */
  async function view(filter: Partial<FilterView>, hexAll = false): Promise<TrafficMessage> {
    const mark = panel.recorded.sent.length;
    await panel.receive({ type: 'setView', filter: { ...NO_FILTER, ...filter }, hexAll });
    return waitForMessage(panel, 'traffic', (message) => message.indexing === undefined, mark);
  }

  async function settled(check: (message: TrafficMessage) => boolean): Promise<TrafficMessage> {
    return waitForMessage(panel, 'traffic', check, 0);
  }

  it('answers a row request with exactly the rows of the asked lines', async () => {
    await datagrams(40);
    await settled((message) => message.totalLines === 41);
    const entries = api.transcript(receiver).entries;
    assert.equal(entries.length, 41);
    const window = await rows(5, 10);
    assert.deepEqual(window.map((row) => row.line), [5, 6, 7, 8, 9, 10, 11, 12, 13, 14]);
    window.forEach((row, index) => {
      const entry = entries[5 + index];
      assert.equal(row.seq, entry.seq);
      assert.equal(row.index, 5 + index);
      assert.equal(row.kind, 'data');
      assert.equal(row.direction, 'in');
      assert.equal(row.lines, 1);
      assert.equal(row.length, entry.length);
      assert.equal(row.peer, entry.peer);
      assert.equal(row.time, entry.time);
      assert.equal(row.text, previewBytes(entry.data ?? new Uint8Array(), 240));
      assert.equal(row.text, `msg-${4 + index}`);
      assert.equal(row.dump, undefined);
    });
    assert.deepEqual((await rows(35, 20)).map((row) => row.text), ['msg-34', 'msg-35', 'msg-36', 'msg-37', 'msg-38', 'msg-39']);
    assert.equal((await rows(41, 10)).length, 0);
    const first = (await rows(0, 1))[0];
    assert.equal(first.kind, 'listen');
    assert.equal(first.text, `Listening on 127.0.0.1:${portOf(api, receiver)}`);
  });

  it('filters by text (ignoring case), by hex and by direction, on the host, with matches marked', async () => {
    await datagrams(40);
    await settled((message) => message.totalLines === 41);
    let traffic = await view({ text: 'MSG-1' });
    assert.equal(traffic.totalRows, 11);
    assert.equal(traffic.totalLines, 11);
    const matched = await rows(0, 50);
    assert.deepEqual(matched.map((row) => row.text), ['msg-1', ...Array.from({ length: 10 }, (_, index) => `msg-1${index}`)]);
    assert.deepEqual(matched.map((row) => row.line), Array.from({ length: 11 }, (_, index) => index));
    assert.deepEqual(matched.map((row) => row.index), Array.from({ length: 11 }, (_, index) => index));
    assert.deepEqual(matched[3].marks, [0, 5]);

    traffic = await view({ text: '2d 33 39', mode: 'hex' });
    assert.equal(traffic.totalRows, 1);
    assert.deepEqual((await rows(0, 5)).map((row) => [row.text, row.marks]), [['msg-39', [3, 6]]]);

    traffic = await view({ in: false });
    assert.equal(traffic.totalRows, 1, 'only the listen event is left');
    traffic = await view({ events: false });
    assert.equal(traffic.totalRows, 40);
    traffic = await view({ text: 'listening' });
    assert.equal(traffic.totalRows, 1);

    traffic = await view({ text: '4g', mode: 'hex' });
    assert.equal(traffic.filterError, "The payload is not valid Hex: 'g' at offset 1.");
    assert.equal(traffic.totalRows, 41, 'an invalid hex search filters nothing');
    traffic = await view({});
    assert.equal(traffic.totalRows, 41);
  });

  it('keeps filtering new traffic as it arrives', async () => {
    await datagrams(10);
    let traffic = await view({ text: 'msg-1' });
    assert.equal(traffic.totalRows, 1);
    const mark = panel.recorded.sent.length;
    await datagrams(10, (index) => `msg-1${index}`);
    traffic = await waitForMessage(panel, 'traffic', (message) => message.totalRows === 11, mark);
    assert.equal(traffic.totalLines, 11);
  });

  it('shows one row as a hex dump, then every row, with the lines the dump takes', async () => {
    await datagrams(40);
    await settled((message) => message.totalLines === 41);
    const target = api.transcript(receiver).entries[6];
    let mark = panel.recorded.sent.length;
    await panel.receive({ type: 'toggleRow', seq: target.seq });
    let traffic = await waitForMessage(panel, 'traffic', (message) => message.indexing === undefined && message.totalLines === 42, mark);
    assert.equal(traffic.totalRows, 41);
    const expanded = (await rows(6, 1))[0];
    assert.equal(expanded.seq, target.seq);
    assert.equal(expanded.lines, 2);
    assert.deepEqual(expanded.dump?.lines, hexdumpLines(target.data ?? new Uint8Array()));
    assert.deepEqual(expanded.dump?.lines, [{ offset: '00000000', hex: '6d73 672d 35', ascii: 'msg-5' }]);
    const after = (await rows(8, 1))[0];
    assert.equal(after.seq, api.transcript(receiver).entries[7].seq, 'the rows after it moved down one line');
    assert.equal(after.index, 7);

    traffic = await view({}, true);
    assert.equal(traffic.totalLines, 1 + 40 * 2, 'every data row is a header and one dump line');
    const collapsed = api.transcript(receiver).entries[3];
    mark = panel.recorded.sent.length;
    await panel.receive({ type: 'toggleRow', seq: collapsed.seq });
    traffic = await waitForMessage(panel, 'traffic', (message) => message.totalLines === 80, mark);
    assert.equal(traffic.totalRows, 41);
    assert.equal((await rows(0, 200)).find((row) => row.seq === collapsed.seq)?.dump, undefined);
  });

  it('caps a long dump inline and says how many bytes are not shown', async () => {
    const long = Uint8Array.from({ length: 600 }, (_, index) => index & 0xff);
    await datagrams(1, () => long);
    await settled((message) => message.totalLines === 2);
    const traffic = await view({}, true);
    assert.equal(traffic.totalLines, 1 + 1 + 32 + 1);
    const row = (await rows(1, 40))[0];
    assert.equal(row.lines, 34);
    assert.equal(row.dump?.lines.length, 32);
    assert.equal(row.dump?.more, 88);
    assert.equal(row.dump?.lines[31].offset, '000001f0');
    assert.match(row.text, /^\\0\\x01\\x02.*…$/);
  });

  it('copies a row as text, as hex, and as a payload for the composer', async () => {
    await datagrams(8);
    await datagrams(1, () => Uint8Array.of(0x00, 0xff, 0x01, 0x02));
    await settled((message) => message.totalLines === 10);
    const entries = api.transcript(receiver).entries;
    await panel.receive({ type: 'copyRow', seq: entries[8].seq, format: 'text' });
    assert.equal(await vscode.env.clipboard.readText(), 'msg-7');
    let mark = panel.recorded.sent.length;
    await panel.receive({ type: 'copyRow', seq: entries[8].seq, format: 'hex' });
    assert.equal(await vscode.env.clipboard.readText(), '6d 73 67 2d 37');
    assert.equal((await waitForMessage(panel, 'notice', () => true, mark)).text, 'Copied 5 bytes as hex.');
    mark = panel.recorded.sent.length;
    await panel.receive({ type: 'copyRow', seq: entries[8].seq, format: 'payload' });
    assert.deepEqual(await waitForMessage(panel, 'loadPayload', () => true, mark), { type: 'loadPayload', text: 'msg-7', encoding: 'utf8' });
    mark = panel.recorded.sent.length;
    await panel.receive({ type: 'copyRow', seq: entries[9].seq, format: 'payload' });
    assert.deepEqual(await waitForMessage(panel, 'loadPayload', () => true, mark), { type: 'loadPayload', text: '00 ff 01 02', encoding: 'hex' });
    mark = panel.recorded.sent.length;
    await panel.receive({ type: 'copyRow', seq: 9999, format: 'text' });
    assert.equal((await waitForMessage(panel, 'notice', () => true, mark)).text, 'That row is no longer in the transcript.');
  });

  it('reports entries dropped by the ring buffer, and lines shifted off the head', async () => {
    api.testing.services.engine.setTranscriptLimits({ maxEntries: 100 });
    const mark = panel.recorded.sent.length;
    await datagrams(150);
    const traffic = await waitForMessage(panel, 'traffic', (message) => message.counters.evictedEntries === 51, mark);
    assert.equal(traffic.totalLines, 100);
    const shifted = panel.recorded.sent.slice(mark).reduce((sum, message) => sum + (message.type === 'traffic' ? message.headShift : 0), 0);
    assert.equal(shifted, 51);
    assert.equal((await rows(0, 1))[0].text, 'msg-50');
  });

  it('shows the transcript budget in the status line, finished text, as it fills and drops', async () => {
    api.testing.services.engine.setTranscriptLimits({ maxEntries: 10_000, maxBytes: 1024, captureBytes: 512 });
    await settled((message) => message.budget === 'transcript: 0 B of 1 KB');
    const mark = panel.recorded.sent.length;
    // Three 500-byte datagrams, 1 KB kept: the listen entry and the first datagram are dropped.
    await datagrams(3, () => new Uint8Array(500));
    const traffic = await waitForMessage(panel, 'traffic', (message) => message.budget === 'transcript: 1,000 B of 1 KB, 2 entries dropped', mark);
    assert.equal(traffic.counters.evictedEntries, 2);
  });

  it('sends nothing while the panel is hidden, and catches up when it is shown', async () => {
    await datagrams(3);
    await settled((message) => message.totalLines === 4);
    const other = (await api.open('tcp-listen://127.0.0.1:0')).id;
    await openReadyPanel(api, other);
    await waitFor('the first panel to be hidden', () => !panel.visible);
    const mark = panel.recorded.sent.length;
    await datagrams(20);
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.equal(panel.recorded.sent.slice(mark).filter((message) => message.type === 'traffic').length, 0);
    panel.webviewPanel.reveal();
    const traffic = await waitForMessage(panel, 'traffic', (message) => message.totalLines === 24, mark);
    assert.equal(traffic.totalRows, 24);
  });
});

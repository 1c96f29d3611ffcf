/**
 * Export Capture, Record to File and Stop Recording from arguments: the files tshark reads, the
 * messages shown, the tree's recording badge and menu token.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { CaptureExport, RecordingStatus, SocketInfo } from '../../src/engine';
import type { ActivatedApi } from '../../src/extension';
import { activate, lastMessage, portOf, removeAll, run, tempDirectory, waitFor } from './commandsHelpers';
import { follow, packetCount } from '../engine/peers/tshark';
import { waitForRefreshedRow } from './treeHelpers';

describe('commands: captures and recordings', function () {
  this.timeout(60_000);
  let api: ActivatedApi;
  const opened: string[] = [];

  before(async () => {
    api = await activate();
  });

  afterEach(async () => {
    await removeAll(api, opened.splice(0));
  });

  it('exportCapture writes a pcapng tshark follows, and says how many packets', async () => {
    const receiver = await api.open('udp-listen://127.0.0.1:0', { name: 'sink' });
    const sender = await api.open(`udp://127.0.0.1:${portOf(receiver)}`);
    opened.push(receiver.id, sender.id);
    await api.send(sender.id, 'one');
    await api.send(sender.id, 'two');
    const engine = api.testing.services.engine;
    await waitFor('2 datagrams', () => (engine.get(receiver.id)?.stats.messagesIn === 2 ? true : undefined));
    const file = path.join(tempDirectory('sw-capture-'), 'sink.pcapng');
    const result = await run<CaptureExport>('exportCapture', receiver.id, vscode.Uri.file(file));
    assert.equal(result.packets, 2);
    assert.equal(lastMessage(api), `Exported 2 packets of sink to ${file}.`);
    assert.equal(await packetCount(file), 2);
    assert.equal((await follow(file, 'udp')).sent[0].toString(), 'onetwo');
  });

  it('record shows a badge with the size written and the stop token; stopRecording says what was written', async () => {
    const receiver = await api.open('udp-listen://127.0.0.1:0', { name: 'rec' });
    const sender = await api.open(`udp://127.0.0.1:${portOf(receiver)}`);
    opened.push(receiver.id, sender.id);
    const file = path.join(tempDirectory('sw-record-'), 'rec.jsonl');
    const node = api.testing.view.node(receiver.id);
    assert.ok(node !== undefined);
    const engine = api.testing.services.engine;
    // The badge comes through the view's own refresh events, and follows the size on disk.
    const badge = waitForRefreshedRow(
      api,
      node,
      (value) => /^⏺ recording 1(\.\d)? KB · /.test(value.description) && /\brecording\b/.test(value.contextValue) && !/\brecordable\b/.test(value.contextValue),
      'the recording badge with 1 KB written',
    );
    const status = await run<RecordingStatus>('record', receiver.id, file, { format: 'jsonl' });
    assert.equal(status.format, 'jsonl');
    assert.equal(lastMessage(api), `Recording rec to ${file}.`);
    await api.send(sender.id, 'x'.repeat(1000));
    await waitFor('the datagram', () => (engine.get(receiver.id)?.stats.messagesIn === 1 ? true : undefined));
    await badge;
    const gone = waitForRefreshedRow(api, node, (value) => !value.description.includes('⏺') && /\brecordable\b/.test(value.contextValue), 'the badge to go');

    const stopped = await run<RecordingStatus>('stopRecording', receiver.id);
    assert.equal(stopped.entries, 1);
    assert.equal(stopped.lostEntries, 0);
    assert.match(lastMessage(api) ?? '', new RegExp(`^Recorded 1 entries of rec \\(.+\\) to ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.$`));
    const lines = fs.readFileSync(file, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as { type: string; data?: string });
    assert.deepEqual(lines.map((line) => line.type), ['header', 'entry', 'end']);
    assert.equal(Buffer.from(lines[1].data ?? '', 'base64').toString(), 'x'.repeat(1000));
    await gone;
  });

  it('refuses an unknown format and a second stop with clear messages', async () => {
    const socket: SocketInfo = await api.open('udp-listen://127.0.0.1:0');
    opened.push(socket.id);
    const file = path.join(tempDirectory('sw-record-'), 'x.pcap');
    assert.equal(await run('record', socket.id, file, { format: 'pcap' }), undefined);
    assert.match(lastMessage(api) ?? '', /Unknown recording format 'pcap': use pcapng or jsonl\./);
    assert.equal(await run('stopRecording', socket.id), undefined);
    assert.match(lastMessage(api) ?? '', /The socket is not recording\./);
  });
});

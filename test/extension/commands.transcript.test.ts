/**
 * Save Transcript As… in both formats, to a file given as an argument, with exact content for a
 * known conversation; the dropped/truncated counters in the header; Clear Transcript.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { SocketEngine, type SocketInfo, type TranscriptEntry } from '../../src/engine';
import { formatTranscript } from '../../src/commands/transcriptFormat';
import type { ActivatedApi } from '../../src/extension';
import { activate, nodeServer, removeAll, run, tempDirectory, waitFor } from './commandsHelpers';

const iso = (entry: TranscriptEntry): string => new Date(entry.time).toISOString();

describe('commands: transcripts', () => {
  let api: ActivatedApi;
  const opened: string[] = [];

  before(async () => {
    api = await activate();
  });

  afterEach(async () => {
    await removeAll(api, opened.splice(0));
  });

  /** A client that receives "Hello\r\n" and answers "ok\n", then closes. */
  async function conversation(): Promise<{ info: SocketInfo; port: number; entries: TranscriptEntry[] }> {
    const server = await nodeServer((socket) => socket.write('Hello\r\n'));
    try {
      const info = await run<SocketInfo>('newTcpClient', '127.0.0.1', server.port, { name: 'greeter' });
      opened.push(info.id);
      const engine = api.testing.services.engine;
      await waitFor('the greeting', () => (engine.get(info.id)?.stats.bytesIn === 7 ? true : undefined));
      await run('send', info.id, 'ok\n');
      await waitFor('the answer at the server', () => (server.received[0]?.length === 3 ? true : undefined));
      await run('close', info.id);
      return { info: engine.get(info.id) ?? info, port: server.port, entries: engine.transcript(info.id).entries() };
    } finally {
      await server.close();
    }
  }

  it('saves the text format: a header, then one line per entry with time, direction, peer, length and escapes', async () => {
    const { info, port, entries } = await conversation();
    const file = path.join(tempDirectory('sw-transcript-'), 'out.txt');
    const uri = await run<vscode.Uri>('saveTranscript', info.id, vscode.Uri.file(file), 'text');
    assert.equal(uri.fsPath, file);
    const lines = fs.readFileSync(file, 'utf8').split('\n');
    assert.equal(lines[0], '# Socket Workbench transcript (text)');
    assert.equal(lines[1], `# socket: ${info.id} "greeter" tcp-client tcp://127.0.0.1:${port}`);
    assert.match(lines[2], /^# saved: \d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    assert.equal(lines[3], `# entries: ${entries.length}, captured bytes: 10`);
    assert.equal(lines[4], '# dropped: 0 entries (0 bytes)');
    assert.equal(lines[5], '# truncated: 0 entries (0 bytes not captured)');
    const data = entries.filter((entry) => entry.kind === 'data');
    assert.equal(data.length, 2);
    assert.ok(lines.includes(`${iso(data[0])} < 127.0.0.1:${port} 7 Hello\\r\\n`), lines.join('\n'));
    assert.ok(lines.includes(`${iso(data[1])} > 127.0.0.1:${port} 3 ok\\n`), lines.join('\n'));
    const connect = entries.find((entry) => entry.kind === 'connect');
    assert.ok(connect);
    assert.equal(lines[6], `${iso(connect)} * 127.0.0.1:${port} connect${connect.code === undefined ? '' : ` ${connect.code}`}${connect.detail === undefined ? '' : ` ${connect.detail}`}`);
    assert.equal(lines.length, 6 + entries.length + 1);
    assert.equal(lines[lines.length - 1], '');
  });

  it('saves the hex format: an xxd dump after each data line; a string path and a .hex name work', async () => {
    const { info, port, entries } = await conversation();
    const file = path.join(tempDirectory('sw-transcript-'), 'out.hex');
    await run('saveTranscript', { socketId: info.id }, file);
    const text = fs.readFileSync(file, 'utf8');
    const data = entries.filter((entry) => entry.kind === 'data');
    assert.ok(text.startsWith('# Socket Workbench transcript (hex)\n'));
    assert.ok(
      text.includes(`${iso(data[0])} < 127.0.0.1:${port} 7\n00000000: 4865 6c6c 6f0d 0a                        Hello..\n`),
      text,
    );
    assert.ok(text.includes(`${iso(data[1])} > 127.0.0.1:${port} 3\n00000000: 6f6b 0a                                  ok.\n`), text);
  });

  it('states dropped and truncated entries in the header and on the cut line', () => {
    const engine = new SocketEngine({ transcriptLimits: { maxEntries: 100, maxBytes: 1024 * 1024, captureBytes: 16 } });
    try {
      const info = engine.add('tcp://127.0.0.1:9', { name: 'cut' });
      const entries: TranscriptEntry[] = [
        { seq: 5, kind: 'data', direction: 'in', time: Date.UTC(2024, 0, 2, 3, 4, 5, 6), mono: 0, peer: '127.0.0.1:9', length: 40, data: Buffer.from('0123456789abcdef') },
        { seq: 6, kind: 'close', time: Date.UTC(2024, 0, 2, 3, 4, 6, 0), mono: 1, length: 0, code: 'graceful' },
      ];
      const counters = { entries: 2, bytes: 16, evictedEntries: 4, evictedBytes: 120, truncatedEntries: 1, truncatedBytes: 24, firstSeq: 5, nextSeq: 7 };
      const savedAt = new Date(Date.UTC(2024, 0, 2, 3, 5, 0, 0));
      assert.equal(
        formatTranscript(info, entries, counters, 'text', savedAt),
        [
          '# Socket Workbench transcript (text)',
          `# socket: ${info.id} "cut" tcp-client tcp://127.0.0.1:9`,
          '# saved: 2024-01-02T03:05:00.000Z',
          '# entries: 2, captured bytes: 16',
          '# dropped: 4 entries (120 bytes)',
          '# truncated: 1 entries (24 bytes not captured)',
          '2024-01-02T03:04:05.006Z < 127.0.0.1:9 40 0123456789abcdef [+24 bytes not captured]',
          '2024-01-02T03:04:06.000Z * - close graceful',
          '',
        ].join('\n'),
      );
      assert.ok(
        formatTranscript(info, entries, counters, 'hex', savedAt).includes(
          '2024-01-02T03:04:05.006Z < 127.0.0.1:9 40 [+24 bytes not captured]\n00000000: 3031 3233 3435 3637 3839 6162 6364 6566  0123456789abcdef\n',
        ),
      );
    } finally {
      void engine.dispose();
    }
  });

  it('clearTranscript empties the transcript and keeps the socket', async () => {
    const server = await run<SocketInfo>('newTcpServer', '127.0.0.1', 0);
    opened.push(server.id);
    const engine = api.testing.services.engine;
    assert.ok(engine.transcript(server.id).entries().length > 0);
    await run('clearTranscript', { socketId: server.id });
    assert.equal(engine.transcript(server.id).entries().length, 0);
    assert.equal(engine.get(server.id)?.state, 'listening');
  });

  it('refuses an unknown format', async () => {
    const server = await run<SocketInfo>('newTcpServer', '127.0.0.1', 0);
    opened.push(server.id);
    const before = api.testing.services.recorder.shownMessages.length;
    const result = await run('saveTranscript', server.id, path.join(tempDirectory('sw-transcript-'), 'x.txt'), 'pcap');
    assert.equal(result, undefined);
    assert.deepEqual(api.testing.services.recorder.shownMessages.slice(before), ["Invalid argument: Unknown transcript format 'pcap': use text or hex."]);
  });
});

/**
 * Framing on real sockets: a python3 peer writes frames split at every byte boundary (each piece its
 * own read) and many frames in one write; each message must be one transcript entry with its exact
 * bytes, the partial one pending and counted. Also prefix=1, oversize frames, the UDP refusal, a
 * framing change from the next byte, and a reset close exported as RST.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { EngineError, parseSpec, SocketEngine, type TranscriptEntry } from '../../src/engine';
import { firstConnection, portOf, waitFor } from './helpers';
import { startPythonPeer } from './peers/python';
import { fields, problemFrames } from './peers/tshark';

const hex = (text: string): string => Buffer.from(text, 'latin1').toString('hex');
const monosIn = (entries: readonly TranscriptEntry[]): number[] => entries.filter((entry) => entry.kind === 'data' && entry.direction === 'in').map((entry) => entry.mono);
const messagesIn = (entries: readonly TranscriptEntry[]): string[] =>
  entries.filter((entry) => entry.kind === 'data' && entry.direction === 'in').map((entry) => Buffer.from(entry.data ?? new Uint8Array()).toString('latin1'));

function rejectsWith(run: () => unknown, code: string, reason: string): void {
  assert.throws(run, (error: unknown) => error instanceof EngineError && error.code === code && error.data.reason === reason, `${code}/${reason}`);
}

const MODES: ReadonlyArray<{ readonly name: string; readonly query: string; readonly stream: string; readonly messages: string[]; readonly pending: number }> = [
  { name: 'line', query: 'framing=line', stream: 'HELO a\r\nMAIL\n\nDATA', messages: ['HELO a\r\n', 'MAIL\n', '\n'], pending: 4 },
  { name: 'delimiter', query: 'framing=delimiter&delimiter=0D0A2E', stream: 'ab\r\n.c\r\n\r\n.d\r', messages: ['ab\r\n.', 'c\r\n\r\n.'], pending: 2 },
  { name: 'length u16be', query: 'framing=length&length=u16be', stream: '\x00\x03abc\x00\x00\x00\x01z\x00\x05ab', messages: ['\x00\x03abc', '\x00\x00', '\x00\x01z'], pending: 4 },
  {
    name: 'length u8 with offset, adjust and header',
    query: 'framing=length&length=u8&lengthOffset=1&lengthAdjust=-1&lengthIncludesHeader=1',
    stream: 'T\x06abcT\x03U\x09',
    messages: ['T\x06abc', 'T\x03'],
    pending: 2,
  },
  { name: 'fixed', query: 'framing=fixed&size=4', stream: 'abcdefghij', messages: ['abcd', 'efgh'], pending: 2 },
];

describe('framing on stream sockets', function () {
  this.timeout(60_000);
  let engine: SocketEngine;
  let directory: string;

  beforeEach(() => {
    // Captures above 64 KiB, so a 65,537-byte message is held whole.
    engine = new SocketEngine({ transcriptLimits: { captureBytes: 1024 * 1024 } });
    directory = fs.mkdtempSync(path.join(os.tmpdir(), 'sw-framing-'));
  });

  afterEach(async () => {
    await engine.dispose();
    fs.rmSync(directory, { recursive: true, force: true });
  });

  async function deliver(query: string, stream: string, cuts: readonly number[]): Promise<{ connection: string; server: string }> {
    const server = await engine.open(`tcp-listen://127.0.0.1:0?${query}`);
    // A file, not an argument: 64 KiB of hex is over the kernel's limit for one argument.
    const file = path.join(directory, 'stream.bin');
    fs.writeFileSync(file, Buffer.from(stream, 'latin1'));
    const peer = startPythonPeer('tcp-pieces', { port: portOf(server), sendFile: file, cuts: cuts.join(','), delay: 0.01 });
    await peer.ready;
    const connection = await firstConnection(engine, server.id);
    await peer.result;
    await waitFor('the peer to close', () => (engine.get(server.id)?.connections === 0 ? true : undefined));
    return { connection: connection.id, server: server.id };
  }

  for (const mode of MODES) {
    it(`${mode.name}: split at every byte boundary, each message is one entry with its exact bytes`, async () => {
      const server = await engine.open(`tcp-listen://127.0.0.1:0?${mode.query}`);
      const cuts = Array.from({ length: mode.stream.length - 1 }, (_, index) => index + 1);
      const peer = startPythonPeer('tcp-pieces', { port: portOf(server), send: hex(mode.stream), cuts: cuts.join(','), delay: 0.01, hold: true });
      await peer.ready;
      const connection = await firstConnection(engine, server.id);
      const id = connection.id;
      // Before the peer closes: the partial message waits, counted.
      await waitFor('the pending bytes', () => (engine.get(id)?.stats.pendingBytes === mode.pending && engine.get(id)?.stats.messagesIn === mode.messages.length ? true : undefined), 20_000);
      assert.deepEqual(messagesIn(engine.transcript(id).entries()), mode.messages);
      const monos = monosIn(engine.transcript(id).entries());
      assert.ok(monos.every((mono, index) => index === 0 || mono > monos[index - 1]), 'messages completed by different reads have their own times');
      assert.equal(engine.get(id)?.stats.bytesIn, mode.messages.join('').length);
      // The server's view mirrors the messages, not the reads.
      assert.deepEqual(messagesIn(engine.transcript(server.id).entries()), mode.messages);
      assert.equal(engine.get(server.id)?.framing?.framing, parseSpec(`tcp-listen://:1?${mode.query}`).options.framing);
      await engine.close(id);
      await peer.result.catch(() => undefined);
    });

    it(`${mode.name}: many frames in one write give the same messages`, async () => {
      const { server } = await deliver(mode.query, mode.stream, []);
      const entries = engine.transcript(server).entries();
      assert.deepEqual(messagesIn(entries), mode.messages);
      // One read: its messages arrived together and share one clock reading (one per read, not per message).
      assert.equal(new Set(monosIn(entries)).size, 1);
      assert.equal(new Set(entries.filter((entry) => entry.kind === 'data').map((entry) => entry.time)).size, 1);
    });
  }

  it('lengths at their limits: u8 255 and u16le 65535 bytes, over TCP in pieces', async () => {
    const u8 = `\xff${'a'.repeat(255)}`;
    const u16 = `\xff\xff${'b'.repeat(65535)}`;
    const small = await deliver('framing=length&length=u8', `${u8}\x00`, [1, 200]);
    assert.deepEqual(messagesIn(engine.transcript(small.server).entries()), [u8, '\x00']);
    const big = await deliver('framing=length&length=u16le', u16, [1, 2, 30_000]);
    assert.deepEqual(messagesIn(engine.transcript(big.server).entries()).map((message) => message.length), [65537]);
    assert.equal(messagesIn(engine.transcript(big.server).entries())[0], u16);
  });

  it('a frame over the 16 MiB maximum is an error event, and the connection is reset', async () => {
    const server = await engine.open('tcp-listen://127.0.0.1:0?framing=length&length=u32be');
    const tooLarge = 16 * 1024 * 1024 + 1;
    const header = Buffer.alloc(4);
    header.writeUInt32BE(tooLarge);
    const peer = startPythonPeer('tcp-pieces', { port: portOf(server), send: `00000001${'41'}${header.toString('hex')}`, delay: 0.01, expect: 1 });
    await peer.ready;
    const connection = await firstConnection(engine, server.id);
    await waitFor('the error', () => (engine.get(connection.id)?.state === 'error' || engine.get(connection.id) === undefined ? true : undefined));
    const entries = engine.transcript(server.id).entries();
    assert.deepEqual(messagesIn(entries), ['\x00\x00\x00\x01A']);
    const error = entries.find((entry) => entry.kind === 'error');
    assert.equal(error?.code, 'FRAME_TOO_LARGE');
    assert.deepEqual(error?.error?.data, { reason: 'frame-too-large', size: tooLarge + 4, max: 16 * 1024 * 1024 });
    // The peer sees the reset while it waits to read.
    await assert.rejects(peer.result, /ConnectionResetError|reset/i);
  });

  it('prefix=1 adds the length field on send; refused without length framing and when it does not fit', async () => {
    const peer = startPythonPeer('tcp-server', { expect: 2 + 5 + 1 + 3 });
    const port = Number(await peer.ready);
    const client = await engine.open(`tcp://127.0.0.1:${port}?framing=length&length=u16be`);
    await engine.send(client.id, Buffer.from('hello'), { prefix: true });
    const outgoing = engine.transcript(client.id).entries().filter((entry) => entry.kind === 'data' && entry.direction === 'out');
    assert.equal(Buffer.from(outgoing[0]?.data ?? new Uint8Array()).toString('hex'), `0005${hex('hello')}`);
    engine.setFraming(client.id, { framing: 'length', length: 'u8', lengthIncludesHeader: true });
    await engine.send(client.id, Buffer.from('abc'), { prefix: true });
    await engine.close(client.id);
    const result = await peer.result;
    assert.equal(result.received, `0005${hex('hello')}04${hex('abc')}`);

    const raw = await engine.open(`tcp-listen://127.0.0.1:0`);
    const plain = await engine.open(`tcp://127.0.0.1:${portOf(raw)}?framing=length&length=u8`);
    await assert.rejects(engine.send(plain.id, Buffer.alloc(256), { prefix: true }), (error: EngineError) => error.data.reason === 'prefix-too-long' && error.data.max === 255);
    engine.setFraming(plain.id, { framing: 'line' });
    await assert.rejects(engine.send(plain.id, Buffer.from('x'), { prefix: true }), (error: EngineError) => error.code === 'INVALID_ARGUMENT' && error.data.reason === 'prefix-needs-length' && error.data.framing === 'line');
  });

  it('UDP refuses framing with its own reason, in a spec and at run time; the options are checked together', async () => {
    rejectsWith(() => parseSpec('udp://127.0.0.1:9000?framing=line'), 'SPEC_OPTION', 'framing-datagram');
    rejectsWith(() => parseSpec('udp-listen://127.0.0.1:9000?size=4'), 'SPEC_OPTION', 'framing-datagram');
    const udp = await engine.open('udp-listen://127.0.0.1:0');
    rejectsWith(() => engine.setFraming(udp.id, { framing: 'line' }), 'SPEC_OPTION', 'framing-datagram');
    rejectsWith(() => engine.setFraming(udp.id, {}), 'UNSUPPORTED', 'framing-not-stream');
    await assert.rejects(engine.send(udp.id, Buffer.from('x'), { prefix: true, target: '127.0.0.1:9' }), (error: EngineError) => error.data.reason === 'prefix-needs-length');
    rejectsWith(() => parseSpec('tcp://h:1?delimiter=0a'), 'SPEC_OPTION', 'framing-option-needs-mode');
    rejectsWith(() => parseSpec('tcp://h:1?framing=line&size=2'), 'SPEC_OPTION', 'framing-option-needs-mode');
    rejectsWith(() => parseSpec('tcp://h:1?framing=length'), 'SPEC_OPTION', 'framing-mode-needs-option');
    rejectsWith(() => parseSpec('tcp://h:1?framing=lines'), 'SPEC_OPTION', 'option-choice');
    rejectsWith(() => parseSpec('tcp://h:1?framing=delimiter&delimiter=0'), 'SPEC_OPTION', 'option-hex');
    rejectsWith(() => parseSpec('tcp://h:1?framing=fixed&size=0'), 'SPEC_OPTION', 'option-integer');
    const spec = parseSpec('unix:///tmp/a.sock?framing=length&length=u32le&lengthAdjust=-2&lengthOffset=3');
    assert.deepEqual(spec.options, { framing: 'length', length: 'u32le', lengthAdjust: -2, lengthOffset: 3 });
    assert.deepEqual(parseSpec('tcp://h:1?framing=delimiter&delimiter=0D:0A').options, { framing: 'delimiter', delimiter: '0d0a' });
    assert.equal(parseSpec('tcp://h:1?framing=length&length=u8&lengthAdjust=+2').options.lengthAdjust, 2);
  });

  it('a framing change applies from the next byte; what was pending becomes one message first', async () => {
    const server = await engine.open('tcp-listen://127.0.0.1:0?framing=line');
    const client = await engine.open(`tcp://127.0.0.1:${portOf(server)}`);
    const connection = await firstConnection(engine, server.id);
    await engine.send(client.id, Buffer.from('one\ntw'));
    await waitFor('2 pending bytes', () => (engine.get(connection.id)?.stats.pendingBytes === 2 ? true : undefined));
    const info = engine.setFraming(server.id, { framing: 'fixed', size: 2 });
    assert.deepEqual(info.framing, { framing: 'fixed', size: 2 });
    await engine.send(client.id, Buffer.from('abcde'));
    await waitFor('1 pending byte', () => (engine.get(connection.id)?.stats.pendingBytes === 1 ? true : undefined));
    assert.deepEqual(messagesIn(engine.transcript(connection.id).entries()), ['one\n', 'tw', 'ab', 'cd']);
    const change = engine.transcript(connection.id).entries().find((entry) => entry.code === 'FRAMING');
    assert.equal(change?.detail, 'framing=fixed&size=2');
    // Connections accepted later use the server's new framing.
    const second = await engine.open(`tcp://127.0.0.1:${portOf(server)}`);
    await waitFor('the second connection', () => (engine.get(server.id)?.connections === 2 ? true : undefined));
    await engine.send(second.id, Buffer.from('xyz'));
    const later = engine.connections(server.id)[1];
    await waitFor('the second connection\'s message', () => (messagesIn(engine.transcript(later.id).entries()).length === 1 ? true : undefined));
    assert.deepEqual(messagesIn(engine.transcript(later.id).entries()), ['xy']);
    engine.setFraming(server.id, {});
    assert.equal(engine.get(connection.id)?.framing, undefined);
    assert.equal(engine.get(connection.id)?.stats.pendingBytes, undefined);
    assert.deepEqual(messagesIn(engine.transcript(connection.id).entries()), ['one\n', 'tw', 'ab', 'cd', 'e']);
  });

  it('a reset close keeps its mode in the close entry, and the export carries RST, not FIN (tshark tcp.flags.reset)', async () => {
    const server = await engine.open('tcp-listen://127.0.0.1:0');
    const client = await engine.open(`tcp://127.0.0.1:${portOf(server)}`);
    await firstConnection(engine, server.id);
    await engine.send(client.id, Buffer.from('bye'));
    await engine.close(client.id, 'reset');
    const close = engine.transcript(client.id).entries().find((entry) => entry.kind === 'close');
    assert.equal(close?.code, 'reset');
    const file = path.join(directory, 'reset.pcapng');
    await engine.exportCapture(client.id, file);
    assert.deepEqual(await problemFrames(file), []);
    // tshark prints booleans as 1/0 or True/False depending on its version.
    const flags = (await fields(file, 'tcp.flags.reset', 'tcp.flags.fin', 'tcp.srcport')).map((row) => row.map((value) => value.replace('True', '1').replace('False', '0')));
    const last = flags[flags.length - 1];
    assert.deepEqual(last.slice(0, 2), ['1', '0']);
    assert.equal(Number(last[2]), engine.get(client.id)?.local?.port);
    assert.equal(flags.filter((row) => row[1] === '1').length, 0, 'no FIN in a reset connection');
    assert.equal(flags.filter((row) => row[0] === '1').length, 1);
  });
});

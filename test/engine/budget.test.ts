import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as net from 'node:net';
import * as path from 'node:path';
import * as readline from 'node:readline';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { SocketEngine, type SocketInfo, type TranscriptEntry } from '../../src/engine';
import { TranscriptPool } from '../../src/engine/budget';
import { Transcript } from '../../src/engine/transcript';
import { nextEvent, portOf, waitFor } from './helpers';

const MiB = 1024 * 1024;
// Compiled tests live in out/test/engine; the peer script stays in the source tree.
const FLOOD = path.resolve(__dirname, '..', '..', '..', 'test', 'engine', 'peers', 'flood.mjs');

/** A full GC without starting mocha with --expose-gc: the flag is set, then gc fetched from a fresh context. */
function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  gc();
  gc();
}

const seqs = (entries: readonly TranscriptEntry[]): string[] =>
  entries.map((entry) => (entry.kind === 'data' ? `${entry.socketId ?? ''}:${entry.data?.[0] ?? ''}` : entry.kind));

describe('Transcript budgets', () => {
  describe('the engine-wide pool', () => {
    it('evicts the oldest entry across its transcripts first, and counts each drop where it happened', () => {
      const limits = { maxEntries: 100, maxBytes: 100, captureBytes: 10 };
      const pool = new TranscriptPool(25);
      const first = new Transcript(limits);
      const second = new Transcript(limits);
      pool.join(first);
      pool.join(second);
      first.recordData('in', Uint8Array.of(1, 1, 1, 1, 1, 1, 1, 1, 1, 1));
      second.recordData('in', Uint8Array.of(2, 2, 2, 2, 2, 2, 2, 2, 2, 2));
      first.recordData('in', Uint8Array.of(3, 3, 3, 3, 3));
      assert.equal(pool.heldBytes, 25);
      assert.equal(pool.droppedEntries, 0);
      // 25 + 10 > 25: the oldest entry anywhere (first's 1s) goes, then nothing else.
      second.recordData('in', Uint8Array.of(4, 4, 4, 4, 4, 4, 4, 4, 4, 4));
      assert.deepEqual(first.entries().map((entry) => entry.data?.[0]), [3]);
      assert.deepEqual(second.entries().map((entry) => entry.data?.[0]), [2, 4]);
      assert.equal(pool.heldBytes, 25);
      assert.equal(pool.droppedEntries, 1);
      assert.equal(first.counters().evictedEntries, 1);
      assert.equal(first.counters().evictedBytes, 10);
      assert.equal(second.counters().evictedEntries, 0);
      // Lowering the cap applies at once: second's 2s are now the oldest, then first's 3s.
      pool.setMaxBytes(10);
      assert.deepEqual(first.entries(), []);
      assert.deepEqual(second.entries().map((entry) => entry.data?.[0]), [4]);
      assert.equal(pool.heldBytes, 10);
      assert.equal(pool.droppedEntries, 3);
      // A transcript that leaves takes its bytes with it.
      pool.leave(second);
      assert.equal(pool.heldBytes, 0);
      assert.equal(second.pool, undefined);
      assert.throws(() => pool.setMaxBytes(0), /maxTotalBytes must be a positive integer/);
    });

    it('evicts through a seq and calls onEvictData for each evicted chunk', () => {
      const transcript = new Transcript({ maxEntries: 100, maxBytes: 6, captureBytes: 2 });
      const evicted: number[] = [];
      transcript.onEvictData = (seq) => evicted.push(seq);
      transcript.recordEvent('open');
      for (let value = 1; value <= 4; value++) {
        transcript.recordData('in', Uint8Array.of(value, value));
      }
      // 8 bytes > 6: the event and the first chunk went, oldest first; only the chunk was reported.
      assert.deepEqual(evicted, [1]);
      transcript.evictThrough(3);
      assert.deepEqual(evicted, [1, 2, 3]);
      assert.deepEqual(transcript.entries().map((entry) => entry.seq), [4]);
      transcript.evictThrough(3);
      assert.deepEqual(transcript.entries().map((entry) => entry.seq), [4], 'an entry already gone evicts nothing more');
      assert.equal(transcript.counters().evictedEntries, 4);
    });
  });

  describe('a server and its connections', () => {
    let engine: SocketEngine;
    const peers: net.Socket[] = [];
    afterEach(async () => {
      for (const peer of peers.splice(0)) {
        peer.destroy();
      }
      await engine.dispose();
    });

    async function connect(server: SocketInfo): Promise<{ peer: net.Socket; id: string }> {
      const accepted = nextEvent(engine.onDidCreate, 'the accepted connection', (info) => info.parentId === server.id);
      const peer = net.connect({ port: portOf(server), host: '127.0.0.1' });
      peer.on('error', () => undefined);
      peers.push(peer);
      const info = await accepted;
      return { peer, id: info.id };
    }

    /** Sends one chunk of `size` bytes of `value` and waits until the server has recorded it. */
    async function sendChunk(serverId: string, peer: net.Socket, value: number, size: number): Promise<void> {
      const before = engine.get(serverId)?.stats.messagesIn ?? 0;
      peer.write(Buffer.alloc(size, value));
      await waitFor(`chunk ${value} at the server`, () => ((engine.get(serverId)?.stats.messagesIn ?? 0) > before ? true : undefined));
    }

    it('holds at most the server maxBytes over all connections, evicting oldest first from the server and the connection', async () => {
      engine = new SocketEngine({ transcriptLimits: { maxEntries: 1000, maxBytes: 1000, captureBytes: 100 } });
      const server = await engine.open('tcp-listen://127.0.0.1:0');
      const a = await connect(server);
      // No transcript object exists for an idle accepted connection; asking for one gives its accept.
      for (let value = 1; value <= 6; value++) {
        await sendChunk(server.id, a.peer, value, 100);
      }
      const b = await connect(server);
      for (let value = 11; value <= 16; value++) {
        await sendChunk(server.id, b.peer, value, 100);
      }
      // 1,200 bytes arrived, 1,000 fit: listen, a's accept and a's first two chunks left the server.
      assert.deepEqual(seqs(engine.transcript(server.id).entries()), [
        `${a.id}:3`, `${a.id}:4`, `${a.id}:5`, `${a.id}:6`, 'accept',
        `${b.id}:11`, `${b.id}:12`, `${b.id}:13`, `${b.id}:14`, `${b.id}:15`, `${b.id}:16`,
      ]);
      const serverCounters = engine.transcript(server.id).counters();
      assert.equal(serverCounters.bytes, 1000);
      assert.equal(serverCounters.evictedEntries, 4);
      assert.equal(serverCounters.evictedBytes, 200);
      // The connection let go of the same two chunks (and its accept entry, which was older).
      const aTranscript = engine.transcript(a.id);
      assert.deepEqual(aTranscript.entries().map((entry) => entry.data?.[0]), [3, 4, 5, 6]);
      assert.equal(aTranscript.counters().evictedEntries, 3);
      assert.equal(aTranscript.counters().evictedBytes, 200);
      assert.equal(aTranscript.counters().bytes, 400);
      const bTranscript = engine.transcript(b.id);
      assert.deepEqual(bTranscript.entries().map((entry) => entry.kind), ['accept', 'data', 'data', 'data', 'data', 'data', 'data']);
      assert.equal(bTranscript.counters().evictedEntries, 0);
      // Every socket of the server reports the server's budget.
      const budget = { heldBytes: 1000, maxBytes: 1000, droppedEntries: 4 };
      assert.deepEqual(engine.get(server.id)?.budget, budget);
      assert.deepEqual(engine.get(a.id)?.budget, budget);
      assert.deepEqual(engine.get(b.id)?.budget, budget);
      assert.deepEqual(engine.totalBudget(), { heldBytes: 1000, maxBytes: 256 * MiB, droppedEntries: 0 });
    });

    it('keeps per-connection limits inside the server budget', async () => {
      engine = new SocketEngine({ transcriptLimits: { maxEntries: 4, maxBytes: 1000, captureBytes: 100 } });
      const server = await engine.open('tcp-listen://127.0.0.1:0');
      const a = await connect(server);
      for (let value = 1; value <= 5; value++) {
        await sendChunk(server.id, a.peer, value, 10);
      }
      // The connection keeps its own 4 entries; the server keeps its own 4 (it saw more).
      assert.deepEqual(engine.transcript(a.id).entries().map((entry) => entry.data?.[0]), [2, 3, 4, 5]);
      assert.equal(engine.transcript(a.id).counters().evictedEntries, 2);
      assert.deepEqual(engine.transcript(server.id).entries().map((entry) => entry.data?.[0]), [2, 3, 4, 5]);
      assert.equal(engine.transcript(server.id).counters().evictedEntries, 3);
    });

    it('caps all sockets together, evicting the oldest entry of any socket that holds bytes', async () => {
      engine = new SocketEngine({ transcriptLimits: { maxEntries: 1000, maxBytes: 1000, captureBytes: 100 }, maxTotalTranscriptBytes: 1000 });
      const x = await engine.open('tcp-listen://127.0.0.1:0');
      const xa = await connect(x);
      for (let value = 1; value <= 6; value++) {
        await sendChunk(x.id, xa.peer, value, 100);
      }
      const y = await engine.open('tcp-listen://127.0.0.1:0');
      const ya = await connect(y);
      for (let value = 11; value <= 16; value++) {
        await sendChunk(y.id, ya.peer, value, 100);
      }
      // 1,200 bytes over both servers, 1,000 allowed: x's oldest went (listen, accept, chunks 1 and 2).
      assert.deepEqual(engine.transcript(x.id).entries().map((entry) => entry.data?.[0]), [3, 4, 5, 6]);
      assert.equal(engine.transcript(x.id).counters().evictedEntries, 4);
      assert.deepEqual(engine.transcript(xa.id).entries().map((entry) => entry.data?.[0]), [3, 4, 5, 6]);
      assert.equal(engine.transcript(xa.id).counters().evictedEntries, 3);
      assert.deepEqual(engine.transcript(y.id).entries().map((entry) => entry.kind), ['listen', 'accept', 'data', 'data', 'data', 'data', 'data', 'data']);
      assert.equal(engine.transcript(y.id).counters().evictedEntries, 0);
      assert.deepEqual(engine.totalBudget(), { heldBytes: 1000, maxBytes: 1000, droppedEntries: 4 });
      assert.deepEqual(engine.get(xa.id)?.budget, { heldBytes: 400, maxBytes: 1000, droppedEntries: 4 });
      // A removed socket's bytes leave the pool.
      await engine.remove(x.id);
      assert.equal(engine.totalBudget().heldBytes, 600);
      assert.throws(() => engine.setMaxTotalTranscriptBytes(-1), /maxTotalBytes/);
      engine.setMaxTotalTranscriptBytes(300);
      assert.deepEqual(engine.transcript(y.id).entries().map((entry) => entry.data?.[0]), [14, 15, 16]);
      assert.equal(engine.totalBudget().droppedEntries, 9);
    });

    it('clearing a server frees the bytes its connections share with it', async () => {
      engine = new SocketEngine({ transcriptLimits: { maxEntries: 1000, maxBytes: 1000, captureBytes: 100 } });
      const server = await engine.open('tcp-listen://127.0.0.1:0');
      const a = await connect(server);
      await sendChunk(server.id, a.peer, 7, 50);
      assert.equal(engine.transcript(a.id).counters().bytes, 50);
      engine.clearTranscript(server.id);
      assert.equal(engine.transcript(a.id).counters().bytes, 0);
      assert.equal(engine.totalBudget().heldBytes, 0);
      assert.deepEqual(engine.get(a.id)?.budget, { heldBytes: 0, maxBytes: 1000, droppedEntries: 0 });
    });

    it('40 connections sending 20 MiB each from another process: memory grows by at most the server budget + 10 %', async function () {
      this.timeout(240_000);
      engine = new SocketEngine();
      const server = await engine.open('tcp-listen://127.0.0.1:0');
      const connections = 40;
      const perConnection = 20 * MiB;
      collectGarbage();
      const before = process.memoryUsage();
      const flood = spawn(process.execPath, [FLOOD, String(portOf(server)), String(connections), String(perConnection / MiB)], {
        stdio: ['pipe', 'pipe', 'inherit'],
      });
      try {
        const lines = readline.createInterface({ input: flood.stdout });
        const sent = new Promise<string>((resolve) => lines.once('line', resolve));
        await waitFor('800 MiB at the server', () => ((engine.get(server.id)?.stats.bytesIn ?? 0) >= connections * perConnection ? true : undefined), 200_000);
        assert.equal(await sent, 'sent');
        collectGarbage();
        const after = process.memoryUsage();
        const budget = 16 * MiB;
        const external = after.external - before.external;
        const arrayBuffers = after.arrayBuffers - before.arrayBuffers;
        assert.ok(external <= budget * 1.1, `external memory grew by ${(external / MiB).toFixed(1)} MiB`);
        assert.ok(arrayBuffers <= budget * 1.1, `array buffers grew by ${(arrayBuffers / MiB).toFixed(1)} MiB`);
        const info = engine.get(server.id);
        assert.equal(info?.connections, connections);
        assert.equal(info?.stats.bytesIn, connections * perConnection);
        assert.ok((info?.budget.heldBytes ?? Infinity) <= budget);
        assert.equal(info?.budget.maxBytes, budget);
        // Every chunk the server dropped was counted; what the connections hold is a part of what it holds.
        const counters = engine.transcript(server.id).counters();
        assert.equal(counters.entries + counters.evictedEntries, counters.nextSeq);
        assert.ok(counters.evictedEntries > 0);
        let held = 0;
        for (const connection of engine.connections(server.id)) {
          held += engine.transcript(connection.id).counters().bytes;
        }
        assert.ok(held <= counters.bytes, `connections hold ${held} bytes, the server ${counters.bytes}`);
      } finally {
        flood.stdin.end();
        flood.kill();
      }
    });
  });
});

/**
 * Runs: the messages of one framed read kept as one slot (a buffer and its cuts) in a connection's
 * transcript and in its server's mirror. Read back, they must be exactly the entries that one
 * record per message would have given: seqs, bytes, sources, counters, and eviction by count, by
 * bytes, through a seq, by the pool, and when limits shrink.
 */
import * as assert from 'node:assert/strict';
import { TranscriptPool } from '../../src/engine/budget';
import type { TranscriptEntry } from '../../src/engine/shared/types';
import { Transcript } from '../../src/engine/transcript';

const LIMITS = { maxEntries: 100, maxBytes: 10_000, captureBytes: 1000 };
const text = (entry: TranscriptEntry | undefined): string => Buffer.from(entry?.data ?? new Uint8Array()).toString('latin1');

/** A read of these messages, as the framer hands it over: one buffer and the cuts between them. */
function read(...messages: string[]): { buffer: Uint8Array; cuts: Float64Array; count: number } {
  const buffer = Buffer.from(messages.join(''), 'latin1');
  const cuts = new Float64Array(messages.length + 1);
  messages.forEach((message, index) => (cuts[index + 1] = cuts[index] + message.length));
  return { buffer, cuts, count: messages.length };
}

function recordRun(transcript: Transcript, ...messages: string[]): void {
  const { buffer, cuts, count } = read(...messages);
  transcript.recordRun('in', buffer, cuts, count, '127.0.0.1:9', 1000, 5);
}

/** The same messages recorded one entry each: what a run must be indistinguishable from. */
function recordEach(transcript: Transcript, ...messages: string[]): void {
  for (const message of messages) {
    transcript.record('in', Buffer.from(message, 'latin1'), '127.0.0.1:9', undefined, 1000, 5);
  }
}

const shape = (entries: readonly TranscriptEntry[]): unknown[] => entries.map((entry) => ({ ...entry, data: text(entry) }));

describe('Transcript runs', () => {
  it('a run reads back as one entry per message, with seqs, exact bytes and shared times', () => {
    const transcript = new Transcript(LIMITS);
    transcript.recordEvent('info', { code: 'E0' }, 900, 1);
    recordRun(transcript, 'HELO a\r\n', 'MAIL\n', '\n');
    transcript.record('out', Buffer.from('250 ok\n'), '127.0.0.1:9', undefined, 1001, 6);
    recordRun(transcript, 'x\n');
    assert.deepEqual(shape(transcript.entries()), [
      { seq: 0, kind: 'info', time: 900, mono: 1, length: 0, code: 'E0', data: '' },
      { seq: 1, kind: 'data', direction: 'in', time: 1000, mono: 5, peer: '127.0.0.1:9', socketId: undefined, length: 8, data: 'HELO a\r\n' },
      { seq: 2, kind: 'data', direction: 'in', time: 1000, mono: 5, peer: '127.0.0.1:9', socketId: undefined, length: 5, data: 'MAIL\n' },
      { seq: 3, kind: 'data', direction: 'in', time: 1000, mono: 5, peer: '127.0.0.1:9', socketId: undefined, length: 1, data: '\n' },
      { seq: 4, kind: 'data', direction: 'out', time: 1001, mono: 6, peer: '127.0.0.1:9', socketId: undefined, length: 7, data: '250 ok\n' },
      { seq: 5, kind: 'data', direction: 'in', time: 1000, mono: 5, peer: '127.0.0.1:9', socketId: undefined, length: 2, data: 'x\n' },
    ]);
    assert.equal(text(transcript.at(2)), 'MAIL\n');
    assert.equal(text(transcript.at(3)), '\n');
    assert.equal(transcript.at(6), undefined);
    assert.deepEqual(transcript.slice(2, 3).map((entry) => entry.seq), [2, 3, 4]);
    assert.deepEqual(transcript.counters(), { entries: 6, bytes: 23, evictedEntries: 0, evictedBytes: 0, truncatedEntries: 0, truncatedBytes: 0, firstSeq: 0, nextSeq: 6 });
  });

  it('a server mirrors a run with its own seqs and the connection seq of each message as sourceSeq', () => {
    const connection = new Transcript(LIMITS);
    const server = new Transcript(LIMITS);
    server.recordAccept('127.0.0.1:9', 's1.1', '127.0.0.1:7000', 999, 4);
    connection.recordEvent('connect', {}, 999, 4);
    recordRun(connection, 'a\n', 'bc\n');
    server.mirrorRun(connection, 's1.1');
    assert.deepEqual(
      server.entries().map((entry) => [entry.seq, entry.kind, entry.socketId, entry.sourceSeq, text(entry)]),
      [
        [0, 'accept', 's1.1', undefined, ''],
        [1, 'data', 's1.1', 1, 'a\n'],
        [2, 'data', 's1.1', 2, 'bc\n'],
      ],
    );
  });

  it('evicts the oldest messages of a run by count, by bytes and through a seq, reporting each range once', () => {
    const server = new Transcript({ maxEntries: 5, maxBytes: 10_000, captureBytes: 1000 });
    const connection = new Transcript(LIMITS);
    const evicted: Array<[number, string | undefined, number | undefined]> = [];
    server.onEvictData = (seq, socketId, sourceSeq) => evicted.push([seq, socketId, sourceSeq]);
    recordRun(connection, 'a\n', 'b\n', 'c\n', 'd\n');
    server.mirrorRun(connection, 's1.1');
    recordRun(connection, 'e\n', 'f\n', 'g\n');
    server.mirrorRun(connection, 's1.1');
    // 7 messages, 5 kept: the first run gives up its two oldest in one eviction.
    assert.deepEqual(evicted, [[1, 's1.1', 1]]);
    assert.deepEqual(server.entries().map(text), ['c\n', 'd\n', 'e\n', 'f\n', 'g\n']);
    assert.deepEqual(server.entries().map((entry) => entry.sourceSeq), [2, 3, 4, 5, 6]);
    server.evictThrough(4);
    assert.deepEqual(evicted, [[1, 's1.1', 1], [3, 's1.1', 3], [4, 's1.1', 4]]);
    assert.deepEqual(server.entries().map((entry) => entry.seq), [5, 6]);
    assert.deepEqual(server.counters(), { entries: 2, bytes: 4, evictedEntries: 5, evictedBytes: 10, truncatedEntries: 0, truncatedBytes: 0, firstSeq: 5, nextSeq: 7 });

    const bounded = new Transcript({ maxEntries: 100, maxBytes: 10, captureBytes: 10 });
    recordRun(bounded, 'aaaa', 'bb', 'cccc');
    recordRun(bounded, 'dddd');
    // 14 bytes into 10: the 'aaaa' message frees exactly enough, and only it goes.
    assert.deepEqual(bounded.entries().map(text), ['bb', 'cccc', 'dddd']);
    assert.equal(bounded.counters().bytes, 10);
  });

  it('a run longer than maxEntries keeps its newest messages', () => {
    const transcript = new Transcript({ maxEntries: 3, maxBytes: 10_000, captureBytes: 1000 });
    recordRun(transcript, '1', '2', '3', '4', '5');
    assert.deepEqual(transcript.entries().map((entry) => [entry.seq, text(entry)]), [[2, '3'], [3, '4'], [4, '5']]);
    assert.equal(transcript.counters().evictedEntries, 2);
  });

  it('is indistinguishable from one record per message across growth, wrap-around, shrinking limits and the pool', () => {
    const runs = new Transcript({ maxEntries: 16, maxBytes: 60, captureBytes: 10 });
    const each = new Transcript({ maxEntries: 16, maxBytes: 60, captureBytes: 10 });
    const runPool = new TranscriptPool(40);
    const eachPool = new TranscriptPool(40);
    runPool.join(runs);
    eachPool.join(each);
    for (let index = 0; index < 30; index++) {
      const messages = Array.from({ length: 1 + (index % 4) }, (_, part) => `${index}.${part}${'-'.repeat(part)}`);
      if (index % 3 === 0) {
        runs.recordEvent('info', { code: `E${index}` }, 900, 1);
        each.recordEvent('info', { code: `E${index}` }, 900, 1);
      }
      recordRun(runs, ...messages);
      recordEach(each, ...messages);
      assert.deepEqual(shape(runs.entries()), shape(each.entries()), `after read ${index}`);
      assert.deepEqual(runs.counters(), each.counters(), `counters after read ${index}`);
      assert.equal(runPool.heldBytes, eachPool.heldBytes);
    }
    runs.setLimits({ maxEntries: 5, maxBytes: 60, captureBytes: 10 });
    each.setLimits({ maxEntries: 5, maxBytes: 60, captureBytes: 10 });
    assert.deepEqual(shape(runs.entries()), shape(each.entries()));
    runs.evictOldest();
    each.evictOldest();
    assert.deepEqual(shape(runs.entries()), shape(each.entries()));
    runs.clear();
    assert.deepEqual(runs.counters(), { entries: 0, bytes: 0, evictedEntries: 0, evictedBytes: 0, truncatedEntries: 0, truncatedBytes: 0, firstSeq: runs.counters().nextSeq, nextSeq: runs.counters().nextSeq });
    assert.equal(runPool.heldBytes, 0);
  });

  it('fitsRun refuses a read with a message over the capture cap (it is recorded one by one, cut)', () => {
    const transcript = new Transcript({ maxEntries: 100, maxBytes: 10_000, captureBytes: 4 });
    assert.equal(transcript.fitsRun(read('ab', 'cd').cuts, 2), true);
    assert.equal(transcript.fitsRun(read('a', 'b', 'cd').cuts, 3), true);
    assert.equal(transcript.fitsRun(read('a', 'bcdef').cuts, 2), false);
  });
});

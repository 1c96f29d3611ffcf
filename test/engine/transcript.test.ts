import * as assert from 'node:assert/strict';
import { EngineError } from '../../src/engine/shared/errors';
import { TranscriptPool } from '../../src/engine/budget';
import { Transcript } from '../../src/engine/transcript';

const bytes = (...values: number[]): Uint8Array => Uint8Array.from(values);

describe('Transcript', () => {
  it('records events and data with seq, wall-clock and monotonic time', () => {
    const transcript = new Transcript({ maxEntries: 10, maxBytes: 100, captureBytes: 10 });
    const before = Date.now();
    const open = transcript.recordEvent('open', { detail: 'tcp://127.0.0.1:9' });
    const data = transcript.recordData('in', bytes(0x48, 0x69), '127.0.0.1:9');
    assert.equal(open.seq, 0);
    assert.equal(open.kind, 'open');
    assert.equal(open.detail, 'tcp://127.0.0.1:9');
    assert.equal(data.seq, 1);
    assert.equal(data.direction, 'in');
    assert.equal(data.peer, '127.0.0.1:9');
    assert.equal(data.length, 2);
    assert.deepEqual(data.data, bytes(0x48, 0x69));
    assert.ok(data.time >= before && data.time <= Date.now());
    assert.ok(data.mono >= open.mono);
    assert.deepEqual(transcript.counters(), {
      entries: 2, bytes: 2, evictedEntries: 0, evictedBytes: 0,
      truncatedEntries: 0, truncatedBytes: 0, firstSeq: 0, nextSeq: 2,
    });
  });

  it('keeps a chunk by reference when it fits the capture cap', () => {
    const transcript = new Transcript({ maxEntries: 10, maxBytes: 100, captureBytes: 10 });
    const chunk = bytes(1, 2, 3);
    assert.equal(transcript.recordData('out', chunk).data, chunk);
  });

  it('cuts a capture at the cap, copies the prefix, and counts what was not captured', () => {
    const transcript = new Transcript({ maxEntries: 10, maxBytes: 100, captureBytes: 4 });
    const chunk = bytes(1, 2, 3, 4, 5, 6, 7);
    const entry = transcript.recordData('in', chunk);
    assert.equal(entry.length, 7);
    assert.deepEqual(entry.data, bytes(1, 2, 3, 4));
    assert.notEqual(entry.data?.buffer, chunk.buffer, 'a cut capture must not pin the original buffer');
    const counters = transcript.counters();
    assert.equal(counters.truncatedEntries, 1);
    assert.equal(counters.truncatedBytes, 3);
    assert.equal(counters.bytes, 4);
  });

  it('evicts the oldest entries by count and counts them', () => {
    const transcript = new Transcript({ maxEntries: 3, maxBytes: 100, captureBytes: 10 });
    for (let value = 0; value < 5; value++) {
      transcript.recordData('in', bytes(value));
    }
    assert.deepEqual(transcript.entries().map((entry) => entry.seq), [2, 3, 4]);
    assert.deepEqual(transcript.entries().map((entry) => entry.data?.[0]), [2, 3, 4]);
    const counters = transcript.counters();
    assert.equal(counters.evictedEntries, 2);
    assert.equal(counters.evictedBytes, 2);
    assert.equal(counters.firstSeq, 2);
    assert.equal(counters.nextSeq, 5);
  });

  it('evicts the oldest entries by byte budget', () => {
    const transcript = new Transcript({ maxEntries: 100, maxBytes: 10, captureBytes: 4 });
    transcript.recordData('in', bytes(1, 1, 1, 1));
    transcript.recordEvent('info');
    transcript.recordData('in', bytes(2, 2, 2, 2));
    transcript.recordData('in', bytes(3, 3, 3, 3));
    assert.deepEqual(transcript.entries().map((entry) => entry.seq), [1, 2, 3]);
    assert.equal(transcript.counters().bytes, 8);
    assert.equal(transcript.counters().evictedBytes, 4);
  });

  it('answers windowed reads by seq, clamped to what is held', () => {
    const transcript = new Transcript({ maxEntries: 5, maxBytes: 100, captureBytes: 10 });
    for (let value = 0; value < 8; value++) {
      transcript.recordData('out', bytes(value));
    }
    assert.deepEqual(transcript.slice(4, 2).map((entry) => entry.seq), [4, 5]);
    assert.deepEqual(transcript.slice(0, 2).map((entry) => entry.seq), [3, 4]);
    assert.deepEqual(transcript.slice(6, 10).map((entry) => entry.seq), [6, 7]);
    assert.equal(transcript.at(2), undefined);
    assert.equal(transcript.at(7)?.data?.[0], 7);
    assert.equal(transcript.at(8), undefined);
  });

  it('keeps order across growth after evictions moved the head', () => {
    const transcript = new Transcript({ maxEntries: 1000, maxBytes: 20, captureBytes: 10 });
    for (let value = 0; value < 200; value++) {
      transcript.recordData('in', bytes(value % 256, 0));
      transcript.recordEvent('info');
    }
    const seqs = transcript.entries().map((entry) => entry.seq);
    assert.deepEqual(seqs, [...seqs].sort((left, right) => left - right));
    assert.equal(seqs[seqs.length - 1], 399);
    assert.ok(transcript.counters().bytes <= 20);
  });

  it('mirrors an entry from another transcript with its own seq, sharing the bytes', () => {
    const child = new Transcript();
    const parent = new Transcript();
    parent.recordEvent('listen');
    const entry = child.recordData('in', bytes(9), '127.0.0.1:1', 's1.1');
    const mirrored = parent.mirror(entry);
    assert.equal(mirrored.seq, 1);
    assert.equal(mirrored.socketId, 's1.1');
    assert.equal(mirrored.data, entry.data);
  });

  it('applies new limits at once and clears', () => {
    const transcript = new Transcript({ maxEntries: 10, maxBytes: 100, captureBytes: 10 });
    for (let value = 0; value < 10; value++) {
      transcript.recordData('in', bytes(value));
    }
    transcript.setLimits({ maxEntries: 4, maxBytes: 100, captureBytes: 10 });
    assert.deepEqual(transcript.entries().map((entry) => entry.seq), [6, 7, 8, 9]);
    assert.equal(transcript.counters().evictedEntries, 6);
    transcript.clear();
    assert.deepEqual(transcript.entries(), []);
    assert.equal(transcript.counters().evictedEntries, 0);
    assert.equal(transcript.recordEvent('info').seq, 10, 'seq keeps increasing after clear');
  });

  it('rejects limits it could never honour with a typed error', () => {
    assert.throws(() => new Transcript({ maxEntries: 0, maxBytes: 10, captureBytes: 1 }), (error: unknown) => {
      assert.ok(error instanceof EngineError);
      assert.equal(error.code, 'INVALID_ARGUMENT');
      assert.equal(error.message, 'transcript limit maxEntries must be a positive integer, got 0');
      return true;
    });
    assert.throws(() => new Transcript({ maxEntries: 1, maxBytes: 10, captureBytes: 11 }), {
      code: 'INVALID_ARGUMENT',
      message: 'transcript captureBytes (11) exceeds maxBytes (10)',
    });
  });
  describe('columns', () => {
    it('builds entries of the exact shape from the columns: sourceSeq only on a mirror, accepts without an object', () => {
      const child = new Transcript({ maxEntries: 10, maxBytes: 100, captureBytes: 10 });
      const parent = new Transcript({ maxEntries: 10, maxBytes: 100, captureBytes: 10 });
      const chunk = bytes(7, 8);
      child.record('out', chunk, '127.0.0.1:9');
      parent.recordAccept('127.0.0.1:9', 's1.1', '127.0.0.1:7000', 1000, 5);
      parent.mirrorLast(child, 's1.1');
      const own = child.at(0);
      assert.deepEqual({ ...own, time: 0, mono: 0 }, { seq: 0, kind: 'data', direction: 'out', time: 0, mono: 0, peer: '127.0.0.1:9', socketId: undefined, length: 2, data: chunk });
      assert.equal(own?.data, chunk, 'the bytes are kept by reference');
      assert.deepEqual(parent.at(0), { seq: 0, kind: 'accept', time: 1000, mono: 5, length: 0, peer: '127.0.0.1:9', socketId: 's1.1', detail: '127.0.0.1:7000' });
      const mirrored = parent.at(1);
      assert.deepEqual({ ...mirrored, time: 0, mono: 0 }, { seq: 1, kind: 'data', direction: 'out', time: 0, mono: 0, peer: '127.0.0.1:9', socketId: 's1.1', sourceSeq: 0, length: 2, data: chunk });
      assert.equal(mirrored?.time, own?.time);
      assert.equal(mirrored?.mono, own?.mono);
    });

    it('gives the last entry even when the pool evicted it at once, and reports evictions by seq, socket and source', () => {
      const pool = new TranscriptPool(3);
      const server = new Transcript({ maxEntries: 10, maxBytes: 100, captureBytes: 10 });
      const evicted: Array<[number, string | undefined, number | undefined]> = [];
      server.onEvictData = (seq, socketId, sourceSeq) => evicted.push([seq, socketId, sourceSeq]);
      pool.join(server);
      const connection = new Transcript({ maxEntries: 10, maxBytes: 100, captureBytes: 10 });
      connection.record('in', bytes(1, 2), '[::1]:5');
      server.mirrorLast(connection, 's1.2');
      connection.record('in', bytes(3, 4), '[::1]:5');
      server.mirrorLast(connection, 's1.2');
      // 4 bytes > 3: the first mirrored chunk went; then a 4-byte chunk evicts itself as well.
      assert.deepEqual(evicted, [[0, 's1.2', 0]]);
      connection.record('in', bytes(5, 6, 7, 8), '[::1]:5');
      server.mirrorLast(connection, 's1.2');
      assert.deepEqual(evicted, [[0, 's1.2', 0], [1, 's1.2', 1], [2, 's1.2', 2]]);
      assert.equal(server.counters().entries, 0);
      const last = server.lastEntry();
      assert.deepEqual({ ...last, time: 0, mono: 0 }, { seq: 2, kind: 'data', direction: 'in', time: 0, mono: 0, peer: '[::1]:5', socketId: 's1.2', sourceSeq: 2, length: 4, data: bytes(5, 6, 7, 8) });
      assert.equal(pool.heldBytes, 0);
    });

    it('keeps entries in order and intact across growth, wrap-around and shrinking limits', () => {
      const transcript = new Transcript({ maxEntries: 16, maxBytes: 1000, captureBytes: 10 });
      for (let value = 0; value < 40; value++) {
        if (value % 5 === 0) {
          transcript.recordEvent('info', { code: `E${value}` });
        } else {
          transcript.record(value % 2 === 0 ? 'out' : 'in', bytes(value), `p${value}`);
        }
      }
      transcript.setLimits({ maxEntries: 9, maxBytes: 1000, captureBytes: 10 });
      const entries = transcript.entries();
      assert.deepEqual(entries.map((entry) => entry.seq), [31, 32, 33, 34, 35, 36, 37, 38, 39]);
      assert.deepEqual(entries.map((entry) => entry.code ?? entry.data?.[0]), [31, 32, 33, 34, 'E35', 36, 37, 38, 39]);
      assert.deepEqual(entries.map((entry) => entry.direction), ['in', 'out', 'in', 'out', undefined, 'out', 'in', 'out', 'in']);
      assert.equal(transcript.counters().bytes, 8);
    });
  });
});

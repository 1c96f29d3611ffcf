import * as assert from 'node:assert/strict';
import { EngineError } from '../../src/engine/shared/errors';
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
});

import * as assert from 'node:assert/strict';
import { Transcript } from '../../src/engine/transcript';
import { deltaOf, formatDuration, RoundTrips } from '../../src/panel/timing';
import type { TranscriptEntry } from '../../src/engine';

/** A transcript whose entries have the monotonic times given (the real Transcript, times rewritten). */
function transcriptOf(steps: ReadonlyArray<readonly [kind: 'in' | 'out' | 'connect' | 'close', mono: number, socketId?: string]>, maxEntries = 1000): Transcript {
  const transcript = new Transcript({ maxEntries, maxBytes: 1 << 20, captureBytes: 1024 });
  for (const [kind, mono, socketId] of steps) {
    if (kind === 'in' || kind === 'out') {
      // Entries are built from the transcript's columns, so the time goes in as a server's mirror does.
      transcript.mirror({ seq: 0, kind: 'data', direction: kind, time: Date.now(), mono, length: 1, data: Uint8Array.of(1) }, socketId, '127.0.0.1:9');
    } else {
      transcript.recordEvent(kind, { socketId }, Date.now(), mono);
    }
  }
  return transcript;
}

const UNITS = { microseconds: '{0} µs', milliseconds: '{0} ms', seconds: '{0} s' };

describe('timing: deltas and round trips', () => {
  it('delta: since the entry before, undefined for the first held one', () => {
    const transcript = transcriptOf([['out', 10], ['in', 12.5], ['in', 20]]);
    const entries = transcript.entries();
    assert.deepEqual(entries.map((entry) => deltaOf(transcript, entry)), [undefined, 2.5, 7.5]);
  });

  it('round trip: from the last outgoing entry to the first incoming one after it, per connection', () => {
    const transcript = transcriptOf([
      ['out', 0, 'c1'],
      ['out', 5, 'c1'],
      ['out', 6, 'c2'],
      ['in', 9, 'c1'],
      ['in', 10, 'c1'],
      ['in', 16, 'c2'],
      ['in', 30, 'c3'],
    ]);
    const trips = new RoundTrips(transcript);
    trips.update();
    const values = transcript.entries().map((entry: TranscriptEntry) => trips.of(entry.seq));
    assert.deepEqual(values, [undefined, undefined, undefined, 4, undefined, 10, undefined]);
    assert.deepEqual(trips.summary(), { count: 2, min: 4, median: 4, p99: 10, max: 10 });
  });

  it('a reconnect forgets an unanswered send; updates read only new entries', () => {
    const transcript = transcriptOf([['out', 0], ['close', 1], ['connect', 2], ['in', 3]]);
    const trips = new RoundTrips(transcript);
    trips.update();
    assert.equal(trips.summary(), undefined);
    transcript.mirror({ seq: 0, kind: 'data', direction: 'out', time: Date.now(), mono: 100, length: 1, data: Uint8Array.of(1) });
    const last = transcript.mirror({ seq: 1, kind: 'data', direction: 'in', time: Date.now(), mono: 101.5, length: 1, data: Uint8Array.of(2) });
    trips.update();
    assert.equal(trips.of(last.seq), 1.5);
  });

  it('summary: nearest-rank median and p99 over 1..100, and evicted round trips are forgotten', () => {
    const steps: Array<['in' | 'out', number]> = [];
    for (let index = 1; index <= 100; index++) {
      steps.push(['out', index * 1000], ['in', index * 1000 + index]);
    }
    const transcript = transcriptOf(steps, 1000);
    const trips = new RoundTrips(transcript);
    trips.update();
    assert.deepEqual(trips.summary(), { count: 100, min: 1, median: 50, p99: 99, max: 100 });
    transcript.setLimits({ maxEntries: 20, maxBytes: 1 << 20, captureBytes: 1024 });
    trips.update();
    assert.deepEqual(trips.summary(), { count: 10, min: 91, median: 95, p99: 100, max: 100 });
  });

  it('update() reads at most its budget of entries per call, and catches up on the next ones', () => {
    const steps: Array<['in' | 'out', number]> = [];
    for (let index = 0; index < 10; index++) {
      steps.push(['out', index * 10], ['in', index * 10 + 1]);
    }
    const trips = new RoundTrips(transcriptOf(steps));
    trips.update(7);
    assert.equal(trips.summary()?.count, 3);
    trips.update(7);
    trips.update(7);
    assert.equal(trips.summary()?.count, 10);
  });

  it('formats durations with three significant digits in the display language', () => {
    assert.equal(formatDuration(0.85, UNITS, 'en'), '850 µs');
    assert.equal(formatDuration(1.234, UNITS, 'en'), '1.23 ms');
    assert.equal(formatDuration(12.34, UNITS, 'en'), '12.3 ms');
    assert.equal(formatDuration(123.4, UNITS, 'en'), '123 ms');
    assert.equal(formatDuration(1500, UNITS, 'en'), '1.50 s');
    assert.equal(formatDuration(75_000, UNITS, 'en'), '75.0 s');
    assert.equal(formatDuration(1.5, { microseconds: '{0} µs', milliseconds: '{0} ms', seconds: '{0} sn' }, 'tr'), '1,50 ms');
  });
});

// The Sockets view's refresh throttle: marked rows fire together, at most once per interval; a
// top-level change refreshes the whole tree; slow rows wait for the slow clock.
import * as assert from 'node:assert/strict';
import { RefreshScheduler } from '../../src/tree/refresh';

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits (bounded) until `count` refreshes fired. */
async function fired<T>(events: (T[] | undefined)[], count: number, deadlineMs = 5000): Promise<void> {
  const started = Date.now();
  while (events.length < count) {
    if (Date.now() - started > deadlineMs) {
      throw new Error(`only ${events.length} of ${count} refreshes fired within ${deadlineMs} ms`);
    }
    await sleep(5);
  }
}

describe('tree refresh scheduler', () => {
  it('coalesces many marks into one refresh of exactly the marked rows', async () => {
    const events: (string[] | undefined)[] = [];
    const scheduler = new RefreshScheduler<string>((elements) => events.push(elements), 50, 1000);
    try {
      for (let index = 0; index < 1000; index++) {
        scheduler.refresh(index % 2 === 0 ? 'a' : 'b');
      }
      await fired(events, 1);
      assert.deepEqual(events[0]?.sort(), ['a', 'b']);
      scheduler.refresh('c');
      await fired(events, 2);
      assert.deepEqual(events[1], ['c']);
    } finally {
      scheduler.dispose();
    }
  });

  it('keeps refreshes at least one interval apart', async () => {
    const times: number[] = [];
    const scheduler = new RefreshScheduler<string>(() => times.push(performance.now()), 40, 1000);
    try {
      const started = performance.now();
      while (performance.now() - started < 300) {
        scheduler.refresh('row');
        await sleep(2);
      }
      await sleep(60);
      assert.ok(times.length >= 2, `${times.length} refreshes`);
      for (let index = 1; index < times.length; index++) {
        assert.ok(times[index] - times[index - 1] >= 38, `refreshes ${index - 1} and ${index} were ${(times[index] - times[index - 1]).toFixed(1)} ms apart`);
      }
    } finally {
      scheduler.dispose();
    }
  });

  it('a top-level change refreshes the whole tree; a forgotten row is never fired', async () => {
    const events: (string[] | undefined)[] = [];
    const scheduler = new RefreshScheduler<string>((elements) => events.push(elements), 20, 1000);
    try {
      scheduler.refresh('gone');
      scheduler.forget('gone');
      scheduler.refresh('kept');
      scheduler.flush();
      assert.deepEqual(events, [['kept']]);
      scheduler.refresh('row');
      scheduler.refreshAll();
      await fired(events, 2);
      assert.deepEqual(events[1], undefined);
    } finally {
      scheduler.dispose();
    }
  });

  it('slow rows fire on the slow clock unless a fast refresh takes them first', async () => {
    const events: (string[] | undefined)[] = [];
    const scheduler = new RefreshScheduler<string>((elements) => events.push(elements), 10, 150);
    try {
      scheduler.refreshSlowly('server');
      await sleep(60);
      assert.equal(events.length, 0, 'not before the slow interval');
      await fired(events, 1);
      assert.deepEqual(events[0], ['server']);
      scheduler.refreshSlowly('server');
      scheduler.refresh('server');
      await fired(events, 2);
      assert.deepEqual(events[1], ['server']);
      scheduler.flush();
      assert.equal(events.length, 2, 'the slow mark went with the fast refresh');
    } finally {
      scheduler.dispose();
    }
  });
});

// The traffic list's geometry (src/webview/listWindow.ts) in plain Node: exact windows, scroll
// scaling and reveal positions, with the numbers the virtual list puts on screen.
import * as assert from 'node:assert/strict';
import { LIMITS } from '../../src/shared/protocol';
import {
  LINE_HEIGHT, MAX_SCROLL_PX, OVERSCAN, maxTop, needsRows, requestWindow, revealTop, scrollScale, shiftRows, spacerPx, tailLines, visibleRange,
} from '../../src/webview/listWindow';

describe('webview list window', () => {
  it('has the geometry the list is built on', () => {
    assert.equal(LINE_HEIGHT, 22);
    assert.equal(OVERSCAN, 20);
    assert.equal(MAX_SCROLL_PX, 8_000_000);
  });

  it('shows the lines the viewport covers, plus one partly visible', () => {
    assert.deepEqual(visibleRange(0, 440), [0, 21]);
    assert.deepEqual(visibleRange(21, 440), [0, 21]);
    assert.deepEqual(visibleRange(22, 440), [1, 22]);
    assert.deepEqual(visibleRange(2200, 450), [100, 122]);
    assert.deepEqual(visibleRange(0, 0), [0, 1]);
  });

  it('asks for the visible lines and OVERSCAN each side, never before line 0 nor more than the host answers', () => {
    assert.deepEqual(requestWindow(0, 21), { start: 0, count: 41 });
    assert.deepEqual(requestWindow(100, 122), { start: 80, count: 62 });
    assert.deepEqual(requestWindow(10, 31), { start: 0, count: 51 });
    assert.deepEqual(requestWindow(5000, 7000), { start: 4980, count: LIMITS.maxRequestLines });
  });

  it('needs rows when the held window misses a visible line or is of another generation', () => {
    const held = { generation: 3, start: 80, count: 62 };
    assert.equal(needsRows(undefined, 3, 100, 122, 500), true);
    assert.equal(needsRows(held, 3, 100, 122, 500), false);
    assert.equal(needsRows(held, 4, 100, 122, 500), true);
    assert.equal(needsRows(held, 3, 79, 101, 500), true);
    assert.equal(needsRows(held, 3, 130, 143, 500), true);
    assert.equal(needsRows(held, 3, 121, 143, 500), true);
    // The end is clamped to the lines there are: a short transcript is covered by what exists.
    assert.equal(needsRows(held, 3, 121, 143, 142), false);
  });

  it('scrolls one to one up to MAX_SCROLL_PX, then scales the scrollbar down', () => {
    assert.equal(scrollScale(1000, 440), 1);
    const lines = MAX_SCROLL_PX / LINE_HEIGHT;
    assert.equal(scrollScale(Math.floor(lines), 440), 1);
    // 1,000,000 lines: 22,000,000 virtual px over an 8,000,000 px scrollbar.
    assert.equal(scrollScale(1_000_000, 440), (22_000_000 - 440) / (8_000_000 - 440));
    assert.equal(scrollScale(1_000_000, MAX_SCROLL_PX), 1);
  });

  it('sizes the spacer and the scroll range from the lines', () => {
    assert.equal(spacerPx(0, 440), 0);
    assert.equal(spacerPx(100, 440), 2200 - 440);
    assert.equal(spacerPx(1_000_000, 440), MAX_SCROLL_PX - 440);
    assert.equal(maxTop(0, 440), 0);
    assert.equal(maxTop(10, 440), 0);
    assert.equal(maxTop(100, 440), 1760);
  });

  it('asks for tail rows only while following, as many as fill the viewport plus two', () => {
    assert.equal(tailLines(false, 440), 0);
    assert.equal(tailLines(true, 440), 22);
    assert.equal(tailLines(true, 450), 23);
    assert.equal(tailLines(true, 10_000_000), LIMITS.maxRequestLines);
  });

  it('moves rows up when the transcript drops lines from its head, and drops those that leave', () => {
    const rows = [{ seq: 1, line: 0, lines: 2 }, { seq: 2, line: 2, lines: 3 }, { seq: 3, line: 5, lines: 1 }];
    assert.deepEqual(shiftRows(rows, 2), [{ seq: 2, line: 0, lines: 3 }, { seq: 3, line: 3, lines: 1 }]);
    assert.deepEqual(shiftRows(rows, 4), [{ seq: 2, line: -2, lines: 3 }, { seq: 3, line: 1, lines: 1 }]);
    assert.deepEqual(shiftRows(rows, 6), []);
    assert.deepEqual(rows[0], { seq: 1, line: 0, lines: 2 }, 'the input is not changed');
  });

  it('reveals a row by moving the viewport as little as possible', () => {
    // Viewport 440 px (20 lines) at virtual top 2200 (line 100), 1,000 lines.
    assert.equal(revealTop(2200, 105, 1, 440, 1000), 2200, 'already in view');
    assert.equal(revealTop(2200, 90, 1, 440, 1000), 1980, 'above: its top at the top');
    assert.equal(revealTop(2200, 125, 2, 440, 1000), 127 * 22 - 440, 'below: its bottom at the bottom');
    assert.equal(revealTop(2200, 999, 5, 440, 1000), 22_000 - 440, 'never past the last line');
  });
});

// LineLayout, the prefix-sum index behind the filtered and hex-expanded traffic view.
import * as assert from 'node:assert/strict';
import { LineLayout } from '../../src/panel/layout';

describe('panel line layout', () => {
  it('places rows of different heights and finds the row at any line', () => {
    const layout = new LineLayout();
    // seq 10: 1 line, seq 12: 3 lines, seq 15: 2 lines
    layout.push(10, 1);
    layout.push(12, 3);
    layout.push(15, 2);
    assert.equal(layout.rows, 3);
    assert.equal(layout.lines, 6);
    assert.deepEqual([0, 1, 2, 3, 4, 5].map((line) => layout.seqAt(layout.rowAtLine(line))), [10, 12, 12, 12, 15, 15]);
    assert.equal(layout.rowAtLine(6), -1);
    const row = layout.rowOfSeq(12);
    assert.deepEqual([layout.lineOf(row), layout.linesOf(row), layout.indexOf(row)], [1, 3, 1]);
    assert.equal(layout.rowOfSeq(11), -1);
    assert.equal(layout.seqAt(layout.rowAtOrAfterSeq(13)), 15);
  });

  it('drops rows at the head, says how many lines went, and keeps lines relative to the new head', () => {
    const layout = new LineLayout();
    for (let seq = 0; seq < 10; seq++) {
      layout.push(seq, seq % 2 === 0 ? 1 : 2);
    }
    assert.equal(layout.lines, 15);
    assert.equal(layout.dropBefore(4), 6);
    assert.equal(layout.rows, 6);
    assert.equal(layout.lines, 9);
    assert.equal(layout.seqAt(layout.rowAtLine(0)), 4);
    assert.equal(layout.lineOf(layout.rowOfSeq(5)), 1);
    assert.equal(layout.indexOf(layout.rowOfSeq(4)), 0);
  });

  it('resizes a row in place (a toggled hex dump) and shifts the rows after it', () => {
    const layout = new LineLayout();
    for (let seq = 0; seq < 5; seq++) {
      layout.push(seq, 1);
    }
    layout.setLines(layout.rowOfSeq(1), 4);
    assert.equal(layout.lines, 8);
    assert.deepEqual([0, 1, 2, 3, 4].map((seq) => layout.lineOf(layout.rowOfSeq(seq))), [0, 1, 5, 6, 7]);
  });

  it('grows past its first capacity and clears to nothing', () => {
    const layout = new LineLayout();
    for (let seq = 0; seq < 5000; seq++) {
      layout.push(seq * 2, 1 + (seq % 3));
    }
    assert.equal(layout.rows, 5000);
    assert.equal(layout.lines, 9999); // 1667 rows of 1, 1667 of 2, 1666 of 3
    assert.equal(layout.seqAt(layout.rowAtLine(layout.lines - 1)), 9998);
    layout.clear();
    assert.equal(layout.rows, 0);
    assert.equal(layout.lines, 0);
    assert.equal(layout.rowAtLine(0), -1);
  });
});

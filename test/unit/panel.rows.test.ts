// Rows as the webview draws them: preview text, marks, and the inline hex dump's height.
import * as assert from 'node:assert/strict';
import type { TranscriptEntry } from '../../src/engine';
import { buildRow, dumpLineCount, PREVIEW_CHARS, rowLines } from '../../src/panel/rows';
import { compileFilter } from '../../src/panel/search';
import { MAX_INLINE_DUMP_LINES, NO_FILTER } from '../../src/shared/protocol';

const entry = (data: Uint8Array, length = data.length): TranscriptEntry => ({ seq: 7, kind: 'data', direction: 'in', time: 1000, mono: 0, length, data, peer: '127.0.0.1:9' });
const none = compileFilter(NO_FILTER);
const eventText = (): string => 'Closed';

describe('panel rows', () => {
  it('a dump takes one line per 16 bytes, capped, plus a footer when bytes are not shown', () => {
    assert.equal(dumpLineCount(entry(new Uint8Array(16))), 1);
    assert.equal(dumpLineCount(entry(new Uint8Array(17))), 2);
    assert.equal(dumpLineCount(entry(new Uint8Array(16), 100)), 2, 'truncated capture: a footer');
    assert.equal(dumpLineCount(entry(new Uint8Array(16 * 100))), MAX_INLINE_DUMP_LINES + 1);
    assert.equal(dumpLineCount(entry(new Uint8Array())), 0);
    assert.equal(rowLines(entry(new Uint8Array(40)), false), 1);
    assert.equal(rowLines(entry(new Uint8Array(40)), true), 4);
  });

  it('previews bytes as escapes, cut with an ellipsis past the preview width', () => {
    const row = buildRow(entry(Uint8Array.of(0x41, 0x0d, 0x0a, 0x00)), 3, 5, 1, none, eventText);
    assert.equal(row.text, 'A\\r\\n\\0');
    assert.deepEqual([row.seq, row.index, row.line, row.lines, row.captured, row.peer], [7, 3, 5, 1, 4, '127.0.0.1:9']);
    assert.equal(row.dump, undefined);
    const long = buildRow(entry(new Uint8Array(1000).fill(0x61)), 0, 0, 1, none, eventText);
    assert.equal(long.text, `${'a'.repeat(PREVIEW_CHARS)}…`);
  });

  it('marks matches in the preview by character and in the dump by byte', () => {
    const crlf = compileFilter({ ...NO_FILTER, text: '0d0a', mode: 'hex' });
    const data = Uint8Array.of(0x41, 0x0d, 0x0a);
    const collapsed = buildRow(entry(data), 0, 0, 1, crlf, eventText);
    assert.deepEqual(collapsed.marks, [1, 5], 'the characters of \\r\\n');
    const expanded = buildRow(entry(data), 0, 0, rowLines(entry(data), true), crlf, eventText);
    assert.deepEqual(expanded.dump?.marks, [1, 3]);
    assert.equal(expanded.dump?.lines.length, 1);
    assert.equal(expanded.dump?.more, 0);
  });

  it('an event row carries its sentence, marked where the search matches', () => {
    const event: TranscriptEntry = { seq: 1, kind: 'close', time: 0, mono: 0, length: 0 };
    assert.deepEqual(buildRow(event, 0, 0, 1, compileFilter({ ...NO_FILTER, text: 'los' }), eventText).marks, [1, 4]);
    assert.equal(buildRow(event, 0, 0, 1, none, eventText).text, 'Closed');
  });
});

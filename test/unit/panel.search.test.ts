// The traffic filter: directions, text search (ASCII case folded) and hex search over captured bytes.
import * as assert from 'node:assert/strict';
import type { TranscriptEntry } from '../../src/engine';
import { byteMatches, compileFilter, indexOfBytes, isEmptyFilter, matchesEntry, textMatches } from '../../src/panel/search';
import { NO_FILTER, type FilterView } from '../../src/shared/protocol';

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);
const data = (direction: 'in' | 'out', text: string): TranscriptEntry => ({ seq: 0, kind: 'data', direction, time: 0, mono: 0, length: text.length, data: bytes(text) });
const event: TranscriptEntry = { seq: 1, kind: 'open', time: 0, mono: 0, length: 0 };
const eventText = (): string => 'Connected to 127.0.0.1:5000';
const filter = (view: Partial<FilterView>) => compileFilter({ ...NO_FILTER, ...view });

describe('panel search', () => {
  it('an empty filter shows everything; a direction filter is not empty', () => {
    assert.equal(isEmptyFilter(filter({})), true);
    assert.equal(isEmptyFilter(filter({ text: '   ' })), true);
    assert.equal(isEmptyFilter(filter({ in: false })), false);
    assert.equal(matchesEntry(filter({}), data('in', 'x'), eventText), true);
    assert.equal(matchesEntry(filter({ in: false }), data('in', 'x'), eventText), false);
    assert.equal(matchesEntry(filter({ in: false }), data('out', 'x'), eventText), true);
    assert.equal(matchesEntry(filter({ events: false }), event, eventText), false);
  });

  it('finds text in the bytes ignoring ASCII case, and in event sentences', () => {
    const get = filter({ text: 'get' });
    assert.equal(matchesEntry(get, data('in', 'GET / HTTP/1.1'), eventText), true);
    assert.equal(matchesEntry(get, data('in', 'POST /'), eventText), false);
    assert.equal(matchesEntry(filter({ text: '127.0.0.1' }), event, eventText), true);
    assert.equal(matchesEntry(get, event, eventText), false);
    assert.deepEqual(textMatches(filter({ text: 'o' }), 'Connected to'), [1, 2, 11, 12]);
  });

  it('finds hex bytes exactly, and reports a hex typo as the filter error', () => {
    const crlf = filter({ text: '0d 0a', mode: 'hex' });
    assert.deepEqual(crlf.needle, Uint8Array.of(0x0d, 0x0a));
    assert.equal(matchesEntry(crlf, data('in', 'a\r\nb'), eventText), true);
    assert.equal(matchesEntry(crlf, data('in', 'a\nb'), eventText), false);
    const typo = filter({ text: '0g', mode: 'hex' });
    assert.equal(typo.error?.code, 'CODEC_INVALID');
    assert.equal(typo.needle, undefined);
  });

  it('marks every match within the limit, as flat byte ranges', () => {
    const ab = filter({ text: 'AB' });
    assert.deepEqual(byteMatches(ab, bytes('abxAbyab'), 100), [0, 2, 3, 5, 6, 8]);
    // A match that starts inside the limit is cut at the limit.
    assert.deepEqual(byteMatches(ab, bytes('xab'), 2), [1, 2]);
    assert.deepEqual(byteMatches(ab, bytes('ababab'), 100, 2), [0, 2, 2, 4]);
    assert.equal(indexOfBytes(bytes('xxabc'), bytes('abc'), false, 0), 2);
    assert.equal(indexOfBytes(bytes('xxabc'), bytes('abc'), false, 3), -1);
  });
});

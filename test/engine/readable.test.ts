import * as assert from 'node:assert/strict';
import { encodePayload } from '../../src/engine/shared/codecs';
import { formatReadable, previewReadable } from '../../src/engine/shared/readable';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('readable text (valid UTF-8 as characters)', () => {
  it('shows Turkish text as text and escapes only the controls', () => {
    assert.equal(formatReadable(utf8('günaydın\r\n')), 'günaydın\\r\\n');
    assert.equal(formatReadable(utf8('Şişli İğdır ÇÖÜ')), 'Şişli İğdır ÇÖÜ');
    assert.equal(formatReadable(utf8('tab\there\u0000\u001b\u007f')), 'tab\\there\\0\\x1b\\x7f');
  });

  it('writes a literal backslash as \\\\ and invalid sequences byte by byte', () => {
    assert.equal(formatReadable(utf8('a\\b')), 'a\\\\b');
    assert.equal(formatReadable(Uint8Array.of(0x67, 0xc3, 0x28, 0xff, 0xe2, 0x82)), 'g\\xc3(\\xff\\xe2\\x82');
  });

  it('escapes invisible characters as their bytes (C1 controls, bidi overrides, separators, BOM)', () => {
    assert.equal(formatReadable(utf8('\u0085')), '\\xc2\\x85');
    assert.equal(formatReadable(utf8('a\u202eb')), 'a\\xe2\\x80\\xaeb');
    assert.equal(formatReadable(utf8('\u2028')), '\\xe2\\x80\\xa8');
    assert.equal(formatReadable(utf8('\ufeffx')), '\\xef\\xbb\\xbfx');
    assert.equal(formatReadable(utf8('😀')), '😀');
  });

  it('reads back through the escapes codec to the same bytes, for every byte and random bytes', () => {
    const all = Uint8Array.from({ length: 256 }, (_, value) => value);
    assert.deepEqual(encodePayload(formatReadable(all), 'escapes'), all);
    const samples = [utf8('günaydın\\x41\r\n'), Uint8Array.of(0xf0, 0x9f, 0x98), Uint8Array.of(0xed, 0xa0, 0x80), utf8('\\\\n')];
    for (let seed = 1; seed <= 200; seed++) {
      samples.push(Uint8Array.from({ length: 1 + (seed % 37) }, (_, index) => (seed * 7919 + index * 104729) & 0xff));
    }
    for (const sample of samples) {
      assert.deepEqual(encodePayload(formatReadable(sample), 'escapes'), sample, formatReadable(sample));
    }
  });

  it('previews at most max characters, cut at a whole character or escape', () => {
    assert.equal(previewReadable(utf8('günaydın\r\n'), 80), 'günaydın\\r\\n');
    assert.equal(previewReadable(utf8('günaydın\r\n'), 10), 'günaydın…');
    assert.equal(previewReadable(utf8('ab\r'), 3), 'ab…');
    assert.equal(previewReadable(utf8('😀😀'), 3), '😀…');
    assert.equal(previewReadable(utf8('x'), 0), '');
  });
});

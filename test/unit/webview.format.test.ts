// The webview's own formatting: templates from the host, numbers in the user's locale, times of
// day, and codec errors in the host's sentences (src/webview/format.ts runs in plain Node too).
import * as assert from 'node:assert/strict';
import { validatePayload } from '../../src/engine/shared/codecs';
import type { PanelStrings } from '../../src/shared/protocol';
import { codecErrorText, format, formatNumber, formatTime, setLocale } from '../../src/webview/format';

const strings = {
  codecInvalidCharacter: 'Invalid character {0} at offset {1}.',
  codecNotUtf8: 'The bytes are not valid UTF-8 (byte {0} at offset {1}).',
  codecUnknown: 'Invalid payload: {0} at offset {1}.',
} as Partial<PanelStrings> as PanelStrings;

function errorOf(text: string, encoding: 'hex' | 'utf8') {
  const result = validatePayload(text, encoding);
  assert.equal(result.ok, false);
  return (result as Extract<typeof result, { ok: false }>).error;
}

describe('webview formatting', () => {
  afterEach(() => setLocale('en'));

  it('fills placeholders, numbers in the locale, and leaves a placeholder without an argument', () => {
    setLocale('en');
    assert.equal(format('{0} of {1} bytes', 1234, 'all'), '1,234 of all bytes');
    assert.equal(format('{0} and {2}', 'a'), 'a and {2}');
    setLocale('tr');
    assert.equal(formatNumber(1234567), '1.234.567');
    setLocale('not a locale!');
    assert.equal(formatNumber(1234), '1,234');
  });

  it('gives the time of day to the millisecond', () => {
    const time = new Date(2026, 0, 2, 3, 4, 5, 6).getTime();
    assert.equal(formatTime(time), '03:04:05.006');
  });

  it('words a codec error with the host sentence, the character and the offset', () => {
    assert.equal(codecErrorText(strings, errorOf('41 4g', 'hex')), "Invalid character 'g' at offset 4.");
    assert.equal(codecErrorText(strings, { code: 'CODEC_INVALID', message: 'x', data: { reason: 'something-new', offset: 2 } }), 'Invalid payload: something-new at offset 2.');
  });
});

import * as assert from 'node:assert/strict';
import { extractL10nCalls, readJson } from './extract';

/** {0}, {1}… in a message: a translation must keep every one of them. */
function placeholders(text: string): string[] {
  return [...new Set(text.match(/\{\d+\}/g) ?? [])].sort();
}

describe('Localization: Turkish is complete', () => {
  const calls = extractL10nCalls();
  const turkish = readJson('l10n/bundle.l10n.tr.json');

  it('finds the strings the code localizes', () => {
    assert.ok(calls.length > 20, `only ${calls.length} l10n.t calls found: is the extraction broken?`);
  });

  it('translates every l10n.t string, keeping its placeholders', () => {
    const missing = [...new Set(calls.filter((call) => typeof turkish[call.key] !== 'string' || turkish[call.key] === '').map((call) => `${call.file}: ${JSON.stringify(call.key)}`))];
    assert.deepEqual(missing, [], `missing Turkish translations:\n${missing.join('\n')}`);
    const broken = calls.filter((call) => typeof turkish[call.key] === 'string' && placeholders(turkish[call.key] as string).join() !== placeholders(call.key).join());
    assert.deepEqual(broken.map((call) => call.key), [], 'translations must keep the same {n} placeholders');
  });

  it('has no stale Turkish keys that the code no longer uses', () => {
    const used = new Set(calls.map((call) => call.key));
    const stale = Object.keys(turkish).filter((key) => !used.has(key));
    assert.deepEqual(stale, [], `stale keys in l10n/bundle.l10n.tr.json:\n${stale.join('\n')}`);
  });

  it('translates every package.nls.json key in package.nls.tr.json', () => {
    const english = readJson('package.nls.json');
    const translated = readJson('package.nls.tr.json');
    assert.deepEqual(Object.keys(translated).sort(), Object.keys(english).sort());
    const untranslated = Object.keys(english).filter((key) => typeof translated[key] !== 'string' || translated[key] === '');
    assert.deepEqual(untranslated, []);
  });
});

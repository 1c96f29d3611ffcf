// The hover's labels: one English source (l10n.t keys), Turkish only from the l10n bundle, and the
// description language that follows VS Code's display language.
import { strict as assert } from 'node:assert';
import { ENGLISH_LABELS, descriptionLanguage, hoverLabels } from '../../src/hover/labels';
import type { HoverLabels } from '../../src/hover/labels';
import { CONSTANT_GROUPS } from '../../src/hover/types';
import { TURKISH_LABELS } from './bundleLabels';

function strings(labels: HoverLabels): string[] {
  const { groups, ...headings } = labels;
  return [...Object.values(headings), ...CONSTANT_GROUPS.map((group) => groups[group])];
}

describe('hover labels', () => {
  it('are the l10n keys themselves in English', () => {
    const keys: string[] = [];
    const labels = hoverLabels({ t: (message) => { keys.push(message); return message; } });
    assert.deepEqual(labels, ENGLISH_LABELS);
    assert.deepEqual(keys, strings(ENGLISH_LABELS));
    assert.equal(new Set(keys).size, keys.length, 'two labels share a key');
    assert.equal(ENGLISH_LABELS.openClient, 'Open a client to this port in Socket Workbench');
  });

  it('are translated in Turkish, every one, from the bundle', () => {
    const english = strings(ENGLISH_LABELS);
    const turkish = strings(TURKISH_LABELS);
    assert.equal(turkish.length, english.length);
    assert.deepEqual(english.filter((text, index) => turkish[index] === text), [], 'untranslated labels');
    assert.equal(TURKISH_LABELS.openClient, 'Socket Workbench\'te bu porta bir istemci aç');
    assert.equal(TURKISH_LABELS.groups['socket-option'], 'soket seçeneği');
  });

  it('picks Turkish descriptions for tr and tr-*, English for everything else', () => {
    assert.equal(descriptionLanguage('tr'), 'tr');
    assert.equal(descriptionLanguage('tr-TR'), 'tr');
    assert.equal(descriptionLanguage('TR'), 'tr');
    for (const other of ['en', 'en-US', 'de', 'zh-cn', 'trk', '']) {
      assert.equal(descriptionLanguage(other), 'en', other);
    }
  });
});

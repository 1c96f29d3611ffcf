// The hover labels as the extension shows them in Turkish: the source keys of src/hover/labels.ts
// translated through l10n/bundle.l10n.tr.json, the one place the Turkish text lives.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { hoverLabels } from '../../src/hover/labels';
import type { HoverLabels } from '../../src/hover/labels';

const BUNDLE = path.resolve(__dirname, '..', '..', '..', 'l10n', 'bundle.l10n.tr.json');

function turkishLabels(): HoverLabels {
  const bundle = JSON.parse(fs.readFileSync(BUNDLE, 'utf8')) as Record<string, unknown>;
  return hoverLabels({
    t: (message) => {
      const translation = bundle[message];
      if (typeof translation !== 'string' || translation === '') {
        throw new Error(`l10n/bundle.l10n.tr.json has no translation for ${JSON.stringify(message)}`);
      }
      return translation;
    },
  });
}

export const TURKISH_LABELS: HoverLabels = turkishLabels();

// Literals VS Code reads from package.json cannot import the code: check that they match it.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { LINE_ENDINGS, PAYLOAD_ENCODINGS } from '../../src/engine/shared/types';

interface SettingSchema {
  readonly enum?: readonly string[];
  readonly default?: unknown;
}

const manifest = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', '..', 'package.json'), 'utf8')) as {
  contributes: { configuration: { properties: Record<string, SettingSchema> } };
};
const settings = manifest.contributes.configuration.properties;

describe('package.json settings match the code', () => {
  it('payload.lineEnding offers exactly LINE_ENDINGS', () => {
    assert.deepEqual(settings['socketWorkbench.payload.lineEnding'].enum, [...LINE_ENDINGS]);
  });

  it('payload.defaultEncoding offers exactly PAYLOAD_ENCODINGS', () => {
    assert.deepEqual(settings['socketWorkbench.payload.defaultEncoding'].enum, [...PAYLOAD_ENCODINGS]);
  });
});

// The socket-call recognisers in plain Node: every call in the sample files gets exactly its peer
// spec, on its line, and the decoys get nothing.
import { strict as assert } from 'node:assert';
import { findSocketCalls, peerOf } from '../../src/hover/scanner';
import { SAMPLES, lineOf } from './samples';

describe('CodeLens recognisers: socket calls in the five languages', () => {
  for (const sample of SAMPLES) {
    it(`${sample.language}: every listed call, nothing else`, () => {
      const found = findSocketCalls(sample.lines.join('\n'), sample.language)
        .map((call) => ({ line: call.line, peer: peerOf(call) }))
        .filter((item) => item.peer !== undefined)
        .map((item) => `${item.line + 1}: ${item.peer?.action} ${item.peer?.spec}`);
      const expected = sample.lenses.map((lens) => `${lineOf(sample, lens) + 1}: ${lens.action} ${lens.spec}`);
      assert.deepEqual(found, expected);
    });
  }
});

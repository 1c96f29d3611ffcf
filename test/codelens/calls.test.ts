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

describe('CodeLens recognisers: lines stay where they are', () => {
  it('a string continued over a newline with a backslash keeps the lines after it', () => {
    const text = ['import socket', "note = 'first\\", "second'", 's = socket.socket()', "s.bind(('', 8080))"].join('\n');
    assert.deepEqual(findSocketCalls(text, 'python').map((call) => [call.line, call.start, call.call, call.port]), [[4, 2, 'bind', 8080]]);
  });

  it('a long line with many assignments and strings is read once', () => {
    const text = `${'x = "a"; '.repeat(2000)}\nimport socket\ns = socket.socket()\ns.connect(('127.0.0.1', 7))`;
    assert.deepEqual(findSocketCalls(text, 'python').map((call) => [call.line, call.start, call.port]), [[3, 2, 7]]);
  });
});

// The socket-call recognisers in plain Node: every call in the sample files gets exactly its peer
// spec, on its line, and the decoys get nothing.
import { strict as assert } from 'node:assert';
import { findSocketCalls, peerOf } from '../../src/hover/scanner';
import { SourceText } from '../../src/hover/scan/calls/source';
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

describe('CodeLens recognisers: the call name read back from where the pattern ends', () => {
  it('JavaScript: blanks and tabs around the method name keep its range and the callee', () => {
    const text = [
      "const net = require('net');",
      'const server = net.createServer();',
      'server .\t listen \t(8080);',
      "net.  connect  (7000, 'example.com');",
      'other.listen(9000);',
    ].join('\n');
    assert.deepEqual(
      findSocketCalls(text, 'javascript').map((call) => [call.line, call.start, call.end, call.call, call.role, call.host, call.port]),
      [[2, 10, 16, 'listen', 'listen', '', 8080], [3, 6, 13, 'net.connect', 'connect', 'example.com', 7000]],
    );
  });

  it('Python: words shaped like a callee (same length, first and last letter) are not calls', () => {
    const text = ['import socket', 's = socket.socket()', "s.band(('', 1))", "s.bind(('', 2))", "s.cannect(('h', 3))", "s.connect (('h', 4))"].join('\n');
    assert.deepEqual(findSocketCalls(text, 'python').map((call) => [call.line, call.start, call.call, call.port]), [[3, 2, 'bind', 2], [5, 2, 'connect', 4]]);
  });
});

describe('CodeLens recognisers: the pieces of a call', () => {
  it('empty and blank pieces are left out, nested brackets stay whole, and no slot is left empty', () => {
    const text = "f( a ,  , (b, c) ,\t[1, 2] , {k: 3},  )\ng()\nh(  )";
    const source = new SourceText(text, 'python');
    const pieces = (open: number): (string | undefined)[] | undefined => {
      const found = source.arguments(open);
      return found === undefined ? undefined : Array.from(found, (piece) => (piece === undefined ? undefined : text.slice(piece.start, piece.end)));
    };
    assert.deepEqual(pieces(1), ['a', '(b, c)', '[1, 2]', '{k: 3}']);
    assert.deepEqual(pieces(text.indexOf('g(') + 1), []);
    assert.deepEqual(pieces(text.indexOf('h(') + 1), []);
    assert.deepEqual(pieces(text.indexOf('(b')), ['b', 'c']);
  });
});

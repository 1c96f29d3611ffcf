import * as assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { Framer, FrameTooLarge, lengthPrefix, type Framing } from '../../src/engine/framing';

const text = (bytes: Uint8Array): string => Buffer.from(bytes).toString('latin1');

/** Feeds `stream` split at `cut`, and in one piece; both must give the same frames. */
function frames(framing: Framing, stream: Uint8Array, cut?: number): string[] {
  const framer = new Framer(framing);
  const pieces = cut === undefined ? [stream] : [stream.subarray(0, cut), stream.subarray(cut)];
  return pieces.flatMap((piece) => framer.push(piece)).map((message) => text(message.data));
}

const CASES: ReadonlyArray<{ readonly name: string; readonly framing: Framing; readonly stream: Buffer; readonly expected: string[]; readonly pending: number }> = [
  { name: 'line (LF and CRLF)', framing: { mode: 'line' }, stream: Buffer.from('one\ntwo\r\n\nthree'), expected: ['one\n', 'two\r\n', '\n'], pending: 5 },
  { name: 'delimiter 00ff', framing: { mode: 'delimiter', delimiter: Uint8Array.of(0x00, 0xff) }, stream: Buffer.from('a\u0000\u00ffbb\u0000\u00ff\u0000c', 'latin1'), expected: ['a\u0000\u00ff', 'bb\u0000\u00ff'], pending: 2 },
  { name: 'fixed 3', framing: { mode: 'fixed', size: 3 }, stream: Buffer.from('abcdefgh'), expected: ['abc', 'def'], pending: 2 },
  { name: 'length u8', framing: { mode: 'length', length: 'u8' }, stream: Buffer.from('\u0002hi\u0000\u0003abc\u0005ab', 'latin1'), expected: ['\u0002hi', '\u0000', '\u0003abc'], pending: 3 },
  { name: 'length u16be', framing: { mode: 'length', length: 'u16be' }, stream: Buffer.from('\u0000\u0002hi\u0000\u0001x\u0000', 'latin1'), expected: ['\u0000\u0002hi', '\u0000\u0001x'], pending: 1 },
  { name: 'length u16le', framing: { mode: 'length', length: 'u16le' }, stream: Buffer.from('\u0002\u0000hi', 'latin1'), expected: ['\u0002\u0000hi'], pending: 0 },
  { name: 'length u32be', framing: { mode: 'length', length: 'u32be' }, stream: Buffer.from('\u0000\u0000\u0000\u0001z', 'latin1'), expected: ['\u0000\u0000\u0000\u0001z'], pending: 0 },
  { name: 'length u32le', framing: { mode: 'length', length: 'u32le' }, stream: Buffer.from('\u0001\u0000\u0000\u0000z\u0001', 'latin1'), expected: ['\u0001\u0000\u0000\u0000z'], pending: 1 },
  {
    name: 'length with offset 2, header included, adjust -1',
    framing: { mode: 'length', length: 'u8', lengthOffset: 2, lengthIncludesHeader: true, lengthAdjust: -1 },
    stream: Buffer.from('AB\u0006xyzAB\u0004', 'latin1'),
    expected: ['AB\u0006xy'],
    pending: 4,
  },
];

describe('framing (pure)', () => {
  for (const item of CASES) {
    it(`${item.name}: the same frames at every split point, and many frames in one write`, () => {
      for (let cut = 0; cut <= item.stream.byteLength; cut++) {
        assert.deepEqual(frames(item.framing, item.stream, cut), item.expected, `split at ${cut}`);
      }
      const framer = new Framer(item.framing);
      assert.deepEqual(framer.push(item.stream).map((message) => text(message.data)), item.expected);
      assert.equal(framer.pendingBytes, item.pending);
      // Byte by byte.
      const single = new Framer(item.framing);
      const collected: string[] = [];
      for (const byte of item.stream) {
        collected.push(...single.push(Uint8Array.of(byte)).map((message) => text(message.data)));
      }
      assert.deepEqual(collected, item.expected);
    });
  }

  it('cut() hands a run its own cuts of their exact size, a straddling message as `first`, and 3,000 lines past the shared scratch', () => {
    const framer = new Framer({ mode: 'line' });
    const first = framer.cut(Buffer.from('ab\ncd\nef'));
    assert.deepEqual([first.first, first.count, [...first.cuts]], [undefined, 2, [0, 3, 6]]);
    const kept = first.cuts;
    const second = framer.cut(Buffer.from('g\nh\n'));
    assert.equal(text(second.first ?? new Uint8Array()), 'efg\n');
    assert.deepEqual([second.count, [...second.cuts]], [1, [0, 2]]);
    // The first run's cuts are its own: kept by a transcript, never written over, pinning nothing bigger.
    assert.deepEqual([...kept], [0, 3, 6]);
    assert.equal(kept.buffer.byteLength, 3 * Float64Array.BYTES_PER_ELEMENT);
    const many = framer.cut(Buffer.from('x\n'.repeat(3000)));
    assert.equal(many.count, 3000);
    assert.equal(many.cuts.length, 3001);
    assert.equal(many.cuts[3000], 6000);
  });

  it('line endings are reported with the message', () => {
    const messages = new Framer({ mode: 'line' }).push(Buffer.from('a\r\nb\n'));
    assert.deepEqual(messages.map((message) => text(message.ending ?? new Uint8Array())), ['\r\n', '\n']);
  });

  it('raw keeps every read as it came', () => {
    const framer = new Framer({ mode: 'raw' });
    assert.deepEqual(framer.push(Buffer.from('ab')).map((message) => text(message.data)), ['ab']);
    assert.equal(framer.pendingBytes, 0);
  });

  it('lengths at their limits: u8 255, u16 65535, and a 1 MiB u32 frame', () => {
    for (const [format, size] of [['u8', 255], ['u16be', 65535], ['u16le', 65535], ['u32be', 1 << 20], ['u32le', 1 << 20]] as const) {
      const framing: Framing = { mode: 'length', length: format };
      const payload = randomBytes(size);
      const prefix = lengthPrefix(framing, size);
      assert.ok(prefix !== undefined);
      const stream = Buffer.concat([prefix, payload, prefix, payload]);
      const messages = new Framer(framing).push(stream);
      assert.equal(messages.length, 2, format);
      assert.ok(Buffer.from(messages[1].data).equals(Buffer.concat([prefix, payload])));
    }
    assert.equal(lengthPrefix({ mode: 'length', length: 'u8' }, 256), undefined, 'a u8 prefix cannot say 256');
  });

  it('a frame over the maximum is a FrameTooLarge error, and the framer stops', () => {
    const framer = new Framer({ mode: 'length', length: 'u32be' }, 1000);
    assert.throws(() => framer.push(Uint8Array.of(0, 0, 0x10, 0)), (error: unknown) => error instanceof FrameTooLarge && error.size === 4100 && error.max === 1000);
    assert.deepEqual(framer.push(Buffer.from('more')), []);
    const lines = new Framer({ mode: 'line' }, 10);
    assert.throws(() => lines.push(Buffer.from('0123456789abc')), FrameTooLarge);
  });
});

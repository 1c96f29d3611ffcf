import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { hexdump, hexdumpLines, type HexdumpOptions } from '../../src/engine/shared/hexdump';

const bytes = (...values: number[]): Uint8Array => Uint8Array.from(values);
const text = (value: string): Uint8Array => new TextEncoder().encode(value);

const SEED = process.env.SEED !== undefined ? Number(process.env.SEED) >>> 0 : (Math.random() * 2 ** 32) >>> 0;

/** mulberry32, as in codecs.test.ts: a seeded generator so a failing input can be replayed. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = state;
    mixed = Math.imul(mixed ^ (mixed >>> 15), mixed | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
}

function integer(random: () => number, low: number, high: number): number {
  return low + Math.floor(random() * (high - low + 1));
}

/** The real xxd, or undefined when it is not installed (it ships in vim-common or xxd). */
function findXxd(): string | undefined {
  try {
    execFileSync('xxd', ['-v'], { stdio: 'ignore' });
    return 'xxd';
  } catch {
    return undefined;
  }
}

function runXxd(data: Uint8Array, options: HexdumpOptions): string {
  const args: string[] = [];
  if (options.width !== undefined) {
    args.push('-c', String(options.width));
  }
  if (options.groupSize !== undefined) {
    args.push('-g', String(options.groupSize));
  }
  if (options.offset !== undefined) {
    args.push('-o', String(options.offset));
  }
  if (options.maxBytes !== undefined) {
    args.push('-l', String(options.maxBytes));
  }
  return execFileSync('xxd', args, { input: data, encoding: 'latin1', maxBuffer: 64 * 1024 * 1024 });
}

describe('hexdump', () => {
  let failedOnce = false;
  afterEach(function () {
    if (this.currentTest?.state === 'failed' && !failedOnce) {
      failedOnce = true;
      console.log(`\n    hexdump tests used SEED=${SEED}; replay with: SEED=${SEED} npx mocha --no-config out/test/engine/hexdump.test.js`);
    }
  });

  describe('literal expectations (xxd layout)', () => {
    it('dumps the primer example like xxd', () => {
      assert.equal(hexdump(text('Hello\r\n')), '00000000: 4865 6c6c 6f0d 0a                        Hello..\n');
    });

    it('dumps nothing for no bytes', () => {
      assert.equal(hexdump(bytes()), '');
      assert.deepEqual(hexdumpLines(bytes()), []);
    });

    it('dumps full and partial lines, dotting non-printable bytes', () => {
      const data = new Uint8Array([...text('Hello, world!'), 0x00, 0x7f, 0x80, 0xff, 0x20, 0x7e]);
      assert.equal(
        hexdump(data),
        '00000000: 4865 6c6c 6f2c 2077 6f72 6c64 2100 7f80  Hello, world!...\n' +
          '00000010: ff20 7e                                  . ~\n',
      );
    });

    it('follows width, group size, offset and maxBytes like xxd -c -g -o -l', () => {
      const data = text('Hello, world!');
      assert.equal(hexdump(data, { width: 5 }), '00000000: 4865 6c6c 6f  Hello\n00000005: 2c20 776f 72  , wor\n0000000a: 6c64 21       ld!\n');
      assert.equal(hexdump(data, { width: 10, groupSize: 1 }), '00000000: 48 65 6c 6c 6f 2c 20 77 6f 72  Hello, wor\n0000000a: 6c 64 21                       ld!\n');
      assert.equal(hexdump(data, { width: 10, groupSize: 4 }), '00000000: 48656c6c 6f2c2077 6f72  Hello, wor\n0000000a: 6c6421                  ld!\n');
      assert.equal(hexdump(data, { groupSize: 0, maxBytes: 4 }), '00000000: 48656c6c                          Hell\n');
      assert.equal(hexdump(data, { offset: 0x100, maxBytes: 2 }), '00000100: 4865                                     He\n');
      assert.equal(hexdump(data, { width: 1, maxBytes: 2 }), '00000000: 48  H\n00000001: 65  e\n');
    });

    it('widens the address past 32 bits as xxd does', () => {
      assert.equal(hexdump(text('abcdef'), { offset: 0x100000000000 }), '100000000000: 6162 6364 6566                           abcdef\n');
      assert.equal(hexdump(text('ab'), { offset: 0xffffffff, width: 1 }), 'ffffffff: 61  a\n100000000: 62  b\n');
    });

    it('clamps out-of-range options instead of throwing', () => {
      const data = text('Hello');
      assert.equal(hexdump(data, { width: 0 }), hexdump(data, { width: 1 }));
      assert.equal(hexdump(data, { width: 1000 }), hexdump(data, { width: 256 }));
      assert.equal(hexdump(data, { width: Number.NaN }), hexdump(data));
      assert.equal(hexdump(data, { width: 4.7 }), hexdump(data, { width: 4 }));
      assert.equal(hexdump(data, { maxBytes: -3 }), '');
      assert.equal(hexdump(data, { maxBytes: 99 }), hexdump(data));
      assert.equal(hexdump(data, { offset: -5 }), hexdump(data));
      assert.equal(hexdump(data, { groupSize: 99 }), hexdump(data, { groupSize: 0 }));
    });
  });

  describe('hexdumpLines', () => {
    it('splits a dump into columns without padding', () => {
      assert.deepEqual(hexdumpLines(text('Hello, world!\r\n\u0000!'), { offset: 16 }), [
        { offset: '00000010', hex: '4865 6c6c 6f2c 2077 6f72 6c64 210d 0a00', ascii: 'Hello, world!...' },
        { offset: '00000020', hex: '21', ascii: '!' },
      ]);
      assert.deepEqual(hexdumpLines(text('abc'), { groupSize: 1, width: 2 }), [
        { offset: '00000000', hex: '61 62', ascii: 'ab' },
        { offset: '00000002', hex: '63', ascii: 'c' },
      ]);
    });

    it('pads back to exactly the text dump for random input and options (seeded)', () => {
      const random = mulberry32(SEED);
      for (let round = 0; round < 300; round++) {
        const data = Uint8Array.from({ length: integer(random, 0, 100) }, () => integer(random, 0, 255));
        const width = integer(random, 1, 40);
        const options: HexdumpOptions = { width, groupSize: integer(random, 0, 9), offset: integer(random, 0, 2 ** 40) };
        const groupSize = options.groupSize === 0 || (options.groupSize ?? 0) > width ? width : (options.groupSize ?? 2);
        const hexWidth = width * 2 + Math.ceil(width / groupSize);
        const rebuilt = hexdumpLines(data, options)
          .map((line) => `${line.offset}: ${line.hex.padEnd(hexWidth)} ${line.ascii}\n`)
          .join('');
        assert.equal(rebuilt, hexdump(data, options), `SEED=${SEED} round ${round} ${JSON.stringify(options)}`);
      }
    });
  });

  describe('against the real xxd', () => {
    const xxd = findXxd();

    beforeEach(function () {
      if (xxd === undefined) {
        console.log('      skipped: xxd is not installed (it comes with vim-common or the xxd package)');
        this.skip();
      }
    });

    it('matches xxd for every byte value at the default width', () => {
      const data = Uint8Array.from({ length: 256 + 7 }, (_, position) => position & 0xff);
      assert.equal(hexdump(data), runXxd(data, {}));
    });

    it('matches xxd for random bytes, widths, groups, offsets and lengths (seeded)', () => {
      const random = mulberry32(SEED);
      for (let round = 0; round < 60; round++) {
        const data = Uint8Array.from({ length: integer(random, 1, 300) }, () => integer(random, 0, 255));
        const options: HexdumpOptions = {};
        const writable = options as { -readonly [Key in keyof HexdumpOptions]: HexdumpOptions[Key] };
        if (random() < 0.7) {
          writable.width = integer(random, 1, 64);
        }
        if (random() < 0.5) {
          writable.groupSize = integer(random, 0, 8);
        }
        if (random() < 0.5) {
          writable.offset = random() < 0.3 ? integer(random, 0xffffff00, 0xffffffff) : integer(random, 0, 100000);
        }
        if (random() < 0.3) {
          writable.maxBytes = integer(random, 1, data.length);
        }
        assert.equal(hexdump(data, options), runXxd(data, options), `SEED=${SEED} round ${round} ${JSON.stringify(options)}`);
      }
    });

    it('matches xxd on 1 MiB', () => {
      const random = mulberry32(SEED);
      const data = Uint8Array.from({ length: 1024 * 1024 }, () => integer(random, 0, 255));
      assert.ok(hexdump(data) === runXxd(data, {}), `SEED=${SEED}: 1 MiB dump differs from xxd`);
    });
  });
});

/**
 * The TCP checksum's word sum in WebAssembly SIMD, for the recording worker: four 32-bit words per
 * load, widened into 64-bit lanes, about three times the JavaScript loop (packets.ts' onesSum),
 * which remains the fallback where WebAssembly SIMD is missing. The module (255 bytes) is this text,
 * assembled with wabt 1.0.36 (wat2wasm --enable-simd):
 *
 *   (module
 *     (memory (export "memory") 17)
 *     (func (export "sum") (param $p i32) (param $n i32) (result i32)
 *       (local $end i32) (local $a v128) (local $b v128) (local $v v128) (local $s i64)
 *       (local.set $end (i32.add (local.get $p) (local.get $n)))
 *       (block $done
 *         (loop $loop
 *           (br_if $done (i32.ge_u (local.get $p) (local.get $end)))
 *           (local.set $v (v128.load (local.get $p)))
 *           (local.set $a (i64x2.add (local.get $a) (i64x2.extend_low_i32x4_u (local.get $v))))
 *           (local.set $b (i64x2.add (local.get $b) (i64x2.extend_high_i32x4_u (local.get $v))))
 *           (local.set $v (v128.load offset=16 (local.get $p)))
 *           (local.set $a (i64x2.add (local.get $a) (i64x2.extend_low_i32x4_u (local.get $v))))
 *           (local.set $b (i64x2.add (local.get $b) (i64x2.extend_high_i32x4_u (local.get $v))))
 *           (local.set $p (i32.add (local.get $p) (i32.const 32)))
 *           (br $loop)))
 *       (local.set $a (i64x2.add (local.get $a) (local.get $b)))
 *       (local.set $s (i64.add (i64x2.extract_lane 0 (local.get $a)) (i64x2.extract_lane 1 (local.get $a))))
 *       ;; folded to 16 bits: twice 64 -> 32, three times 32 -> 16 (65536 = 1 mod 65535)
 *       (local.set $s (i64.add (i64.and (local.get $s) (i64.const 0xffffffff)) (i64.shr_u (local.get $s) (i64.const 32))))
 *       (local.set $s (i64.add (i64.and (local.get $s) (i64.const 0xffffffff)) (i64.shr_u (local.get $s) (i64.const 32))))
 *       (local.set $s (i64.add (i64.and (local.get $s) (i64.const 0xffff)) (i64.shr_u (local.get $s) (i64.const 16))))
 *       (local.set $s (i64.add (i64.and (local.get $s) (i64.const 0xffff)) (i64.shr_u (local.get $s) (i64.const 16))))
 *       (local.set $s (i64.add (i64.and (local.get $s) (i64.const 0xffff)) (i64.shr_u (local.get $s) (i64.const 16))))
 *       (i32.wrap_i64 (local.get $s))))
 */
const MODULE = 'AGFzbQEAAAABBwFgAn9/AX8DAgEABQMBABEHEAIGbWVtb3J5AgADc3VtAAAK0AEBzQEDAX8DewF+IAAgAWohAgJAA0AgACACTw0BIAD9AAQAIQUgAyAF/ckB/c4BIQMgBCAF/coB/c4BIQQgAP0ABBAhBSADIAX9yQH9zgEhAyAEIAX9ygH9zgEhBCAAQSBqIQAMAAsLIAMgBP3OASEDIAP9HQAgA/0dAXwhBiAGQv////8PgyAGQiCIfCEGIAZC/////w+DIAZCIIh8IQYgBkL//wODIAZCEIh8IQYgBkL//wODIAZCEIh8IQYgBkL//wODIAZCEIh8IQYgBqcL';
const PAGE = 65536;

/** The little of WebAssembly used here (the engine's lib has no WebAssembly types). */
interface WasmMemory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}
interface WasmApi {
  readonly Module: new (bytes: Uint8Array) => object;
  readonly Instance: new (module: object) => { readonly exports: unknown };
}

interface Exports {
  readonly memory: WasmMemory;
  readonly sum: (pointer: number, length: number) => number;
}

/**
 * A batch buffer copied into WebAssembly memory once, then summed in place: sum() answers for views
 * of the loaded buffer only (undefined otherwise, so the caller sums in JavaScript).
 */
export class WasmWordSum {
  private loaded: ArrayBuffer | undefined;
  private bytes: Uint8Array;

  private constructor(private readonly exports: Exports) {
    this.bytes = new Uint8Array(exports.memory.buffer);
  }

  /** Undefined where WebAssembly SIMD is not available. */
  static create(): WasmWordSum | undefined {
    const wasm = (globalThis as { WebAssembly?: WasmApi }).WebAssembly;
    try {
      if (wasm === undefined) {
        return undefined;
      }
      const instance = new wasm.Instance(new wasm.Module(Buffer.from(MODULE, 'base64')));
      return new WasmWordSum(instance.exports as Exports);
    } catch {
      return undefined;
    }
  }

  /** Copies the first `used` bytes of `buffer` in; views of it are summed from there. */
  load(buffer: ArrayBuffer, used: number): void {
    if (used > this.bytes.byteLength) {
      this.exports.memory.grow(Math.ceil((used - this.bytes.byteLength) / PAGE));
      this.bytes = new Uint8Array(this.exports.memory.buffer);
    }
    this.bytes.set(new Uint8Array(buffer, 0, used));
    this.loaded = buffer;
  }

  /** The folded sum of the little-endian 32-bit words of `bytes`' first `length` bytes (a multiple of 32). */
  sum(bytes: Uint8Array, length: number): number | undefined {
    return bytes.buffer === this.loaded ? this.exports.sum(bytes.byteOffset, length) : undefined;
  }
}

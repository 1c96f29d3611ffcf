// Codec benchmark: decoding 1 MiB of bytes for display and encoding the displayed text back, per
// encoding. The payload box validates on every keystroke and the panel decodes on the display path,
// so these are the costs a user feels. Against a baseline in the same run: Buffer's own hex and
// base64 (native code), which the codecs cannot use because they also run in the webview.
import { createRequire } from 'node:module';
import path from 'node:path';
import { benchDirectory, figure, median } from './harness.mjs';

const require = createRequire(import.meta.url);
const codecs = () => require(path.join(benchDirectory, '..', '..', 'out', 'src', 'engine', 'shared', 'codecs.js'));

/** Milliseconds per call of `run`, the median of `repeat` timed calls after one warm-up call. */
function timed(run, repeat) {
  run();
  const samples = [];
  for (let index = 0; index < repeat; index++) {
    const started = performance.now();
    run();
    samples.push(performance.now() - started);
  }
  return median(samples);
}

function randomBytes(length) {
  // A fixed LCG, so every run measures the same bytes.
  const bytes = new Uint8Array(length);
  let state = 12345;
  for (let index = 0; index < length; index++) {
    state = (state * 1103515245 + 12345) >>> 0;
    bytes[index] = state >>> 24;
  }
  return bytes;
}

export async function codecSpeed({ repeat, log }) {
  const { decodePayload, encodePayload } = codecs();
  const bytes = randomBytes(1024 * 1024);
  const round = (value) => Number(value.toFixed(2));
  const figures = [];
  for (const encoding of ['hex', 'base64', 'escapes', 'utf8']) {
    const text = decodePayload(bytes, encoding);
    const decode = timed(() => decodePayload(bytes, encoding), repeat * 2);
    const encode = timed(() => encodePayload(text, encoding), repeat * 2);
    figures.push(figure(`codec-decode-${encoding}-1mib-ms`, round(decode), 'ms'));
    figures.push(figure(`codec-encode-${encoding}-1mib-ms`, round(encode), 'ms'));
  }
  const buffer = Buffer.from(bytes);
  for (const encoding of ['hex', 'base64']) {
    const ours = timed(() => decodePayload(bytes, encoding), repeat * 2);
    const native = timed(() => buffer.toString(encoding), repeat * 2);
    log(`codec ${encoding} decode: ours ${round(ours)} ms, Buffer ${round(native)} ms`);
    figures.push(figure(`codec-decode-${encoding}-vs-buffer`, round(native / ours), 'ratio'));
  }
  return figures;
}

/**
 * A recording's worker thread: owns the file and the format writer, so building pcapng blocks,
 * the TCP checksums over every byte and the writes all run off the main thread. Batches come in
 * order (recordingBatch.ts); each is written with blocking writes (only this thread waits), then
 * acknowledged with its buffer handed back. Bundled as its own entry (dist/recorderWorker.js) and
 * compiled next to recorder.js by tsc; it never imports vscode.
 */
import * as fs from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { errorData, type FromWorker, type ToWorker, type WorkerSetup } from './recorderProtocol';
import { batchItems } from './recordingBatch';
import { entryWriter } from './recordingWriters';
import { setWordSum } from './packets';
import { WasmWordSum } from './wordSum';

/** Past this many parts (IOV_MAX is 1024) a batch is copied into one buffer: a batch of small entries. */
const MAX_PARTS = 1024;

const port = parentPort;
if (port === null) {
  throw new Error('recorderWorker.js runs as a worker thread');
}
const setup = workerData as WorkerSetup;
let fd: number | undefined;
let bytesWritten = 0;
let failed = false;
let parts: Uint8Array[] = [];
const writer = entryWriter(setup.format, setup.source, (part) => parts.push(part));
// Checksums over the batch's bytes in WebAssembly, once they are copied into its memory.
const words = WasmWordSum.create();
setWordSum(words === undefined ? undefined : (bytes, length) => words.sum(bytes, length));

function post(message: FromWorker, transfer: ArrayBuffer[] = []): void {
  port?.postMessage(message, transfer);
}

/** Writes the parts gathered so far, all of them (a write may take only some). */
function flush(): void {
  let pending = parts.length > MAX_PARTS ? [Buffer.concat(parts)] : parts;
  parts = [];
  let left = pending.reduce((sum, part) => sum + part.byteLength, 0);
  while (left > 0 && fd !== undefined) {
    let written = fs.writevSync(fd, pending);
    bytesWritten += written;
    left -= written;
    // Drop what was written: whole parts, then the head of the next one.
    let index = 0;
    while (index < pending.length && written >= pending[index].byteLength) {
      written -= pending[index].byteLength;
      index++;
    }
    pending = pending.slice(index);
    if (written > 0) {
      pending[0] = pending[0].subarray(written);
    }
  }
}

function fail(error: unknown): void {
  failed = true;
  parts = [];
  post({ type: 'error', error: errorData(error), bytesWritten });
  try {
    close();
  } catch {
    // The first error is the one reported.
  }
}

function close(): void {
  if (fd !== undefined) {
    const closing = fd;
    fd = undefined;
    fs.closeSync(closing);
  }
}

function handle(message: ToWorker): void {
  if (message.type === 'batch') {
    if (!failed) {
      words?.load(message.buffer, message.used);
      for (const { entry, lost } of batchItems(message)) {
        if (lost > 0) {
          writer.lose(entry, lost);
        } else {
          writer.add(entry);
        }
      }
      flush();
    }
    post({ type: 'written', cost: message.cost, bytesWritten, buffer: message.buffer }, [message.buffer]);
    return;
  }
  if (!failed) {
    writer.finish();
    flush();
    close();
    post({ type: 'finished', bytesWritten });
  }
  port?.close();
}

try {
  fd = fs.openSync(setup.path, 'w');
  post({ type: 'open' });
  writer.start();
  flush();
} catch (error) {
  fail(error);
  port.close();
}
port.on('message', (message: ToWorker) => {
  try {
    handle(message);
  } catch (error) {
    fail(error);
  }
});

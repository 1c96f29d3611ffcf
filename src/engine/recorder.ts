/**
 * Recording to disk: every entry of a socket's transcript (a server's covers all its connections),
 * written to a file as it happens, whatever the ring buffer evicts later.
 *
 * Data entries arrive through the engine's onData event; the lifecycle entries between them (connect,
 * FIN, close) are read from the transcript by seq, so nothing in between is skipped. The main thread
 * only copies each entry's bytes into a batch (recordingBatch.ts); a worker thread (recorderWorker.ts)
 * builds the blocks, sums the checksums and writes the file. Writes respect the file's backpressure
 * twice over: past half of `maxPendingBytes` (bytes handed to the worker and not yet on disk) the
 * recorded stream sockets stop reading until the file catches up (TCP's flow control slows the peer,
 * nothing is lost); past all of it (a UDP socket cannot wait) entries are counted as lost instead of
 * buffered, and the file says so (a pcapng packet comment and the final interface statistics; a
 * JSONL `lost` line).
 */
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { captureSource } from './export';
import { BATCH_BYTES, BatchBuilder } from './recordingBatch';
import { errorFromData, type FromWorker, type ToWorker, type WorkerSetup } from './recorderProtocol';
import { RECORDING_FORMATS, type RecordingFormat } from './recordingWriters';
import type { TranscriptView } from './transcript';
import type { SocketInfo, TranscriptEntry } from './shared/types';

export { RECORDING_FORMATS, type RecordingFormat };

/** Bytes waiting for the disk before entries are dropped: bounded, and enough for bursts. */
export const DEFAULT_MAX_PENDING_BYTES = 32 * 1024 * 1024;
/** Next to recorder.js in out/ (tsc), and next to the bundle in dist/ (esbuild's own entry). */
export const RECORDER_WORKER_FILE = path.join(__dirname, 'recorderWorker.js');
const noop = (): void => undefined;
let workersAlive = 0;

/** Recording workers started and not yet exited (tests check that none outlives its recording). */
export function recorderWorkersAlive(): number {
  return workersAlive;
}

export interface RecordingStatus {
  readonly socketId: string;
  readonly path: string;
  readonly format: RecordingFormat;
  readonly startedAt: number;
  /** Entries written to the file. */
  readonly entries: number;
  /** Bytes the disk has taken so far. */
  readonly bytesWritten: number;
  /** Bytes waiting for the disk (bounded by maxPendingBytes plus one entry). */
  readonly pendingBytes: number;
  /** Entries not written because the disk could not keep up (or the ring evicted them first). */
  readonly lostEntries: number;
  readonly lostBytes: number;
}

export class Recorder {
  /** The next transcript seq to write. */
  private cursor: number;
  private written = 0;
  private lostEntries = 0;
  private lostBytes = 0;
  private bytesWritten = 0;
  /** What the batches handed to the worker (and the one being filled) count against maxPendingBytes. */
  private pending = 0;
  private failure: Error | undefined;
  private stopped = false;
  /** Reading is held until the file catches up. */
  private holding = false;
  private batch: BatchBuilder | undefined;
  private flushScheduled = false;
  private readonly spare: ArrayBuffer[] = [];
  private finished: (() => void) | undefined;
  /** The worker wrote the file's end and closed it. */
  private complete = false;
  private readonly exited: Promise<void>;
  readonly startedAt = Date.now();

  private constructor(
    private readonly info: SocketInfo,
    private readonly transcript: TranscriptView,
    readonly path: string,
    readonly format: RecordingFormat,
    private readonly maxPendingBytes: number,
    private readonly worker: Worker,
    private readonly hold: (hold: boolean) => void,
  ) {
    this.exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
    worker.on('message', (message: FromWorker) => this.onMessage(message));
    worker.on('error', (error) => this.fail(error));
    worker.once('exit', () => {
      this.fail(new Error('the recording worker exited before the file was complete'));
      this.finished?.();
    });
    // A recording alone does not keep the process alive; stop() holds it until the file is complete.
    worker.unref();
    // From now on: what the transcript already holds is history (exportCapture writes that).
    this.cursor = transcript.counters().nextSeq;
  }

  /** Creates (or replaces) the file in a new worker; rejects (and ends the worker) if it cannot be opened. */
  static async start(
    info: SocketInfo,
    transcript: TranscriptView,
    path: string,
    format: RecordingFormat,
    maxPendingBytes = DEFAULT_MAX_PENDING_BYTES,
    hold: (hold: boolean) => void = () => undefined,
  ): Promise<Recorder> {
    const setup: WorkerSetup = { path, format, source: captureSource(info) };
    const worker = new Worker(RECORDER_WORKER_FILE, { workerData: setup });
    workersAlive++;
    worker.once('exit', () => workersAlive--);
    const listeners: { message?: (message: FromWorker) => void; error?: (error: Error) => void; exit?: () => void } = {};
    try {
      await new Promise<void>((resolve, reject) => {
        listeners.message = (message) => (message.type === 'open' ? resolve() : reject(message.type === 'error' ? errorFromData(message.error) : new Error(`unexpected ${message.type}`)));
        listeners.error = reject;
        listeners.exit = () => reject(new Error('the recording worker exited before opening the file'));
        worker.once('message', listeners.message).once('error', listeners.error).once('exit', listeners.exit);
      });
    } catch (error) {
      await worker.terminate();
      throw error;
    } finally {
      // Only ours: the Worker's own listeners (which ref its port) stay.
      worker.off('message', listeners.message ?? noop).off('error', listeners.error ?? noop).off('exit', listeners.exit ?? noop);
    }
    return new Recorder(info, transcript, path, format, maxPendingBytes, worker, hold);
  }

  get socketId(): string {
    return this.info.id;
  }

  status(): RecordingStatus {
    return {
      socketId: this.info.id,
      path: this.path,
      format: this.format,
      startedAt: this.startedAt,
      entries: this.written,
      bytesWritten: this.bytesWritten,
      pendingBytes: this.pending,
      lostEntries: this.lostEntries,
      lostBytes: this.lostBytes,
    };
  }

  /** The data path: called for every entry the engine reports for this socket. */
  entry(entry: TranscriptEntry): void {
    if (this.stopped) {
      return;
    }
    if (entry.seq > this.cursor) {
      this.catchUp(entry.seq);
    }
    if (entry.seq === this.cursor) {
      this.take(entry);
    }
  }

  /** Writes the entries recorded since the last one written (events have no data event). */
  catchUp(untilSeq = this.transcript.counters().nextSeq): void {
    if (this.stopped || this.cursor >= untilSeq) {
      return;
    }
    const missing = this.transcript.slice(this.cursor, untilSeq - this.cursor);
    const firstHeld = missing[0]?.seq ?? untilSeq;
    if (firstHeld > this.cursor) {
      // Evicted before we could read them: a tiny ring and a burst of events.
      const count = firstHeld - this.cursor;
      this.lostEntries += count;
      this.cursor = firstHeld;
    }
    for (const entry of missing) {
      this.take(entry);
    }
  }

  /**
   * Ends the file (pcapng: interface statistics with the loss count) and resolves once it is on disk
   * and the worker has ended.
   */
  async stop(): Promise<RecordingStatus> {
    if (!this.stopped) {
      this.catchUp();
      this.stopped = true;
      this.release();
      this.worker.ref();
      if (this.failure === undefined) {
        const finished = new Promise<void>((resolve) => (this.finished = resolve));
        this.flush();
        this.post({ type: 'finish' });
        await finished;
      }
      await this.worker.terminate();
      await this.exited;
      this.spare.length = 0;
    }
    if (this.failure !== undefined) {
      throw this.failure;
    }
    return this.status();
  }

  private onMessage(message: FromWorker): void {
    switch (message.type) {
      case 'written':
        this.pending -= message.cost;
        this.bytesWritten = message.bytesWritten;
        // Every buffer comes back for reuse, up to the allowance's worth (a fresh 1 MiB buffer per
        // batch made the main thread's collector run three times as long).
        if (message.buffer.byteLength === BATCH_BYTES && (this.spare.length + 1) * BATCH_BYTES <= this.maxPendingBytes + BATCH_BYTES) {
          this.spare.push(message.buffer);
        }
        // Lifted once a quarter of the allowance is left, not when the file is empty, so the disk
        // always has work queued while the peer's bytes come again.
        if (this.holding && this.pending <= this.maxPendingBytes >>> 2) {
          this.release();
        }
        break;
      case 'finished':
        this.bytesWritten = message.bytesWritten;
        this.complete = true;
        this.finished?.();
        break;
      case 'error':
        this.bytesWritten = message.bytesWritten;
        this.fail(errorFromData(message.error));
        this.finished?.();
        break;
      default:
        break;
    }
  }

  /** The first failure wins; the worker ends, reading resumes, later entries are counted lost. */
  private fail(error: Error): void {
    if (this.failure !== undefined || this.complete) {
      return;
    }
    this.failure = error;
    this.batch = undefined;
    this.release();
    void this.worker.terminate();
  }

  private release(): void {
    if (this.holding) {
      this.holding = false;
      this.hold(false);
    }
  }

  private take(entry: TranscriptEntry): void {
    this.cursor = entry.seq + 1;
    if (this.failure === undefined && this.pending <= this.maxPendingBytes) {
      this.pending += this.builder(entry.data?.byteLength ?? 0).add(entry);
      this.written++;
      if (!this.holding && this.pending > this.maxPendingBytes >>> 1) {
        this.holding = true;
        this.hold(true);
      }
    } else {
      if (this.failure === undefined) {
        this.builder(0).lose(entry);
      }
      this.lostEntries++;
      this.lostBytes += entry.length;
    }
  }

  /** The batch an entry of `bytes` goes into: the current one if it fits, else a new one. */
  private builder(bytes: number): BatchBuilder {
    if (this.batch !== undefined && !this.batch.fits(bytes)) {
      this.flush();
    }
    if (this.batch === undefined) {
      const buffer = bytes > BATCH_BYTES ? new ArrayBuffer(bytes) : (this.spare.pop() ?? new ArrayBuffer(BATCH_BYTES));
      this.batch = new BatchBuilder(buffer);
    }
    if (!this.flushScheduled) {
      // Once per turn of the event loop, after the reads of this turn: never one message per entry.
      this.flushScheduled = true;
      setImmediate(() => {
        this.flushScheduled = false;
        this.flush();
      });
    }
    return this.batch;
  }

  private flush(): void {
    const batch = this.batch;
    this.batch = undefined;
    if (batch !== undefined && batch.size > 0 && this.failure === undefined) {
      const message = batch.message();
      this.post(message, [message.buffer]);
    }
  }

  private post(message: ToWorker, transfer: ArrayBuffer[] = []): void {
    this.worker.postMessage(message, transfer);
  }
}

/**
 * Recording to disk: every entry of a socket's transcript (a server's covers all its connections),
 * written to a file as it happens, whatever the ring buffer evicts later.
 *
 * Data entries arrive through the engine's onData event; the lifecycle entries between them (connect,
 * FIN, close) are read from the transcript by seq, so nothing in between is skipped. Writes respect
 * the file's backpressure twice over: past half of `maxPendingBytes` the recorded stream sockets stop
 * reading until the file drains (TCP's flow control slows the peer, nothing is lost); past all of it
 * (a UDP socket cannot wait) entries are counted as lost instead of buffered, and the file says so
 * (a pcapng packet comment and the final interface statistics; a JSONL `lost` line).
 */
import * as fs from 'node:fs';
import { CaptureWriter } from './capture';
import { captureSource } from './export';
import type { TranscriptView } from './transcript';
import type { SocketInfo, TranscriptEntry } from './shared/types';

export type RecordingFormat = 'pcapng' | 'jsonl';
export const RECORDING_FORMATS: readonly RecordingFormat[] = ['pcapng', 'jsonl'];

/** Bytes waiting for the disk before entries are dropped: bounded, and enough for bursts. */
export const DEFAULT_MAX_PENDING_BYTES = 32 * 1024 * 1024;
/** How often a held recording looks whether its file has caught up. */
const BACKLOG_POLL_MS = 2;

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

interface EntryWriter {
  start(): void;
  add(entry: TranscriptEntry): void;
  lose(entry: TranscriptEntry): void;
  finish(): void;
}

export class Recorder {
  private readonly stream: fs.WriteStream;
  private readonly writer: EntryWriter;
  /** The next transcript seq to write. */
  private cursor: number;
  private written = 0;
  private lostEntries = 0;
  private lostBytes = 0;
  private failure: Error | undefined;
  private stopped = false;
  /** Reading is held until the file drains. */
  private holding = false;
  readonly startedAt = Date.now();

  private constructor(
    private readonly info: SocketInfo,
    private readonly transcript: TranscriptView,
    readonly path: string,
    readonly format: RecordingFormat,
    private readonly maxPendingBytes: number,
    stream: fs.WriteStream,
    private readonly hold: (hold: boolean) => void,
  ) {
    this.stream = stream;
    stream.on('error', (error) => {
      this.failure ??= error;
    });
    const write = (part: Uint8Array): void => {
      stream.write(part);
    };
    this.writer = format === 'pcapng' ? pcapngWriter(info, write) : jsonlWriter(info, write);
    // From now on: what the transcript already holds is history (exportCapture writes that).
    this.cursor = transcript.counters().nextSeq;
    this.writer.start();
  }

  /** Creates (or replaces) the file; rejects if it cannot be opened. */
  static async start(
    info: SocketInfo,
    transcript: TranscriptView,
    path: string,
    format: RecordingFormat,
    maxPendingBytes = DEFAULT_MAX_PENDING_BYTES,
    hold: (hold: boolean) => void = () => undefined,
  ): Promise<Recorder> {
    const stream = fs.createWriteStream(path);
    await new Promise<void>((resolve, reject) => {
      stream.once('open', () => {
        stream.off('error', reject);
        resolve();
      });
      stream.once('error', reject);
    });
    return new Recorder(info, transcript, path, format, maxPendingBytes, stream, hold);
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
      bytesWritten: this.stream.bytesWritten,
      pendingBytes: this.stream.writableLength,
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

  /** Ends the file (pcapng: interface statistics with the loss count) and resolves once it is on disk. */
  async stop(): Promise<RecordingStatus> {
    if (!this.stopped) {
      this.catchUp();
      this.stopped = true;
      this.release();
      this.writer.finish();
      await new Promise<void>((resolve) => {
        if (this.failure !== undefined) {
          resolve();
          return;
        }
        this.stream.end(() => resolve());
        this.stream.once('error', () => resolve());
      });
    }
    if (this.failure !== undefined) {
      throw this.failure;
    }
    return this.status();
  }

  /**
   * Lifts the hold once a quarter of the allowance is left, not when the file is empty ('drain'), so
   * the disk always has work queued while the peer's bytes come again.
   */
  private watchBacklog(): void {
    const timer = setInterval(() => {
      if (!this.holding || this.stream.writableLength <= this.maxPendingBytes >>> 2 || this.failure !== undefined) {
        clearInterval(timer);
        this.release();
      }
    }, BACKLOG_POLL_MS);
    timer.unref();
  }

  private release(): void {
    if (this.holding) {
      this.holding = false;
      this.hold(false);
    }
  }

  private take(entry: TranscriptEntry): void {
    this.cursor = entry.seq + 1;
    if (this.failure === undefined && this.stream.writableLength <= this.maxPendingBytes) {
      this.stream.cork();
      this.writer.add(entry);
      process.nextTick(uncork, this.stream);
      this.written++;
      if (!this.holding && this.stream.writableLength > this.maxPendingBytes >>> 1) {
        this.holding = true;
        this.hold(true);
        this.watchBacklog();
      }
    } else {
      this.writer.lose(entry);
      this.lostEntries++;
      this.lostBytes += entry.length;
    }
  }
}

function uncork(stream: fs.WriteStream): void {
  stream.uncork();
}

function pcapngWriter(info: SocketInfo, write: (part: Uint8Array) => void): EntryWriter {
  const capture = new CaptureWriter(captureSource(info), (parts) => {
    for (const part of parts) {
      if (part.byteLength > 0) {
        write(part);
      }
    }
  });
  return {
    start: () => capture.start('Recorded as it happened'),
    add: (entry) => capture.add(entry),
    lose: (entry) => capture.lose(entry),
    finish: () => {
      const { entries, bytes } = capture.lost;
      capture.finish(entries > 0 ? `${entries} entries (${bytes} bytes) were lost: the disk could not keep up` : undefined);
    },
  };
}

/**
 * One JSON object per line: a header, then the entries (payloads in base64, `length` the bytes on
 * the wire, so `data` shorter than `length` means a cut capture), `lost` lines where entries were
 * dropped, and an `end` line with the totals.
 */
function jsonlWriter(info: SocketInfo, write: (part: Uint8Array) => void): EntryWriter {
  let lostEntries = 0;
  let lostBytes = 0;
  let unreported = 0;
  let unreportedBytes = 0;
  let entries = 0;
  const line = (value: object): void => write(Buffer.from(`${JSON.stringify(value)}\n`));
  return {
    start: () => line({ type: 'header', format: 'socket-workbench-recording', version: 1, socketId: info.id, kind: info.kind, spec: info.spec, name: info.name, startedAt: Date.now() }),
    add: (entry) => {
      if (unreported > 0) {
        line({ type: 'lost', entries: unreported, bytes: unreportedBytes });
        unreported = 0;
        unreportedBytes = 0;
      }
      entries++;
      const { data, ...fields } = entry;
      line({ type: 'entry', ...fields, data: data === undefined ? undefined : Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('base64') });
    },
    lose: (entry) => {
      lostEntries++;
      lostBytes += entry.length;
      unreported++;
      unreportedBytes += entry.length;
    },
    finish: () => {
      if (unreported > 0) {
        line({ type: 'lost', entries: unreported, bytes: unreportedBytes });
      }
      line({ type: 'end', entries, lostEntries, lostBytes, endedAt: Date.now() });
    },
  };
}

/**
 * The engine's recordings: at most one per socket. Subscribes to the engine's events only while a
 * recording runs, and reports each recording's progress at most twice a second, however fast it grows.
 */
import { EngineError, withReason } from './shared/errors';
import { Emitter, type Disposable, type Event } from './events';
import { Recorder, RECORDING_FORMATS, type RecordingFormat, type RecordingStatus } from './recorder';
import type { SocketInfo, TranscriptEntry } from './shared/types';
import type { TranscriptView } from './transcript';

/** What Recordings needs from the engine (the engine passes itself). */
export interface RecordingHost {
  get(id: string): SocketInfo | undefined;
  transcript(id: string): TranscriptView;
  holdReading(id: string, hold: boolean): void;
  readonly onData: Event<{ readonly socketId: string; readonly entry: TranscriptEntry }>;
  readonly onDidChange: Event<SocketInfo>;
  readonly onDidRemove: Event<{ readonly id: string; readonly parentId?: string }>;
}

export interface RecordOptions {
  readonly format?: RecordingFormat;
  /** Bytes allowed to wait for the disk before entries are dropped (and counted). */
  readonly maxPendingBytes?: number;
}

/** A recording's progress, or its end (`stopped`, with the final figures). */
export interface RecordingChange {
  readonly status: RecordingStatus;
  readonly stopped: boolean;
}

const PROGRESS_INTERVAL_MS = 500;

export class Recordings implements Disposable {
  private readonly recorders = new Map<string, Recorder>();
  private subscriptions: Disposable[] = [];
  private progressTimer: NodeJS.Timeout | undefined;
  private disposed = false;
  private readonly changeEmitter = new Emitter<RecordingChange>();
  readonly onDidChange: Event<RecordingChange> = this.changeEmitter.event;

  constructor(private readonly host: RecordingHost) {}

  async record(id: string, path: string, options: RecordOptions = {}): Promise<RecordingStatus> {
    const format = options.format ?? 'pcapng';
    if (!RECORDING_FORMATS.includes(format)) {
      throw new EngineError('INVALID_ARGUMENT', `unknown recording format ${String(format)}; use pcapng or jsonl`, withReason('recording-format', { format: String(format) }), id);
    }
    const info = this.host.get(id);
    if (info === undefined) {
      throw new EngineError('UNKNOWN_SOCKET', `no socket with id ${id}`, withReason('socket-unknown', { id }));
    }
    const running = this.recorders.get(id);
    if (running !== undefined) {
      throw new EngineError('INVALID_ARGUMENT', `socket ${id} is already recording to ${running.path}`, withReason('recording-active', { id, path: running.path }), id);
    }
    const recorder = await Recorder.start(info, this.host.transcript(id), path, format, options.maxPendingBytes, (hold) => this.host.holdReading(id, hold));
    if (this.disposed) {
      // Disposed while the file was opening: no worker may outlive the engine.
      await recorder.stop().catch(() => undefined);
      throw new EngineError('NOT_OPEN', 'the socket engine has been disposed', withReason('engine-disposed'), id);
    }
    this.recorders.set(id, recorder);
    this.subscribe();
    const status = recorder.status();
    this.changeEmitter.fire({ status, stopped: false });
    return status;
  }

  async stop(id: string): Promise<RecordingStatus> {
    const recorder = this.recorders.get(id);
    if (recorder === undefined) {
      throw new EngineError('INVALID_ARGUMENT', `socket ${id} is not recording`, withReason('recording-none', { id }), id);
    }
    this.recorders.delete(id);
    if (this.recorders.size === 0) {
      this.unsubscribe();
    }
    try {
      const status = await recorder.stop();
      this.changeEmitter.fire({ status, stopped: true });
      return status;
    } catch (error) {
      this.changeEmitter.fire({ status: recorder.status(), stopped: true });
      throw error;
    }
  }

  status(id: string): RecordingStatus | undefined {
    return this.recorders.get(id)?.status();
  }

  list(): RecordingStatus[] {
    return [...this.recorders.values()].map((recorder) => recorder.status());
  }

  /** Stops every recording, so each file ends properly. */
  async stopAll(): Promise<void> {
    await Promise.allSettled([...this.recorders.keys()].map((id) => this.stop(id)));
  }

  dispose(): void {
    this.disposed = true;
    void this.stopAll();
    this.changeEmitter.dispose();
  }

  private subscribe(): void {
    if (this.subscriptions.length > 0) {
      return;
    }
    this.subscriptions = [
      this.host.onData((event) => this.recorders.get(event.socketId)?.entry(event.entry)),
      // Lifecycle entries (connect, FIN, close) come with a change, not a data event.
      this.host.onDidChange((info) => {
        this.recorders.get(info.id)?.catchUp();
        if (info.parentId !== undefined) {
          this.recorders.get(info.parentId)?.catchUp();
        }
      }),
      this.host.onDidRemove((event) => {
        if (event.parentId !== undefined) {
          this.recorders.get(event.parentId)?.catchUp();
        }
        if (this.recorders.has(event.id)) {
          void this.stop(event.id).catch(() => undefined);
        }
      }),
    ];
    this.progressTimer = setInterval(() => {
      for (const recorder of this.recorders.values()) {
        this.changeEmitter.fire({ status: recorder.status(), stopped: false });
      }
    }, PROGRESS_INTERVAL_MS);
    this.progressTimer.unref();
  }

  private unsubscribe(): void {
    for (const subscription of this.subscriptions) {
      subscription.dispose();
    }
    this.subscriptions = [];
    if (this.progressTimer !== undefined) {
      clearInterval(this.progressTimer);
      this.progressTimer = undefined;
    }
  }
}

/** The messages between a Recorder (main thread) and its worker (recorderWorker.ts). */
import type { CaptureSource } from './capture';
import type { BatchMessage } from './recordingBatch';
import type { RecordingFormat } from './recordingWriters';

/** The worker's workerData. */
export interface WorkerSetup {
  readonly path: string;
  readonly format: RecordingFormat;
  readonly source: CaptureSource;
}

/** A file error as data (an Error's own fields do not survive postMessage as an Error's). */
export interface ErrorData {
  readonly message: string;
  readonly code?: string;
  readonly errno?: number;
  readonly syscall?: string;
  readonly path?: string;
}

export type ToWorker = BatchMessage | { readonly type: 'finish' };

export type FromWorker =
  | { readonly type: 'open' }
  /** A batch is on disk: its cost comes off the pending bytes, its buffer comes back for reuse. */
  | { readonly type: 'written'; readonly cost: number; readonly bytesWritten: number; readonly buffer: ArrayBuffer }
  | { readonly type: 'error'; readonly error: ErrorData; readonly bytesWritten: number }
  | { readonly type: 'finished'; readonly bytesWritten: number };

export function errorData(error: unknown): ErrorData {
  const fields = (typeof error === 'object' && error !== null ? error : {}) as Partial<Record<keyof ErrorData, unknown>>;
  return {
    message: typeof fields.message === 'string' ? fields.message : String(error),
    code: typeof fields.code === 'string' ? fields.code : undefined,
    errno: typeof fields.errno === 'number' ? fields.errno : undefined,
    syscall: typeof fields.syscall === 'string' ? fields.syscall : undefined,
    path: typeof fields.path === 'string' ? fields.path : undefined,
  };
}

/** The file error as the fs module would have thrown it: an Error with code, errno, syscall and path. */
export function errorFromData(data: ErrorData): Error {
  const error = new Error(data.message) as NodeJS.ErrnoException;
  if (data.code !== undefined) {
    error.code = data.code;
  }
  if (data.errno !== undefined) {
    error.errno = data.errno;
  }
  if (data.syscall !== undefined) {
    error.syscall = data.syscall;
  }
  if (data.path !== undefined) {
    error.path = data.path;
  }
  return error;
}

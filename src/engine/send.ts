/**
 * Writes a payload to a stream socket the way a well-behaved program does: hand the kernel a chunk,
 * and when write() says the buffer is full, wait for 'drain' before the next one. Memory stays
 * bounded however big the payload, progress is reported, and an AbortSignal stops the send between
 * chunks (what was already written stays written: TCP cannot take bytes back).
 */
import type { Writable } from 'node:stream';
import { EngineError, fromSystemError, withReason } from './shared/errors';

export interface SendProgress {
  readonly sent: number;
  readonly total: number;
}

export interface SendOptions {
  /**
   * Server: a connection id or 'all' (the default). UDP: `host:port` (a name, an address,
   * `<broadcast>`), defaulting to the socket's default peer. Ignored by clients.
   */
  readonly target?: string;
  /** Stops the send between chunks; the promise then resolves with `cancelled: true`. */
  readonly signal?: AbortSignal;
  /** Adds the length prefix of the socket's `framing=length` to the payload (`prefix=1`). */
  readonly prefix?: boolean;
  /** Called at most every `progressInterval` ms while a big send runs, and once at the end. */
  readonly onProgress?: (progress: SendProgress) => void;
}

export interface SendResult {
  /** Bytes handed to the kernel, summed over targets. */
  readonly bytesSent: number;
  /** Sockets or datagram targets written to. */
  readonly targets: number;
  readonly cancelled: boolean;
}

/** 1 MiB: big enough that per-write overhead vanishes, small enough to cancel promptly. */
export const SEND_CHUNK_BYTES = 1024 * 1024;
const PROGRESS_INTERVAL_MS = 100;

/** Who counts the bytes of a send as the kernel takes them (the socket: no closure per send). */
export interface ChunkCounter {
  chunkSent(bytes: number): void;
}

export interface WriteOutcome {
  readonly bytesSent: number;
  readonly cancelled: boolean;
}

const CANCELLED_AT_ONCE: WriteOutcome = Object.freeze({ bytesSent: 0, cancelled: true });

/** Whether writeNow can send `bytes` bytes: one chunk, which never waits for 'drain'. */
export function fitsOneChunk(bytes: number): boolean {
  return bytes <= SEND_CHUNK_BYTES;
}

/**
 * A payload of one chunk at most (fitsOneChunk), written, counted and reported before it returns:
 * what the loop of writeWithBackpressure does for such a payload, which it hands here. Throws
 * NOT_OPEN if the stream has ended.
 */
export function writeNow(stream: Writable, payload: Uint8Array, options: SendOptions, counter: ChunkCounter): WriteOutcome {
  const total = payload.byteLength;
  if (options.signal?.aborted === true) {
    options.onProgress?.({ sent: 0, total });
    return CANCELLED_AT_ONCE;
  }
  if (stream.destroyed || stream.writableEnded) {
    throw writeAfterClose(0, total);
  }
  // An empty payload is a no-op write, reported like any other.
  stream.write(payload);
  counter.chunkSent(total);
  options.onProgress?.({ sent: total, total });
  return { bytesSent: total, cancelled: false };
}

/**
 * Writes `payload` to `stream` chunk by chunk. `counter` hears each chunk once it is handed over, so
 * the socket counts bytes as they go. Rejects with an EngineError if the stream fails or closes.
 */
export async function writeWithBackpressure(stream: Writable, payload: Uint8Array, options: SendOptions, counter: ChunkCounter): Promise<WriteOutcome> {
  const total = payload.byteLength;
  if (fitsOneChunk(total)) {
    return writeNow(stream, payload, options, counter);
  }
  let sent = 0;
  let lastProgress = 0;
  const report = (force: boolean): void => {
    const now = Date.now();
    if (options.onProgress && (force || now - lastProgress >= PROGRESS_INTERVAL_MS)) {
      lastProgress = now;
      options.onProgress({ sent, total });
    }
  };
  while (sent < total) {
    if (options.signal?.aborted) {
      report(true);
      return { bytesSent: sent, cancelled: true };
    }
    if (stream.destroyed || stream.writableEnded) {
      throw writeAfterClose(sent, total);
    }
    const chunk = payload.subarray(sent, Math.min(total, sent + SEND_CHUNK_BYTES));
    const hasRoom = stream.write(chunk);
    sent += chunk.byteLength;
    counter.chunkSent(chunk.byteLength);
    if (sent < total) {
      // The last chunk is reported once, by the final report below.
      report(false);
    }
    if (!hasRoom && sent < total) {
      await waitForDrain(stream, options.signal);
    }
  }
  report(true);
  return { bytesSent: sent, cancelled: false };
}

function writeAfterClose(sent: number, total: number): EngineError {
  return new EngineError('NOT_OPEN', 'the socket is not open for writing', withReason('write-after-close', { sent, total }));
}

/** Resolves on 'drain' or abort; rejects if the stream errors or closes first. */
function waitForDrain(stream: Writable, signal: AbortSignal | undefined): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const cleanup = (): void => {
      stream.off('drain', onDrain);
      stream.off('error', onError);
      stream.off('close', onClose);
      signal?.removeEventListener('abort', onAbort);
    };
    const onDrain = (): void => {
      cleanup();
      resolve();
    };
    // An abort resolves: the loop sees the signal and reports a cancelled send.
    const onAbort = (): void => {
      cleanup();
      resolve();
    };
    const onError = (error: Error): void => {
      cleanup();
      reject(fromSystemError(error));
    };
    const onClose = (): void => {
      cleanup();
      reject(new EngineError('NOT_OPEN', 'the socket closed while a send was waiting for room', withReason('closed-while-waiting')));
    };
    stream.on('drain', onDrain);
    stream.on('error', onError);
    stream.on('close', onClose);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

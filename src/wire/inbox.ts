/**
 * What a socket has received and the runner has not consumed yet: a byte buffer for a stream, a
 * queue of datagrams for UDP, plus whether the peer sent FIN and whether the socket closed. Steps
 * wait on it with a deadline and an AbortSignal; nothing here waits without both.
 */
import { performance } from 'node:perf_hooks';
import type { EngineErrorInfo, SocketEngine, SocketInfo, TranscriptEntry } from '../engine/index';
import { WireError } from './errors';

const EMPTY = Buffer.alloc(0);

export interface Datagram {
  readonly data: Buffer;
  readonly peer: string | undefined;
}

export class Inbox {
  buffer: Buffer = EMPTY;
  readonly datagrams: Datagram[] = [];
  eof = false;
  closed = false;
  failure: EngineErrorInfo | undefined;
  /** Bytes that arrived beyond the transcript's capture limit: they cannot be matched. */
  lostBytes = 0;
  /** The sender of the last datagram consumed, for `{{peer}}`. */
  lastPeer: string | undefined;
  private nextSeq = 0;
  private notify: (() => void) | undefined;
  private deadline: NodeJS.Timeout | undefined;
  /** When the current wait times out (performance.now()); the timer may be set for an earlier wait. */
  private deadlineAt = 0;
  private onDeadline: (() => void) | undefined;

  /** Whole messages rather than a byte stream: UDP datagrams, or a stream with framing= in its spec. */
  readonly messageBased: boolean;

  constructor(
    private readonly engine: SocketEngine,
    readonly socketId: string,
    readonly datagram: boolean,
    framed = false,
  ) {
    this.messageBased = datagram || framed;
    // Data that came between open() and this inbox is already in the transcript.
    for (const entry of engine.transcript(socketId).entries()) {
      this.record(entry);
    }
    const info = engine.get(socketId);
    if (info !== undefined) {
      this.changed(info);
    }
  }

  /** A transcript entry of this socket (from engine.onData or the backfill above). */
  record(entry: TranscriptEntry): void {
    if (entry.seq < this.nextSeq) {
      return;
    }
    this.nextSeq = entry.seq + 1;
    if (entry.kind === 'info' && entry.code === 'FIN') {
      this.eof = true;
    } else if (entry.kind === 'data' && entry.direction === 'in') {
      const data = entry.data ?? EMPTY;
      this.lostBytes += entry.length - data.byteLength;
      const chunk = Buffer.isBuffer(data) ? data : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
      if (this.messageBased) {
        this.datagrams.push({ data: chunk, peer: entry.peer });
      } else {
        this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
      }
    } else {
      return;
    }
    this.notify?.();
  }

  /** The peer sent FIN (engine.onDidEnd). */
  ended(): void {
    this.eof = true;
    this.notify?.();
  }

  changed(info: SocketInfo): void {
    if (info.state === 'closed' || info.state === 'error') {
      this.closed = true;
      this.failure = info.error;
      this.scanTranscript();
      this.notify?.();
    }
  }

  /** A FIN recorded before this inbox subscribed (or missed) is read from the transcript. */
  scanTranscript(): void {
    let transcript;
    try {
      transcript = this.engine.transcript(this.socketId);
    } catch {
      return;
    }
    const counters = transcript.counters();
    if (counters.nextSeq <= this.nextSeq) {
      return;
    }
    for (const entry of transcript.slice(Math.max(this.nextSeq, counters.firstSeq), counters.nextSeq - this.nextSeq)) {
      if (entry.kind === 'info' && entry.code === 'FIN') {
        this.eof = true;
      }
    }
  }

  consume(end: number): Buffer {
    const taken = this.buffer.subarray(0, end);
    this.buffer = end >= this.buffer.length ? EMPTY : this.buffer.subarray(end);
    return taken;
  }

  /**
   * Calls `evaluate` now and after every change until it returns a value, the deadline passes
   * (resolves undefined) or the signal aborts (rejects with CANCELLED).
   */
  wait<T>(evaluate: () => T | undefined, timeoutMs: number, signal: AbortSignal | undefined): Promise<T | undefined> {
    const first = evaluate();
    if (first !== undefined) {
      return Promise.resolve(first);
    }
    if (signal?.aborted === true) {
      return Promise.reject(cancelled());
    }
    return new Promise<T | undefined>((resolve, reject) => {
      const finish = (value: T | undefined, error?: WireError): void => {
        this.onDeadline = undefined;
        signal?.removeEventListener('abort', onAbort);
        this.notify = undefined;
        if (error === undefined) {
          resolve(value);
        } else {
          reject(error);
        }
      };
      const check = (): void => {
        const value = evaluate();
        if (value !== undefined) {
          finish(value);
        }
      };
      const onAbort = (): void => finish(undefined, cancelled());
      this.onDeadline = () => {
        this.scanTranscript();
        finish(evaluate());
      };
      this.armDeadline(timeoutMs);
      signal?.addEventListener('abort', onAbort, { once: true });
      this.notify = check;
    });
  }

  /**
   * One timer per inbox for every wait: a wait moves the deadline, and the timer, when it fires
   * early (set for an earlier wait), sleeps again until the current one. A 10,000-step ping-pong
   * therefore neither makes 10,000 timers nor moves one in the timer list per step. Unref'd: the
   * socket keeps the process alive.
   */
  private armDeadline(timeoutMs: number): void {
    const now = performance.now();
    const at = now + timeoutMs;
    const early = this.deadline !== undefined && at < this.deadlineAt;
    this.deadlineAt = at;
    if (this.deadline === undefined || early) {
      clearTimeout(this.deadline);
      this.deadline = setTimeout(() => this.deadlineReached(), timeoutMs);
      this.deadline.unref();
    }
  }

  private deadlineReached(): void {
    const left = this.deadlineAt - performance.now();
    if (left > 0) {
      this.deadline = setTimeout(() => this.deadlineReached(), Math.ceil(left));
      this.deadline.unref();
      return;
    }
    this.deadline = undefined;
    this.onDeadline?.();
  }

  /** Stops the deadline timer; the inbox is not waited on again. */
  dispose(): void {
    clearTimeout(this.deadline);
    this.deadline = undefined;
    this.onDeadline = undefined;
    this.notify = undefined;
  }
}

export function cancelled(): WireError {
  return new WireError('CANCELLED', 'the run was cancelled', { reason: 'cancelled' });
}

/** A cancellable sleep: rejects with CANCELLED when the signal aborts. */
export function sleep(milliseconds: number, signal: AbortSignal | undefined): Promise<void> {
  if (signal?.aborted === true) {
    return Promise.reject(cancelled());
  }
  return new Promise<void>((resolve, reject) => {
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(cancelled());
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, milliseconds);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

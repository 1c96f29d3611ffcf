/**
 * What a socket has received and the runner has not consumed yet: a byte buffer for a stream, a
 * queue of datagrams for UDP, plus whether the peer sent FIN and whether the socket closed. Steps
 * wait on it with a deadline and an AbortSignal; nothing here waits without both.
 */
import { performance } from 'node:perf_hooks';
import { asBuffer, type Disposable, type EngineErrorInfo, type SocketEngine, type SocketInfo, type TranscriptEntry } from '../engine/index';
import { WireError } from './errors';

const EMPTY = Buffer.alloc(0);

export interface Datagram {
  readonly data: Buffer;
  readonly peer: string | undefined;
}

/** A wait's test of the inbox: undefined waits on, an Error fails the wait, anything else ends it. */
export type Evaluate<A, T> = (arg: A, inbox: Inbox) => T | Error | undefined;

interface Waiting {
  readonly evaluate: Evaluate<unknown, unknown>;
  readonly timedOut: (arg: unknown, inbox: Inbox, timeoutMs: number) => Error;
  readonly timeoutMs: number;
  readonly arg: unknown;
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: Error) => void;
  readonly signal: AbortSignal | undefined;
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
  private readonly tap: Disposable;
  private waiting: Waiting | undefined;
  private deadline: NodeJS.Timeout | undefined;
  /** When the current wait times out (performance.now()); the timer may be set for an earlier wait. */
  private deadlineAt = 0;

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
    // Then straight from the engine, no entry objects: in the same step, so nothing is missed or seen twice.
    this.tap = engine.onIncoming(socketId, (_socketId, data, length, peer) => this.incoming(data, length, peer));
    const info = engine.get(socketId);
    if (info !== undefined) {
      this.changed(info);
    }
  }

  /** A transcript entry of this socket (the backfill above, or a scan). */
  record(entry: TranscriptEntry): void {
    if (entry.seq < this.nextSeq) {
      return;
    }
    this.nextSeq = entry.seq + 1;
    if (entry.kind === 'info' && entry.code === 'FIN') {
      this.eof = true;
      this.notify();
    } else if (entry.kind === 'data' && entry.direction === 'in') {
      this.incoming(entry.data ?? EMPTY, entry.length, entry.peer);
    }
  }

  /** Bytes that arrived: `data` as the transcript keeps them (cut at its capture limit), `length` as sent. */
  incoming(data: Uint8Array, length: number, peer: string | undefined): void {
    this.lostBytes += length - data.byteLength;
    const chunk = asBuffer(data);
    if (this.messageBased) {
      this.datagrams.push({ data: chunk, peer });
    } else {
      this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
    }
    this.notify();
  }

  /** The peer sent FIN (engine.onDidEnd). */
  ended(): void {
    this.eof = true;
    this.notify();
  }

  changed(info: SocketInfo): void {
    if (info.state === 'closed' || info.state === 'error') {
      this.closed = true;
      this.failure = info.error;
      this.scanTranscript();
      this.notify();
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

  /** Drops the first `end` bytes (a match took them); no view of them is made, nobody reads it. */
  consume(end: number): void {
    this.buffer = end >= this.buffer.length ? EMPTY : this.buffer.subarray(end);
  }

  /**
   * Waits until `evaluate(arg, this)` gives a value after a change: an Error rejects, anything else
   * resolves. At the deadline (measured from `startedAt`, performance.now()) it evaluates once more,
   * then rejects with `timedOut(arg, this, timeoutMs)`; an aborted signal rejects with CANCELLED. The caller
   * evaluates first, so the data already there never costs a promise. One wait at a time: its
   * state lives in fields, not in closures made per wait (a ping-pong waits once per round trip).
   */
  wait<A, T>(evaluate: Evaluate<A, T>, timedOut: (arg: A, inbox: Inbox, timeoutMs: number) => Error, arg: A, timeoutMs: number, signal: AbortSignal | undefined, startedAt = performance.now()): Promise<T> {
    if (signal?.aborted === true) {
      return Promise.reject(cancelled());
    }
    return new Promise<T>((resolve, reject) => {
      this.waiting = { evaluate: evaluate as Evaluate<unknown, unknown>, timedOut: timedOut as (arg: unknown, inbox: Inbox, timeoutMs: number) => Error, timeoutMs, arg, resolve: resolve as (value: unknown) => void, reject, signal };
      this.armDeadline(startedAt + timeoutMs, timeoutMs);
      signal?.addEventListener('abort', this.onAbort, { once: true });
    });
  }

  /** After a change: the waiting step's evaluation, which may end its wait. */
  private notify(): void {
    const waiting = this.waiting;
    if (waiting === undefined) {
      return;
    }
    const value = waiting.evaluate(waiting.arg, this);
    if (value !== undefined) {
      this.settle(waiting, value);
    }
  }

  private settle(waiting: Waiting, value: unknown): void {
    this.waiting = undefined;
    waiting.signal?.removeEventListener('abort', this.onAbort);
    if (value instanceof Error) {
      waiting.reject(value);
    } else {
      waiting.resolve(value);
    }
  }

  private readonly onAbort = (): void => {
    const waiting = this.waiting;
    if (waiting !== undefined) {
      this.settle(waiting, cancelled());
    }
  };

  private onDeadline(): void {
    const waiting = this.waiting;
    if (waiting === undefined) {
      return;
    }
    this.scanTranscript();
    this.settle(waiting, waiting.evaluate(waiting.arg, this) ?? waiting.timedOut(waiting.arg, this, waiting.timeoutMs));
  }

  /**
   * One timer per inbox for every wait: a wait moves the deadline, and the timer, when it fires
   * early (set for an earlier wait), sleeps again until the current one. A 10,000-step ping-pong
   * therefore neither makes 10,000 timers nor moves one in the timer list per step. Unref'd: the
   * socket keeps the process alive.
   */
  private armDeadline(at: number, timeoutMs: number): void {
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
    this.onDeadline();
  }

  /** Stops the deadline timer; the inbox is not waited on again. */
  dispose(): void {
    this.tap.dispose();
    clearTimeout(this.deadline);
    this.deadline = undefined;
    this.waiting = undefined;
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

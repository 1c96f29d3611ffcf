/**
 * The reading half of a stream connection: what arrives (raw reads or framed messages), the
 * framing that splits it, and who may stop the reading (the user, a recording that is behind).
 * StreamConnection adds how the socket comes to exist, sending and closing.
 */
import type * as net from 'node:net';
import { performance } from 'node:perf_hooks';
import { frameTooLargeError } from './framedStream';
import { FrameTooLarge, type Framer, type MessageRun } from './framing';
import { describeFraming, framerFor } from './framingOptions';
import { isTapped } from './incoming';
import { ManagedSocket } from './managed';
import type { FramingOptions } from './shared/types';
import { reset } from './streamListeners';

export abstract class ReadingStream extends ManagedSocket {
  protected socket: net.Socket | undefined;
  /** The spec's framing (or the panel's); the framer exists only when it is not raw. */
  protected framingOptions: FramingOptions | undefined;
  protected framer: Framer | undefined;
  /** Reading stopped by setReceiving (the user), and by a recording whose file is behind. */
  private userPaused = false;
  private held = false;

  /** For the shared 'data' listener. */
  received(chunk: Buffer): void {
    if (this.framer === undefined) {
      this.recordData('in', chunk, this.peerLabel);
      return;
    }
    this.receivedFramed(this.framer, chunk);
  }

  /** Each whole message is one entry; the partial one waits in the framer and is counted as pending. */
  private receivedFramed(framer: Framer, chunk: Buffer): void {
    const peer = this.peerLabel;
    // One read's messages arrived together: one clock reading for all of them.
    const time = Date.now();
    const mono = performance.now();
    try {
      this.recordMessages(framer.cut(chunk), peer, time, mono);
    } catch (error) {
      if (!(error instanceof FrameTooLarge)) {
        throw error;
      }
      // The messages before the oversize frame are whole.
      this.recordMessages(framer.run, peer, time, mono);
      // Where the next frame starts is unknown after an oversize one: the connection is reset.
      const socket = this.socket;
      this.fail(frameTooLargeError(error, this.id));
      this.setPending(0);
      this.abort(socket);
      return;
    }
    this.setPending(framer.pendingBytes);
  }

  /** The messages of one framed read: one entry each, recorded as a run (no view or event object each unless someone listens). */
  private recordMessages(run: MessageRun, peer: string | undefined, time: number, mono: number): void {
    const { first, buffer, cuts, count } = run;
    if (first !== undefined) {
      this.recordData('in', first, peer, time, mono);
    }
    if (count === 0) {
      return;
    }
    const owner = this.owner;
    const transcript = this.transcript;
    if (owner.wantsEntries || isTapped(this, this.parent) || !transcript.fitsRun(cuts, count)) {
      // Data listeners get an entry (or a call) per message, as from any read; a message over the capture cap gets its own cut copy.
      for (let index = 0; index < count; index++) {
        this.recordData('in', buffer.subarray(cuts[index], cuts[index + 1]), peer, time, mono);
      }
      return;
    }
    const bytes = cuts[count] - cuts[0];
    const stats = this.stats;
    stats.bytesIn += bytes;
    stats.messagesIn += count;
    transcript.recordRun('in', buffer, cuts, count, peer, time, mono);
    const parent = this.parent;
    if (parent !== undefined) {
      parent.stats.bytesIn += bytes;
      parent.stats.messagesIn += count;
      parent.transcript.mirrorRun(transcript, this.id);
      owner.recorded(parent, undefined);
    }
    owner.recorded(this, undefined);
  }

  private setPending(bytes: number): void {
    if ((this.stats.pendingBytes ?? 0) !== bytes) {
      this.stats.pendingBytes = bytes;
      this.owner.counted(this);
    }
  }

  override get framing(): FramingOptions | undefined {
    return this.framingOptions;
  }

  /** A new connection of a server whose framing was changed: quietly, before its first byte. */
  adoptFraming(options: FramingOptions | undefined): void {
    this.framingOptions = options;
    this.framer = framerFor(options);
  }

  /** From the next byte on; bytes still pending under the old framing become one message first. */
  override setFraming(options: FramingOptions | undefined): void {
    const rest = this.framer?.takePending();
    if (rest !== undefined) {
      this.recordData('in', rest, this.peerLabel);
    }
    this.framingOptions = options;
    this.framer = framerFor(options);
    if (this.framer === undefined) {
      delete this.stats.pendingBytes;
    } else {
      this.stats.pendingBytes = 0;
    }
    this.recordEvent('info', 'FRAMING', describeFraming(options));
    this.owner.changed(this);
  }

  /** The abortive close: RST for TCP (of the TCP socket under a TLS one); UNIX sockets have no RST. */
  protected abort(socket: net.Socket | undefined): void {
    if (socket !== undefined) {
      reset(socket);
    }
  }

  override get paused(): boolean {
    return this.userPaused;
  }

  /** A recording's backpressure: reading stops while its file is behind; the user's own pause stays theirs. */
  override holdReading(hold: boolean): void {
    this.held = hold;
    if (hold) {
      this.socket?.pause();
    } else if (!this.userPaused) {
      this.socket?.resume();
    }
  }

  override setReceiving(receiving: boolean): void {
    const socket = this.socket;
    if (socket === undefined) {
      throw this.notOpen();
    }
    if (receiving === !this.userPaused) {
      return;
    }
    this.userPaused = !receiving;
    if (receiving && !this.held) {
      socket.resume();
    } else {
      socket.pause();
    }
    this.recordEvent('info', receiving ? 'RESUMED' : 'PAUSED');
    this.owner.changed(this);
  }
}

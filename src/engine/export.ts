/**
 * Export a socket's transcript as pcapng (a server's holds all its connections). What the ring
 * buffer dropped before the export is said in the section comment and in the interface statistics,
 * and returned, so the caller can say it too.
 */
import * as fs from 'node:fs';
import { CaptureWriter, type CaptureSource } from './capture';
import type { TranscriptView } from './transcript';
import type { SocketInfo } from './shared/types';

export interface CaptureExport {
  readonly path: string;
  readonly packets: number;
  readonly entries: number;
  readonly bytesWritten: number;
  /** Entries the transcript had already dropped (its limits): not in the capture. */
  readonly droppedEntries: number;
  readonly droppedBytes: number;
  /** Messages whose capture was cut: in the capture with their original length. */
  readonly truncatedEntries: number;
  readonly truncatedBytes: number;
}

const FLUSH_BYTES = 1 << 20;

export function captureSource(info: SocketInfo): CaptureSource {
  return { id: info.id, kind: info.kind, spec: info.spec, name: info.name, local: info.local, remote: info.remote };
}

/** Writes the capture to `path` (replacing it), respecting the file stream's backpressure. */
export async function exportCapture(info: SocketInfo, transcript: TranscriptView, path: string, application?: string): Promise<CaptureExport> {
  // A snapshot: entries recorded while the file is written belong to the next export.
  const entries = transcript.entries();
  const counters = transcript.counters();
  const stream = fs.createWriteStream(path);
  await new Promise<void>((resolve, reject) => {
    stream.once('open', () => {
      stream.off('error', reject);
      resolve();
    });
    stream.once('error', reject);
  });
  const failed = new Promise<never>((_resolve, reject) => stream.once('error', reject));
  failed.catch(() => undefined);
  let parts: Uint8Array[] = [];
  let pending = 0;
  const writer = new CaptureWriter(
    captureSource(info),
    (blockParts) => {
      for (const part of blockParts) {
        parts.push(part);
        pending += part.byteLength;
      }
    },
    application,
  );
  const flush = async (): Promise<void> => {
    const chunk = Buffer.concat(parts, pending);
    parts = [];
    pending = 0;
    if (!stream.write(chunk)) {
      await Promise.race([new Promise<void>((resolve) => stream.once('drain', () => resolve())), failed]);
    }
  };
  const dropped = counters.evictedEntries;
  writer.start(
    dropped > 0
      ? `The transcript had dropped its ${dropped} oldest entries (${counters.evictedBytes} captured bytes) before this export: this capture holds the ${entries.length} entries it still had`
      : undefined,
  );
  for (const entry of entries) {
    writer.add(entry);
    if (pending >= FLUSH_BYTES) {
      await flush();
    }
  }
  writer.finish(dropped > 0 ? `${dropped} older entries were dropped by the transcript's limits before this export` : undefined, dropped);
  await flush();
  await Promise.race([new Promise<void>((resolve, reject) => stream.end((error?: Error | null) => (error ? reject(error) : resolve()))), failed]);
  return {
    path,
    packets: writer.packets,
    entries: entries.length,
    bytesWritten: stream.bytesWritten,
    droppedEntries: dropped,
    droppedBytes: counters.evictedBytes,
    truncatedEntries: counters.truncatedEntries,
    truncatedBytes: counters.truncatedBytes,
  };
}

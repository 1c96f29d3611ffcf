/**
 * The two recording formats as entry writers: pcapng (CaptureWriter, checksums included) and JSONL.
 * They run in the recording's worker (recorderWorker.ts), off the main thread; `write` takes the
 * file's bytes in order, parts kept by reference until the batch is written.
 */
import { CaptureWriter, type CaptureSource } from './capture';
import { asBuffer } from './framingBytes';
import type { TranscriptEntry } from './shared/types';

export type RecordingFormat = 'pcapng' | 'jsonl';
export const RECORDING_FORMATS: readonly RecordingFormat[] = ['pcapng', 'jsonl'];

export interface EntryWriter {
  start(): void;
  add(entry: TranscriptEntry): void;
  /** `count` entries lost in a row, `entry.length` their bytes together. */
  lose(entry: TranscriptEntry, count: number): void;
  finish(): void;
}

export function entryWriter(format: RecordingFormat, source: CaptureSource, write: (part: Uint8Array) => void): EntryWriter {
  return format === 'pcapng' ? pcapngWriter(source, write) : jsonlWriter(source, write);
}

function pcapngWriter(source: CaptureSource, write: (part: Uint8Array) => void): EntryWriter {
  const capture = new CaptureWriter(source, (parts) => {
    for (const part of parts) {
      if (part.byteLength > 0) {
        write(part);
      }
    }
  });
  return {
    start: () => capture.start('Recorded as it happened'),
    add: (entry) => capture.add(entry),
    lose: (entry, count) => capture.lose(entry, count),
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
function jsonlWriter(info: CaptureSource, write: (part: Uint8Array) => void): EntryWriter {
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
      line({ type: 'entry', ...fields, data: data === undefined ? undefined : asBuffer(data).toString('base64') });
    },
    lose: (entry, count) => {
      lostEntries += count;
      lostBytes += entry.length;
      unreported += count;
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

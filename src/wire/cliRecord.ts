/**
 * `socket-workbench record SPEC --out FILE`: opens a client (stdin goes to the socket, what arrives
 * goes to stdout) or a listener, and when it ends (the peer closes, `--for` runs out, Ctrl+C)
 * writes the socket's transcript as a wire section that replays the conversation.
 */
import * as fs from 'node:fs';
import { isEngineError } from '../engine/index';
import type { CliIo } from './cliMain';
import { englishText, type CliText } from './cliText';
import { sleep } from './inbox';
import { recordSection } from './record';
import { createRunnerEngine } from './runner';

export interface RecordCommand {
  readonly spec: string;
  readonly out: string;
  readonly name?: string;
  readonly durationMs?: number;
}

/** Where stdin comes from; the CLI passes process.stdin, tests a stream of their own. */
export interface RecordInput {
  readonly stdin: NodeJS.ReadableStream;
  /** The CLI's words in its locale; English by default. */
  readonly text?: CliText;
}

export async function record(command: RecordCommand, io: CliIo, input: RecordInput): Promise<number> {
  const text = input.text ?? englishText;
  const engine = createRunnerEngine();
  const stop = new AbortController();
  const onAbort = (): void => stop.abort();
  io.signal?.addEventListener('abort', onAbort, { once: true });
  const timer = command.durationMs === undefined ? undefined : setTimeout(() => stop.abort(), command.durationMs);
  try {
    let id: string;
    try {
      const info = await engine.open(command.spec, { signal: stop.signal });
      id = info.id;
      if (info.kind === 'tcp-server' || info.kind === 'unix-server' || (info.kind === 'udp' && info.defaultTarget === undefined)) {
        io.stderr(`${text('recording', info.spec, info.local === undefined ? info.spec : JSON.stringify(info.local))}\n`);
      }
    } catch (error) {
      io.stderr(`socket-workbench: ${text('cannotOpen', command.spec, isEngineError(error) ? error.message : String(error))}\n`);
      return isEngineError(error) && error.code.startsWith('SPEC') ? 2 : 1;
    }
    const info = engine.get(id);
    const client = info !== undefined && (info.kind === 'tcp-client' || info.kind === 'unix-client' || (info.kind === 'udp' && info.defaultTarget !== undefined));
    const subscription = engine.onData(({ socketId, entry }) => {
      if (socketId === id && entry.direction === 'in' && entry.data !== undefined) {
        io.stdout(Buffer.from(entry.data).toString('latin1'));
      }
    });
    const closed = new Promise<void>((resolve) => {
      const watch = engine.onDidChange((changed) => {
        if (changed.id === id && (changed.state === 'closed' || changed.state === 'error')) {
          watch.dispose();
          resolve();
        }
      });
    });
    if (client) {
      input.stdin.on('data', (chunk: Buffer | string) => {
        void engine.send(id, typeof chunk === 'string' ? Buffer.from(chunk) : chunk).catch(() => undefined);
      });
      input.stdin.once('end', () => {
        // Our FIN after the last line; the recording ends when the peer closes too.
        void engine.close(id, info?.kind === 'udp' ? 'graceful' : 'half').catch(() => undefined);
      });
    }
    await Promise.race([closed, sleep(2 ** 31 - 1, stop.signal).catch(() => undefined)]);
    // Ends the sleep (and its timer) when the peer closed first.
    stop.abort();
    subscription.dispose();
    input.stdin.removeAllListeners('data');
    input.stdin.pause();
    const section = recordSection(engine, id, { name: command.name });
    try {
      fs.writeFileSync(command.out, section);
    } catch (error) {
      io.stderr(`socket-workbench: ${text('cannotWrite', command.out, (error as NodeJS.ErrnoException).code ?? String(error))}\n`);
      return 2;
    }
    io.stderr(`${text('recorded', engine.transcript(id).counters().entries, command.out)}\n`);
    return 0;
  } finally {
    clearTimeout(timer);
    io.signal?.removeEventListener('abort', onAbort);
    await engine.dispose();
  }
}

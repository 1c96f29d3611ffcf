/**
 * Shared by the commands, errors, persistence and deactivate tests: the activated extension, bounded
 * waits, and plain Node peers on loopback (real sockets, independent of the engine under test).
 */
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { SocketInfo } from '../../src/engine';
import type { ActivatedApi } from '../../src/extension';

export const EXTENSION_ID = 'socketworkbench.socket-workbench';

export async function activate(): Promise<ActivatedApi> {
  const extension = vscode.extensions.getExtension<ActivatedApi>(EXTENSION_ID);
  if (extension === undefined) {
    throw new Error(`${EXTENSION_ID} is not loaded`);
  }
  return extension.activate();
}

export function run<T>(command: string, ...args: unknown[]): Promise<T> {
  return Promise.resolve(vscode.commands.executeCommand<T>(`socketWorkbench.${command}`, ...args));
}

export function delay(milliseconds: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, milliseconds));
}

/** Polls until `check` returns something other than undefined, or fails after the deadline. */
export async function waitFor<T>(what: string, check: () => T | undefined, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value !== undefined) {
      return value;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    }
    await delay(10);
  }
}

/** The newest message the extension showed (toasts are hidden in the test workbench). */
export function lastMessage(api: ActivatedApi): string | undefined {
  const messages = api.testing.services.recorder.shownMessages;
  return messages[messages.length - 1];
}

/** Runs `work` and returns the one message it showed. */
export async function messageOf(api: ActivatedApi, work: () => Promise<unknown>): Promise<string> {
  const before = api.testing.services.recorder.shownMessages.length;
  await work();
  const shown = api.testing.services.recorder.shownMessages.slice(before);
  if (shown.length !== 1) {
    throw new Error(`expected one message, got ${JSON.stringify(shown)}`);
  }
  return shown[0];
}

export function portOf(info: SocketInfo | undefined): number {
  const port = info?.local?.port;
  if (port === undefined || port === 0) {
    throw new Error(`socket ${info?.id ?? '(none)'} has no bound port`);
  }
  return port;
}

export function tempDirectory(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** A plain Node TCP server on 127.0.0.1 that records what each accepted socket receives. */
export interface NodeServer {
  readonly port: number;
  readonly sockets: net.Socket[];
  /** Bytes received per accepted socket, in accept order. */
  readonly received: Buffer[];
  /** Accepted sockets that saw the peer's FIN ('end'), by index. */
  readonly ended: Set<number>;
  /** Accepted sockets that saw an error, by index, with its code. */
  readonly errors: Map<number, string>;
  close(): Promise<void>;
}

/** `allowHalfOpen` keeps an accepted socket writable after the peer's FIN (for half-close tests). */
export async function nodeServer(onConnection?: (socket: net.Socket) => void, allowHalfOpen = false): Promise<NodeServer> {
  const sockets: net.Socket[] = [];
  const received: Buffer[] = [];
  const ended = new Set<number>();
  const errors = new Map<number, string>();
  const server = net.createServer({ allowHalfOpen }, (socket) => {
    const index = sockets.length;
    sockets.push(socket);
    received.push(Buffer.alloc(0));
    socket.on('data', (chunk: Buffer) => {
      received[index] = Buffer.concat([received[index], chunk]);
    });
    socket.on('end', () => ended.add(index));
    socket.on('error', (error: NodeJS.ErrnoException) => errors.set(index, error.code ?? error.message));
    onConnection?.(socket);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address() as net.AddressInfo;
  return {
    port: address.port,
    sockets,
    received,
    ended,
    errors,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) {
          socket.destroy();
        }
        server.close(() => resolve());
      }),
  };
}

/** A plain Node TCP client that records what it receives and how it ended. */
export interface NodeClient {
  readonly socket: net.Socket;
  received: Buffer;
  ended: boolean;
  closed: boolean;
  error: string | undefined;
}

export async function nodeClient(port: number, host = '127.0.0.1'): Promise<NodeClient> {
  const socket = net.connect({ port, host });
  const client: NodeClient = { socket, received: Buffer.alloc(0), ended: false, closed: false, error: undefined };
  socket.on('data', (chunk: Buffer) => {
    client.received = Buffer.concat([client.received, chunk]);
  });
  socket.on('end', () => {
    client.ended = true;
  });
  socket.on('close', () => {
    client.closed = true;
  });
  socket.on('error', (error: NodeJS.ErrnoException) => {
    client.error = error.code ?? error.message;
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('error', reject);
  });
  return client;
}

/** A port on 127.0.0.1 that nothing listens on (bound, then released). */
export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Removes every socket the test opened, so tests do not see each other's sockets. */
export async function removeAll(api: ActivatedApi, ids: readonly string[]): Promise<void> {
  for (const id of ids) {
    if (api.testing.services.engine.get(id) !== undefined) {
      await api.testing.services.engine.remove(id);
    }
  }
}

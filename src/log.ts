/**
 * One LogOutputChannel for the whole extension. Each feature logs through a Logger that tags its
 * lines with the component, so "[engine]" and "[panel]" lines can be told apart and filtered.
 */
import * as vscode from 'vscode';

export interface Logger {
  trace(message: string): void;
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string | Error): void;
  /** A logger for a sub-component sharing the same channel. */
  child(component: string): Logger;
  /** Reveals the channel (the "Show Log" action). */
  show(): void;
}

export function createLogger(channel: vscode.LogOutputChannel, component: string): Logger {
  const tag = `[${component}]`;
  return {
    trace: (message) => channel.trace(`${tag} ${message}`),
    debug: (message) => channel.debug(`${tag} ${message}`),
    info: (message) => channel.info(`${tag} ${message}`),
    warn: (message) => channel.warn(`${tag} ${message}`),
    error: (message) => channel.error(typeof message === 'string' ? `${tag} ${message}` : `${tag} ${message.stack ?? message.message}`),
    child: (name) => createLogger(channel, name),
    show: () => channel.show(true),
  };
}

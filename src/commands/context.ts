/**
 * What every command group shares, and the one way commands are registered: a failure is logged
 * and shown (localized, with Show Log) and the command resolves to undefined, so neither the
 * palette nor an API caller ever sees the extension break.
 */
import * as vscode from 'vscode';
import { isEngineError } from '../engine';
import type { PanelManager } from '../panel';
import { reportError, type Services } from '../services';
import type { SocketsView } from '../tree';
import type { AllInterfacesGuard } from '../guard';
import type { ClosedConnections } from './closedConnections';
import type { RecentAddresses } from './recent';

export interface CommandFeatures {
  readonly panels: PanelManager;
  readonly view: SocketsView;
  /** Shared with the API, so every way of opening asks before binding all interfaces. */
  readonly guard: AllInterfacesGuard;
}

export interface CommandContext {
  readonly services: Services;
  readonly features: CommandFeatures;
  readonly recent: RecentAddresses;
  readonly guard: AllInterfacesGuard;
  /** Ended accepted connections, whose transcripts can still be saved. */
  readonly closedConnections: ClosedConnections;
}

/** A failure that belongs to one socket: the message is prefixed with the socket's label. */
export class SocketFailure extends Error {
  constructor(
    readonly reason: unknown,
    readonly where: string,
  ) {
    super(reason instanceof Error ? reason.message : String(reason));
  }
}

/** Runs `work`, tagging a failure with the socket it concerns. */
export async function concerning<T>(where: string, work: () => Promise<T> | T): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw error instanceof SocketFailure ? error : new SocketFailure(error, where);
  }
}

export function isCancellation(error: unknown): boolean {
  return isEngineError(error) && error.code === 'CANCELLED';
}

/** Reports a failure; a cancellation the user asked for is only logged. */
export function reportFailure(services: Services, error: unknown): void {
  const cause = error instanceof SocketFailure ? error.reason : error;
  if (isCancellation(cause)) {
    services.log.child('commands').info(`cancelled${error instanceof SocketFailure ? `: ${error.where}` : ''}`);
    return;
  }
  reportError(services, cause, error instanceof SocketFailure ? error.where : undefined);
}

export type CommandHandler = (...args: unknown[]) => unknown;

export function registerCommand(context: CommandContext, id: string, handler: CommandHandler): vscode.Disposable {
  const log = context.services.log.child('commands');
  return vscode.commands.registerCommand(id, async (...args: unknown[]) => {
    log.debug(`${id}${args.length > 0 ? ` (${args.length} argument(s))` : ''}`);
    try {
      return await handler(...args);
    } catch (error) {
      reportFailure(context.services, error);
      return undefined;
    }
  });
}

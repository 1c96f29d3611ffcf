/**
 * Which socket a command acts on. From the tree it gets a node (anything with `socketId`, and a
 * peer's `target`), from the API an id or a SocketInfo, from the palette nothing: then a picker
 * lists the sockets where the action applies, or says clearly that there is none.
 */
import * as vscode from 'vscode';
import { EngineError, type SocketInfo } from '../engine';
import { kindName, stateName } from '../messages';
import { showInformation, type Services } from '../services';
import { isServerKind, kindIcon, socketAddress, socketLabel } from '../socketText';

/** A socket as a command argument: its id, a tree node, or a SocketInfo. */
export type SocketArgument = string | { readonly socketId: string; readonly target?: string } | { readonly id: string };

export interface ResolvedSocket {
  readonly info: SocketInfo;
  /** Set when the argument was a UDP peer node: where a send or a copy goes. */
  readonly target?: string;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

export function isSocketArgument(value: unknown): value is SocketArgument {
  if (typeof value === 'string') {
    return true;
  }
  return isRecord(value) && (typeof value.socketId === 'string' || (typeof value.id === 'string' && typeof value.kind === 'string'));
}

/** Resolves an argument to the live socket; an unknown id is an UNKNOWN_SOCKET error. */
export function resolveSocket(services: Services, argument: SocketArgument): ResolvedSocket {
  let id: string;
  let target: string | undefined;
  if (typeof argument === 'string') {
    id = argument;
  } else if ('socketId' in argument) {
    id = argument.socketId;
    target = typeof argument.target === 'string' ? argument.target : undefined;
  } else {
    id = argument.id;
  }
  const info = services.engine.get(id);
  if (info === undefined) {
    throw new EngineError('UNKNOWN_SOCKET', `no socket with id ${id}`, { id });
  }
  return { info, target };
}

/** A tree node (or SocketInfo) as an argument, rather than an id string from the API. */
function argumentId(argument: SocketArgument): string {
  return typeof argument === 'string' ? argument : 'socketId' in argument ? argument.socketId : argument.id;
}

/**
 * A tree node whose socket is gone: a selection outlives the rows it held (select all, remove one,
 * act on another). Such a node is dropped quietly; only an id given by the API is an error.
 */
export function isStaleNode(services: Services, argument: unknown): boolean {
  return isSocketArgument(argument) && typeof argument !== 'string' && services.engine.get(argumentId(argument)) === undefined;
}

/** Resolves a multi-selection, dropping the nodes whose sockets are gone. */
export function resolveSelection(services: Services, selected: readonly SocketArgument[]): ResolvedSocket[] {
  return selected.filter((argument) => !isStaleNode(services, argument)).map((argument) => resolveSocket(services, argument));
}

/**
 * The sockets a tree action applies to: the clicked node, or every selected node when VS Code
 * passes the multi-selection as the second argument (it always includes the clicked node).
 */
export function selectedArguments(first: unknown, second: unknown): SocketArgument[] {
  if (Array.isArray(second) && second.length > 0 && second.every(isSocketArgument)) {
    return second;
  }
  return isSocketArgument(first) ? [first] : [];
}

export interface PickOptions {
  /** Where the action applies. */
  readonly filter: (info: SocketInfo) => boolean;
  readonly placeholder: string;
  /** Shown (and remembered) when no socket fits. */
  readonly emptyMessage: string;
  /** List accepted connections of servers too (Disconnect, Half-Close, Pause…). */
  readonly connections?: boolean;
  /** List only accepted connections. */
  readonly connectionsOnly?: boolean;
  /**
   * The localized reason a socket given as an argument does not fit. Without it the engine's own
   * check decides (its errors are localized by describeError too).
   */
  readonly mismatch?: (info: SocketInfo) => string;
}

/** Enough for a picker; a server with more connections than this is picked through the tree. */
const MAX_CONNECTIONS_LISTED = 500;

export interface SocketPickItem extends vscode.QuickPickItem {
  readonly info: SocketInfo;
}

export function socketPickItem(info: SocketInfo, parent?: SocketInfo): SocketPickItem {
  const state = info.paused ? `${stateName(info.state)}, ${vscode.l10n.t('paused')}` : stateName(info.state);
  const description = parent === undefined ? `${kindName(info)} · ${state}` : `${kindName(info)} · ${state} · ${socketLabel(parent)}`;
  return {
    label: `$(${kindIcon(info.kind)}) ${socketLabel(info)}`,
    description,
    detail: info.name === undefined ? undefined : socketAddress(info),
    info,
  };
}

/** The candidates for a picker, in the tree's order: each socket followed by its connections. */
export function candidates(services: Services, options: Pick<PickOptions, 'filter' | 'connections' | 'connectionsOnly'>): SocketPickItem[] {
  const { engine } = services;
  const items: SocketPickItem[] = [];
  for (const info of engine.list()) {
    if (options.connectionsOnly !== true && options.filter(info)) {
      items.push(socketPickItem(info));
    }
    if ((options.connections === true || options.connectionsOnly === true) && isServerKind(info.kind) && info.connections > 0) {
      for (const connection of engine.connections(info.id, 0, MAX_CONNECTIONS_LISTED)) {
        if (options.filter(connection)) {
          items.push(socketPickItem(connection, info));
        }
      }
    }
  }
  return items;
}

/** Shows the picker; undefined when the user cancels or nothing fits (then the user is told). */
export async function pickSocket(services: Services, options: PickOptions): Promise<SocketInfo | undefined> {
  const items = candidates(services, options);
  if (items.length === 0) {
    void showInformation(services, options.emptyMessage);
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(items, { placeHolder: options.placeholder, matchOnDescription: true, matchOnDetail: true });
  return picked?.info;
}

/** The argument if given (and known), else the picker. */
export async function socketFromArgument(services: Services, argument: unknown, options: PickOptions): Promise<ResolvedSocket | undefined> {
  if (isStaleNode(services, argument)) {
    services.log.child('commands').debug('a stale tree node was dropped');
    return undefined;
  }
  if (isSocketArgument(argument)) {
    const resolved = resolveSocket(services, argument);
    if (options.mismatch !== undefined && !options.filter(resolved.info)) {
      throw new EngineError('INVALID_ARGUMENT', options.mismatch(resolved.info), { id: resolved.info.id });
    }
    return resolved;
  }
  const info = await pickSocket(services, options);
  return info === undefined ? undefined : { info };
}

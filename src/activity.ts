/**
 * Activity you notice: a new connection, or the first data on a socket that was idle, is announced
 * once: briefly in the status bar, as a marker on the socket's tree row, and (with the setting
 * socketWorkbench.notifyActivity) as a notification with Open Panel. It listens to lifecycle events
 * and the engine's coalesced counters, never to individual data events, so a flood costs nothing.
 */
import * as vscode from 'vscode';
import { Emitter, formatAddress, type Event, type SocketInfo, type StatsChange } from './engine';
import { kindName } from './messages';
import { showInformation, type Services } from './services';
import { connectionAddress, isConnectionKind, isServerKind, socketLabel } from './socketText';

/** Data after this much quiet counts as new activity. */
export const IDLE_MS = 30_000;
/** How long a tree row keeps its activity marker. */
export const MARKER_MS = 15_000;

export interface ActivityNotice {
  /** The socket (or connection) the activity happened on. */
  readonly socketId: string;
  /** Its server, for a connection. */
  readonly parentId?: string;
  readonly reason: 'connection' | 'data';
  /** The finished sentence: `127.0.0.1:54664 connected to TCP server 127.0.0.1:8080`. */
  readonly text: string;
}

export interface Activity extends vscode.Disposable {
  readonly onDidNotice: Event<ActivityNotice>;
  /** Whether the socket's row should show the activity marker now. */
  isMarked(socketId: string): boolean;
  /** The last notices, newest last (at most 20), for tests. */
  readonly recent: readonly ActivityNotice[];
  /** How long a row keeps its marker. */
  readonly markerMs: number;
}

interface Watched {
  bytesIn: number;
  lastIn: number;
}

function serverText(server: SocketInfo | undefined): string {
  return server === undefined ? '' : server.name ?? `${kindName(server)} ${socketLabel(server)}`;
}

export function registerActivity(services: Services, openPanel: (socketId: string) => Promise<void>): Activity {
  const { engine } = services;
  const log = services.log.child('activity');
  const emitter = new Emitter<ActivityNotice>();
  const watched = new Map<string, Watched>();
  const marked = new Map<string, number>();
  const recent: ActivityNotice[] = [];
  let notifying = false;

  const notice = (item: ActivityNotice): void => {
    const until = Date.now() + MARKER_MS;
    marked.set(item.socketId, until);
    if (item.parentId !== undefined) {
      marked.set(item.parentId, until);
    }
    recent.push(item);
    if (recent.length > 20) {
      recent.shift();
    }
    log.info(item.text);
    emitter.fire(item);
    if (!services.settings().notifyActivity || notifying) {
      // One notification at a time: a burst of connections must not bury the window in toasts.
      return;
    }
    notifying = true;
    const open = vscode.l10n.t('Open Panel');
    void showInformation(services, item.text, open).then(async (choice) => {
      notifying = false;
      if (choice === open && engine.get(item.socketId) !== undefined) {
        await openPanel(item.socketId);
      }
    });
  };

  const created = (info: SocketInfo): void => {
    watched.set(info.id, { bytesIn: info.stats.bytesIn, lastIn: isConnectionKind(info.kind) ? Date.now() : -Infinity });
    if (info.parentId === undefined || !isConnectionKind(info.kind)) {
      return;
    }
    const server = engine.get(info.parentId);
    notice({
      socketId: info.id,
      parentId: info.parentId,
      reason: 'connection',
      text: vscode.l10n.t('{0} connected to {1}', connectionAddress(info), serverText(server)),
    });
  };

  const counted = (changes: readonly StatsChange[]): void => {
    const now = Date.now();
    for (const change of changes) {
      const entry = watched.get(change.id);
      if (entry === undefined || change.stats.bytesIn === entry.bytesIn) {
        continue;
      }
      const idle = now - entry.lastIn >= IDLE_MS;
      entry.bytesIn = change.stats.bytesIn;
      entry.lastIn = now;
      if (!idle) {
        continue;
      }
      const info = engine.get(change.id);
      // A server's bytes are its connections' bytes: the connection speaks for itself.
      if (info === undefined || isServerKind(info.kind)) {
        continue;
      }
      const text = info.parentId === undefined
        ? info.kind === 'udp' && info.peers[0] !== undefined
          ? vscode.l10n.t('Data from {0} on {1}', formatAddress(info.peers[0].address), serverText(info))
          : vscode.l10n.t('Data on {0}', serverText(info))
        : vscode.l10n.t('Data from {0} on {1}', connectionAddress(info), serverText(engine.get(info.parentId)));
      notice({ socketId: info.id, parentId: info.parentId, reason: 'data', text });
    }
  };

  const subscriptions = [
    engine.onDidCreate(created),
    engine.onDidChangeStats(counted),
    engine.onDidRemove((event) => {
      watched.delete(event.id);
      marked.delete(event.id);
    }),
  ];
  for (const info of engine.list()) {
    created(info);
  }

  return {
    onDidNotice: emitter.event,
    isMarked: (socketId) => (marked.get(socketId) ?? 0) > Date.now(),
    recent,
    markerMs: MARKER_MS,
    dispose: () => {
      for (const subscription of subscriptions) {
        subscription.dispose();
      }
      emitter.dispose();
    },
  };
}

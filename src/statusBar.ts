/**
 * The status bar item: `$(plug) 3`, the open sockets, with connections in the tooltip. Shown
 * only while there are sockets; a click focuses the Sockets view. Recomputed at most ten times a
 * second, however many connections come and go. New activity (activity.ts) shows beside the
 * count for a few seconds: `$(plug) 3 $(bell-dot) 127.0.0.1:54664 connected to TCP server …`.
 */
import * as vscode from 'vscode';
import type { Activity } from './activity';
import type { SocketInfo } from './engine';
import type { Services } from './services';
import { formatCount } from './socketText';

const UPDATE_MS = 100;
/** How long an activity notice stays in the status bar. */
export const NOTICE_MS = 5000;

export interface StatusBarState {
  readonly visible: boolean;
  readonly text: string;
  readonly tooltip: string;
  readonly accessibilityLabel: string;
}

export interface StatusBar extends vscode.Disposable {
  /** What the item shows now, for tests (a status bar item cannot be read back through the API). */
  state(): StatusBarState;
  /** Applies a pending update now. */
  flush(): void;
}

function isOpen(info: SocketInfo): boolean {
  return info.state === 'open' || info.state === 'listening' || info.state === 'half-closed';
}

export function summary(open: number, connections: number): string {
  const sockets = open === 1 ? vscode.l10n.t('1 open socket') : vscode.l10n.t('{0} open sockets', formatCount(open));
  const accepted = connections === 1 ? vscode.l10n.t('1 connection') : vscode.l10n.t('{0} connections', formatCount(connections));
  return `${sockets}, ${accepted}`;
}

export function registerStatusBar(services: Services, activity: Activity): StatusBar {
  const { engine } = services;
  const item = vscode.window.createStatusBarItem('socketWorkbench.status', vscode.StatusBarAlignment.Left, 10);
  item.name = vscode.l10n.t('Socket Workbench Sockets');
  item.command = { command: 'socketWorkbench.sockets.focus', title: vscode.l10n.t('Show Sockets') };
  let state: StatusBarState = { visible: false, text: '', tooltip: '', accessibilityLabel: '' };
  let timer: NodeJS.Timeout | undefined;
  let notice: string | undefined;
  let noticeTimer: NodeJS.Timeout | undefined;

  const update = (): void => {
    timer = undefined;
    const sockets = engine.list();
    const open = sockets.filter(isOpen).length;
    const connections = sockets.reduce((sum, info) => sum + info.connections, 0);
    const text = notice === undefined ? `$(plug) ${open}` : `$(plug) ${open} $(bell-dot) ${notice}`;
    const tooltip = notice === undefined ? summary(open, connections) : `${notice}\n${summary(open, connections)}`;
    state = { visible: sockets.length > 0, text, tooltip, accessibilityLabel: tooltip };
    item.text = text;
    item.tooltip = tooltip;
    item.accessibilityInformation = { label: tooltip, role: 'button' };
    if (state.visible) {
      item.show();
    } else {
      item.hide();
    }
  };
  const schedule = (): void => {
    timer ??= setTimeout(update, UPDATE_MS);
  };
  // Counters do not change the item: create, change (state, connection count) and remove do.
  const subscriptions = [
    engine.onDidCreate(schedule),
    engine.onDidChange(schedule),
    engine.onDidRemove(schedule),
    activity.onDidNotice((item) => {
      notice = item.text;
      clearTimeout(noticeTimer);
      noticeTimer = setTimeout(() => {
        notice = undefined;
        schedule();
      }, NOTICE_MS);
      schedule();
    }),
  ];
  update();

  return {
    state: () => state,
    flush: () => {
      if (timer !== undefined) {
        clearTimeout(timer);
        update();
      }
    },
    dispose: () => {
      clearTimeout(timer);
      clearTimeout(noticeTimer);
      for (const subscription of subscriptions) {
        subscription.dispose();
      }
      item.dispose();
    },
  };
}

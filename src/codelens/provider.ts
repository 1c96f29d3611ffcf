// "Open the peer" lenses over socket calls: a listen/bind offers a client, a connect/dial/sendto a
// listener, and once a matching socket is alive, Show in Sockets with its state and connections.
// The calls come from the per-version cache; only the match against the engine's sockets runs per
// request. In Restricted Mode the lenses read the same but their command asks for trust.
import * as vscode from 'vscode';
import type { SocketEngine, SocketInfo } from '../engine';
import type { Logger } from '../log';
import { stateName } from '../messages';
import { formatCount } from '../socketText';
import { TRUST_TO_OPEN_COMMAND, isWorkspaceTrusted } from '../trust';
import type { SocketCallCache, LensTarget } from './cache';
import { matchingSocket } from './match';

export const OPEN_COMMAND = 'socketWorkbench.open';
export const SHOW_IN_SOCKETS_COMMAND = 'socketWorkbench.showInSockets';

function connectionsText(count: number): string {
  return count === 1 ? vscode.l10n.t('1 connection') : vscode.l10n.t('{0} connections', formatCount(count));
}

/** `Show in Sockets (listening, 2 connections)`; a client shows its state only. */
export function showInSocketsTitle(info: SocketInfo): string {
  const isServer = info.kind === 'tcp-server' || info.kind === 'unix-server';
  const state = isServer ? vscode.l10n.t('{0}, {1}', stateName(info.state), connectionsText(info.connections)) : stateName(info.state);
  return vscode.l10n.t('Show in Sockets ({0})', state);
}

export class SocketCallLensProvider implements vscode.CodeLensProvider {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;

  constructor(
    private readonly calls: SocketCallCache,
    private readonly engine: SocketEngine,
    private readonly enabled: () => boolean,
    private readonly log: Logger,
  ) {}

  /** Ask VS Code for the lenses again: a socket opened or closed, trust or the setting changed. */
  refresh(): void {
    this.changed.fire();
  }

  provideCodeLenses(document: vscode.TextDocument, token: vscode.CancellationToken): vscode.CodeLens[] {
    if (!this.enabled()) {
      return [];
    }
    try {
      const targets = this.calls.get(document.uri.toString(), document.version, document.languageId, () => document.getText());
      if (targets.length === 0 || token.isCancellationRequested) {
        return [];
      }
      const sockets = this.engine.list();
      const trusted = isWorkspaceTrusted();
      return targets.map((target) => this.lens(target, sockets, trusted));
    } catch (error) {
      // A bug in one document's scan must not break the editor: log it and show nothing.
      this.log.error(error instanceof Error ? error : String(error));
      return [];
    }
  }

  private lens(target: LensTarget, sockets: readonly SocketInfo[], trusted: boolean): vscode.CodeLens {
    const { call, peer } = target;
    const range = new vscode.Range(call.line, call.start, call.line, call.end);
    const match = matchingSocket(sockets, peer.spec);
    if (match !== undefined) {
      return new vscode.CodeLens(range, {
        title: showInSocketsTitle(match),
        tooltip: vscode.l10n.t('Reveal {0} in the Sockets view', match.spec),
        command: SHOW_IN_SOCKETS_COMMAND,
        arguments: [match.id],
      });
    }
    return new vscode.CodeLens(range, {
      title: peer.action === 'client' ? vscode.l10n.t('▶ Connect a client') : vscode.l10n.t('▶ Start a listener'),
      tooltip: trusted
        ? vscode.l10n.t('Open {0} in Socket Workbench', peer.spec)
        : vscode.l10n.t('Restricted Mode: trust this workspace to open {0}', peer.spec),
      command: trusted ? OPEN_COMMAND : TRUST_TO_OPEN_COMMAND,
      arguments: [peer.spec],
    });
  }

  dispose(): void {
    this.changed.dispose();
  }
}

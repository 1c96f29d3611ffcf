/**
 * The payload panels: one webview panel per socket, opened from the tree, the palette and the API,
 * restored after a window reload by a WebviewPanelSerializer. The payload library they share is
 * here too; Send Saved Payload (commands/payloads.ts) reaches it through the manager.
 */
import * as vscode from 'vscode';
import { registerDumpDocuments } from '../dumps';
import { EngineError, type SocketInfo } from '../engine';
import type { AutoReplies } from '../autoReply/service';
import type { Services } from '../services';
import { PANEL_VIEW_TYPE, type PanelState } from '../shared/protocol';
import { PayloadLibrary } from './library';
import { PayloadPanel } from './panel';
import type { PanelBinding } from './panelTypes';
import { socketLabel } from '../socketText';

export type { PayloadPanel } from './panel';
export { validateWebviewMessage } from './validate';

export interface PanelManager extends vscode.Disposable {
  /** Opens (or focuses) the payload panel of a socket. Rejects with UNKNOWN_SOCKET for an unknown id. */
  open(socketId: string): Promise<void>;
  /** The open panel of a socket; tests drive its host side with panel.receive(message). */
  panelFor(socketId: string): PayloadPanel | undefined;
  /** Every open panel, including restored ones whose socket is gone. */
  readonly panels: readonly PayloadPanel[];
  /** Restores panels after a reload; exposed so tests can restore one from a state object. */
  readonly serializer: vscode.WebviewPanelSerializer<unknown>;
  readonly library: PayloadLibrary;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** What a saved state says about the socket; anything else in it is the webview's business. */
function bindingFromState(state: unknown): PanelBinding | undefined {
  if (!isRecord(state) || typeof state.spec !== 'string' || state.spec.length > 4096) {
    return undefined;
  }
  const restored = state as Partial<PanelState>;
  return {
    spec: restored.spec as string,
    socketId: typeof restored.socketId === 'string' ? restored.socketId : undefined,
    name: typeof restored.name === 'string' ? restored.name : undefined,
  };
}

export function registerPanels(services: Services, autoReplies: AutoReplies): PanelManager {
  const { engine } = services;
  const log = services.log.child('panel');
  const library = new PayloadLibrary(services.context.workspaceState);
  const open = new Set<PayloadPanel>();
  const owner = { services, library, autoReplies, disposed: (panel: PayloadPanel) => open.delete(panel) };

  const panelFor = (socketId: string): PayloadPanel | undefined => [...open].find((panel) => panel.socketId === socketId);

  /** After a reload ids are handed out anew: the socket with the same spec (and name) is the one. */
  const findSocket = (binding: PanelBinding): SocketInfo | undefined => {
    const byId = binding.socketId === undefined ? undefined : engine.get(binding.socketId);
    if (byId !== undefined && byId.spec === binding.spec && panelFor(byId.id) === undefined) {
      return byId;
    }
    const candidates = engine.list().filter((info) => info.spec === binding.spec && panelFor(info.id) === undefined);
    return candidates.find((info) => info.name === binding.name) ?? candidates[0];
  };

  const serializer: vscode.WebviewPanelSerializer<unknown> = {
    async deserializeWebviewPanel(webviewPanel, state) {
      const binding = bindingFromState(state);
      if (binding === undefined) {
        log.warn('a payload panel came back without a readable state; closing it');
        webviewPanel.dispose();
        return;
      }
      const info = findSocket(binding);
      log.info(`restoring the panel of ${binding.spec}: ${info === undefined ? 'no such socket any more' : info.id}`);
      open.add(new PayloadPanel(owner, webviewPanel, { spec: binding.spec, name: info?.name ?? binding.name, socketId: info?.id }));
    },
  };

  const manager: PanelManager = {
    async open(socketId) {
      const existing = panelFor(socketId);
      if (existing !== undefined) {
        existing.reveal();
        return;
      }
      const info = engine.get(socketId);
      if (info === undefined) {
        throw new EngineError('UNKNOWN_SOCKET', `no socket with id ${socketId}`, { id: socketId });
      }
      const webviewPanel = vscode.window.createWebviewPanel(PANEL_VIEW_TYPE, socketLabel(info), { viewColumn: vscode.ViewColumn.Active, preserveFocus: false }, {
        enableScripts: true,
        retainContextWhenHidden: false,
      });
      open.add(new PayloadPanel(owner, webviewPanel, { socketId: info.id, spec: info.spec, name: info.name }));
    },
    panelFor,
    get panels() {
      return [...open];
    },
    serializer,
    library,
    dispose() {
      // Open panels stay open (a window reload restores them); only their work stops.
      for (const panel of open) {
        panel.stop();
      }
      library.dispose();
    },
  };
  services.context.subscriptions.push(vscode.window.registerWebviewPanelSerializer(PANEL_VIEW_TYPE, serializer), registerDumpDocuments());
  return manager;
}

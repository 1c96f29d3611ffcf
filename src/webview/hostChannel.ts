/**
 * The webview's line to the extension: typed postMessage, message listeners, and the state VS Code
 * keeps for the panel (restored after the panel was hidden, and after a window reload through the
 * panel serializer).
 */
import type { HostMessage, PanelState, WebviewMessage } from '../shared/protocol';

interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

const api = acquireVsCodeApi();

export function post(message: WebviewMessage): void {
  api.postMessage(message);
}

export function onHostMessage(listener: (message: HostMessage) => void): void {
  window.addEventListener('message', (event: MessageEvent<unknown>) => {
    const data = event.data;
    if (typeof data === 'object' && data !== null && typeof (data as { type?: unknown }).type === 'string') {
      listener(data as HostMessage);
    }
  });
}

/** What VS Code kept for this panel, unchecked: panelState.ts decides whether it is a saved state. */
export function savedState(): unknown {
  return api.getState();
}

export function saveState(state: PanelState): void {
  api.setState(state);
}

/**
 * Where each (validated) webview message goes: the composer's to the composer, the traffic list's
 * to the traffic view, the socket's to the panel. The switch is exhaustive, so a new message type
 * in shared/protocol.ts does not compile until it has a home here.
 */
import type { AutoReplyRule, WebviewMessage } from '../shared/protocol';
import type { PanelComposer } from './composer';
import type { TrafficView } from './trafficView';

export interface PanelRoutes {
  readonly composer: PanelComposer;
  readonly traffic: TrafficView;
  /** The webview said `ready`: send it everything it shows. */
  start(): void;
  clear(): void;
  reopen(): Promise<void>;
  openAgain(): Promise<void>;
  checkTarget(text: string): void;
  saveTranscript(): Promise<void>;
  setRules(rules: readonly AutoReplyRule[]): void;
  editRulesAsWire(): Promise<void>;
  saveAsWire(): Promise<void>;
}

export function dispatchMessage(routes: PanelRoutes, message: WebviewMessage): Promise<void> | void {
  switch (message.type) {
    case 'ready':
      return routes.start();
    case 'send':
    case 'stopRepeat':
    case 'sendFile':
    case 'cancelFile':
    case 'savePayload':
    case 'loadSaved':
    case 'deleteSaved':
    case 'loadHistory':
      return routes.composer.handle(message);
    case 'requestRows':
    case 'setView':
    case 'viewport':
    case 'toggleRow':
    case 'copyRow':
    case 'openDump':
      return routes.traffic.handle(message);
    case 'clear':
      return routes.clear();
    case 'reopen':
      return routes.reopen();
    case 'openAgain':
      return routes.openAgain();
    case 'checkTarget':
      return routes.checkTarget(message.text);
    case 'saveTranscript':
      return routes.saveTranscript();
    case 'setRules':
      return routes.setRules(message.rules);
    case 'editRulesAsWire':
      return routes.editRulesAsWire();
    case 'saveAsWire':
      return routes.saveAsWire();
    default: {
      // A message type without a case here is a compile error.
      const unhandled: never = message;
      return unhandled;
    }
  }
}

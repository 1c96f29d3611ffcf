/**
 * The payload panel's webview entry (bundled to dist/webview.js). It says `ready`, waits for the
 * host's `init` (strings, socket, defaults), then builds the UI and hands every later message to it.
 */
import { App } from './app';
import { onHostMessage, post } from './hostChannel';
import { StateStore } from './state';

const store = new StateStore();
const root = document.getElementById('app') ?? document.body;
let app: App | undefined;

onHostMessage((message) => {
  if (message.type === 'init') {
    app ??= new App(message, store, root);
    return;
  }
  app?.handle(message);
});

post({ type: 'ready' });

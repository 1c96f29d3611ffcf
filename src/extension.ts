/**
 * activate() only wires: it builds the engine and the services, registers each feature (one file or
 * folder per feature), and hands every disposable to VS Code. Behaviour lives in the features.
 */
import * as vscode from 'vscode';
import { registerActivity, type Activity } from './activity';
import { createApi, type SocketWorkbenchApi } from './api';
import { AutoReplies } from './autoReply/service';
import { registerCodeLens } from './codelens';
import { registerCommands } from './commands';
import { workspaceFolderPath } from './commands/open';
import { registerContextKeys } from './contextKeys';
import { SocketEngine, setListenerErrorSink, type BindRequest } from './engine';
import { registerHovers } from './hover';
import { createLogger } from './log';
import { AllInterfacesGuard } from './guard';
import { registerErrorNotifications } from './notifications';
import { registerPanels, type PanelManager } from './panel';
import type { Services } from './services';
import { onDidChangeSettings, readSettings } from './settings';
import { registerStatusBar, type StatusBar } from './statusBar';
import { SocketStore } from './store';
import { TestRecorder } from './testRecorder';
import { keptCertificates, type CertificateStore } from './tlsCredentials';
import { registerSocketsView, type SocketsView } from './tree';
import { registerTrust, simulateWorkspaceTrust } from './trust';
import { registerWalkthrough } from './walkthrough';
import { registerWireEditor, type WireEditor } from './wireEditor';

/** Internals exposed for the extension's own tests; not a stable API. */
export interface TestingHooks {
  readonly services: Services;
  readonly view: SocketsView;
  readonly panels: PanelManager;
  readonly store: SocketStore;
  readonly statusBar: StatusBar;
  readonly activity: Activity;
  readonly guard: AllInterfacesGuard;
  /** Behave as in Restricted Mode (false) or follow VS Code again (undefined): the test window is trusted. */
  readonly simulateWorkspaceTrust: (trusted: boolean | undefined) => void;
  readonly wire: WireEditor;
  /** The self-signed certificate tls-listen servers use without cert= and key=. */
  readonly certificates: CertificateStore;
}

export type ActivatedApi = SocketWorkbenchApi & { readonly testing: TestingHooks };

let engine: SocketEngine | undefined;

export function activate(context: vscode.ExtensionContext): ActivatedApi {
  const channel = vscode.window.createOutputChannel('Socket Workbench', { log: true });
  const log = createLogger(channel, 'extension');
  setListenerErrorSink((error) => log.child('events').error(error instanceof Error ? error : String(error)));

  let settings = readSettings();
  // The engine asks the guard before any listener binds all interfaces, whoever opens it.
  const owner: { guard?: AllInterfacesGuard } = {};
  const confirmAllInterfaces = (request: BindRequest): Promise<boolean> => owner.guard?.confirm(request) ?? Promise.resolve(false);
  const certificates = keptCertificates(context.globalStorageUri.fsPath, log.child('tls'));
  engine = new SocketEngine({
    transcriptLimits: settings.transcriptLimits,
    maxTotalTranscriptBytes: settings.maxTotalTranscriptBytes,
    connectTimeoutMs: settings.connectTimeout,
    confirmAllInterfaces,
    defaultCredentials: () => certificates.credentials(),
    baseDirectory: workspaceFolderPath,
  });
  const services: Services = { context, engine, log, settings: () => settings, recorder: TestRecorder.for(context) };
  const guard = new AllInterfacesGuard(services);
  owner.guard = guard;
  const liveEngine = engine;
  const settingsSubscription = onDidChangeSettings((next) => {
    settings = next;
    liveEngine.setTranscriptLimits(next.transcriptLimits);
    liveEngine.setMaxTotalTranscriptBytes(next.maxTotalTranscriptBytes);
    liveEngine.setConnectTimeout(next.connectTimeout);
    log.info('settings changed');
  });
  logLifecycle(services);

  const store = new SocketStore(services, guard);
  const autoReplies = new AutoReplies(services);
  const panels = registerPanels(services, autoReplies);
  const activity = registerActivity(services, (socketId) => panels.open(socketId));
  const view = registerSocketsView(services, panels, activity);
  const statusBar = registerStatusBar(services, activity);
  const wire = registerWireEditor(services, autoReplies);
  context.subscriptions.push(
    channel,
    settingsSubscription,
    store,
    autoReplies,
    view,
    panels,
    activity,
    registerContextKeys(services),
    statusBar,
    registerErrorNotifications(services),
    registerCommands(services, { panels, view, guard }),
    registerHovers(services),
    registerCodeLens(services, view),
    registerTrust(services),
    registerWalkthrough(services),
    wire,
  );
  void store.restore();
  log.info(`activated (VS Code ${vscode.version}, ${vscode.env.language})`);
  return { ...createApi(services, { panels, autoReplies }), testing: { services, view, panels, store, statusBar, guard, activity, simulateWorkspaceTrust, wire, certificates } };
}

/** Lifecycle and errors go to the log, tagged by the socket, without per-data-event noise. */
function logLifecycle(services: Services): void {
  const log = services.log.child('engine');
  const { engine: socketEngine, context } = services;
  context.subscriptions.push(
    new vscode.Disposable(socketEngine.onDidCreate((info) => log.info(`${info.id} created: ${info.kind} ${info.spec}${info.parentId === undefined ? '' : ` on ${info.parentId}`}`)).dispose),
    new vscode.Disposable(socketEngine.onDidChange((info) => {
      if (info.error !== undefined && info.state === 'error') {
        log.error(`${info.id} ${info.error.code}: ${info.error.message}`);
      } else {
        log.debug(`${info.id} ${info.state}`);
      }
    }).dispose),
    new vscode.Disposable(socketEngine.onDidRemove((event) => log.debug(`${event.id} removed`)).dispose),
  );
}

/** Closes every socket; VS Code waits for the returned promise before the extension host goes. */
export async function deactivate(): Promise<void> {
  const current = engine;
  engine = undefined;
  await current?.dispose();
}

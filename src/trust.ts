/**
 * Workspace trust: the one place that decides what Restricted Mode withholds. Hovers, CodeLens text
 * and docs work everywhere; opening a socket because of the workspace (sockets saved in its state,
 * autoReopen, a .wire file it contains, a link in its code) asks for trust first, with VS Code's
 * own "Manage Workspace Trust" action, instead of running.
 */
import * as vscode from 'vscode';
import type { SocketInfo } from './engine';
import { showWarning, type Services } from './services';

/** What Restricted Mode withholds. */
export type RestrictedAction = 'reopen-restored' | 'auto-reopen' | 'run-wire' | 'open-link';

/** The command the hover's and CodeLens' open links run instead of socketWorkbench.open in Restricted Mode. */
export const TRUST_TO_OPEN_COMMAND = 'socketWorkbench.trustToOpen';
/** VS Code's own command behind "Manage Workspace Trust". */
export const MANAGE_TRUST_COMMAND = 'workbench.trust.manage';

export type TrustDecision = 'run' | 'ask';

/** Pure: whether an action runs now or asks for trust. Every action is allowed in a trusted workspace. */
export function trustDecision(trusted: boolean, _action: RestrictedAction): TrustDecision {
  return trusted ? 'run' : 'ask';
}

/** Set by the extension's own tests, which run in a trusted window (see TestingHooks.trust). */
let simulated: boolean | undefined;
/** Sockets added from the workspace state this session: reopening one is a restricted action. */
const restoredIds = new Set<string>();
const trustChanged = new vscode.EventEmitter<void>();
/** Fires when the workspace becomes trusted (or a test changes the simulation): links change command. */
export const onDidChangeTrust: vscode.Event<void> = trustChanged.event;

export function isWorkspaceTrusted(): boolean {
  return simulated ?? vscode.workspace.isTrusted;
}

function restrictedMessage(action: RestrictedAction, subject: string): string {
  switch (action) {
    case 'reopen-restored':
      return vscode.l10n.t('Restricted Mode: {0} was saved with this workspace. Trust the workspace to open it.', subject);
    case 'auto-reopen':
      return vscode.l10n.t('Restricted Mode: {0} saved socket(s) stay closed until you trust this workspace (socketWorkbench.autoReopen).', subject);
    case 'run-wire':
      return vscode.l10n.t('Restricted Mode: running {0} needs a trusted workspace.', subject);
    default:
      return vscode.l10n.t('Restricted Mode: opening {0} from this workspace\'s code needs a trusted workspace.', subject);
  }
}

/**
 * True when `action` may run. Otherwise says why, offers Manage Workspace Trust, and returns false
 * (without waiting for the user: the action does not run either way). `subject` names what would
 * have run: a spec, a file name, a count.
 */
export function requireTrust(services: Services, action: RestrictedAction, subject: string): boolean {
  if (trustDecision(isWorkspaceTrusted(), action) === 'run') {
    return true;
  }
  const manage = vscode.l10n.t('Manage Workspace Trust');
  services.log.child('trust').info(`restricted mode: ${action} of ${subject} not run`);
  void showWarning(services, restrictedMessage(action, subject), {}, manage).then((choice) => {
    if (choice === manage) {
      void vscode.commands.executeCommand(MANAGE_TRUST_COMMAND);
    }
  });
  return false;
}

/** The store's call after a restore: remembers the restored sockets and says whether autoReopen may run. */
export function restoredMayReopen(services: Services, restored: readonly SocketInfo[]): boolean {
  for (const info of restored) {
    restoredIds.add(info.id);
  }
  if (!services.settings().autoReopen || restored.length === 0) {
    return false;
  }
  return requireTrust(services, 'auto-reopen', String(restored.length));
}

/** Reopen's check: a socket that came from the workspace state opens only in a trusted workspace. */
export function mayReopen(services: Services, info: SocketInfo): boolean {
  return !restoredIds.has(info.id) || requireTrust(services, 'reopen-restored', info.name ?? info.spec);
}

/** The command the open links run in Restricted Mode: asks for trust, opens nothing. */
export function registerTrust(services: Services): vscode.Disposable {
  const forget = services.engine.onDidRemove((event) => restoredIds.delete(event.id));
  return vscode.Disposable.from(
    vscode.workspace.onDidGrantWorkspaceTrust(() => trustChanged.fire()),
    vscode.commands.registerCommand(TRUST_TO_OPEN_COMMAND, (spec?: unknown) => {
      // Trust may have been granted since the link was drawn.
      if (requireTrust(services, 'open-link', typeof spec === 'string' ? spec : '')) {
        return vscode.commands.executeCommand('socketWorkbench.open', spec);
      }
      return undefined;
    }),
    new vscode.Disposable(() => forget.dispose()),
  );
}

/** For the extension's tests: behave as in Restricted Mode (false), or follow VS Code again (undefined). */
export function simulateWorkspaceTrust(trusted: boolean | undefined): void {
  simulated = trusted;
  trustChanged.fire();
}

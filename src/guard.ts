/**
 * Safe by default: binding to all interfaces makes a listener reachable from the network, so it is
 * confirmed once per socket, whichever way the socket is opened (guided input, a spec, the API).
 * A socket the user confirmed is not asked about again when it is reopened.
 */
import * as vscode from 'vscode';
import { bindsAllInterfaces, formatSpec, type SocketSpec } from './engine';
import { showWarning, type Services } from './services';

export class AllInterfacesGuard {
  private readonly confirmed = new Set<string>();

  constructor(private readonly services: Services) {}

  /**
   * True when the socket may bind: it does not bind all interfaces, the setting is off, the socket
   * was confirmed before, or the user confirms now.
   */
  async allow(spec: SocketSpec, socketId?: string): Promise<boolean> {
    if (!bindsAllInterfaces(spec) || !this.services.settings().confirmAllInterfaces) {
      return true;
    }
    if (socketId !== undefined && this.confirmed.has(socketId)) {
      return true;
    }
    const bind = vscode.l10n.t('Bind to All Interfaces');
    const message = vscode.l10n.t('Listen on all network interfaces?');
    const detail = vscode.l10n.t(
      '{0} binds every interface of this machine, so other computers on your network (and beyond, without a firewall) can reach it, not only programs on this computer. Use 127.0.0.1 or ::1 to keep it private. The setting socketWorkbench.confirmAllInterfaces turns this question off.',
      formatSpec(spec),
    );
    const choice = await showWarning(this.services, message, { modal: true, detail }, bind);
    const allowed = choice === bind;
    this.services.log.child('commands').info(`all-interfaces bind of ${formatSpec(spec)} ${allowed ? 'confirmed' : 'declined'}`);
    if (allowed && socketId !== undefined) {
      this.confirmed.add(socketId);
    }
    return allowed;
  }

  /** Remembers a confirmed socket once it exists, so Reopen does not ask again. */
  remember(socketId: string): void {
    this.confirmed.add(socketId);
  }

  forget(socketId: string): void {
    this.confirmed.delete(socketId);
  }
}

/**
 * Safe by default: binding to all interfaces makes a listener reachable from the network, so the
 * user confirms it once per socket. The engine asks this guard itself (EngineOptions
 * .confirmAllInterfaces) with the address it resolved and is about to bind, so every path that
 * binds is covered the same way: commands, the API, the panel's Reopen and Open Again, autoReopen,
 * and whatever opens sockets later. A socket the user confirmed is not asked about again when it
 * is reopened; a socket restored at start-up is never bound to all interfaces unasked.
 */
import * as vscode from 'vscode';
import type { BindRequest } from './engine';
import { showWarning, type Services } from './services';

export class AllInterfacesGuard {
  private readonly confirmed = new Set<string>();
  /** Sockets reopened with nobody to ask (autoReopen at start-up): declined without a question. */
  private readonly unattended = new Set<string>();

  constructor(private readonly services: Services) {}

  /**
   * The engine's question: true when the bind may go ahead (the setting is off, the socket was
   * confirmed before, or the user confirms now).
   */
  async confirm(request: BindRequest): Promise<boolean> {
    const log = this.services.log.child('guard');
    if (!this.services.settings().confirmAllInterfaces || this.confirmed.has(request.id)) {
      return true;
    }
    if (this.unattended.has(request.id)) {
      log.info(`${request.id} ${request.spec} left closed: it binds ${request.address} (all interfaces), so Reopen asks first`);
      return false;
    }
    const bind = vscode.l10n.t('Bind to All Interfaces');
    // Listed first, so the dialog's primary (focused) button and Enter keep the socket private.
    const keepPrivate = vscode.l10n.t("Don't Listen");
    const message = vscode.l10n.t('Listen on all network interfaces?');
    const detail = vscode.l10n.t(
      '{0} binds {1}, which is every network interface of this machine: other computers on your network (and beyond, without a firewall) can reach it, not only programs on this computer. Use 127.0.0.1 or ::1 to keep it private. The user setting socketWorkbench.confirmAllInterfaces turns this question off.',
      request.spec,
      request.address,
    );
    let choice: string | undefined;
    try {
      choice = await showWarning(this.services, message, { modal: true, detail }, keepPrivate, bind);
    } catch (error) {
      // A question that cannot be shown is not a yes.
      log.warn(`all-interfaces question for ${request.spec} could not be shown: ${String(error)}`);
    }
    const allowed = choice === bind;
    log.info(`all-interfaces bind of ${request.spec} (${request.address}) ${allowed ? 'confirmed' : 'declined'}`);
    if (allowed) {
      this.confirmed.add(request.id);
    }
    return allowed;
  }

  /** Runs work that reopens sockets nobody is there to ask about: their all-interfaces binds are declined. */
  async unattendedFor<T>(socketIds: readonly string[], work: () => Promise<T>): Promise<T> {
    for (const id of socketIds) {
      this.unattended.add(id);
    }
    try {
      return await work();
    } finally {
      for (const id of socketIds) {
        this.unattended.delete(id);
      }
    }
  }

  forget(socketId: string): void {
    this.confirmed.delete(socketId);
    this.unattended.delete(socketId);
  }
}

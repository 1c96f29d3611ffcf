/**
 * Remembers the workspace's sockets (spec and name) so that after a reload they come back: closed,
 * ready to Reopen, or reopened at once when the user opted in.
 */
import * as vscode from 'vscode';
import { bindsAllInterfaces, parseSpec, type SocketInfo } from './engine';
import { reportError, type Services } from './services';
import { restoredMayReopen } from './trust';

const STATE_KEY = 'socketWorkbench.sockets';

export interface StoredSocket {
  readonly spec: string;
  readonly name?: string;
}

function isStoredSocket(value: unknown): value is StoredSocket {
  const candidate = value as { spec?: unknown; name?: unknown } | null;
  return typeof candidate?.spec === 'string' && (candidate.name === undefined || typeof candidate.name === 'string');
}

export class SocketStore implements vscode.Disposable {
  private readonly subscriptions: vscode.Disposable[] = [];
  private restoring = false;
  /** The last saved list as JSON: state changes and accepts fire often, and most change nothing stored. */
  private lastSaved = '';

  constructor(private readonly services: Services) {
    const save = (info: { readonly parentId?: string }): void => {
      if (info.parentId === undefined && !this.restoring) {
        void this.save();
      }
    };
    const { engine } = services;
    this.subscriptions.push(engine.onDidCreate(save), engine.onDidRemove(save), engine.onDidChange(save));
  }

  /** What the last session left, ignoring entries a hand edit or an older version made unreadable. */
  stored(): StoredSocket[] {
    const value = this.services.context.workspaceState.get<unknown>(STATE_KEY, []);
    return Array.isArray(value) ? value.filter(isStoredSocket) : [];
  }

  /** Adds the stored sockets to the engine as closed, then reopens them if the user asked for that. */
  async restore(): Promise<SocketInfo[]> {
    const { engine, log } = this.services;
    const restored: SocketInfo[] = [];
    this.restoring = true;
    try {
      for (const entry of this.stored()) {
        try {
          restored.push(engine.add(entry.spec, { name: entry.name }));
        } catch (error) {
          log.warn(`skipped a stored socket that no longer parses: ${entry.spec} (${String(error)})`);
        }
      }
    } finally {
      this.restoring = false;
    }
    log.info(`restored ${restored.length} socket(s) from the workspace state`);
    if (restoredMayReopen(this.services, restored)) {
      // Safe by default: a listener on every interface is reopened only by a user who confirms it.
      const confirmFirst = this.services.settings().confirmAllInterfaces;
      const reopenable = restored.filter((info) => !(confirmFirst && bindsAllInterfaces(parseSpec(info.spec))));
      for (const info of restored.filter((candidate) => !reopenable.includes(candidate))) {
        log.info(`${info.id} ${info.spec} left closed: it binds all interfaces, so Reopen asks first`);
      }
      await Promise.all(reopenable.map(async (info) => {
        try {
          await engine.reopen(info.id);
        } catch (error) {
          reportError(this.services, error, info.spec);
        }
      }));
    }
    return restored;
  }

  async save(): Promise<void> {
    const sockets: StoredSocket[] = this.services.engine.list().map((info) => (info.name === undefined ? { spec: info.spec } : { spec: info.spec, name: info.name }));
    const serialized = JSON.stringify(sockets);
    if (serialized === this.lastSaved) {
      return;
    }
    this.lastSaved = serialized;
    await this.services.context.workspaceState.update(STATE_KEY, sockets);
  }

  dispose(): void {
    for (const subscription of this.subscriptions) {
      subscription.dispose();
    }
  }
}

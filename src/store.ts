/**
 * Remembers the workspace's sockets (spec and name) so that after a reload they come back: closed,
 * ready to Reopen, or reopened at once when the user opted in.
 */
import * as vscode from 'vscode';
import { isEngineError, type SocketInfo } from './engine';
import type { AllInterfacesGuard } from './guard';
import { reportError, type Services } from './services';

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

  constructor(
    private readonly services: Services,
    private readonly guard: AllInterfacesGuard,
  ) {
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
    if (this.services.settings().autoReopen) {
      // Safe by default: nobody is asked at start-up, so the guard declines every all-interfaces bind
      // (decided on the resolved address) and those sockets stay closed until the user reopens them.
      await this.guard.unattendedFor(restored.map((info) => info.id), () => Promise.all(restored.map(async (info) => {
        try {
          await engine.reopen(info.id);
        } catch (error) {
          if (!(isEngineError(error) && error.data.reason === 'all-interfaces-declined')) {
            reportError(this.services, error, info.spec);
          }
        }
      })));
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

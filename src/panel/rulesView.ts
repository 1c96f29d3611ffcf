/**
 * The host side of a listener panel's auto-reply rules: the list and its problems for the webview,
 * edits from it (applied at once; a rule with a problem waits, the others answer), hit counts at a
 * bounded pace while the panel is visible, and "Edit as wire file" (the rules as a `listen` section).
 */
import * as vscode from 'vscode';
import { canAutoReply, type AutoReplies } from '../autoReply/service';
import type { SocketInfo } from '../engine';
import type { AutoReplyRule, HostMessage } from '../shared/protocol';

/** Hit counts go to the webview at most this often (a busy listener hits per packet). */
const HITS_MS = 250;

export interface RulesOwner {
  readonly replies: AutoReplies;
  socket(): SocketInfo | undefined;
  label(): string;
  visible(): boolean;
  post(message: HostMessage): void;
}

export class PanelRules implements vscode.Disposable {
  private readonly subscription: vscode.Disposable;
  private hitsTimer: NodeJS.Timeout | undefined;
  /** Set while this panel's own edit is applied: the change it fires is answered without replacing the inputs. */
  private applying = false;

  constructor(private readonly owner: RulesOwner) {
    this.subscription = owner.replies.onDidChange((event) => {
      if (event.socketId !== owner.socket()?.id || this.applying) {
        return;
      }
      if (event.hitsOnly) {
        this.scheduleHits();
      } else {
        this.now(true);
      }
    });
  }

  /** Everything the webview shows about the rules (init, the socket changed, shown again). */
  now(replace: boolean): void {
    const info = this.owner.socket();
    const state = info === undefined ? undefined : this.owner.replies.get(info.id);
    const items = state?.items ?? [];
    this.owner.post({
      type: 'rules',
      available: canAutoReply(info),
      replace,
      rules: items.map((item) => item.rule),
      hits: items.map((item) => item.hits),
      problems: items.map((item) => item.problem ?? null),
    });
  }

  set(rules: readonly AutoReplyRule[]): void {
    const info = this.owner.socket();
    if (info === undefined || !canAutoReply(info)) {
      this.owner.post({ type: 'notice', text: vscode.l10n.t('Auto-reply rules need a TCP or UNIX server or a UDP socket.'), severity: 'error' });
      return;
    }
    this.applying = true;
    try {
      this.owner.replies.setRules(info.id, rules);
    } finally {
      this.applying = false;
    }
    this.now(false);
  }

  /** Opens the rules as a `listen` section of a new, untitled wire document. */
  async editAsWire(): Promise<void> {
    const info = this.owner.socket();
    if (info === undefined) {
      this.owner.post({ type: 'notice', text: vscode.l10n.t('This panel has no socket whose rules could be edited.'), severity: 'error' });
      return;
    }
    const rules = this.owner.replies.get(info.id)?.rules ?? '';
    const content = `${vscode.l10n.t('# Auto-reply rules of {0}', this.owner.label())}\n### ${this.owner.label()}\nlisten ${info.spec}\n${rules}`;
    const document = await vscode.workspace.openTextDocument({ language: 'wire', content });
    await vscode.window.showTextDocument(document, { preview: false });
  }

  private scheduleHits(): void {
    if (this.hitsTimer !== undefined || !this.owner.visible()) {
      return;
    }
    this.hitsTimer = setTimeout(() => {
      this.hitsTimer = undefined;
      const info = this.owner.socket();
      const state = info === undefined ? undefined : this.owner.replies.get(info.id);
      if (state !== undefined) {
        this.owner.post({ type: 'ruleHits', hits: state.items.map((item) => item.hits) });
      }
    }, HITS_MS);
  }

  dispose(): void {
    clearTimeout(this.hitsTimer);
    this.subscription.dispose();
  }
}

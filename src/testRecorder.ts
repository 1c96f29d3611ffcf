/**
 * What the extension's own tests read and production never needs: the messages shown to the user
 * (the test workbench hides notification toasts, and a message is part of the contract) and each
 * panel's traffic with its webview. On only when VS Code runs the extension for its tests
 * (ExtensionMode.Test); otherwise every keep() is a no-op and the lists stay empty.
 */
import * as vscode from 'vscode';

/** The newest messages shown to the user that are kept. */
const MAX_SHOWN_MESSAGES = 50;

export class TestRecorder {
  /** The last messages shown to the user (newest last). */
  readonly shownMessages: string[] = [];

  constructor(readonly enabled: boolean) {}

  static for(context: vscode.ExtensionContext): TestRecorder {
    return new TestRecorder(context.extensionMode === vscode.ExtensionMode.Test);
  }

  shown(message: string): void {
    this.keep(this.shownMessages, message, MAX_SHOWN_MESSAGES);
  }

  /** Appends to a list, dropping the oldest beyond `max`; nothing when off. */
  keep<T>(list: T[], item: T, max: number): void {
    if (!this.enabled) {
      return;
    }
    list.push(item);
    if (list.length > max) {
      list.splice(0, list.length - max);
    }
  }
}

/**
 * Progress for long operations (connects, big sends, saving a transcript): a cancellable
 * notification that appears only when the work takes noticeably long, so a loopback connect does
 * not flash a toast, while a slow one can always be seen and cancelled.
 */
import * as vscode from 'vscode';

/** Work shorter than this shows no notification. */
export const PROGRESS_DELAY_MS = 400;

export interface ProgressReporter {
  /** The latest message (and how far along, 0–100); shown once the notification appears. */
  report(message: string, percent?: number): void;
}

export interface DelayedProgressOptions {
  readonly title: string;
  readonly cancellable: boolean;
  readonly delayMs?: number;
}

/**
 * Runs `work` with an AbortSignal that the notification's Cancel button aborts. Resolves or rejects
 * exactly as `work` does.
 */
export async function withDelayedProgress<T>(
  options: DelayedProgressOptions,
  work: (signal: AbortSignal, reporter: ProgressReporter) => Promise<T>,
): Promise<T> {
  const controller = new AbortController();
  let progress: vscode.Progress<{ message?: string; increment?: number }> | undefined;
  let message: string | undefined;
  let percent = 0;
  let shownPercent = 0;
  const show = (): void => {
    if (progress === undefined) {
      return;
    }
    // VS Code's progress bar takes increments; send the difference to the last value shown.
    const increment = Math.max(0, percent - shownPercent);
    shownPercent = Math.max(shownPercent, percent);
    progress.report({ message, increment: increment > 0 ? increment : undefined });
  };
  const reporter: ProgressReporter = {
    report(next, nextPercent) {
      message = next;
      if (nextPercent !== undefined) {
        percent = Math.min(100, Math.max(0, nextPercent));
      }
      show();
    },
  };
  const running = work(controller.signal, reporter);
  const settled = running.then(
    () => undefined,
    () => undefined,
  );
  const timer = setTimeout(() => {
    void vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: options.title, cancellable: options.cancellable },
      async (handle, token) => {
        progress = handle;
        show();
        const subscription = token.onCancellationRequested(() => controller.abort());
        await settled;
        subscription.dispose();
      },
    );
  }, options.delayMs ?? PROGRESS_DELAY_MS);
  try {
    return await running;
  } finally {
    clearTimeout(timer);
  }
}


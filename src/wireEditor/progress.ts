/** The status bar while .wire sections run: which section, how many steps so far; a click stops them. */
import * as vscode from 'vscode';
import type { RunObserver, WireRuns } from './runs';
import { STOP_COMMAND } from './codeLens';

export function registerRunProgress(runs: WireRuns): vscode.Disposable {
  const item = vscode.window.createStatusBarItem('socketWorkbench.wireRun', vscode.StatusBarAlignment.Left, 50);
  item.name = vscode.l10n.t('Wire run');
  item.command = STOP_COMMAND;
  item.tooltip = vscode.l10n.t('Click to stop the running .wire sections');
  let steps = 0;
  let current = '';
  const show = (): void => {
    if (runs.active === 0) {
      item.hide();
      return;
    }
    item.text = vscode.l10n.t('$(sync~spin) {0} · {1} steps', current, steps);
    item.show();
  };
  const observer: RunObserver = (session) => {
    steps = 0;
    current = session.file;
    return {
      events: (batch) => {
        for (const event of batch) {
          if (event.type === 'step-end') {
            steps++;
          } else if (event.type === 'section-start') {
            current = `${session.file} › ${event.section}`;
          }
        }
        show();
      },
      end: () => show(),
    };
  };
  return vscode.Disposable.from(item, runs.observe(observer), runs.onDidChange(show));
}

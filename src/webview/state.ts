/**
 * The panel's view state: what the user typed and chose, kept with vscode.setState so that hiding
 * the panel (its webview is then discarded) or reloading the window loses nothing. Saves are
 * debounced: typing and scrolling change it many times a second. The merging itself is plain data
 * (panelState.ts).
 */
import type { PanelState } from '../shared/protocol';
import { saveState, savedState } from './hostChannel';
import { mergeState, restoreState, type Mutable } from './panelState';

const SAVE_DELAY_MS = 250;

export class StateStore {
  readonly state: Mutable<PanelState>;
  private timer: number | undefined;
  /** True when the state came from an earlier life of this panel (hidden, or a reload). */
  readonly restored: boolean;

  constructor() {
    const { state, restored } = restoreState(savedState());
    this.state = state;
    this.restored = restored;
  }

  update(patch: Partial<PanelState>): void {
    mergeState(this.state, patch);
    if (this.timer === undefined) {
      this.timer = window.setTimeout(() => this.flush(), SAVE_DELAY_MS);
    }
  }

  flush(): void {
    if (this.timer !== undefined) {
      window.clearTimeout(this.timer);
      this.timer = undefined;
    }
    saveState({ ...this.state });
  }
}

/**
 * The panel's view state: what the user typed and chose, kept with vscode.setState so that hiding
 * the panel (its webview is then discarded) or reloading the window loses nothing. Saves are
 * debounced: typing and scrolling change it many times a second.
 */
import { NO_FILTER, type PanelState } from '../shared/protocol';
import { saveState, savedState } from './hostChannel';

const SAVE_DELAY_MS = 250;

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

export class StateStore {
  readonly state: Mutable<PanelState>;
  private timer: number | undefined;
  /** True when the state came from an earlier life of this panel (hidden, or a reload). */
  readonly restored: boolean;

  constructor() {
    const saved = savedState();
    this.restored = saved !== undefined;
    this.state = {
      version: 1,
      spec: '',
      draft: '',
      encoding: 'utf8',
      lineEnding: 'none',
      target: '',
      repeatEnabled: false,
      repeatIntervalMs: 1000,
      repeatCount: 10,
      filter: NO_FILTER,
      hexAll: false,
      follow: true,
      ...saved,
    };
  }

  update(patch: Partial<PanelState>): void {
    Object.assign(this.state, patch);
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

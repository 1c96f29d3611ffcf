/**
 * The panel's view state as plain data: the defaults, what counts as a saved state, and how a saved
 * state and later patches merge into them. No DOM and no webview API, so it is tested in plain Node;
 * state.ts keeps it with vscode.setState.
 */
import { NO_FILTER, type PanelState } from '../shared/protocol';

export type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** What a fresh panel starts with. */
export const DEFAULT_PANEL_STATE: PanelState = {
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
};

/** A state this version of the panel saved (an object with version 1), or undefined for anything else. */
export function asSavedState(value: unknown): Partial<PanelState> | undefined {
  return typeof value === 'object' && value !== null && (value as { version?: unknown }).version === 1 ? (value as Partial<PanelState>) : undefined;
}

/** The state a panel starts with: the defaults under what an earlier life of it saved. */
export function restoreState(saved: unknown): { readonly state: Mutable<PanelState>; readonly restored: boolean } {
  const earlier = asSavedState(saved);
  return { state: { ...DEFAULT_PANEL_STATE, ...earlier }, restored: earlier !== undefined };
}

/** Applies a patch in place (the store keeps one object); returns it. */
export function mergeState(state: Mutable<PanelState>, patch: Partial<PanelState>): Mutable<PanelState> {
  return Object.assign(state, patch);
}

// The panel's view state (src/webview/panelState.ts) in plain Node: defaults, what is accepted as a
// saved state, and how a restore and later patches merge.
import * as assert from 'node:assert/strict';
import { NO_FILTER } from '../../src/shared/protocol';
import { DEFAULT_PANEL_STATE, asSavedState, mergeState, restoreState } from '../../src/webview/panelState';

describe('webview panel state', () => {
  it('starts a fresh panel with the defaults', () => {
    const { state, restored } = restoreState(undefined);
    assert.equal(restored, false);
    assert.deepEqual(state, {
      version: 1, spec: '', draft: '', encoding: 'utf8', lineEnding: 'none', target: '', repeatEnabled: false,
      repeatIntervalMs: 1000, repeatCount: 10, filter: NO_FILTER, hexAll: false, follow: true,
    });
    assert.notEqual(state, DEFAULT_PANEL_STATE, 'a copy, so the defaults are never changed');
  });

  it('accepts only what this version saved', () => {
    assert.equal(asSavedState(null), undefined);
    assert.equal(asSavedState('text'), undefined);
    assert.equal(asSavedState(42), undefined);
    assert.equal(asSavedState({ spec: 'tcp://127.0.0.1:80' }), undefined);
    assert.equal(asSavedState({ version: 2, spec: 'tcp://127.0.0.1:80' }), undefined);
    assert.equal(asSavedState({ version: '1' }), undefined);
    assert.deepEqual(asSavedState({ version: 1, draft: 'hi' }), { version: 1, draft: 'hi' });
    assert.equal(restoreState({ version: 2, draft: 'lost' }).restored, false);
    assert.equal(restoreState({ version: 2, draft: 'lost' }).state.draft, '');
  });

  it('restores what an earlier life of the panel saved over the defaults', () => {
    const saved = { version: 1, socketId: 's-7', spec: 'udp://127.0.0.1:9999', draft: 'ping', encoding: 'hex', follow: false, topSeq: 41, chat: true };
    const { state, restored } = restoreState(saved);
    assert.equal(restored, true);
    assert.deepEqual(state, {
      version: 1, socketId: 's-7', spec: 'udp://127.0.0.1:9999', draft: 'ping', encoding: 'hex', lineEnding: 'none', target: '',
      repeatEnabled: false, repeatIntervalMs: 1000, repeatCount: 10, filter: NO_FILTER, hexAll: false, follow: false, topSeq: 41, chat: true,
    });
  });

  it('merges patches into the one state object, later values winning', () => {
    const { state } = restoreState(undefined);
    const merged = mergeState(state, { draft: 'a', follow: false });
    assert.equal(merged, state);
    mergeState(state, { draft: 'ab', selectedSeq: 3 });
    assert.equal(state.draft, 'ab');
    assert.equal(state.follow, false);
    assert.equal(state.selectedSeq, 3);
    assert.equal(state.spec, '');
    assert.equal(DEFAULT_PANEL_STATE.draft, '', 'the defaults stay as they were');
  });
});

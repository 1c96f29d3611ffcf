// The one send rule (engine/shared/sockets.ts) as a table: every kind, every state, a server with
// and without a connection. The commands, the tree's Send and the panel's Send all read this rule.
import * as assert from 'node:assert/strict';
import { canSend, sendRefusal, type SendRefusal } from '../../src/engine/shared/sockets';
import type { SocketKind, SocketState } from '../../src/engine/shared/types';

const KINDS: readonly SocketKind[] = ['tcp-server', 'tcp-client', 'tcp-connection', 'udp', 'unix-server', 'unix-client', 'unix-connection'];
const STATES: readonly SocketState[] = ['closed', 'opening', 'listening', 'connecting', 'open', 'half-closed', 'closing', 'error'];

function expected(kind: SocketKind, state: SocketState, connections: number): SendRefusal | undefined {
  const server = kind === 'tcp-server' || kind === 'unix-server';
  if (server && state === 'listening') {
    return connections > 0 ? undefined : { reason: 'no-connection', state };
  }
  if (!server && state === 'open') {
    return undefined;
  }
  return { reason: 'not-open', state };
}

describe('the send rule', () => {
  it('a listening server with no connection cannot send, and says there is no connection', () => {
    assert.deepEqual(sendRefusal({ kind: 'tcp-server', state: 'listening', connections: 0 }), { reason: 'no-connection', state: 'listening' });
    assert.equal(canSend({ kind: 'unix-server', state: 'listening', connections: 0 }), false);
    assert.equal(canSend({ kind: 'tcp-server', state: 'listening', connections: 1 }), true);
  });

  it('clients, connections and UDP sockets send when open, and nothing half-closed, closing or closed does', () => {
    for (const kind of ['tcp-client', 'tcp-connection', 'udp', 'unix-client', 'unix-connection'] as const) {
      assert.equal(canSend({ kind, state: 'open', connections: 0 }), true, kind);
      for (const state of ['half-closed', 'closing', 'closed', 'error', 'connecting', 'opening'] as const) {
        assert.deepEqual(sendRefusal({ kind, state, connections: 0 }), { reason: 'not-open', state }, `${kind} ${state}`);
      }
    }
  });

  it('holds for the whole table of kinds, states and connection counts', () => {
    let rows = 0;
    for (const kind of KINDS) {
      for (const state of STATES) {
        for (const connections of [0, 1, 5]) {
          const refusal = expected(kind, state, connections);
          assert.deepEqual(sendRefusal({ kind, state, connections }), refusal, `${kind} ${state} ${connections}`);
          assert.equal(canSend({ kind, state, connections }), refusal === undefined, `${kind} ${state} ${connections}`);
          rows++;
        }
      }
    }
    assert.equal(rows, 7 * 8 * 3);
  });
});

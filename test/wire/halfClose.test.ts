/**
 * `on eof` and `expect eof` at the peer's FIN (engine.onDidEnd), not at the close: python3 peers
 * shut down their write side and keep reading, so what the wire file sends after the FIN must
 * still reach them.
 */
import * as assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import { runWire, serveWire, type RuleEvent } from '../../src/wire';
import { startHalfClosePeer, type HalfClosePeer } from '../engine/peers/halfClose';
import { waitUntil, wire } from './helpers';

const peers: ChildProcess[] = [];

function startPeer(mode: 'client' | 'server', port: number, send: string): HalfClosePeer {
  const peer = startHalfClosePeer(mode, port, send);
  peers.push(peer.process);
  return peer;
}

const hex = (text: string): string => Buffer.from(text).toString('hex');

describe('wire eof at the FIN (half-close) against python3 peers', function () {
  this.timeout(40_000);
  afterEach(() => {
    for (const peer of peers.splice(0)) {
      peer.kill('SIGKILL');
    }
  });

  it("'on eof' answers a client that shut down its write side, before anything closes", async () => {
    const file = wire(`
### half-close
listen tcp-listen://127.0.0.1:0?allowHalfOpen=1 as server
on "hello"
  reply "got hello\\n"
on eof
  reply "bye {{counter}}\\n"
  close
`);
    const stop = new AbortController();
    let address: string | undefined;
    const rules: RuleEvent[] = [];
    const served = serveWire(file, 'half-close', {
      signal: stop.signal,
      onEvent: (event) => {
        if (event.type === 'listening') {
          address = event.address;
        } else if (event.type === 'rule') {
          rules.push(event.event);
        }
      },
    });
    try {
      await waitUntil('the listener', () => address !== undefined, 15_000);
      const peer = startPeer('client', Number(/:(\d+)$/.exec(address ?? '')?.[1]), 'hello');
      assert.equal(await peer.line('RESULT'), hex('got hello\nbye 1\n'));
      assert.deepEqual(rules.map((event) => (event.type === 'hit' ? [event.type, event.rule, event.line, event.bytes] : [event.type])), [['hit', 0, 4, 5], ['hit', 1, 6, 0]]);
    } finally {
      stop.abort();
    }
    assert.equal((await served).outcome, 'passed');
  });

  it("'expect eof' passes at the server's FIN, and a send after it still reaches the server", async () => {
    const peer = startPeer('server', 0, 'hi');
    const port = await peer.line('READY');
    const result = await runWire(wire(`
### after eof
open tcp://127.0.0.1:{{port}}?allowHalfOpen=1
expect exactly "hi"
expect eof within 3s
send "after eof"
close
`), { variables: { port } });
    assert.equal(result.outcome, 'passed', result.sections[0]?.message);
    assert.deepEqual(result.sections[0].steps.map((step) => [step.kind, step.outcome, step.bytes]), [
      ['open', 'passed', 0],
      ['expect', 'passed', 2],
      ['expect', 'passed', 0],
      ['send', 'passed', 9],
      ['close', 'passed', 0],
    ]);
    assert.equal(await peer.line('RESULT'), hex('after eof'));
  });
});

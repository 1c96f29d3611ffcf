import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { SocketEngine } from '../../src/engine';

/** The listen queue the kernel reports for a listening TCP port (`ss`'s Send-Q column). */
function listenQueue(port: number): number {
  const line = execFileSync('ss', ['-ltnH', `sport = :${port}`], { encoding: 'utf8', timeout: 5000 }).trim();
  const columns = line.split(/\s+/);
  return Number(columns[2]);
}

describe('listen backlog', () => {
  let engine: SocketEngine;
  beforeEach(() => (engine = new SocketEngine()));
  afterEach(() => engine.dispose());

  it('defaults to 4096, capped by net.core.somaxconn, so a burst of connects is not dropped', async () => {
    const cap = Number(readFileSync('/proc/sys/net/core/somaxconn', 'utf8'));
    const server = await engine.open('tcp-listen://127.0.0.1:0');
    assert.equal(listenQueue(server.local?.port ?? 0), Math.min(4096, cap));
  });

  it('takes the spec\'s backlog when it sets one', async () => {
    const server = await engine.open('tcp-listen://127.0.0.1:0?backlog=16');
    assert.equal(listenQueue(server.local?.port ?? 0), 16);
  });
});

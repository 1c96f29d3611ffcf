/**
 * Abstract UNIX names in the extension host's own Node (Node 24 under code-server 4.139; Node 22 in
 * VS Code 1.101+, Node 20 in VS Code 1.100): the API's unix-listen://@name and unix://@name talk to
 * socat's ABSTRACT-CONNECT / ABSTRACT-LISTEN, or, on a runtime that pads abstract names, the command
 * says why it refuses.
 */
import * as assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import type { SocketInfo } from '../../src/engine';
import { abstractNamesPadded } from '../../src/engine/unix';
import type { ActivatedApi } from '../../src/extension';
import { activate, run, waitFor } from './commandsHelpers';

function kernelHolds(name: string): boolean {
  return fs.readFileSync('/proc/net/unix', 'utf8').split('\n').some((line) => line.trim().split(/\s+/)[7] === `@${name}`);
}

describe('abstract UNIX names (@name) in the extension host, with socat', function () {
  if (process.platform !== 'linux') {
    return;
  }
  let api: ActivatedApi;
  const children: ChildProcess[] = [];
  const opened: string[] = [];
  before(async () => {
    api = await activate();
  });
  afterEach(async () => {
    for (const child of children.splice(0)) {
      child.kill('SIGKILL');
    }
    for (const id of opened.splice(0)) {
      await api.testing.services.engine.remove(id);
    }
  });

  function socat(args: readonly string[]): { child: ChildProcess; output: () => string } {
    const child = spawn('socat', ['-T', '10', ...args], { stdio: ['pipe', 'pipe', 'ignore'] });
    children.push(child);
    let output = '';
    child.stdout?.setEncoding('utf8');
    child.stdout?.on('data', (text: string) => {
      output += text;
    });
    return { child, output: () => output };
  }

  it(`works both ways on Node ${process.version} (libuv ${process.versions.uv}), or is refused with the reason`, async function () {
    const name = `sw-ext-${randomBytes(5).toString('hex')}`;
    if (abstractNamesPadded()) {
      const shown = api.testing.services.recorder.shownMessages;
      const before = shown.length;
      await run('open', `unix-listen://@${name}`);
      assert.match(shown[before] ?? '', /Abstract UNIX socket names \(@name\) need Node\.js 22 or later/);
      return;
    }
    const server = await api.open(`unix-listen://@${name}`);
    opened.push(server.id);
    assert.equal(kernelHolds(name), true, 'the kernel holds exactly @name');
    const connecting = socat(['-', `ABSTRACT-CONNECT:${name}`]);
    connecting.child.stdin?.write('from socat\n');
    await waitFor('the socat connection', () => (api.get(server.id)?.connections === 1 ? true : undefined), 10_000);
    const [connection] = api.connections(server.id);
    await waitFor('the bytes from socat', () => (api.get(connection.id)?.stats.bytesIn === 11 ? true : undefined), 10_000);
    await api.send(server.id, 'to socat\n', { target: connection.id });
    await waitFor('the reply at socat', () => (connecting.output() === 'to socat\n' ? true : undefined), 10_000);

    const other = `sw-ext-${randomBytes(5).toString('hex')}`;
    const listening = socat([`ABSTRACT-LISTEN:${other}`, '-']);
    await waitFor('socat to listen', () => (kernelHolds(other) ? true : undefined), 10_000);
    const client = await run<SocketInfo>('newUnixClient', `@${other}`);
    opened.push(client.id);
    assert.equal(client.state, 'open');
    await api.send(client.id, 'hello\n');
    await waitFor('the bytes at socat', () => (listening.output() === 'hello\n' ? true : undefined), 10_000);
  });
});

import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { SocketInfo } from '../../src/engine';
import { activate, lastMessage, nodeClient, waitFor } from './commandsHelpers';
import { killPeers, startPython } from '../wire/helpers';

const RULES = 'on connect\n  reply "220 ready\\r\\n"\non /^HELO (?<name>\\S+)\\r\\n/\n  reply "250 hello {{name}}\\r\\n"\non "QUIT\\r\\n"\n  reply "221 bye {{counter}}\\r\\n"\n  close\n';

describe('wire auto-reply on a listener', function () {
  this.timeout(60_000);
  afterEach(() => killPeers());

  it('setAutoReply answers python3 clients with a regex capture, counts hits per rule, and refuses bad rules with the parser message', async () => {
    const api = await activate();
    const server = await vscode.commands.executeCommand<SocketInfo>('socketWorkbench.open', 'tcp-listen://127.0.0.1:0');
    try {
      const state = await vscode.commands.executeCommand<{ rules: string; hits: number[] }>('socketWorkbench.setAutoReply', server.id, RULES);
      assert.deepEqual(state, { rules: RULES, hits: [0, 0, 0] });
      const clients = startPython('smtp-clients', { port: String(server.local?.port), clients: 2 });
      const replies = (await clients.result).replies as string[][];
      assert.deepEqual(replies.map((reply) => reply.slice(0, 2)), [0, 1].map((index) => ['220 ready\r\n', `250 hello client${index}\r\n`]));
      assert.deepEqual(replies.map((reply) => reply[2]).sort(), ['221 bye 1\r\n', '221 bye 2\r\n']);
      assert.deepEqual(api.testing.wire.autoReplies.get(server.id)?.hits, [2, 2, 2]);
      const refused = await vscode.commands.executeCommand('socketWorkbench.setAutoReply', server.id, 'on\n');
      assert.equal(refused, undefined);
      assert.match(lastMessage(api) ?? '', /line 1, column \d+: |satır 1, sütun \d+: /);
      assert.deepEqual(api.testing.wire.autoReplies.get(server.id)?.hits, [2, 2, 2], 'bad rules leave the old ones');
    } finally {
      await vscode.commands.executeCommand('socketWorkbench.remove', server.id);
    }
  });
  it('a rule whose action fails is shown once, worded, until the rules change; the log keeps every failure', async () => {
    const api = await activate();
    const server = await vscode.commands.executeCommand<SocketInfo>('socketWorkbench.open', 'tcp-listen://127.0.0.1:0');
    const replies = api.testing.wire.autoReplies;
    try {
      await vscode.commands.executeCommand('socketWorkbench.setAutoReply', server.id, 'on any\n  reply "{{nope}}"\n');
      const before = api.testing.services.recorder.shownMessages.length;
      const label = `127.0.0.1:${server.local?.port}`;
      const expected =
        vscode.env.language === 'tr'
          ? `${label} üzerinde otomatik yanıt: 1. satırdaki kural başarısız oldu: bilinmeyen değişken 'nope'`
          : `Auto-reply on ${label}: the rule on line 1 failed: unknown variable 'nope'`;
      for (let attempt = 1; attempt <= 3; attempt++) {
        const client = await nodeClient(server.local?.port ?? 0);
        client.socket.write('x');
        await waitFor(`failure ${attempt}`, () => ((replies.get(server.id)?.failures ?? 0) >= attempt ? true : undefined), 10_000);
        client.socket.destroy();
      }
      assert.deepEqual(api.testing.services.recorder.shownMessages.slice(before), [expected], 'three failures of one rule, one message');
      // Rules set again: the next failure is news again.
      await vscode.commands.executeCommand('socketWorkbench.setAutoReply', server.id, 'on any\n  reply "{{nope}}"\n');
      const client = await nodeClient(server.local?.port ?? 0);
      client.socket.write('y');
      await waitFor('the failure to be shown again', () => (api.testing.services.recorder.shownMessages.length === before + 2 ? true : undefined), 10_000);
      assert.equal(lastMessage(api), expected);
      client.socket.destroy();
    } finally {
      await vscode.commands.executeCommand('socketWorkbench.remove', server.id);
    }
  });
});

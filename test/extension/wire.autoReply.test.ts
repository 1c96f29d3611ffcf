import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { SocketInfo } from '../../src/engine';
import { activate, lastMessage } from './commandsHelpers';
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
});

/**
 * Auto-reply rules in the payload panel of a listener: edited as records through the panel's
 * messages, answered by the runner's rule engine to python3 clients, counted per rule, kept in the
 * workspace state per spec and attached again after a (simulated) reload, opened as a wire file,
 * and the API's setAutoReply/autoReply. Wording is asserted in wire.autoReplyPanel.tr.test.ts too.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { AutoReplies } from '../../src/autoReply/service';
import { SocketEngine } from '../../src/engine';
import type { ActivatedApi } from '../../src/extension';
import { AllInterfacesGuard } from '../../src/guard';
import { readSettings } from '../../src/settings';
import type { AutoReplyRule } from '../../src/shared/protocol';
import { SocketStore } from '../../src/store';
import { TestRecorder } from '../../src/testRecorder';
import { killPeers, startPython } from '../wire/helpers';
import { activateApi, cleanUp, messagesOf, openReadyPanel, waitFor, waitForMessage } from './panelHelpers';

const HELO: AutoReplyRule = { enabled: true, matcher: 'regex', form: 'text', pattern: '^HELO (?<name>\\S+)\\r\\n', replyForm: 'text', reply: '250 hello {{name}}\\r\\n', delayMs: 0, close: false };
const PING: AutoReplyRule = { enabled: true, matcher: 'exactly', form: 'hex', pattern: '50 49 4e 47 0a', replyForm: 'text', reply: 'PONG {{counter}}\\n', delayMs: 5, close: false };

async function clientReplies(port: number, lines: readonly string[]): Promise<string[]> {
  const client = startPython('line-client', { port, lines: JSON.stringify(lines) }, 20_000);
  return (await client.result).replies as string[];
}

const BAD_REGEX: AutoReplyRule = { ...HELO, pattern: '(' };

describe('wire auto-reply rules in the payload panel', function () {
  this.timeout(60_000);
  let api: ActivatedApi;

  before(async () => {
    api = await activateApi();
  });

  afterEach(async () => {
    await killPeers();
    await cleanUp(api);
  });

  it('rules edited in the panel answer a python3 client (a regex capture, a hex exact match with a delay), count hits, and a rule with a problem waits while the others answer', async () => {
    const server = await api.open('tcp-listen://127.0.0.1:0');
    const panel = await openReadyPanel(api, server.id);
    const first = await waitForMessage(panel, 'rules');
    assert.deepEqual(first, { type: 'rules', available: true, replace: true, rules: [], hits: [], problems: [] });
    const from = panel.recorded.sent.length;
    assert.ok(await panel.receive({ type: 'setRules', rules: [HELO, PING, BAD_REGEX] }));
    const answer = await waitForMessage(panel, 'rules', () => true, from);
    assert.equal(answer.replace, false);
    assert.deepEqual(answer.problems.map((problem) => problem === null), [true, true, false]);
    assert.deepEqual(api.autoReply(server.id)?.rules, 'on /^HELO (?<name>\\S+)\\r\\n/\n  reply "250 hello {{name}}\\r\\n"\non exactly hex 50 49 4e 47 0a\n  wait 5ms\n  reply "PONG {{counter}}\\n"\n');
    const port = server.local?.port ?? 0;
    assert.deepEqual(await clientReplies(port, ['HELO python\r\n', 'PING\n', 'PING\n']), ['250 hello python\r\n', 'PONG 1\n', 'PONG 2\n']);
    const hits = await waitForMessage(panel, 'ruleHits', (message) => message.hits[1] === 2, from);
    assert.deepEqual(hits.hits, [1, 2, 0]);
    assert.deepEqual(api.autoReply(server.id)?.hits, [1, 2]);

    // Disabling the HELO rule keeps the PING rule's count, and its {{counter}} goes on from it; the disabled rule keeps its own.
    const before = panel.recorded.sent.length;
    await panel.receive({ type: 'setRules', rules: [{ ...HELO, enabled: false }, PING] });
    const edited = await waitForMessage(panel, 'rules', () => true, before);
    assert.deepEqual(edited.hits, [1, 2]);
    assert.deepEqual(await clientReplies(port, ['PING\n']), ['PONG 3\n']);
    assert.deepEqual(api.autoReply(server.id)?.items.map((item) => item.hits), [1, 3]);
    assert.deepEqual(panel.recorded.rejected, []);
  });

  it('the API sets wire text that the panel shows as records, and refuses rules that do not parse or a socket that does not listen', async () => {
    const server = await api.open('tcp-listen://127.0.0.1:0');
    const panel = await openReadyPanel(api, server.id);
    const from = panel.recorded.sent.length;
    const text = 'on "QUIT\\r\\n"\n  reply "221 bye\\r\\n"\n  close\non connect\n  reply "220 ready\\r\\n"\n';
    const state = api.setAutoReply(server.id, text);
    assert.deepEqual({ rules: state.rules, hits: state.hits }, { rules: text, hits: [0, 0] });
    const shown = await waitForMessage(panel, 'rules', (message) => message.replace && message.rules.length === 2, from);
    assert.deepEqual(shown.rules, [
      { enabled: true, matcher: 'contains', form: 'text', pattern: 'QUIT\\r\\n', replyForm: 'text', reply: '221 bye\\r\\n', delayMs: 0, close: true },
      { enabled: true, matcher: 'wire', form: 'text', pattern: 'on connect\n  reply "220 ready\\r\\n"\n', replyForm: 'text', reply: '', delayMs: 0, close: false },
    ]);
    assert.throws(() => api.setAutoReply(server.id, 'on /(/\n  reply "x"\n'), (error: Error) => error.message.includes('1') && error.message.length > 20);
    assert.equal(api.autoReply(server.id)?.rules, text, 'a refused text leaves the rules');
    const client = await api.open(`tcp://127.0.0.1:${server.local?.port ?? 0}`);
    assert.throws(() => api.setAutoReply(client.id, text));
    assert.throws(() => api.setAutoReply('no-such-socket', text), { code: 'UNKNOWN_SOCKET' });
    assert.equal(api.setAutoReply(server.id, '').rules, '');
    assert.equal(api.autoReply(server.id), undefined);
  });

  it('a client socket gets no rules section', async () => {
    const server = await api.open('tcp-listen://127.0.0.1:0');
    const client = await api.open(`tcp://127.0.0.1:${server.local?.port ?? 0}`);
    const panel = await openReadyPanel(api, client.id);
    assert.equal((await waitForMessage(panel, 'rules')).available, false);
    await panel.receive({ type: 'setRules', rules: [PING] });
    await waitForMessage(panel, 'notice', (message) => message.severity === 'error');
    assert.equal(api.autoReply(client.id), undefined);
  });

  it('Edit as Wire File opens the rules as a listen section of an untitled wire document', async () => {
    const server = await api.open('tcp-listen://127.0.0.1:0', { name: 'rules server' });
    const panel = await openReadyPanel(api, server.id);
    await panel.receive({ type: 'setRules', rules: [PING] });
    await panel.receive({ type: 'editRulesAsWire' });
    const editor = await waitFor('the wire document', () => (vscode.window.activeTextEditor?.document.languageId === 'wire' ? vscode.window.activeTextEditor : undefined));
    const lines = editor.document.getText().split('\n');
    assert.deepEqual(lines.slice(1), ['### rules server', `listen ${server.spec}`, 'on exactly hex 50 49 4e 47 0a', '  wait 5ms', '  reply "PONG {{counter}}\\n"', '']);
    assert.match(lines[0], /^# .*rules server/);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('rules are kept per socket in the workspace state and answer again after a simulated reload', async () => {
    const server = await api.open('tcp-listen://127.0.0.1:0');
    const panel = await openReadyPanel(api, server.id);
    await panel.receive({ type: 'setRules', rules: [HELO, { ...PING, enabled: false }] });
    await waitFor('the rules in the workspace state', () => api.testing.wire.autoReplies.stored(server.spec)?.length === 2 || undefined);
    // The reload: a fresh engine, auto-replies and store over the same workspace state.
    const engine = new SocketEngine({});
    const services = { ...api.testing.services, engine, recorder: new TestRecorder(true), settings: () => readSettings() };
    const replies = new AutoReplies(services);
    const store = new SocketStore(services, new AllInterfacesGuard(services));
    try {
      const restored = (await store.restore()).find((info) => info.spec === server.spec);
      assert.ok(restored);
      assert.deepEqual(replies.get(restored.id)?.items.map((item) => [item.rule, item.hits]), [[HELO, 0], [{ ...PING, enabled: false }, 0]]);
      await api.close(server.id);
      await engine.reopen(restored.id);
      const port = engine.get(restored.id)?.local?.port ?? 0;
      assert.deepEqual(await clientReplies(port, ['HELO again\r\n']), ['250 hello again\r\n']);
      await waitFor('the hit', () => replies.get(restored.id)?.hits[0] === 1 || undefined);
    } finally {
      store.dispose();
      replies.dispose();
      await engine.dispose();
    }
    assert.equal(messagesOf(panel, 'notice').length, 0);
  });
});

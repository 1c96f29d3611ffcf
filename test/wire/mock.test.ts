import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { SocketEngine } from '../../src/engine';
import { attachRulesText, serveWire, type RuleEvent } from '../../src/wire';
import { killPeers, startPython, temporaryDirectory, waitUntil, wire } from './helpers';

const MOCK = `
### SMTP-like greeting
listen tcp-listen://127.0.0.1:0 as smtp
on connect
  reply "220 ready\\r\\n"
on /^HELO (?<name>\\S+)\\r\\n/
  reply "250 hello {{name}}\\r\\n"
on "QUIT\\r\\n"
  reply "221 bye {{counter}}\\r\\n"
  close
`;

interface Replies {
  readonly replies: Array<[string, string, string, string] | ['error', string]>;
}

function checkReplies(result: Record<string, unknown>, clients: number): void {
  const { replies } = result as unknown as Replies;
  assert.equal(replies.length, clients);
  const byes: number[] = [];
  replies.forEach((reply, index) => {
    assert.notEqual(reply[0], 'error', `client ${index}: ${reply[1]}`);
    const [greeting, hello, bye, rest] = reply as [string, string, string, string];
    assert.equal(greeting, '220 ready\r\n');
    assert.equal(hello, `250 hello client${index}\r\n`);
    const match = /^221 bye (\d+)\r\n$/.exec(bye);
    assert.ok(match, `client ${index} got ${JSON.stringify(bye)}`);
    byes.push(Number(match[1]));
    // The QUIT rule closes the connection: the client reads EOF right after the bye.
    assert.equal(rest, '');
  });
  // {{counter}} is the rule's hit count over the whole listener: every number once.
  assert.deepEqual(byes.sort((left, right) => left - right), Array.from({ length: clients }, (_, index) => index + 1));
}

describe('wire mock servers answering python clients', function () {
  this.timeout(60_000);
  afterEach(() => killPeers());

  it('serve: greeting, a regex reply with its capture, close after QUIT, for 100 concurrent clients', async () => {
    const stop = new AbortController();
    let address: string | undefined;
    const hits: RuleEvent[] = [];
    const served = serveWire(wire(MOCK, 'mock.wire'), 'SMTP-like greeting', {
      signal: stop.signal,
      onEvent: (event) => {
        if (event.type === 'listening') {
          address = event.address;
        } else if (event.type === 'rule') {
          hits.push(event.event);
        }
      },
    });
    try {
      await waitUntil('the mock to listen', () => address !== undefined);
      const port = Number(/:(\d+)$/.exec(address ?? '')?.[1]);
      const clients = startPython('smtp-clients', { port, clients: 100 }, 50_000);
      checkReplies(await clients.result, 100);
      assert.equal(hits.filter((event) => event.type === 'hit').length, 300);
      assert.deepEqual(hits.filter((event) => event.type !== 'hit'), []);
    } finally {
      stop.abort();
    }
    const result = await served;
    assert.equal(result.outcome, 'passed');
  });

  it('attachRulesText answers an engine listener (the auto-reply API), on a UNIX socket too', async () => {
    const engine = new SocketEngine();
    const directory = temporaryDirectory('sw-wire-mock-');
    try {
      const rules = MOCK.split('\n').slice(3).join('\n');
      const socketPath = path.join(directory, 'mock.sock');
      for (const spec of ['tcp-listen://127.0.0.1:0', `unix-listen://${socketPath}`]) {
        const listener = await engine.open(spec);
        const events: RuleEvent[] = [];
        const attached = attachRulesText(engine, listener.id, rules, { onEvent: (event) => events.push(event) });
        assert.ok(attached.ok);
        const options: Record<string, string | number> = listener.local?.port === undefined ? { path: socketPath, clients: 10 } : { port: listener.local.port, clients: 10 };
        checkReplies(await startPython('smtp-clients', options).result, 10);
        assert.deepEqual(attached.binding.hits, [10, 10, 10]);
        attached.binding.dispose();
        await engine.close(listener.id);
      }
      const broken = attachRulesText(engine, 's1', 'on any\n  reply {{x}}\n', { file: 'auto-reply' });
      assert.ok(!broken.ok);
      assert.equal(broken.errors[0].message, `auto-reply:2:9: expected a payload after 'reply' ("…", hex, base64, file or <<END)`);
    } finally {
      await engine.dispose();
      fs.rmSync(directory, { recursive: true, force: true });
    }
  });

  it('startHits: rules go on counting from given hit counts, in {{counter}} too (auto-reply rules kept across an edit)', async () => {
    const engine = new SocketEngine();
    try {
      const listener = await engine.open('tcp-listen://127.0.0.1:0');
      const rules = MOCK.split('\n').slice(3).join('\n');
      const attached = attachRulesText(engine, listener.id, rules, { startHits: [0, 3, 40] });
      assert.ok(attached.ok);
      const { replies } = (await startPython('smtp-clients', { port: listener.local?.port ?? 0, clients: 5 }).result) as unknown as Replies;
      const byes = replies.map((reply) => Number(/^221 bye (\d+)\r\n$/.exec(reply[2] ?? '')?.[1]));
      assert.deepEqual(byes.sort((left, right) => left - right), [41, 42, 43, 44, 45]);
      assert.deepEqual(attached.binding.hits, [5, 8, 45]);
      attached.binding.dispose();
    } finally {
      await engine.dispose();
    }
  });

  it('a reply that cannot be built is reported as a rule error with its line, and the listener goes on', async () => {
    const engine = new SocketEngine();
    try {
      const listener = await engine.open('tcp-listen://127.0.0.1:0');
      const events: RuleEvent[] = [];
      const attached = attachRulesText(engine, listener.id, 'on "HELO"\n  reply "{{missing}}"\non connect\n  reply "220 ready\\r\\n"\n', { onEvent: (event) => events.push(event) });
      assert.ok(attached.ok);
      const client = await engine.open(`tcp://127.0.0.1:${listener.local?.port ?? 0}`);
      await engine.send(client.id, Buffer.from('HELO x\r\n'));
      await waitUntil('a rule error', () => events.some((event) => event.type === 'error'));
      const error = events.find((event) => event.type === 'error');
      assert.ok(error?.type === 'error');
      assert.deepEqual([error.rule, error.line, error.error.code, error.error.message], [0, 1, 'UNKNOWN_VARIABLE', "unknown variable 'missing'"]);
      assert.equal(attached.binding.errors, 1);
      attached.binding.dispose();
    } finally {
      await engine.dispose();
    }
  });
});

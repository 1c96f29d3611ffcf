import * as assert from 'node:assert/strict';
import { SocketEngine } from '../../src/engine';
import { attachRulesText, parseWire, payloadText, recordSection, runWire, serveWire } from '../../src/wire';
import { killPeers, startPython, waitUntil, wire } from './helpers';

function received(engine: SocketEngine, id: string): string {
  return Buffer.concat(engine.transcript(id).entries().filter((entry) => entry.kind === 'data' && entry.direction === 'in').map((entry) => Buffer.from(entry.data ?? new Uint8Array()))).toString('latin1');
}

describe('wire: record a socket as a wire section, then replay it', function () {
  this.timeout(30_000);
  afterEach(() => killPeers());

  it('payloads read as escaped strings when mostly printable, else as hex', () => {
    assert.equal(payloadText(Buffer.from('GET / HTTP/1.1\r\n')), '"GET / HTTP/1.1\\r\\n"');
    assert.equal(payloadText(Buffer.from('say "{{hi}}"\t\\')), '"say \\"\\x7b{hi}}\\"\\t\\\\"');
    assert.equal(payloadText(Buffer.from([0, 1, 2, 0xff, 0x41])), 'hex 00 01 02 ff 41');
    assert.equal(payloadText(Buffer.alloc(0)), '""');
    // What payloadText writes parses back to the same bytes.
    for (const bytes of [Buffer.from('say "{{hi}}"\t\\\x00é'), Buffer.from([0, 255, 128])]) {
      const parsed = parseWire(`### x\nsend ${payloadText(bytes)}\n`);
      assert.ok(parsed.ok, payloadText(bytes));
    }
  });

  it('a client becomes open, send and expect exactly; the recording passes against the same python3 peer', async () => {
    const peer = startPython('line');
    const port = await peer.ready;
    const engine = new SocketEngine();
    try {
      const client = await engine.open(`tcp://127.0.0.1:${port}`);
      await waitUntil('the greeting', () => received(engine, client.id).endsWith('\r\n'));
      await engine.send(client.id, Buffer.from('name ada\r\n'));
      await waitUntil('the answer', () => received(engine, client.id).includes('NAME ADA\r\n'));
      await engine.send(client.id, Buffer.from('quit\n'));
      await waitUntil('the end', () => engine.get(client.id)?.state === 'closed');
      const text = recordSection(engine, client.id, { name: 'line session' });
      assert.equal(
        text,
        [
          '### line session',
          `open tcp://127.0.0.1:${port}`,
          'expect exactly "HELLO pyline\\r\\n"',
          'send "name ada\\r\\n"',
          'expect exactly "OK NAME ADA\\r\\n"',
          'send "quit\\n"',
          'expect exactly "OK QUIT\\r\\n"',
          'expect eof',
          'close',
          '',
        ].join('\n'),
      );
      const replay = await runWire(wire(text, 'recorded.wire'));
      assert.equal(replay.sections[0].outcome, 'passed', replay.sections[0].message);
    } finally {
      await engine.dispose();
    }
  });

  it('a UDP client records one expect per datagram and replays', async () => {
    const peer = startPython('udp-pong');
    const port = await peer.ready;
    const engine = new SocketEngine();
    try {
      const client = await engine.open(`udp://127.0.0.1:${port}`);
      await engine.send(client.id, Buffer.from('ping 1'));
      await waitUntil('pong 1', () => received(engine, client.id) === 'pong 1');
      await engine.send(client.id, Buffer.from([0x70, 0x69, 0x6e, 0x67, 0x20, 0, 1, 2, 3]));
      await waitUntil('the binary pong', () => received(engine, client.id).length === 15);
      const text = recordSection(engine, client.id, { name: 'udp' });
      assert.equal(text, `### udp\nopen udp://127.0.0.1:${port}\nsend "ping 1"\nexpect exactly "pong 1"\nsend hex 70 69 6e 67 20 00 01 02 03\nexpect exactly hex 70 6f 6e 67 20 00 01 02 03\nclose\n`);
      const replay = await runWire(wire(text));
      assert.equal(replay.sections[0].outcome, 'passed', replay.sections[0].message);
    } finally {
      await engine.dispose();
    }
  });

  it('a server becomes a listen section with on exactly … reply … rules; serving it answers the same python client the same way', async () => {
    const engine = new SocketEngine();
    let recorded: string;
    let firstReplies: unknown;
    try {
      const listener = await engine.open('tcp-listen://127.0.0.1:0');
      const attached = attachRulesText(engine, listener.id, 'on connect\n  reply "220 ready\\r\\n"\non /^HELO (?<name>\\S+)\\r\\n/\n  reply "250 hello {{name}}\\r\\n"\non "QUIT\\r\\n"\n  reply "221 bye {{counter}}\\r\\n"\n  close\n');
      assert.ok(attached.ok);
      firstReplies = (await startPython('smtp-clients', { port: listener.local?.port ?? 0, clients: 1 }).result).replies;
      await waitUntil('the connection to end', () => engine.get(listener.id)?.connections === 0);
      recorded = recordSection(engine, listener.id, { name: 'recorded mock' });
    } finally {
      await engine.dispose();
    }
    assert.equal(
      recorded,
      [
        '### recorded mock',
        'listen tcp-listen://127.0.0.1:0',
        'on connect',
        '  reply "220 ready\\r\\n"',
        'on exactly "HELO client0\\r\\n"',
        '  reply "250 hello client0\\r\\n"',
        'on exactly "QUIT\\r\\n"',
        '  reply "221 bye 1\\r\\n"',
        '  close',
        '',
      ].join('\n'),
    );
    const stop = new AbortController();
    let address = '';
    const served = serveWire(wire(recorded), 'recorded mock', { signal: stop.signal, onEvent: (event) => { if (event.type === 'listening') address = event.address; } });
    try {
      await waitUntil('the recording to listen', () => address !== '');
      const replies = (await startPython('smtp-clients', { port: Number(address.split(':')[1]), clients: 1 }).result).replies;
      assert.deepEqual(replies, firstReplies);
    } finally {
      stop.abort();
    }
    assert.equal((await served).outcome, 'passed');
  });
});

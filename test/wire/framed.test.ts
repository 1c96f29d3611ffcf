/**
 * The runner on framed sockets (framing= in the spec): `expect` takes the next whole message and
 * `on` rules match whole messages, however the bytes were split; eof still works on a framed stream.
 */
import * as assert from 'node:assert/strict';
import { parseWire, runWire, type FileResult } from '../../src/wire';
import { killPeers, startPython, wire } from './helpers';

async function run(text: string, variables: Record<string, string> = {}): Promise<FileResult> {
  return runWire(wire(text), { variables });
}

describe('wire runner on framed sockets', function () {
  this.timeout(30_000);
  afterEach(() => killPeers());

  it('line framing: rules answer each whole line, expect takes one line at a time', async () => {
    const result = await run(
      [
        '### lines',
        'listen tcp-listen://127.0.0.1:0?framing=line as server',
        'on exactly "GET a\\n"',
        '  reply "VALUE a #{{counter}}\\nEXTRA\\n"',
        'on /^GET (?<key>\\w+)\\r?\\n$/',
        '  reply "VALUE {{key}}\\n"',
        'open tcp://{{server.host}}:{{server.port}}?framing=line as client',
        // Two requests in one write are two messages, so both rules fire once each.
        'send "GET a\\nGET bb\\r\\n"',
        'expect exactly "VALUE a #1\\n"',
        'expect bytes 6',
        'expect "bb"',
        // A message that does not hold the bytes fails at once: nothing is skipped to find them.
        'send "GET a\\n"',
        'expect "EXTRA" within 2s',
      ].join('\n'),
    );
    const steps = result.sections[0].steps.map((step) => [step.kind, step.outcome, step.bytes ?? 0]);
    assert.deepEqual(steps.slice(0, 6), [
      ['listen', 'passed', 0],
      ['open', 'passed', 0],
      ['send', 'passed', 14],
      ['expect', 'passed', 11],
      ['expect', 'passed', 6],
      ['expect', 'passed', 9],
    ]);
    assert.equal(result.sections[0].outcome, 'failed');
    assert.equal(result.sections[0].steps[7].error?.code, 'MISMATCH');
    assert.equal(result.sections[0].steps[7].message, 'expected a message matching "EXTRA", got 11 bytes: "VALUE a #2\\n" (hex 56 41 4c 55 45 20 61 20 23 32 0a)');
  });

  it('length framing against a python3 peer that trickles bytes: each expect is one frame; eof after the frames', async () => {
    const peer = startPython('echo');
    const port = await peer.ready;
    const result = await run(
      [
        '### frames',
        'open tcp://127.0.0.1:{{port}}?framing=length&length=u16be',
        'send hex 00 03 61 62 63 00 01 7a 00 00',
        'expect exactly hex 00 03 61 62 63',
        'expect exactly hex 00 01 7a',
        'expect bytes 2',
        'close fin',
        'expect eof',
      ].join('\n'),
      { port },
    );
    assert.equal(result.sections[0].outcome, 'passed', result.sections[0].message);
    assert.deepEqual(result.sections[0].steps.map((step) => step.bytes ?? 0), [0, 10, 5, 3, 2, 0, 0]);
  });
  it('prefix=1 in the spec: every send gets the u16be length, and a python3 echo returns the whole frame', async () => {
    const peer = startPython('echo');
    const port = await peer.ready;
    const result = await run(
      [
        '### prefixed',
        'open tcp://127.0.0.1:{{port}}?framing=length&length=u16be&prefix=1',
        'send "hello"',
        'expect exactly hex 00 05 68 65 6c 6c 6f',
        'send hex ff',
        'expect exactly hex 00 01 ff',
        'close',
      ].join('\n'),
      { port },
    );
    assert.equal(result.sections[0].outcome, 'passed', result.sections[0].message);
    assert.deepEqual(result.sections[0].steps.map((step) => step.bytes ?? 0), [0, 7, 7, 3, 3, 0]);
  });

  it('prefix=1 without framing=length is a parse error with the option named', () => {
    const parsed = parseWire(['### wrong', 'open tcp://127.0.0.1:9?framing=line&prefix=1'].join('\n'), { file: 'wrong.wire' });
    assert.equal(parsed.ok, false);
    assert.deepEqual(parsed.errors.map((error) => error.message), ["wrong.wire:2:6: invalid spec: option 'prefix' belongs to framing=length, not to framing=line"]);
  });
});

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { baseDirectoryOf, parseWire, runWire, serveWire, type FileResult } from '../../src/wire';
import { killPeers, REPOSITORY, startPython, temporaryDirectory, waitUntil } from './helpers';

const EXAMPLES = path.join(REPOSITORY, 'examples');

async function runExample(name: string, variables: Record<string, string>): Promise<FileResult> {
  const file = path.join(EXAMPLES, name);
  const parsed = parseWire(fs.readFileSync(file, 'utf8'), { file: name });
  assert.ok(parsed.ok, parsed.ok ? '' : parsed.errors.map((error) => error.message).join('\n'));
  return runWire(parsed.file, { variables, baseDirectory: baseDirectoryOf(file) });
}

function assertPassed(result: FileResult, sections: number): void {
  const ran = result.sections.filter((section) => section.outcome !== 'skipped');
  assert.equal(ran.length, sections, `${result.file}: ${sections} sections run`);
  for (const section of ran) {
    assert.equal(section.outcome, 'passed', `${result.file} > ${section.name}: ${section.message ?? ''}`);
  }
}

describe('examples/*.wire against peers the tests start', function () {
  this.timeout(30_000);
  afterEach(() => killPeers());

  it('ships the six examples the issue asks for and the TLS one, and each one parses', () => {
    const names = fs.readdirSync(EXAMPLES).filter((name) => name.endsWith('.wire')).sort();
    assert.deepEqual(names, ['echo.wire', 'http.wire', 'line-protocol.wire', 'mock-smtp.wire', 'tls.wire', 'udp.wire', 'unix.wire']);
  });

  it('echo.wire against a python3 echo server', async () => {
    assertPassed(await runExample('echo.wire', { port: await startPython('echo').ready }), 2);
  });

  it('tls.wire: its own tls-listen server and a tls:// client', async () => {
    assertPassed(await runExample('tls.wire', {}), 1);
  });

  it('line-protocol.wire against a python3 line server', async () => {
    assertPassed(await runExample('line-protocol.wire', { port: await startPython('line').ready }), 1);
  });

  it('http.wire against a python3 http.server', async () => {
    const result = await runExample('http.wire', { port: await startPython('http').ready });
    assertPassed(result, 1);
  });

  it('udp.wire against a python3 UDP server', async () => {
    assertPassed(await runExample('udp.wire', { port: await startPython('udp-pong').ready }), 1);
  });

  it('unix.wire against a python3 echo server on a UNIX path', async () => {
    const directory = temporaryDirectory('sw-wire-example-');
    try {
      const socketPath = path.join(directory, 'echo.sock');
      await startPython('echo', { path: socketPath }).ready;
      assertPassed(await runExample('unix.wire', { path: socketPath }), 1);
    } finally {
      fs.rmSync(directory, { recursive: true, force: true });
    }
  });

  it('mock-smtp.wire: its self-test section runs, and its mock server serves python3 clients', async () => {
    const result = await runExample('mock-smtp.wire', {});
    assertPassed(result, 1);
    assert.equal(result.sections[0].outcome, 'skipped');
    const parsed = parseWire(fs.readFileSync(path.join(EXAMPLES, 'mock-smtp.wire'), 'utf8'), { file: 'mock-smtp.wire' });
    assert.ok(parsed.ok);
    const stop = new AbortController();
    let address = '';
    const served = serveWire(parsed.file, 'SMTP-like greeting', { variables: { port: '0' }, signal: stop.signal, onEvent: (event) => { if (event.type === 'listening') address = event.address; } });
    try {
      await waitUntil('the mock to listen', () => address !== '');
      const replies = (await startPython('smtp-clients', { port: Number(address.split(':')[1]), clients: 5 }).result).replies as string[][];
      assert.deepEqual(replies.map((reply) => reply.slice(0, 2)), [0, 1, 2, 3, 4].map((index) => ['220 ready\r\n', `250 hello client${index}\r\n`]));
    } finally {
      stop.abort();
    }
    assert.equal((await served).outcome, 'passed');
  });
});

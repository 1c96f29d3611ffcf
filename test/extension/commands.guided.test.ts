/**
 * The guided input's step logic, called directly: the same checks and suggestions the QuickInput
 * shows as the user types (the UI itself is covered by test/e2e/commands.scenario.mjs).
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { AllInterfacesGuard } from '../../src/guard';
import { checkGroup, checkInterface } from '../../src/commands/multicast';
import { formatBytes } from '../../src/socketText';
import { MAX_RECENT, RecentAddresses } from '../../src/commands/recent';
import {
  buildGuidedSpec,
  checkHost,
  checkPort,
  checkSpecText,
  checkUnixPathInput,
  hostSuggestions,
  optionChoices,
  resolveUnixPath,
} from '../../src/commands/steps';
import { bindsAllInterfaces, parseSpec } from '../../src/engine/spec';
import { activate, waitFor } from './commandsHelpers';

describe('guided input: step logic', () => {
  it('host step: loopback, IPv6 with or without brackets, host:port, all interfaces', () => {
    assert.deepEqual(checkHost('127.0.0.1', 'tcp-server'), { ok: true, value: { host: '127.0.0.1', port: undefined }, hint: 'IPv4 loopback address: this machine only.' });
    assert.deepEqual(checkHost('::1', 'tcp-client').value, { host: '::1', port: undefined });
    assert.deepEqual(checkHost('[::1]', 'tcp-client').value, { host: '::1', port: undefined });
    assert.deepEqual(checkHost('[::1]:8080', 'tcp-client').value, { host: '::1', port: '8080' });
    assert.deepEqual(checkHost('localhost:http', 'tcp-client'), { ok: true, value: { host: 'localhost', port: 'http' }, hint: 'Host name, resolved when the socket opens.' });
    assert.deepEqual(checkHost('', 'tcp-server'), { ok: true, value: { host: '', port: undefined }, hint: 'All interfaces (0.0.0.0): the socket is reachable from other machines.' });
    assert.equal(checkHost('2130706433', 'udp-listen').hint, 'Integer host 2130706433 = 127.0.0.1.');
  });

  it('host step: the engine parser names the bad part', () => {
    assert.deepEqual(checkHost('', 'tcp-client'), { ok: false, message: "A client needs the server's host, for example 127.0.0.1 or localhost." });
    assert.equal(
      checkHost('256.1.1.1', 'tcp-server').message,
      "Host '256.1.1.1' is not a valid IPv4 address: write four numbers 0–255 without leading zeros, like 127.0.0.1.",
    );
    assert.equal(checkHost('<broadcast>', 'tcp-client').message, "'<broadcast>' needs UDP: TCP cannot broadcast.");
    assert.equal(checkHost('<broadcast>', 'udp-peer').hint, 'Broadcast to 255.255.255.255; SO_BROADCAST is turned on.');
    assert.equal(checkHost('[::1', 'tcp-client').message, "Host '[::1' is missing its closing ']': write an IPv6 address as [::1].");
  });

  it('port step: numbers, 0 for listeners only, service names resolved and shown', () => {
    assert.deepEqual(checkPort('70000', 'tcp-server'), { ok: false, message: 'Port 70000 is out of range 0–65535.' });
    assert.deepEqual(checkPort('0', 'tcp-server'), { ok: true, value: 0, hint: 'Port 0: the system picks a free (ephemeral) port; it is shown once the socket is open.' });
    assert.deepEqual(checkPort('0', 'tcp-client'), { ok: false, message: "Port 0 means any free port, which only a listener can use: give the server's port." });
    assert.deepEqual(checkPort('http', 'tcp-client'), { ok: true, value: 80, hint: "Service 'http' is port 80/tcp." });
    assert.deepEqual(checkPort('echo', 'udp-peer'), { ok: true, value: 7, hint: "Service 'echo' is port 7/udp." });
    assert.deepEqual(checkPort('8080', 'tcp-client'), { ok: true, value: 8080, hint: checkPort('8080', 'tcp-client').hint });
    assert.deepEqual(checkPort('80', 'tcp-server'), { ok: true, value: 80, hint: 'Port 80 (http/tcp).', warning: 'Ports below 1024 need privileges to bind (EACCES otherwise).' });
    assert.equal(checkPort('80', 'tcp-client').warning, undefined);
    assert.equal(checkPort('nosuchservice', 'tcp-client').message, "No TCP service is named 'nosuchservice' in the services database.");
    assert.equal(checkPort('8.5', 'tcp-client').message, "Port '8.5' is neither a number 0–65535 nor a service name.");
  });

  it('suggestions: the default host first, then recent addresses, then the standard ones for the kind', () => {
    const recent = ['tcp-listen://[::1]:9000', 'tcp-listen://127.0.0.1:8080', 'not a spec'];
    assert.deepEqual(
      hostSuggestions('tcp-server', '127.0.0.1', recent).map((item) => [item.label, item.host, item.port, item.recent]),
      [
        ['127.0.0.1', '127.0.0.1', undefined, false],
        ['[::1]:9000', '::1', '9000', true],
        ['127.0.0.1:8080', '127.0.0.1', '8080', true],
        ['::1', '::1', undefined, false],
        ['All interfaces', '', undefined, false],
      ],
    );
    assert.deepEqual(
      hostSuggestions('udp-peer', '::1', []).map((item) => item.host),
      ['::1', '127.0.0.1', 'localhost', '<broadcast>'],
    );
    assert.equal(hostSuggestions('tcp-client', '127.0.0.1', [])[0].description, 'IPv4 loopback: this machine only · default host setting');
    // A default host the kind cannot use (all interfaces for a client) is not offered first.
    assert.deepEqual(hostSuggestions('tcp-client', '', []).map((item) => item.host), ['127.0.0.1', '::1', 'localhost']);
  });

  it('UNIX path step: relative to the workspace folder, ~, @abstract, and the length limit', () => {
    assert.equal(resolveUnixPath('app.sock', '/work/project'), '/work/project/app.sock');
    assert.equal(resolveUnixPath('  run/app.sock ', '/work/project'), '/work/project/run/app.sock');
    assert.equal(resolveUnixPath('/tmp/a.sock', '/work/project'), '/tmp/a.sock');
    assert.equal(resolveUnixPath('@name', '/work/project'), '@name');
    assert.deepEqual(checkUnixPathInput('app.sock', '/work/project'), { ok: true, value: '/work/project/app.sock', hint: 'Resolves to /work/project/app.sock.' });
    assert.deepEqual(checkUnixPathInput('/tmp/a.sock', undefined), { ok: true, value: '/tmp/a.sock', hint: 'Socket file /tmp/a.sock.' });
    const long = `/tmp/${'x'.repeat(120)}.sock`;
    assert.equal(checkUnixPathInput(long, undefined).message, `UNIX socket path '${long}' is 130 bytes long; at most 107 bytes fit in sun_path: use a shorter path.`);
    if (process.platform === 'linux') {
      assert.equal(checkUnixPathInput('@workbench', undefined).hint, 'Abstract socket name (Linux): no file is created.');
    }
    assert.equal(path.isAbsolute(resolveUnixPath('x.sock', undefined)), true);
  });

  it('builds the canonical spec from the answers and reports combinations that do not fit', () => {
    assert.deepEqual(buildGuidedSpec('tcp-server', { host: '::1', port: '0', options: { ipv6Only: true } }).value?.text, 'tcp-listen://[::1]:0?ipv6Only=1');
    assert.equal(buildGuidedSpec('udp-peer', { host: '<broadcast>', port: 'echo' }).value?.text, 'udp://<broadcast>:echo');
    assert.equal(buildGuidedSpec('unix-client', { path: '/tmp/a.sock', options: { allowHalfOpen: true } }).value?.text, 'unix:///tmp/a.sock?allowHalfOpen=1');
    assert.equal(
      buildGuidedSpec('tcp-server', { host: '127.0.0.1', port: '0', options: { ipv6Only: true } }).message,
      "Option 'ipv6Only' needs an IPv6 host, but '127.0.0.1' is IPv4.",
    );
    assert.deepEqual(optionChoices('tcp-client').map((choice) => choice.name), ['noDelay', 'keepAlive', 'allowHalfOpen']);
    assert.deepEqual(optionChoices('unix-server').map((choice) => choice.name), ['removeStale', 'allowHalfOpen']);
  });

  it('Open Socket from Address: validation as typed and the canonical form', () => {
    assert.deepEqual(checkSpecText(''), { ok: false });
    assert.equal(checkSpecText('tcp://127.0.0.1:70000').message, 'Port 70000 is out of range 0–65535.');
    assert.equal(checkSpecText('tcp:/127.0.0.1:80').message, "'tcp:/127.0.0.1:80' needs '://' after the scheme: write tcp:///127.0.0.1:80.");
    assert.equal(checkSpecText('unix-dgram:///tmp/a').message, 'UNIX datagram sockets cannot be created by Node.js; use unix:// for a stream socket or udp:// for datagrams.');
    const ok = checkSpecText(' TCP-LISTEN://127.0.0.1:8080?NODELAY=yes ');
    assert.equal(ok.value?.text, 'tcp-listen://127.0.0.1:8080?noDelay=1');
    assert.equal(ok.hint, 'TCP server: tcp-listen://127.0.0.1:8080?noDelay=1');
    assert.equal(ok.warning, undefined);
    assert.deepEqual(checkSpecText('udp-listen://:5353'), {
      ok: true,
      value: { spec: parseSpec('udp-listen://:5353'), text: 'udp-listen://:5353' },
      hint: 'UDP socket, bound: udp-listen://:5353',
      warning: 'Binds all interfaces: reachable from the network.',
    });
  });

  it('all interfaces, in every spelling, asks for confirmation; loopback and clients do not', () => {
    const spellings = ['tcp-listen://:80', 'tcp-listen://0.0.0.0:80', 'tcp-listen://[::]:80', 'tcp-listen://0:80', 'udp-listen://[0:0::0]:53', 'tcp6-listen://:80'];
    spellings.push('tcp-listen://[::ffff:0.0.0.0]:80', 'tcp-listen://[0:0:0:0:0:0:0:0]:80', 'udp-listen://[::0]:53', 'tcp-listen://[::ffff:0:0]:80');
    for (const text of spellings) {
      assert.equal(bindsAllInterfaces(parseSpec(text)), true, text);
    }
    for (const text of ['tcp-listen://127.0.0.1:80', 'tcp-listen://[::1]:80', 'tcp-listen://[::ffff:127.0.0.1]:80', 'tcp://0.0.0.0:80', 'udp://0.0.0.0:53', 'unix-listen:///tmp/a', 'tcp-listen://localhost:80']) {
      assert.equal(bindsAllInterfaces(parseSpec(text)), false, text);
    }
  });

  it('multicast group and interface checks', () => {
    assert.equal(checkGroup('239.1.2.3', 4), undefined);
    assert.equal(checkGroup('ff02::1', 6), undefined);
    assert.equal(checkGroup('239.1.2.3', 6), "'239.1.2.3' is IPv4, but the socket is IPv6.");
    assert.equal(checkInterface('', 4), undefined);
    assert.equal(checkInterface('127.0.0.1', 4), undefined);
    assert.equal(checkInterface('eth0', 4), 'The interface is given by its IP address, like 192.168.1.2 or ::%eth0.');
  });

  it('recent addresses: most recent first, no duplicates, bounded, per kind, in globalState', async () => {
    const api = await activate();
    const recent = new RecentAddresses(api.testing.services.context.globalState);
    await recent.clear('tcp-client');
    for (let port = 1; port <= MAX_RECENT + 2; port++) {
      await recent.add('tcp-client', `tcp://127.0.0.1:${port}`);
    }
    await recent.add('tcp-client', 'tcp://127.0.0.1:5');
    const list = recent.list('tcp-client');
    assert.equal(list.length, MAX_RECENT);
    assert.deepEqual(list.slice(0, 3), ['tcp://127.0.0.1:5', 'tcp://127.0.0.1:12', 'tcp://127.0.0.1:11']);
    assert.equal(list.filter((item) => item === 'tcp://127.0.0.1:5').length, 1);
    assert.ok(!list.includes('tcp://127.0.0.1:2'));
    assert.equal(recent.list('unix-client').includes('tcp://127.0.0.1:5'), false);
    await recent.clear('tcp-client');
  });

  it('the all-interfaces guard: no question for a socket confirmed before, or with the user setting off', async () => {
    const api = await activate();
    const guard = new AllInterfacesGuard(api.testing.services);
    const request = { id: 's-new', spec: 'udp-listen://[::]:0', address: '::', port: 0 };
    const shown = api.testing.services.recorder.shownMessages;
    // The test workbench skips modal dialogs: an unanswered question declines.
    let before = shown.length;
    assert.equal(await guard.confirm(request), false);
    assert.deepEqual(shown.slice(before), ['Listen on all network interfaces?']);
    const configuration = vscode.workspace.getConfiguration('socketWorkbench');
    await configuration.update('confirmAllInterfaces', false, vscode.ConfigurationTarget.Global);
    try {
      await waitFor('the setting', () => (api.testing.services.settings().confirmAllInterfaces ? undefined : true));
      before = shown.length;
      assert.equal(await guard.confirm(request), true);
      assert.equal(shown.length, before, 'no question with the setting off');
    } finally {
      await configuration.update('confirmAllInterfaces', undefined, vscode.ConfigurationTarget.Global);
    }
    await waitFor('the setting back on', () => (api.testing.services.settings().confirmAllInterfaces ? true : undefined));
    before = shown.length;
    assert.equal(await guard.unattendedFor(['s-new'], () => guard.confirm(request)), false);
    assert.equal(shown.length, before, 'a socket reopened at start-up is declined without a question');
  });

  it('::ffff:0.0.0.0 and the other spellings of all interfaces are labelled as such, also as the default host', () => {
    const mapped = hostSuggestions('tcp-server', '::ffff:0.0.0.0', [])[0];
    assert.deepEqual([mapped.label, mapped.allInterfaces, mapped.description], ['::ffff:0.0.0.0', true, '::ffff:0.0.0.0 = all interfaces: reachable from the network · default host setting']);
    assert.equal(hostSuggestions('tcp-server', '127.0.0.1', []).find((item) => item.host === '')?.allInterfaces, true);
    assert.equal(hostSuggestions('tcp-server', '127.0.0.1', [])[0].allInterfaces, false);
    for (const [text, address] of [['::ffff:0.0.0.0', '::ffff:0.0.0.0'], ['[::]', '::'], ['0:0:0:0:0:0:0:0', '0:0:0:0:0:0:0:0'], ['::0', '::0'], ['0.0.0.0', '0.0.0.0'], ['0', '0.0.0.0']]) {
      assert.equal(checkHost(text, 'tcp-server').hint, `All interfaces (${address}): the socket is reachable from other machines.`, text);
    }
    assert.equal(checkHost('::ffff:127.0.0.1', 'tcp-server').hint, 'IPv6 address.');
    assert.equal(checkSpecText('tcp-listen://[::ffff:0.0.0.0]:0').warning, 'Binds all interfaces: reachable from the network.');
  });

  it('sizes in progress messages', () => {
    assert.deepEqual([0, 512, 1536, 32 * 1024 * 1024, 5 * 1024 ** 3].map(formatBytes), ['0 B', '512 B', '1.5 KB', '32 MB', '5 GB']);
  });
});

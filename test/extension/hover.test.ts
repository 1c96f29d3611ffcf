/**
 * Hover documentation in the real editor (English pass): VS Code asks every hover provider through
 * vscode.executeHoverProvider, and exactly our entry comes back for each socket constant, over the
 * token's exact range, and nothing of ours for look-alikes (other libraries' constants, comments,
 * plain strings). Python, C, Go, Rust and TypeScript documents; the '' host's command link opens a
 * real client to a real loopback listener.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { SocketInfo } from '../../src/engine';
import type { ActivatedApi } from '../../src/extension';
import { CONSTANTS_BY_NAME } from '../../src/hover/data/index';
import { ENGLISH_LABELS, hoverLabels } from '../../src/hover/labels';
import { renderHover } from '../../src/hover/render';
import { analyzePythonImports, findConstantAt } from '../../src/hover/scanner';
import { activate, nodeServer, removeAll, waitFor } from './commandsHelpers';
import { expectHover, locate, middle, openDocument, ourHovers } from './hoverHelpers';
import type { Expectation } from './hoverHelpers';

interface Case extends Expectation {
  /** The exact first line of our hover: name, Linux value, group. */
  readonly title?: string;
}

async function check(document: vscode.TextDocument, cases: readonly Case[]): Promise<void> {
  for (const testCase of cases) {
    const hover = await expectHover(document, testCase);
    if (testCase.title !== undefined) {
      assert.equal(hover?.value.split('\n')[0], testCase.title, `${testCase.at}: title`);
    }
  }
}

const PYTHON = [
  'import os',
  'import socket',
  'from socket import *',
  'from socket import AddressFamily',
  '',
  'family = socket.AF_INET',
  'bare = AF_INET',
  'kind = socket.SocketKind.SOCK_STREAM',
  'v6 = AddressFamily.AF_INET6',
  's = socket.socket(family, kind)',
  's.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)',
  's.bind((\'\', 8080))',
  'u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)',
  'u.sendto(data, (\'<broadcast>\', 37020))',
  'flags = os.O_NONBLOCK',
  'x = \'\'',
  'MY_SO_REUSEADDR = 1',
  '# socket.AF_INET in a comment',
];

const BIND_LINK = 'command:socketWorkbench.open?%5B%22tcp%3A%2F%2F127.0.0.1%3A8080%22%5D';

describe('hover: socket constants in the real editor', function () {
  // The first hover in a TypeScript document waits for the TypeScript server to start.
  this.timeout(90_000);
  let api: ActivatedApi;

  before(async () => {
    api = await activate();
  });

  it('uses the English labels (vscode.l10n passes the keys through)', () => {
    assert.deepEqual(hoverLabels(vscode.l10n), ENGLISH_LABELS);
  });

  describe('Python', () => {
    let document: vscode.TextDocument;

    before(async () => {
      document = await openDocument('python', PYTHON);
    });

    it('qualified, star-imported and enum-member names', async () => {
      await check(document, [
        { at: 'AF_INET', expect: 'AF_INET', title: '**`AF_INET`** = `2` · address family  ' },
        { at: 'AF_INET', occurrence: 1, expect: 'AF_INET' },
        { at: 'SOCK_STREAM', expect: 'SOCK_STREAM', title: '**`SOCK_STREAM`** = `1` · socket type  ' },
        { at: 'SocketKind', expect: undefined },
        { at: 'AF_INET6', expect: 'AF_INET6', title: '**`AF_INET6`** = `10` · address family  ' },
      ]);
    });

    it('each argument of setsockopt() has its own hover, and the module and method have none', async () => {
      await check(document, [
        { at: 'SOL_SOCKET', expect: 'SOL_SOCKET', title: '**`SOL_SOCKET`** = `1` · option level  ' },
        { at: 'SO_REUSEADDR', expect: 'SO_REUSEADDR', title: '**`SO_REUSEADDR`** = `2` · socket option  ' },
        { at: 'setsockopt', expect: undefined },
        { at: 'socket.SOL', expect: undefined },
      ]);
    });

    it('the bind host \'\' is INADDR_ANY with a trusted link to open a TCP client to its port', async () => {
      const hover = await expectHover(document, { at: '\'\'', expect: 'INADDR_ANY' });
      assert.ok(hover !== undefined);
      assert.equal(hover.value.split('\n')[0], '**`INADDR_ANY`** = `0.0.0.0 (0x00000000)` · address  ');
      // Third paragraph, right after the explanation of '', so it shows without scrolling.
      assert.equal(hover.value.split('\n\n')[2], `$(plug) [Open a client to this port in Socket Workbench](${BIND_LINK})`);
      assert.deepEqual(JSON.parse(decodeURIComponent(BIND_LINK.split('?')[1])), ['tcp://127.0.0.1:8080']);
      assert.deepEqual(hover.isTrusted, { enabledCommands: ['socketWorkbench.open'] });
      assert.equal(hover.supportThemeIcons, true, 'the $(plug) icon renders');
    });

    it('the sendto host \'<broadcast>\' is INADDR_BROADCAST with a UDP link', async () => {
      const hover = await expectHover(document, { at: '\'<broadcast>\'', expect: 'INADDR_BROADCAST' });
      assert.ok(hover !== undefined);
      assert.equal(hover.value.split('\n')[0], '**`INADDR_BROADCAST`** = `255.255.255.255 (0xffffffff)` · address  ');
      assert.equal(hover.value.split('\n\n')[2],
        '$(plug) [Open a client to this port in Socket Workbench](command:socketWorkbench.open?%5B%22udp%3A%2F%2F127.0.0.1%3A37020%22%5D)');
    });

    it('no link, so no trust, on hovers without a port', async () => {
      const hover = await expectHover(document, { at: 'SO_REUSEADDR', expect: 'SO_REUSEADDR' });
      assert.ok(hover !== undefined && !hover.value.includes('command:'));
      assert.ok(hover.isTrusted === undefined || hover.isTrusted === false, JSON.stringify(hover.isTrusted));
      assert.equal(hover.supportThemeIcons, false);
    });

    it('nothing for look-alikes: os.O_NONBLOCK, a plain \'\', MY_SO_REUSEADDR, comments', async () => {
      await check(document, [
        { at: 'O_NONBLOCK', expect: undefined },
        { at: '\'\'', occurrence: 1, expect: undefined },
        { at: 'MY_SO_REUSEADDR', expect: undefined },
        { at: 'AF_INET', occurrence: 4, expect: undefined },
      ]);
    });

    it('shows the document\'s Markdown exactly as the pure renderer writes it', async () => {
      const range = locate(document, 'SO_REUSEADDR');
      const [hover] = await ourHovers(document, middle(range));
      const line = document.lineAt(range.start.line).text;
      const match = findConstantAt(line, range.start.character + 1, 'python', { pythonImports: analyzePythonImports(document.getText()) });
      const entry = CONSTANTS_BY_NAME.get('SO_REUSEADDR');
      assert.ok(match !== undefined && entry !== undefined);
      assert.equal(hover.value, renderHover(match, entry, { language: 'en', documentLanguageId: 'python', labels: ENGLISH_LABELS }).markdown);
    });

    it('foo.AF_INET and a bare AF_INET mean nothing without the import, until the document imports socket', async () => {
      const plain = await openDocument('python', ['f = foo.AF_INET', 'g = AF_INET']);
      await check(plain, [{ at: 'AF_INET', expect: undefined }, { at: 'AF_INET', occurrence: 1, expect: undefined }]);
      // A new document version re-reads the imports: the cached ones must not stick.
      const edit = new vscode.WorkspaceEdit();
      edit.insert(plain.uri, new vscode.Position(0, 0), 'from socket import *\n');
      assert.ok(await vscode.workspace.applyEdit(edit));
      await check(plain, [{ at: 'AF_INET', expect: undefined }, { at: 'AF_INET', occurrence: 1, expect: 'AF_INET' }]);
    });

    it('works in a file of the workspace folder too', async () => {
      const folder = vscode.workspace.workspaceFolders?.[0];
      assert.ok(folder !== undefined);
      const file = path.join(folder.uri.fsPath, 'hover_probe.py');
      fs.writeFileSync(file, 'import socket\ns = socket.socket(socket.AF_UNIX, socket.SOCK_SEQPACKET)\n');
      const saved = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
      assert.equal(saved.languageId, 'python');
      await check(saved, [
        { at: 'AF_UNIX', expect: 'AF_UNIX', title: '**`AF_UNIX`** = `1` · address family  ' },
        { at: 'SOCK_SEQPACKET', expect: 'SOCK_SEQPACKET' },
      ]);
    });
  });

  it('C: type flags, protocol families, protocols, message flags and errno; not comments or other names', async () => {
    const document = await openDocument('c', [
      '#include <sys/socket.h>',
      'int fd = socket(PF_UNIX, SOCK_DGRAM | SOCK_NONBLOCK, 0);',
      'int tcp = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);',
      'ssize_t n = recv(fd, buffer, sizeof buffer, MSG_PEEK);',
      'if (connect(fd, address, length) == -1 && errno == ECONNREFUSED) { return 1; }',
      '// AF_INET in a comment',
      '#define MY_SO_REUSEADDR 1',
    ]);
    await check(document, [
      { at: 'PF_UNIX', expect: 'PF_UNIX', title: '**`PF_UNIX`** = `1` · protocol family  ' },
      { at: 'SOCK_DGRAM', expect: 'SOCK_DGRAM', title: '**`SOCK_DGRAM`** = `2` · socket type  ' },
      { at: 'SOCK_NONBLOCK', expect: 'SOCK_NONBLOCK', title: '**`SOCK_NONBLOCK`** = `2048 (0x800)` · socket type  ' },
      { at: 'IPPROTO_TCP', expect: 'IPPROTO_TCP', title: '**`IPPROTO_TCP`** = `6` · protocol number  ' },
      { at: 'MSG_PEEK', expect: 'MSG_PEEK', title: '**`MSG_PEEK`** = `2` · message flag  ' },
      { at: 'ECONNREFUSED', expect: 'ECONNREFUSED', title: '**`ECONNREFUSED`** = `111` · errno value  ' },
      { at: 'AF_INET', occurrence: 1, expect: undefined },
      { at: 'MY_SO_REUSEADDR', expect: undefined },
      { at: 'socket', occurrence: 1, expect: undefined },
      { at: 'errno', expect: undefined },
    ]);
    const [hover] = await ourHovers(document, middle(locate(document, 'MSG_PEEK')));
    assert.ok(hover.value.includes('```c\nssize_t received = recv(fd, buffer, sizeof buffer, MSG_PEEK);\n```'), 'a C example');
  });

  it('Go: syscall and x/sys/unix constants, network names in net calls only', async () => {
    const document = await openDocument('go', [
      'package main',
      '',
      'func main() {',
      '\tfd, _ := syscall.Socket(syscall.AF_INET, syscall.SOCK_STREAM, 0)',
      '\t_ = unix.SetsockoptInt(fd, unix.SOL_SOCKET, unix.SO_REUSEPORT, 1)',
      '\tconn, err := net.Dial("tcp4", "127.0.0.1:8080")',
      '\tpc, err := net.ListenPacket("unixgram", "/tmp/probe.sock")',
      '\tfmt.Println("tcp4", foo.AF_INET)',
      '}',
    ]);
    await check(document, [
      { at: 'AF_INET', expect: 'AF_INET', title: '**`AF_INET`** = `2` · address family  ' },
      { at: 'SO_REUSEPORT', expect: 'SO_REUSEPORT', title: '**`SO_REUSEPORT`** = `15` · socket option  ' },
      { at: '"tcp4"', expect: '"tcp4"', title: '**`"tcp4"`** · Go network  ' },
      { at: '"unixgram"', expect: '"unixgram"', title: '**`"unixgram"`** · Go network  ' },
      { at: '"tcp4"', occurrence: 1, expect: undefined },
      { at: 'AF_INET', occurrence: 1, expect: undefined },
      { at: 'Dial', expect: undefined },
    ]);
  });

  it('Rust: libc:: constants only', async () => {
    const document = await openDocument('rust', [
      'fn main() {',
      '    let fd = unsafe { libc::socket(libc::AF_INET, libc::SOCK_STREAM, 0) };',
      '    let rc = unsafe { libc::setsockopt(fd, libc::SOL_SOCKET, libc::SO_REUSEADDR, ptr, len) };',
      '    let x = AF_INET; // libc::AF_INET',
      '}',
    ]);
    await check(document, [
      { at: 'AF_INET', expect: 'AF_INET', title: '**`AF_INET`** = `2` · address family  ' },
      { at: 'SOL_SOCKET', expect: 'SOL_SOCKET', title: '**`SOL_SOCKET`** = `1` · option level  ' },
      { at: 'AF_INET', occurrence: 1, expect: undefined },
      { at: 'AF_INET', occurrence: 2, expect: undefined },
      { at: 'libc', expect: undefined },
    ]);
  });

  it('TypeScript: Node.js APIs that set socket options, next to the TypeScript server\'s own hovers', async () => {
    const document = await openDocument('typescript', [
      'import * as dgram from \'node:dgram\';',
      'import * as net from \'node:net\';',
      'const socket = net.connect(8080, \'127.0.0.1\');',
      'socket.setNoDelay(true);',
      'const udp = dgram.createSocket({ type: \'udp4\', reuseAddr: true });',
      'udp.addMembership(\'239.1.2.3\');',
      'udp.setTTL(64);',
      'const options = { reuseAddr: true };',
      'const AF_INET = 2;',
    ]);
    await check(document, [
      { at: 'setNoDelay', expect: 'TCP_NODELAY', title: '**`TCP_NODELAY`** = `1` · TCP option  ' },
      { at: 'reuseAddr', expect: 'SO_REUSEADDR', title: '**`SO_REUSEADDR`** = `2` · socket option  ' },
      { at: 'addMembership', expect: 'IP_ADD_MEMBERSHIP', title: '**`IP_ADD_MEMBERSHIP`** = `35` · IPv4 option  ' },
      { at: 'setTTL', expect: 'IP_TTL', title: '**`IP_TTL`** = `2` · IPv4 option  ' },
      { at: 'reuseAddr', occurrence: 1, expect: undefined },
      { at: 'AF_INET', expect: undefined },
      { at: 'createSocket', expect: undefined },
    ]);
  });

  it('the link\'s command opens a client to a real listener', async () => {
    const server = await nodeServer();
    const opened: string[] = [];
    try {
      const info = await vscode.commands.executeCommand<SocketInfo | undefined>('socketWorkbench.open', `tcp://127.0.0.1:${server.port}`);
      assert.ok(info !== undefined, 'socketWorkbench.open returned nothing');
      opened.push(info.id);
      assert.equal(info.kind, 'tcp-client');
      assert.equal(info.remote?.port, server.port);
      await waitFor('the listener to accept the client', () => (server.sockets.length === 1 ? true : undefined));
    } finally {
      await removeAll(api, opened);
      await server.close();
    }
  });
});

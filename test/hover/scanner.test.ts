// Where hovers appear and, just as important, where they do not.
import { strict as assert } from 'node:assert';
import { analyzePythonImports, findConstantAt } from '../../src/hover/scanner';
import type { PythonImports, ScanContext, ScanResult } from '../../src/hover/scanner';

interface Case {
  readonly language: string;
  readonly line: string;
  /** The text to hover: the cursor goes into its middle. */
  readonly at: string;
  /** Which occurrence of `at` (default 0). */
  readonly occurrence?: number;
  /** Expected entry name, or undefined for "no hover". */
  readonly expect: string | undefined;
  readonly kind?: ScanResult['kind'];
  /** Python: the document's import lines. */
  readonly imports?: string;
  /** Lines above the hovered one. */
  readonly above?: readonly string[];
}

function indexOfOccurrence(line: string, text: string, occurrence: number): number {
  let index = -1;
  for (let count = 0; count <= occurrence; count++) {
    index = line.indexOf(text, index + 1);
    assert.notEqual(index, -1, `"${text}" #${occurrence} not in ${line}`);
  }
  return index;
}

function run(testCase: Case): { result: ScanResult | undefined; start: number } {
  const start = indexOfOccurrence(testCase.line, testCase.at, testCase.occurrence ?? 0);
  const cursor = start + Math.floor(testCase.at.length / 2);
  const above = testCase.above ?? [];
  const lines = [...above, testCase.line];
  const pythonImports: PythonImports | undefined = testCase.imports === undefined ? undefined : analyzePythonImports(testCase.imports);
  const context: ScanContext = { pythonImports, line: above.length, lineAt: (index) => lines[index] };
  return { result: findConstantAt(testCase.line, cursor, testCase.language, context), start };
}

const STAR = 'import socket\nfrom socket import *\n';

const HOVERS: readonly Case[] = [
  // Python
  { language: 'python', line: 's = socket.socket(socket.AF_INET, socket.SOCK_STREAM)', at: 'AF_INET', expect: 'AF_INET', kind: 'qualified' },
  { language: 'python', line: 's = socket.socket(socket.AF_INET, socket.SOCK_STREAM)', at: 'SOCK_STREAM', expect: 'SOCK_STREAM' },
  { language: 'python', line: 's = socket.socket(AF_INET, SOCK_DGRAM)', at: 'AF_INET', expect: 'AF_INET', kind: 'identifier', imports: STAR },
  { language: 'python', line: 's = socket.socket(AF_INET, SOCK_DGRAM)', at: 'SOCK_DGRAM', expect: 'SOCK_DGRAM', imports: 'from socket import AF_INET, SOCK_DGRAM' },
  { language: 'python', line: 'family = FAMILY', at: 'FAMILY', occurrence: 0, expect: 'AF_INET6', imports: 'from socket import (\n    AF_INET6 as FAMILY,\n)' },
  { language: 'python', line: 'kind = socket.SocketKind.SOCK_STREAM', at: 'SOCK_STREAM', expect: 'SOCK_STREAM' },
  { language: 'python', line: 'if family == AddressFamily.AF_INET6:', at: 'AF_INET6', expect: 'AF_INET6' },
  { language: 'python', line: 'family = socket.AddressFamily.AF_INET', at: 'AF_INET', expect: 'AF_INET' },
  { language: 'python', line: 's.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)', at: 'SOL_SOCKET', expect: 'SOL_SOCKET' },
  { language: 'python', line: 's.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)', at: 'SO_REUSEADDR', expect: 'SO_REUSEADDR' },
  { language: 'python', line: 's.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, True)', at: 'TCP_NODELAY', expect: 'TCP_NODELAY' },
  { language: 'python', line: 'data = s.recv(1024, socket.MSG_PEEK)', at: 'MSG_PEEK', expect: 'MSG_PEEK' },
  { language: 'python', line: 'sock.bind(("", 9))', at: '""', expect: 'INADDR_ANY', kind: 'python-host' },
  { language: 'python', line: 'if e.errno == errno.ECONNREFUSED:', at: 'ECONNREFUSED', expect: 'ECONNREFUSED' },
  { language: 'python', line: 'x = sk.AF_UNIX', at: 'AF_UNIX', expect: 'AF_UNIX', imports: 'import socket as sk' },
  { language: 'python', line: 'socket.getaddrinfo(host, 80, flags=socket.AI_PASSIVE)', at: 'AI_PASSIVE', expect: 'AI_PASSIVE' },
  { language: 'python', line: 'except socket.gaierror as e: e.errno == socket.EAI_NONAME', at: 'EAI_NONAME', expect: 'EAI_NONAME' },
  { language: 'python', line: 's.bind((\'\', 8080))', at: '\'\'', expect: 'INADDR_ANY', kind: 'python-host' },
  { language: 'python', line: 's.connect((\'\', 80))', at: '\'\'', expect: 'INADDR_ANY', kind: 'python-host' },
  { language: 'python', line: 's.sendto(data, (\'<broadcast>\', 37020))', at: '<broadcast>', expect: 'INADDR_BROADCAST', kind: 'python-host' },
  { language: 'python', line: 'srv = socket.create_server((\'\', 8000))', at: '\'\'', expect: 'INADDR_ANY' },
  { language: 'python', line: 'transport, p = await loop.create_datagram_endpoint(P, local_addr=(\'\', 9999))', at: '\'\'', expect: 'INADDR_ANY' },
  // C and C++
  { language: 'c', line: 'int fd = socket(AF_INET, SOCK_STREAM, 0);', at: 'AF_INET', expect: 'AF_INET', kind: 'identifier' },
  { language: 'c', line: 'int fd = socket(PF_UNIX, SOCK_STREAM, 0);', at: 'PF_UNIX', expect: 'PF_UNIX' },
  { language: 'c', line: 'int fd = socket(PF_X25, SOCK_SEQPACKET, 0);', at: 'PF_X25', expect: 'PF_X25' },
  { language: 'c', line: 'fd = socket(AF_INET6, SOCK_DGRAM | SOCK_NONBLOCK, IPPROTO_UDP);', at: 'SOCK_DGRAM', expect: 'SOCK_DGRAM' },
  { language: 'c', line: 'fd = socket(AF_INET6, SOCK_DGRAM | SOCK_NONBLOCK, IPPROTO_UDP);', at: 'SOCK_NONBLOCK', expect: 'SOCK_NONBLOCK' },
  { language: 'c', line: 'fd = socket(AF_INET6, SOCK_DGRAM | SOCK_NONBLOCK, IPPROTO_UDP);', at: 'IPPROTO_UDP', expect: 'IPPROTO_UDP' },
  { language: 'c', line: 'n = recv(fd, buf, sizeof buf, MSG_PEEK);', at: 'MSG_PEEK', expect: 'MSG_PEEK' },
  { language: 'cpp', line: 'if (errno == ECONNREFUSED) retry();', at: 'ECONNREFUSED', expect: 'ECONNREFUSED' },
  { language: 'cpp', line: 'if (::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one) < 0)', at: 'SO_REUSEADDR', expect: 'SO_REUSEADDR' },
  { language: 'c', line: 'if (WSAGetLastError() == WSAECONNREFUSED)', at: 'WSAECONNREFUSED', expect: 'ECONNREFUSED' },
  { language: 'c', line: 'shutdown(s, SD_SEND);', at: 'SD_SEND', expect: 'SHUT_WR' },
  { language: 'c', line: '#ifdef SO_REUSEPORT', at: 'SO_REUSEPORT', expect: 'SO_REUSEPORT' },
  { language: 'c', line: 'addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK); /* local only */', at: 'INADDR_LOOPBACK', expect: 'INADDR_LOOPBACK' },
  { language: 'c', line: 'listen(fd, SOMAXCONN);', at: 'SOMAXCONN', expect: 'SOMAXCONN' },
  { language: 'c', line: 'struct in6_addr any = IN6ADDR_ANY_INIT;', at: 'IN6ADDR_ANY_INIT', expect: 'IN6ADDR_ANY_INIT' },
  { language: 'c', line: 'if (c == \'\\\'\') family = AF_INET;', at: 'AF_INET', expect: 'AF_INET' },
  { language: 'c', line: '   old = AF_INET; */ type = SOCK_STREAM;', at: 'SOCK_STREAM', expect: 'SOCK_STREAM', above: ['/* disabled:'] },
  { language: 'rust', line: 'fn f<\'a>(x: &\'a str) -> i32 { libc::AF_INET }', at: 'AF_INET', expect: 'AF_INET' },
  // Go
  { language: 'go', line: 'fd, err := syscall.Socket(syscall.AF_INET, syscall.SOCK_STREAM, 0)', at: 'AF_INET', expect: 'AF_INET', kind: 'qualified' },
  { language: 'go', line: 'err = unix.SetsockoptInt(fd, unix.SOL_SOCKET, unix.SO_REUSEPORT, 1)', at: 'SO_REUSEPORT', expect: 'SO_REUSEPORT' },
  { language: 'go', line: 'conn, err := net.Dial("tcp4", "127.0.0.1:8080")', at: '"tcp4"', expect: '"tcp4"', kind: 'go-network' },
  { language: 'go', line: 'pc, err := net.ListenPacket("udp6", "[::]:9999")', at: '"udp6"', expect: '"udp6"' },
  { language: 'go', line: 'l, err := net.Listen("unixgram", path)', at: '"unixgram"', expect: '"unixgram"' },
  { language: 'go', line: 'c, err := net.DialTimeout("tcp", addr, 5*time.Second)', at: '"tcp"', expect: '"tcp"' },
  { language: 'go', line: 'a, err := net.ResolveTCPAddr("tcp6", "[::1]:80")', at: '"tcp6"', expect: '"tcp6"' },
  { language: 'go', line: 'a, err := net.ResolveUDPAddr("udp4", ":53")', at: '"udp4"', expect: '"udp4"' },
  { language: 'go', line: 'c, err := net.ListenUDP("udp", nil)', at: '"udp"', expect: '"udp"' },
  { language: 'go', line: 'c, err := net.ListenPacket("ip4:icmp", "0.0.0.0")', at: '"ip4:icmp"', expect: '"ip4"' },
  { language: 'go', line: 'c, err := d.DialContext(ctx, "tcp", addr)', at: '"tcp"', expect: '"tcp"' },
  { language: 'go', line: 'l, err := net.Listen("unixpacket", "/run/x.sock")', at: '"unixpacket"', expect: '"unixpacket"' },
  { language: 'go', line: 'if errors.Is(err, syscall.ECONNREFUSED) {', at: 'ECONNREFUSED', expect: 'ECONNREFUSED' },
  // Rust
  { language: 'rust', line: 'let fd = unsafe { libc::socket(libc::AF_INET, libc::SOCK_STREAM, 0) };', at: 'AF_INET', expect: 'AF_INET', kind: 'qualified' },
  { language: 'rust', line: 'libc::setsockopt(fd, libc::SOL_SOCKET, libc::SO_REUSEADDR, ptr, len);', at: 'SOL_SOCKET', expect: 'SOL_SOCKET' },
  { language: 'rust', line: 'libc::setsockopt(fd, libc::SOL_SOCKET, libc::SO_REUSEADDR, ptr, len);', at: 'SO_REUSEADDR', expect: 'SO_REUSEADDR' },
  { language: 'rust', line: 'if err.raw_os_error() == Some(::libc::EPIPE) {', at: 'EPIPE', expect: 'EPIPE' },
  { language: 'rust', line: 'let f = nix::libc::AF_UNIX;', at: 'AF_UNIX', expect: 'AF_UNIX' },
  // JavaScript / TypeScript (Node)
  { language: 'javascript', line: 'socket.setNoDelay(true);', at: 'setNoDelay', expect: 'TCP_NODELAY', kind: 'node-api' },
  { language: 'typescript', line: 'client.setKeepAlive(true, 60_000);', at: 'setKeepAlive', expect: 'SO_KEEPALIVE' },
  { language: 'javascript', line: 'udp.setBroadcast(true);', at: 'setBroadcast', expect: 'SO_BROADCAST' },
  { language: 'javascript', line: 'udp.addMembership(\'239.1.2.3\');', at: 'addMembership', expect: 'IP_ADD_MEMBERSHIP' },
  { language: 'javascript', line: 'udp.dropMembership(\'239.1.2.3\');', at: 'dropMembership', expect: 'IP_DROP_MEMBERSHIP' },
  { language: 'javascript', line: 'udp.setTTL(64);', at: 'setTTL', expect: 'IP_TTL' },
  { language: 'javascript', line: 'udp.setMulticastTTL(2);', at: 'setMulticastTTL', expect: 'IP_MULTICAST_TTL' },
  { language: 'javascript', line: 'udp.setMulticastLoopback(false);', at: 'setMulticastLoopback', expect: 'IP_MULTICAST_LOOP' },
  { language: 'javascript', line: 'udp.setMulticastInterface(\'10.0.0.2\');', at: 'setMulticastInterface', expect: 'IP_MULTICAST_IF' },
  { language: 'javascript', line: 'udp.setRecvBufferSize(1 << 20);', at: 'setRecvBufferSize', expect: 'SO_RCVBUF' },
  { language: 'javascript', line: 'udp.setSendBufferSize(1 << 20);', at: 'setSendBufferSize', expect: 'SO_SNDBUF' },
  { language: 'javascript', line: 'const u = dgram.createSocket({ type: \'udp4\', reuseAddr: true });', at: 'reuseAddr', expect: 'SO_REUSEADDR', kind: 'node-api' },
  { language: 'typescriptreact', line: 'server.listen({ host: \'::\', port: 80, ipv6Only: true });', at: 'ipv6Only', expect: 'IPV6_V6ONLY' },
  { language: 'javascript', line: 'server.listen({ port: 8080, exclusive: true });', at: 'exclusive', expect: 'SO_REUSEADDR' },
  { language: 'javascript', line: 'const server = net.createServer({ allowHalfOpen: true }, onConnection);', at: 'allowHalfOpen', expect: 'SHUT_WR' },
  {
    language: 'typescript', line: '  reuseAddr: true,', at: 'reuseAddr', expect: 'SO_REUSEADDR',
    above: ['const udp = dgram.createSocket({', '  type: \'udp6\','],
  },
  {
    language: 'javascript', line: '  allowHalfOpen: true,', at: 'allowHalfOpen', expect: 'SHUT_WR',
    above: ['const socket = new net.Socket({'],
  },
];

const DECOYS: readonly Case[] = [
  // Python without the import, other modules, other objects, strings and comments.
  { language: 'python', line: 's = socket.socket(AF_INET, SOCK_STREAM)', at: 'AF_INET', expect: undefined },
  { language: 'python', line: 's = socket.socket(AF_INET, SOCK_STREAM)', at: 'AF_INET', expect: undefined, imports: 'import socket' },
  { language: 'python', line: 'x = SOCK_DGRAM', at: 'SOCK_DGRAM', expect: undefined, imports: 'from socket import AF_INET' },
  { language: 'python', line: 'signal.signal(signal.SIGPIPE, signal.SIG_IGN)', at: 'SIG_IGN', expect: undefined },
  { language: 'python', line: 'flags = os.O_NONBLOCK', at: 'O_NONBLOCK', expect: undefined },
  { language: 'python', line: 'pattern = re.compile(p, re.IGNORECASE)', at: 'IGNORECASE', expect: undefined },
  { language: 'python', line: 'f = foo.AF_INET', at: 'AF_INET', expect: undefined },
  { language: 'python', line: 'f = self.socket.AF_INET', at: 'AF_INET', expect: undefined },
  { language: 'python', line: 'f = foo.AddressFamily.AF_INET', at: 'AF_INET', expect: undefined },
  { language: 'python', line: 'x = socket.ECONNREFUSED', at: 'ECONNREFUSED', expect: undefined },
  { language: 'python', line: 'x = errno.SO_REUSEADDR', at: 'SO_REUSEADDR', expect: undefined },
  { language: 'python', line: 'MY_SO_REUSEADDR = 1', at: 'MY_SO_REUSEADDR', expect: undefined, imports: STAR },
  { language: 'python', line: 'x = socket.SO_REUSEADDRX', at: 'SO_REUSEADDRX', expect: undefined },
  { language: 'python', line: 'print("socket.AF_INET")', at: 'AF_INET', expect: undefined },
  { language: 'python', line: 's.bind(addr)  # socket.SO_REUSEADDR first', at: 'SO_REUSEADDR', expect: undefined },
  { language: 'python', line: 'x = \'\'', at: '\'\'', expect: undefined },
  { language: 'python', line: 'print(\'\')', at: '\'\'', expect: undefined },
  { language: 'python', line: 'print((\'\', 80))', at: '\'\'', expect: undefined },
  { language: 'python', line: 's.bind((\'127.0.0.1\', 80))', at: '127.0.0.1', expect: undefined },
  { language: 'python', line: 's.bind((\'\'))', at: '\'\'', expect: undefined },
  { language: 'python', line: 'names.sendto(x, (\'nothing\', 1))', at: 'nothing', expect: undefined },
  // C
  { language: 'c', line: '#define MY_SO_REUSEADDR 1', at: 'MY_SO_REUSEADDR', expect: undefined },
  { language: 'c', line: 'int SO_REUSEADDRX = 0;', at: 'SO_REUSEADDRX', expect: undefined },
  { language: 'c', line: 'x = 1; // SO_REUSEADDR is set below', at: 'SO_REUSEADDR', expect: undefined },
  { language: 'c', line: 'puts("AF_INET");', at: 'AF_INET', expect: undefined },
  { language: 'c', line: 'int x = 0; /* AF_INET */ int y;', at: 'AF_INET', expect: undefined },
  { language: 'c', line: ' * SO_REUSEADDR lets a restarted server bind', at: 'SO_REUSEADDR', expect: undefined, above: ['/**'] },
  { language: 'c', line: 'cfg.SO_REUSEADDR = 1;', at: 'SO_REUSEADDR', expect: undefined },
  { language: 'c', line: '   old = AF_INET; */ type = SOCK_STREAM;', at: 'AF_INET', expect: undefined, above: ['/* disabled:'] },
  { language: 'cpp', line: 'auto v = asio::socket_base::AF_INET;', at: 'AF_INET', expect: undefined },
  { language: 'c', line: 'int tcp = 0;', at: 'tcp', expect: undefined },
  { language: 'c', line: 'x = O_NONBLOCK;', at: 'O_NONBLOCK', expect: undefined },
  // Go
  { language: 'go', line: 'f, err := os.OpenFile(p, os.O_RDONLY, 0)', at: 'O_RDONLY', expect: undefined },
  { language: 'go', line: 'x := foo.AF_INET', at: 'AF_INET', expect: undefined },
  { language: 'go', line: 'x := AF_INET', at: 'AF_INET', expect: undefined },
  { language: 'go', line: 'fmt.Println("tcp4")', at: '"tcp4"', expect: undefined },
  { language: 'go', line: 'conn, err := net.Dial(network, "tcp")', at: '"tcp"', expect: undefined },
  { language: 'go', line: 'conn, err := net.Dial("tcp5", addr)', at: '"tcp5"', expect: undefined },
  { language: 'go', line: '// syscall.AF_INET is 2', at: 'AF_INET', expect: undefined },
  // Rust
  { language: 'rust', line: 'let pi = std::f64::consts::PI;', at: 'PI', expect: undefined },
  { language: 'rust', line: 'let x = AF_INET;', at: 'AF_INET', expect: undefined },
  { language: 'rust', line: 'let x = other::AF_INET;', at: 'AF_INET', expect: undefined },
  { language: 'rust', line: '// libc::AF_INET', at: 'AF_INET', expect: undefined },
  // JavaScript
  { language: 'javascript', line: 'const on = obj.reuseAddr;', at: 'reuseAddr', expect: undefined },
  { language: 'javascript', line: 'const options = { reuseAddr: true };', at: 'reuseAddr', expect: undefined },
  { language: 'typescript', line: 'interface Options { reuseAddr: boolean }', at: 'reuseAddr', expect: undefined },
  { language: 'javascript', line: 'somethingElse({ reuseAddr: true });', at: 'reuseAddr', expect: undefined },
  { language: 'javascript', line: 'const setNoDelay = 1;', at: 'setNoDelay', expect: undefined },
  { language: 'javascript', line: 'socket.setNoDelay;', at: 'setNoDelay', expect: undefined },
  { language: 'javascript', line: '// socket.setNoDelay(true)', at: 'setNoDelay', expect: undefined },
  { language: 'javascript', line: 'const AF_INET = 2;', at: 'AF_INET', expect: undefined },
  // Other languages get nothing.
  { language: 'plaintext', line: 'AF_INET', at: 'AF_INET', expect: undefined },
  { language: 'markdown', line: 'Use `SO_REUSEADDR`.', at: 'SO_REUSEADDR', expect: undefined },
];

describe('hover scanner', () => {
  describe('finds constants where they are used', () => {
    for (const testCase of HOVERS) {
      it(`${testCase.language}: ${testCase.line.trim()} @ ${testCase.at}`, () => {
        const { result, start } = run(testCase);
        assert.ok(result !== undefined, 'no match');
        assert.equal(result.name, testCase.expect);
        if (testCase.kind !== undefined) {
          assert.equal(result.kind, testCase.kind);
        }
        // The range covers exactly the hovered token (strings include their quotes).
        const quoted = result.kind === 'python-host' || result.kind === 'go-network';
        const expectedStart = quoted && !/^["']/.test(testCase.at) ? start - 1 : start;
        const expectedEnd = quoted && !/["']$/.test(testCase.at) ? start + testCase.at.length + 1 : start + testCase.at.length;
        assert.deepEqual([result.start, result.end], [expectedStart, expectedEnd]);
        assert.equal(result.text, testCase.line.slice(result.start, result.end));
      });
    }
  });

  describe('stays quiet elsewhere', () => {
    for (const testCase of DECOYS) {
      it(`${testCase.language}: ${testCase.line.trim()} @ ${testCase.at}`, () => {
        assert.equal(run(testCase).result, undefined);
      });
    }
  });

  it('gives each setsockopt() argument its own hover', () => {
    const line = 's.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)';
    const names = [...line].map((_, index) => findConstantAt(line, index, 'python')?.name);
    assert.deepEqual([...new Set(names.filter((name) => name !== undefined))], ['SOL_SOCKET', 'SO_REUSEADDR']);
    assert.equal(findConstantAt(line, line.indexOf('socket.SOL'), 'python'), undefined, 'the module name itself');
  });

  it('returns the host, port and transport for the primer\'s hosts', () => {
    const bind = findConstantAt('s.bind((\'\', 8080))', 9, 'python');
    assert.deepEqual(bind?.host, { literal: '', call: 'bind', port: 8080, transport: 'tcp' });
    const udpLines = ['s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)', 's.bind((\'\', 5005))'];
    const udp = findConstantAt(udpLines[1], 9, 'python', { line: 1, lineAt: (index) => udpLines[index] });
    assert.deepEqual(udp?.host, { literal: '', call: 'bind', port: 5005, transport: 'udp' });
    const broadcast = findConstantAt('s.sendto(data, (\'<broadcast>\', 37020))', 20, 'python');
    assert.deepEqual(broadcast?.host, { literal: '<broadcast>', call: 'sendto', port: 37020, transport: 'udp' });
    const variablePort = findConstantAt('s.bind((\'\', port))', 9, 'python');
    assert.equal(variablePort?.host?.port, undefined);
  });

  it('reads Python imports once per document', () => {
    const imports = analyzePythonImports([
      'import os, socket as net_socket',
      'import errno',
      'from socket import (AF_INET, SOCK_STREAM as STREAM,',
      '    SO_REUSEADDR)  # comment',
      'from errno import *',
    ].join('\n'));
    assert.deepEqual([...imports.socketModules], ['net_socket']);
    assert.equal(imports.socketStar, false);
    assert.equal(imports.errnoStar, true);
    assert.deepEqual([...imports.importedNames], [['AF_INET', 'AF_INET'], ['STREAM', 'SOCK_STREAM'], ['SO_REUSEADDR', 'SO_REUSEADDR']]);
    assert.equal(findConstantAt('x = EPIPE', 5, 'python', { pythonImports: imports })?.name, 'EPIPE');
  });

  it('tolerates cursors at the edges and outside the line', () => {
    assert.equal(findConstantAt('AF_INET', 0, 'c')?.name, 'AF_INET');
    assert.equal(findConstantAt('AF_INET', 7, 'c')?.name, 'AF_INET', 'just after the word');
    assert.equal(findConstantAt('AF_INET', 8, 'c'), undefined);
    assert.equal(findConstantAt('AF_INET', -1, 'c'), undefined);
    assert.equal(findConstantAt('', 0, 'python'), undefined);
  });
});

// Rust: std's and tokio's TcpListener::bind, TcpStream::connect, UdpSocket::bind, UnixListener::bind,
// UnixStream::connect, and a UdpSocket's connect/send_to. Addresses are "host:port" strings, ("host",
// port) tuples, or a `const`/`static`/`let` assigned one of those in the file.
import { declarationsAfter } from './declarations';
import { splitGoAddress } from './go';
import { isWordCode } from './mask';
import { collectConstants, isIdentifierStart, skipBlanksBack, type SourceText } from './source';
import type { CallRole, CallTransport, Literal, SocketCall } from './types';
import { sliceShared } from './names';

/** `\\b(?:const|static|let)[ \\t]+(?:mut[ \\t]+)?(NAME)[ \\t]*(?::[^=;\\n]+)?=(?!=)`, read in place after the keyword (declarations.ts). */
const DECLARATION_KEYWORD = /\b(?:const|static|let)[ \t]+/g;
const CONSTRUCTOR = /\b(TcpListener|TcpStream|UdpSocket|UnixListener|UnixStream)[ \t]*::[ \t]*(bind|connect)[ \t]*\(/g;
/** `let socket = UdpSocket::bind(…)`: names that hold a UDP socket, for their connect/send_to. */
const UDP_BINDING = /\blet[ \t]+(?:mut[ \t]+)?([A-Za-z_][A-Za-z0-9_]*)[ \t]*(?::[^=;\n]+)?=[ \t]*(?:[A-Za-z_][A-Za-z0-9_]*::)*UdpSocket[ \t]*::[ \t]*bind\b/g;
/** `.connect(` / `.send_to(`; the receiver before the dot (`\\b([A-Za-z_]\\w*)[ \\t]*`) is read backwards. */
const METHOD = /\.[ \t]*(connect|send_to)[ \t]*\(/g;

function address(literal: Literal | undefined): { host: string; port: number } | undefined {
  if (literal?.kind === 'string') {
    return splitGoAddress(literal.value);
  }
  if (literal?.kind === 'tuple' && literal.items.length === 2) {
    const [host, port] = literal.items;
    return host?.kind === 'string' && port?.kind === 'number' && port.value <= 65535 ? { host: host.value, port: port.value } : undefined;
  }
  return undefined;
}

export function rustCalls(source: SourceText): SocketCall[] {
  const code = source.code;
  if (!/Tcp|Udp|Unix/.test(code)) {
    return [];
  }
  const constants = collectConstants(source, declarationsAfter(code, DECLARATION_KEYWORD, false, true), ';');
  const calls: SocketCall[] = [];
  const push = (nameStart: number, nameLength: number, found: Omit<SocketCall, 'line' | 'start' | 'end'> | undefined): void => {
    if (found !== undefined) {
      const { line, character } = source.position(nameStart);
      calls.push({ line, start: character, end: character + nameLength, ...found });
    }
  };
  for (const match of code.matchAll(CONSTRUCTOR)) {
    const [written, type, method] = match;
    const start = match.index ?? 0;
    const args = source.arguments(start + written.length - 1);
    if (args === undefined || args.length !== 1) {
      continue;
    }
    const literal = source.literal(args[0].start, args[0].end, constants);
    const role: CallRole = method === 'bind' ? 'listen' : 'connect';
    const call = `${type}::${method}`;
    const nameLength = written.replace(/[ \t]*\($/, '').length;
    if (type.startsWith('Unix')) {
      push(start, nameLength, literal?.kind === 'string' ? { call, role, transport: 'unix', path: literal.value } : undefined);
      continue;
    }
    const transport: CallTransport = type === 'UdpSocket' ? 'udp' : 'tcp';
    const target = address(literal);
    push(start, nameLength, target === undefined ? undefined : { call, role, transport, ...target });
  }
  const udpSockets = code.includes('UdpSocket') ? new Set([...code.matchAll(UDP_BINDING)].map((match) => match[1])) : new Set<string>();
  for (const match of udpSockets.size === 0 ? [] : code.matchAll(METHOD)) {
    const [written, method] = match;
    const dot = match.index ?? 0;
    const receiverEnd = skipBlanksBack(code, dot);
    let receiverStart = receiverEnd;
    while (receiverStart > 0 && isWordCode(code.charCodeAt(receiverStart - 1))) {
      receiverStart--;
    }
    if (receiverStart === receiverEnd || !isIdentifierStart(code.charCodeAt(receiverStart)) || !udpSockets.has(sliceShared(code, receiverStart, receiverEnd))) {
      continue;
    }
    const args = source.arguments(dot + written.length - 1);
    const piece = args?.[method === 'connect' ? 0 : 1];
    if (piece === undefined || args?.length !== (method === 'connect' ? 1 : 2)) {
      continue;
    }
    const target = address(source.literal(piece.start, piece.end, constants));
    const nameStart = dot + written.indexOf(method);
    push(nameStart, method.length, target === undefined ? undefined : { call: method, role: 'connect', transport: 'udp', ...target });
  }
  return calls;
}

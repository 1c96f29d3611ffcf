// Python: socket methods (bind, connect, connect_ex, sendto), socket.create_connection/create_server,
// asyncio.start_server/open_connection and loop.create_server/create_connection, socketserver's
// TCPServer/UDPServer (and their Threading/Forking forms). Addresses are (host, port) tuples or, for
// AF_UNIX, a path string; each part is a literal or a name assigned one in the file.
import { collectConstants, type SourceText } from './source';
import type { CallTransport, Literal, SocketCall } from './types';

const ASSIGNMENT = /^[ \t]*([A-Za-z_][A-Za-z0-9_]*)[ \t]*(?::[^=\n]+)?=(?!=)/gm;
const TUPLE_ASSIGNMENT = /^[ \t]*([A-Za-z_][A-Za-z0-9_]*)[ \t]*,[ \t]*([A-Za-z_][A-Za-z0-9_]*)[ \t]*=(?!=)([^\n]*)/gm;
/** `s = socket.socket(...)` or `with socket.socket(...) as s`: which names are UDP or UNIX sockets. */
const SOCKET_ASSIGNMENT = /\b([A-Za-z_][A-Za-z0-9_]*)[ \t]*=[ \t]*(?:[A-Za-z_][A-Za-z0-9_]*\.)?socket\(/g;
const SOCKET_WITH = /\b(?:[A-Za-z_][A-Za-z0-9_]*\.)?socket\(/g;
const CALL = /(\.)?\b(bind|connect|connect_ex|sendto|create_connection|create_server|start_server|open_connection|start_unix_server|open_unix_connection|(?:Threading|Forking)?(?:TCP|UDP|UnixStream)Server|(?:Threading)?HTTPServer)[ \t]*\(/g;

function constantsOf(source: SourceText): Map<string, Literal> {
  const constants = collectConstants(source, ASSIGNMENT, ';');
  // `HOST, PORT = '', 8080`
  for (const match of source.code.matchAll(TUPLE_ASSIGNMENT)) {
    const valueStart = (match.index ?? 0) + match[0].length - match[3].length;
    const parts = match[3].split(',');
    if (parts.length !== 2) {
      continue;
    }
    const first = source.literal(valueStart, valueStart + parts[0].length, constants);
    const second = source.literal(valueStart + parts[0].length + 1, valueStart + match[3].length, constants);
    for (const [name, literal] of [[match[1], first], [match[2], second]] as const) {
      if (literal !== undefined && !constants.has(name)) {
        constants.set(name, literal);
      }
    }
  }
  return constants;
}

interface SocketKind {
  readonly transport: CallTransport;
  readonly datagram: boolean;
}

function kindFromArguments(text: string): SocketKind {
  return { transport: text.includes('AF_UNIX') ? 'unix' : (text.includes('SOCK_DGRAM') ? 'udp' : 'tcp'), datagram: text.includes('SOCK_DGRAM') };
}

/** Socket variables and the kind their socket() call gives them. */
function socketVariables(source: SourceText): Map<string, SocketKind> {
  const variables = new Map<string, SocketKind>();
  const code = source.code;
  for (const match of code.matchAll(SOCKET_ASSIGNMENT)) {
    const open = (match.index ?? 0) + match[0].length - 1;
    const close = source.closing(open);
    if (close !== -1) {
      variables.set(match[1], kindFromArguments(code.slice(open, close)));
    }
  }
  for (const match of code.matchAll(SOCKET_WITH)) {
    const open = (match.index ?? 0) + match[0].length - 1;
    const close = source.closing(open);
    const alias = close === -1 ? null : /^[ \t]*as[ \t]+([A-Za-z_][A-Za-z0-9_]*)/.exec(code.slice(close + 1, close + 80));
    if (alias !== null) {
      variables.set(alias[1], kindFromArguments(code.slice(open, close)));
    }
  }
  return variables;
}

function hostPort(address: Literal | undefined): { host: string; port: number } | undefined {
  if (address?.kind !== 'tuple' || address.items.length < 2) {
    return undefined;
  }
  const [host, port] = address.items;
  return host?.kind === 'string' && port?.kind === 'number' ? { host: host.value, port: port.value } : undefined;
}

function keyword(source: SourceText, pieces: readonly { start: number; end: number }[], name: string): { start: number; end: number } | undefined {
  for (const piece of pieces) {
    const match = new RegExp(`^${name}[ \\t]*=(?!=)`).exec(source.code.slice(piece.start, piece.end));
    if (match !== null) {
      return { start: piece.start + match[0].length, end: piece.end };
    }
  }
  return undefined;
}

function positional(pieces: readonly { start: number; end: number }[], source: SourceText): { start: number; end: number }[] {
  return pieces.filter((piece) => !/^[A-Za-z_][A-Za-z0-9_]*[ \t]*=(?!=)/.test(source.code.slice(piece.start, piece.end)));
}

export function pythonCalls(source: SourceText): SocketCall[] {
  const code = source.code;
  if (!/bind|connect|sendto|create_|start_|open_|Server/.test(code)) {
    return [];
  }
  const constants = constantsOf(source);
  const sockets = socketVariables(source);
  const calls: SocketCall[] = [];
  for (const match of code.matchAll(CALL)) {
    const matchStart = match.index ?? 0;
    const nameStart = matchStart + (match[1]?.length ?? 0);
    const name = match[2];
    // Not a definition (`def bind(`) or a call on nothing.
    if (/\bdef[ \t]+$/.test(code.slice(Math.max(0, nameStart - 10), nameStart))) {
      continue;
    }
    const open = matchStart + match[0].length - 1;
    const pieces = source.arguments(open);
    if (pieces === undefined) {
      continue;
    }
    const receiver = match[1] === undefined ? undefined : /([A-Za-z_][A-Za-z0-9_]*)$/.exec(code.slice(Math.max(0, matchStart - 40), matchStart))?.[1];
    const { line, character } = source.position(nameStart);
    const at = { line, start: character, end: character + name.length };
    const found = recognise(source, name, receiver, pieces, constants, sockets);
    if (found !== undefined) {
      calls.push({ ...at, ...found });
    }
  }
  return calls;
}

type Found = Omit<SocketCall, 'line' | 'start' | 'end'>;

function recognise(
  source: SourceText,
  name: string,
  receiver: string | undefined,
  pieces: readonly { start: number; end: number }[],
  constants: ReadonlyMap<string, Literal>,
  sockets: ReadonlyMap<string, SocketKind>,
): Found | undefined {
  const literalOf = (piece: { start: number; end: number } | undefined): Literal | undefined =>
    piece === undefined ? undefined : source.literal(piece.start, piece.end, constants);
  const args = positional(pieces, source);
  switch (name) {
    case 'bind':
    case 'connect':
    case 'connect_ex':
    case 'sendto': {
      if (receiver === undefined) {
        return undefined;
      }
      const kind = sockets.get(receiver) ?? { transport: 'tcp', datagram: false };
      const role = name === 'bind' ? 'listen' : 'connect';
      const address = literalOf(name === 'sendto' ? args[args.length - 1] : args[0]);
      if (name === 'sendto' && args.length < 2) {
        return undefined;
      }
      if (kind.transport === 'unix') {
        return address?.kind === 'string' && !kind.datagram ? { call: name, role, transport: 'unix', path: address.value } : undefined;
      }
      const target = hostPort(address);
      const transport = name === 'sendto' || kind.datagram ? 'udp' : 'tcp';
      return target === undefined ? undefined : { call: name, role, transport, ...target };
    }
    case 'create_connection':
    case 'create_server':
    case 'start_server':
    case 'open_connection': {
      const role = name === 'create_server' || name === 'start_server' ? 'listen' : 'connect';
      const call = receiver === undefined ? name : `${receiver}.${name}`;
      // socket.create_connection((host, port)) / socket.create_server((host, port))
      const tuple = hostPort(literalOf(args[0]) ?? literalOf(keyword(source, pieces, 'address')));
      if (tuple !== undefined) {
        return { call, role, transport: 'tcp', ...tuple };
      }
      // asyncio: open_connection(host, port), start_server(cb, host, port), loop.create_*(factory, host, port)
      const offset = name === 'open_connection' ? 0 : 1;
      const host = literalOf(keyword(source, pieces, 'host') ?? args[offset]);
      const port = literalOf(keyword(source, pieces, 'port') ?? args[offset + 1]);
      if (port?.kind !== 'number') {
        return undefined;
      }
      // A missing or None host means every interface for a server.
      const hostText = host?.kind === 'string' ? host.value : (host === undefined && role === 'listen' && args[offset] === undefined ? '' : undefined);
      return hostText === undefined ? undefined : { call, role, transport: 'tcp', host: hostText, port: port.value };
    }
    case 'start_unix_server':
    case 'open_unix_connection': {
      const path = literalOf(keyword(source, pieces, 'path') ?? args[name === 'start_unix_server' ? 1 : 0]);
      const role = name === 'start_unix_server' ? 'listen' : 'connect';
      return path?.kind === 'string' ? { call: receiver === undefined ? name : `${receiver}.${name}`, role, transport: 'unix', path: path.value } : undefined;
    }
    default: {
      // socketserver.TCPServer((host, port), Handler), UnixStreamServer(path, Handler), HTTPServer(…)
      const address = literalOf(args[0]);
      const call = receiver === undefined ? name : `${receiver}.${name}`;
      if (name.includes('Unix')) {
        return address?.kind === 'string' ? { call, role: 'listen', transport: 'unix', path: address.value } : undefined;
      }
      const target = hostPort(address);
      return target === undefined ? undefined : { call, role: 'listen', transport: name.includes('UDP') ? 'udp' : 'tcp', ...target };
    }
  }
}

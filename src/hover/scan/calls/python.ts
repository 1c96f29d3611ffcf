// Python: socket methods (bind, connect, connect_ex, sendto), socket.create_connection/create_server,
// asyncio.start_server/open_connection and loop.create_server/create_connection, socketserver's
// TCPServer/UDPServer (and their Threading/Forking forms). Addresses are (host, port) tuples or, for
// AF_UNIX, a path string; each part is a literal or a name assigned one in the file.
import { collectConstants, identifierEnd, isIdentifierStart, nameBefore, skipBlanks, skipBlanksBack, Assignments, type SourceText } from './source';
import { isWordCode } from './mask';
import type { CallTransport, Literal, SocketCall } from './types';
import { sliceShared } from './names';

/** The callees recognised: `\\b(bind|connect|…)[ \\t]*\\(`, found from the `(` signs (one indexOf pass). */
const CALLEES: ReadonlySet<string> = new Set([
  'bind', 'connect', 'connect_ex', 'sendto', 'create_connection', 'create_server', 'start_server', 'open_connection',
  'start_unix_server', 'open_unix_connection', 'HTTPServer', 'ThreadingHTTPServer',
  ...['', 'Threading', 'Forking'].flatMap((mixin) => ['TCP', 'UDP', 'UnixStream'].map((family) => `${mixin}${family}Server`)),
]);

/** A word's length with its first and last character codes: equal for a word in CALLEES and any word that may be one. */
function shapeOf(length: number, first: number, last: number): number {
  return (length << 16) | ((first & 0xff) << 8) | (last & 0xff);
}

/**
 * The shapes of the words in CALLEES. Most `(` in a file follow another word (`len(`, `recv(`):
 * comparing shapes settles those without slicing and looking up the word.
 */
const CALLEE_SHAPES: ReadonlySet<number> = new Set([...CALLEES].map((name) => shapeOf(name.length, name.charCodeAt(0), name.charCodeAt(name.length - 1))));

/** Every `callee(` (blanks allowed before the bracket) whose callee is a whole word in CALLEES. */
function calleesOf(code: string): { nameStart: number; name: string; open: number }[] {
  const found: { nameStart: number; name: string; open: number }[] = [];
  for (let open = code.indexOf('('); open !== -1; open = code.indexOf('(', open + 1)) {
    const nameEnd = skipBlanksBack(code, open);
    let nameStart = nameEnd;
    while (nameStart > 0 && isWordCode(code.charCodeAt(nameStart - 1))) {
      nameStart--;
    }
    // The longest callee is 25 characters: longer words are not sliced.
    if (nameEnd - nameStart >= 4 && nameEnd - nameStart <= 25
      && CALLEE_SHAPES.has(shapeOf(nameEnd - nameStart, code.charCodeAt(nameStart), code.charCodeAt(nameEnd - 1)))) {
      const name = sliceShared(code, nameStart, nameEnd);
      if (CALLEES.has(name)) {
        found.push({ nameStart, name, open });
      }
    }
  }
  return found;
}
const EQUALS = 61;

/**
 * Where the line (as `^` with the m flag sees lines) that holds `offset` starts, looking back no
 * further than `floor`; -1 when the line starts before `floor`.
 */
function lineStart(code: string, offset: number, floor: number): number {
  for (let index = offset; index > 0; index--) {
    const character = code.charCodeAt(index - 1);
    if (character === 10 || character === 13 || character === 0x2028 || character === 0x2029) {
      return index;
    }
    if (index <= floor) {
      return -1;
    }
  }
  return 0;
}

interface TupleAssignment {
  readonly names: readonly [string, string];
  readonly valueStart: number;
  readonly valueEnd: number;
}

/**
 * `NAME = …` and `NAME: type = …` at the start of a line, and `A, B = …`: what the patterns
 * `^[ \t]*(NAME)[ \t]*(?::[^=\n]+)?=(?!=)` and `^[ \t]*(A)[ \t]*,[ \t]*(B)[ \t]*=(?!=)` match, found from
 * the `=` signs (one indexOf pass) instead of trying the patterns at every line.
 */
function assignmentsOf(code: string): { single: Assignments; tuples: TupleAssignment[] } {
  const single = new Assignments();
  const tuples: TupleAssignment[] = [];
  let previous = -1;
  for (let equals = code.indexOf('='); equals !== -1; equals = code.indexOf('=', equals + 1)) {
    // Only a line's first `=` can end either pattern (neither lets a `=` come before it). The
    // look back for the line start stops at the previous `=`, so a long line costs one pass.
    const start = lineStart(code, equals, previous + 1);
    const first = start !== -1;
    previous = equals;
    if (!first || code.charCodeAt(equals + 1) === EQUALS) {
      continue;
    }
    const nameStart = skipBlanks(code, start);
    const nameEnd = identifierEnd(code, nameStart);
    if (nameEnd === nameStart) {
      continue;
    }
    const after = skipBlanks(code, nameEnd);
    const name = sliceShared(code, nameStart, nameEnd);
    if (after === equals || (code.charCodeAt(after) === 58 && after + 1 < equals)) {
      single.push(name, equals + 1);
    } else if (code.charCodeAt(after) === 44) {
      const secondStart = skipBlanks(code, after + 1);
      const secondEnd = identifierEnd(code, secondStart);
      if (secondEnd > secondStart && skipBlanks(code, secondEnd) === equals) {
        const newline = code.indexOf('\n', equals);
        tuples.push({ names: [name, sliceShared(code, secondStart, secondEnd)], valueStart: equals + 1, valueEnd: newline === -1 ? code.length : newline });
      }
    }
  }
  return { single, tuples };
}

function constantsOf(source: SourceText): Map<string, Literal> {
  const { single, tuples } = assignmentsOf(source.code);
  const constants = collectConstants(source, single, ';');
  // `HOST, PORT = '', 8080`
  for (const { names, valueStart, valueEnd } of tuples) {
    // Exactly two parts: one comma before the line ends (counted on the line only).
    let comma = -1;
    let commas = 0;
    for (let index = valueStart; index < valueEnd; index++) {
      if (source.code.charCodeAt(index) === 44) {
        comma = commas === 0 ? index : comma;
        commas++;
      }
    }
    if (commas !== 1) {
      continue;
    }
    const first = source.literal(valueStart, comma, constants);
    const second = source.literal(comma + 1, valueEnd, constants);
    for (const [name, literal] of [[names[0], first], [names[1], second]] as const) {
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

/** A receiver the file makes no socket() for: a TCP stream socket (one object, not one per call). */
const STREAM: SocketKind = { transport: 'tcp', datagram: false };

function kindFromArguments(text: string): SocketKind {
  return { transport: text.includes('AF_UNIX') ? 'unix' : (text.includes('SOCK_DGRAM') ? 'udp' : 'tcp'), datagram: text.includes('SOCK_DGRAM') };
}

/**
 * The `(` of every `socket(` that starts a token (what `\b(?:[A-Za-z_][A-Za-z0-9_]*\.)?socket\(` finds),
 * and the name it is assigned to (`NAME = [module.]socket(`), if any.
 */
function socketCalls(code: string): { open: number; assignedTo: string | undefined }[] {
  const found: { open: number; assignedTo: string | undefined }[] = [];
  for (let at = code.indexOf('socket('); at !== -1; at = code.indexOf('socket(', at + 1)) {
    if (at > 0 && isWordCode(code.charCodeAt(at - 1))) {
      continue;
    }
    let before = at;
    if (code.charCodeAt(at - 1) === 46) {
      // A qualifier: `module.` right after the `=`.
      let qualifier = at - 1;
      while (qualifier > 0 && isWordCode(code.charCodeAt(qualifier - 1))) {
        qualifier--;
      }
      before = qualifier < at - 1 && isIdentifierStart(code.charCodeAt(qualifier)) ? qualifier : -1;
    }
    let assignedTo: string | undefined;
    if (before > 0) {
      const equals = skipBlanksBack(code, before) - 1;
      if (code.charCodeAt(equals) === EQUALS) {
        const nameEnd = skipBlanksBack(code, equals);
        let nameStart = nameEnd;
        while (nameStart > 0 && isWordCode(code.charCodeAt(nameStart - 1))) {
          nameStart--;
        }
        assignedTo = nameStart < nameEnd && isIdentifierStart(code.charCodeAt(nameStart)) ? sliceShared(code, nameStart, nameEnd) : undefined;
      }
    }
    found.push({ open: at + 6, assignedTo });
  }
  return found;
}

/** Socket variables and the kind their socket() call gives them. */
function socketVariables(source: SourceText): Map<string, SocketKind> {
  const variables = new Map<string, SocketKind>();
  const code = source.code;
  const calls = socketCalls(code);
  for (const { open, assignedTo } of calls) {
    const close = assignedTo === undefined ? -1 : source.closing(open);
    if (assignedTo !== undefined && close !== -1) {
      variables.set(assignedTo, kindFromArguments(code.slice(open, close)));
    }
  }
  // `with socket.socket(…) as s`
  for (const { open } of calls) {
    const close = source.closing(open);
    if (close === -1) {
      continue;
    }
    const as = skipBlanks(code, close + 1);
    if (!code.startsWith('as', as) || as + 2 > close + 80) {
      continue;
    }
    const alias = /^[ \t]*as[ \t]+([A-Za-z_][A-Za-z0-9_]*)/.exec(code.slice(close + 1, close + 80));
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

/** `name=` (not `==`) at the start of the piece: the keyword argument's value, after the `=`. */
function keyword(source: SourceText, pieces: readonly { start: number; end: number }[], name: string): { start: number; end: number } | undefined {
  const code = source.code;
  for (const piece of pieces) {
    if (!code.startsWith(name, piece.start)) {
      continue;
    }
    const equals = skipBlanks(code, piece.start + name.length);
    if (equals < piece.end && code.charCodeAt(equals) === EQUALS && !(equals + 1 < piece.end && code.charCodeAt(equals + 1) === EQUALS)) {
      return { start: equals + 1, end: piece.end };
    }
  }
  return undefined;
}

/** The pieces that are not keyword arguments (`name=…`). */
function positional(pieces: readonly { start: number; end: number }[], source: SourceText): readonly { start: number; end: number }[] {
  const code = source.code;
  // Most calls have no keyword arguments: their pieces are returned as they are, not copied.
  for (let index = 0; index < pieces.length; index++) {
    if (isKeyword(code, pieces[index])) {
      return pieces.filter((each) => !isKeyword(code, each));
    }
  }
  return pieces;
}

function isKeyword(code: string, piece: { start: number; end: number }): boolean {
  const nameEnd = identifierEnd(code, piece.start);
  const equals = skipBlanks(code, nameEnd);
  return nameEnd > piece.start && nameEnd <= piece.end && equals < piece.end && code.charCodeAt(equals) === EQUALS
    && !(equals + 1 < piece.end && code.charCodeAt(equals + 1) === EQUALS);
}

/** `def ` (a \b, then blanks) right before the name, within ten characters. */
function isDefinition(code: string, nameStart: number): boolean {
  const from = Math.max(0, nameStart - 10);
  const blanks = Math.max(from, skipBlanksBack(code, nameStart));
  const keyword = blanks - 3;
  return blanks < nameStart && keyword >= from && code.startsWith('def', keyword) && (keyword === from || !isWordCode(code.charCodeAt(keyword - 1)));
}

export function pythonCalls(source: SourceText): SocketCall[] {
  const code = source.code;
  if (!/bind|connect|sendto|create_|start_|open_|Server/.test(code)) {
    return [];
  }
  const constants = constantsOf(source);
  const sockets = socketVariables(source);
  const calls: SocketCall[] = [];
  for (const { nameStart, name, open } of calleesOf(code)) {
    // A method call keeps its dot: the receiver ends before it.
    const dotted = code.charCodeAt(nameStart - 1) === 46;
    const matchStart = dotted ? nameStart - 1 : nameStart;
    // Not a definition (`def bind(`) or a call on nothing.
    if (isDefinition(code, nameStart)) {
      continue;
    }
    const pieces = source.arguments(open);
    if (pieces === undefined) {
      continue;
    }
    const receiver = dotted ? nameBefore(code, matchStart, Math.max(0, matchStart - 40), false, false) : undefined;
    const found = recognise(source, name, receiver, pieces, constants, sockets);
    if (found !== undefined) {
      const line = source.lineOf(nameStart);
      const start = nameStart - source.lineStart(line);
      calls.push({ line, start, end: start + name.length, ...found });
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
      const kind = sockets.get(receiver) ?? STREAM;
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

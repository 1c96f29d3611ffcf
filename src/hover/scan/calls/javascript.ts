// Node.js (JavaScript and TypeScript): net/http/https/tls createServer(…).listen(port, host) and
// server.listen({ port, host }), net.connect/createConnection (and tls.connect), new net.Socket()
// .connect(port, host), dgram sockets' bind/connect/send. A receiver counts only when the file
// creates it with one of those APIs, so `fn.bind(this)` or `res.send(body)` are not socket calls.
import { isWordCode } from './mask';
import { declarationsAfter } from './declarations';
import { collectConstants, isIdentifierStart, isSpaceCode, nameBefore, skipBlanksBack, type SourceText } from './source';
import type { CallRole, CallTransport, Literal, SocketCall } from './types';
import { sliceShared } from './names';

/**
 * `\\b(?:const|let|var)[ \\t]+([A-Za-z_$][A-Za-z0-9_$]*)[ \\t]*(?::[^=\\n;]+)?=(?!=)`, read in
 * place after the keyword (declarations.ts): no match object per declaration.
 */
const DECLARATION_KEYWORD = /\b(?:const|let|var)[ \t]+/g;
/**
 * What a server, a dgram socket or a net.Socket is made with: `NAME = <this>` names one. Searched by
 * what it starts with (a fast literal scan), then the assignment before it is checked.
 */
const CREATIONS = /((?:net|http|https|tls|http2)\.create(?:Secure)?Server\b|express[ \t]*\()|(dgram\.createSocket[ \t]*\()|(new[ \t]+net\.Socket[ \t]*\()/g;
const CALL = /\.[ \t]*(?:listen|connect|createConnection|bind|send)[ \t]*\(/g;
const CALL_NAMES = ['listen', 'connect', 'createConnection', 'bind', 'send'] as const;

/**
 * The name CALL matched in the word [start, end): it is all of that word (a `.` and blanks come
 * before it, blanks and `(` after). The same string every time, not a capture sliced per match.
 */
function callName(code: string, start: number, end: number): string {
  for (const name of CALL_NAMES) {
    if (name.length === end - start && code.startsWith(name, start)) {
      return name;
    }
  }
  return code.slice(start, end);
}

type Piece = { readonly start: number; readonly end: number };

const isNameCode = (code: number): boolean => isWordCode(code) || code === 36;

/** The name in `NAME = ` right before `rhs`: what `\\b([A-Za-z_$][A-Za-z0-9_$]*)[ \\t]*=[ \\t]*` would match there. */
function assignedName(code: string, rhs: number): string | undefined {
  const equals = skipBlanksBack(code, rhs) - 1;
  if (equals < 0 || code.charCodeAt(equals) !== 61) {
    return undefined;
  }
  const end = skipBlanksBack(code, equals);
  let run = end;
  while (run > 0 && isNameCode(code.charCodeAt(run - 1))) {
    run--;
  }
  // The leftmost start with a word boundary before it ($ is no word character).
  for (let start = run; start < end; start++) {
    const character = code.charCodeAt(start);
    const boundary = start === 0 || isWordCode(code.charCodeAt(start - 1)) !== isWordCode(character);
    if (boundary && (isIdentifierStart(character) || character === 36)) {
      return sliceShared(code, start, end);
    }
  }
  return undefined;
}

interface Created {
  readonly servers: Set<string>;
  readonly datagrams: Set<string>;
  readonly streams: Set<string>;
}

function createdNames(code: string): Created {
  const created: Created = { servers: new Set(), datagrams: new Set(), streams: new Set() };
  for (const match of code.matchAll(CREATIONS)) {
    const name = assignedName(code, match.index ?? 0);
    if (name !== undefined) {
      (match[1] !== undefined ? created.servers : (match[2] !== undefined ? created.datagrams : created.streams)).add(name);
    }
  }
  return created;
}

/** `{ port: 8080, host: HOST }` and the shorthand `{ port }`: key → literal. */
function objectFields(source: SourceText, piece: Piece, constants: ReadonlyMap<string, Literal>): Map<string, Literal | undefined> | undefined {
  if (source.code[piece.start] !== '{' || source.closing(piece.start) !== piece.end - 1) {
    return undefined;
  }
  const fields = new Map<string, Literal | undefined>();
  for (const member of source.arguments(piece.start) ?? []) {
    const text = source.code.slice(member.start, member.end);
    const keyed = /^([A-Za-z_$][A-Za-z0-9_$]*)[ \t]*:/.exec(text);
    if (keyed !== null) {
      fields.set(keyed[1], source.literal(member.start + keyed[0].length, member.end, constants));
    } else if (/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(text)) {
      fields.set(text, constants.get(text));
    }
  }
  return fields;
}

/** What the callee before `(` at `open` is named, walking back over a call chain's `(…)`. */
function chainedCallee(source: SourceText, dot: number): string | undefined {
  const code = source.code;
  let index = dot - 1;
  while (index >= 0 && isSpaceCode(code.charCodeAt(index))) {
    index--;
  }
  if (code.charCodeAt(index) !== 41) {
    return undefined;
  }
  let depth = 0;
  for (; index >= 0; index--) {
    const character = code.charCodeAt(index);
    if (character === 41 || character === 93 || character === 125) {
      depth++;
    } else if (character === 40 || character === 91 || character === 123) {
      depth--;
      if (depth === 0) {
        break;
      }
    }
  }
  return nameBefore(code, index, Math.max(0, index - 40), true, true);
}

interface Address {
  readonly host?: string;
  readonly port?: number;
  readonly path?: string;
}

/** (port[, host]) or ({ port, host|address }) or (path): the address of listen/connect/bind. */
function addressOf(
  source: SourceText,
  args: readonly Piece[],
  constants: ReadonlyMap<string, Literal>,
  hostKey: 'host' | 'address',
  defaultHost: string | undefined,
): Address | undefined {
  if (args.length === 0) {
    return undefined;
  }
  const fields = objectFields(source, args[0], constants);
  if (fields !== undefined) {
    const port = fields.get('port');
    const path = fields.get('path');
    if (path?.kind === 'string') {
      return { path: path.value };
    }
    if (port?.kind !== 'number') {
      return undefined;
    }
    const host = fields.has(hostKey) ? fields.get(hostKey) : undefined;
    if (fields.has(hostKey) && host?.kind !== 'string') {
      return undefined;
    }
    const hostText = host?.kind === 'string' ? host.value : defaultHost;
    return hostText === undefined ? undefined : { host: hostText, port: port.value };
  }
  const first = source.literal(args[0].start, args[0].end, constants);
  if (first?.kind === 'string' && !/^\d+$/.test(first.value)) {
    return { path: first.value };
  }
  const port = first?.kind === 'string' ? Number(first.value) : (first?.kind === 'number' ? first.value : undefined);
  if (port === undefined) {
    return undefined;
  }
  const second = args[1] === undefined ? undefined : source.literal(args[1].start, args[1].end, constants);
  if (second?.kind === 'string') {
    return { host: second.value, port };
  }
  // A callback or a backlog may follow the port instead of a host.
  const secondIsHost = args[1] !== undefined && second === undefined && !/^(?:function\b|\(|async\b|[A-Za-z_$][A-Za-z0-9_$]*[ \t]*=>)/.test(source.code.slice(args[1].start, args[1].end));
  return secondIsHost || defaultHost === undefined ? undefined : { host: defaultHost, port };
}

function make(role: CallRole, transport: CallTransport, call: string, address: Address | undefined): Omit<SocketCall, 'line' | 'start' | 'end'> | undefined {
  if (address === undefined) {
    return undefined;
  }
  if (address.path !== undefined) {
    return transport === 'udp' ? undefined : { call, role, transport: 'unix', path: address.path };
  }
  return { call, role, transport, host: address.host, port: address.port };
}

type CallKind = 'net' | 'dgram-bind' | 'dgram-connect' | 'dgram-send' | 'listen' | 'stream-connect';

/** Which socket call `receiver.name(` is, from what the file made `receiver` with; undefined for none. */
function callRole(name: string, receiver: string | undefined, created: Created, source: SourceText, dot: number): CallKind | undefined {
  if (receiver === 'net' || receiver === 'tls') {
    return name === 'connect' || name === 'createConnection' ? 'net' : undefined;
  }
  if (receiver !== undefined && created.datagrams.has(receiver)) {
    switch (name) {
      case 'bind':
        return 'dgram-bind';
      case 'connect':
        return 'dgram-connect';
      case 'send':
        return 'dgram-send';
      default:
        return undefined;
    }
  }
  if (name === 'listen') {
    const isServer = (receiver !== undefined && created.servers.has(receiver)) || /^(?:create(?:Secure)?Server|express)$/.test(chainedCallee(source, dot) ?? '');
    return isServer ? 'listen' : undefined;
  }
  return name === 'connect' && receiver !== undefined && created.streams.has(receiver) ? 'stream-connect' : undefined;
}

export function javascriptCalls(source: SourceText): SocketCall[] {
  const code = source.code;
  if (!/listen|connect|createConnection|bind|send/.test(code)) {
    return [];
  }
  const constants = collectConstants(source, declarationsAfter(code, DECLARATION_KEYWORD, true, false), ';');
  const created = createdNames(code);
  const calls: SocketCall[] = [];
  // CALL.test, not matchAll: no match array per call; the name and the dot are read back from its end.
  CALL.lastIndex = 0;
  while (CALL.test(code)) {
    const open = CALL.lastIndex - 1;
    const nameEnd = skipBlanksBack(code, open);
    let nameStart = nameEnd;
    while (nameStart > 0 && isWordCode(code.charCodeAt(nameStart - 1))) {
      nameStart--;
    }
    const dot = skipBlanksBack(code, nameStart) - 1;
    const name = callName(code, nameStart, nameEnd);
    const receiver = nameBefore(code, dot, Math.max(0, dot - 40), true, true);
    // Only a call on a known receiver is a socket call: its arguments are read after that is settled.
    const role = callRole(name, receiver, created, source, dot);
    const args = role === undefined ? undefined : source.arguments(open);
    if (role === undefined || args === undefined) {
      continue;
    }
    let found: Omit<SocketCall, 'line' | 'start' | 'end'> | undefined;
    switch (role) {
      case 'net':
        found = make('connect', 'tcp', `${receiver ?? ''}.${name}`, addressOf(source, args, constants, 'host', 'localhost'));
        break;
      case 'dgram-bind':
        found = make('listen', 'udp', 'bind', addressOf(source, args, constants, 'address', ''));
        break;
      case 'dgram-connect':
        found = make('connect', 'udp', 'connect', addressOf(source, args, constants, 'address', 'localhost'));
        break;
      case 'dgram-send': {
        // send(msg, port[, address]) or send(msg, offset, length, port[, address])
        const rest = args.length >= 4 && source.literal(args[3].start, args[3].end, constants)?.kind === 'number' ? args.slice(3) : args.slice(1);
        found = make('connect', 'udp', 'send', addressOf(source, rest, constants, 'address', 'localhost'));
        break;
      }
      case 'listen':
        found = make('listen', 'tcp', 'listen', addressOf(source, args, constants, 'host', ''));
        break;
      case 'stream-connect':
        found = make('connect', 'tcp', 'connect', addressOf(source, args, constants, 'host', 'localhost'));
        break;
    }
    if (found !== undefined) {
      const line = source.lineOf(nameStart);
      const start = nameStart - source.lineStart(line);
      calls.push({ line, start, end: start + name.length, ...found });
    }
  }
  return calls;
}

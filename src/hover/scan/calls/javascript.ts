// Node.js (JavaScript and TypeScript): net/http/https/tls createServer(…).listen(port, host) and
// server.listen({ port, host }), net.connect/createConnection (and tls.connect), new net.Socket()
// .connect(port, host), dgram sockets' bind/connect/send. A receiver counts only when the file
// creates it with one of those APIs, so `fn.bind(this)` or `res.send(body)` are not socket calls.
import { collectConstants, type SourceText } from './source';
import type { CallRole, CallTransport, Literal, SocketCall } from './types';

const DECLARATION = /\b(?:const|let|var)[ \t]+([A-Za-z_$][A-Za-z0-9_$]*)[ \t]*(?::[^=\n;]+)?=(?!=)/g;
const SERVER_ASSIGNMENT = /\b([A-Za-z_$][A-Za-z0-9_$]*)[ \t]*=[ \t]*(?:(?:net|http|https|tls|http2)\.create(?:Secure)?Server\b|express[ \t]*\()/g;
const DGRAM_ASSIGNMENT = /\b([A-Za-z_$][A-Za-z0-9_$]*)[ \t]*=[ \t]*dgram\.createSocket[ \t]*\(/g;
const STREAM_ASSIGNMENT = /\b([A-Za-z_$][A-Za-z0-9_$]*)[ \t]*=[ \t]*new[ \t]+net\.Socket[ \t]*\(/g;
const CALL = /\.[ \t]*(listen|connect|createConnection|bind|send)[ \t]*\(/g;

type Piece = { readonly start: number; readonly end: number };

function namesOf(source: SourceText, pattern: RegExp): Set<string> {
  return new Set([...source.code.matchAll(pattern)].map((match) => match[1]));
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
  while (index >= 0 && /\s/.test(code[index])) {
    index--;
  }
  if (code[index] !== ')') {
    return undefined;
  }
  let depth = 0;
  for (; index >= 0; index--) {
    const character = code[index];
    if (character === ')' || character === ']' || character === '}') {
      depth++;
    } else if (character === '(' || character === '[' || character === '{') {
      depth--;
      if (depth === 0) {
        break;
      }
    }
  }
  return /([A-Za-z_$][A-Za-z0-9_$]*)[ \t]*$/.exec(code.slice(Math.max(0, index - 40), index))?.[1];
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

export function javascriptCalls(source: SourceText): SocketCall[] {
  const code = source.code;
  if (!/listen|connect|createConnection|bind|send/.test(code)) {
    return [];
  }
  const constants = collectConstants(source, DECLARATION, ';');
  const servers = namesOf(source, SERVER_ASSIGNMENT);
  const datagrams = namesOf(source, DGRAM_ASSIGNMENT);
  const streams = namesOf(source, STREAM_ASSIGNMENT);
  const calls: SocketCall[] = [];
  for (const match of code.matchAll(CALL)) {
    const dot = match.index ?? 0;
    const name = match[1];
    const nameStart = code.indexOf(name, dot);
    const open = dot + match[0].length - 1;
    const args = source.arguments(open);
    if (args === undefined) {
      continue;
    }
    const receiver = /([A-Za-z_$][A-Za-z0-9_$]*)[ \t]*$/.exec(code.slice(Math.max(0, dot - 40), dot))?.[1];
    let found: Omit<SocketCall, 'line' | 'start' | 'end'> | undefined;
    if (receiver === 'net' || receiver === 'tls') {
      if (name === 'connect' || name === 'createConnection') {
        found = make('connect', 'tcp', `${receiver}.${name}`, addressOf(source, args, constants, 'host', 'localhost'));
      }
    } else if (receiver !== undefined && datagrams.has(receiver)) {
      if (name === 'bind') {
        found = make('listen', 'udp', 'bind', addressOf(source, args, constants, 'address', ''));
      } else if (name === 'connect') {
        found = make('connect', 'udp', 'connect', addressOf(source, args, constants, 'address', 'localhost'));
      } else if (name === 'send') {
        // send(msg, port[, address]) or send(msg, offset, length, port[, address])
        const rest = args.length >= 4 && source.literal(args[3].start, args[3].end, constants)?.kind === 'number' ? args.slice(3) : args.slice(1);
        found = make('connect', 'udp', 'send', addressOf(source, rest, constants, 'address', 'localhost'));
      }
    } else if (name === 'listen') {
      const isServer = (receiver !== undefined && servers.has(receiver)) || /^(?:create(?:Secure)?Server|express)$/.test(chainedCallee(source, dot) ?? '');
      if (isServer) {
        found = make('listen', 'tcp', 'listen', addressOf(source, args, constants, 'host', ''));
      }
    } else if (name === 'connect' && receiver !== undefined && streams.has(receiver)) {
      found = make('connect', 'tcp', 'connect', addressOf(source, args, constants, 'host', 'localhost'));
    }
    if (found !== undefined) {
      const { line, character } = source.position(nameStart);
      calls.push({ line, start: character, end: character + name.length, ...found });
    }
  }
  return calls;
}

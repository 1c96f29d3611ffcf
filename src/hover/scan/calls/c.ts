// C/C++: bind(fd, (struct sockaddr *)&addr, …) and connect(…) whose sockaddr_in(6) gets its port
// from htons(N) and its address from inet_addr("…"), inet_pton(AF_INET, "…", &addr.sin_addr),
// INADDR_ANY or INADDR_LOOPBACK (in6addr_any/in6addr_loopback) in the same function, or whose
// sockaddr_un gets a literal sun_path. N and the strings may be #defines or constants of the file.
import { collectConstants, type SourceText } from './source';
import type { CallTransport, Literal, SocketCall } from './types';

const DEFINE = /^[ \t]*#[ \t]*define[ \t]+([A-Za-z_][A-Za-z0-9_]*)[ \t]+/gm;
const ASSIGNMENT = /(?<![.>])\b([A-Za-z_][A-Za-z0-9_]*)[ \t]*(?:\[[^\]\n]*\])?[ \t]*=(?!=)/g;
const CALL = /(?<![.>:A-Za-z0-9_])(bind|connect)[ \t]*\(/g;
const SYMBOLS: Readonly<Record<string, string>> = {
  INADDR_ANY: '', in6addr_any: '', INADDR_LOOPBACK: '127.0.0.1', in6addr_loopback: '::1',
};

/** [start, end) of each top-level `{ … }`: function bodies (and other top-level blocks). */
function topLevelBlocks(code: string): { start: number; end: number }[] {
  const blocks: { start: number; end: number }[] = [];
  let depth = 0;
  let start = 0;
  for (let index = 0; index < code.length; index++) {
    const character = code[index];
    if (character === '{') {
      if (depth === 0) {
        start = index;
      }
      depth++;
    } else if (character === '}' && depth > 0) {
      depth--;
      if (depth === 0) {
        blocks.push({ start, end: index + 1 });
      }
    }
  }
  return blocks;
}

function escapeName(name: string): string {
  return name.replace(/[$]/g, '\\$&');
}

interface Scope {
  readonly source: SourceText;
  readonly body: { start: number; end: number };
  readonly constants: ReadonlyMap<string, Literal>;
}

/** The literal inside the call's brackets that starts at `open`: htons(8080), inet_addr("…"), htonl(X). */
function innerLiteral(scope: Scope, open: number): Literal | undefined {
  const args = scope.source.arguments(open);
  return args?.length === 1 ? scope.source.literal(args[0].start, args[0].end, scope.constants) : undefined;
}

/** Every match of `pattern` in the function body (offsets in the document). */
function* inBody(scope: Scope, pattern: RegExp): Generator<RegExpExecArray & { at: number }> {
  const text = scope.source.code.slice(scope.body.start, scope.body.end);
  for (const match of text.matchAll(pattern)) {
    yield Object.assign(match as RegExpExecArray, { at: scope.body.start + (match.index ?? 0) });
  }
}

function portOf(scope: Scope, variable: string): number | undefined {
  const member = `(?:\\b${escapeName(variable)}[ \\t]*(?:\\.|->)[ \\t]*|\\.)`;
  for (const match of inBody(scope, new RegExp(`${member}sin6?_port[ \\t]*=[ \\t]*htons[ \\t]*\\(`, 'g'))) {
    const literal = innerLiteral(scope, match.at + match[0].length - 1);
    if (literal?.kind === 'number' && literal.value > 0 && literal.value <= 65535) {
      return literal.value;
    }
  }
  return undefined;
}

function symbolHost(literal: Literal | undefined): string | undefined {
  if (literal?.kind === 'symbol') {
    return SYMBOLS[literal.value];
  }
  return literal?.kind === 'string' ? literal.value : undefined;
}

function hostOf(scope: Scope, variable: string): string | undefined {
  const name = escapeName(variable);
  const constants = new Map(scope.constants);
  for (const symbol of Object.keys(SYMBOLS)) {
    constants.set(symbol, { kind: 'symbol', value: symbol });
  }
  const withSymbols: Scope = { ...scope, constants };
  // addr.sin_addr.s_addr = inet_addr("…") | htonl(INADDR_ANY) | INADDR_ANY;  addr.sin6_addr = in6addr_any;
  const assigned = new RegExp(`(?:\\b${name}[ \\t]*(?:\\.|->)[ \\t]*|\\.)sin6?_addr(?:[ \\t]*\\.[ \\t]*s_addr)?[ \\t]*=[ \\t]*(?:(inet_addr|htonl)[ \\t]*\\(|([A-Za-z_][A-Za-z0-9_]*)\\b)`, 'g');
  for (const match of inBody(scope, assigned)) {
    const host = match[1] === undefined
      ? symbolHost(withSymbols.constants.get(match[2]))
      : symbolHost(innerLiteral(withSymbols, match.at + match[0].length - 1));
    if (host !== undefined) {
      return host;
    }
  }
  // inet_pton(AF_INET, "…", &addr.sin_addr)
  const pton = new RegExp(`\\binet_pton[ \\t]*\\(`, 'g');
  for (const match of inBody(scope, pton)) {
    const args = scope.source.arguments(match.at + match[0].length - 1);
    if (args?.length === 3 && new RegExp(`^&?[ \\t]*\\(?[ \\t]*${name}[ \\t]*(?:\\.|->)[ \\t]*sin6?_addr\\b`).test(scope.source.code.slice(args[2].start, args[2].end))) {
      const literal = scope.source.literal(args[1].start, args[1].end, scope.constants);
      if (literal?.kind === 'string') {
        return literal.value;
      }
    }
  }
  return undefined;
}

function pathOf(scope: Scope, variable: string): string | undefined {
  const name = escapeName(variable);
  const copy = new RegExp(`\\b(?:strcpy|strncpy|strlcpy)[ \\t]*\\(`, 'g');
  for (const match of inBody(scope, copy)) {
    const args = scope.source.arguments(match.at + match[0].length - 1);
    if (args !== undefined && args.length >= 2 && new RegExp(`^${name}[ \\t]*(?:\\.|->)[ \\t]*sun_path$`).test(scope.source.code.slice(args[0].start, args[0].end))) {
      const literal = scope.source.literal(args[1].start, args[1].end, scope.constants);
      return literal?.kind === 'string' ? literal.value : undefined;
    }
  }
  for (const match of inBody(scope, /\.sun_path[ \t]*=[ \t]*/g)) {
    const token = scope.source.strings.get(match.at + match[0].length);
    if (token?.value !== undefined) {
      return token.value;
    }
  }
  return undefined;
}

/** The sockaddr variable in bind/connect's second argument: `(struct sockaddr *)&addr` → addr. */
function variableOf(text: string): string | undefined {
  let rest = text.trim();
  for (let guard = 0; guard < 4; guard++) {
    const cast = /^\((?:const[ \t]+)?(?:struct[ \t]+)?[A-Za-z_][A-Za-z0-9_]*[ \t]*\*[ \t]*\)[ \t]*/.exec(rest)
      ?? /^(?:reinterpret_cast|static_cast)<[^>]*>[ \t]*/.exec(rest);
    if (cast === null) {
      break;
    }
    rest = rest.slice(cast[0].length);
  }
  rest = rest.replace(/^\(?[ \t]*&?[ \t]*/, '').replace(/[ \t]*\)?$/, '');
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(rest) ? rest : undefined;
}

function typeOf(scope: Scope, variable: string): 'unix' | 'ip' | undefined {
  const text = scope.source.code.slice(scope.body.start, scope.body.end);
  const declaration = new RegExp(`\\bsockaddr_(un|in6?|storage)[ \\t]*\\*?[ \\t]*${escapeName(variable)}\\b`).exec(text);
  if (declaration === null) {
    return undefined;
  }
  return declaration[1] === 'un' ? 'unix' : 'ip';
}

export function cCalls(source: SourceText): SocketCall[] {
  const code = source.code;
  if (!code.includes('bind') && !code.includes('connect')) {
    return [];
  }
  const constants = collectConstants(source, DEFINE, '\n', collectConstants(source, ASSIGNMENT, ';'));
  const blocks = topLevelBlocks(code);
  const calls: SocketCall[] = [];
  for (const match of code.matchAll(CALL)) {
    const start = match.index ?? 0;
    const name = match[1];
    const body = blocks.find((block) => block.start < start && start < block.end);
    const args = body === undefined ? undefined : source.arguments(start + match[0].length - 1);
    if (body === undefined || args === undefined || args.length !== 3) {
      continue;
    }
    const variable = variableOf(code.slice(args[1].start, args[1].end));
    if (variable === undefined) {
      continue;
    }
    const scope: Scope = { source, body, constants };
    const role = name === 'bind' ? 'listen' : 'connect';
    let found: Omit<SocketCall, 'line' | 'start' | 'end'> | undefined;
    const type = typeOf(scope, variable);
    if (type === 'unix') {
      const path = pathOf(scope, variable);
      found = path === undefined || code.slice(body.start, body.end).includes('SOCK_DGRAM') ? undefined : { call: name, role, transport: 'unix', path };
    } else {
      const port = portOf(scope, variable);
      const host = port === undefined ? undefined : hostOf(scope, variable);
      const transport: CallTransport = code.slice(body.start, body.end).includes('SOCK_DGRAM') ? 'udp' : 'tcp';
      found = host === undefined ? undefined : { call: name, role, transport, host, port };
    }
    if (found !== undefined) {
      const { line, character } = source.position(start);
      calls.push({ line, start: character, end: character + name.length, ...found });
    }
  }
  return calls;
}

// C/C++: bind(fd, (struct sockaddr *)&addr, …) and connect(…) whose sockaddr_in(6) gets its port
// from htons(N) and its address from inet_addr("…"), inet_pton(AF_INET, "…", &addr.sin_addr),
// INADDR_ANY or INADDR_LOOPBACK (in6addr_any/in6addr_loopback) in the same function, or whose
// sockaddr_un gets a literal sun_path. N and the strings may be #defines or constants of the file.
import { isWordCode } from './mask';
import { collectConstants, identifierEnd, isIdentifierStart, skipBlanks, skipBlanksBack, Assignments, type SourceText } from './source';
import type { CallTransport, Literal, SocketCall } from './types';
import { sliceShared } from './names';

const CALL = /(?<![.>:A-Za-z0-9_])(bind|connect)[ \t]*\(/g;
const SYMBOLS: Readonly<Record<string, string>> = {
  INADDR_ANY: '', in6addr_any: '', INADDR_LOOPBACK: '127.0.0.1', in6addr_loopback: '::1',
};

/**
 * `NAME = …` and `NAME[…] = …` (not `==`, not a member after `.` or `->`): what
 * `(?<![.>])\\b([A-Za-z_]\\w*)[ \\t]*(?:\\[[^\\]\\n]*\\])?[ \\t]*=(?!=)` matches, found from the `=` signs
 * (one indexOf pass) and read backwards, instead of trying the pattern at every identifier.
 */
function assignmentsOf(code: string): Assignments {
  const found = new Assignments();
  let consumed = 0;
  /** Where a name that ends at `end` starts, or -1: an identifier with a boundary, not after `.`/`->`, not inside an earlier match. */
  const nameStartBefore = (end: number): number => {
    let start = end;
    while (start > 0 && isWordCode(code.charCodeAt(start - 1))) {
      start--;
    }
    const before = code.charCodeAt(start - 1);
    return start === end || !isIdentifierStart(code.charCodeAt(start)) || before === 46 || before === 62 || start < consumed ? -1 : start;
  };
  for (let equals = code.indexOf('='); equals !== -1; equals = code.indexOf('=', equals + 1)) {
    if (code.charCodeAt(equals + 1) === 61) {
      equals++;
      continue;
    }
    const blanks = skipBlanksBack(code, equals);
    let nameStart = -1;
    let nameEnd = blanks;
    if (code.charCodeAt(blanks - 1) === 93) {
      // `NAME[…]` with no `]` or newline inside; the leftmost `[` with a name before it wins.
      for (let open = blanks - 2; open >= 0 && code.charCodeAt(open) !== 93 && code.charCodeAt(open) !== 10; open--) {
        if (code.charCodeAt(open) === 91) {
          const end = skipBlanksBack(code, open);
          const start = nameStartBefore(end);
          if (start !== -1) {
            nameStart = start;
            nameEnd = end;
          }
        }
      }
    } else {
      nameStart = nameStartBefore(nameEnd);
    }
    if (nameStart === -1) {
      continue;
    }
    found.push(sliceShared(code, nameStart, nameEnd), equals + 1);
    consumed = equals + 1;
  }
  return found;
}

/** `#define NAME value`: what `^[ \\t]*#[ \\t]*define[ \\t]+(NAME)[ \\t]+` matches, found from the `#` signs. */
function definesOf(code: string): Assignments {
  const found = new Assignments();
  for (let hash = code.indexOf('#'); hash !== -1; hash = code.indexOf('#', hash + 1)) {
    const lineStart = skipBlanksBack(code, hash);
    const terminator = code.charCodeAt(lineStart - 1);
    if (lineStart > 0 && terminator !== 10 && terminator !== 13 && terminator !== 0x2028 && terminator !== 0x2029) {
      continue;
    }
    const keyword = skipBlanks(code, hash + 1);
    if (!code.startsWith('define', keyword)) {
      continue;
    }
    const nameStart = skipBlanks(code, keyword + 6);
    const nameEnd = identifierEnd(code, nameStart);
    const valueStart = skipBlanks(code, nameEnd);
    if (nameStart > keyword + 6 && nameEnd > nameStart && valueStart > nameEnd) {
      found.push(sliceShared(code, nameStart, nameEnd), valueStart);
    }
  }
  return found;
}

/** [start, end) of each top-level `{ … }`: function bodies (and other top-level blocks). */
function topLevelBlocks(code: string): { start: number; end: number }[] {
  const blocks: { start: number; end: number }[] = [];
  let depth = 0;
  let start = 0;
  let nextOpen = code.indexOf('{');
  let nextClose = code.indexOf('}');
  while (nextOpen !== -1 || nextClose !== -1) {
    if (nextOpen !== -1 && (nextClose === -1 || nextOpen < nextClose)) {
      if (depth === 0) {
        start = nextOpen;
      }
      depth++;
      nextOpen = code.indexOf('{', nextOpen + 1);
    } else {
      if (depth > 0) {
        depth--;
        if (depth === 0) {
          blocks.push({ start, end: nextClose + 1 });
        }
      }
      nextClose = code.indexOf('}', nextClose + 1);
    }
  }
  return blocks;
}

/** The block that holds `offset` strictly inside it (blocks are sorted and disjoint). */
function blockAt(blocks: readonly { start: number; end: number }[], offset: number): { start: number; end: number } | undefined {
  let low = 0;
  let high = blocks.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const block = blocks[middle];
    if (offset <= block.start) {
      high = middle - 1;
    } else if (offset >= block.end) {
      low = middle + 1;
    } else {
      return block;
    }
  }
  return undefined;
}

function escapeName(name: string): string {
  return name.replace(/[$]/g, '\\$&');
}

/** Patterns built for a variable name, kept across calls and scans (names repeat: addr, peer, local). */
const PATTERNS = new Map<string, RegExp>();
const PATTERN_CAPACITY = 256;

function pattern(key: string, make: () => RegExp): RegExp {
  let found = PATTERNS.get(key);
  if (found === undefined) {
    if (PATTERNS.size >= PATTERN_CAPACITY) {
      PATTERNS.clear();
    }
    found = make();
    PATTERNS.set(key, found);
  }
  return found;
}

const SYMBOL_LITERALS: ReadonlyMap<string, Literal> = new Map(Object.keys(SYMBOLS).map((symbol) => [symbol, { kind: 'symbol', value: symbol }]));
const PTON = /\binet_pton[ \t]*\(/g;
const COPY = /\b(?:strcpy|strncpy|strlcpy)[ \t]*\(/g;
const SUN_PATH = /\.sun_path[ \t]*=[ \t]*/g;

interface Scope {
  readonly source: SourceText;
  readonly body: { start: number; end: number };
  readonly bodyText: string;
  readonly constants: ReadonlyMap<string, Literal>;
  /** The constants with INADDR_ANY and friends as symbols. */
  readonly withSymbols: ReadonlyMap<string, Literal>;
}

/** The literal inside the call's brackets that starts at `open`: htons(8080), inet_addr("…"), htonl(X). */
function innerLiteral(scope: Scope, open: number, constants: ReadonlyMap<string, Literal>): Literal | undefined {
  const args = scope.source.arguments(open);
  return args?.length === 1 ? scope.source.literal(args[0].start, args[0].end, constants) : undefined;
}

/** Every match of the global `pattern` in the function body's text (offsets in the document). */
function* inBody(scope: Scope, pattern: RegExp): Generator<RegExpExecArray & { at: number }> {
  // Matched on the body's own text: a search in the whole document would run on past the body.
  for (const match of scope.bodyText.matchAll(pattern)) {
    yield Object.assign(match as RegExpExecArray, { at: scope.body.start + (match.index ?? 0) });
  }
}

function portOf(scope: Scope, variable: string): number | undefined {
  const port = pattern(`port ${variable}`, () => new RegExp(`(?:\\b${escapeName(variable)}[ \\t]*(?:\\.|->)[ \\t]*|\\.)sin6?_port[ \\t]*=[ \\t]*htons[ \\t]*\\(`, 'g'));
  for (const match of inBody(scope, port)) {
    const literal = innerLiteral(scope, match.at + match[0].length - 1, scope.constants);
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
  // addr.sin_addr.s_addr = inet_addr("…") | htonl(INADDR_ANY) | INADDR_ANY;  addr.sin6_addr = in6addr_any;
  const assigned = pattern(`host ${variable}`, () => new RegExp(`(?:\\b${name}[ \\t]*(?:\\.|->)[ \\t]*|\\.)sin6?_addr(?:[ \\t]*\\.[ \\t]*s_addr)?[ \\t]*=[ \\t]*(?:(inet_addr|htonl)[ \\t]*\\(|([A-Za-z_][A-Za-z0-9_]*)\\b)`, 'g'));
  for (const match of inBody(scope, assigned)) {
    const host = match[1] === undefined
      ? symbolHost(scope.withSymbols.get(match[2]))
      : symbolHost(innerLiteral(scope, match.at + match[0].length - 1, scope.withSymbols));
    if (host !== undefined) {
      return host;
    }
  }
  // inet_pton(AF_INET, "…", &addr.sin_addr)
  const target = pattern(`pton ${variable}`, () => new RegExp(`^&?[ \\t]*\\(?[ \\t]*${name}[ \\t]*(?:\\.|->)[ \\t]*sin6?_addr\\b`));
  for (const match of inBody(scope, PTON)) {
    const args = scope.source.arguments(match.at + match[0].length - 1);
    if (args?.length === 3 && target.test(scope.source.code.slice(args[2].start, args[2].end))) {
      const literal = scope.source.literal(args[1].start, args[1].end, scope.constants);
      if (literal?.kind === 'string') {
        return literal.value;
      }
    }
  }
  return undefined;
}

function pathOf(scope: Scope, variable: string): string | undefined {
  const destination = pattern(`path ${variable}`, () => new RegExp(`^${escapeName(variable)}[ \\t]*(?:\\.|->)[ \\t]*sun_path$`));
  for (const match of inBody(scope, COPY)) {
    const args = scope.source.arguments(match.at + match[0].length - 1);
    if (args !== undefined && args.length >= 2 && destination.test(scope.source.code.slice(args[0].start, args[0].end))) {
      const literal = scope.source.literal(args[1].start, args[1].end, scope.constants);
      return literal?.kind === 'string' ? literal.value : undefined;
    }
  }
  for (const match of inBody(scope, SUN_PATH)) {
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
  const declaration = pattern(`type ${variable}`, () => new RegExp(`\\bsockaddr_(un|in6?|storage)[ \\t]*\\*?[ \\t]*${escapeName(variable)}\\b`, 'g'));
  for (const match of inBody(scope, declaration)) {
    return match[1] === 'un' ? 'unix' : 'ip';
  }
  return undefined;
}

/** Whether `word` occurs inside [start, end), given its sorted offsets in the document. */
function occursIn(offsets: readonly number[], length: number, start: number, end: number): boolean {
  let low = 0;
  let high = offsets.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (offsets[middle] < start) {
      low = middle + 1;
    } else {
      high = middle;
    }
  }
  return low < offsets.length && offsets[low] + length <= end;
}

const DATAGRAM = 'SOCK_DGRAM';

export function cCalls(source: SourceText): SocketCall[] {
  const code = source.code;
  if (!code.includes('bind') && !code.includes('connect')) {
    return [];
  }
  const constants = collectConstants(source, definesOf(code), '\n', collectConstants(source, assignmentsOf(code), ';'));
  const withSymbols = new Map([...constants, ...SYMBOL_LITERALS]);
  const blocks = topLevelBlocks(code);
  const datagrams: number[] = [];
  for (let at = code.indexOf(DATAGRAM); at !== -1; at = code.indexOf(DATAGRAM, at + 1)) {
    datagrams.push(at);
  }
  const calls: SocketCall[] = [];
  for (const match of code.matchAll(CALL)) {
    const start = match.index ?? 0;
    const name = match[1];
    const body = blockAt(blocks, start);
    const args = body === undefined ? undefined : source.arguments(start + match[0].length - 1);
    if (body === undefined || args === undefined || args.length !== 3) {
      continue;
    }
    const variable = variableOf(code.slice(args[1].start, args[1].end));
    if (variable === undefined) {
      continue;
    }
    const scope: Scope = { source, body, bodyText: code.slice(body.start, body.end), constants, withSymbols };
    const role = name === 'bind' ? 'listen' : 'connect';
    const datagram = occursIn(datagrams, DATAGRAM.length, body.start, body.end);
    let found: Omit<SocketCall, 'line' | 'start' | 'end'> | undefined;
    const type = typeOf(scope, variable);
    if (type === 'unix') {
      const path = pathOf(scope, variable);
      found = path === undefined || datagram ? undefined : { call: name, role, transport: 'unix', path };
    } else {
      const port = portOf(scope, variable);
      const host = port === undefined ? undefined : hostOf(scope, variable);
      const transport: CallTransport = datagram ? 'udp' : 'tcp';
      found = host === undefined ? undefined : { call: name, role, transport, host, port };
    }
    if (found !== undefined) {
      const { line, character } = source.position(start);
      calls.push({ line, start: character, end: character + name.length, ...found });
    }
  }
  return calls;
}

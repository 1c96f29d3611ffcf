// Finds the socket constant under the cursor. Pure and local: it reads the hovered line (and, for
// constructs that span lines, a bounded number of lines above it through ScanContext.lineAt), never
// the whole document. Document-wide facts (Python imports) are computed once by the caller with
// analyzePythonImports() and passed in.
import { CONSTANTS_BY_NAME, NODE_API_BY_NAME, SPECIAL_HOST_BY_LITERAL, lookupConstant } from './data/index';
import type { ConstantEntry, NodeApiMapping } from './types';

export type MatchKind =
  /** A bare identifier: C/C++, or Python after `from socket import …`. */
  | 'identifier'
  /** A qualified name: `socket.AF_INET`, `syscall.AF_INET`, `libc::AF_INET`, `errno.EPIPE`. */
  | 'qualified'
  /** A Go network string: `"tcp4"` as the network argument of net.Dial/Listen/…. */
  | 'go-network'
  /** A Node.js API that maps to a constant: `.setNoDelay(`, `{ reuseAddr: true }`. */
  | 'node-api'
  /** Python's special host strings `''` and `'<broadcast>'` in an address tuple. */
  | 'python-host';

export type Transport = 'tcp' | 'udp';

export interface HostMatch {
  /** The string's content: '' or '<broadcast>'. */
  readonly literal: string;
  /** The call the address goes to: 'bind', 'connect', 'sendto', 'create_server', … */
  readonly call: string;
  /** The port when it is an integer literal right after the host. */
  readonly port?: number;
  /** A guess from the call and nearby lines; used for the "open a client" link. */
  readonly transport: Transport;
}

export interface ScanResult {
  /** Name of the table entry (`AF_INET`, `"tcp4"`, `INADDR_ANY` for a Python host). */
  readonly name: string;
  /** Range of the hovered token on the line: [start, end). */
  readonly start: number;
  readonly end: number;
  readonly kind: MatchKind;
  /** The token as written (`reuseAddr`, `"tcp4"`, `''`, `WSAECONNREFUSED`). */
  readonly text: string;
  /** The qualifier as written, without the separator: `socket`, `socket.AddressFamily`, `syscall`, `libc`. */
  readonly qualifier?: string;
  readonly nodeApi?: NodeApiMapping;
  readonly host?: HostMatch;
}

/** What a Python document imports from socket/errno; compute once per document version. */
export interface PythonImports {
  /** Names bound to the socket module (`socket`, or `sock` after `import socket as sock`). */
  readonly socketModules: ReadonlySet<string>;
  readonly errnoModules: ReadonlySet<string>;
  readonly socketStar: boolean;
  readonly errnoStar: boolean;
  /** Local name → constant name, from `from socket import AF_INET as FAMILY` and the like. */
  readonly importedNames: ReadonlyMap<string, string>;
}

export interface ScanContext {
  readonly pythonImports?: PythonImports;
  /** Index of the hovered line, for lineAt. */
  readonly line?: number;
  /** Text of another line of the document, or undefined outside it. Called for a few lines only. */
  readonly lineAt?: (line: number) => string | undefined;
}

/** What a Python file that only does `import socket` (or nothing) allows. */
export const DEFAULT_PYTHON_IMPORTS: PythonImports = {
  socketModules: new Set(['socket']),
  errnoModules: new Set(['errno']),
  socketStar: false,
  errnoStar: false,
  importedNames: new Map(),
};

const C_LANGUAGES = new Set(['c', 'cpp', 'objective-c', 'objective-cpp', 'cuda-cpp']);
const JS_LANGUAGES = new Set(['javascript', 'typescript', 'javascriptreact', 'typescriptreact']);
/** How far back multi-line constructs (block comments, object literals) are followed. */
const LOOK_BACK_LINES = 30;

// ---------------------------------------------------------------------------------------------
// Line lexing: is a position code, comment or string, and where does the string start and end?

interface Syntax {
  readonly lineComment: string;
  readonly blockComments: boolean;
  readonly quotes: string;
  readonly tripleQuotes: boolean;
  /** Rust: a quote is a char literal only when it closes within a few characters (else a lifetime). */
  readonly charLiteralsMustClose: boolean;
}

const C_SYNTAX: Syntax = { lineComment: '//', blockComments: true, quotes: '"\'', tripleQuotes: false, charLiteralsMustClose: false };
const GO_SYNTAX: Syntax = { lineComment: '//', blockComments: true, quotes: '"\'`', tripleQuotes: false, charLiteralsMustClose: false };
const RUST_SYNTAX: Syntax = { lineComment: '//', blockComments: true, quotes: '"\'', tripleQuotes: false, charLiteralsMustClose: true };
const JS_SYNTAX: Syntax = { lineComment: '//', blockComments: true, quotes: '"\'`', tripleQuotes: false, charLiteralsMustClose: false };
const PYTHON_SYNTAX: Syntax = { lineComment: '#', blockComments: false, quotes: '"\'', tripleQuotes: true, charLiteralsMustClose: false };

type Position =
  | { readonly kind: 'code' }
  | { readonly kind: 'comment' }
  /** start is the opening quote, end is one past the closing quote (or the line end). */
  | { readonly kind: 'string'; readonly start: number; readonly end: number; readonly quote: string };

/** Index one past the closing quote, or the line length when the string does not close here. */
function stringEnd(line: string, from: number, quote: string, escapes: boolean): number {
  for (let index = from; index < line.length; index++) {
    const character = line[index];
    if (escapes && character === '\\') {
      index++;
    } else if (line.startsWith(quote, index)) {
      return index + quote.length;
    }
  }
  return line.length;
}

/** Rust: `'a'`, `'\n'`, `'\u{1F600}'` are chars; `'a` in `&'a str` is a lifetime. */
function rustCharEnd(line: string, from: number): number | undefined {
  if (line[from + 1] === '\\') {
    const close = line.indexOf('\'', from + 2);
    return close !== -1 && close - from <= 12 ? close + 1 : undefined;
  }
  return line[from + 2] === '\'' ? from + 3 : undefined;
}

function classify(line: string, target: number, syntax: Syntax, inBlockComment: boolean): Position {
  let index = 0;
  if (inBlockComment) {
    const close = line.indexOf('*/');
    if (close === -1 || target < close + 2) {
      return { kind: 'comment' };
    }
    index = close + 2;
  }
  while (index < line.length) {
    if (line.startsWith(syntax.lineComment, index)) {
      return target >= index ? { kind: 'comment' } : { kind: 'code' };
    }
    if (syntax.blockComments && line.startsWith('/*', index)) {
      const close = line.indexOf('*/', index + 2);
      const end = close === -1 ? line.length : close + 2;
      if (target >= index && target < end) {
        return { kind: 'comment' };
      }
      index = end;
      continue;
    }
    const character = line[index];
    if (syntax.quotes.includes(character)) {
      let quote = character;
      if (syntax.tripleQuotes && line.startsWith(character.repeat(3), index)) {
        quote = character.repeat(3);
      }
      let end: number | undefined;
      if (character === '\'' && syntax.charLiteralsMustClose) {
        end = rustCharEnd(line, index);
      } else {
        end = stringEnd(line, index + quote.length, quote, character !== '`');
      }
      if (end !== undefined) {
        if (target >= index && target < end) {
          return { kind: 'string', start: index, end, quote };
        }
        index = end;
        continue;
      }
    }
    if (index >= target) {
      return { kind: 'code' };
    }
    index++;
  }
  return { kind: 'code' };
}

/** C-family block comments that started on an earlier line: look back a bounded number of lines. */
function startsInsideBlockComment(context: ScanContext | undefined, lineText: string): boolean {
  if (context?.lineAt === undefined || context.line === undefined) {
    // Without the document, a leading ` * ` is the tell-tale of a doc-comment continuation.
    return /^\s*\*(\s|\/|$)/.test(lineText) && !/^\s*\*\//.test(lineText);
  }
  for (let line = context.line - 1; line >= 0 && line >= context.line - LOOK_BACK_LINES; line--) {
    const text = context.lineAt(line);
    if (text === undefined) {
      return false;
    }
    const open = text.lastIndexOf('/*');
    const close = text.lastIndexOf('*/');
    if (open !== -1 || close !== -1) {
      return open > close;
    }
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// Tokens and qualifiers.

function isWordCharacter(character: string | undefined): boolean {
  return character !== undefined && /[A-Za-z0-9_]/.test(character);
}

function wordAt(line: string, character: number): { start: number; end: number } | undefined {
  let anchor = character;
  if (!isWordCharacter(line[anchor])) {
    // The cursor may sit just after the word, as VS Code positions do at a word's end.
    if (!isWordCharacter(line[anchor - 1])) {
      return undefined;
    }
    anchor -= 1;
  }
  let start = anchor;
  while (start > 0 && isWordCharacter(line[start - 1])) {
    start--;
  }
  let end = anchor + 1;
  while (end < line.length && isWordCharacter(line[end])) {
    end++;
  }
  if (/[0-9]/.test(line[start])) {
    return undefined;
  }
  return { start, end };
}

/**
 * The dotted (or `::`) path written before the word at `start`: for `socket.AddressFamily.AF_INET`
 * it returns ['socket', 'AddressFamily']. `leading` tells whether the path itself starts with the
 * separator (`::libc::X`, `.socket.X`).
 */
function qualifierPath(line: string, start: number, separator: '.' | '::'): { parts: string[]; leading: boolean } {
  const parts: string[] = [];
  let index = start;
  while (line.startsWith(separator, index - separator.length)) {
    let wordStart = index - separator.length;
    while (wordStart > 0 && isWordCharacter(line[wordStart - 1])) {
      wordStart--;
    }
    const word = line.slice(wordStart, index - separator.length);
    if (word === '') {
      return { parts, leading: true };
    }
    parts.unshift(word);
    index = wordStart;
  }
  const before = line[index - 1];
  return { parts, leading: before === '.' || (separator === '::' && before === ':') };
}

function previousNonSpace(line: string, index: number): number {
  let position = index - 1;
  while (position >= 0 && /\s/.test(line[position])) {
    position--;
  }
  return position;
}

function nextNonSpace(line: string, index: number): number {
  let position = index;
  while (position < line.length && /\s/.test(line[position])) {
    position++;
  }
  return position;
}

/** The identifier that ends right before `index` (skipping spaces), e.g. the callee before `(`. */
function identifierBefore(line: string, index: number): { name: string; start: number } | undefined {
  const end = previousNonSpace(line, index) + 1;
  let start = end;
  while (start > 0 && isWordCharacter(line[start - 1])) {
    start--;
  }
  return start === end ? undefined : { name: line.slice(start, end), start };
}

/**
 * Walks left from `index` to the unmatched opening bracket `open`, skipping nested pairs and
 * strings; returns its position or -1. Works on one line; callers join lines when needed.
 */
function unmatchedOpening(text: string, index: number, open: string, syntax: Syntax): number {
  const closers: Record<string, string> = { ')': '(', ']': '[', '}': '{' };
  const depth: Record<string, number> = { '(': 0, '[': 0, '{': 0 };
  for (let position = index - 1; position >= 0; position--) {
    const character = text[position];
    if (syntax.quotes.includes(character)) {
      // Skip back over a string: find its opening quote (escape-unaware, good enough locally).
      const opening = text.lastIndexOf(character, position - 1);
      if (opening !== -1) {
        position = opening;
        continue;
      }
    }
    if (character in closers) {
      depth[closers[character]]++;
    } else if (character in depth) {
      if (depth[character] > 0) {
        depth[character]--;
      } else if (character === open) {
        return position;
      } else {
        return -1;
      }
    }
  }
  return -1;
}

// ---------------------------------------------------------------------------------------------
// Per-language matching.

function identifierMatch(entry: ConstantEntry, text: string, start: number, end: number, qualifier?: string): ScanResult {
  return {
    name: entry.name,
    start,
    end,
    kind: qualifier === undefined ? 'identifier' : 'qualified',
    text,
    qualifier,
  };
}

function scanC(line: string, character: number, context: ScanContext | undefined): ScanResult | undefined {
  const word = wordAt(line, character);
  if (word === undefined) {
    return undefined;
  }
  const text = line.slice(word.start, word.end);
  const entry = lookupConstant(text);
  if (entry === undefined || entry.group === 'go-network') {
    return undefined;
  }
  // A member (`cfg.SO_REUSEADDR`, `p->AF_INET`) or a namespaced name (`asio::X`) is someone else's.
  if (line[word.start - 1] === '.' || line.startsWith('->', word.start - 2)) {
    return undefined;
  }
  if (line.startsWith('::', word.start - 2) && isWordCharacter(line[word.start - 3])) {
    return undefined;
  }
  const position = classify(line, word.start, C_SYNTAX, startsInsideBlockComment(context, line));
  return position.kind === 'code' ? identifierMatch(entry, text, word.start, word.end) : undefined;
}

const PYTHON_ENUMS: Record<string, string> = {
  AddressFamily: 'AF_',
  SocketKind: 'SOCK_',
  MsgFlag: 'MSG_',
  AddressInfo: 'AI_',
};

function pythonSocketEntry(entry: ConstantEntry): boolean {
  return entry.group !== 'errno' && entry.group !== 'go-network';
}

function scanPythonIdentifier(line: string, word: { start: number; end: number }, imports: PythonImports): ScanResult | undefined {
  const text = line.slice(word.start, word.end);
  const { parts, leading } = qualifierPath(line, word.start, '.');
  if (leading) {
    return undefined;
  }
  if (parts.length === 0) {
    const imported = imports.importedNames.get(text);
    const entry = CONSTANTS_BY_NAME.get(imported ?? text);
    if (entry === undefined) {
      return undefined;
    }
    const allowed = imported !== undefined
      || (imports.socketStar && pythonSocketEntry(entry))
      || (imports.errnoStar && entry.group === 'errno');
    return allowed ? identifierMatch(entry, text, word.start, word.end) : undefined;
  }
  const entry = CONSTANTS_BY_NAME.get(text);
  if (entry === undefined) {
    return undefined;
  }
  const qualifier = parts.join('.');
  const last = parts[parts.length - 1];
  const enumPrefix = PYTHON_ENUMS[last];
  if (enumPrefix !== undefined) {
    const moduleOk = parts.length === 1 || (parts.length === 2 && imports.socketModules.has(parts[0]));
    return moduleOk && text.startsWith(enumPrefix) ? identifierMatch(entry, text, word.start, word.end, qualifier) : undefined;
  }
  if (parts.length !== 1) {
    return undefined;
  }
  if (imports.socketModules.has(last) && pythonSocketEntry(entry)) {
    return identifierMatch(entry, text, word.start, word.end, qualifier);
  }
  if (imports.errnoModules.has(last) && entry.group === 'errno') {
    return identifierMatch(entry, text, word.start, word.end, qualifier);
  }
  return undefined;
}

const PYTHON_FIRST_ARGUMENT_CALLS = new Set(['bind', 'connect', 'connect_ex', 'create_connection', 'create_server']);
const PYTHON_LATER_ARGUMENT_CALLS = new Set(['sendto', 'sendmsg']);
const PYTHON_ADDRESS_KEYWORDS = new Set(['address', 'local_addr', 'remote_addr']);

function transportNear(line: string, context: ScanContext | undefined): Transport {
  const texts = [line];
  if (context?.lineAt !== undefined && context.line !== undefined) {
    for (let index = context.line - 1; index >= 0 && index >= context.line - LOOK_BACK_LINES; index--) {
      const text = context.lineAt(index);
      if (text === undefined) {
        break;
      }
      texts.push(text);
    }
  }
  for (const text of texts) {
    if (text.includes('SOCK_DGRAM') || text.includes('datagram')) {
      return 'udp';
    }
    if (text.includes('SOCK_STREAM')) {
      return 'tcp';
    }
  }
  return 'tcp';
}

function scanPythonHost(
  line: string,
  position: { start: number; end: number; quote: string },
  context: ScanContext | undefined,
): ScanResult | undefined {
  if (position.quote.length !== 1 || position.end > line.length || line[position.end - 1] !== position.quote) {
    return undefined;
  }
  const literal = line.slice(position.start + 1, position.end - 1);
  const special = SPECIAL_HOST_BY_LITERAL.get(literal);
  if (special === undefined) {
    return undefined;
  }
  // The string must open a tuple: `(` before it and `,` after it.
  const tupleOpen = previousNonSpace(line, position.start);
  const afterHost = nextNonSpace(line, position.end);
  if (line[tupleOpen] !== '(' || line[afterHost] !== ',') {
    return undefined;
  }
  const beforeTuple = previousNonSpace(line, tupleOpen);
  let call: string | undefined;
  if (line[beforeTuple] === '(') {
    const callee = identifierBefore(line, beforeTuple);
    call = callee !== undefined && PYTHON_FIRST_ARGUMENT_CALLS.has(callee.name) ? callee.name : undefined;
  } else if (line[beforeTuple] === ',') {
    const open = unmatchedOpening(line, beforeTuple, '(', PYTHON_SYNTAX);
    const callee = open === -1 ? undefined : identifierBefore(line, open);
    call = callee !== undefined && PYTHON_LATER_ARGUMENT_CALLS.has(callee.name) ? callee.name : undefined;
  } else if (line[beforeTuple] === '=') {
    const keyword = identifierBefore(line, beforeTuple);
    call = keyword !== undefined && PYTHON_ADDRESS_KEYWORDS.has(keyword.name) ? keyword.name : undefined;
  }
  if (call === undefined) {
    return undefined;
  }
  const portMatch = /^\s*(\d{1,5})\s*\)/.exec(line.slice(afterHost + 1));
  const portNumber = portMatch === null ? undefined : Number(portMatch[1]);
  const port = portNumber !== undefined && portNumber <= 65535 ? portNumber : undefined;
  let transport: Transport;
  if (call === 'sendto' || call === 'sendmsg' || literal === '<broadcast>') {
    transport = 'udp';
  } else if (call === 'create_connection' || call === 'create_server') {
    transport = 'tcp';
  } else {
    transport = transportNear(line, context);
  }
  return {
    name: special.constant,
    start: position.start,
    end: position.end,
    kind: 'python-host',
    text: line.slice(position.start, position.end),
    host: { literal, call, port, transport },
  };
}

function scanPython(line: string, character: number, context: ScanContext | undefined): ScanResult | undefined {
  const position = classify(line, character, PYTHON_SYNTAX, false);
  if (position.kind === 'comment') {
    return undefined;
  }
  if (position.kind === 'string') {
    return scanPythonHost(line, position, context);
  }
  const word = wordAt(line, character);
  if (word === undefined) {
    return undefined;
  }
  return scanPythonIdentifier(line, word, context?.pythonImports ?? DEFAULT_PYTHON_IMPORTS);
}

const GO_QUALIFIERS = new Set(['syscall', 'unix', 'windows']);
const GO_NETWORKS = new Set(['tcp', 'tcp4', 'tcp6', 'udp', 'udp4', 'udp6', 'ip', 'ip4', 'ip6', 'unix', 'unixgram', 'unixpacket']);
/** Calls whose first argument is a network name (net.Dial, tls.Dial, (&net.Dialer{}).Dial, …). */
const GO_FIRST_ARGUMENT_CALLS = new Set([
  'Dial', 'DialTimeout', 'Listen', 'ListenPacket', 'ResolveTCPAddr', 'ResolveUDPAddr', 'ResolveIPAddr',
  'ResolveUnixAddr', 'ListenTCP', 'ListenUDP', 'ListenIP', 'ListenUnix', 'ListenUnixgram', 'ListenMulticastUDP',
  'DialTCP', 'DialUDP', 'DialIP', 'DialUnix', 'LookupPort',
]);
/** Calls whose second argument is the network: Dialer.DialContext(ctx, …), ListenConfig.Listen(ctx, …). */
const GO_SECOND_ARGUMENT_CALLS = new Set(['DialContext', 'Listen', 'ListenPacket', 'DialWithDialer']);

function scanGoNetwork(line: string, position: { start: number; end: number; quote: string }): ScanResult | undefined {
  if (position.quote === '\'' || line[position.end - 1] !== position.quote) {
    return undefined;
  }
  const content = line.slice(position.start + 1, position.end - 1);
  const [network, protocol] = content.split(':', 2);
  if (!GO_NETWORKS.has(network) || (protocol !== undefined && !network.startsWith('ip'))) {
    return undefined;
  }
  const before = previousNonSpace(line, position.start);
  let callee: string | undefined;
  if (line[before] === '(') {
    const name = identifierBefore(line, before)?.name;
    callee = name !== undefined && GO_FIRST_ARGUMENT_CALLS.has(name) ? name : undefined;
  } else if (line[before] === ',') {
    const open = unmatchedOpening(line, before, '(', GO_SYNTAX);
    const name = open === -1 ? undefined : identifierBefore(line, open)?.name;
    // Exactly one argument before ours.
    const single = open !== -1 && !line.slice(open + 1, before).includes(',');
    callee = single && name !== undefined && GO_SECOND_ARGUMENT_CALLS.has(name) ? name : undefined;
  }
  if (callee === undefined) {
    return undefined;
  }
  const name = `"${network}"`;
  return CONSTANTS_BY_NAME.has(name)
    ? { name, start: position.start, end: position.end, kind: 'go-network', text: line.slice(position.start, position.end) }
    : undefined;
}

function scanGo(line: string, character: number, context: ScanContext | undefined): ScanResult | undefined {
  const position = classify(line, character, GO_SYNTAX, startsInsideBlockComment(context, line));
  if (position.kind === 'comment') {
    return undefined;
  }
  if (position.kind === 'string') {
    return scanGoNetwork(line, position);
  }
  const word = wordAt(line, character);
  if (word === undefined) {
    return undefined;
  }
  const text = line.slice(word.start, word.end);
  const { parts, leading } = qualifierPath(line, word.start, '.');
  if (leading || parts.length !== 1 || !GO_QUALIFIERS.has(parts[0])) {
    return undefined;
  }
  const entry = lookupConstant(text);
  return entry === undefined || entry.group === 'go-network'
    ? undefined
    : identifierMatch(entry, text, word.start, word.end, parts[0]);
}

/** Paths whose last segment re-exports the C constants: libc, nix::libc, winapi's winsock2, windows-sys' WinSock. */
const RUST_MODULES = new Set(['libc', 'winsock2', 'ws2def', 'ws2ipdef', 'WinSock']);

function scanRust(line: string, character: number, context: ScanContext | undefined): ScanResult | undefined {
  const position = classify(line, character, RUST_SYNTAX, startsInsideBlockComment(context, line));
  if (position.kind !== 'code') {
    return undefined;
  }
  const word = wordAt(line, character);
  if (word === undefined) {
    return undefined;
  }
  const text = line.slice(word.start, word.end);
  const { parts } = qualifierPath(line, word.start, '::');
  if (parts.length === 0 || !RUST_MODULES.has(parts[parts.length - 1])) {
    return undefined;
  }
  const entry = lookupConstant(text);
  return entry === undefined || entry.group === 'go-network'
    ? undefined
    : identifierMatch(entry, text, word.start, word.end, parts.join('::'));
}

/** The text from up to LOOK_BACK_LINES lines above, joined, with the offset of the current line in it. */
function textAbove(line: string, context: ScanContext | undefined): { text: string; offset: number } {
  const lines: string[] = [];
  if (context?.lineAt !== undefined && context.line !== undefined) {
    for (let index = context.line - 1; index >= 0 && index >= context.line - LOOK_BACK_LINES; index--) {
      const text = context.lineAt(index);
      if (text === undefined) {
        break;
      }
      lines.unshift(text);
    }
  }
  const before = lines.length === 0 ? '' : `${lines.join('\n')}\n`;
  return { text: before + line, offset: before.length };
}

function nodeOptionCallee(line: string, keyStart: number, context: ScanContext | undefined): string | undefined {
  const { text, offset } = textAbove(line, context);
  // The key must start an object member: right after `{` or `,` (possibly on an earlier line).
  const previous = previousNonSpace(text, offset + keyStart);
  if (previous === -1 || (text[previous] !== '{' && text[previous] !== ',')) {
    return undefined;
  }
  const brace = unmatchedOpening(text, offset + keyStart, '{', JS_SYNTAX);
  if (brace === -1) {
    return undefined;
  }
  const beforeBrace = previousNonSpace(text, brace);
  let open = -1;
  if (text[beforeBrace] === '(') {
    open = beforeBrace;
  } else if (text[beforeBrace] === ',') {
    open = unmatchedOpening(text, beforeBrace, '(', JS_SYNTAX);
  }
  return open === -1 ? undefined : identifierBefore(text, open)?.name;
}

function scanJavaScript(line: string, character: number, context: ScanContext | undefined): ScanResult | undefined {
  const word = wordAt(line, character);
  if (word === undefined) {
    return undefined;
  }
  const text = line.slice(word.start, word.end);
  const mapping = NODE_API_BY_NAME.get(text);
  if (mapping === undefined) {
    return undefined;
  }
  const position = classify(line, word.start, JS_SYNTAX, startsInsideBlockComment(context, line));
  if (position.kind !== 'code') {
    return undefined;
  }
  const after = nextNonSpace(line, word.end);
  if (mapping.form === 'method') {
    if (line[word.start - 1] !== '.' || line[after] !== '(') {
      return undefined;
    }
  } else {
    if (line[after] !== ':' || line[word.start - 1] === '.') {
      return undefined;
    }
    const callee = nodeOptionCallee(line, word.start, context);
    if (callee === undefined || !(mapping.calls ?? []).includes(callee)) {
      return undefined;
    }
  }
  return {
    name: mapping.constant,
    start: word.start,
    end: word.end,
    kind: 'node-api',
    text,
    nodeApi: mapping,
  };
}

/**
 * The socket constant at `character` on `lineText`, or undefined when there is none (the common,
 * fast case: one Map lookup after finding the word).
 */
export function findConstantAt(
  lineText: string,
  character: number,
  languageId: string,
  context?: ScanContext,
): ScanResult | undefined {
  if (character < 0 || character > lineText.length) {
    return undefined;
  }
  if (C_LANGUAGES.has(languageId)) {
    return scanC(lineText, character, context);
  }
  if (JS_LANGUAGES.has(languageId)) {
    return scanJavaScript(lineText, character, context);
  }
  switch (languageId) {
    case 'python':
      return scanPython(lineText, character, context);
    case 'go':
      return scanGo(lineText, character, context);
    case 'rust':
      return scanRust(lineText, character, context);
    default:
      return undefined;
  }
}

// ---------------------------------------------------------------------------------------------
// Python imports: once per document version, not per hover.

function importedNamesInto(
  list: string,
  module: 'socket' | 'errno',
  names: Map<string, string>,
): boolean {
  let star = false;
  for (const item of list.replace(/[()\\]/g, ' ').split(',')) {
    const parts = item.trim().split(/\s+as\s+/);
    const original = parts[0]?.trim() ?? '';
    const local = (parts[1] ?? original).trim();
    if (original === '*') {
      star = true;
    } else if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(original) && /^[A-Za-z_][A-Za-z0-9_]*$/.test(local)) {
      const entry = CONSTANTS_BY_NAME.get(original);
      const fits = entry !== undefined && (module === 'errno' ? entry.group === 'errno' : pythonSocketEntry(entry));
      if (fits) {
        names.set(local, original);
      }
    }
  }
  return star;
}

/** Reads a Python document's `import socket …` / `from socket import …` statements (also errno). */
export function analyzePythonImports(text: string): PythonImports {
  const socketModules = new Set<string>();
  const errnoModules = new Set<string>();
  const importedNames = new Map<string, string>();
  let socketStar = false;
  let errnoStar = false;
  const lines = text.split(/\r?\n/);
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index].replace(/#.*$/, '');
    const plain = /^\s*import\s+(.+)$/.exec(line);
    if (plain !== null) {
      for (const item of plain[1].split(',')) {
        const [module, alias] = item.trim().split(/\s+as\s+/);
        if (module === 'socket') {
          socketModules.add(alias?.trim() ?? 'socket');
        } else if (module === 'errno') {
          errnoModules.add(alias?.trim() ?? 'errno');
        }
      }
      continue;
    }
    const from = /^\s*from\s+(socket|errno)\s+import\s+(.+)$/.exec(line);
    if (from !== null) {
      let list = from[2];
      // A parenthesised list may continue over several lines.
      if (list.includes('(') && !list.includes(')')) {
        while (index + 1 < lines.length && !list.includes(')')) {
          index++;
          list += ` ${lines[index].replace(/#.*$/, '')}`;
        }
      }
      const module = from[1] === 'socket' ? 'socket' : 'errno';
      const star = importedNamesInto(list, module, importedNames);
      if (module === 'socket') {
        socketStar ||= star;
      } else {
        errnoStar ||= star;
      }
    }
  }
  // `socket.AF_INET` works in the common case even if the import sits in a function or an
  // `if` block that the line-based reading above skipped.
  if (socketModules.size === 0) {
    socketModules.add('socket');
  }
  if (errnoModules.size === 0) {
    errnoModules.add('errno');
  }
  return { socketModules, errnoModules, socketStar, errnoStar, importedNames };
}

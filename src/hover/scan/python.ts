// Python: `socket.AF_INET`, enum members (`socket.AddressFamily.AF_INET`), names brought in by
// `from socket import …`, and the special host strings '' and '<broadcast>' in address tuples.
import { CONSTANTS_BY_NAME, SPECIAL_HOST_BY_LITERAL } from '../data/index';
import type { ConstantEntry } from '../types';
import {
  LOOK_BACK_LINES, PYTHON_SYNTAX, classify, identifierBefore, identifierMatch, nextNonSpace, previousNonSpace, qualifierPath,
  unmatchedOpening, wordAt,
} from './lexing';
import type { PythonImports, ScanContext, ScanResult, Transport } from './types';

/** What a Python file that only does `import socket` (or nothing) allows. */
export const DEFAULT_PYTHON_IMPORTS: PythonImports = {
  socketModules: new Set(['socket']),
  errnoModules: new Set(['errno']),
  socketStar: false,
  errnoStar: false,
  importedNames: new Map(),
};

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

export function scanPython(line: string, character: number, context: ScanContext | undefined): ScanResult | undefined {
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

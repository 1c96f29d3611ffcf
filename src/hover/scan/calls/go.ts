// Go: net.Listen, net.ListenPacket, net.Dial, net.DialTimeout (network and "host:port" or a UNIX
// path) and http.ListenAndServe(":8080", h) / ListenAndServeTLS. A name from `const`/`var`/`:=`
// assigned one string literal in the file counts as that literal.
import { collectConstants, type SourceText } from './source';
import type { CallRole, CallTransport, Literal, SocketCall } from './types';

/** `const addr = "…"`, `var addr string = "…"`, `addr := "…"`, and `addr = "…"` lines inside const ( … ) blocks. */
const DECLARATION = /(?:\b(?:const|var)[ \t]+|^[ \t]*)([A-Za-z_][A-Za-z0-9_]*)(?:[ \t]+[A-Za-z_][A-Za-z0-9_.]*)?[ \t]*:?=(?!=)/gm;
const CALL = /\b(net|http)\.(Listen|ListenPacket|Dial|DialTimeout|ListenAndServe|ListenAndServeTLS)[ \t]*\(/g;

/** "host:port" with the host in brackets for IPv6; ":8080" has host '' (every interface). */
export function splitGoAddress(address: string): { host: string; port: number } | undefined {
  const match = /^(?:\[([^\]]*)\]|([^:[\]]*)):(\d{1,5})$/.exec(address);
  if (match === null) {
    return undefined;
  }
  const port = Number(match[3]);
  return port > 65535 ? undefined : { host: match[1] ?? match[2] ?? '', port };
}

function transportOf(network: string): CallTransport | undefined {
  if (/^tcp[46]?$/.test(network)) {
    return 'tcp';
  }
  if (/^udp[46]?$/.test(network)) {
    return 'udp';
  }
  return network === 'unix' ? 'unix' : undefined;
}

export function goCalls(source: SourceText): SocketCall[] {
  const code = source.code;
  if (!code.includes('net.') && !code.includes('http.')) {
    return [];
  }
  const constants = collectConstants(source, DECLARATION, ';');
  const calls: SocketCall[] = [];
  for (const match of code.matchAll(CALL)) {
    const [written, module, name] = match;
    const start = match.index ?? 0;
    const args = source.arguments(start + written.length - 1);
    if (args === undefined) {
      continue;
    }
    const text = (index: number): string | undefined => {
      const literal: Literal | undefined = args[index] === undefined ? undefined : source.literal(args[index].start, args[index].end, constants);
      return literal?.kind === 'string' ? literal.value : undefined;
    };
    let network: string | undefined;
    let address: string | undefined;
    if (module === 'http') {
      if (name !== 'ListenAndServe' && name !== 'ListenAndServeTLS') {
        continue;
      }
      network = 'tcp';
      address = text(0);
    } else {
      if (name === 'ListenAndServe' || name === 'ListenAndServeTLS') {
        continue;
      }
      network = text(0);
      address = text(1);
    }
    const transport = network === undefined ? undefined : transportOf(network);
    if (transport === undefined || address === undefined) {
      continue;
    }
    const role: CallRole = name.startsWith('Listen') ? 'listen' : 'connect';
    const call = `${module}.${name}`;
    let found: Omit<SocketCall, 'line' | 'start' | 'end'> | undefined;
    if (transport === 'unix') {
      found = { call, role, transport, path: address };
    } else {
      const split = splitGoAddress(address);
      found = split === undefined ? undefined : { call, role, transport, ...split };
    }
    if (found !== undefined) {
      const { line, character } = source.position(start + module.length + 1);
      calls.push({ line, start: character, end: character + name.length, ...found });
    }
  }
  return calls;
}

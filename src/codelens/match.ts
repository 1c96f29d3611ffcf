// Which socket in the Sockets view already is the peer a lens offers: same transport and role, same
// port (or UNIX path), and alive. Host spellings differ (127.0.0.1, localhost, '' for a listener),
// so they do not decide; a closed socket is no peer, and the lens offers to open one instead.
import { parseSpec, type SocketInfo, type SocketSpec } from '../engine';

const LIVE_STATES: ReadonlySet<SocketInfo['state']> = new Set(['opening', 'listening', 'connecting', 'open', 'half-closed']);

function specOf(text: string): SocketSpec | undefined {
  try {
    return parseSpec(text);
  } catch {
    return undefined;
  }
}

function samePlace(wanted: SocketSpec, info: SocketInfo, spec: SocketSpec): boolean {
  if (wanted.transport === 'unix') {
    return spec.path === wanted.path;
  }
  const port = Number(wanted.port);
  // A listener's actual port matters (a spec may name a service); a client's is its peer's.
  const actual = wanted.role === 'listen' ? info.local?.port : info.remote?.port ?? info.defaultTarget?.port;
  return actual === port || Number(spec.port) === port;
}

/** The first live top-level socket that matches `specText`, or undefined. */
export function matchingSocket(sockets: readonly SocketInfo[], specText: string): SocketInfo | undefined {
  const wanted = specOf(specText);
  if (wanted === undefined) {
    return undefined;
  }
  return sockets.find((info) => {
    if (info.parentId !== undefined || !LIVE_STATES.has(info.state)) {
      return false;
    }
    const spec = specOf(info.spec);
    return spec !== undefined && spec.transport === wanted.transport && spec.role === wanted.role && samePlace(wanted, info, spec);
  });
}

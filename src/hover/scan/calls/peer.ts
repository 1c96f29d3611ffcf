// The peer a socket call wants, as a spec for Socket Workbench to open. The primer's host rules: a
// listener on every interface ('' or INADDR_ANY, 0.0.0.0, ::) is reached through loopback, and a
// listener offered to a client in the code stays on loopback (the user can widen it in the guided
// input or with a spec of their own). Port 0 (any free port) and broadcast have no single peer.
import { buildSpec, formatSpec, parseHost } from '../../../engine';
import type { CallRole, CallTransport, SocketCall } from './types';

export interface PeerOffer {
  /** `client`: the code listens, so offer a client; `listener`: the code connects, so offer a listener. */
  readonly action: 'client' | 'listener';
  /** Canonical spec text: `tcp://127.0.0.1:8080`, `udp-listen://127.0.0.1:9999`, `unix:///tmp/app.sock`. */
  readonly spec: string;
}

/** Where a client reaches a listener bound to `host`: loopback for every-interface addresses. */
function clientHost(host: string): string | undefined {
  const info = parseHost(host);
  switch (info.kind) {
    case 'any':
      return info.family === 6 ? '::1' : '127.0.0.1';
    case 'broadcast':
      return undefined;
    case 'ipv4':
    case 'integer':
      return info.address === '0.0.0.0' ? '127.0.0.1' : info.address;
    case 'ipv6':
      return /^[0:]+$/.test(info.address) ? '::1' : host;
    default:
      return host;
  }
}

/** Where to listen for a client that connects to `host`: loopback, in the client's family. */
function listenerHost(host: string): string | undefined {
  const info = parseHost(host);
  if (info.kind === 'broadcast') {
    return undefined;
  }
  return info.kind === 'ipv6' || (info.kind === 'any' && info.family === 6) ? '::1' : '127.0.0.1';
}

/**
 * Offers already worked out, by the call's role, transport and address: a document's calls are
 * scanned again on every edit, and almost all of them are the same as in the version before.
 * Nested maps (role, transport, port, then host or path) rather than one map by a key string: the
 * key made per call was a fifth of a scan's garbage. Bounded: emptied when full.
 */
type ByAddress = Map<string | undefined, PeerOffer | undefined>;
const OFFERS = new Map<CallRole, Map<CallTransport, Map<number | undefined, ByAddress>>>();
const OFFERS_CAPACITY = 1024;
let offerCount = 0;

export function peerOf(call: SocketCall): PeerOffer | undefined {
  // A UNIX offer is made from the path alone, any other from the port and host alone (offerFor).
  const unix = call.transport === 'unix';
  const port = unix ? undefined : call.port;
  const address = unix ? call.path : call.host;
  let byTransport = OFFERS.get(call.role);
  if (byTransport === undefined) {
    byTransport = new Map();
    OFFERS.set(call.role, byTransport);
  }
  let byPort = byTransport.get(call.transport);
  if (byPort === undefined) {
    byPort = new Map();
    byTransport.set(call.transport, byPort);
  }
  let byAddress = byPort.get(port);
  if (byAddress === undefined) {
    byAddress = new Map();
    byPort.set(port, byAddress);
  }
  if (byAddress.has(address)) {
    return byAddress.get(address);
  }
  const offer = offerFor(call);
  if (offerCount >= OFFERS_CAPACITY) {
    OFFERS.clear();
    offerCount = 0;
    return offer;
  }
  byAddress.set(address, offer);
  offerCount++;
  return offer;
}

function offerFor(call: SocketCall): PeerOffer | undefined {
  const action = call.role === 'listen' ? 'client' : 'listener';
  const role = call.role === 'listen' ? 'connect' : 'listen';
  try {
    if (call.transport === 'unix') {
      // A relative path depends on the program's working directory, which the editor does not know.
      if (call.path === undefined || !(call.path.startsWith('/') || call.path.startsWith('@'))) {
        return undefined;
      }
      return { action, spec: formatSpec(buildSpec({ transport: 'unix', role, path: call.path })) };
    }
    if (call.port === undefined || call.port < 1 || call.port > 65535 || call.host === undefined) {
      return undefined;
    }
    const host = call.role === 'listen' ? clientHost(call.host) : listenerHost(call.host);
    return host === undefined ? undefined : { action, spec: formatSpec(buildSpec({ transport: call.transport, role, host, port: call.port })) };
  } catch {
    // A host or path the engine would refuse gets no lens rather than one that fails.
    return undefined;
  }
}

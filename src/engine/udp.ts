/**
 * A UDP socket: bound (`udp-listen://`) or with a default peer (`udp://`). Either can send to any
 * target and receives from anyone, recording each datagram with its sender.
 */
import * as dgram from 'node:dgram';
import * as dns from 'node:dns';
import { formatAddress, parseTarget, socketTriple, toAddress } from './address';
import { prefixNeedsLength } from './framedStream';
import { EngineError, fromSystemError, withReason } from './shared/errors';
import { ManagedSocket, type CloseMode, type SocketOwner } from './managed';
import { resolveEndpoint } from './resolve';
import type { SendOptions, SendResult } from './send';
import type { Address, PeerInfo, SocketSpec, SocketTriple } from './shared/types';

/** Recent peers kept per socket: enough to pick a reply target, bounded against scans. */
const MAX_PEERS = 32;
/** Resolved send targets kept, so a repeating send does not resolve a name per datagram. */
const MAX_CACHED_TARGETS = 16;

interface Destination {
  readonly address: string;
  readonly port: number;
  readonly family: 4 | 6;
  readonly broadcast: boolean;
  readonly label: string;
}

interface PeerRecord {
  readonly label: string;
  address: Address;
  messages: number;
  bytes: number;
  lastSeen: number;
}

export class UdpSocket extends ManagedSocket {
  readonly kind = 'udp' as const;
  private socket: dgram.Socket | undefined;
  private family: 4 | 6 | undefined;
  private target: Destination | undefined;
  private broadcastOn = false;
  /** Why SO_BROADCAST is on, recorded once the socket is open (the transcript starts there). */
  private broadcastReason: string | undefined;
  private readonly recentPeers = new Map<string, PeerRecord>();
  private readonly targetCache = new Map<string, Destination>();
  private lastPeer: { readonly host: string; readonly port: number; readonly address: Address; readonly label: string } | undefined;
  /** The most recent peer's record: a busy socket hears one peer again and again, and skips the Map. */
  private mostRecentPeer: PeerRecord | undefined;
  private closed: Promise<void> = Promise.resolve();
  private lastSent: SendResult | undefined;

  constructor(id: string, readonly spec: SocketSpec, readonly specText: string, owner: SocketOwner, name: string | undefined) {
    super(id, owner, name);
  }

  triple(): SocketTriple {
    return socketTriple('udp', this.family ?? this.specFamily());
  }

  override peers(): readonly PeerInfo[] {
    return [...this.recentPeers.values()].reverse().map(({ address, messages, bytes, lastSeen }) => ({ address, messages, bytes, lastSeen }));
  }

  override defaultTarget(): Address | undefined {
    return this.target === undefined ? undefined : toAddress(this.target.address, this.target.port, this.target.family);
  }

  async open(): Promise<void> {
    this.beginOpen('opening');
    this.targetCache.clear();
    this.target = undefined;
    let socket: dgram.Socket | undefined;
    try {
      const endpoint = await resolveEndpoint(this.spec, { lookup: this.owner.lookup });
      this.resolved = endpoint.addresses.map((candidate) => candidate.address);
      const [first] = endpoint.addresses;
      this.family = first.family;
      let bindAddress = first.address;
      let bindPort = endpoint.port;
      if (this.spec.role === 'connect') {
        this.target = destination(first.address, endpoint.port, first.family, endpoint.broadcast);
        // A client needs only an ephemeral port; on loopback it need not listen on every interface.
        bindAddress = bindAddressFor(first.address, first.family);
        bindPort = 0;
      }
      if (this.spec.role === 'listen') {
        await this.confirmBind(bindAddress, bindPort);
      }
      const { reuseAddress, ipv6Only } = this.spec.options;
      socket = dgram.createSocket({
        type: first.family === 6 ? 'udp6' : 'udp4',
        reuseAddr: reuseAddress === true,
        ipv6Only: ipv6Only === true,
        lookup: resolvedLookup,
      });
      await bind(socket, bindAddress, bindPort);
      this.applyOptions(socket, endpoint.broadcast);
    } catch (error) {
      closeQuietly(socket);
      throw this.fail(error, { host: this.spec.host, port: this.spec.port });
    }
    this.attach(socket);
  }

  private applyOptions(socket: dgram.Socket, broadcastHost: boolean): void {
    const options = this.spec.options;
    this.broadcastOn = options.broadcast === true || broadcastHost;
    if (this.broadcastOn) {
      socket.setBroadcast(true);
      this.broadcastReason = broadcastHost ? 'enabled for <broadcast>' : 'enabled by broadcast=1';
    }
    if (options.ttl !== undefined) {
      socket.setTTL(options.ttl);
    }
    if (options.multicastTtl !== undefined) {
      socket.setMulticastTTL(options.multicastTtl);
    }
    if (options.multicastLoopback !== undefined) {
      socket.setMulticastLoopback(options.multicastLoopback);
    }
    if (options.multicastInterface !== undefined) {
      socket.setMulticastInterface(options.multicastInterface);
    }
    for (const group of options.multicast ?? []) {
      socket.addMembership(group, options.multicastInterface);
    }
  }

  private attach(socket: dgram.Socket): void {
    this.socket = socket;
    const bound = socket.address();
    this.local = toAddress(bound.address, bound.port, bound.family === 'IPv6' ? 6 : 4);
    this.closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
    socket.on('message', (message: Buffer, remote: dgram.RemoteInfo) => {
      const peer = this.peerFor(remote);
      // One clock read for the peer's last-seen time and the entry's.
      const time = Date.now();
      this.notePeer(peer, message.byteLength, time);
      this.recordData('in', message, peer.label, time);
    });
    socket.on('error', (error) => {
      if (this.state !== 'error') {
        this.fail(error);
      }
    });
    socket.on('close', () => {
      this.socket = undefined;
      if (this.state !== 'error') {
        this.recordEvent('close');
        this.setState('closed');
      }
    });
    if (this.broadcastReason !== undefined) {
      this.recordEvent('info', 'SO_BROADCAST', this.broadcastReason);
      this.broadcastReason = undefined;
    }
    for (const group of this.spec.options.multicast ?? []) {
      this.recordEvent('info', 'IP_ADD_MEMBERSHIP', group);
    }
    this.recordEvent('listen', undefined, formatAddress(this.local));
    this.setState('open');
  }

  /**
   * The sender as Address and label. A busy socket hears the same peer again and again, so the last
   * one is kept: formatting an address per datagram was a measurable share of the receive path.
   */
  private peerFor(remote: dgram.RemoteInfo): { readonly address: Address; readonly label: string } {
    const last = this.lastPeer;
    if (last !== undefined && last.port === remote.port && last.host === remote.address) {
      return last;
    }
    const address = toAddress(remote.address, remote.port, remote.family === 'IPv6' ? 6 : 4);
    this.lastPeer = { host: remote.address, port: remote.port, address, label: formatAddress(address) };
    return this.lastPeer;
  }

  private notePeer(peer: { readonly address: Address; readonly label: string }, bytes: number, time: number): void {
    const { label, address } = peer;
    const recent = this.mostRecentPeer;
    const known = recent !== undefined && recent.label === label ? recent : this.recentPeers.get(label);
    if (known !== undefined) {
      known.messages++;
      known.bytes += bytes;
      known.lastSeen = time;
      if (known !== recent) {
        // Re-inserting moves the peer to the end of the Map's order: the end is the most recent.
        this.recentPeers.delete(label);
        this.recentPeers.set(label, known);
        this.mostRecentPeer = known;
      }
      return;
    }
    const record: PeerRecord = { label, address, messages: 1, bytes, lastSeen: time };
    this.mostRecentPeer = record;
    this.recentPeers.set(label, record);
    if (this.recentPeers.size > MAX_PEERS) {
      const oldest = this.recentPeers.keys().next().value;
      if (oldest !== undefined) {
        this.recentPeers.delete(oldest);
      }
    }
  }

  /** Not async: an async function plus the await of the send callback cost two promises per datagram. */
  send(payload: Uint8Array, options: SendOptions): Promise<SendResult> {
    const socket = this.socket;
    if (socket === undefined || this.state !== 'open') {
      return Promise.reject(this.notOpen());
    }
    if (options.prefix === true) {
      return Promise.reject(prefixNeedsLength(this.id, undefined));
    }
    if (options.target !== undefined) {
      return this.resolveTarget(options.target).then((target) => this.sendTo(socket, target, payload, options));
    }
    return this.sendTo(socket, this.target, payload, options);
  }

  private sendTo(socket: dgram.Socket, target: Destination | undefined, payload: Uint8Array, options: SendOptions): Promise<SendResult> {
    if (target === undefined) {
      return Promise.reject(new EngineError(
        'NO_TARGET',
        `UDP socket ${this.id} has no default peer: give a target host:port`,
        withReason('udp-no-peer', { id: this.id }),
        this.id,
      ));
    }
    if (options.signal?.aborted) {
      return Promise.resolve({ bytesSent: 0, targets: 0, cancelled: true });
    }
    if (target.broadcast && !this.broadcastOn) {
      // The primer's '<broadcast>' host implies SO_BROADCAST, as Python's socket module does not do for you.
      socket.setBroadcast(true);
      this.broadcastOn = true;
      this.recordEvent('info', 'SO_BROADCAST', 'enabled for <broadcast>');
    }
    this.recordData('out', payload, target.label);
    return new Promise<SendResult>((resolve, reject) => {
      socket.send(payload, target.port, target.address, (error) => {
        if (error) {
          const failure = fromSystemError(error, { target: target.label, bytes: payload.byteLength });
          failure.socketId = this.id;
          // A refused datagram does not break the socket: record it and let the caller decide.
          this.recordEvent('error', failure.code, failure.message, failure.toJSON());
          reject(failure);
          return;
        }
        this.countSent(payload.byteLength);
        options.onProgress?.({ sent: payload.byteLength, total: payload.byteLength });
        resolve(this.sentResult(payload.byteLength));
      });
    });
  }

  /**
   * The result of one datagram sent, frozen and kept for the last size: a repeating send of one
   * payload returns the same object instead of allocating one per datagram.
   */
  private sentResult(bytes: number): SendResult {
    const last = this.lastSent;
    if (last !== undefined && last.bytesSent === bytes) {
      return last;
    }
    this.lastSent = Object.freeze({ bytesSent: bytes, targets: 1, cancelled: false });
    return this.lastSent;
  }

  private async resolveTarget(text: string): Promise<Destination> {
    const cached = this.targetCache.get(text);
    if (cached !== undefined) {
      return cached;
    }
    const { host, port, info } = parseTarget(text, 'udp');
    // A literal of the other family is this socket's limit (EINVAL below), not a mistake in the text.
    const family = info.kind === 'name' || info.kind === 'any' ? this.family : undefined;
    const endpoint = await resolveEndpoint(
      { transport: 'udp', role: 'connect', host, port: String(port), options: { family } },
      { lookup: this.owner.lookup },
    );
    const match = endpoint.addresses.find((candidate) => candidate.family === this.family);
    if (match === undefined) {
      throw new EngineError(
        'EINVAL',
        `${text} has no IPv${this.family ?? 4} address; this socket is IPv${this.family ?? 4}`,
        withReason('target-family', { target: text, family: this.family }),
        this.id,
      );
    }
    const result = destination(match.address, endpoint.port, match.family, endpoint.broadcast);
    if (this.targetCache.size >= MAX_CACHED_TARGETS) {
      this.targetCache.clear();
    }
    this.targetCache.set(text, result);
    return result;
  }

  /** IP_ADD_MEMBERSHIP / IP_DROP_MEMBERSHIP on the open socket. */
  membership(action: 'join' | 'leave', group: string, networkInterface?: string): void {
    const socket = this.socket;
    if (socket === undefined || this.state !== 'open') {
      throw this.notOpen();
    }
    try {
      if (action === 'join') {
        socket.addMembership(group, networkInterface);
      } else {
        socket.dropMembership(group, networkInterface);
      }
    } catch (error) {
      const failure = fromSystemError(error, { group, action });
      failure.socketId = this.id;
      throw failure;
    }
    this.recordEvent('info', action === 'join' ? 'IP_ADD_MEMBERSHIP' : 'IP_DROP_MEMBERSHIP', group);
  }

  async close(mode: CloseMode): Promise<void> {
    if (mode === 'half') {
      throw new EngineError(
        'UNSUPPORTED',
        'half-close applies to stream connections, not to UDP',
        withReason('half-close-udp', { id: this.id }),
        this.id,
      );
    }
    const socket = this.socket;
    if (socket === undefined) {
      if (this.state !== 'error') {
        this.setState('closed');
      }
      return;
    }
    this.setState('closing');
    socket.close();
    await this.closed;
  }

  async destroy(): Promise<void> {
    this.socket?.close();
    await this.closed;
  }
}

function destination(address: string, port: number, family: 4 | 6, broadcast: boolean): Destination {
  noteResolved(address, family);
  return { address, port, family, broadcast, label: formatAddress(toAddress(address, port, family)) };
}

/** Addresses resolveEndpoint returned (literals), with their family; bounded against a scan of targets. */
const resolvedLiterals = new Map<string, number>();
const MAX_RESOLVED_LITERALS = 256;

function noteResolved(address: string, family: 4 | 6): void {
  if (resolvedLiterals.size >= MAX_RESOLVED_LITERALS && !resolvedLiterals.has(address)) {
    resolvedLiterals.clear();
  }
  resolvedLiterals.set(address, family);
}

/**
 * dgram looks up every send's address, even a literal (dns.lookup tests it with a regex and answers
 * on the next tick). The engine hands dgram only addresses it has resolved itself, so those are
 * answered at once; anything else still goes to dns.lookup.
 */
function resolvedLookup(address: string, family: number | dns.LookupOneOptions, callback: (error: NodeJS.ErrnoException | null, address: string, family: number) => void): void {
  if (typeof family === 'number' && resolvedLiterals.get(address) === family) {
    callback(null, address, family);
    return;
  }
  dns.lookup(address, family as dns.LookupOneOptions, callback);
}

function bindAddressFor(peer: string, family: 4 | 6): string {
  if (family === 4) {
    return peer.startsWith('127.') ? '127.0.0.1' : '0.0.0.0';
  }
  return peer === '::1' ? '::1' : '::';
}

function bind(socket: dgram.Socket, address: string, port: number): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    socket.once('error', reject);
    socket.bind({ address, port, exclusive: true }, () => {
      socket.off('error', reject);
      resolve();
    });
  });
}

/** Closes a socket that failed to bind; it may already be closed, which dgram reports by throwing. */
function closeQuietly(socket: dgram.Socket | undefined): void {
  try {
    socket?.close();
  } catch {
    // Already closed: nothing left to release.
  }
}

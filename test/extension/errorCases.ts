/**
 * Real engine errors, one or more per reason, for the describeError tables in English
 * (errorSentences.test.ts) and Turkish (errorSentences.tr.test.ts). Each case names the reason it
 * must produce, so a table cannot pass by wording a different error.
 */
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { EngineError, SocketEngine, withReason, type SocketInfo } from '../../src/engine';
import { parseTarget } from '../../src/engine/address';
import { resolveEndpoint, type LookupFunction } from '../../src/engine/resolve';
import { builtInServices } from '../../src/engine/serviceNames';
import { buildSpec, parseSpec, type ParseOptions } from '../../src/engine/spec';
import { parseFramingText } from '../../src/engine/framingOptions';
import { startPythonPeer } from '../engine/peers/python';

/** Linux rules and the built-in services table, so results do not depend on the machine. */
const LINUX: ParseOptions = { services: builtInServices, platform: 'linux' };

export interface SpecCase {
  /** The table key: the spec text, or a short description for the other entry points. */
  readonly label: string;
  readonly reason: string;
  readonly run: () => unknown;
}

function parse(input: string, reason: string, context: ParseOptions = LINUX): SpecCase {
  return { label: input, reason, run: () => parseSpec(input, context) };
}

export const LONG_NAME = `${'a.'.repeat(127)}ab`;
export const LONG_LABEL = `${'a'.repeat(64)}.com`;
export const LONG_PATH = `/${'a'.repeat(107)}`;
export const LONG_ABSTRACT = `@${'a'.repeat(108)}`;

export const SPEC_CASES: readonly SpecCase[] = [
  parse('', 'spec-empty'),
  parse('localhost:80', 'scheme-missing'),
  parse('tcp:localhost:80', 'scheme-separator-missing'),
  parse('tcp://localhost:80#top', 'hash-sign'),
  parse('tcp://localhost:80/path', 'path-after-port'),
  parse('tcp:///tmp/a.sock', 'path-after-port'),
  parse('tcp://[::1]80', 'text-after-bracket'),
  parse('sctp://h:1', 'scheme-unknown'),
  parse('tcp://::1:80', 'host-ambiguous-ipv6'),
  parse('tcp://[::1:80', 'host-bracket-unclosed'),
  parse('tcp://[]:80', 'host-brackets-empty'),
  parse('tcp://[127.0.0.1]:80', 'host-brackets-not-ipv6'),
  parse('tcp://[::g]:80', 'host-ipv6-invalid'),
  parse('tcp://[fe80::1%]:80', 'host-zone-empty'),
  parse('tcp://[fe80::1%e!0]:80', 'host-zone-invalid'),
  parse('tcp://256.1.1.1:80', 'host-ipv4-invalid'),
  parse('tcp://0127:80', 'host-integer-leading-zero'),
  parse('tcp://4294967296:80', 'host-integer-range'),
  parse('tcp://xn--ü.de:80', 'host-idn-invalid'),
  parse(`tcp://${LONG_NAME}:80`, 'host-name-too-long'),
  parse('tcp://bad..name:80', 'host-label-empty'),
  parse(`tcp://${LONG_LABEL}:80`, 'host-label-too-long'),
  parse('tcp://bad!.com:80', 'host-character'),
  parse('tcp://-bad.com:80', 'host-label-hyphen'),
  parse('tcp://0x7f.1:80', 'host-numeric-name'),
  parse('tcp6://127.0.0.1:80', 'host-family'),
  { label: 'build unix:// with a host', reason: 'host-on-path-socket', run: () => buildSpec({ transport: 'unix', role: 'connect', host: 'h', path: '/tmp/a' }, LINUX) },
  parse('tcp://<broadcast>:80', 'broadcast-needs-udp'),
  parse('tcp://localhost', 'port-missing'),
  parse('tcp://', 'port-missing'),
  { label: 'build tcp:// without a port', reason: 'port-required', run: () => buildSpec({ transport: 'tcp', role: 'connect', host: 'localhost' }, LINUX) },
  parse('tcp://localhost:', 'port-empty'),
  parse('tcp://localhost:+80', 'port-sign'),
  parse('tcp://localhost:8 0', 'port-invalid'),
  parse('tcp://localhost:70000', 'port-range'),
  parse('udp://localhost:ssh', 'service-unknown'),
  parse('tcp://localhost:0', 'port-zero-client'),
  { label: 'target 127.0.0.1', reason: 'target-port-missing', run: () => parseTarget('127.0.0.1', 'udp', builtInServices) },
  { label: 'target 127.0.0.1:0', reason: 'target-port-zero', run: () => parseTarget('127.0.0.1:0', 'udp', builtInServices) },
  parse('unix://', 'path-missing'),
  parse('unix:///tmp/a%00b', 'path-nul'),
  parse('unix://tmp/a.sock', 'path-relative'),
  parse('unix:///tmp/%FF', 'path-escape'),
  parse('unix://@name', 'path-abstract-linux', { services: builtInServices, platform: 'darwin' }),
  parse('unix://@', 'path-abstract-empty'),
  { label: 'build tcp:// with a path', reason: 'path-on-ip-socket', run: () => buildSpec({ transport: 'tcp', role: 'connect', host: 'h', port: 80, path: '/tmp/a' }, LINUX) },
  parse(`unix://${LONG_PATH}`, 'path-too-long'),
  parse(`unix-listen://${LONG_ABSTRACT}`, 'path-abstract-too-long'),
  parse('tcp://localhost:80?name=web', 'option-unknown'),
  parse('udp://h:80?noDelay=1', 'option-not-applicable'),
  parse('tcp-listen://:80?removeStale=1', 'option-not-applicable'),
  parse('tcp://h:80?noDelay=maybe', 'option-boolean'),
  {
    label: 'build noDelay: "yes"',
    reason: 'option-boolean-type',
    run: () => buildSpec({ transport: 'tcp', role: 'connect', host: 'h', port: 80, options: { noDelay: 'yes' as unknown as boolean } }, LINUX),
  },
  parse('udp://h:80?ttl=256', 'option-integer'),
  parse('tcp://h:80?timeout=0', 'option-integer'),
  parse('tcp://h:80?family=5', 'option-family'),
  parse('udp://h:9?multicastInterface=eth0', 'option-interface'),
  parse('udp://h:80?ttl=%FF', 'option-escape'),
  parse('udp://h:80?ttl=4&TTL=5', 'option-repeated'),
  parse('udp-listen://:9?multicast=', 'multicast-group-missing'),
  parse('udp-listen://:9?multicast=239.1.2.3,', 'multicast-group-empty'),
  parse('udp-listen://:9?multicast=10.0.0.1', 'multicast-group-invalid'),
  parse('udp-listen://:9?multicast=239.1.2.3,239.1.2.3', 'multicast-group-repeated'),
  parse('udp-listen://:9?multicast=ff02::1', 'option-family-mismatch'),
  parse('udp6-listen://:9?multicast=239.1.2.3', 'option-family-mismatch'),
  parse('udp-listen://name.example:9?multicast=239.1.2.3,ff02::1', 'option-family-conflict'),
  parse('tcp4://h:80?family=6', 'family-scheme-conflict'),
  parse('tcp4-listen://:80?ipv6Only=1', 'ipv6only-needs-ipv6'),
  parse('tcp-listen://127.0.0.1:80?ipv6Only=1', 'ipv6only-ipv4-host'),
  parse('udp-listen://<broadcast>:9?broadcast=0', 'broadcast-off'),
  parse('tcp://h:80?keepAliveDelay=100', 'keepalive-delay-needs-keepalive'),
  parse('tls://h:443?servername=', 'option-text-empty'),
  parse('tls://h:443?servername=127.0.0.1', 'option-servername-ip'),
  parse('tls://h:443?alpn=h2,,x', 'option-alpn'),
  parse('tls://h:443?minVersion=TLSv1.4', 'option-tls-version'),
  parse('tls://h:443?minVersion=TLSv1.3&maxVersion=TLSv1.2', 'option-tls-version-order'),
  parse('tls://h:443?cert=c.pem', 'option-cert-key-pair'),
  parse('tcp://h:80?framing=lines', 'option-choice'),
  parse('tcp://h:80?framing=delimiter&delimiter=0g', 'option-hex'),
  parse('udp://h:80?framing=line', 'framing-datagram'),
  parse('tcp://h:80?framing=line&size=4', 'framing-option-needs-mode'),
  parse('tcp://h:80?framing=length', 'framing-mode-needs-option'),
  { label: "the panel's framing text noDelay=1", reason: 'option-not-framing', run: () => parseFramingText('noDelay=1') },
];

/** The error a case throws; fails the test when it throws none or a plain Error. */
export function specError(item: SpecCase): EngineError {
  try {
    item.run();
  } catch (error) {
    if (error instanceof EngineError) {
      return error;
    }
    throw new Error(`${item.label}: expected an EngineError, got ${String(error)}`, { cause: error });
  }
  throw new Error(`${item.label}: no error`);
}

// ---------------------------------------------------------------------------------------------
// Run-time refusals, from a private engine on loopback (the extension's own engine stays untouched).

export interface SocketCase {
  readonly label: string;
  readonly reason: string;
  readonly run: (world: SocketWorld) => Promise<unknown>;
}

/** A fresh engine, a temp folder and what the cases set up, shared by one table run. */
export interface SocketWorld {
  readonly engine: SocketEngine;
  readonly directory: string;
  readonly server: SocketInfo;
  readonly udp: SocketInfo;
}

export async function openWorld(): Promise<SocketWorld> {
  const engine = new SocketEngine();
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'sw-sentences-'));
  const server = await engine.open('tcp-listen://127.0.0.1:0');
  const udp = await engine.open('udp-listen://127.0.0.1:0');
  return { engine, directory, server, udp };
}

export async function closeWorld(world: SocketWorld): Promise<void> {
  await world.engine.dispose();
  fs.rmSync(world.directory, { recursive: true, force: true });
}

const noAddresses: LookupFunction = async () => [];
const onlyIPv4: LookupFunction = async () => [{ address: '192.0.2.1', family: 4 }];
const never: LookupFunction = () => new Promise(() => undefined);

/** The port a listener got. */
function portOf(info: SocketInfo): number {
  const local = info.local;
  if (local === undefined || local.family === 'unix' || local.port === undefined) {
    throw new Error(`${info.id} has no port`);
  }
  return local.port;
}

/** An accepted connection of `server`, from a plain Node client that stays connected. */
async function acceptedConnection(world: SocketWorld): Promise<string> {
  const client = net.connect(portOf(world.server), '127.0.0.1');
  const deadline = Date.now() + 5000;
  for (;;) {
    const [connection] = world.engine.connections(world.server.id);
    if (connection !== undefined) {
      client.destroy();
      return connection.id;
    }
    if (Date.now() > deadline) {
      client.destroy();
      throw new Error('no connection was accepted');
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/**
 * Errors the engine throws deep inside a send or a connect race, which a test cannot time reliably:
 * built with the data their throw sites give (src/engine/send.ts, stream.ts).
 */
function thrown(error: EngineError): () => Promise<never> {
  return async () => {
    throw error;
  };
}

export const SOCKET_CASES: readonly SocketCase[] = [
  { label: 'send from s999', reason: 'socket-unknown', run: (world) => world.engine.send('s999', Buffer.from('x')) },
  { label: 'send from a server without connections', reason: 'no-connection', run: (world) => world.engine.send(world.server.id, Buffer.from('x')) },
  {
    label: 'send to connection s2.9',
    reason: 'connection-unknown',
    run: (world) => world.engine.send(world.server.id, Buffer.from('x'), { target: 's2.9' }),
  },
  { label: 'half-close a server', reason: 'half-close-server', run: (world) => world.engine.close(world.server.id, 'half') },
  { label: 'STARTTLS on a server', reason: 'starttls-not-tcp-client', run: (world) => world.engine.startTls(world.server.id) },
  {
    label: 'STARTTLS on a TLS client',
    reason: 'starttls-already-tls',
    run: thrown(new EngineError('UNSUPPORTED', 's3 already speaks TLS', withReason('starttls-already-tls', { id: 's3' }))),
  },
  { label: 'reopen a listening server', reason: 'reopen-not-closed', run: (world) => world.engine.reopen(world.server.id) },
  { label: 'reopen an accepted connection', reason: 'reopen-accepted', run: async (world) => world.engine.reopen(await acceptedConnection(world)) },
  { label: 'join a group on a TCP server', reason: 'multicast-needs-udp', run: async (world) => world.engine.membership(world.server.id, 'join', '239.1.2.3') },
  { label: 'pause a UDP socket', reason: 'pause-not-stream', run: async (world) => world.engine.setReceiving(world.udp.id, false) },
  { label: 'frame a UDP socket', reason: 'framing-not-stream', run: async (world) => world.engine.setFraming(world.udp.id, {}) },
  { label: 'a length prefix on UDP', reason: 'prefix-needs-length', run: (world) => world.engine.send(world.udp.id, Buffer.from('x'), { prefix: true, target: '127.0.0.1:9' }) },
  {
    label: 'a 256-byte payload with a u8 length prefix',
    reason: 'prefix-too-long',
    run: async (world) => {
      const client = await world.engine.open(`tcp://127.0.0.1:${String(world.server.local?.port)}?framing=length&length=u8`);
      return world.engine.send(client.id, Buffer.alloc(256), { prefix: true });
    },
  },
  {
    label: 'a frame over the maximum',
    reason: 'frame-too-large',
    run: thrown(new EngineError('FRAME_TOO_LARGE', 'a 16777221-byte frame exceeds the maximum of 16777216 bytes; the connection was reset', withReason('frame-too-large', { size: 16777221, max: 16777216 }))),
  },
  { label: 'send from UDP without a target', reason: 'udp-no-peer', run: (world) => world.engine.send(world.udp.id, Buffer.from('x')) },
  { label: 'send from IPv4 UDP to [::1]:9', reason: 'target-family', run: (world) => world.engine.send(world.udp.id, Buffer.from('x'), { target: '[::1]:9' }) },
  { label: 'half-close UDP', reason: 'half-close-udp', run: (world) => world.engine.close(world.udp.id, 'half') },
  { label: 'connect timeout 0', reason: 'connect-timeout-invalid', run: async (world) => world.engine.setConnectTimeout(0) },
  { label: 'transcript maxEntries 0', reason: 'transcript-limit', run: async (world) => world.engine.setTranscriptLimits({ maxEntries: 0 }) },
  {
    label: 'captureBytes above maxBytes',
    reason: 'capture-over-budget',
    run: async (world) => world.engine.setTranscriptLimits({ captureBytes: 2048, maxBytes: 1024 }),
  },
  { label: 'open unix-dgram', reason: 'unix-dgram-unsupported', run: (world) => world.engine.open(`unix-dgram://${world.directory}/d.sock`) },
  {
    label: 'listen on a regular file',
    reason: 'unix-path-not-socket',
    run: (world) => {
      fs.writeFileSync(path.join(world.directory, 'plain.txt'), 'x');
      return world.engine.open(`unix-listen://${world.directory}/plain.txt`);
    },
  },
  {
    label: 'listen where another listens',
    reason: 'unix-path-in-use',
    run: async (world) => {
      await world.engine.open(`unix-listen://${world.directory}/live.sock`);
      return world.engine.open(`unix-listen://${world.directory}/live.sock`);
    },
  },
  {
    label: 'listen on a stale socket file',
    reason: 'unix-stale',
    run: async (world) => {
      const peer = startPythonPeer('unix-stale', { path: path.join(world.directory, 'stale.sock') });
      await peer.result;
      return world.engine.open(`unix-listen://${world.directory}/stale.sock`);
    },
  },
  {
    label: 'resolve a name that has no address',
    reason: 'host-not-found',
    run: () => resolveEndpoint(parseSpec('tcp://no-such-host.invalid:80', LINUX), { lookup: noAddresses }),
  },
  {
    label: 'resolve an IPv4-only name as tcp6',
    reason: 'host-no-family-address',
    run: () => resolveEndpoint(parseSpec('tcp6://v4only.example:80', LINUX), { lookup: onlyIPv4 }),
  },
  {
    label: 'resolve a name that never answers',
    reason: 'lookup-timeout',
    run: () => resolveEndpoint(parseSpec('tcp://slow.example:80', LINUX), { lookup: never, timeout: 50 }),
  },
  { label: 'resolve a unix:// spec', reason: 'resolve-path-socket', run: () => resolveEndpoint(parseSpec('unix:///tmp/a.sock', LINUX), { lookup: never }) },
  {
    label: 'connect to a blackhole with timeout=300',
    reason: 'connect-timeout',
    run: async (world) => {
      const peer = startPythonPeer('tcp-blackhole', { timeout: 5 });
      try {
        return await world.engine.open(`tcp://127.0.0.1:${await peer.ready}?timeout=300`);
      } finally {
        peer.kill();
      }
    },
  },
  { label: 'record as pcap', reason: 'recording-format', run: (world) => world.engine.record(world.udp.id, `${world.directory}/r.pcap`, { format: 'pcap' as 'pcapng' }) },
  {
    label: 'record twice',
    reason: 'recording-active',
    run: async (world) => {
      await world.engine.record(world.udp.id, `${world.directory}/first.pcapng`);
      try {
        return await world.engine.record(world.udp.id, `${world.directory}/second.pcapng`);
      } finally {
        await world.engine.stopRecording(world.udp.id);
      }
    },
  },
  { label: 'stop a recording that is not running', reason: 'recording-none', run: (world) => world.engine.stopRecording(world.udp.id) },
  {
    label: 'connect with a cancelled signal',
    reason: 'connect-cancelled',
    run: (world) => world.engine.open('tcp://127.0.0.1:9', { signal: AbortSignal.abort() }),
  },
  {
    label: 'bind all interfaces, declined',
    reason: 'all-interfaces-declined',
    run: async () => {
      // A private engine whose owner declines: nothing is bound.
      const engine = new SocketEngine({ confirmAllInterfaces: () => Promise.resolve(false) });
      try {
        return await engine.open('tcp-listen://[::ffff:0.0.0.0]:0');
      } finally {
        await engine.dispose();
      }
    },
  },
  {
    label: 'an abstract name on a runtime that pads it',
    reason: 'unix-abstract-padded',
    run: thrown(
      new EngineError('UNSUPPORTED', "abstract socket name '@app' needs Node.js 22 or later", withReason('unix-abstract-padded', { path: '@app', runtime: 'v20.19.0', libuv: '1.46.0' })),
    ),
  },
  {
    label: 'a name that resolved to nothing',
    reason: 'resolved-nothing',
    run: thrown(new EngineError('ENOTFOUND', 'example.test resolved to no address', withReason('resolved-nothing', { host: 'example.test' }))),
  },
  {
    label: 'a write after the stream ended',
    reason: 'write-after-close',
    run: thrown(new EngineError('NOT_OPEN', 'the socket is not open for writing', withReason('write-after-close', { sent: 0, total: 1 }))),
  },
  {
    label: 'a close while waiting for room',
    reason: 'closed-while-waiting',
    run: thrown(new EngineError('NOT_OPEN', 'the socket closed while a send was waiting for room', withReason('closed-while-waiting'))),
  },
  {
    label: 'send from a closed server',
    reason: 'not-open',
    run: async (world) => {
      await world.engine.close(world.server.id);
      return world.engine.send(world.server.id, Buffer.from('x'));
    },
  },
  {
    label: 'open on a disposed engine',
    reason: 'engine-disposed',
    run: async (world) => {
      await world.engine.dispose();
      return world.engine.open('tcp-listen://127.0.0.1:0');
    },
  },
];

/** The error a run-time case throws. */
export async function socketError(item: SocketCase, world: SocketWorld): Promise<EngineError> {
  try {
    await item.run(world);
  } catch (error) {
    if (error instanceof EngineError) {
      return error;
    }
    throw new Error(`${item.label}: expected an EngineError, got ${String(error)}`, { cause: error });
  }
  throw new Error(`${item.label}: no error`);
}

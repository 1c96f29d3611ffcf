/**
 * Broadcast and multicast scenarios, run by netns.test.ts INSIDE a network namespace of its own
 * (`unshare -n` with lo and a veth pair va/vb, both ends in the namespace): whatever these sockets
 * send cannot leave the machine. The script refuses to run if it sees any other interface.
 *
 * Usage: node scenarios.js <broadcast|multicast4|multicast4-interface|multicast6>
 * Prints one line: `RESULT <json>`. Ports in addresses are replaced by names (SENDER, …) so the
 * test can compare whole values exactly.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import { EngineError, SocketEngine, type SocketInfo, type TranscriptEntry } from '../../../src/engine';

const EXPECTED_INTERFACES = ['lo', 'va', 'vb'];
/** How long a datagram that should not arrive is waited for. */
const SILENCE_MS = 300;
/** How long a datagram that should arrive may take (it comes back through the kernel at once). */
const ARRIVAL_MS = 2000;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function delay(milliseconds: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, milliseconds));
}

function received(engine: SocketEngine, id: string): TranscriptEntry[] {
  return engine
    .transcript(id)
    .entries()
    .filter((entry) => entry.kind === 'data' && entry.direction === 'in');
}

/** Waits until `id` has received `count` datagrams (true), or the deadline passes (false). */
async function arrives(engine: SocketEngine, id: string, count: number, timeoutMs = ARRIVAL_MS): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if ((engine.get(id)?.stats.messagesIn ?? 0) >= count) {
      return true;
    }
    await delay(5);
  }
  return (engine.get(id)?.stats.messagesIn ?? 0) >= count;
}

function port(info: SocketInfo): number {
  const value = info.local?.port;
  if (value === undefined) {
    throw new Error(`${info.id} has no port`);
  }
  return value;
}

/** va's IPv6 link-local address, which is random: datagrams show it as `fe80::VA`. */
function vaLinkLocal(): string | undefined {
  return os.networkInterfaces().va?.find((entry) => entry.family === 'IPv6' && entry.address.startsWith('fe80:'))?.address;
}

/** Received datagrams as `hex@peer`, with known ports replaced by names. */
function datagrams(engine: SocketEngine, id: string, ports: Record<string, number>): string[] {
  const linkLocal = vaLinkLocal();
  return received(engine, id).map((entry) => {
    let peer = entry.peer ?? '';
    if (linkLocal !== undefined) {
      peer = peer.replace(`[${linkLocal}%`, '[fe80::VA%');
    }
    for (const [name, value] of Object.entries(ports)) {
      peer = peer.replace(new RegExp(`:${value}$`), `:${name}`);
    }
    return `${Buffer.from(entry.data ?? []).toString('hex')}@${peer}`;
  });
}

function infoEntries(engine: SocketEngine, id: string): string[] {
  return engine
    .transcript(id)
    .entries()
    .filter((entry) => entry.kind === 'info')
    .map((entry) => `${entry.code ?? ''} ${entry.detail ?? ''}`);
}

function errorJson(error: unknown): Json {
  if (error instanceof EngineError) {
    return { code: error.code, message: error.message };
  }
  return { unexpected: String(error) };
}

async function broadcast(engine: SocketEngine): Promise<Json> {
  const receiver = await engine.open('udp-listen://:37020');
  // The primer's '<broadcast>' host: 255.255.255.255, and SO_BROADCAST turned on at open.
  const sender = await engine.open('udp://<broadcast>:37020');
  const sent = await engine.send(sender.id, Buffer.from([0x00, 0xff, 0x0d, 0x0a, 0x62]));
  const first = await arrives(engine, receiver.id, 1);

  // A socket without SO_BROADCAST sending to the '<broadcast>' target: the engine turns it on and says so.
  const plain = await engine.open('udp-listen://:0');
  await engine.send(plain.id, Buffer.from('target'), { target: '<broadcast>:37020' });
  const second = await arrives(engine, receiver.id, 2);

  // The pitfall: 255.255.255.255 written out does not turn SO_BROADCAST on, and sendto() fails.
  const pitfallSocket = await engine.open('udp-listen://:0');
  let pitfall: Json = 'sent';
  try {
    await engine.send(pitfallSocket.id, Buffer.from('nope'), { target: '255.255.255.255:37020' });
  } catch (error) {
    pitfall = error instanceof EngineError ? { code: error.code, message: error.message, target: error.data.target ?? null } : errorJson(error);
  }
  await delay(SILENCE_MS);
  const ports = { RECEIVER: port(receiver), SENDER: port(sender), PLAIN: port(plain) };
  return {
    receiverLocal: `${receiver.local?.address}:${receiver.local?.port}`,
    senderDefaultTarget: `${sender.defaultTarget?.address}:${sender.defaultTarget?.port}`,
    senderLocalAddress: sender.local?.address ?? null,
    sent: { bytesSent: sent.bytesSent, targets: sent.targets },
    arrivedFirst: first,
    arrivedSecond: second,
    datagrams: datagrams(engine, receiver.id, ports),
    senderInfo: infoEntries(engine, sender.id),
    plainInfo: infoEntries(engine, plain.id),
    pitfall,
    pitfallState: engine.get(pitfallSocket.id)?.state ?? null,
    pitfallTranscript: engine
      .transcript(pitfallSocket.id)
      .entries()
      .map((entry) => `${entry.kind}:${entry.code ?? entry.direction ?? ''}`),
  };
}

/**
 * Join, receive, leave, miss, join again, receive; then a sender with multicastLoopback=0 is not
 * heard by a receiver on the same host.
 */
async function multicast(engine: SocketEngine, group: string, listen: string, send: string, leaveInterface?: string): Promise<Json> {
  const receiver = await engine.open(listen);
  const sender = await engine.open(send);
  const steps: Record<string, boolean> = {};

  await engine.send(sender.id, Buffer.from('m1'));
  steps.joined = await arrives(engine, receiver.id, 1);

  engine.membership(receiver.id, 'leave', group, leaveInterface);
  await engine.send(sender.id, Buffer.from('m2'));
  steps.afterLeave = await arrives(engine, receiver.id, 2, SILENCE_MS);

  engine.membership(receiver.id, 'join', group, leaveInterface);
  await engine.send(sender.id, Buffer.from('m3'));
  steps.rejoined = await arrives(engine, receiver.id, 2);

  const quiet = await engine.open(send.replace('multicastLoopback=1', 'multicastLoopback=0'));
  await engine.send(quiet.id, Buffer.from('m4'));
  steps.loopbackOff = await arrives(engine, receiver.id, 3, SILENCE_MS);

  return {
    receiverSpec: receiver.spec,
    senderSpec: sender.spec,
    quietSpec: quiet.spec,
    quietOptions: quiet.options as Json,
    steps,
    datagrams: datagrams(engine, receiver.id, { SENDER: port(sender), QUIET: port(quiet) }),
    receiverInfo: infoEntries(engine, receiver.id),
  };
}

async function run(scenario: string): Promise<Json> {
  const engine = new SocketEngine();
  try {
    switch (scenario) {
      case 'broadcast':
        return await broadcast(engine);
      case 'multicast4':
        return await multicast(
          engine,
          '239.1.2.3',
          'udp-listen://0.0.0.0:5000?multicast=239.1.2.3',
          'udp://239.1.2.3:5000?multicastTtl=1&multicastLoopback=1',
        );
      case 'multicast4-interface':
        return await multicast(
          engine,
          '239.1.2.4',
          'udp-listen://0.0.0.0:5002?multicast=239.1.2.4&multicastInterface=10.9.0.1',
          'udp://239.1.2.4:5002?multicastTtl=1&multicastLoopback=1&multicastInterface=10.9.0.1',
          '10.9.0.1',
        );
      case 'multicast6': {
        // IPv6 needs an interface for a group; some systems have IPv6 off: say why, for a skip.
        let receiver: SocketInfo;
        try {
          receiver = await engine.open('udp6-listen://[::]:5003');
          engine.membership(receiver.id, 'join', 'ff12::1234', '::%va');
        } catch (error) {
          return { skipped: `cannot join ff12::1234 on va: ${JSON.stringify(errorJson(error))}` };
        }
        await engine.close(receiver.id);
        return await multicast(
          engine,
          'ff12::1234',
          'udp6-listen://[::]:5003?multicast=ff12::1234&multicastInterface=::%va',
          'udp6://[ff12::1234]:5003?multicastTtl=1&multicastLoopback=1&multicastInterface=::%va',
          '::%va',
        );
      }
      default:
        return { error: `unknown scenario ${scenario}` };
    }
  } finally {
    await engine.dispose();
  }
}

async function main(): Promise<void> {
  const scenario = process.argv[2] ?? '';
  const watchdog = setTimeout(() => {
    console.log(`RESULT ${JSON.stringify({ error: `scenario ${scenario} did not finish in 8 s` })}`);
    process.exit(2);
  }, 8000);
  // /proc/self/net/dev lists the devices of this process's namespace, with or without addresses.
  const interfaces = fs
    .readFileSync('/proc/self/net/dev', 'utf8')
    .split('\n')
    .slice(2)
    .map((line) => line.split(':')[0].trim())
    .filter((name) => name !== '')
    .sort();
  const addresses = Object.entries(os.networkInterfaces()).flatMap(([name, list]) => (list ?? []).map((entry) => `${name} ${entry.cidr ?? entry.address}`));
  const namespace = fs.readlinkSync('/proc/self/ns/net');
  // Safety first: only ever send where nothing can leave the namespace.
  if (JSON.stringify(interfaces) !== JSON.stringify(EXPECTED_INTERFACES)) {
    console.log(`RESULT ${JSON.stringify({ error: 'refusing to run: not in the test namespace', interfaces, namespace })}`);
    process.exit(3);
  }
  let result: Json;
  try {
    result = await run(scenario);
  } catch (error) {
    result = { error: `${scenario} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}` };
  }
  clearTimeout(watchdog);
  console.log(`RESULT ${JSON.stringify({ namespace, interfaces, addresses, result })}`);
}

void main();

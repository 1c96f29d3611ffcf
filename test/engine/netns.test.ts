/**
 * Broadcast and multicast, which would leave through the machine's real interface, run only inside
 * a network namespace made for the test: `unshare -n` with lo and a veth pair (va 10.9.0.1/24, vb),
 * both ends inside. netns/scenarios.ts runs the engine there and prints one JSON line; it refuses to
 * run if it sees any interface but lo, va and vb. Without the rights to make a namespace the tests
 * skip, and never fall back to the host's interfaces.
 */
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

// Compiled tests live in out/test/engine; the compiled script next to them in netns/.
const SCRIPT = path.resolve(__dirname, 'netns', 'scenarios.js');

/** Builds the namespace's network. `set -e`: if any step fails, nothing runs in a half-made namespace. */
const SETUP = [
  'set -e',
  // No duplicate address detection, so va's link-local address can be a source at once.
  'echo 0 > /proc/sys/net/ipv6/conf/default/accept_dad 2>/dev/null || true',
  'echo 0 > /proc/sys/net/ipv6/conf/all/accept_dad 2>/dev/null || true',
  'ip link set lo up',
  'ip link add va type veth peer name vb',
  'ip addr add 10.9.0.1/24 brd 10.9.0.255 dev va',
  'ip link set va up',
  'ip link set vb up',
  'ip route add default dev va',
].join('; ');

interface Run {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly error?: string;
}

/** Runs `sh -c command` in a new network namespace, killed after `timeoutMs`. */
function inNamespace(command: string, timeoutMs = 10_000): Promise<Run> {
  return new Promise<Run>((resolve) => {
    const child = spawn('unshare', ['-n', 'sh', '-c', command], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (text: string) => (stdout += text));
    child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      resolve({ status: null, stdout, stderr, error: error.message });
    });
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr });
    });
  });
}

interface ScenarioOutput {
  readonly namespace: string;
  readonly interfaces: string[];
  readonly addresses: string[];
  readonly result: Record<string, unknown>;
}

async function scenario(name: string): Promise<ScenarioOutput> {
  const run = await inNamespace(`${SETUP}; exec "${process.execPath}" "${SCRIPT}" ${name}`);
  const line = /^RESULT (.*)$/m.exec(run.stdout);
  assert.ok(line, `scenario ${name} printed no result (status ${run.status}): ${run.stdout} ${run.stderr} ${run.error ?? ''}`);
  const output = JSON.parse(line[1]) as ScenarioOutput & { error?: string };
  assert.equal(output.error, undefined, `scenario ${name}: ${output.error}`);
  assert.equal(run.status, 0, run.stderr);
  assert.equal(typeof output.result.error, 'undefined', String(output.result.error));
  // It ran in a namespace of its own, with only the test's interfaces.
  assert.notEqual(output.namespace, fs.readlinkSync('/proc/self/ns/net'));
  assert.deepEqual(output.interfaces, ['lo', 'va', 'vb']);
  assert.ok(output.addresses.includes('va 10.9.0.1/24'), output.addresses.join(', '));
  assert.ok(!output.addresses.some((address) => /^(eth|en|wl)/.test(address)), output.addresses.join(', '));
  return output;
}

describe('Broadcast and multicast in a private network namespace', function () {
  before(async function () {
    if (process.platform !== 'linux') {
      console.log('      skipped: network namespaces need Linux');
      this.skip();
    }
    // Can we make a namespace and a veth pair in it? (root, unshare, ip and the veth driver.)
    const probe = await inNamespace('set -e; ip link add va type veth peer name vb; ip link set lo up');
    if (probe.status !== 0) {
      console.log(`      skipped: cannot make a network namespace with a veth pair: ${(probe.error ?? probe.stderr).trim() || `exit ${probe.status}`}`);
      this.skip();
    }
    if (!fs.existsSync(SCRIPT)) {
      assert.fail(`${SCRIPT} is missing: compile the tests first`);
    }
  });

  it("'<broadcast>' reaches a udp-listen socket with SO_BROADCAST on; 255.255.255.255 without it is EACCES", async () => {
    const { result } = await scenario('broadcast');
    assert.deepEqual(result, {
      receiverLocal: '0.0.0.0:37020',
      senderDefaultTarget: '255.255.255.255:37020',
      senderLocalAddress: '0.0.0.0',
      sent: { bytesSent: 5, targets: 1 },
      arrivedFirst: true,
      arrivedSecond: true,
      // Exactly two datagrams, each once, from va's address.
      datagrams: ['00ff0d0a62@10.9.0.1:SENDER', '746172676574@10.9.0.1:PLAIN'],
      // The '<broadcast>' host turned SO_BROADCAST on at open; a '<broadcast>' target turns it on when sending.
      senderInfo: ['SO_BROADCAST enabled for <broadcast>'],
      plainInfo: ['SO_BROADCAST enabled for <broadcast>'],
      pitfall: { code: 'EACCES', message: 'send EACCES 255.255.255.255:37020', target: '255.255.255.255:37020' },
      pitfallState: 'open',
      pitfallTranscript: ['listen:', 'data:out', 'error:EACCES'],
    });
  });

  const steps = { joined: true, afterLeave: false, rejoined: true, loopbackOff: false };

  it('IPv4 multicast: join receives, leave stops, join again receives; multicastLoopback=0 is not heard on the same host', async () => {
    const { result } = await scenario('multicast4');
    assert.deepEqual(result, {
      receiverSpec: 'udp-listen://0.0.0.0:5000?multicast=239.1.2.3',
      senderSpec: 'udp://239.1.2.3:5000?multicastTtl=1&multicastLoopback=1',
      quietSpec: 'udp://239.1.2.3:5000?multicastTtl=1&multicastLoopback=0',
      quietOptions: { multicastTtl: 1, multicastLoopback: false },
      steps,
      datagrams: ['6d31@10.9.0.1:SENDER', '6d33@10.9.0.1:SENDER'],
      receiverInfo: ['IP_ADD_MEMBERSHIP 239.1.2.3', 'IP_DROP_MEMBERSHIP 239.1.2.3', 'IP_ADD_MEMBERSHIP 239.1.2.3'],
    });
  });

  it('IPv4 multicast on an explicit interface (multicastInterface=10.9.0.1)', async () => {
    const { result } = await scenario('multicast4-interface');
    assert.deepEqual(result, {
      receiverSpec: 'udp-listen://0.0.0.0:5002?multicast=239.1.2.4&multicastInterface=10.9.0.1',
      senderSpec: 'udp://239.1.2.4:5002?multicastTtl=1&multicastLoopback=1&multicastInterface=10.9.0.1',
      quietSpec: 'udp://239.1.2.4:5002?multicastTtl=1&multicastLoopback=0&multicastInterface=10.9.0.1',
      quietOptions: { multicastTtl: 1, multicastLoopback: false, multicastInterface: '10.9.0.1' },
      steps,
      datagrams: ['6d31@10.9.0.1:SENDER', '6d33@10.9.0.1:SENDER'],
      receiverInfo: ['IP_ADD_MEMBERSHIP 239.1.2.4', 'IP_DROP_MEMBERSHIP 239.1.2.4', 'IP_ADD_MEMBERSHIP 239.1.2.4'],
    });
  });

  it('IPv6 multicast: ff12::1234 on va (::%va)', async function () {
    const { result } = await scenario('multicast6');
    if (typeof result.skipped === 'string') {
      console.log(`      skipped: ${result.skipped}`);
      this.skip();
    }
    assert.deepEqual(result, {
      receiverSpec: 'udp6-listen://[::]:5003?multicast=ff12::1234&multicastInterface=::%25va',
      senderSpec: 'udp6://[ff12::1234]:5003?multicastTtl=1&multicastLoopback=1&multicastInterface=::%25va',
      quietSpec: 'udp6://[ff12::1234]:5003?multicastTtl=1&multicastLoopback=0&multicastInterface=::%25va',
      quietOptions: { multicastTtl: 1, multicastLoopback: false, multicastInterface: '::%va', family: 6 },
      steps,
      // From va's link-local address, with its zone.
      datagrams: ['6d31@[fe80::VA%va]:SENDER', '6d33@[fe80::VA%va]:SENDER'],
      receiverInfo: ['IP_ADD_MEMBERSHIP ff12::1234', 'IP_DROP_MEMBERSHIP ff12::1234', 'IP_ADD_MEMBERSHIP ff12::1234'],
    });
  });
});

import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  addressFromNode,
  formatAddress,
  localAddressOf,
  parseTarget,
  remoteAddressOf,
  socketTriple,
  toAddress,
  unixAddress,
} from '../../src/engine/address';
import { ADDRESS_ERROR_REASONS, EngineError, OPTION_ERROR_REASONS, type EngineErrorCode, type EngineErrorData } from '../../src/engine/shared/errors';
import { bracketHost, integerToIPv4, isMulticastAddress, parseHost, parsePort, splitHostPort, type HostContext, type HostInfo } from '../../src/engine/hostPort';
import {
  BUILT_IN_SERVICES,
  builtInServices,
  loadServices,
  parseServicesText,
  servicesFromText,
  systemServices,
  type ServiceProtocol,
} from '../../src/engine/serviceNames';
import {
  buildSpec,
  checkUnixPath,
  formatSpec,
  maxUnixPathBytes,
  parseSpec,
  percentDecode,
  schemeOf,
  socketSpec,
  SPEC_OPTION_NAMES,
  type ParseOptions,
  type SpecFields,
} from '../../src/engine/spec';
import type { Role, SocketSpec, SpecOptions, Transport } from '../../src/engine/shared/types';
import { parseFramingText } from '../../src/engine/framingOptions';

/** Every table parses with the built-in services and Linux rules, so results do not depend on the machine. */
const LINUX: ParseOptions = { services: builtInServices, platform: 'linux' };

function expectError(action: () => unknown, code: EngineErrorCode, message: string, data?: EngineErrorData): void {
  assert.throws(action, (error: unknown) => {
    assert.ok(error instanceof EngineError, `expected an EngineError, got ${String(error)}`);
    assert.equal(error.code, code, `code for: ${error.message}`);
    assert.equal(error.message, message);
    if (data !== undefined) {
      assert.deepEqual(error.data, data);
    }
    return true;
  });
}

// ---------------------------------------------------------------------------------------------

interface ValidCase {
  readonly input: string;
  readonly spec: SocketSpec;
  /** The canonical text; the input itself when absent. */
  readonly canonical?: string;
}

const VALID: readonly ValidCase[] = [
  {
    input: 'tcp-listen://:7000?Framing=length&length=u16le&lengthOffset=2&lengthAdjust=-3&lengthIncludesHeader=yes',
    spec: { transport: 'tcp', role: 'listen', host: '', port: '7000', options: { framing: 'length', length: 'u16le', lengthOffset: 2, lengthAdjust: -3, lengthIncludesHeader: true } },
    canonical: 'tcp-listen://:7000?framing=length&length=u16le&lengthOffset=2&lengthAdjust=-3&lengthIncludesHeader=1',
  },
  {
    input: 'unix:///tmp/s?framing=delimiter&delimiter=0D0A',
    spec: { transport: 'unix', role: 'connect', path: '/tmp/s', options: { framing: 'delimiter', delimiter: '0d0a' } },
    canonical: 'unix:///tmp/s?framing=delimiter&delimiter=0d0a',
  },
  { input: 'tcp://h:1?framing=fixed&size=16', spec: { transport: 'tcp', role: 'connect', host: 'h', port: '1', options: { framing: 'fixed', size: 16 } } },
  { input: 'tcp://h:1?framing=line', spec: { transport: 'tcp', role: 'connect', host: 'h', port: '1', options: { framing: 'line' } } },
  { input: 'tcp://localhost:8080', spec: { transport: 'tcp', role: 'connect', host: 'localhost', port: '8080', options: {} } },
  {
    input: 'TCP-Listen://:8080',
    spec: { transport: 'tcp', role: 'listen', host: '', port: '8080', options: {} },
    canonical: 'tcp-listen://:8080',
  },
  { input: 'tcp-listen://0.0.0.0:0', spec: { transport: 'tcp', role: 'listen', host: '0.0.0.0', port: '0', options: {} } },
  { input: 'tcp-listen://:65535', spec: { transport: 'tcp', role: 'listen', host: '', port: '65535', options: {} } },
  { input: 'tcp://[::1]:80', spec: { transport: 'tcp', role: 'connect', host: '::1', port: '80', options: {} } },
  { input: 'tcp://[fe80::1%eth0]:80', spec: { transport: 'tcp', role: 'connect', host: 'fe80::1%eth0', port: '80', options: {} } },
  {
    input: 'tcp://[fe80::1%25eth0]:80',
    spec: { transport: 'tcp', role: 'connect', host: 'fe80::1%eth0', port: '80', options: {} },
    canonical: 'tcp://[fe80::1%eth0]:80',
  },
  {
    input: 'tcp://[fe80::1%25]:80',
    spec: { transport: 'tcp', role: 'connect', host: 'fe80::1%25', port: '80', options: {} },
    canonical: 'tcp://[fe80::1%2525]:80',
  },
  {
    input: 'tcp://[fe80::1%252525]:80',
    spec: { transport: 'tcp', role: 'connect', host: 'fe80::1%2525', port: '80', options: {} },
  },
  { input: 'tcp6-listen://:8080', spec: { transport: 'tcp', role: 'listen', host: '', port: '8080', options: { family: 6 } } },
  { input: 'tcp4://127.0.0.1:80', spec: { transport: 'tcp', role: 'connect', host: '127.0.0.1', port: '80', options: { family: 4 } } },
  {
    input: 'tcp://127.0.0.1:80?family=4',
    spec: { transport: 'tcp', role: 'connect', host: '127.0.0.1', port: '80', options: { family: 4 } },
    canonical: 'tcp4://127.0.0.1:80',
  },
  {
    input: 'tcp6://[::1]:80?family=6',
    spec: { transport: 'tcp', role: 'connect', host: '::1', port: '80', options: { family: 6 } },
    canonical: 'tcp6://[::1]:80',
  },
  {
    input: 'UDP4-LISTEN://:9',
    spec: { transport: 'udp', role: 'listen', host: '', port: '9', options: { family: 4 } },
    canonical: 'udp4-listen://:9',
  },
  { input: 'udp6://[::1]:9', spec: { transport: 'udp', role: 'connect', host: '::1', port: '9', options: { family: 6 } } },
  {
    input: 'udp-listen://:5353?reuseAddress=yes&multicast=224.0.0.251',
    spec: { transport: 'udp', role: 'listen', host: '', port: '5353', options: { reuseAddress: true, multicast: ['224.0.0.251'] } },
    canonical: 'udp-listen://:5353?reuseAddress=1&multicast=224.0.0.251',
  },
  {
    input: 'udp-listen://:9?multicast=239.1.2.3,239.1.2.4&multicast=239.1.2.5',
    spec: { transport: 'udp', role: 'listen', host: '', port: '9', options: { multicast: ['239.1.2.3', '239.1.2.4', '239.1.2.5'] } },
    canonical: 'udp-listen://:9?multicast=239.1.2.3,239.1.2.4,239.1.2.5',
  },
  { input: 'udp://<broadcast>:37020', spec: { transport: 'udp', role: 'connect', host: '<broadcast>', port: '37020', options: {} } },
  {
    input: 'udp-listen://<BROADCAST>:37020?broadcast=1',
    spec: { transport: 'udp', role: 'listen', host: '<broadcast>', port: '37020', options: { broadcast: true } },
    canonical: 'udp-listen://<broadcast>:37020?broadcast=1',
  },
  { input: 'udp://2130706433:9', spec: { transport: 'udp', role: 'connect', host: '2130706433', port: '9', options: {} } },
  { input: 'tcp://0:80', spec: { transport: 'tcp', role: 'connect', host: '0', port: '80', options: {} } },
  { input: 'udp://localhost:domain', spec: { transport: 'udp', role: 'connect', host: 'localhost', port: 'domain', options: {} } },
  { input: 'tcp://localhost:http', spec: { transport: 'tcp', role: 'connect', host: 'localhost', port: 'http', options: {} } },
  { input: 'tcp://localhost:080', spec: { transport: 'tcp', role: 'connect', host: 'localhost', port: '080', options: {} } },
  { input: 'tcp://localhost.:80', spec: { transport: 'tcp', role: 'connect', host: 'localhost.', port: '80', options: {} } },
  { input: 'tcp://my_host.lan:22', spec: { transport: 'tcp', role: 'connect', host: 'my_host.lan', port: '22', options: {} } },
  { input: 'tcp://bücher.de:80', spec: { transport: 'tcp', role: 'connect', host: 'bücher.de', port: '80', options: {} } },
  { input: 'udp://[::ffff:127.0.0.1]:9', spec: { transport: 'udp', role: 'connect', host: '::ffff:127.0.0.1', port: '9', options: {} } },
  { input: 'unix:///tmp/a.sock', spec: { transport: 'unix', role: 'connect', path: '/tmp/a.sock', options: {} } },
  {
    input: 'unix-listen:///tmp/my%20socket%3F.sock?removeStale=1&backlog=16',
    spec: { transport: 'unix', role: 'listen', path: '/tmp/my socket?.sock', options: { backlog: 16, removeStale: true } },
    canonical: 'unix-listen:///tmp/my%20socket%3F.sock?backlog=16&removeStale=1',
  },
  {
    input: 'unix:///tmp/a b.sock',
    spec: { transport: 'unix', role: 'connect', path: '/tmp/a b.sock', options: {} },
    canonical: 'unix:///tmp/a%20b.sock',
  },
  {
    input: 'unix:///tmp/100%.sock',
    spec: { transport: 'unix', role: 'connect', path: '/tmp/100%.sock', options: {} },
    canonical: 'unix:///tmp/100%25.sock',
  },
  {
    input: 'unix:///tmp/%E2%9C%93%23.sock?timeout=250',
    spec: { transport: 'unix', role: 'connect', path: '/tmp/✓#.sock', options: { timeout: 250 } },
    canonical: 'unix:///tmp/✓%23.sock?timeout=250',
  },
  { input: 'unix://@name', spec: { transport: 'unix', role: 'connect', path: '@name', options: {} } },
  { input: 'unix-listen://@my%20name', spec: { transport: 'unix', role: 'listen', path: '@my name', options: {} } },
  {
    input: 'unixgram:///tmp/d.sock',
    spec: { transport: 'unix-dgram', role: 'connect', path: '/tmp/d.sock', options: {} },
    canonical: 'unix-dgram:///tmp/d.sock',
  },
  {
    input: 'unixgram-listen:///tmp/d.sock?removeStale=true',
    spec: { transport: 'unix-dgram', role: 'listen', path: '/tmp/d.sock', options: { removeStale: true } },
    canonical: 'unix-dgram-listen:///tmp/d.sock?removeStale=1',
  },
  { input: 'unix-dgram-listen://@dgram', spec: { transport: 'unix-dgram', role: 'listen', path: '@dgram', options: {} } },
  {
    input: 'tcp://example.com:443?timeout=5000&keepAliveDelay=1000&keepAlive=true&noDelay=on',
    spec: {
      transport: 'tcp',
      role: 'connect',
      host: 'example.com',
      port: '443',
      options: { noDelay: true, keepAlive: true, keepAliveDelay: 1000, timeout: 5000 },
    },
    canonical: 'tcp://example.com:443?noDelay=1&keepAlive=1&keepAliveDelay=1000&timeout=5000',
  },
  {
    input: 'udp6-listen://[::]:5353?multicastInterface=::%eth0&multicastLoopback=off&multicastTtl=0&multicast=ff02::fb&ipv6Only=1',
    spec: {
      transport: 'udp',
      role: 'listen',
      host: '::',
      port: '5353',
      options: { family: 6, ipv6Only: true, multicast: ['ff02::fb'], multicastTtl: 0, multicastLoopback: false, multicastInterface: '::%eth0' },
    },
    canonical: 'udp6-listen://[::]:5353?ipv6Only=1&multicast=ff02::fb&multicastTtl=0&multicastLoopback=0&multicastInterface=::%25eth0',
  },
  {
    input: '  tcp://localhost:80  ',
    spec: { transport: 'tcp', role: 'connect', host: 'localhost', port: '80', options: {} },
    canonical: 'tcp://localhost:80',
  },
  {
    input: 'tcp://localhost:80?',
    spec: { transport: 'tcp', role: 'connect', host: 'localhost', port: '80', options: {} },
    canonical: 'tcp://localhost:80',
  },
  {
    input: 'tcp://LOCALHOST:80?NODELAY&&',
    spec: { transport: 'tcp', role: 'connect', host: 'LOCALHOST', port: '80', options: { noDelay: true } },
    canonical: 'tcp://LOCALHOST:80?noDelay=1',
  },
  {
    input: 'udp://10.0.0.255:9?ttl=064&broadcast=TRUE',
    spec: { transport: 'udp', role: 'connect', host: '10.0.0.255', port: '9', options: { broadcast: true, ttl: 64 } },
    canonical: 'udp://10.0.0.255:9?broadcast=1&ttl=64',
  },
  {
    input: 'tcp-listen://[::]:8080?backlog=0&reuseAddress=0&ipv6Only=no',
    spec: { transport: 'tcp', role: 'listen', host: '::', port: '8080', options: { reuseAddress: false, ipv6Only: false, backlog: 0 } },
    canonical: 'tcp-listen://[::]:8080?reuseAddress=0&ipv6Only=0&backlog=0',
  },
  {
    input: 'udp-listen://name.example:9?multicast=239.1.2.3&multicastInterface=192.168.1.2',
    spec: {
      transport: 'udp',
      role: 'listen',
      host: 'name.example',
      port: '9',
      options: { multicast: ['239.1.2.3'], multicastInterface: '192.168.1.2' },
    },
  },
  {
    input: 'tcp://h:1?keepAlive=1&keepAliveDelay=0',
    spec: { transport: 'tcp', role: 'connect', host: 'h', port: '1', options: { keepAlive: true, keepAliveDelay: 0 } },
  },
  {
    input: 'tcp://h:1?timeout=2147483647',
    spec: { transport: 'tcp', role: 'connect', host: 'h', port: '1', options: { timeout: 2147483647 } },
  },
  {
    input: `unix:///${'a'.repeat(106)}`,
    spec: { transport: 'unix', role: 'connect', path: `/${'a'.repeat(106)}`, options: {} },
  },
  {
    input: `unix:///tmp/${'é'.repeat(51)}`,
    spec: { transport: 'unix', role: 'connect', path: `/tmp/${'é'.repeat(51)}`, options: {} },
  },
  {
    input: `unix://@${'a'.repeat(107)}`,
    spec: { transport: 'unix', role: 'connect', path: `@${'a'.repeat(107)}`, options: {} },
  },
];

interface InvalidCase {
  readonly input: string;
  readonly code: EngineErrorCode;
  readonly message: string;
  readonly data?: EngineErrorData;
  readonly context?: ParseOptions;
}

const OPTION_LIST =
  'family, reuseAddress, ipv6Only, broadcast, noDelay, keepAlive, keepAliveDelay, allowHalfOpen, ttl, multicast, multicastTtl, multicastLoopback, multicastInterface, timeout, backlog, framing, delimiter, length, lengthOffset, lengthAdjust, lengthIncludesHeader, size, prefix, removeStale, servername, alpn, ca, cert, key, minVersion, maxVersion, requestCert, insecure';

const INVALID: readonly InvalidCase[] = [
  // Syntax and scheme
  { input: '', code: 'SPEC_SYNTAX', message: 'empty spec: write SCHEME://HOST:PORT, e.g. tcp://localhost:8080' },
  { input: '   ', code: 'SPEC_SYNTAX', message: 'empty spec: write SCHEME://HOST:PORT, e.g. tcp://localhost:8080' },
  { input: 'localhost:80', code: 'SPEC_SYNTAX', message: "'localhost:80' has no scheme: write SCHEME://HOST:PORT, e.g. tcp://localhost:8080" },
  { input: 'tcp:localhost:80', code: 'SPEC_SYNTAX', message: "'tcp:localhost:80' needs '://' after the scheme: tcp://localhost:80" },
  {
    input: 'sctp://h:1',
    code: 'SPEC_SCHEME',
    message:
      "unknown scheme 'sctp': use tcp, tcp-listen, udp, udp-listen, unix, unix-listen, unix-dgram, unix-dgram-listen, tls, tls-listen (tcp4, tcp6, udp4 and udp6 choose the IP family)",
    data: { reason: 'scheme-unknown', scheme: 'sctp' },
  },
  { input: 'tcp://localhost:80/path', code: 'SPEC_SYNTAX', message: "unexpected '/path' after the port: tcp specs have no path" },
  {
    input: 'tcp:///tmp/a.sock',
    code: 'SPEC_SYNTAX',
    message: "unexpected '/tmp/a.sock' after the port: tcp specs have no path (for a UNIX socket write unix:///tmp/a.sock)",
  },
  { input: 'tcp://localhost:80#top', code: 'SPEC_SYNTAX', message: "unexpected '#' in 'localhost:80#top': write it as %23" },
  // Hosts
  {
    input: 'tcp://::1:80',
    code: 'SPEC_HOST',
    message: "'::1:80' is ambiguous: put IPv6 addresses in brackets: [::1]:80",
    data: { reason: 'host-ambiguous-ipv6', host: '::1:80' },
  },
  { input: 'tcp://fe80::1%eth0', code: 'SPEC_HOST', message: "'fe80::1%eth0' is ambiguous: put IPv6 addresses in brackets: [::1]:80" },
  { input: 'tcp://[::1:80', code: 'SPEC_HOST', message: "host '[::1:80' is missing its closing ']'" },
  { input: 'tcp://[::1]80', code: 'SPEC_SYNTAX', message: "unexpected '80' after ']': write [::1]:80" },
  { input: 'tcp://[127.0.0.1]:80', code: 'SPEC_HOST', message: "host '[127.0.0.1]' is in brackets, but brackets are only for IPv6 addresses" },
  { input: 'tcp://[]:80', code: 'SPEC_HOST', message: "host '[]' has nothing between the brackets" },
  { input: 'tcp://[::g]:80', code: 'SPEC_HOST', message: "host '[::g]' is not a valid IPv6 address", data: { reason: 'host-ipv6-invalid', host: '[::g]' } },
  { input: 'tcp://[fe80::1%]:80', code: 'SPEC_HOST', message: "host '[fe80::1%]' has an empty zone after '%': write fe80::1%eth0" },
  { input: 'tcp://[fe80::1%e!0]:80', code: 'SPEC_HOST', message: "host '[fe80::1%e!0]' has an invalid zone 'e!0': use an interface name or number" },
  {
    input: 'tcp://256.1.1.1:80',
    code: 'SPEC_HOST',
    message: "host '256.1.1.1' is not a valid IPv4 address: write four numbers 0–255 without leading zeros, like 127.0.0.1",
  },
  {
    input: 'tcp://127.1:80',
    code: 'SPEC_HOST',
    message: "host '127.1' is not a valid IPv4 address: write four numbers 0–255 without leading zeros, like 127.0.0.1",
  },
  {
    input: 'tcp://010.0.0.1:80',
    code: 'SPEC_HOST',
    message: "host '010.0.0.1' is not a valid IPv4 address: write four numbers 0–255 without leading zeros, like 127.0.0.1",
  },
  { input: 'tcp://4294967296:80', code: 'SPEC_HOST', message: "host '4294967296' is out of range: an integer host is 0–4294967295" },
  { input: 'tcp://0127:80', code: 'SPEC_HOST', message: "host '0127' starts with 0: write the integer without leading zeros, or a dotted quad" },
  {
    input: 'tcp://0x7f.1:80',
    code: 'SPEC_HOST',
    message: "host '0x7f.1' looks like a numeric address: write a dotted quad like 127.0.0.1 or an integer like 2130706433",
  },
  {
    input: 'tcp://0x7f000001:80',
    code: 'SPEC_HOST',
    message: "host '0x7f000001' looks like a numeric address: write a dotted quad like 127.0.0.1 or an integer like 2130706433",
  },
  { input: 'tcp://bad..name:80', code: 'SPEC_HOST', message: "host 'bad..name' has an empty label (two dots in a row, or a leading dot)" },
  { input: 'tcp://.name:80', code: 'SPEC_HOST', message: "host '.name' has an empty label (two dots in a row, or a leading dot)" },
  { input: 'tcp://-bad.com:80', code: 'SPEC_HOST', message: "host '-bad.com' has the label '-bad', which starts or ends with '-'" },
  { input: 'tcp://bad!.com:80', code: 'SPEC_HOST', message: "host 'bad!.com' has the character '!', which host names cannot contain" },
  { input: 'tcp://user@host:80', code: 'SPEC_HOST', message: "host 'user@host' has the character '@', which host names cannot contain" },
  { input: 'tcp://local host:80', code: 'SPEC_HOST', message: "host 'local host' has the character ' ', which host names cannot contain" },
  {
    input: `tcp://${'a'.repeat(64)}.com:80`,
    code: 'SPEC_HOST',
    message: `host '${'a'.repeat(64)}.com' has a label of 64 characters; labels have at most 63`,
  },
  {
    input: `tcp://${'a.'.repeat(127)}ab:80`,
    code: 'SPEC_HOST',
    message: `host '${'a.'.repeat(127)}ab' is 256 characters long; host names have at most 253`,
  },
  {
    input: 'tcp://<broadcast>:80',
    code: 'BROADCAST_NEEDS_UDP',
    message: "'<broadcast>' needs UDP",
    data: { reason: 'broadcast-needs-udp', host: '<broadcast>', transport: 'tcp' },
  },
  { input: 'tcp-listen://<broadcast>:80', code: 'BROADCAST_NEEDS_UDP', message: "'<broadcast>' needs UDP" },
  {
    input: 'udp6://<broadcast>:80',
    code: 'SPEC_HOST',
    message: "host '<broadcast>' is an IPv4 address but IPv6 was asked for (family 6)",
    data: { reason: 'host-family', host: '<broadcast>', family: 6, hostFamily: 4 },
  },
  { input: 'tcp4://[::1]:80', code: 'SPEC_HOST', message: "host '::1' is an IPv6 address but IPv4 was asked for (family 4)" },
  { input: 'tcp6://127.0.0.1:80', code: 'SPEC_HOST', message: "host '127.0.0.1' is an IPv4 address but IPv6 was asked for (family 6)" },
  { input: 'udp6://2130706433:80', code: 'SPEC_HOST', message: "host '2130706433' is an IPv4 address but IPv6 was asked for (family 6)" },
  // Ports
  { input: 'tcp://localhost', code: 'SPEC_PORT', message: "'localhost' has no port: write HOST:PORT, e.g. localhost:8080" },
  { input: 'tcp://[::1]', code: 'SPEC_PORT', message: "'[::1]' has no port: write HOST:PORT, e.g. localhost:8080" },
  { input: 'tcp://', code: 'SPEC_PORT', message: 'tcp:// has no port: write HOST:PORT, e.g. localhost:8080' },
  { input: 'tcp://localhost:', code: 'SPEC_PORT', message: 'missing port: write a number 0–65535 or a service name like http' },
  {
    input: 'tcp://localhost:70000',
    code: 'PORT_RANGE',
    message: 'port 70000 is out of range 0–65535',
    data: { reason: 'port-range', port: '70000', min: 0, max: 65535 },
  },
  { input: 'tcp-listen://:65536', code: 'PORT_RANGE', message: 'port 65536 is out of range 0–65535' },
  { input: 'tcp://localhost:-1', code: 'PORT_RANGE', message: 'port -1 is out of range 0–65535' },
  { input: 'tcp://localhost:99999999999999999999', code: 'PORT_RANGE', message: 'port 99999999999999999999 is out of range 0–65535' },
  { input: 'tcp://localhost:+80', code: 'SPEC_PORT', message: "port '+80' has a sign: write the number alone" },
  { input: 'tcp://localhost:8 0', code: 'SPEC_PORT', message: "port '8 0' is neither a number 0–65535 nor a service name" },
  {
    input: 'udp://localhost:ssh',
    code: 'SERVICE_UNKNOWN',
    message: "unknown udp service 'ssh'",
    data: { reason: 'service-unknown', service: 'ssh', protocol: 'udp' },
  },
  { input: 'tcp://localhost:ntp', code: 'SERVICE_UNKNOWN', message: "unknown tcp service 'ntp'" },
  { input: 'tcp://localhost:nosuchservice', code: 'SERVICE_UNKNOWN', message: "unknown tcp service 'nosuchservice'" },
  { input: 'tcp://localhost:0', code: 'SPEC_PORT', message: 'port 0 asks for any free port, which only a listener can use' },
  { input: 'udp://localhost:0', code: 'SPEC_PORT', message: 'port 0 asks for any free port, which only a listener can use' },
  // Options
  {
    input: 'tcp://localhost:80?name=web',
    code: 'SPEC_OPTION',
    message: `unknown option 'name': the options are ${OPTION_LIST}`,
    data: { reason: 'option-unknown', option: 'name' },
  },
  { input: 'tcp://localhost:80?broadcast=1', code: 'SPEC_OPTION', message: "option 'broadcast' applies to UDP sockets, not to tcp://" },
  { input: 'tcp-listen://:80?ttl=4', code: 'SPEC_OPTION', message: "option 'ttl' applies to UDP sockets, not to tcp-listen://" },
  { input: 'tcp://h:80?multicast=239.1.2.3', code: 'SPEC_OPTION', message: "option 'multicast' applies to udp-listen, not to tcp://" },
  { input: 'udp://h:80?multicast=239.1.2.3', code: 'SPEC_OPTION', message: "option 'multicast' applies to udp-listen, not to udp://" },
  { input: 'tcp://h:80?multicastTtl=1', code: 'SPEC_OPTION', message: "option 'multicastTtl' applies to UDP sockets, not to tcp://" },
  { input: 'udp://h:80?noDelay=1', code: 'SPEC_OPTION', message: "option 'noDelay' applies to TCP and TLS sockets, not to udp://" },
  { input: 'udp-listen://:80?keepAlive=1', code: 'SPEC_OPTION', message: "option 'keepAlive' applies to TCP and TLS sockets, not to udp-listen://" },
  {
    input: 'tcp-listen://:80?removeStale=1',
    code: 'SPEC_OPTION',
    message: "option 'removeStale' applies to unix-listen and unix-dgram-listen, not to tcp-listen://",
  },
  { input: 'unix:///tmp/a?removeStale=1', code: 'SPEC_OPTION', message: "option 'removeStale' applies to unix-listen and unix-dgram-listen, not to unix://" },
  { input: 'tcp://h:80?backlog=5', code: 'SPEC_OPTION', message: "option 'backlog' applies to tcp-listen, tls-listen and unix-listen, not to tcp://" },
  { input: 'udp-listen://:80?backlog=5', code: 'SPEC_OPTION', message: "option 'backlog' applies to tcp-listen, tls-listen and unix-listen, not to udp-listen://" },
  { input: 'tcp-listen://:80?timeout=5', code: 'SPEC_OPTION', message: "option 'timeout' applies to tcp, tls and unix clients, not to tcp-listen://" },
  { input: 'udp://h:80?timeout=5', code: 'SPEC_OPTION', message: "option 'timeout' applies to tcp, tls and unix clients, not to udp://" },
  { input: 'unix-dgram:///tmp/a?timeout=5', code: 'SPEC_OPTION', message: "option 'timeout' applies to tcp, tls and unix clients, not to unix-dgram://" },
  { input: 'unix-listen:///tmp/a?timeout=5', code: 'SPEC_OPTION', message: "option 'timeout' applies to tcp, tls and unix clients, not to unix-listen://" },
  // Framing: UDP is message-based already; options that belong to another mode, or a mode missing its option
  {
    input: 'udp://h:80?framing=line',
    code: 'SPEC_OPTION',
    message: "option 'framing' does not apply to udp://: datagrams are messages already, one per read",
    data: { reason: 'framing-datagram', option: 'framing', scheme: 'udp' },
  },
  {
    input: 'tcp://h:80?framing=line&delimiter=0a',
    code: 'SPEC_OPTION',
    message: "option 'delimiter' belongs to framing=delimiter, not to framing=line",
    data: { reason: 'framing-option-needs-mode', option: 'delimiter', mode: 'delimiter', framing: 'line' },
  },
  {
    input: 'unix:///tmp/a?framing=fixed',
    code: 'SPEC_OPTION',
    message: "option 'framing' is fixed, which needs size=…",
    data: { reason: 'framing-mode-needs-option', option: 'framing', value: 'fixed', needs: 'size' },
  },
  {
    input: 'tcp://h:80?framing=length&length=u24',
    code: 'SPEC_OPTION',
    message: "option 'length' must be one of u8, u16be, u16le, u32be, u32le, not 'u24'",
    data: { reason: 'option-choice', option: 'length', value: 'u24', choices: 'u8,u16be,u16le,u32be,u32le' },
  },
  {
    input: 'tcp://h:80?framing=delimiter&delimiter=0g',
    code: 'SPEC_OPTION',
    message: "option 'delimiter' must be 1–64 bytes as hex digits, like 0d0a, not '0g'",
    data: { reason: 'option-hex', option: 'delimiter', value: '0g', max: 64 },
  },
  { input: 'unix:///tmp/a?family=4', code: 'SPEC_OPTION', message: "option 'family' applies to TCP and UDP sockets, not to unix://" },
  { input: 'tcp://h:80?reuseAddress=1', code: 'SPEC_OPTION', message: "option 'reuseAddress' applies to tcp-listen, tls-listen and udp-listen, not to tcp://" },
  { input: 'tcp://h:80?ipv6Only=1', code: 'SPEC_OPTION', message: "option 'ipv6Only' applies to tcp-listen, tls-listen and UDP sockets, not to tcp://" },
  // TLS options
  { input: 'tcp://h:443?insecure=1', code: 'SPEC_OPTION', message: "option 'insecure' applies to TLS sockets, not to tcp://" },
  { input: 'tls-listen://:443?servername=a', code: 'SPEC_OPTION', message: "option 'servername' applies to tls clients, not to tls-listen://" },
  { input: 'tls://h:443?requestCert=1', code: 'SPEC_OPTION', message: "option 'requestCert' applies to tls-listen, not to tls://" },
  { input: 'tls://h:443?servername=', code: 'SPEC_OPTION', message: "option 'servername' needs a value" },
  { input: 'tls://h:443?ca', code: 'SPEC_OPTION', message: "option 'ca' needs a value" },
  { input: 'tls://h:443?servername=127.0.0.1', code: 'SPEC_OPTION', message: "option 'servername' must be a host name: SNI cannot carry the IP address '127.0.0.1'" },
  { input: 'tls://h:443?alpn=h2,,http/1.1', code: 'SPEC_OPTION', message: "option 'alpn' has '': each protocol name is 1 to 255 bytes" },
  { input: 'tls://h:443?minVersion=TLSv1.4', code: 'SPEC_OPTION', message: "option 'minVersion' must be TLSv1, TLSv1.1, TLSv1.2, TLSv1.3, not 'TLSv1.4'" },
  { input: 'tls://h:443?minVersion=TLSv1.3&maxVersion=TLSv1.2', code: 'SPEC_OPTION', message: "option 'minVersion' TLSv1.3 is above maxVersion TLSv1.2" },
  { input: 'tls://h:443?cert=a.pem', code: 'SPEC_OPTION', message: "option 'cert' needs key= too" },
  { input: 'tls-listen://:443?key=a.pem', code: 'SPEC_OPTION', message: "option 'key' needs cert= too" },
  { input: 'tls://<broadcast>:443', code: 'BROADCAST_NEEDS_UDP', message: "'<broadcast>' needs UDP" },
  {
    input: 'tcp://h:80?noDelay=maybe',
    code: 'SPEC_OPTION',
    message: "option 'noDelay' must be 1/0, true/false, yes/no or on/off, not 'maybe'",
    data: { reason: 'option-boolean', option: 'noDelay', value: 'maybe' },
  },
  { input: 'tcp://h:80?noDelay=', code: 'SPEC_OPTION', message: "option 'noDelay' must be 1/0, true/false, yes/no or on/off, not ''" },
  { input: 'udp://h:80?ttl=0', code: 'SPEC_OPTION', message: "option 'ttl' must be a whole number 1–255, not '0'" },
  { input: 'udp://h:80?ttl=256', code: 'SPEC_OPTION', message: "option 'ttl' must be a whole number 1–255, not '256'" },
  { input: 'udp://h:80?ttl=abc', code: 'SPEC_OPTION', message: "option 'ttl' must be a whole number 1–255, not 'abc'" },
  { input: 'udp://h:80?ttl', code: 'SPEC_OPTION', message: "option 'ttl' must be a whole number 1–255, not ''" },
  { input: 'udp://h:80?ttl=%FF', code: 'SPEC_OPTION', message: "option 'ttl' has a percent escape that is not UTF-8: '%FF'" },
  { input: 'udp://h:80?multicastTtl=256', code: 'SPEC_OPTION', message: "option 'multicastTtl' must be a whole number 0–255, not '256'" },
  {
    input: 'tcp://h:80?timeout=0',
    code: 'SPEC_OPTION',
    message: "option 'timeout' must be a whole number of milliseconds 1–2147483647, not '0'",
  },
  {
    input: 'tcp://h:80?timeout=-5',
    code: 'SPEC_OPTION',
    message: "option 'timeout' must be a whole number of milliseconds 1–2147483647, not '-5'",
  },
  {
    input: 'tcp://h:80?timeout=2147483648',
    code: 'SPEC_OPTION',
    message: "option 'timeout' must be a whole number of milliseconds 1–2147483647, not '2147483648'",
  },
  { input: 'tcp-listen://:80?backlog=-1', code: 'SPEC_OPTION', message: "option 'backlog' must be a whole number 0–2147483647, not '-1'" },
  {
    input: 'tcp://h:80?keepAlive=1&keepAliveDelay=1.5',
    code: 'SPEC_OPTION',
    message: "option 'keepAliveDelay' must be a whole number of milliseconds 0–2147483647, not '1.5'",
  },
  { input: 'tcp://h:80?keepAliveDelay=100', code: 'SPEC_OPTION', message: "option 'keepAliveDelay' needs keepAlive=1" },
  { input: 'tcp://h:80?keepAlive=0&keepAliveDelay=100', code: 'SPEC_OPTION', message: "option 'keepAliveDelay' needs keepAlive=1" },
  { input: 'udp://h:80?ttl=4&TTL=5', code: 'SPEC_OPTION', message: "option 'ttl' is given twice" },
  { input: 'tcp://h:80?family=5', code: 'SPEC_OPTION', message: "option 'family' must be 4 or 6, not '5'" },
  { input: 'tcp4://h:80?family=6', code: 'SPEC_OPTION', message: "option 'family' is 6, but the scheme tcp4 asks for 4" },
  {
    input: 'udp-listen://:9?multicast=10.0.0.1',
    code: 'SPEC_OPTION',
    message: "option 'multicast' has '10.0.0.1', which is not a multicast address (224.0.0.0/4 or ff00::/8)",
    data: { reason: 'multicast-group-invalid', option: 'multicast', value: '10.0.0.1' },
  },
  { input: 'udp-listen://:9?multicast=239.1.2.3,239.1.2.3', code: 'SPEC_OPTION', message: "option 'multicast' lists the group '239.1.2.3' twice" },
  { input: 'udp-listen://:9?multicast=', code: 'SPEC_OPTION', message: "option 'multicast' needs a group address, like multicast=239.1.2.3" },
  { input: 'udp-listen://:9?multicast=239.1.2.3,', code: 'SPEC_OPTION', message: "option 'multicast' has an empty group address" },
  {
    input: 'udp-listen://:9?multicast=ff02::1',
    code: 'SPEC_OPTION',
    message: "option 'multicast' has 'ff02::1', which is IPv6, but the socket is IPv4: write udp6-listen:// or bind an IPv6 host",
  },
  {
    input: 'udp6-listen://:9?multicast=239.1.2.3',
    code: 'SPEC_OPTION',
    message: "option 'multicast' has '239.1.2.3', which is IPv4, but the socket is IPv6",
  },
  {
    input: 'udp-listen://name.example:9?multicast=239.1.2.3,ff02::1',
    code: 'SPEC_OPTION',
    message: "option 'multicast' has 'ff02::1', which is IPv6, but '239.1.2.3' is IPv4: one socket uses one family",
  },
  {
    input: 'udp://h:9?multicastInterface=eth0',
    code: 'SPEC_OPTION',
    message: "option 'multicastInterface' must be the IP address of a local interface, like 192.168.1.2 or ::%eth0, not 'eth0'",
  },
  {
    input: 'udp://[::1]:9?multicastInterface=192.168.1.2',
    code: 'SPEC_OPTION',
    message: "option 'multicastInterface' has '192.168.1.2', which is IPv4, but the socket is IPv6",
  },
  {
    input: 'udp-listen://<broadcast>:9?broadcast=0',
    code: 'SPEC_OPTION',
    message: "option 'broadcast' is off, but the host '<broadcast>' turns it on",
  },
  { input: 'tcp4-listen://:80?ipv6Only=1', code: 'SPEC_OPTION', message: "option 'ipv6Only' needs IPv6, but the spec asks for IPv4 (family 4)" },
  { input: 'tcp-listen://127.0.0.1:80?ipv6Only=1', code: 'SPEC_OPTION', message: "option 'ipv6Only' needs an IPv6 host, but '127.0.0.1' is IPv4" },
  { input: 'udp://<broadcast>:80?ipv6Only=1', code: 'SPEC_OPTION', message: "option 'ipv6Only' needs an IPv6 host, but '<broadcast>' is IPv4" },
  // UNIX paths
  {
    input: 'unix://tmp/a.sock',
    code: 'SPEC_PATH',
    message: "unix path 'tmp/a.sock' is not absolute: write unix:///tmp/a.sock (three slashes), or unix://@name for an abstract socket",
    data: { reason: 'path-relative', path: 'tmp/a.sock' },
  },
  {
    input: 'unix://./a.sock',
    code: 'SPEC_PATH',
    message: "unix path './a.sock' is not absolute: write unix:///tmp/a.sock (three slashes), or unix://@name for an abstract socket",
  },
  {
    input: 'unix-listen://localhost:80',
    code: 'SPEC_PATH',
    message: "unix path 'localhost:80' is not absolute: write unix:///tmp/a.sock (three slashes), or unix://@name for an abstract socket",
  },
  { input: 'unix://', code: 'SPEC_PATH', message: 'missing path: write unix:///tmp/a.sock, or unix://@name for an abstract socket' },
  { input: 'unix://?timeout=5', code: 'SPEC_PATH', message: 'missing path: write unix:///tmp/a.sock, or unix://@name for an abstract socket' },
  { input: 'unix://@', code: 'SPEC_PATH', message: "abstract socket name '@' is empty: write @name" },
  { input: 'unix:///tmp/a%00b', code: 'SPEC_PATH', message: "unix path '/tmp/a%00b' contains a NUL byte" },
  { input: 'unix:///tmp/%FF', code: 'SPEC_PATH', message: "unix path '/tmp/%FF' has a percent escape that is not UTF-8" },
  { input: 'unix:///tmp/a#b', code: 'SPEC_SYNTAX', message: "unexpected '#' in '/tmp/a#b': write it as %23" },
  {
    input: `unix:///${'a'.repeat(107)}`,
    code: 'UNIX_PATH_TOO_LONG',
    message: `unix path '/${'a'.repeat(107)}' is 108 bytes; at most 107 fit`,
    data: { reason: 'path-too-long', path: `/${'a'.repeat(107)}`, bytes: 108, max: 107 },
  },
  {
    input: `unix:///tmp/${'é'.repeat(52)}`,
    code: 'UNIX_PATH_TOO_LONG',
    message: `unix path '/tmp/${'é'.repeat(52)}' is 109 bytes; at most 107 fit`,
    data: { reason: 'path-too-long', path: `/tmp/${'é'.repeat(52)}`, bytes: 109, max: 107 },
  },
  {
    input: `unix-listen://@${'a'.repeat(108)}`,
    code: 'UNIX_PATH_TOO_LONG',
    message: `abstract socket name '@${'a'.repeat(108)}' is 108 bytes; at most 107 fit`,
    data: { reason: 'path-abstract-too-long', path: `@${'a'.repeat(108)}`, bytes: 108, max: 107 },
  },
  {
    input: `unix:///${'a'.repeat(103)}`,
    code: 'UNIX_PATH_TOO_LONG',
    message: `unix path '/${'a'.repeat(103)}' is 104 bytes; at most 103 fit`,
    data: { reason: 'path-too-long', path: `/${'a'.repeat(103)}`, bytes: 104, max: 103 },
    context: { services: builtInServices, platform: 'darwin' },
  },
  {
    input: 'unix://@name',
    code: 'SPEC_PATH',
    message: "abstract socket name '@name' needs Linux; use a path like /tmp/a.sock",
    data: { reason: 'path-abstract-linux', path: '@name', platform: 'darwin' },
    context: { services: builtInServices, platform: 'darwin' },
  },
];

describe('socketSpec.parse', () => {
  describe('valid specs', () => {
    for (const item of VALID) {
      it(`${JSON.stringify(item.input)} → ${item.canonical ?? item.input}`, () => {
        const spec = parseSpec(item.input, LINUX);
        assert.deepStrictEqual(spec, item.spec);
        const canonical = formatSpec(spec);
        assert.equal(canonical, item.canonical ?? item.input);
        // The canonical text is a fixed point and reads back as the same spec.
        assert.deepStrictEqual(parseSpec(canonical, LINUX), item.spec);
        assert.equal(formatSpec(parseSpec(canonical, LINUX)), canonical);
        // Whatever parse accepts, build accepts unchanged.
        assert.deepStrictEqual(buildSpec(spec, LINUX), item.spec);
      });
    }
  });

  describe('malformed specs', () => {
    for (const item of INVALID) {
      it(`${JSON.stringify(item.input.length > 70 ? `${item.input.slice(0, 70)}…` : item.input)} → ${item.code}`, () => {
        expectError(() => parseSpec(item.input, item.context ?? LINUX), item.code, item.message, item.data);
      });
    }
  });

  it('works through the socketSpec object with the system services and platform', () => {
    const spec = socketSpec.parse('tcp://localhost:8080?noDelay=1');
    assert.deepStrictEqual(spec, { transport: 'tcp', role: 'connect', host: 'localhost', port: '8080', options: { noDelay: true } });
    assert.equal(socketSpec.format(spec), 'tcp://localhost:8080?noDelay=1');
    assert.deepStrictEqual(socketSpec.schemes, ['tcp', 'tcp-listen', 'udp', 'udp-listen', 'unix', 'unix-listen', 'unix-dgram', 'unix-dgram-listen', 'tls', 'tls-listen']);
    assert.equal(socketSpec.optionNames.join(', '), OPTION_LIST);
    assert.deepStrictEqual(SPEC_OPTION_NAMES, socketSpec.optionNames);
  });

  it('uses the injected services table for port names', () => {
    const services = servicesFromText('myservice 4242/tcp\n');
    assert.deepStrictEqual(parseSpec('tcp://h:myservice', { services }), {
      transport: 'tcp',
      role: 'connect',
      host: 'h',
      port: 'myservice',
      options: {},
    });
    expectError(() => parseSpec('udp://h:myservice', { services }), 'SERVICE_UNKNOWN', "unknown udp service 'myservice'");
    expectError(() => parseSpec('tcp://h:myservice', LINUX), 'SERVICE_UNKNOWN', "unknown tcp service 'myservice'");
  });

  it('reports every error as an EngineError with a code and a message that names the bad part', () => {
    for (const item of INVALID) {
      try {
        parseSpec(item.input, item.context ?? LINUX);
        assert.fail(`${item.input} parsed`);
      } catch (error) {
        assert.ok(error instanceof EngineError);
        assert.deepEqual(error.toJSON(), { code: error.code, message: error.message, data: error.data });
      }
    }
  });
});

/** Refusals that parseSpec alone cannot reach: built fields, send targets, a broken international name. */
const OTHER_INVALID: ReadonlyArray<{ readonly name: string; readonly run: () => unknown }> = [
  { name: "the panel's framing text naming another option", run: () => parseFramingText('framing=line&noDelay=1') },
  { name: 'buildSpec without a port', run: () => buildSpec({ transport: 'tcp', role: 'connect', host: 'localhost' }, LINUX) },
  { name: 'buildSpec UNIX with a host', run: () => buildSpec({ transport: 'unix', role: 'connect', host: 'h', path: '/tmp/a' }, LINUX) },
  { name: 'buildSpec TCP with a path', run: () => buildSpec({ transport: 'tcp', role: 'connect', host: 'h', port: 80, path: '/tmp/a' }, LINUX) },
  {
    name: 'buildSpec with a non-boolean flag',
    run: () => buildSpec({ transport: 'tcp', role: 'connect', host: 'h', port: 80, options: { noDelay: 'yes' as unknown as boolean } }, LINUX),
  },
  { name: 'parseTarget without a port', run: () => parseTarget('127.0.0.1', 'udp', builtInServices) },
  { name: 'parseTarget to port 0', run: () => parseTarget('127.0.0.1:0', 'udp', builtInServices) },
  { name: 'an international name that has no ASCII form', run: () => parseSpec('tcp://xn--ü.de:80', LINUX) },
];

describe('spec error reasons', () => {
  const known: ReadonlySet<string> = new Set<string>([...ADDRESS_ERROR_REASONS, ...OPTION_ERROR_REASONS]);

  /** The error `run` throws, which must be an EngineError whose data leads with a known reason. */
  function reasonOf(label: string, run: () => unknown): string {
    try {
      run();
    } catch (error) {
      assert.ok(error instanceof EngineError, `${label}: expected an EngineError, got ${String(error)}`);
      const reason = error.data.reason;
      assert.equal(typeof reason, 'string', `${label}: ${error.code} '${error.message}' has no data.reason`);
      assert.ok(known.has(reason as string), `${label}: unknown reason '${String(reason)}'`);
      return reason as string;
    }
    assert.fail(`${label}: no error`);
  }

  it('gives every malformed spec a reason from ADDRESS_ERROR_REASONS or OPTION_ERROR_REASONS', () => {
    for (const item of INVALID) {
      reasonOf(JSON.stringify(item.input), () => parseSpec(item.input, item.context ?? LINUX));
    }
  });

  it('reaches every spec reason from the malformed specs, built fields and send targets', () => {
    const seen = new Set<string>();
    for (const item of INVALID) {
      seen.add(reasonOf(JSON.stringify(item.input), () => parseSpec(item.input, item.context ?? LINUX)));
    }
    for (const item of OTHER_INVALID) {
      seen.add(reasonOf(item.name, item.run));
    }
    assert.deepEqual([...known].filter((reason) => !seen.has(reason)), [], 'reasons no case in the corpus gives');
  });

  it('carries the facts a sentence needs, not only the reason', () => {
    const dataOf = (input: string): EngineErrorData => {
      try {
        parseSpec(input, LINUX);
      } catch (error) {
        assert.ok(error instanceof EngineError);
        return error.data;
      }
      assert.fail(`${input} parsed`);
    };
    assert.deepEqual(dataOf('tcp://h:80?timeout=0'), { reason: 'option-integer', option: 'timeout', value: '0', min: 1, max: 2147483647, unit: 'milliseconds' });
    assert.deepEqual(dataOf('udp://h:80?ttl=abc'), { reason: 'option-integer', option: 'ttl', value: 'abc', min: 1, max: 255 });
    assert.deepEqual(dataOf('udp://h:80?noDelay=1'), { reason: 'option-not-applicable', option: 'noDelay', scheme: 'udp', schemes: 'tcp,tcp-listen,tls,tls-listen' });
    assert.deepEqual(dataOf('tcp:///tmp/a.sock'), {
      reason: 'path-after-port',
      spec: 'tcp:///tmp/a.sock',
      scheme: 'tcp',
      text: '/tmp/a.sock',
      unixSpec: 'unix:///tmp/a.sock',
    });
    assert.deepEqual(dataOf('tcp:localhost:80'), { reason: 'scheme-separator-missing', spec: 'tcp:localhost:80', scheme: 'tcp', suggestion: 'tcp://localhost:80' });
    assert.deepEqual(dataOf('tcp://'), { reason: 'port-missing', host: '', text: '', scheme: 'tcp' });
    assert.deepEqual(dataOf(`tcp://${'a'.repeat(64)}.com:80`), { reason: 'host-label-too-long', host: `${'a'.repeat(64)}.com`, label: 'a'.repeat(64), length: 64, max: 63 });
    assert.deepEqual(dataOf('udp-listen://name.example:9?multicast=239.1.2.3,ff02::1'), {
      reason: 'option-family-conflict',
      option: 'multicast',
      value: 'ff02::1',
      addressFamily: 6,
      other: '239.1.2.3',
      family: 4,
    });
  });
});

describe('schemeOf', () => {
  const table: Array<[Transport, Role, 4 | 6 | undefined, string]> = [
    ['tcp', 'connect', undefined, 'tcp'],
    ['tcp', 'listen', undefined, 'tcp-listen'],
    ['tcp', 'listen', 6, 'tcp6-listen'],
    ['udp', 'connect', 4, 'udp4'],
    ['unix', 'listen', 6, 'unix-listen'],
    ['unix-dgram', 'connect', undefined, 'unix-dgram'],
    ['unix-dgram', 'listen', undefined, 'unix-dgram-listen'],
  ];
  for (const [transport, role, family, expected] of table) {
    it(`${transport} ${role} ${String(family)} → ${expected}`, () => {
      assert.equal(schemeOf(transport, role, family), expected);
    });
  }
});

// ---------------------------------------------------------------------------------------------

describe('parseHost (the primer table)', () => {
  const valid: Array<[string, HostContext, HostInfo]> = [
    ['', {}, { kind: 'any', address: '0.0.0.0', family: 4 }],
    ['', { family: 4, ipv6Only: true }, { kind: 'any', address: '0.0.0.0', family: 4 }],
    ['', { family: 6 }, { kind: 'any', address: '::', family: 6 }],
    ['', { ipv6Only: true }, { kind: 'any', address: '::', family: 6 }],
    ['<broadcast>', { transport: 'udp' }, { kind: 'broadcast', address: '255.255.255.255', family: 4 }],
    ['<Broadcast>', {}, { kind: 'broadcast', address: '255.255.255.255', family: 4 }],
    ['127.0.0.1', {}, { kind: 'ipv4', address: '127.0.0.1', family: 4 }],
    ['255.255.255.255', { family: 4 }, { kind: 'ipv4', address: '255.255.255.255', family: 4 }],
    ['::1', {}, { kind: 'ipv6', address: '::1', family: 6 }],
    ['[::1]', { family: 6 }, { kind: 'ipv6', address: '::1', family: 6 }],
    ['fe80::1%eth0', {}, { kind: 'ipv6', address: 'fe80::1', zone: 'eth0', family: 6 }],
    ['[fe80::1%eth0]', {}, { kind: 'ipv6', address: 'fe80::1', zone: 'eth0', family: 6 }],
    ['[fe80::1%25eth0]', {}, { kind: 'ipv6', address: 'fe80::1', zone: 'eth0', family: 6 }],
    ['fe80::1%25eth0', {}, { kind: 'ipv6', address: 'fe80::1', zone: '25eth0', family: 6 }],
    ['[fe80::1%25]', {}, { kind: 'ipv6', address: 'fe80::1', zone: '25', family: 6 }],
    ['fe80::1%12', {}, { kind: 'ipv6', address: 'fe80::1', zone: '12', family: 6 }],
    ['::ffff:192.0.2.1', {}, { kind: 'ipv6', address: '::ffff:192.0.2.1', family: 6 }],
    ['2130706433', {}, { kind: 'integer', value: 2130706433, address: '127.0.0.1', family: 4 }],
    ['0', {}, { kind: 'integer', value: 0, address: '0.0.0.0', family: 4 }],
    ['4294967295', { transport: 'tcp' }, { kind: 'integer', value: 4294967295, address: '255.255.255.255', family: 4 }],
    ['3232235777', {}, { kind: 'integer', value: 3232235777, address: '192.168.1.1', family: 4 }],
    ['localhost', { family: 6 }, { kind: 'name', name: 'localhost', ascii: 'localhost' }],
    ['Example.COM.', {}, { kind: 'name', name: 'Example.COM.', ascii: 'Example.COM.' }],
    ['under_score.local', {}, { kind: 'name', name: 'under_score.local', ascii: 'under_score.local' }],
    ['bücher.de', {}, { kind: 'name', name: 'bücher.de', ascii: 'xn--bcher-kva.de' }],
    ['a1', {}, { kind: 'name', name: 'a1', ascii: 'a1' }],
    ['1a', {}, { kind: 'name', name: '1a', ascii: '1a' }],
  ];
  for (const [text, context, expected] of valid) {
    it(`${JSON.stringify(text)} ${JSON.stringify(context)} → ${expected.kind}`, () => {
      assert.deepStrictEqual(parseHost(text, context), expected);
    });
  }

  const invalid: Array<[string, HostContext, EngineErrorCode, string]> = [
    ['<broadcast>', { transport: 'tcp' }, 'BROADCAST_NEEDS_UDP', "'<broadcast>' needs UDP"],
    ['<broadcast>', { transport: 'unix' }, 'BROADCAST_NEEDS_UDP', "'<broadcast>' needs UDP"],
    ['<broadcast>', { family: 6 }, 'SPEC_HOST', "host '<broadcast>' is an IPv4 address but IPv6 was asked for (family 6)"],
    ['127.0.0.1', { family: 6 }, 'SPEC_HOST', "host '127.0.0.1' is an IPv4 address but IPv6 was asked for (family 6)"],
    ['[::1]', { family: 4 }, 'SPEC_HOST', "host '[::1]' is an IPv6 address but IPv4 was asked for (family 4)"],
    ['::1:::', {}, 'SPEC_HOST', "host '::1:::' is not a valid IPv6 address"],
    ['[::1', {}, 'SPEC_HOST', "host '[::1' is missing its closing ']'"],
    ['[localhost]', {}, 'SPEC_HOST', "host '[localhost]' is in brackets, but brackets are only for IPv6 addresses"],
    ['1.2.3.4.5', {}, 'SPEC_HOST', "host '1.2.3.4.5' is not a valid IPv4 address: write four numbers 0–255 without leading zeros, like 127.0.0.1"],
    ['1.2.3.', {}, 'SPEC_HOST', "host '1.2.3.' is not a valid IPv4 address: write four numbers 0–255 without leading zeros, like 127.0.0.1"],
    ['99999999999', {}, 'SPEC_HOST', "host '99999999999' is out of range: an integer host is 0–4294967295"],
    ['a.b-', {}, 'SPEC_HOST', "host 'a.b-' has the label 'b-', which starts or ends with '-'"],
    ['host.123', {}, 'SPEC_HOST', "host 'host.123' looks like a numeric address: write a dotted quad like 127.0.0.1 or an integer like 2130706433"],
    ['a/b', {}, 'SPEC_HOST', "host 'a/b' has the character '/', which host names cannot contain"],
  ];
  for (const [text, context, code, message] of invalid) {
    it(`${JSON.stringify(text)} ${JSON.stringify(context)} → ${code}`, () => {
      expectError(() => parseHost(text, context), code, message);
    });
  }
});

describe('host helpers', () => {
  it('integerToIPv4 reads host byte order', () => {
    assert.equal(integerToIPv4(2130706433), '127.0.0.1');
    assert.equal(integerToIPv4(0), '0.0.0.0');
    assert.equal(integerToIPv4(4294967295), '255.255.255.255');
    assert.equal(integerToIPv4(16909060), '1.2.3.4');
  });

  it('isMulticastAddress knows 224.0.0.0/4 and ff00::/8', () => {
    const table: Array<[string, boolean]> = [
      ['224.0.0.0', true],
      ['239.255.255.255', true],
      ['223.255.255.255', false],
      ['240.0.0.0', false],
      ['ff02::1', true],
      ['FF0E::1', true],
      ['ff::1', false],
      ['fe80::1', false],
      ['not-an-address', false],
    ];
    for (const [address, expected] of table) {
      assert.equal(isMulticastAddress(address), expected, address);
    }
  });

  it('bracketHost brackets IPv6 and escapes zones that start with 25', () => {
    assert.equal(bracketHost('localhost'), 'localhost');
    assert.equal(bracketHost(''), '');
    assert.equal(bracketHost('::1'), '[::1]');
    assert.equal(bracketHost('fe80::1%eth0'), '[fe80::1%eth0]');
    assert.equal(bracketHost('fe80::1%25'), '[fe80::1%2525]');
  });

  it('splitHostPort splits on the last colon and keeps brackets', () => {
    assert.deepStrictEqual(splitHostPort('h:80'), { host: 'h', port: '80', bracketed: false });
    assert.deepStrictEqual(splitHostPort('h'), { host: 'h', port: undefined, bracketed: false });
    assert.deepStrictEqual(splitHostPort(':80'), { host: '', port: '80', bracketed: false });
    assert.deepStrictEqual(splitHostPort('[::1]:80'), { host: '[::1]', port: '80', bracketed: true });
    assert.deepStrictEqual(splitHostPort('[::1]'), { host: '[::1]', port: undefined, bracketed: true });
    assert.deepStrictEqual(splitHostPort('[::1]:'), { host: '[::1]', port: '', bracketed: true });
  });
});

describe('parsePort', () => {
  const valid: Array<[string, ServiceProtocol, number]> = [
    ['0', 'tcp', 0],
    ['80', 'tcp', 80],
    ['080', 'udp', 80],
    ['65535', 'udp', 65535],
    ['http', 'tcp', 80],
    ['HTTP', 'tcp', 80],
    ['www', 'tcp', 80],
    ['https', 'udp', 443],
    ['domain', 'udp', 53],
    ['domain', 'tcp', 53],
    ['ntp', 'udp', 123],
    ['echo', 'udp', 7],
    ['postgres', 'tcp', 5432],
  ];
  for (const [text, protocol, expected] of valid) {
    it(`${JSON.stringify(text)}/${protocol} → ${expected}`, () => {
      assert.equal(parsePort(text, protocol, builtInServices), expected);
    });
  }

  const invalid: Array<[string, ServiceProtocol, EngineErrorCode, string]> = [
    ['', 'tcp', 'SPEC_PORT', 'missing port: write a number 0–65535 or a service name like http'],
    ['65536', 'tcp', 'PORT_RANGE', 'port 65536 is out of range 0–65535'],
    ['70000', 'udp', 'PORT_RANGE', 'port 70000 is out of range 0–65535'],
    ['-80', 'tcp', 'PORT_RANGE', 'port -80 is out of range 0–65535'],
    ['+80', 'tcp', 'SPEC_PORT', "port '+80' has a sign: write the number alone"],
    ['8.5', 'tcp', 'SPEC_PORT', "port '8.5' is neither a number 0–65535 nor a service name"],
    [' 80', 'tcp', 'SPEC_PORT', "port ' 80' is neither a number 0–65535 nor a service name"],
    ['http!', 'tcp', 'SPEC_PORT', "port 'http!' is neither a number 0–65535 nor a service name"],
    ['http', 'udp', 'SERVICE_UNKNOWN', "unknown udp service 'http'"],
    ['ntp', 'tcp', 'SERVICE_UNKNOWN', "unknown tcp service 'ntp'"],
    ['ssh', 'udp', 'SERVICE_UNKNOWN', "unknown udp service 'ssh'"],
  ];
  for (const [text, protocol, code, message] of invalid) {
    it(`${JSON.stringify(text)}/${protocol} → ${code}`, () => {
      expectError(() => parsePort(text, protocol, builtInServices), code, message);
    });
  }

  it('uses the system services by default', () => {
    assert.equal(parsePort('http', 'tcp'), 80);
    assert.equal(parsePort('8080', 'udp'), 8080);
  });
});

// ---------------------------------------------------------------------------------------------

const SERVICES_FIXTURE = [
  '# Network services, Internet style',
  '',
  'tcpmux\t\t1/tcp\t\t\t\t# TCP port service multiplexer',
  'echo\t\t7/tcp',
  'echo\t\t7/udp',
  'discard\t\t9/tcp\t\tsink null',
  'discard\t\t9/udp\t\tsink null',
  'ssh\t\t22/tcp\t\t\t\t# SSH Remote Login Protocol',
  'http\t\t80/tcp\t\twww\t\t# WorldWideWeb HTTP',
  'echo\t\t4/ddp\t\t\t# AppleTalk Echo Protocol',
  '   # an indented comment',
  'broken line',
  'toobig\t\t70000/tcp',
  'custom\t\t9000/udp\tcust c2 # trailing comment',
  'shadow\t\t9001/udp',
  'shadow\t\t9002/udp',
  'dns\t\t53/TCP\r',
].join('\n');

describe('services', () => {
  it('parseServicesText reads names, protocols, aliases and skips comments, other protocols and bad lines', () => {
    assert.deepStrictEqual(parseServicesText(SERVICES_FIXTURE), [
      { name: 'tcpmux', port: 1, protocol: 'tcp', aliases: [] },
      { name: 'echo', port: 7, protocol: 'tcp', aliases: [] },
      { name: 'echo', port: 7, protocol: 'udp', aliases: [] },
      { name: 'discard', port: 9, protocol: 'tcp', aliases: ['sink', 'null'] },
      { name: 'discard', port: 9, protocol: 'udp', aliases: ['sink', 'null'] },
      { name: 'ssh', port: 22, protocol: 'tcp', aliases: [] },
      { name: 'http', port: 80, protocol: 'tcp', aliases: ['www'] },
      { name: 'custom', port: 9000, protocol: 'udp', aliases: ['cust', 'c2'] },
      { name: 'shadow', port: 9001, protocol: 'udp', aliases: [] },
      { name: 'shadow', port: 9002, protocol: 'udp', aliases: [] },
      { name: 'dns', port: 53, protocol: 'tcp', aliases: [] },
    ]);
  });

  it('looks names up per protocol in a services file, with aliases, and falls back to the built-in table', () => {
    const table = servicesFromText(SERVICES_FIXTURE);
    assert.equal(table.source, 'file');
    const cases: Array<[string, ServiceProtocol, number | undefined]> = [
      ['echo', 'tcp', 7],
      ['echo', 'udp', 7],
      ['ssh', 'tcp', 22],
      ['ssh', 'udp', undefined],
      ['www', 'tcp', 80],
      ['WWW', 'tcp', 80],
      ['sink', 'udp', 9],
      ['cust', 'udp', 9000],
      ['c2', 'udp', 9000],
      ['custom', 'tcp', undefined],
      ['shadow', 'udp', 9001],
      ['tcpmux', 'tcp', 1],
      ['dns', 'tcp', 53],
      ['toobig', 'tcp', undefined],
      // Not in the file: the built-in table answers.
      ['redis', 'tcp', 6379],
      ['ntp', 'udp', 123],
      ['ntp', 'tcp', undefined],
    ];
    for (const [name, protocol, port] of cases) {
      assert.equal(table.lookup(name, protocol), port, `${name}/${protocol}`);
    }
    assert.equal(table.nameOf(9000, 'udp'), 'custom');
    assert.equal(table.nameOf(22, 'tcp'), 'ssh');
    assert.equal(table.nameOf(5432, 'tcp'), 'postgresql');
    assert.equal(table.nameOf(22, 'udp'), undefined);
  });

  it('the built-in table has the primer services with the right protocols', () => {
    assert.equal(builtInServices.source, 'built-in');
    const cases: Array<[string, number | undefined, number | undefined]> = [
      // name, tcp port, udp port
      ['http', 80, undefined],
      ['www', 80, undefined],
      ['https', 443, 443],
      ['domain', 53, 53],
      ['echo', 7, 7],
      ['discard', 9, 9],
      ['daytime', 13, 13],
      ['ftp', 21, undefined],
      ['ssh', 22, undefined],
      ['telnet', 23, undefined],
      ['smtp', 25, undefined],
      ['ntp', undefined, 123],
      ['snmp', 161, 161],
      ['syslog', undefined, 514],
      ['tftp', undefined, 69],
      ['bootps', undefined, 67],
      ['bootpc', undefined, 68],
      ['imap', 143, undefined],
      ['imap2', 143, undefined],
      ['pop3', 110, undefined],
      ['ldap', 389, 389],
      ['mysql', 3306, undefined],
      ['postgresql', 5432, undefined],
      ['postgres', 5432, undefined],
      ['redis', 6379, undefined],
      ['mdns', undefined, 5353],
      ['nosuch', undefined, undefined],
    ];
    for (const [name, tcp, udp] of cases) {
      assert.equal(builtInServices.lookup(name, 'tcp'), tcp, `${name}/tcp`);
      assert.equal(builtInServices.lookup(name, 'udp'), udp, `${name}/udp`);
    }
    assert.equal(builtInServices.nameOf(80, 'tcp'), 'http');
    assert.equal(builtInServices.nameOf(80, 'udp'), undefined);
  });

  it('loadServices reads a services file from a path, and falls back to the built-in table without one', () => {
    const directory = mkdtempSync(join(tmpdir(), 'services-'));
    try {
      const path = join(directory, 'services');
      writeFileSync(path, 'gopher 70/tcp\nbeacon 37020/udp disco\n');
      const table = loadServices(path);
      assert.equal(table.source, 'file');
      assert.equal(table.lookup('gopher', 'tcp'), 70);
      assert.equal(table.lookup('disco', 'udp'), 37020);
      assert.equal(table.lookup('gopher', 'udp'), undefined);
      assert.equal(table.lookup('http', 'tcp'), 80);

      const missing = loadServices(join(directory, 'missing'));
      assert.equal(missing, builtInServices);
      assert.equal(missing.lookup('gopher', 'tcp'), undefined);
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });

  it('loadServices takes an injected reader', () => {
    const paths: string[] = [];
    const table = loadServices('/virtual/services', (path) => {
      paths.push(path);
      return 'virtual 1234/tcp\n';
    });
    assert.deepStrictEqual(paths, ['/virtual/services']);
    assert.equal(table.lookup('virtual', 'tcp'), 1234);
    const failing = loadServices('/virtual/services', () => {
      throw Object.assign(new Error('EACCES'), { code: 'EACCES' });
    });
    assert.equal(failing.source, 'built-in');
  });

  it('systemServices reads /etc/services once and caches it', function () {
    const first = systemServices();
    assert.equal(systemServices(), first);
    let text: string;
    try {
      text = readFileSync('/etc/services', 'utf8');
    } catch {
      assert.equal(first.source, 'built-in');
      this.skip();
      return;
    }
    assert.equal(first.source, 'file');
    const entries = parseServicesText(text);
    assert.ok(entries.length > 0);
    for (const item of entries.slice(0, 50)) {
      // The first entry for a name wins, as in getservbyname.
      const firstPort = entries.find((candidate) => candidate.name === item.name && candidate.protocol === item.protocol)?.port;
      assert.equal(first.lookup(item.name, item.protocol), firstPort, `${item.name}/${item.protocol}`);
    }
  });

  it("the built-in table's ports agree with this machine's /etc/services wherever it lists the name", function () {
    let text: string;
    try {
      text = readFileSync('/etc/services', 'utf8');
    } catch {
      this.skip();
      return;
    }
    const file = servicesFromText(text);
    const fileEntries = parseServicesText(text);
    let compared = 0;
    for (const item of BUILT_IN_SERVICES) {
      if (fileEntries.some((candidate) => candidate.protocol === item.protocol && candidate.name === item.name)) {
        assert.equal(file.lookup(item.name, item.protocol), item.port, `${item.name}/${item.protocol}`);
        compared += 1;
      }
    }
    assert.ok(compared > 0);
  });
});

// ---------------------------------------------------------------------------------------------

describe('buildSpec', () => {
  it('adds brackets to IPv6 hosts given with or without them', () => {
    const bare = buildSpec({ transport: 'tcp', role: 'connect', host: '::1', port: 80 }, LINUX);
    const bracketed = buildSpec({ transport: 'tcp', role: 'connect', host: '[::1]', port: '80' }, LINUX);
    assert.deepStrictEqual(bare, { transport: 'tcp', role: 'connect', host: '::1', port: '80', options: {} });
    assert.deepStrictEqual(bracketed, bare);
    assert.equal(formatSpec(bare), 'tcp://[::1]:80');
    const zoned = buildSpec({ transport: 'udp', role: 'connect', host: '[fe80::1%25eth0]', port: 'domain' }, LINUX);
    assert.equal(zoned.host, 'fe80::1%eth0');
    assert.equal(formatSpec(zoned), 'udp://[fe80::1%eth0]:domain');
  });

  it('defaults the host to any address and drops undefined options', () => {
    const spec = buildSpec(
      { transport: 'tcp', role: 'listen', port: 0, options: { noDelay: undefined, reuseAddress: true, backlog: 8 } },
      LINUX,
    );
    assert.deepStrictEqual(spec, { transport: 'tcp', role: 'listen', host: '', port: '0', options: { reuseAddress: true, backlog: 8 } });
    assert.ok(!('noDelay' in spec.options));
    assert.equal(formatSpec(spec), 'tcp-listen://:0?reuseAddress=1&backlog=8');
  });

  it('builds UNIX specs from a path', () => {
    const spec = buildSpec({ transport: 'unix', role: 'listen', path: '/tmp/a b?.sock', options: { removeStale: true } }, LINUX);
    assert.deepStrictEqual(spec, { transport: 'unix', role: 'listen', path: '/tmp/a b?.sock', options: { removeStale: true } });
    assert.equal(formatSpec(spec), 'unix-listen:///tmp/a%20b%3F.sock?removeStale=1');
  });

  it('copies the multicast list rather than sharing it', () => {
    const groups = ['239.1.2.3'];
    const spec = buildSpec({ transport: 'udp', role: 'listen', port: 9, options: { multicast: groups } }, LINUX);
    groups.push('239.9.9.9');
    assert.deepStrictEqual(spec.options.multicast, ['239.1.2.3']);
  });

  const invalid: Array<[string, SpecFields, EngineErrorCode, string]> = [
    ['host on unix', { transport: 'unix', role: 'connect', host: 'h', path: '/tmp/a' }, 'SPEC_HOST', 'unix:// sockets have a path, not a host and port'],
    ['port on unix', { transport: 'unix-dgram', role: 'listen', port: 1, path: '/tmp/a' }, 'SPEC_HOST', 'unix-dgram-listen:// sockets have a path, not a host and port'],
    ['path on tcp', { transport: 'tcp', role: 'connect', host: 'h', port: 1, path: '/tmp/a' }, 'SPEC_PATH', 'tcp:// sockets have a host and port, not a path'],
    ['no port', { transport: 'tcp', role: 'connect', host: 'h' }, 'SPEC_PORT', 'tcp:// needs a port: write HOST:PORT, e.g. localhost:8080'],
    ['no path', { transport: 'unix', role: 'connect' }, 'SPEC_PATH', 'missing path: write unix:///tmp/a.sock, or unix://@name for an abstract socket'],
    ['port number out of range', { transport: 'udp', role: 'listen', port: 70000 }, 'PORT_RANGE', 'port 70000 is out of range 0–65535'],
    ['fractional port', { transport: 'udp', role: 'listen', port: 1.5 }, 'SPEC_PORT', "port '1.5' is neither a number 0–65535 nor a service name"],
    ['fractional ttl', { transport: 'udp', role: 'listen', port: 1, options: { ttl: 1.5 } }, 'SPEC_OPTION', "option 'ttl' must be a whole number 1–255, not '1.5'"],
    [
      'string boolean',
      { transport: 'tcp', role: 'connect', host: 'h', port: 1, options: { noDelay: 'yes' as unknown as boolean } },
      'SPEC_OPTION',
      "option 'noDelay' must be true or false, not 'yes'",
    ],
    [
      'unknown option',
      { transport: 'tcp', role: 'connect', host: 'h', port: 1, options: { name: 'x' } as unknown as SpecOptions },
      'SPEC_OPTION',
      `unknown option 'name': the options are ${OPTION_LIST}`,
    ],
    [
      'option with the wrong case',
      { transport: 'tcp', role: 'connect', host: 'h', port: 1, options: { nodelay: true } as unknown as SpecOptions },
      'SPEC_OPTION',
      `unknown option 'nodelay': the options are ${OPTION_LIST}`,
    ],
    [
      'empty multicast list',
      { transport: 'udp', role: 'listen', port: 1, options: { multicast: [] } },
      'SPEC_OPTION',
      "option 'multicast' needs at least one group address, like multicast=239.1.2.3",
    ],
    [
      'family 5',
      { transport: 'udp', role: 'listen', port: 1, options: { family: 5 as unknown as 4 } },
      'SPEC_OPTION',
      "option 'family' must be 4 or 6, not '5'",
    ],
    ['broadcast on tcp', { transport: 'tcp', role: 'connect', host: '<broadcast>', port: 1 }, 'BROADCAST_NEEDS_UDP', "'<broadcast>' needs UDP"],
  ];
  for (const [title, fields, code, message] of invalid) {
    it(`rejects ${title} with ${code}`, () => {
      expectError(() => buildSpec(fields, LINUX), code, message);
    });
  }
});

describe('UNIX path limits', () => {
  it('allows 107 bytes on Linux and 103 on macOS', () => {
    assert.equal(maxUnixPathBytes('linux'), 107);
    assert.equal(maxUnixPathBytes('darwin'), 103);
    assert.equal(maxUnixPathBytes('freebsd'), 103);
    checkUnixPath(`/${'a'.repeat(106)}`, 'linux');
    checkUnixPath(`/${'a'.repeat(102)}`, 'darwin');
    expectError(() => checkUnixPath(`/${'a'.repeat(103)}`, 'darwin'), 'UNIX_PATH_TOO_LONG', `unix path '/${'a'.repeat(103)}' is 104 bytes; at most 103 fit`);
  });

  it('measures UTF-8 bytes, not characters', () => {
    // '✓' is 3 bytes: 1 + 35 × 3 = 106 bytes fit, 1 + 36 × 3 = 109 do not.
    checkUnixPath(`/${'✓'.repeat(35)}`, 'linux');
    expectError(
      () => checkUnixPath(`/${'✓'.repeat(36)}`, 'linux'),
      'UNIX_PATH_TOO_LONG',
      `unix path '/${'✓'.repeat(36)}' is 109 bytes; at most 107 fit`,
      { reason: 'path-too-long', path: `/${'✓'.repeat(36)}`, bytes: 109, max: 107 },
    );
  });
});

describe('percentDecode', () => {
  it('decodes UTF-8 escapes and keeps a lone % literal', () => {
    assert.equal(percentDecode('a%20b'), 'a b');
    assert.equal(percentDecode('%E2%9C%93'), '✓');
    assert.equal(percentDecode('100%'), '100%');
    assert.equal(percentDecode('::%eth0'), '::%eth0');
    assert.equal(percentDecode('%zz'), '%zz');
    assert.equal(percentDecode('%E2%9C'), undefined);
  });
});

// ---------------------------------------------------------------------------------------------

describe('address helpers', () => {
  it('formatAddress', () => {
    const table: Array<[Parameters<typeof formatAddress>[0], string]> = [
      [{ family: 'IPv4', address: '127.0.0.1', port: 8080 }, '127.0.0.1:8080'],
      [{ family: 'IPv6', address: '::1', port: 53 }, '[::1]:53'],
      [{ family: 'IPv6', address: 'fe80::1%eth0', port: 80 }, '[fe80::1%eth0]:80'],
      [{ family: 'IPv4', address: '10.0.0.1' }, '10.0.0.1'],
      [{ family: 'IPv6', address: '::1' }, '::1'],
      [{ family: 'unix', address: '/tmp/a.sock' }, '/tmp/a.sock'],
      [{ family: 'unix', address: '@name' }, '@name'],
      [{ family: 'unix', address: '' }, ''],
    ];
    for (const [address, expected] of table) {
      assert.equal(formatAddress(address), expected);
    }
  });

  it('parseTarget reads send targets', () => {
    assert.deepStrictEqual(parseTarget('127.0.0.1:9', 'udp', builtInServices), {
      host: '127.0.0.1',
      port: 9,
      info: { kind: 'ipv4', address: '127.0.0.1', family: 4 },
    });
    assert.deepStrictEqual(parseTarget('[::1]:9', 'udp', builtInServices), { host: '::1', port: 9, info: { kind: 'ipv6', address: '::1', family: 6 } });
    assert.deepStrictEqual(parseTarget('<broadcast>:37020', 'udp', builtInServices), {
      host: '<broadcast>',
      port: 37020,
      info: { kind: 'broadcast', address: '255.255.255.255', family: 4 },
    });
    assert.deepStrictEqual(parseTarget('localhost:echo', 'udp', builtInServices), {
      host: 'localhost',
      port: 7,
      info: { kind: 'name', name: 'localhost', ascii: 'localhost' },
    });
    assert.deepStrictEqual(parseTarget(' [fe80::1%25eth0]:9 ', 'udp', builtInServices), {
      host: 'fe80::1%eth0',
      port: 9,
      info: { kind: 'ipv6', address: 'fe80::1', zone: 'eth0', family: 6 },
    });
    assert.equal(parseTarget('2130706433:http', 'tcp', builtInServices).info.kind, 'integer');
  });

  const invalidTargets: Array<[string, ServiceProtocol, EngineErrorCode, string]> = [
    ['::1:9', 'udp', 'SPEC_HOST', "'::1:9' is ambiguous: put IPv6 addresses in brackets: [::1]:80"],
    ['localhost', 'udp', 'SPEC_PORT', "'localhost' has no port: write HOST:PORT, e.g. 127.0.0.1:9"],
    ['localhost:0', 'udp', 'SPEC_PORT', 'port 0 cannot be a destination: port 0 only means "any free port" when binding'],
    ['localhost:70000', 'udp', 'PORT_RANGE', 'port 70000 is out of range 0–65535'],
    ['localhost:ssh', 'udp', 'SERVICE_UNKNOWN', "unknown udp service 'ssh'"],
    ['<broadcast>:9', 'tcp', 'BROADCAST_NEEDS_UDP', "'<broadcast>' needs UDP"],
    ['300.1.1.1:9', 'udp', 'SPEC_HOST', "host '300.1.1.1' is not a valid IPv4 address: write four numbers 0–255 without leading zeros, like 127.0.0.1"],
  ];
  for (const [text, protocol, code, message] of invalidTargets) {
    it(`parseTarget ${JSON.stringify(text)}/${protocol} → ${code}`, () => {
      expectError(() => parseTarget(text, protocol, builtInServices), code, message);
    });
  }

  it('turns Node addresses into Address', () => {
    assert.deepStrictEqual(addressFromNode({ address: '127.0.0.1', family: 'IPv4', port: 80 }), { family: 'IPv4', address: '127.0.0.1', port: 80 });
    assert.deepStrictEqual(addressFromNode({ address: '::1', family: 6, port: 53 }), { family: 'IPv6', address: '::1', port: 53 });
    assert.deepStrictEqual(addressFromNode({ address: 'fe80::1%eth0', port: 5 }), { family: 'IPv6', address: 'fe80::1%eth0', port: 5 });
    const rinfo = { address: '10.0.0.2', family: 'IPv4', port: 9, size: 12 };
    assert.deepStrictEqual(addressFromNode(rinfo), { family: 'IPv4', address: '10.0.0.2', port: 9 });
    assert.deepStrictEqual(addressFromNode('/tmp/a.sock'), { family: 'unix', address: '/tmp/a.sock' });
    assert.deepStrictEqual(addressFromNode('\0abstract'), { family: 'unix', address: '@abstract' });
    assert.equal(addressFromNode(null), undefined);
    assert.deepStrictEqual(unixAddress('\0x'), { family: 'unix', address: '@x' });
    assert.deepStrictEqual(toAddress('::1', 80, 6), { family: 'IPv6', address: '::1', port: 80 });
    assert.deepStrictEqual(toAddress('127.0.0.1', 80, 'IPv4'), { family: 'IPv4', address: '127.0.0.1', port: 80 });
    assert.deepStrictEqual(toAddress('::ffff:127.0.0.1', 80), { family: 'IPv6', address: '::ffff:127.0.0.1', port: 80 });
    assert.deepStrictEqual(toAddress('127.0.0.1', undefined), { family: 'IPv4', address: '127.0.0.1' });
    assert.equal(remoteAddressOf({}), undefined);
    assert.deepStrictEqual(remoteAddressOf({ remoteAddress: '::1', remoteFamily: 'IPv6', remotePort: 4000 }), {
      family: 'IPv6',
      address: '::1',
      port: 4000,
    });
    assert.deepStrictEqual(localAddressOf({ localAddress: '127.0.0.1', localFamily: 'IPv4', localPort: 5000 }), {
      family: 'IPv4',
      address: '127.0.0.1',
      port: 5000,
    });
  });

  it('socketTriple', () => {
    assert.deepStrictEqual(socketTriple('tcp', 4), { domain: 'AF_INET', type: 'SOCK_STREAM', protocol: 'IPPROTO_TCP' });
    assert.deepStrictEqual(socketTriple('tcp'), { domain: 'AF_INET', type: 'SOCK_STREAM', protocol: 'IPPROTO_TCP' });
    assert.deepStrictEqual(socketTriple('tcp', 6), { domain: 'AF_INET6', type: 'SOCK_STREAM', protocol: 'IPPROTO_TCP' });
    assert.deepStrictEqual(socketTriple('udp', 6), { domain: 'AF_INET6', type: 'SOCK_DGRAM', protocol: 'IPPROTO_UDP' });
    assert.deepStrictEqual(socketTriple('udp', 4), { domain: 'AF_INET', type: 'SOCK_DGRAM', protocol: 'IPPROTO_UDP' });
    assert.deepStrictEqual(socketTriple('unix', 6), { domain: 'AF_UNIX', type: 'SOCK_STREAM', protocol: '0' });
    assert.deepStrictEqual(socketTriple('unix-dgram'), { domain: 'AF_UNIX', type: 'SOCK_DGRAM', protocol: '0' });
  });
});

// ---------------------------------------------------------------------------------------------
// Round trip over random valid specs

/** mulberry32: a tiny seeded PRNG, so a failing case can be replayed from its seed. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

class Random {
  constructor(readonly next: () => number) {}
  integer(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(items: readonly T[]): T {
    return items[this.integer(0, items.length - 1)];
  }
  chance(probability: number): boolean {
    return this.next() < probability;
  }
  boolean(): boolean {
    return this.chance(0.5);
  }
}

const PATH_CHARACTERS = ['a', 'b', 'Z', '0', '.', '-', '_', ' ', '?', '#', '%', '&', '=', '+', ',', ':', '@', '/', 'é', '✓', '日', '\t', '\n', '[', ']'];
const NAMES = ['localhost', 'Example.COM', 'a-b.c_d.example.', 'bücher.de', 'x', 'host1', 'xn--bcher-kva.de'];
const IPV6 = ['::1', '::', 'fe80::1', '2001:db8::42', '::ffff:127.0.0.1', 'FE80::ABCD'];
const ZONES = ['eth0', '25', '25eth0', '2525', '1', 'en0', 'wl-p2.s0'];
const GROUPS = { 4: ['224.0.0.251', '239.1.2.3', '239.255.255.250', '224.0.0.1'], 6: ['ff02::fb', 'ff02::1', 'ff05::1:3', 'FF0E::1'] } as const;
const INTERFACES = { 4: ['192.168.1.2', '0.0.0.0', '10.0.0.1'], 6: ['::%eth0', '::', 'fe80::1%25', 'fe80::2%2525x'] } as const;
const SERVICES = { tcp: ['http', 'ssh', 'HTTP', 'www', 'postgres', 'https'], udp: ['domain', 'ntp', 'syslog', 'tftp', 'bootps', 'https'] } as const;
const MAX_INT32 = 2147483647;

function randomPath(random: Random): string {
  const length = random.integer(1, 25);
  let text = '';
  for (let index = 0; index < length; index += 1) {
    text += random.pick(PATH_CHARACTERS);
  }
  return random.chance(0.3) ? `@${text}` : `/${text}`;
}

function randomSpec(random: Random): SocketSpec {
  const transport = random.pick<Transport>(['tcp', 'udp', 'unix', 'unix-dgram', 'tls']);
  const role = random.pick<Role>(['listen', 'connect']);
  const options: Record<string, unknown> = {};
  const maybe = (name: keyof SpecOptions, value: () => unknown): void => {
    if (random.chance(0.3)) {
      options[name] = value();
    }
  };

  if (transport === 'unix' || transport === 'unix-dgram') {
    if (transport === 'unix' && role === 'connect') {
      maybe('timeout', () => random.integer(1, MAX_INT32));
    }
    if (transport === 'unix' && role === 'listen') {
      maybe('backlog', () => random.integer(0, MAX_INT32));
    }
    if (role === 'listen') {
      maybe('removeStale', () => random.boolean());
    }
    if (transport === 'unix') {
      maybe('allowHalfOpen', () => random.boolean());
    }
    return { transport, role, path: randomPath(random), options: options as SpecOptions };
  }

  maybe('family', () => random.pick([4, 6]));
  const family = options.family as 4 | 6 | undefined;
  if (transport === 'udp' || role === 'listen') {
    maybe('ipv6Only', () => (family === 4 ? false : random.boolean()));
  }
  const wanted = family ?? (options.ipv6Only === true ? 6 : undefined);

  const kinds: string[] = ['any', 'name'];
  if (wanted !== 6) {
    kinds.push('ipv4', 'integer');
    if (transport === 'udp') {
      kinds.push('broadcast');
    }
  }
  if (wanted !== 4) {
    kinds.push('ipv6');
  }
  const kind = random.pick(kinds);
  let host: string;
  let hostFamily: 4 | 6 | undefined;
  switch (kind) {
    case 'any':
      host = '';
      hostFamily = wanted ?? 4;
      break;
    case 'broadcast':
      host = '<broadcast>';
      hostFamily = 4;
      break;
    case 'ipv4':
      host = [0, 0, 0, 0].map(() => random.integer(0, 255)).join('.');
      hostFamily = 4;
      break;
    case 'integer':
      host = String(random.integer(0, 4294967295));
      hostFamily = 4;
      break;
    case 'ipv6':
      host = random.pick(IPV6) + (random.chance(0.4) ? `%${random.pick(ZONES)}` : '');
      hostFamily = 6;
      break;
    default:
      host = random.pick(NAMES);
      hostFamily = undefined;
  }

  if (role === 'listen') {
    maybe('reuseAddress', () => random.boolean());
  }
  if (transport === 'tls') {
    // Paths with characters the query must escape; ALPN names without commas (the list separator).
    const file = (): string => random.pick(['ca.pem', 'certs/my ca.pem', '/etc/ssl/a&b=c.pem', 'dir/100%.pem', 'über/ключ.pem', 'a?b#c.pem']);
    maybe('ca', file);
    if (random.chance(0.3)) {
      options.cert = file();
      options.key = file();
    }
    maybe('alpn', () => random.pick([['h2'], ['h2', 'http/1.1'], ['mqtt'], ['a b', 'x=y&z']]));
    maybe('insecure', () => random.boolean());
    if (random.chance(0.3)) {
      const versions = ['TLSv1', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3'] as const;
      const low = random.integer(0, 3);
      options.minVersion = versions[low];
      maybe('maxVersion', () => versions[random.integer(low, 3)]);
    }
    if (role === 'connect') {
      maybe('servername', () => random.pick(NAMES));
    } else {
      maybe('requestCert', () => random.boolean());
    }
  }
  if (transport === 'tcp' || transport === 'tls') {
    maybe('noDelay', () => random.boolean());
    maybe('keepAlive', () => random.boolean());
    if (options.keepAlive === true) {
      maybe('keepAliveDelay', () => random.integer(0, MAX_INT32));
    }
    maybe('allowHalfOpen', () => random.boolean());
    if (role === 'connect') {
      maybe('timeout', () => random.integer(1, MAX_INT32));
    } else {
      maybe('backlog', () => random.integer(0, MAX_INT32));
    }
  } else {
    maybe('broadcast', () => (kind === 'broadcast' ? true : random.boolean()));
    maybe('ttl', () => random.integer(1, 255));
    maybe('multicastTtl', () => random.integer(0, 255));
    maybe('multicastLoopback', () => random.boolean());
    const groupFamily: 4 | 6 = hostFamily ?? wanted ?? random.pick<4 | 6>([4, 6]);
    if (role === 'listen') {
      maybe('multicast', () => {
        const pool = [...GROUPS[groupFamily]];
        const count = random.integer(1, pool.length);
        const groups: string[] = [];
        for (let index = 0; index < count; index += 1) {
          groups.push(pool.splice(random.integer(0, pool.length - 1), 1)[0]);
        }
        return groups;
      });
    }
    maybe('multicastInterface', () => random.pick(INTERFACES[groupFamily]));
  }

  const protocol = transport === 'udp' ? 'udp' : 'tcp';
  let port: string;
  if (random.chance(0.25)) {
    port = random.pick(SERVICES[protocol]);
  } else {
    port = String(random.integer(role === 'listen' ? 0 : 1, 65535));
    if (random.chance(0.05)) {
      port = `0${port}`;
    }
  }
  return { transport, role, host, port, options: options as SpecOptions };
}

describe('round trip', () => {
  const baseSeed = Number(process.env.SPEC_SEED ?? (Date.now() >>> 0));
  const seeds = [...Array.from({ length: 1000 }, (_unused, index) => index + 1), ...Array.from({ length: 1000 }, (_unused, index) => (baseSeed + index) >>> 0)];

  it(`parse(format(spec)) deep-equals spec for 2000 random valid specs (random seeds from ${baseSeed}; replay with SPEC_SEED)`, () => {
    for (const seed of seeds) {
      const spec = randomSpec(new Random(mulberry32(seed)));
      const where = `seed ${seed}: ${JSON.stringify(spec)}`;
      let text = '';
      try {
        assert.deepStrictEqual(buildSpec(spec, LINUX), spec, `${where}: buildSpec changed a valid spec`);
        text = formatSpec(spec);
        const parsed = parseSpec(text, LINUX);
        assert.deepStrictEqual(parsed, spec, `${where}: parse(${JSON.stringify(text)})`);
        assert.equal(formatSpec(parsed), text, `${where}: format is not a fixed point`);
      } catch (error) {
        if (error instanceof EngineError) {
          assert.fail(`${where}: ${JSON.stringify(text)} failed with ${error.code}: ${error.message}`);
        }
        throw error;
      }
    }
  });

  it('parse either throws an EngineError or returns a spec whose canonical text is a fixed point, on random text', () => {
    const pieces = [
      'tcp://', 'udp-listen://', 'unix://', 'unix-listen:///', 'tcp6://', 'UDP4://', 'sctp://', 'tcp:', '://',
      'localhost', '127.0.0.1', '[::1]', '[fe80::1%25eth0]', '::1', '<broadcast>', '2130706433', '',
      ':', ':80', ':0', ':http', ':ssh', ':70000', '/', '/tmp/a', '@x', '%20', '%', '?', '&', '=', '#',
      'tls://', 'tls-listen://', 'alpn=h2,http/1.1', 'insecure=1', 'ca=a%26b.pem', 'servername=x', 'minVersion=TLSv1.3', 'requestCert',
      'noDelay=1', 'ttl=4', 'multicast=239.1.2.3', 'ipv6Only=1', 'broadcast', 'backlog=5', 'timeout=9', 'family=6', 'name=x', ' ',
    ];
    const seed = (baseSeed ^ 0x5eed) >>> 0;
    const random = new Random(mulberry32(seed));
    for (let index = 0; index < 3000; index += 1) {
      let text = '';
      const count = random.integer(1, 7);
      for (let piece = 0; piece < count; piece += 1) {
        text += random.pick(pieces);
      }
      let spec: SocketSpec;
      try {
        spec = parseSpec(text, LINUX);
      } catch (error) {
        assert.ok(error instanceof EngineError, `seed ${seed}, case ${index}: ${JSON.stringify(text)} threw ${String(error)}`);
        assert.ok(error.message.length > 0);
        continue;
      }
      const canonical = formatSpec(spec);
      assert.deepStrictEqual(parseSpec(canonical, LINUX), spec, `seed ${seed}, case ${index}: ${JSON.stringify(text)} → ${canonical}`);
      assert.equal(formatSpec(parseSpec(canonical, LINUX)), canonical, `seed ${seed}, case ${index}: ${JSON.stringify(text)}`);
    }
  });
});

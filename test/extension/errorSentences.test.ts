/**
 * describeError in English: one exact sentence per engine error reason, built from the code, the
 * reason and the data (errorCases.ts makes the errors). An error whose reason this version does not
 * know keeps the old wording: a localized lead plus the engine's own message.
 */
import * as assert from 'node:assert/strict';
import { ADDRESS_ERROR_REASONS, EngineError, OPTION_ERROR_REASONS, SOCKET_ERROR_REASONS, type EngineErrorData } from '../../src/engine';
import { encodePayload } from '../../src/engine/shared/codecs';
import type { PayloadEncoding } from '../../src/engine/shared/types';
import { describeError } from '../../src/messages';
import {
  closeWorld,
  LONG_ABSTRACT,
  LONG_LABEL,
  LONG_NAME,
  LONG_PATH,
  openWorld,
  SOCKET_CASES,
  socketError,
  SPEC_CASES,
  specError,
  type SocketWorld,
} from './errorCases';
import { activate } from './commandsHelpers';

const ENGLISH: Readonly<Record<string, string>> = {
  '': 'The address is empty: write SCHEME://HOST:PORT, e.g. tcp://localhost:8080.',
  'localhost:80': "'localhost:80' has no scheme: write SCHEME://HOST:PORT, e.g. tcp://localhost:8080.",
  'tcp:localhost:80': "'tcp:localhost:80' needs '://' after the scheme: write tcp://localhost:80.",
  'tcp://localhost:80#top': "Unexpected '#' in 'localhost:80#top': write it as %23.",
  'tcp://localhost:80/path': "Unexpected '/path' after the port: tcp:// addresses have no path.",
  'tcp:///tmp/a.sock': "Unexpected '/tmp/a.sock' after the port: tcp:// addresses have no path. For a UNIX socket write unix:///tmp/a.sock.",
  'tcp://[::1]80': "Unexpected '80' after ']': put a colon before the port, e.g. [::1]:80.",
  'sctp://h:1':
    "Unknown scheme 'sctp': use tcp, tcp-listen, udp, udp-listen, unix, unix-listen, unix-dgram, unix-dgram-listen, tls, tls-listen; tcp4, tcp6, udp4 and udp6 choose the IP family.",
  'tcp://::1:80': "'::1:80' is ambiguous: put an IPv6 address in brackets, e.g. [::1]:80.",
  'tcp://[::1:80': "Host '[::1:80' is missing its closing ']': write an IPv6 address as [::1].",
  'tcp://[]:80': "Host '[]' has nothing between the brackets: write an IPv6 address inside, e.g. [::1].",
  'tcp://[127.0.0.1]:80': "Host '[127.0.0.1]' is in brackets, but brackets are only for IPv6 addresses: remove them.",
  'tcp://[::g]:80': "Host '[::g]' is not a valid IPv6 address: write one like ::1 or fe80::1%eth0.",
  'tcp://[fe80::1%]:80': "Host '[fe80::1%]' has an empty zone after '%': name the interface, e.g. fe80::1%eth0.",
  'tcp://[fe80::1%e!0]:80': "Host '[fe80::1%e!0]' has an invalid zone 'e!0': use an interface name or number.",
  'tcp://256.1.1.1:80': "Host '256.1.1.1' is not a valid IPv4 address: write four numbers 0–255 without leading zeros, like 127.0.0.1.",
  'tcp://0127:80': "Host '0127' starts with 0: write the integer without leading zeros, or a dotted quad.",
  'tcp://4294967296:80': "Host '4294967296' is out of range: an integer host is 0–4294967295.",
  'tcp://xn--ü.de:80': "Host 'xn--ü.de' is not a valid internationalized host name.",
  [`tcp://${LONG_NAME}:80`]: `Host '${LONG_NAME}' is 256 characters long; host names have at most 253.`,
  'tcp://bad..name:80': "Host 'bad..name' has an empty label (two dots in a row, or a leading dot).",
  [`tcp://${LONG_LABEL}:80`]: `Host '${LONG_LABEL}' has a label of 64 characters; labels have at most 63.`,
  'tcp://bad!.com:80': "Host 'bad!.com' has the character '!', which host names cannot contain.",
  'tcp://-bad.com:80': "Host '-bad.com' has the label '-bad', which starts or ends with '-'.",
  'tcp://0x7f.1:80': "Host '0x7f.1' looks like a numeric address: write a dotted quad like 127.0.0.1 or an integer like 2130706433.",
  'tcp6://127.0.0.1:80': "Host '127.0.0.1' is an IPv4 address, but IPv6 was asked for (family 6).",
  'build unix:// with a host': 'unix:// sockets have a path, not a host and port: write unix:///tmp/a.sock.',
  'tcp://<broadcast>:80': "'<broadcast>' needs UDP: TCP cannot broadcast.",
  'tcp://localhost': "'localhost' has no port: write HOST:PORT, e.g. localhost:8080.",
  'tcp://': "'tcp://' has no port: write HOST:PORT, e.g. localhost:8080.",
  'build tcp:// without a port': 'tcp:// needs a port: write HOST:PORT, e.g. localhost:8080.',
  'tcp://localhost:': 'The port is missing: write a number 0–65535 or a service name like http.',
  'tcp://localhost:+80': "Port '+80' has a sign: write the number alone.",
  'tcp://localhost:8 0': "Port '8 0' is neither a number 0–65535 nor a service name.",
  'tcp://localhost:70000': 'Port 70000 is out of range 0–65535.',
  'udp://localhost:ssh': "No UDP service is named 'ssh' in the services database.",
  'tcp://localhost:0': "Port 0 means any free port, which only a listener can use: give the server's port.",
  'target 127.0.0.1': "'127.0.0.1' has no port: write HOST:PORT, e.g. 127.0.0.1:9.",
  'target 127.0.0.1:0': "Port 0 cannot be a destination: port 0 only means 'any free port' when binding. Give the peer's port.",
  'unix://': 'The UNIX socket path is missing: write unix:///tmp/a.sock, or unix://@name for an abstract socket.',
  'unix:///tmp/a%00b': "UNIX socket path '/tmp/a%00b' contains a NUL byte (%00): remove it.",
  'unix://tmp/a.sock': "UNIX socket path 'tmp/a.sock' is not absolute: write unix:///tmp/a.sock (three slashes), or unix://@name for an abstract socket.",
  'unix:///tmp/%FF': "UNIX socket path '/tmp/%FF' has a percent escape that is not UTF-8.",
  'unix://@name': "Abstract socket name '@name' needs Linux: use a path like /tmp/a.sock.",
  'unix://@': "Abstract socket name '@' is empty: write @name.",
  'build tcp:// with a path': 'tcp:// sockets have a host and port, not a path: write tcp://HOST:PORT.',
  [`unix://${LONG_PATH}`]: `UNIX socket path '${LONG_PATH}' is 108 bytes long; at most 107 bytes fit in sun_path: use a shorter path.`,
  [`unix-listen://${LONG_ABSTRACT}`]: `Abstract socket name '${LONG_ABSTRACT}' is 108 bytes long; at most 107 bytes fit: use a shorter name.`,
  'tcp://localhost:80?name=web':
    "Unknown option 'name': the options are family, reuseAddress, ipv6Only, broadcast, noDelay, keepAlive, keepAliveDelay, allowHalfOpen, ttl, multicast, multicastTtl, multicastLoopback, multicastInterface, timeout, backlog, framing, delimiter, length, lengthOffset, lengthAdjust, lengthIncludesHeader, size, prefix, removeStale, servername, alpn, ca, cert, key, minVersion, maxVersion, requestCert, insecure.",
  'udp://h:80?noDelay=1': "Option 'noDelay' does not apply to udp://; it applies to tcp://, tcp-listen://, tls://, tls-listen://.",
  'tcp-listen://:80?removeStale=1': "Option 'removeStale' does not apply to tcp-listen://; it applies to unix-listen://, unix-dgram-listen://.",
  'tcp://h:80?noDelay=maybe': "Option 'noDelay' must be 1/0, true/false, yes/no or on/off, not 'maybe'.",
  'build noDelay: "yes"': "Option 'noDelay' must be true or false, not 'yes'.",
  'udp://h:80?ttl=256': "Option 'ttl' must be a whole number 1–255, not '256'.",
  'tcp://h:80?timeout=0': "Option 'timeout' must be a whole number of milliseconds 1–2147483647, not '0'.",
  'tcp://h:80?family=5': "Option 'family' must be 4 or 6, not '5'.",
  'udp://h:9?multicastInterface=eth0': "Option 'multicastInterface' must be the IP address of a local interface, like 192.168.1.2 or ::%eth0, not 'eth0'.",
  'udp://h:80?ttl=%FF': "Option 'ttl' has a percent escape that is not UTF-8: '%FF'.",
  'udp://h:80?ttl=4&TTL=5': "Option 'ttl' is given twice: keep one.",
  'udp-listen://:9?multicast=': "Option 'multicast' needs a group address, like multicast=239.1.2.3.",
  'udp-listen://:9?multicast=239.1.2.3,': "Option 'multicast' has an empty group address: separate groups with single commas.",
  'udp-listen://:9?multicast=10.0.0.1': "Option 'multicast' has '10.0.0.1', which is not a multicast address (224.0.0.0/4 or ff00::/8).",
  'udp-listen://:9?multicast=239.1.2.3,239.1.2.3': "Option 'multicast' lists the group '239.1.2.3' twice.",
  'udp-listen://:9?multicast=ff02::1': "Option 'multicast' has 'ff02::1', which is IPv6, but the socket is IPv4: write udp6-listen:// or bind an IPv6 host.",
  'udp6-listen://:9?multicast=239.1.2.3': "Option 'multicast' has '239.1.2.3', which is IPv4, but the socket is IPv6.",
  'udp-listen://name.example:9?multicast=239.1.2.3,ff02::1': "Option 'multicast' has 'ff02::1', which is IPv6, but '239.1.2.3' is IPv4: one socket uses one family.",
  'tcp4://h:80?family=6': "Option 'family' is 6, but the scheme tcp4 asks for 4: remove the option or change the scheme.",
  'tcp4-listen://:80?ipv6Only=1': "Option 'ipv6Only' needs IPv6, but the address asks for IPv4 (family 4).",
  'tcp-listen://127.0.0.1:80?ipv6Only=1': "Option 'ipv6Only' needs an IPv6 host, but '127.0.0.1' is IPv4.",
  'udp-listen://<broadcast>:9?broadcast=0': "Option 'broadcast' is off, but the host '<broadcast>' turns it on: remove broadcast=0.",
  'tcp://h:80?keepAliveDelay=100': "Option 'keepAliveDelay' needs keepAlive=1: add it, or remove keepAliveDelay.",
  'tls://h:443?servername=': "Option 'servername' needs a value, like servername=VALUE.",
  'tls://h:443?servername=127.0.0.1': "Option 'servername' must be a host name: SNI cannot carry the IP address '127.0.0.1'. Leave it out to connect by address.",
  'tls://h:443?alpn=h2,,x': "Option 'alpn' has '': give protocol names of 1 to 255 bytes separated by commas, like alpn=h2,http/1.1.",
  'tls://h:443?minVersion=TLSv1.4': "Option 'minVersion' must be one of TLSv1, TLSv1.1, TLSv1.2, TLSv1.3, not 'TLSv1.4'.",
  'tls://h:443?minVersion=TLSv1.3&maxVersion=TLSv1.2': "Option 'minVersion' is TLSv1.3, above maxVersion TLSv1.2: no TLS version would be left.",
  'tls://h:443?cert=c.pem': "Option 'cert' needs key= too: a certificate and its private key go together.",
  'tcp://h:80?framing=lines': "Option 'framing' must be one of raw, line, delimiter, length, fixed, not 'lines'.",
  'tcp://h:80?framing=delimiter&delimiter=0g': "Option 'delimiter' must be 1–64 bytes written as hex digits, like 0d0a, not '0g'.",
  'udp://h:80?framing=line': "Option 'framing' does not apply to udp://: datagrams are already messages, one per read, so they need no framing.",
  'tcp://h:80?framing=line&size=4': "Option 'size' belongs to framing=fixed, but the framing is line: add framing=fixed or remove size.",
  'tcp://h:80?framing=length': 'Option framing=length needs length=…: add it.',
  "the panel's framing text noDelay=1": "'noDelay' is not a framing option: they are framing, delimiter, length, lengthOffset, lengthAdjust, lengthIncludesHeader, size, prefix.",
};

/** Sentences that name a temp path or a port are built from the case's world and error data. */
type Expected = string | ((world: SocketWorld, data: EngineErrorData) => string);

const ENGLISH_RUNTIME: Readonly<Record<string, Expected>> = {
  'send from s999': "There is no socket with id 's999'.",
  'send from a server without connections': 'The server has no open connection to send to: wait for a client to connect.',
  'send to connection s2.9': "There is no connection 's2.9' on this server.",
  'half-close a server': 'Half-close applies to a connection, not to a listening server.',
  'STARTTLS on a server': 'STARTTLS upgrades a tcp:// client; this is a TCP server.',
  'STARTTLS on a TLS client': 'The socket already speaks TLS.',
  'reopen a listening server': 'The socket is listening: close it before reopening.',
  'reopen an accepted connection': 'An accepted connection cannot be reopened; the peer must connect again.',
  'join a group on a TCP server': 'Multicast needs a UDP socket; this is a TCP server.',
  'pause a UDP socket': 'Pausing applies to stream connections; this is a UDP socket.',
  'frame a UDP socket': 'Framing applies to stream sockets; this is a UDP socket, whose datagrams are already messages.',
  'a length prefix on UDP': 'Adding a length prefix needs a socket with framing=length; this one has framing=raw.',
  'a 256-byte payload with a u8 length prefix': 'A payload of 256 bytes does not fit the length field: it takes at most 255 bytes.',
  'a frame over the maximum': 'A frame of 16777221 bytes is over the maximum of 16777216 bytes: the connection was reset, since where the next frame starts is unknown.',
  'send from UDP without a target': 'The UDP socket has no default peer: give a target host:port.',
  'send from IPv4 UDP to [::1]:9': '[::1]:9 has no IPv4 address; this socket is IPv4.',
  'half-close UDP': 'Half-close applies to stream connections, not to UDP sockets.',
  'connect timeout 0': 'The connect timeout must be a positive whole number of milliseconds, not 0.',
  'transcript maxEntries 0': 'The transcript limit maxEntries must be a positive whole number, not 0.',
  'captureBytes above maxBytes':
    'The transcript capture limit (2048 bytes) is larger than the whole transcript budget (1024 bytes): lower captureBytes or raise maxBytes.',
  'open unix-dgram': 'UNIX datagram sockets cannot be created by Node.js; use unix:// for a stream socket or udp:// for datagrams.',
  'listen on a regular file': (world) => `${world.directory}/plain.txt already exists and is not a socket (EADDRINUSE).`,
  'listen where another listens': (world) => `Another process is listening on ${world.directory}/live.sock (EADDRINUSE).`,
  'listen on a stale socket file': (world) =>
    `${world.directory}/stale.sock is a stale socket file: nobody listens on it. Remove it, or open the address with ?removeStale=1.`,
  'resolve a name that has no address': "Host 'no-such-host.invalid' was not found (ENOTFOUND).",
  'resolve an IPv4-only name as tcp6': "Host 'v4only.example' has no IPv6 address (ENOTFOUND).",
  'resolve a name that never answers': "Looking up host 'slow.example' took longer than 50 ms (ETIMEDOUT).",
  'resolve a unix:// spec': 'unix:// sockets have a path, not a host to resolve.',
  'connect to a blackhole with timeout=300': (_world, data) => `Connecting to 127.0.0.1:${String(data.port)} timed out after 300 ms (ETIMEDOUT).`,
  'connect with a cancelled signal': 'The connect was cancelled.',
  'record as pcap': "Unknown recording format 'pcap': use pcapng or jsonl.",
  'record twice': (world) => `The socket is already recording to ${world.directory}/first.pcapng: stop that recording first.`,
  'stop a recording that is not running': 'The socket is not recording.',
  'bind all interfaces, declined': 'tcp-listen://[::ffff:0.0.0.0]:0 was not opened: binding ::ffff:0.0.0.0 (all interfaces) was not confirmed.',
  'an abstract name on a runtime that pads it':
    'Abstract UNIX socket names (@name) need Node.js 22 or later: this extension host runs Node.js v20.19.0 (libuv 1.46.0), which pads the name with NUL bytes, so socat, Python and other programs could not reach it. Use a path such as /tmp/a.sock, or VS Code 1.101 or later.',
  'a name that resolved to nothing': "Host 'example.test' resolved to no address (ENOTFOUND).",
  'a write after the stream ended': 'The socket is no longer open for writing.',
  'a close while waiting for room': 'The socket closed while a send was waiting for room.',
  'send from a closed server': 'The socket is closed, not open.',
  'open on a disposed engine': 'The socket engine has shut down; reload the window to start it again.',
};

describe('describeError: one English sentence per engine error reason', () => {
  before(async () => {
    // The extension's l10n bundle is bound when it activates: read sentences as users see them.
    await activate();
  });

  it('has a case for every spec reason and every run-time reason, and a sentence for every case', () => {
    const specReasons = new Set(SPEC_CASES.map((item) => item.reason));
    assert.deepEqual([...ADDRESS_ERROR_REASONS, ...OPTION_ERROR_REASONS].filter((reason) => !specReasons.has(reason)), []);
    const socketReasons = new Set(SOCKET_CASES.map((item) => item.reason));
    assert.deepEqual(SOCKET_ERROR_REASONS.filter((reason) => !socketReasons.has(reason)), []);
    assert.deepEqual(Object.keys(ENGLISH).sort(), SPEC_CASES.map((item) => item.label).sort());
    assert.deepEqual(Object.keys(ENGLISH_RUNTIME).sort(), SOCKET_CASES.map((item) => item.label).sort());
  });

  for (const item of SPEC_CASES) {
    it(`${JSON.stringify(item.label.length > 60 ? `${item.label.slice(0, 60)}…` : item.label)} (${item.reason})`, () => {
      const error = specError(item);
      assert.equal(error.data.reason, item.reason, error.message);
      const sentence = describeError(error);
      assert.equal(sentence, ENGLISH[item.label]);
      assert.ok(sentence.endsWith('.'), 'a sentence ends with a period');
    });
  }

  it('run-time refusals from a real engine on loopback, each in its own sentence', async function () {
    this.timeout(20_000);
    const world = await openWorld();
    try {
      for (const item of SOCKET_CASES) {
        const error = await socketError(item, world);
        assert.equal(error.data.reason, item.reason, `${item.label}: ${error.message}`);
        const expected = ENGLISH_RUNTIME[item.label];
        assert.equal(describeError(error), typeof expected === 'function' ? expected(world, error.data) : expected, item.label);
      }
    } finally {
      await closeWorld(world);
    }
  });

  it('keeps the old wording for a reason it does not know, and for an error without one', () => {
    const future = new EngineError('SPEC_HOST', "host 'x' is from a newer engine", { reason: 'host-from-the-future', host: 'x' });
    assert.equal(describeError(future), "The host is not valid: host 'x' is from a newer engine");
    const plain = new EngineError('SPEC_PORT', "port 'p' is odd", { port: 'p' });
    assert.equal(describeError(plain), "The port is not valid: port 'p' is odd");
    // The same data arriving as plain JSON (from the webview or the store) reads the same.
    assert.equal(describeError(JSON.parse(JSON.stringify(future.toJSON()))), "The host is not valid: host 'x' is from a newer engine");
  });

  it('names an unknown payload encoding instead of showing the codec reason', () => {
    let failure: unknown;
    try {
      encodePayload('x', 'pcap' as PayloadEncoding);
    } catch (error) {
      failure = error;
    }
    assert.equal(describeError(failure), "Unknown encoding 'pcap': use utf8, hex, base64 or escapes.");
  });
});

// Go examples: golang.org/x/sys/unix (or syscall when the code uses it) and the net package.
import type { ScanResult } from '../scanner';
import type { ConstantEntry, OptionValue } from '../types';
import { SAMPLE_GROUP, entryFor, familyProtocol, socketTriple } from './shared';

/** Setsockopt/Getsockopt helpers that the standard syscall package also has. */
const SYSCALL_HELPERS = new Set([
  'SetsockoptInt', 'SetsockoptByte', 'SetsockoptTimeval', 'SetsockoptLinger', 'SetsockoptIPMreq',
  'SetsockoptIPv6Mreq', 'SetsockoptInet4Addr', 'SetsockoptString', 'GetsockoptInt',
]);

function goHelper(value: OptionValue, access: 'get' | 'set' | 'both'): string | undefined {
  if (access === 'get') {
    if (value.kind === 'struct') {
      return value.struct === 'ucred' ? 'GetsockoptUcred' : value.struct === 'tcp_info' ? 'GetsockoptTCPInfo' : undefined;
    }
    return value.kind === 'u64' ? 'GetsockoptUint64' : value.kind === 'string' ? 'GetsockoptString' : 'GetsockoptInt';
  }
  const helpers: Partial<Record<OptionValue['kind'], string>> = {
    bool: 'SetsockoptInt', int: 'SetsockoptInt', uchar: 'SetsockoptByte', u64: 'SetsockoptUint64',
    timeval: 'SetsockoptTimeval', linger: 'SetsockoptLinger', ip_mreq: 'SetsockoptIPMreq',
    ipv6_mreq: 'SetsockoptIPv6Mreq', in_addr: 'SetsockoptInet4Addr', ifname: 'SetsockoptString', string: 'SetsockoptString',
  };
  return helpers[value.kind];
}

function goOption(name: string, level: string, value: OptionValue, access: 'get' | 'set' | 'both', qualifier: string | undefined): string | undefined {
  const helper = goHelper(value, access);
  if (helper === undefined) {
    return undefined;
  }
  const pkg = qualifier === 'syscall' && SYSCALL_HELPERS.has(helper) ? 'syscall' : 'unix';
  const head = `${pkg}.${helper}(fd, ${pkg}.${level}, ${pkg}.${name}`;
  if (access === 'get') {
    return `value, err := ${head})`;
  }
  switch (value.kind) {
    case 'bool':
      return `err := ${head}, 1)`;
    case 'int':
    case 'uchar':
    case 'u64':
      return `err := ${head}, ${value.sample ?? 1})`;
    case 'timeval':
      return `err := ${head}, &${pkg}.Timeval{Sec: 5})`;
    case 'linger':
      return `err := ${head}, &${pkg}.Linger{Onoff: 1, Linger: 0})`;
    case 'ip_mreq':
      return [`mreq := &${pkg}.IPMreq{Multiaddr: [4]byte{239, 1, 2, 3}}`, `err := ${head}, mreq)`].join('\n');
    case 'ipv6_mreq':
      return [
        `mreq := &${pkg}.IPv6Mreq{Interface: uint32(iface.Index)}`,
        `copy(mreq.Multiaddr[:], net.ParseIP("${SAMPLE_GROUP.ipv6_mreq}"))`,
        `err := ${head}, mreq)`,
      ].join('\n');
    case 'in_addr':
      return `err := ${head}, [4]byte{192, 0, 2, 10})`;
    case 'ifname':
    case 'string':
      return `err := ${head}, "${value.text ?? ''}")`;
    default:
      return undefined;
  }
}

const GO_NETWORK_EXAMPLES: Readonly<Record<string, string>> = {
  tcp: 'ln, err := net.Listen("tcp", "127.0.0.1:8080")',
  tcp4: 'conn, err := net.Dial("tcp4", "127.0.0.1:8080")',
  tcp6: 'conn, err := net.Dial("tcp6", "[::1]:8080")',
  udp: 'conn, err := net.ListenPacket("udp", ":9999")',
  udp4: 'conn, err := net.ListenPacket("udp4", "0.0.0.0:9999")',
  udp6: 'conn, err := net.ListenPacket("udp6", "[::]:9999")',
  ip: 'conn, err := net.ListenPacket("ip:icmp", "0.0.0.0")',
  ip4: 'conn, err := net.ListenPacket("ip4:icmp", "0.0.0.0")',
  ip6: 'conn, err := net.ListenPacket("ip6:ipv6-icmp", "::")',
  unix: 'conn, err := net.Dial("unix", "/run/app.sock")',
  unixgram: 'conn, err := net.ListenPacket("unixgram", "/run/app.sock")',
  unixpacket: 'ln, err := net.Listen("unixpacket", "/run/app.sock")',
};

function goAddress(entry: ConstantEntry): string | undefined {
  const value = entry.values.linux ?? entry.values.macos ?? entry.values.windows;
  const text = value === undefined || typeof value === 'number' ? '' : value.text;
  switch (text) {
    case '0.0.0.0':
      return 'ln, err := net.Listen("tcp4", "0.0.0.0:8080")';
    case '127.0.0.1':
      return 'ln, err := net.Listen("tcp4", "127.0.0.1:8080")';
    case '255.255.255.255':
      return '_, err := conn.WriteTo(data, &net.UDPAddr{IP: net.IPv4bcast, Port: 37020})';
    case '::':
      return 'ln, err := net.Listen("tcp6", "[::]:8080")';
    case '::1':
      return 'ln, err := net.Listen("tcp6", "[::1]:8080")';
    default:
      return /^\d+\.\d+\.\d+\.\d+$/.test(text) ? `group := net.IPv4(${text.split('.').join(', ')})` : undefined;
  }
}

export function exampleGo(entry: ConstantEntry, match: ScanResult): string | undefined {
  const name = entry.name;
  const usage = entry.usage;
  const qualifier = match.qualifier;
  const pkg = qualifier === 'syscall' ? 'syscall' : 'unix';
  const triple = socketTriple(entry);
  if (triple !== undefined) {
    const type = triple.type.split('|').map((part) => `${pkg}.${part}`).join('|');
    const familyProto = familyProtocol(entry, 'go');
    const protocol = familyProto ?? (triple.protocol === undefined ? '0' : `${pkg}.${triple.protocol}`);
    return `fd, err := ${pkg}.Socket(${pkg}.${triple.family}, ${type}, ${protocol})`;
  }
  switch (usage.kind) {
    case 'protocol':
    case 'level': {
      const option = usage.sampleOption === undefined ? undefined : entryFor(usage.sampleOption);
      return option?.usage.kind === 'option' ? goOption(option.name, name, option.usage.value, option.usage.access, qualifier) : undefined;
    }
    case 'option':
      return goOption(name, usage.level, usage.value, usage.access, qualifier);
    case 'option-value':
      return `err := ${pkg}.SetsockoptInt(fd, ${pkg}.${usage.level}, ${pkg}.${usage.option}, ${pkg}.${name})`;
    case 'message-flag':
      if (usage.direction === 'send') {
        return `err := ${pkg}.Sendto(fd, data, ${pkg}.${name}, address)`;
      }
      if (usage.direction === 'result') {
        return [`n, oobn, flags, from, err := ${pkg}.Recvmsg(fd, buffer, oob, 0)`, `cut := flags&${pkg}.${name} != 0`].join('\n');
      }
      return `n, from, err := ${pkg}.Recvfrom(fd, buffer, ${pkg}.${name})`;
    case 'shutdown':
      return `err := ${pkg}.Shutdown(fd, ${pkg}.${name})`;
    case 'ancillary':
      return [
        `messages, err := ${pkg}.ParseSocketControlMessage(oob[:oobn])`,
        'for _, m := range messages {',
        `\tif m.Header.Level == ${pkg}.${usage.level} && m.Header.Type == ${pkg}.${name} {`,
        '\t\t// m.Data',
        '\t}',
        '}',
      ].join('\n');
    case 'address':
      return goAddress(entry);
    case 'errno': {
      const errnoPkg = qualifier === 'unix' ? 'unix' : 'syscall';
      return ['_, err := net.Dial("tcp", "127.0.0.1:8080")', `if errors.Is(err, ${errnoPkg}.${name}) {`, '\t// …', '}'].join('\n');
    }
    case 'go-network': {
      const network = match.kind === 'go-network' ? match.text.slice(1, -1).split(':')[0] : name.slice(1, -1);
      return GO_NETWORK_EXAMPLES[network];
    }
    default:
      return undefined;
  }
}


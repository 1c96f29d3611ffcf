// Python examples: socket module calls, with a definition line for names the module does not export.
import type { ScanResult } from '../scanner';
import type { ConstantEntry, OptionValue } from '../types';
import { PLATFORM_NAMES } from '../values';
import { SAMPLE_GROUP, entryFor, familyProtocol, firstValueOf, socketTriple } from './shared';

/** How Python code refers to a constant, and a definition line when the module does not export it. */
class PythonNames {
  private readonly definitions: string[] = [];

  constructor(private readonly module: string) {}

  ref(name: string): string {
    const entry = entryFor(name);
    if (entry === undefined || entry.notInPython !== true) {
      return `${entry?.group === 'errno' ? 'errno' : this.module}.${name}`;
    }
    const first = firstValueOf(entry);
    if (first !== undefined && typeof first.value === 'number') {
      const line = `${name} = ${first.value}  # ${PLATFORM_NAMES[first.platform]}`;
      if (!this.definitions.includes(line)) {
        this.definitions.push(line);
      }
    }
    return name;
  }

  code(lines: readonly string[]): string {
    return [...this.definitions, ...lines].join('\n');
  }
}

const PYTHON_CALLS: Readonly<Record<string, string>> = {
  'connect()': 's.connect(address)',
  'bind()': 's.bind(address)',
  'listen()': 's.listen()',
  'accept()': 'conn, address = s.accept()',
  'recv()': 'data = s.recv(4096)',
  'read()': 'data = s.recv(4096)',
  'send()': 's.sendall(data)',
  'write()': 's.sendall(data)',
  'sendto()': 's.sendto(data, address)',
  'sendmsg()': 's.sendmsg([data])',
  'socket()': 's = socket.socket(socket.AF_INET6, socket.SOCK_STREAM)',
  'setsockopt()': 's.setsockopt(level, option, value)',
  'getsockopt()': 'value = s.getsockopt(level, option)',
  'getpeername()': 'peer = s.getpeername()',
  'shutdown()': 's.shutdown(socket.SHUT_WR)',
  'poll()': 'ready = select.select([s], [], [], 5.0)',
  'close()': 's.close()',
};

function pythonOption(entry: ConstantEntry, names: PythonNames, level: string, value: OptionValue, access: 'get' | 'set' | 'both'): string[] {
  const levelRef = names.ref(level);
  const nameRef = names.ref(entry.name);
  if (access === 'get') {
    if (value.kind === 'struct' && value.struct === 'ucred') {
      return [`pid, uid, gid = struct.unpack('3i', s.getsockopt(${levelRef}, ${nameRef}, struct.calcsize('3i')))`];
    }
    if (value.kind === 'struct' || value.kind === 'string' || value.kind === 'u64') {
      return [`raw = s.getsockopt(${levelRef}, ${nameRef}, 256)`];
    }
    return [`value = s.getsockopt(${levelRef}, ${nameRef})`];
  }
  switch (value.kind) {
    case 'bool':
      return [`s.setsockopt(${levelRef}, ${nameRef}, 1)`];
    case 'int':
      return [`s.setsockopt(${levelRef}, ${nameRef}, ${value.sample ?? 1})`];
    case 'uchar':
      return [`s.setsockopt(${levelRef}, ${nameRef}, struct.pack('b', ${value.sample ?? 1}))`];
    case 'u64':
      return [`s.setsockopt(${levelRef}, ${nameRef}, struct.pack('Q', ${value.sample ?? 0}))`];
    case 'timeval':
      return [`s.setsockopt(${levelRef}, ${nameRef}, struct.pack('ll', 5, 0))`];
    case 'linger':
      return [`s.setsockopt(${levelRef}, ${nameRef}, struct.pack('ii', 1, 0))`];
    case 'ip_mreq':
      return [
        `mreq = socket.inet_aton('${SAMPLE_GROUP.ip_mreq}') + socket.inet_aton('0.0.0.0')`,
        `s.setsockopt(${levelRef}, ${nameRef}, mreq)`,
      ];
    case 'ip_mreq_source':
      return [
        `mreq = socket.inet_aton('${SAMPLE_GROUP.ip_mreq_source}') + socket.inet_aton('0.0.0.0') + socket.inet_aton('192.0.2.1')  # Linux field order`,
        `s.setsockopt(${levelRef}, ${nameRef}, mreq)`,
      ];
    case 'ipv6_mreq':
      return [
        `mreq = socket.inet_pton(socket.AF_INET6, '${SAMPLE_GROUP.ipv6_mreq}') + struct.pack('@I', socket.if_nametoindex('eth0'))`,
        `s.setsockopt(${levelRef}, ${nameRef}, mreq)`,
      ];
    case 'in_addr':
      return [`s.setsockopt(${levelRef}, ${nameRef}, socket.inet_aton('192.0.2.10'))`];
    case 'ifname':
    case 'string':
      return [`s.setsockopt(${levelRef}, ${nameRef}, b'${value.text ?? ''}')`];
    case 'struct':
      return [`s.setsockopt(${levelRef}, ${nameRef}, raw_struct_bytes)`];
  }
}

function pythonAddress(entry: ConstantEntry, names: PythonNames): string[] {
  const value = entry.values.linux ?? entry.values.macos ?? entry.values.windows;
  const text = value === undefined || typeof value === 'number' ? '' : value.text;
  switch (text) {
    case '0.0.0.0':
      return ['s.bind((\'\', 8080))  # INADDR_ANY'];
    case '127.0.0.1':
      return ['s.bind((\'127.0.0.1\', 8080))'];
    case '255.255.255.255':
      return entry.name === 'INADDR_BROADCAST'
        ? ['s.setsockopt(socket.SOL_SOCKET, socket.SO_BROADCAST, 1)', 's.sendto(data, (\'<broadcast>\', 37020))']
        : ['socket.inet_aton(text)  # raises OSError instead of returning INADDR_NONE'];
    case '::':
      return ['s.bind((\'::\', 8080))'];
    case '::1':
      return ['s.bind((\'::1\', 8080))'];
    default:
      return [`address = socket.inet_ntoa(struct.pack('!I', ${names.ref(entry.name)}))  # '${text}'`];
  }
}

export function examplePython(entry: ConstantEntry, match: ScanResult): string | undefined {
  const module = match.qualifier !== undefined && !match.qualifier.includes('.') && entry.group !== 'errno' ? match.qualifier : 'socket';
  const names = new PythonNames(module);
  const usage = entry.usage;
  const triple = socketTriple(entry);
  if (triple !== undefined) {
    const type = triple.type.split('|').map((part) => names.ref(part)).join(' | ');
    const protocol = familyProtocol(entry, 'python') ?? (triple.protocol === undefined ? undefined : names.ref(triple.protocol));
    const args = [names.ref(triple.family), type, ...(protocol === undefined ? [] : [protocol])];
    return names.code([`s = socket.socket(${args.join(', ')})`]);
  }
  switch (usage.kind) {
    case 'protocol':
    case 'level': {
      const option = usage.sampleOption === undefined ? undefined : entryFor(usage.sampleOption);
      if (option?.usage.kind !== 'option') {
        return undefined;
      }
      return names.code(pythonOption(option, names, entry.name, option.usage.value, option.usage.access));
    }
    case 'option':
      return names.code(pythonOption(entry, names, usage.level, usage.value, usage.access));
    case 'option-value':
      return names.code([`s.setsockopt(${names.ref(usage.level)}, ${names.ref(usage.option)}, ${names.ref(entry.name)})`]);
    case 'message-flag':
      if (usage.direction === 'send') {
        return names.code([`s.send(data, ${names.ref(entry.name)})`]);
      }
      if (usage.direction === 'result') {
        return names.code(['data, ancdata, msg_flags, address = s.recvmsg(4096, 1024)', `cut = bool(msg_flags & ${names.ref(entry.name)})`]);
      }
      return names.code([`data = s.recv(4096, ${names.ref(entry.name)})`]);
    case 'shutdown':
      return names.code([`s.shutdown(${names.ref(entry.name)})`]);
    case 'ancillary':
      if (entry.name === 'SCM_RIGHTS') {
        return names.code([`s.sendmsg([b'x'], [(${names.ref('SOL_SOCKET')}, ${names.ref(entry.name)}, array.array('i', [fd]))])`]);
      }
      return names.code([
        'data, ancdata, msg_flags, address = s.recvmsg(4096, socket.CMSG_SPACE(64))',
        'for level, kind, payload in ancdata:',
        `    if level == ${names.ref(usage.level)} and kind == ${names.ref(entry.name)}:`,
        '        ...',
      ]);
    case 'address':
      return names.code(pythonAddress(entry, names));
    case 'addrinfo-flag':
      return names.code([`results = socket.getaddrinfo(host, 8080, type=socket.SOCK_STREAM, flags=${names.ref(entry.name)})`]);
    case 'nameinfo-flag':
      return names.code([`host, port = socket.getnameinfo(address, ${names.ref(entry.name)})`]);
    case 'addrinfo-error':
      return names.code([
        'try:',
        '    socket.getaddrinfo(host, 80)',
        'except socket.gaierror as error:',
        `    if error.errno == ${names.ref(entry.name)}:`,
        '        ...',
      ]);
    case 'errno': {
      const call = PYTHON_CALLS[usage.calls[0] ?? ''] ?? 's.connect(address)';
      const handler = usage.pythonException === undefined
        ? ['except OSError as error:', `    if error.errno == ${names.ref(entry.name)}:`, '        ...']
        : [`except ${usage.pythonException}:  # errno.${entry.name}`, '    ...'];
      return names.code(['try:', `    ${call}`, ...handler]);
    }
    case 'limit':
      return entry.name === 'SOMAXCONN' ? names.code([`s.listen(${names.ref(entry.name)})`]) : undefined;
    default:
      return undefined;
  }
}


// Turns a scanner match and its table entry into hover Markdown. Pure: the VS Code side wraps the
// text in a MarkdownString, passes localized labels in, and trusts only the returned command.
// Plain Markdown only (no HTML, no colours) so it reads well in every theme.
import { CONSTANTS_BY_NAME, SPECIAL_HOST_BY_LITERAL } from './data/index';
import type { ScanResult } from './scanner';
import type {
  ConstantEntry, ConstantGroup, ConstantValue, Description, DescriptionLanguage, ExampleLanguage, OptionValue, Platform,
} from './types';
import { PLATFORMS } from './types';

export interface HoverLabels {
  readonly whenToUse: string;
  readonly pitfall: string;
  readonly values: string;
  readonly usedWith: string;
  readonly example: string;
  readonly related: string;
  readonly manPage: string;
  /** Title of the command link for Python's '' / '<broadcast>' hosts. */
  readonly openClient: string;
  /** Explains the markers in the values table: — (not defined), ? (not recorded), (?) (unverified). */
  readonly valueLegend: string;
  readonly groups: Readonly<Record<ConstantGroup, string>>;
}

export const ENGLISH_LABELS: HoverLabels = {
  whenToUse: 'When to use',
  pitfall: 'Pitfall',
  values: 'Values',
  usedWith: 'Used with',
  example: 'Example',
  related: 'Related',
  manPage: 'Man page',
  openClient: 'Open a client to this port in Socket Workbench',
  valueLegend: '— not defined · ? defined, value not recorded · (?) from memory of the headers, not verified',
  groups: {
    'family': 'address family',
    'protocol-family': 'protocol family',
    'type': 'socket type',
    'level': 'option level',
    'protocol': 'protocol number',
    'socket-option': 'socket option',
    'ip-option': 'IPv4 option',
    'ipv6-option': 'IPv6 option',
    'tcp-option': 'TCP option',
    'option-value': 'option value',
    'message-flag': 'message flag',
    'shutdown': 'shutdown() mode',
    'ancillary': 'control message type',
    'address': 'address',
    'addrinfo-flag': 'getaddrinfo() flag',
    'nameinfo-flag': 'getnameinfo() flag',
    'addrinfo-error': 'getaddrinfo() error',
    'errno': 'errno value',
    'limit': 'limit',
    'go-network': 'Go network',
  },
};

export const TURKISH_LABELS: HoverLabels = {
  whenToUse: 'Ne zaman kullanılır',
  pitfall: 'Dikkat',
  values: 'Değerler',
  usedWith: 'Kullanıldığı yer',
  example: 'Örnek',
  related: 'İlgili',
  manPage: 'Man sayfası',
  openClient: 'Socket Workbench\'te bu porta bir istemci aç',
  valueLegend: '— tanımlı değil · ? tanımlı, değeri kaydedilmedi · (?) başlıklardan hatırlanan değer, doğrulanmadı',
  groups: {
    'family': 'adres ailesi',
    'protocol-family': 'protokol ailesi',
    'type': 'soket türü',
    'level': 'seçenek düzeyi',
    'protocol': 'protokol numarası',
    'socket-option': 'soket seçeneği',
    'ip-option': 'IPv4 seçeneği',
    'ipv6-option': 'IPv6 seçeneği',
    'tcp-option': 'TCP seçeneği',
    'option-value': 'seçenek değeri',
    'message-flag': 'mesaj bayrağı',
    'shutdown': 'shutdown() kipi',
    'ancillary': 'denetim mesajı türü',
    'address': 'adres',
    'addrinfo-flag': 'getaddrinfo() bayrağı',
    'nameinfo-flag': 'getnameinfo() bayrağı',
    'addrinfo-error': 'getaddrinfo() hatası',
    'errno': 'errno değeri',
    'limit': 'sınır',
    'go-network': 'Go ağı',
  },
};

export interface RenderOptions {
  readonly language: DescriptionLanguage;
  /** The hovered document's VS Code language id; picks the example's language. */
  readonly documentLanguageId: string;
  readonly labels: HoverLabels;
}

export const OPEN_COMMAND = 'socketWorkbench.open';

/** A command the hover links to; the provider must enable exactly this command on the MarkdownString. */
export interface CommandLink {
  readonly command: typeof OPEN_COMMAND;
  readonly title: string;
  /** One spec such as `tcp://127.0.0.1:8080`. */
  readonly arguments: readonly [string];
}

export interface RenderedHover {
  readonly markdown: string;
  readonly command?: CommandLink;
}

// ---------------------------------------------------------------------------------------------
// Escaping.

/** Backslash-escapes Markdown punctuation outside `code spans`, which are kept as written. */
export function escapeMarkdown(text: string): string {
  const parts = text.split(/(`[^`]*`)/);
  return parts
    .map((part, index) => (index % 2 === 1 ? part : part.replace(/[\\`*_[\]<>|~&]/g, '\\$&')))
    .join('')
    // At the start of a line these would open a heading, a list or a quote.
    .replace(/^(\s*)([-+=#])/gm, '$1\\$2')
    .replace(/^(\s*\d+)([.)])/gm, '$1\\$2');
}

/** A code span that survives any content (backticks inside get a longer fence). */
export function codeSpan(text: string): string {
  const runs = text.match(/`+/g) ?? [];
  const longest = runs.reduce((length, run) => Math.max(length, run.length), 0);
  const fence = '`'.repeat(longest + 1);
  const padding = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${padding}${text}${padding}${fence}`;
}

function codeBlock(language: string, code: string): string {
  const runs = code.match(/`{3,}/g) ?? [];
  const fence = '`'.repeat(Math.max(3, ...runs.map((run) => run.length + 1)));
  return `${fence}${language}\n${code}\n${fence}`;
}

// ---------------------------------------------------------------------------------------------
// Values.

const BIT_FLAG_GROUPS = new Set<ConstantGroup>(['message-flag', 'addrinfo-flag', 'nameinfo-flag']);
const DECIMAL_ONLY_GROUPS = new Set<ConstantGroup>(['errno', 'addrinfo-error', 'limit']);

function hex(value: number, width = 1): string {
  return `0x${value.toString(16).padStart(width, '0')}`;
}

/** The value as shown in code spans: `2`, `2048 (0x800)`, `127.0.0.1 (0x7f000001)`, `::`. */
export function formatValue(value: ConstantValue, group: ConstantGroup): string {
  if (typeof value !== 'number') {
    return value.numeric === undefined ? value.text : `${value.text} (${hex(value.numeric, 8)})`;
  }
  const showHex = value >= 0 && !DECIMAL_ONLY_GROUPS.has(group)
    && ((BIT_FLAG_GROUPS.has(group) && value >= 8) || value >= 256 || group === 'type' && value >= 16);
  return showHex ? `${value} (${hex(value)})` : String(value);
}

const PLATFORM_NAMES: Record<Platform, string> = { linux: 'Linux', macos: 'macOS', windows: 'Windows' };

function sameValue(left: ConstantValue | undefined, right: ConstantValue | undefined): boolean {
  if (left === undefined || right === undefined) {
    return false;
  }
  if (typeof left === 'number' || typeof right === 'number') {
    return left === right;
  }
  return left.text === right.text && left.numeric === right.numeric;
}

function valueCell(entry: ConstantEntry, platform: Platform): string {
  const value = entry.values[platform];
  if (value === undefined) {
    return entry.unrecorded?.includes(platform) === true ? '?' : '—';
  }
  let cell = codeSpan(formatValue(value, entry.group));
  const spelling = platform === 'linux' ? undefined : entry.spelling?.[platform];
  if (spelling !== undefined) {
    cell += ` ${codeSpan(spelling)}`;
  }
  if (entry.unverified?.includes(platform) === true) {
    cell += ' (?)';
  }
  return cell;
}

function valuesSection(entry: ConstantEntry, labels: HoverLabels): string | undefined {
  const { linux, macos, windows } = entry.values;
  if (linux === undefined && macos === undefined && windows === undefined && (entry.unrecorded ?? []).length === 0) {
    return undefined;
  }
  const identical = sameValue(linux, macos) && sameValue(linux, windows)
    && entry.spelling === undefined && (entry.unverified ?? []).length === 0;
  if (identical && linux !== undefined) {
    return `**${escapeMarkdown(labels.values)}:** Linux, macOS, Windows: ${codeSpan(formatValue(linux, entry.group))}`;
  }
  const cells = PLATFORMS.map((platform) => valueCell(entry, platform));
  const table = [
    `**${escapeMarkdown(labels.values)}**`,
    '',
    `| ${PLATFORMS.map((platform) => PLATFORM_NAMES[platform]).join(' | ')} |`,
    '| --- | --- | --- |',
    `| ${cells.join(' | ')} |`,
  ];
  if (cells.some((cell) => cell.includes('?'))) {
    table.push('', escapeMarkdown(labels.valueLegend));
  }
  return table.join('\n');
}

function titleValue(entry: ConstantEntry): string {
  for (const platform of PLATFORMS) {
    const value = entry.values[platform];
    if (value !== undefined) {
      const where = platform === 'linux' ? '' : ` (${PLATFORM_NAMES[platform]})`;
      return ` = ${codeSpan(formatValue(value, entry.group))}${where}`;
    }
  }
  return '';
}

// ---------------------------------------------------------------------------------------------
// "Used with": a language-neutral call shape.

const VALUE_TYPES: Record<OptionValue['kind'], string> = {
  bool: 'int',
  int: 'int',
  u64: 'uint64_t',
  uchar: 'u_char',
  timeval: 'struct timeval',
  linger: 'struct linger',
  ip_mreq: 'struct ip_mreq',
  ip_mreq_source: 'struct ip_mreq_source',
  ipv6_mreq: 'struct ipv6_mreq',
  in_addr: 'struct in_addr',
  ifname: 'char[IFNAMSIZ]',
  string: 'char[]',
  struct: 'struct',
};

function valueType(value: OptionValue): string {
  return value.kind === 'struct' ? `struct ${value.struct ?? ''}`.trim() : VALUE_TYPES[value.kind];
}

/** The "Used with" line(s) for an entry, as code. */
export function usedWith(entry: ConstantEntry): readonly string[] {
  if (entry.usedWith !== undefined) {
    return [entry.usedWith];
  }
  const name = entry.name;
  const usage = entry.usage;
  switch (usage.kind) {
    case 'socket-domain':
      return [`socket(${name}, type, protocol)`];
    case 'socket-type':
      return [usage.flag === true ? `socket(domain, SOCK_STREAM | ${name}, protocol)` : `socket(domain, ${name}, protocol)`];
    case 'protocol': {
      const lines: string[] = [];
      if (usage.socketType !== undefined) {
        lines.push(`socket(${usage.family ?? 'AF_INET'}, ${usage.socketType}, ${name})`);
      }
      if (usage.sampleOption !== undefined) {
        lines.push(`setsockopt(fd, ${name}, ${usage.sampleOption}, …)`);
      }
      return lines;
    }
    case 'level':
      return [`setsockopt(fd, ${name}, ${usage.sampleOption ?? 'optname'}, …)`, `getsockopt(fd, ${name}, ${usage.sampleOption ?? 'optname'}, …)`];
    case 'option': {
      const type = valueType(usage.value);
      const lines: string[] = [];
      if (usage.access !== 'get') {
        lines.push(`setsockopt(fd, ${usage.level}, ${name}, const ${type} *, socklen_t)`);
      }
      if (usage.access !== 'set') {
        lines.push(`getsockopt(fd, ${usage.level}, ${name}, ${type} *, socklen_t *)`);
      }
      return lines;
    }
    case 'option-value':
      return [`int value = ${name}; setsockopt(fd, ${usage.level}, ${usage.option}, &value, sizeof value)`];
    case 'message-flag': {
      const send = `send(fd, buf, len, ${name}) · sendto() · sendmsg()`;
      const receive = `recv(fd, buf, len, ${name}) · recvfrom() · recvmsg()`;
      if (usage.direction === 'result') {
        return [`recvmsg(fd, &msg, flags); msg.msg_flags & ${name}`];
      }
      return usage.direction === 'send' ? [send] : usage.direction === 'receive' ? [receive] : [send, receive];
    }
    case 'shutdown': {
      const windows = entry.spelling?.windows;
      return windows === undefined ? [`shutdown(fd, ${name})`] : [`shutdown(fd, ${name})`, `shutdown(s, ${windows})  /* Windows */`];
    }
    case 'ancillary':
      return [`sendmsg()/recvmsg(): cmsg->cmsg_level == ${usage.level} && cmsg->cmsg_type == ${name}`];
    case 'address':
      return usage.family === 'inet'
        ? [`sin.sin_addr.s_addr = htonl(${name})  /* bind(), connect(), sendto() */`]
        : [`struct in6_addr addr = ${name};  /* sin6_addr for bind(), connect() */`];
    case 'addrinfo-flag':
      return [`hints.ai_flags = ${name}; getaddrinfo(host, service, &hints, &result)`];
    case 'nameinfo-flag':
      return [`getnameinfo(sa, salen, host, NI_MAXHOST, serv, NI_MAXSERV, ${name})`];
    case 'addrinfo-error':
      return [`getaddrinfo(…) == ${name} → gai_strerror()`];
    case 'errno': {
      const lines = [`${usage.calls.join(', ')} → -1, errno == ${name}`];
      const windows = entry.spelling?.windows;
      if (windows !== undefined) {
        lines.push(`WSAGetLastError() == ${windows}  /* Windows */`);
      }
      return lines;
    }
    case 'limit':
      return [usage.signature];
    case 'go-network': {
      const protocol = usage.protocol ?? 'protocol';
      return [`net.Dial(${name}, …) / net.Listen(${name}, …) → socket(${usage.family}, ${usage.type}, ${protocol})`];
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Example code per language. Generated from the entry's usage so the table stays the single source;
// entries can override with `examples`. Placeholders (fd, s, data, address…) are conventional names.

/** socket() type and protocol that make sense for a family's example. */
const FAMILY_SOCKET: Readonly<Record<string, { readonly type: string; readonly protocol?: Readonly<Record<ExampleLanguage, string>> }>> = {
  AF_PACKET: { type: 'SOCK_RAW', protocol: { c: 'htons(ETH_P_ALL)', python: 'socket.htons(0x0003)', go: '0', rust: '(libc::ETH_P_ALL as u16).to_be() as libc::c_int', javascript: '0' } },
  AF_NETLINK: { type: 'SOCK_RAW', protocol: { c: 'NETLINK_ROUTE', python: 'socket.NETLINK_ROUTE', go: 'unix.NETLINK_ROUTE', rust: 'libc::NETLINK_ROUTE', javascript: '0' } },
  AF_ROUTE: { type: 'SOCK_RAW' },
  AF_CAN: { type: 'SOCK_RAW', protocol: { c: 'CAN_RAW', python: 'socket.CAN_RAW', go: 'unix.CAN_RAW', rust: 'libc::CAN_RAW', javascript: '0' } },
  AF_ALG: { type: 'SOCK_SEQPACKET' },
  AF_RDS: { type: 'SOCK_SEQPACKET' },
  AF_TIPC: { type: 'SOCK_RDM' },
  AF_KEY: { type: 'SOCK_RAW' },
  AF_X25: { type: 'SOCK_SEQPACKET' },
  AF_XDP: { type: 'SOCK_RAW' },
  AF_APPLETALK: { type: 'SOCK_DGRAM' },
  AF_QIPCRTR: { type: 'SOCK_DGRAM' },
  AF_MCTP: { type: 'SOCK_DGRAM' },
  AF_KCM: { type: 'SOCK_DGRAM' },
  AF_RXRPC: { type: 'SOCK_DGRAM' },
  AF_IEEE802154: { type: 'SOCK_DGRAM' },
};

/** socket() family and protocol that make sense for a type's example. */
const TYPE_SOCKET: Readonly<Record<string, { readonly family: string; readonly protocol?: string }>> = {
  SOCK_RAW: { family: 'AF_INET', protocol: 'IPPROTO_ICMP' },
  SOCK_SEQPACKET: { family: 'AF_UNIX' },
  SOCK_RDM: { family: 'AF_TIPC' },
  SOCK_PACKET: { family: 'AF_INET' },
};

const SAMPLE_GROUP: Readonly<Record<string, string>> = { ip_mreq: '239.1.2.3', ip_mreq_source: '232.1.2.3', ipv6_mreq: 'ff02::fb' };

function entryFor(name: string): ConstantEntry | undefined {
  return CONSTANTS_BY_NAME.get(name);
}

/** The family/type/protocol triple for the socket() example of a domain, type or protocol entry. */
function socketTriple(entry: ConstantEntry): { family: string; type: string; protocol?: string } | undefined {
  const usage = entry.usage;
  if (usage.kind === 'socket-domain') {
    return { family: entry.name, type: FAMILY_SOCKET[entry.aliasOf ?? entry.name]?.type ?? 'SOCK_STREAM' };
  }
  if (usage.kind === 'socket-type') {
    if (usage.flag === true) {
      return { family: 'AF_INET', type: `SOCK_STREAM|${entry.name}` };
    }
    const shape = TYPE_SOCKET[entry.name];
    return { family: shape?.family ?? 'AF_INET', type: entry.name, protocol: shape?.protocol };
  }
  if (usage.kind === 'protocol' && usage.socketType !== undefined) {
    return { family: usage.family ?? 'AF_INET', type: usage.socketType, protocol: entry.name };
  }
  return undefined;
}

function familyProtocol(entry: ConstantEntry, language: ExampleLanguage): string | undefined {
  return entry.usage.kind === 'socket-domain' ? FAMILY_SOCKET[entry.aliasOf ?? entry.name]?.protocol?.[language] : undefined;
}

function firstValueOf(entry: ConstantEntry): { value: ConstantValue; platform: Platform } | undefined {
  for (const platform of PLATFORMS) {
    const value = entry.values[platform];
    if (value !== undefined) {
      return { value, platform };
    }
  }
  return undefined;
}

// --- Python ------------------------------------------------------------------------------------

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

function examplePython(entry: ConstantEntry, match: ScanResult): string | undefined {
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

// --- C -----------------------------------------------------------------------------------------

const C_CALLS: Readonly<Record<string, string>> = {
  'connect()': 'connect(fd, (struct sockaddr *)&address, length)',
  'bind()': 'bind(fd, (struct sockaddr *)&address, length)',
  'listen()': 'listen(fd, SOMAXCONN)',
  'accept()': 'accept(fd, NULL, NULL)',
  'recv()': 'recv(fd, buffer, sizeof buffer, 0)',
  'read()': 'read(fd, buffer, sizeof buffer)',
  'send()': 'send(fd, data, length, 0)',
  'write()': 'write(fd, data, length)',
  'sendto()': 'sendto(fd, data, length, 0, (struct sockaddr *)&address, address_length)',
  'sendmsg()': 'sendmsg(fd, &message, 0)',
  'socket()': 'socket(AF_INET6, SOCK_STREAM, 0)',
  'setsockopt()': 'setsockopt(fd, level, option, &value, sizeof value)',
  'getsockopt()': 'getsockopt(fd, level, option, &value, &length)',
  'getpeername()': 'getpeername(fd, (struct sockaddr *)&address, &length)',
  'shutdown()': 'shutdown(fd, SHUT_WR)',
  'poll()': 'poll(fds, count, timeout)',
  'close()': 'close(fd)',
};

function cDeclaration(name: string, value: OptionValue): string[] {
  switch (value.kind) {
    case 'bool':
      return ['int one = 1;'];
    case 'int':
      return [`int value = ${value.sample ?? 1};`];
    case 'uchar':
      return [`unsigned char value = ${value.sample ?? 1};`];
    case 'u64':
      return [`uint64_t value = ${value.sample ?? 0};`];
    case 'timeval':
      return ['struct timeval value = { .tv_sec = 5, .tv_usec = 0 };'];
    case 'linger':
      return ['struct linger value = { .l_onoff = 1, .l_linger = 0 };'];
    case 'ip_mreq':
      return [
        'struct ip_mreq value = { 0 };',
        `inet_pton(AF_INET, "${SAMPLE_GROUP.ip_mreq}", &value.imr_multiaddr);`,
        'value.imr_interface.s_addr = htonl(INADDR_ANY);',
      ];
    case 'ip_mreq_source':
      return [
        'struct ip_mreq_source value = { 0 };',
        `inet_pton(AF_INET, "${SAMPLE_GROUP.ip_mreq_source}", &value.imr_multiaddr);`,
        'inet_pton(AF_INET, "192.0.2.1", &value.imr_sourceaddr);',
        'value.imr_interface.s_addr = htonl(INADDR_ANY);',
      ];
    case 'ipv6_mreq':
      return [
        'struct ipv6_mreq value = { 0 };',
        `inet_pton(AF_INET6, "${SAMPLE_GROUP.ipv6_mreq}", &value.ipv6mr_multiaddr);`,
        'value.ipv6mr_interface = if_nametoindex("eth0");',
      ];
    case 'in_addr':
      return ['struct in_addr value;', 'inet_pton(AF_INET, "192.0.2.10", &value);'];
    case 'ifname':
    case 'string':
      return [`const char value[] = "${value.text ?? ''}";`];
    case 'struct':
      return [`struct ${value.struct ?? name} value = { 0 };`];
  }
}

function cOption(name: string, level: string, value: OptionValue, access: 'get' | 'set' | 'both'): string[] {
  if (access === 'get') {
    const type = value.kind === 'struct' ? `struct ${value.struct ?? ''}` : value.kind === 'string' ? 'char' : value.kind === 'u64' ? 'uint64_t' : 'int';
    const declaration = value.kind === 'string' ? `${type} value[256];` : `${type} value;`;
    return [declaration, 'socklen_t length = sizeof value;', `getsockopt(fd, ${level}, ${name}, &value, &length);`];
  }
  const lines = cDeclaration(name, value);
  if (value.kind === 'bool') {
    return [...lines, `setsockopt(fd, ${level}, ${name}, &one, sizeof one);`];
  }
  if (value.kind === 'string' || value.kind === 'ifname') {
    return [...lines, `setsockopt(fd, ${level}, ${name}, value, ${value.kind === 'string' ? 'strlen(value)' : 'sizeof value'});`];
  }
  return [...lines, `setsockopt(fd, ${level}, ${name}, &value, sizeof value);`];
}

function exampleC(entry: ConstantEntry): string | undefined {
  const name = entry.name;
  const usage = entry.usage;
  const triple = socketTriple(entry);
  if (triple !== undefined) {
    const type = triple.type.split('|').join(' | ');
    return `int fd = socket(${triple.family}, ${type}, ${familyProtocol(entry, 'c') ?? triple.protocol ?? '0'});`;
  }
  switch (usage.kind) {
    case 'protocol':
    case 'level': {
      const option = usage.sampleOption === undefined ? undefined : entryFor(usage.sampleOption);
      return option?.usage.kind === 'option' ? cOption(option.name, name, option.usage.value, option.usage.access).join('\n') : undefined;
    }
    case 'option':
      return cOption(name, usage.level, usage.value, usage.access).join('\n');
    case 'option-value':
      return [`int value = ${name};`, `setsockopt(fd, ${usage.level}, ${usage.option}, &value, sizeof value);`].join('\n');
    case 'message-flag':
      if (usage.direction === 'send') {
        return `ssize_t sent = send(fd, data, length, ${name});`;
      }
      if (usage.direction === 'result') {
        return ['ssize_t received = recvmsg(fd, &message, 0);', `if (message.msg_flags & ${name}) {`, '    /* … */', '}'].join('\n');
      }
      return `ssize_t received = recv(fd, buffer, sizeof buffer, ${name});`;
    case 'shutdown':
      return `shutdown(fd, ${name});`;
    case 'ancillary':
      return [
        'for (struct cmsghdr *cmsg = CMSG_FIRSTHDR(&message); cmsg != NULL; cmsg = CMSG_NXTHDR(&message, cmsg)) {',
        `    if (cmsg->cmsg_level == ${usage.level} && cmsg->cmsg_type == ${name}) {`,
        '        /* CMSG_DATA(cmsg) */',
        '    }',
        '}',
      ].join('\n');
    case 'address':
      return usage.family === 'inet'
        ? ['struct sockaddr_in address = { .sin_family = AF_INET, .sin_port = htons(8080) };', `address.sin_addr.s_addr = htonl(${name});`].join('\n')
        : `struct sockaddr_in6 address = { .sin6_family = AF_INET6, .sin6_port = htons(8080), .sin6_addr = ${name} };`;
    case 'addrinfo-flag':
      return [
        `struct addrinfo hints = { .ai_family = AF_UNSPEC, .ai_socktype = SOCK_STREAM, .ai_flags = ${name} };`,
        'struct addrinfo *result;',
        'int rc = getaddrinfo(host, "8080", &hints, &result);',
      ].join('\n');
    case 'nameinfo-flag':
      return [
        'char host[NI_MAXHOST], service[NI_MAXSERV];',
        `int rc = getnameinfo((struct sockaddr *)&address, length, host, sizeof host, service, sizeof service, ${name});`,
      ].join('\n');
    case 'addrinfo-error':
      return [
        'int rc = getaddrinfo(host, service, &hints, &result);',
        `if (rc == ${name})`,
        '    fprintf(stderr, "%s\\n", gai_strerror(rc));',
      ].join('\n');
    case 'errno': {
      const call = C_CALLS[usage.calls[0] ?? ''] ?? 'connect(fd, (struct sockaddr *)&address, length)';
      return [`if (${call} == -1 && errno == ${name}) {`, '    /* … */', '}'].join('\n');
    }
    case 'limit':
      return name === 'SOMAXCONN' || name.startsWith('NI_') ? `${usage.signature};` : undefined;
    default:
      return undefined;
  }
}

// --- Go ----------------------------------------------------------------------------------------

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

function exampleGo(entry: ConstantEntry, match: ScanResult): string | undefined {
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

// --- Rust --------------------------------------------------------------------------------------

function rustValue(value: OptionValue): string[] {
  switch (value.kind) {
    case 'bool':
      return ['let value: libc::c_int = 1;'];
    case 'int':
      return [`let value: libc::c_int = ${value.sample ?? 1};`];
    case 'uchar':
      return [`let value: libc::c_uchar = ${value.sample ?? 1};`];
    case 'u64':
      return [`let value: u64 = ${value.sample ?? 0};`];
    case 'timeval':
      return ['let value = libc::timeval { tv_sec: 5, tv_usec: 0 };'];
    case 'linger':
      return ['let value = libc::linger { l_onoff: 1, l_linger: 0 };'];
    case 'ip_mreq':
      return [
        'let value = libc::ip_mreq {',
        '    imr_multiaddr: libc::in_addr { s_addr: u32::from_ne_bytes([239, 1, 2, 3]) },',
        '    imr_interface: libc::in_addr { s_addr: libc::INADDR_ANY },',
        '};',
      ];
    case 'ipv6_mreq':
      return [
        'let group: std::net::Ipv6Addr = "ff02::fb".parse().unwrap();',
        'let value = libc::ipv6_mreq { ipv6mr_multiaddr: libc::in6_addr { s6_addr: group.octets() }, ipv6mr_interface: 0 };',
      ];
    case 'in_addr':
      return ['let value = libc::in_addr { s_addr: u32::from_ne_bytes([192, 0, 2, 10]) };'];
    case 'ifname':
    case 'string':
      return [`let value = *b"${value.text ?? ''}";`];
    case 'ip_mreq_source':
      return ['let value: libc::ip_mreq_source = unsafe { std::mem::zeroed() };'];
    case 'struct':
      return [`let value: libc::${value.struct ?? 'c_int'} = unsafe { std::mem::zeroed() };`];
  }
}

function rustOption(name: string, level: string, value: OptionValue, access: 'get' | 'set' | 'both'): string {
  if (access === 'get') {
    const type = value.kind === 'struct' ? `libc::${value.struct ?? 'c_int'}` : value.kind === 'u64' ? 'u64' : value.kind === 'string' ? '[u8; 256]' : 'libc::c_int';
    return [
      `let mut value: ${type} = unsafe { std::mem::zeroed() };`,
      'let mut length = std::mem::size_of_val(&value) as libc::socklen_t;',
      'let rc = unsafe {',
      `    libc::getsockopt(fd, libc::${level}, libc::${name},`,
      '        &mut value as *mut _ as *mut libc::c_void, &mut length)',
      '};',
    ].join('\n');
  }
  return [
    ...rustValue(value),
    'let rc = unsafe {',
    `    libc::setsockopt(fd, libc::${level}, libc::${name},`,
    '        &value as *const _ as *const libc::c_void,',
    '        std::mem::size_of_val(&value) as libc::socklen_t)',
    '};',
  ].join('\n');
}

function rustAddress(entry: ConstantEntry): string | undefined {
  const value = entry.values.linux ?? entry.values.macos ?? entry.values.windows;
  const text = value === undefined || typeof value === 'number' ? '' : value.text;
  const known: Readonly<Record<string, string>> = {
    '0.0.0.0': 'let address = std::net::SocketAddr::from((std::net::Ipv4Addr::UNSPECIFIED, 8080));',
    '127.0.0.1': 'let address = std::net::SocketAddr::from((std::net::Ipv4Addr::LOCALHOST, 8080));',
    '255.255.255.255': 'let address = std::net::SocketAddr::from((std::net::Ipv4Addr::BROADCAST, 37020));',
    '::': 'let address = std::net::SocketAddr::from((std::net::Ipv6Addr::UNSPECIFIED, 8080));',
    '::1': 'let address = std::net::SocketAddr::from((std::net::Ipv6Addr::LOCALHOST, 8080));',
  };
  if (known[text] !== undefined) {
    return known[text];
  }
  return /^\d+\.\d+\.\d+\.\d+$/.test(text) ? `let group = std::net::Ipv4Addr::new(${text.split('.').join(', ')});` : undefined;
}

function exampleRust(entry: ConstantEntry): string | undefined {
  const name = entry.name;
  const usage = entry.usage;
  const triple = socketTriple(entry);
  if (triple !== undefined) {
    const type = triple.type.split('|').map((part) => `libc::${part}`).join(' | ');
    const protocol = familyProtocol(entry, 'rust') ?? (triple.protocol === undefined ? '0' : `libc::${triple.protocol}`);
    return `let fd = unsafe { libc::socket(libc::${triple.family}, ${type}, ${protocol}) };`;
  }
  switch (usage.kind) {
    case 'protocol':
    case 'level': {
      const option = usage.sampleOption === undefined ? undefined : entryFor(usage.sampleOption);
      return option?.usage.kind === 'option' ? rustOption(option.name, name, option.usage.value, option.usage.access) : undefined;
    }
    case 'option':
      return rustOption(name, usage.level, usage.value, usage.access);
    case 'option-value':
      return rustOption(usage.option, usage.level, { kind: 'int', sample: 0 }, 'set').replace('= 0;', `= libc::${name};`);
    case 'message-flag':
      if (usage.direction === 'send') {
        return `let sent = unsafe { libc::send(fd, data.as_ptr() as *const libc::c_void, data.len(), libc::${name}) };`;
      }
      if (usage.direction === 'result') {
        return ['let received = unsafe { libc::recvmsg(fd, &mut message, 0) };', `let cut = message.msg_flags & libc::${name} != 0;`].join('\n');
      }
      return `let received = unsafe { libc::recv(fd, buffer.as_mut_ptr() as *mut libc::c_void, buffer.len(), libc::${name}) };`;
    case 'shutdown':
      return `let rc = unsafe { libc::shutdown(fd, libc::${name}) };`;
    case 'ancillary':
      return [
        'let cmsg = unsafe { &*libc::CMSG_FIRSTHDR(&message) };',
        `if cmsg.cmsg_level == libc::${usage.level} && cmsg.cmsg_type == libc::${name} {`,
        '    // libc::CMSG_DATA(cmsg)',
        '}',
      ].join('\n');
    case 'address':
      return rustAddress(entry);
    case 'addrinfo-flag':
      return [
        'let mut hints: libc::addrinfo = unsafe { std::mem::zeroed() };',
        `hints.ai_flags = libc::${name};`,
        'let rc = unsafe { libc::getaddrinfo(host.as_ptr(), service.as_ptr(), &hints, &mut result) };',
      ].join('\n');
    case 'nameinfo-flag':
      return [
        'let rc = unsafe {',
        '    libc::getnameinfo(address, length, host.as_mut_ptr(), host.len() as libc::socklen_t,',
        `        service.as_mut_ptr(), service.len() as libc::socklen_t, libc::${name})`,
        '};',
      ].join('\n');
    case 'addrinfo-error':
      return [
        'let rc = unsafe { libc::getaddrinfo(host.as_ptr(), service.as_ptr(), &hints, &mut result) };',
        `if rc == libc::${name} {`,
        '    // libc::gai_strerror(rc)',
        '}',
      ].join('\n');
    case 'errno':
      return [
        'if let Err(error) = std::net::TcpStream::connect("127.0.0.1:8080") {',
        `    if error.raw_os_error() == Some(libc::${name}) {`,
        '        // …',
        '    }',
        '}',
      ].join('\n');
    case 'limit':
      return name === 'SOMAXCONN' ? 'let rc = unsafe { libc::listen(fd, libc::SOMAXCONN) };' : undefined;
    default:
      return undefined;
  }
}

// ---------------------------------------------------------------------------------------------
// Examples.

function exampleLanguage(documentLanguageId: string, match: ScanResult): ExampleLanguage {
  if (match.kind === 'node-api') {
    return 'javascript';
  }
  switch (documentLanguageId) {
    case 'python':
      return 'python';
    case 'go':
      return 'go';
    case 'rust':
      return 'rust';
    default:
      return 'c';
  }
}

function exampleFor(entry: ConstantEntry, match: ScanResult, language: ExampleLanguage): string | undefined {
  const override = entry.examples?.[language];
  if (override !== undefined) {
    return override;
  }
  switch (language) {
    case 'javascript':
      return match.nodeApi?.example;
    case 'python':
      return examplePython(entry, match);
    case 'go':
      return exampleGo(entry, match);
    case 'rust':
      return exampleRust(entry);
    case 'c':
      return exampleC(entry);
  }
}

function fenceLanguage(language: ExampleLanguage, documentLanguageId: string): string {
  if (language === 'c') {
    return documentLanguageId === 'cpp' ? 'cpp' : 'c';
  }
  return language;
}

// ---------------------------------------------------------------------------------------------
// The hover.

function commandFor(match: ScanResult, labels: HoverLabels): CommandLink | undefined {
  const port = match.host?.port;
  if (match.host === undefined || port === undefined || port === 0) {
    return undefined;
  }
  return { command: OPEN_COMMAND, title: labels.openClient, arguments: [`${match.host.transport}://127.0.0.1:${port}`] };
}

/** The `command:` URI VS Code expects: the JSON argument array, URI-encoded. */
export function commandUri(link: CommandLink): string {
  return `command:${link.command}?${encodeURIComponent(JSON.stringify(link.arguments))}`;
}

function contextLine(match: ScanResult, language: DescriptionLanguage): string | undefined {
  if (match.nodeApi !== undefined) {
    return `${codeSpan(match.text)}: ${escapeMarkdown(match.nodeApi[language])}`;
  }
  if (match.host !== undefined) {
    const host = SPECIAL_HOST_BY_LITERAL.get(match.host.literal);
    return host === undefined ? undefined : `${codeSpan(match.text)}: ${escapeMarkdown(host[language])}`;
  }
  return undefined;
}

export function renderHover(match: ScanResult, entry: ConstantEntry, options: RenderOptions): RenderedHover {
  const { labels, language } = options;
  const text: Description = entry[language];
  const sections: string[] = [];
  sections.push(`**${codeSpan(entry.name)}**${titleValue(entry)} · ${escapeMarkdown(labels.groups[entry.group])}  \n${escapeMarkdown(text.summary)}`);
  const context = contextLine(match, language);
  if (context !== undefined) {
    sections.push(context);
  }
  sections.push(escapeMarkdown(text.meaning));
  sections.push(`**${escapeMarkdown(labels.whenToUse)}:** ${escapeMarkdown(text.when)}`);
  sections.push(`**${escapeMarkdown(labels.pitfall)}:** ${escapeMarkdown(text.pitfall)}`);
  const values = valuesSection(entry, labels);
  if (values !== undefined) {
    sections.push(values);
  }
  const calls = usedWith(entry);
  if (calls.length > 0) {
    sections.push(`**${escapeMarkdown(labels.usedWith)}:** ${calls.map(codeSpan).join('  \n')}`);
  }
  const exampleLanguageId = exampleLanguage(options.documentLanguageId, match);
  const example = exampleFor(entry, match, exampleLanguageId);
  if (example !== undefined) {
    sections.push(`**${escapeMarkdown(labels.example)}**\n\n${codeBlock(fenceLanguage(exampleLanguageId, options.documentLanguageId), example)}`);
  }
  const related = entry.related.filter((name) => CONSTANTS_BY_NAME.has(name));
  if (related.length > 0) {
    sections.push(`**${escapeMarkdown(labels.related)}:** ${related.map(codeSpan).join(', ')}`);
  }
  sections.push(`**${escapeMarkdown(labels.manPage)}:** ${entry.manPages.map(escapeMarkdown).join(', ')}`);
  const command = commandFor(match, labels);
  if (command !== undefined) {
    sections.push(`[${escapeMarkdown(command.title)}](${commandUri(command)})`);
  }
  return { markdown: sections.join('\n\n'), command };
}

// PF_* protocol-family names. <bits/socket.h> defines a PF_ name for every AF_ name (the AF_ ones are
// defined *as* the PF_ ones); macOS <sys/socket.h> does the same for its families, and Windows
// <winsock2.h> defines PF_ names for the classic ones only. The numbers are therefore the AF_ numbers.
// The texts are built from the AF_ entry on purpose: a PF_ name means nothing beyond its AF_ twin,
// and one template keeps the many twins accurate and consistent.
import type { ConstantEntry, Description, PlatformValues } from '../types';
import { FAMILIES } from './families';
import { LEGACY_FAMILIES } from './families-legacy';
import { SPECIAL_FAMILIES } from './families-special';

interface Twin {
  /** The AF_ name this PF_ name is defined from. */
  readonly family: string;
  readonly macos?: boolean;
  readonly windows?: boolean;
  readonly inPython?: boolean;
  /** Extra text for the "when" part, for names that textbooks and RFCs use. */
  readonly en?: string;
  readonly tr?: string;
}

const TWINS: readonly Twin[] = [
  { family: 'AF_UNSPEC', macos: true, windows: true },
  {
    family: 'AF_UNIX', macos: true, windows: true,
    en: 'Older Unix textbooks write `socket(PF_UNIX, SOCK_STREAM, 0)`.',
    tr: 'Eski Unix kitapları `socket(PF_UNIX, SOCK_STREAM, 0)` yazar.',
  },
  { family: 'AF_LOCAL', macos: true },
  { family: 'AF_FILE' },
  {
    family: 'AF_INET', macos: true, windows: true,
    en: 'Many tutorials write `socket(PF_INET, SOCK_STREAM, 0)` and `sin_family = AF_INET`.',
    tr: 'Birçok öğretici `socket(PF_INET, SOCK_STREAM, 0)` ve `sin_family = AF_INET` yazar.',
  },
  { family: 'AF_INET6', macos: true, windows: true },
  { family: 'AF_AX25' },
  { family: 'AF_IPX', macos: true, windows: true },
  { family: 'AF_APPLETALK', macos: true, windows: true },
  { family: 'AF_NETROM' },
  { family: 'AF_BRIDGE' },
  { family: 'AF_ATMPVC' },
  {
    family: 'AF_X25',
    en: 'The x25(7) manual page creates its sockets with `socket(PF_X25, SOCK_SEQPACKET, 0)`.',
    tr: 'x25(7) kılavuz sayfası soketlerini `socket(PF_X25, SOCK_SEQPACKET, 0)` ile açar.',
  },
  { family: 'AF_ROSE' },
  { family: 'AF_DECnet', macos: true, windows: true },
  { family: 'AF_NETBEUI' },
  { family: 'AF_SECURITY' },
  {
    family: 'AF_KEY',
    en: 'RFC 2367 itself spells it `PF_KEY`, with `PF_KEY_V2` as the protocol argument.',
    tr: 'RFC 2367 de `PF_KEY` yazar ve protokol argümanı olarak `PF_KEY_V2` verir.',
  },
  { family: 'AF_NETLINK' },
  { family: 'AF_ROUTE', macos: true },
  { family: 'AF_PACKET', inPython: true },
  { family: 'AF_ASH' },
  { family: 'AF_ECONET' },
  { family: 'AF_ATMSVC' },
  { family: 'AF_RDS', inPython: true },
  { family: 'AF_SNA', macos: true, windows: true },
  { family: 'AF_IRDA' },
  { family: 'AF_PPPOX' },
  { family: 'AF_WANPIPE' },
  { family: 'AF_LLC' },
  { family: 'AF_IB' },
  { family: 'AF_MPLS' },
  { family: 'AF_CAN', inPython: true },
  { family: 'AF_TIPC' },
  { family: 'AF_BLUETOOTH' },
  { family: 'AF_IUCV' },
  { family: 'AF_RXRPC' },
  { family: 'AF_ISDN', macos: true },
  { family: 'AF_PHONET' },
  { family: 'AF_IEEE802154' },
  { family: 'AF_CAIF' },
  { family: 'AF_ALG' },
  { family: 'AF_NFC' },
  { family: 'AF_VSOCK', macos: true },
  { family: 'AF_KCM' },
  { family: 'AF_QIPCRTR' },
  { family: 'AF_SMC' },
  { family: 'AF_XDP' },
  { family: 'AF_MCTP' },
  { family: 'AF_MAX' },
];

const FAMILY_BY_NAME = new Map<string, ConstantEntry>(
  [...FAMILIES, ...LEGACY_FAMILIES, ...SPECIAL_FAMILIES].map((entry) => [entry.name, entry]),
);

function linuxNumber(entry: ConstantEntry): string {
  const value = entry.values.linux;
  return typeof value === 'number' ? String(value) : '?';
}

function englishText(name: string, family: ConstantEntry, twin: Twin): Description {
  return {
    summary: `Protocol-family spelling of ${family.name}: ${family.en.summary}`,
    meaning: `\`${name}\` is the protocol-family name for \`${family.name}\` (${family.en.summary}). The headers define both as the same number (${linuxNumber(family)} on Linux).`,
    when: [
      `Anywhere \`${family.name}\` is accepted (for socket families, the domain argument of \`socket()\`) in code that follows the old PF_/AF_ convention; new code writes \`${family.name}\`.`,
      twin.en,
    ].filter((part) => part !== undefined).join(' '),
    pitfall: `BSD planned separate protocol and address families but never used the split, so mixing the names is harmless; POSIX only specifies AF_ names, so a PF_ spelling can be missing elsewhere. Everything about \`${family.name}\` applies too: ${family.en.pitfall}`,
  };
}

function turkishText(name: string, family: ConstantEntry, twin: Twin): Description {
  return {
    summary: `${family.name} için protokol ailesi (protocol family) yazımı: ${family.tr.summary}`,
    meaning: `\`${name}\`, \`${family.name}\` için protokol ailesi adıdır (${family.tr.summary}). Başlıklar ikisini aynı sayıya tanımlar (Linux'ta ${linuxNumber(family)}).`,
    when: [
      `Eski PF_/AF_ geleneğini izleyen kodda \`${family.name}\` kabul edilen her yerde (soket aileleri için \`socket()\` çağrısının alan / domain argümanı); yeni kodda \`${family.name}\` yazın.`,
      twin.tr,
    ].filter((part) => part !== undefined).join(' '),
    pitfall: `BSD protokol ailesi ile adres ailesini ayırmayı planladı ama bu ayrımı hiç kullanmadı; adları karıştırmak zararsızdır. POSIX yalnızca AF_ adlarını tanımlar, PF_ yazımı başka sistemlerde eksik olabilir. \`${family.name}\` için söylenen her şey burada da geçerlidir: ${family.tr.pitfall}`,
  };
}

function valuesOf(family: ConstantEntry, twin: Twin): PlatformValues {
  return {
    linux: family.values.linux,
    macos: twin.macos === true ? family.values.macos : undefined,
    windows: twin.windows === true ? family.values.windows : undefined,
  };
}

function protocolFamily(twin: Twin): ConstantEntry {
  const family = FAMILY_BY_NAME.get(twin.family);
  if (family === undefined) {
    throw new Error(`protocol-families: no family entry ${twin.family}`);
  }
  const name = `PF_${twin.family.slice(3)}`;
  const values = valuesOf(family, twin);
  return {
    name,
    group: family.group === 'limit' ? 'limit' : 'protocol-family',
    values,
    spelling: undefined,
    unverified: family.unverified?.filter((platform) => values[platform] !== undefined),
    unrecorded: family.unrecorded?.filter((platform) => platform === 'linux' || twin[platform] === true),
    aliasOf: family.name,
    notInPython: twin.inPython !== true,
    usage: family.usage,
    related: [family.name],
    manPages: family.manPages,
    en: englishText(name, family, twin),
    tr: turkishText(name, family, twin),
  };
}

export const PROTOCOL_FAMILIES: readonly ConstantEntry[] = TWINS.map(protocolFamily);

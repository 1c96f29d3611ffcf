// Types shared by the socket-constant table, the scanner and the renderer.
// Plain data only: nothing here may import vscode, so all of it runs under plain Node tests.

/** The platforms whose headers the table records values from. */
export type Platform = 'linux' | 'macos' | 'windows';

export const PLATFORMS: readonly Platform[] = ['linux', 'macos', 'windows'];

/** What kind of constant an entry is; the renderer names it in the title. */
export type ConstantGroup =
  | 'family'
  | 'protocol-family'
  | 'type'
  | 'level'
  | 'protocol'
  | 'socket-option'
  | 'ip-option'
  | 'ipv6-option'
  | 'tcp-option'
  | 'option-value'
  | 'message-flag'
  | 'shutdown'
  | 'ancillary'
  | 'address'
  | 'addrinfo-flag'
  | 'nameinfo-flag'
  | 'addrinfo-error'
  | 'errno'
  | 'limit'
  | 'go-network';

export const CONSTANT_GROUPS: readonly ConstantGroup[] = [
  'family', 'protocol-family', 'type', 'level', 'protocol', 'socket-option', 'ip-option', 'ipv6-option',
  'tcp-option', 'option-value', 'message-flag', 'shutdown', 'ancillary', 'address', 'addrinfo-flag',
  'nameinfo-flag', 'addrinfo-error', 'errno', 'limit', 'go-network',
];

/** An address constant: its number in host byte order where the C macro is a number, and its written form. */
export interface AddressValue {
  readonly numeric?: number;
  readonly text: string;
}

export type ConstantValue = number | AddressValue;

/** A missing platform means the constant does not exist there (see ConstantEntry.unrecorded for the exception). */
export interface PlatformValues {
  readonly linux?: ConstantValue;
  readonly macos?: ConstantValue;
  readonly windows?: ConstantValue;
}

/** One language's text for an entry. `code spans` are kept; everything else is escaped when rendered. */
export interface Description {
  /** One line for the hover title. */
  readonly summary: string;
  /** What the constant means. */
  readonly meaning: string;
  /** When you use it. */
  readonly when: string;
  /** The mistake people make with it. */
  readonly pitfall: string;
}

export type DescriptionLanguage = 'en' | 'tr';

/** How a socket option's value is passed; drives the generated example. */
export type OptionValueKind =
  | 'bool'
  | 'int'
  | 'u64'
  | 'uchar'
  | 'timeval'
  | 'linger'
  | 'ip_mreq'
  | 'ip_mreq_source'
  | 'ipv6_mreq'
  | 'in_addr'
  | 'ifname'
  | 'string'
  | 'struct';

export interface OptionValue {
  readonly kind: OptionValueKind;
  /** A sensible number to show in the example for 'int'/'u64'/'uchar'. */
  readonly sample?: number;
  /** The C struct for 'struct' (e.g. 'tcp_info', 'ucred'). */
  readonly struct?: string;
  /** The text for 'string'/'ifname' examples (e.g. 'cubic', 'eth0'). */
  readonly text?: string;
}

/** Where a constant goes in a call, in language-neutral terms; the renderer turns it into "Used with" and an example. */
export type Usage =
  | { readonly kind: 'socket-domain' }
  /** `flag` marks SOCK_NONBLOCK/SOCK_CLOEXEC, which are ORed into the type argument. */
  | { readonly kind: 'socket-type'; readonly flag?: boolean }
  /**
   * IPPROTO_*: the protocol argument of socket() (`socketType`, `family`) and/or the level of
   * setsockopt() (`sampleOption`); neither for header numbers that only appear inside packets.
   */
  | {
    readonly kind: 'protocol';
    readonly socketType?: string;
    readonly family?: string;
    readonly sampleOption?: string;
  }
  | { readonly kind: 'level'; readonly sampleOption?: string }
  | {
    readonly kind: 'option';
    readonly level: string;
    readonly value: OptionValue;
    readonly access: 'get' | 'set' | 'both';
  }
  /** A value given to another option (e.g. IP_PMTUDISC_DO for IP_MTU_DISCOVER). */
  | { readonly kind: 'option-value'; readonly level: string; readonly option: string }
  /** `result` marks flags the kernel reports back in msghdr.msg_flags. */
  | { readonly kind: 'message-flag'; readonly direction: 'send' | 'receive' | 'both' | 'result' }
  | { readonly kind: 'shutdown' }
  | { readonly kind: 'ancillary'; readonly level: string; readonly direction: 'send' | 'receive' | 'both' }
  | { readonly kind: 'address'; readonly family: 'inet' | 'inet6' }
  | { readonly kind: 'addrinfo-flag' }
  | { readonly kind: 'nameinfo-flag' }
  | { readonly kind: 'addrinfo-error' }
  /** `calls` are the calls that typically fail with it; `pythonException` is the OSError subclass Python raises. */
  | { readonly kind: 'errno'; readonly calls: readonly string[]; readonly pythonException?: string }
  /** A size or default; `signature` is a language-neutral code line that shows where it goes. */
  | { readonly kind: 'limit'; readonly signature: string }
  | {
    readonly kind: 'go-network';
    readonly family: string;
    readonly type?: string;
    readonly protocol?: string;
  };

export type UsageKind = Usage['kind'];

/** Languages the renderer writes examples in; every other document language gets C. */
export type ExampleLanguage = 'python' | 'c' | 'go' | 'rust' | 'javascript';

export interface ConstantEntry {
  readonly name: string;
  readonly group: ConstantGroup;
  readonly values: PlatformValues;
  /** The constant's name on a platform where it is spelled differently (WSAECONNREFUSED, SD_SEND). */
  readonly spelling?: { readonly macos?: string; readonly windows?: string };
  /** Platforms where the value comes from memory of the headers rather than a checked header. */
  readonly unverified?: readonly Platform[];
  /** Platforms where the constant exists but the table does not record its value. */
  readonly unrecorded?: readonly Platform[];
  /** Why a value is unverified, unrecorded or architecture-dependent (for maintainers; not shown). */
  readonly valueNote?: string;
  /** The name this one is an alias of (PF_INET → AF_INET, EWOULDBLOCK → EAGAIN). */
  readonly aliasOf?: string;
  /** True when Python's socket/errno module on Linux does not export the name. */
  readonly notInPython?: boolean;
  readonly usage: Usage;
  /** A language-neutral "Used with" line where the one generated from `usage` would be wrong. */
  readonly usedWith?: string;
  /** Names that exist in the table. */
  readonly related: readonly string[];
  /** e.g. 'socket(7)', 'getaddrinfo(3)'. */
  readonly manPages: readonly string[];
  readonly en: Description;
  readonly tr: Description;
  /** Hand-written examples where the generated one would be wrong or unhelpful. */
  readonly examples?: Partial<Record<ExampleLanguage, string>>;
}

/** How a Node.js API maps to a socket constant (reuseAddr → SO_REUSEADDR). */
export interface NodeApiMapping {
  /** The method name or the options key as written in JavaScript. */
  readonly api: string;
  /** 'method': `.setNoDelay(`; 'option': `{ reuseAddr: true }` inside one of `calls`. */
  readonly form: 'method' | 'option';
  /** For 'option': the calls whose options object may hold the key. */
  readonly calls?: readonly string[];
  readonly constant: string;
  readonly example: string;
  readonly en: string;
  readonly tr: string;
}

/** A Python host literal with a special meaning ('' and '<broadcast>'). */
export interface SpecialHost {
  /** The string's content, without quotes. */
  readonly literal: string;
  readonly constant: string;
  readonly en: string;
  readonly tr: string;
}

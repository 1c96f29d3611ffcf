/**
 * Query options of the address syntax (`?noDelay=1&ttl=4`): which exist, where each applies, how
 * values are read and checked. spec.ts parses and formats the rest of a spec.
 */
import { isIPv4, isIPv6 } from 'node:net';
import { EngineError, withReason, type EngineErrorData, type OptionErrorReason } from './shared/errors';
import { isMulticastAddress } from './hostPort';
import { percentDecode } from './percent';
import { FRAMING_MODES, LENGTH_FORMATS, TLS_VERSIONS, type Role, type SpecOptions, type Transport } from './shared/types';

// ---------------------------------------------------------------------------------------------
// Options

type OptionKind = 'boolean' | 'integer' | 'family' | 'groups' | 'interface' | 'text' | 'servername' | 'protocols' | 'tlsVersion' | 'choice' | 'hex';

export interface OptionRule {
  readonly name: keyof SpecOptions;
  readonly kind: OptionKind;
  readonly min?: number;
  readonly max?: number;
  readonly unit?: string;
  /** The words a `choice` option takes. */
  readonly choices?: readonly string[];
  /** Where the option makes sense, for the error message. */
  readonly where: string;
  readonly applies: (transport: Transport, role: Role) => boolean;
}

// setTimeout and libuv take a signed 32-bit int; larger values would fire at once or overflow.
export const MAX_INT32 = 2147483647;
const isIp = (transport: Transport): boolean => transport === 'tcp' || transport === 'udp' || transport === 'tls';
export const isStream = (transport: Transport): boolean => transport === 'tcp' || transport === 'unix' || transport === 'tls';
/** TCP and TLS over TCP: where the TCP socket options apply. */
const isTcp = (transport: Transport): boolean => transport === 'tcp' || transport === 'tls';
const isTls = (transport: Transport): boolean => transport === 'tls';
/** Longest `delimiter=` in bytes, and the largest `size=` and offset (the framer's 16 MiB maximum). */
export const MAX_DELIMITER_BYTES = 64;
export const MAX_FRAME_OPTION = 16 * 1024 * 1024;
const STREAMS = 'TCP, TLS and UNIX stream sockets';

/** In canonical order: `format` writes options in this order. */
export const OPTION_RULES: readonly OptionRule[] = [
  { name: 'family', kind: 'family', where: 'TCP and UDP sockets', applies: (transport) => isIp(transport) },
  {
    name: 'reuseAddress',
    kind: 'boolean',
    where: 'tcp-listen, tls-listen and udp-listen',
    applies: (transport, role) => isIp(transport) && role === 'listen',
  },
  {
    name: 'ipv6Only',
    kind: 'boolean',
    where: 'tcp-listen, tls-listen and UDP sockets',
    applies: (transport, role) => transport === 'udp' || (isTcp(transport) && role === 'listen'),
  },
  { name: 'broadcast', kind: 'boolean', where: 'UDP sockets', applies: (transport) => transport === 'udp' },
  { name: 'noDelay', kind: 'boolean', where: 'TCP and TLS sockets', applies: isTcp },
  { name: 'keepAlive', kind: 'boolean', where: 'TCP and TLS sockets', applies: isTcp },
  {
    name: 'keepAliveDelay',
    kind: 'integer',
    min: 0,
    max: MAX_INT32,
    unit: 'milliseconds',
    where: 'TCP and TLS sockets',
    applies: isTcp,
  },
  {
    name: 'allowHalfOpen',
    kind: 'boolean',
    where: 'TCP, TLS and UNIX stream sockets',
    applies: (transport) => isStream(transport),
  },
  // libuv's uv_udp_set_ttl refuses 0, so the range starts at 1 (multicast TTL 0 is valid: host only).
  { name: 'ttl', kind: 'integer', min: 1, max: 255, where: 'UDP sockets', applies: (transport) => transport === 'udp' },
  // Joining a group only helps a socket bound to the group's port, so only udp-listen joins.
  {
    name: 'multicast',
    kind: 'groups',
    where: 'udp-listen',
    applies: (transport, role) => transport === 'udp' && role === 'listen',
  },
  { name: 'multicastTtl', kind: 'integer', min: 0, max: 255, where: 'UDP sockets', applies: (transport) => transport === 'udp' },
  { name: 'multicastLoopback', kind: 'boolean', where: 'UDP sockets', applies: (transport) => transport === 'udp' },
  { name: 'multicastInterface', kind: 'interface', where: 'UDP sockets', applies: (transport) => transport === 'udp' },
  {
    name: 'timeout',
    kind: 'integer',
    min: 1,
    max: MAX_INT32,
    unit: 'milliseconds',
    where: 'tcp, tls and unix clients',
    applies: (transport, role) => isStream(transport) && role === 'connect',
  },
  {
    name: 'backlog',
    kind: 'integer',
    min: 0,
    max: MAX_INT32,
    where: 'tcp-listen, tls-listen and unix-listen',
    applies: (transport, role) => isStream(transport) && role === 'listen',
  },
  // Message framing (framing.ts, framingOptions.ts checks that the options fit together).
  { name: 'framing', kind: 'choice', choices: FRAMING_MODES, where: STREAMS, applies: (transport) => isStream(transport) },
  { name: 'delimiter', kind: 'hex', max: MAX_DELIMITER_BYTES, where: STREAMS, applies: (transport) => isStream(transport) },
  { name: 'length', kind: 'choice', choices: LENGTH_FORMATS, where: STREAMS, applies: (transport) => isStream(transport) },
  { name: 'lengthOffset', kind: 'integer', min: 0, max: MAX_FRAME_OPTION, where: STREAMS, applies: (transport) => isStream(transport) },
  { name: 'lengthAdjust', kind: 'integer', min: -MAX_FRAME_OPTION, max: MAX_FRAME_OPTION, where: STREAMS, applies: (transport) => isStream(transport) },
  { name: 'lengthIncludesHeader', kind: 'boolean', where: STREAMS, applies: (transport) => isStream(transport) },
  { name: 'size', kind: 'integer', min: 1, max: MAX_FRAME_OPTION, where: STREAMS, applies: (transport) => isStream(transport) },
  { name: 'prefix', kind: 'boolean', where: STREAMS, applies: (transport) => isStream(transport) },
  {
    name: 'removeStale',
    kind: 'boolean',
    where: 'unix-listen and unix-dgram-listen',
    applies: (transport, role) => (transport === 'unix' || transport === 'unix-dgram') && role === 'listen',
  },
  { name: 'servername', kind: 'servername', where: 'tls clients', applies: (transport, role) => isTls(transport) && role === 'connect' },
  { name: 'alpn', kind: 'protocols', where: 'TLS sockets', applies: isTls },
  { name: 'ca', kind: 'text', where: 'TLS sockets', applies: isTls },
  { name: 'cert', kind: 'text', where: 'TLS sockets', applies: isTls },
  { name: 'key', kind: 'text', where: 'TLS sockets', applies: isTls },
  { name: 'minVersion', kind: 'tlsVersion', where: 'TLS sockets', applies: isTls },
  { name: 'maxVersion', kind: 'tlsVersion', where: 'TLS sockets', applies: isTls },
  { name: 'requestCert', kind: 'boolean', where: 'tls-listen', applies: (transport, role) => isTls(transport) && role === 'listen' },
  { name: 'insecure', kind: 'boolean', where: 'TLS sockets', applies: isTls },
];

/** Option names in canonical order. */
export const SPEC_OPTION_NAMES: readonly (keyof SpecOptions)[] = OPTION_RULES.map((rule) => rule.name);

const RULES_BY_LOWER_NAME: ReadonlyMap<string, OptionRule> = new Map(OPTION_RULES.map((rule) => [rule.name.toLowerCase(), rule]));

const BOOLEAN_WORDS: ReadonlyMap<string, boolean> = new Map([
  ['1', true],
  ['true', true],
  ['yes', true],
  ['on', true],
  ['0', false],
  ['false', false],
  ['no', false],
  ['off', false],
]);

export function optionError(name: string, reason: OptionErrorReason, message: string, value?: string, extra: EngineErrorData = {}): EngineError {
  const data = value === undefined ? { option: name, ...extra } : { option: name, value, ...extra };
  return new EngineError('SPEC_OPTION', `option '${name}' ${message}`, withReason(reason, data));
}

/** The range a number option takes, for the sentence the extension builds. */
function rangeData(rule: OptionRule): EngineErrorData {
  return { min: rule.min ?? 0, max: rule.max ?? MAX_INT32, ...(rule.unit === undefined ? {} : { unit: rule.unit }) };
}

function numberRangeText(rule: OptionRule): string {
  return `a whole number${rule.unit === undefined ? '' : ` of ${rule.unit}`} ${rule.min ?? 0}–${rule.max ?? MAX_INT32}`;
}

export function ipFamily(address: string): 4 | 6 | undefined {
  if (isIPv4(address)) {
    return 4;
  }
  const percent = address.indexOf('%');
  return isIPv6(percent < 0 ? address : address.slice(0, percent)) ? 6 : undefined;
}

/** Converts one query value to its typed form; range checks happen later, on typed values too. */
function convertOption(rule: OptionRule, text: string | undefined): SpecOptions[keyof SpecOptions] {
  switch (rule.kind) {
    case 'boolean': {
      // A bare flag (`?noDelay`) means on.
      const value = text === undefined ? true : BOOLEAN_WORDS.get(text.toLowerCase());
      if (value === undefined) {
        throw optionError(rule.name, 'option-boolean', `must be 1/0, true/false, yes/no or on/off, not '${text}'`, text);
      }
      return value;
    }
    case 'integer':
      // Signed only where the range goes below 0 (lengthAdjust=-2, lengthAdjust=+2).
      if (text === undefined || !((rule.min ?? 0) < 0 ? /^[+-]?\d+$/ : /^\d+$/).test(text)) {
        throw optionError(rule.name, 'option-integer', `must be ${numberRangeText(rule)}, not '${text ?? ''}'`, text, rangeData(rule));
      }
      return Number(text);
    case 'family':
      if (text !== '4' && text !== '6') {
        throw optionError(rule.name, 'option-family', `must be 4 or 6, not '${text ?? ''}'`, text);
      }
      return text === '4' ? 4 : 6;
    case 'groups':
      if (text === undefined || text === '') {
        throw optionError(rule.name, 'multicast-group-missing', 'needs a group address, like multicast=239.1.2.3', text);
      }
      return text.split(',');
    case 'interface':
      return text ?? '';
    case 'text':
    case 'servername':
      if (text === undefined || text === '') {
        throw optionError(rule.name, 'option-text-empty', 'needs a value', text);
      }
      return text;
    case 'protocols':
      return text === undefined ? [] : text.split(',');
    case 'tlsVersion': {
      const version = TLS_VERSIONS.find((candidate) => candidate.toLowerCase() === (text ?? '').toLowerCase());
      if (version === undefined) {
        throw optionError(rule.name, 'option-tls-version', `must be ${TLS_VERSIONS.join(', ')}, not '${text ?? ''}'`, text, { versions: TLS_VERSIONS.join(',') });
      }
      return version;
    }
    case 'choice':
      return text ?? '';
    case 'hex':
      return (text ?? '').replace(/[\s:]/g, '').toLowerCase();
  }
}

/** Checks the value of each option (type and range), whichever way the options were made. */
export function checkOptionValues(options: SpecOptions): void {
  for (const [name, value] of Object.entries(options) as Array<[string, unknown]>) {
    if (value === undefined) {
      continue;
    }
    const rule = RULES_BY_LOWER_NAME.get(name.toLowerCase());
    if (rule === undefined || rule.name !== name) {
      throw unknownOption(name);
    }
    const shown = Array.isArray(value) ? value.join(',') : String(value);
    switch (rule.kind) {
      case 'boolean':
        if (typeof value !== 'boolean') {
          throw optionError(name, 'option-boolean-type', `must be true or false, not '${shown}'`, shown);
        }
        break;
      case 'integer':
        if (typeof value !== 'number' || !Number.isInteger(value) || value < (rule.min ?? 0) || value > (rule.max ?? MAX_INT32)) {
          throw optionError(name, 'option-integer', `must be ${numberRangeText(rule)}, not '${shown}'`, shown, rangeData(rule));
        }
        break;
      case 'family':
        if (value !== 4 && value !== 6) {
          throw optionError(name, 'option-family', `must be 4 or 6, not '${shown}'`, shown);
        }
        break;
      case 'groups':
        checkGroups(value);
        break;
      case 'text':
        if (typeof value !== 'string' || value === '') {
          throw optionError(name, 'option-text-empty', 'needs a value', shown);
        }
        break;
      case 'servername':
        if (typeof value !== 'string' || value === '') {
          throw optionError(name, 'option-text-empty', 'needs a value', shown);
        }
        if (ipFamily(value) !== undefined) {
          throw optionError(name, 'option-servername-ip', `must be a host name: SNI cannot carry the IP address '${value}'`, value);
        }
        break;
      case 'protocols':
        checkProtocols(value);
        break;
      case 'tlsVersion':
        if (typeof value !== 'string' || !(TLS_VERSIONS as readonly string[]).includes(value)) {
          throw optionError(name, 'option-tls-version', `must be ${TLS_VERSIONS.join(', ')}, not '${shown}'`, shown, { versions: TLS_VERSIONS.join(',') });
        }
        break;
      case 'choice':
        if (typeof value !== 'string' || !(rule.choices ?? []).includes(value)) {
          const choices = (rule.choices ?? []).join(', ');
          throw optionError(name, 'option-choice', `must be one of ${choices}, not '${shown}'`, shown, { choices: (rule.choices ?? []).join(',') });
        }
        break;
      case 'hex':
        if (typeof value !== 'string' || !/^(?:[0-9a-f]{2})+$/.test(value) || value.length / 2 > (rule.max ?? MAX_DELIMITER_BYTES)) {
          throw optionError(name, 'option-hex', `must be 1–${rule.max ?? MAX_DELIMITER_BYTES} bytes as hex digits, like 0d0a, not '${shown}'`, shown, {
            max: rule.max ?? MAX_DELIMITER_BYTES,
          });
        }
        break;
      case 'interface':
        if (typeof value !== 'string' || ipFamily(value) === undefined) {
          throw optionError(
            name,
            'option-interface',
            `must be the IP address of a local interface, like 192.168.1.2 or ::%eth0, not '${shown}'`,
            shown,
          );
        }
        break;
    }
  }
}

/** Checks the TLS options together: a version range that is empty, a certificate without its key. */
export function checkTlsOptions(options: SpecOptions): void {
  const { minVersion, maxVersion } = options;
  if (minVersion !== undefined && maxVersion !== undefined && TLS_VERSIONS.indexOf(minVersion) > TLS_VERSIONS.indexOf(maxVersion)) {
    throw optionError('minVersion', 'option-tls-version-order', `${minVersion} is above maxVersion ${maxVersion}`, minVersion, { max: maxVersion });
  }
  if ((options.cert === undefined) !== (options.key === undefined)) {
    const [given, missing] = options.cert === undefined ? ['key', 'cert'] : ['cert', 'key'];
    throw optionError(given, 'option-cert-key-pair', `needs ${missing}= too`, undefined, { missing });
  }
}

/** ALPN names are 1–255 bytes each (RFC 7301). */
function checkProtocols(value: unknown): void {
  if (!Array.isArray(value) || value.length === 0) {
    throw optionError('alpn', 'option-alpn', "needs at least one protocol, like alpn=h2,http/1.1", '');
  }
  for (const protocol of value as unknown[]) {
    if (typeof protocol !== 'string' || protocol === '' || Buffer.byteLength(protocol) > 255) {
      throw optionError('alpn', 'option-alpn', `has '${String(protocol)}': each protocol name is 1 to 255 bytes`, String(protocol));
    }
  }
}

function checkGroups(value: unknown): void {
  if (!Array.isArray(value) || value.length === 0) {
    throw optionError('multicast', 'multicast-group-missing', 'needs at least one group address, like multicast=239.1.2.3');
  }
  const seen = new Set<string>();
  for (const group of value as unknown[]) {
    if (typeof group !== 'string' || group === '') {
      throw optionError('multicast', 'multicast-group-empty', 'has an empty group address', '');
    }
    if (!isMulticastAddress(group)) {
      throw optionError('multicast', 'multicast-group-invalid', `has '${group}', which is not a multicast address (224.0.0.0/4 or ff00::/8)`, group);
    }
    if (seen.has(group)) {
      throw optionError('multicast', 'multicast-group-repeated', `lists the group '${group}' twice`, group);
    }
    seen.add(group);
  }
}

function unknownOption(name: string): EngineError {
  return new EngineError(
    'SPEC_OPTION',
    `unknown option '${name}': the options are ${SPEC_OPTION_NAMES.join(', ')}`,
    withReason('option-unknown', { option: name }),
  );
}

/** Reads `a=1&b=2`. Keys match case-insensitively; `multicast` may repeat, other options may not. */
export function parseQuery(query: string): SpecOptions {
  const options: Record<string, unknown> = {};
  for (const segment of query.split('&')) {
    if (segment === '') {
      continue;
    }
    const equals = segment.indexOf('=');
    const rawKey = equals < 0 ? segment : segment.slice(0, equals);
    const key = percentDecode(rawKey) ?? rawKey;
    const rawValue = equals < 0 ? undefined : segment.slice(equals + 1);
    const value = rawValue === undefined ? undefined : percentDecode(rawValue);
    const rule = RULES_BY_LOWER_NAME.get(key.toLowerCase());
    if (rule === undefined) {
      throw unknownOption(key);
    }
    if (rawValue !== undefined && value === undefined) {
      throw optionError(rule.name, 'option-escape', `has a percent escape that is not UTF-8: '${rawValue}'`, rawValue);
    }
    const converted = convertOption(rule, value);
    const previous = options[rule.name];
    if (previous !== undefined) {
      if (rule.kind !== 'groups') {
        throw optionError(rule.name, 'option-repeated', 'is given twice', value);
      }
      options[rule.name] = [...(previous as string[]), ...(converted as string[])];
    } else {
      options[rule.name] = converted;
    }
  }
  return options as SpecOptions;
}

/**
 * Service names for ports (`localhost:http`), looked up per protocol the way getservbyname(3) does:
 * `ssh` is a TCP service only, `ntp` a UDP one. The system's services file is read once and cached;
 * a built-in table covers systems without one and names the file lacks.
 */
import { readFileSync } from 'node:fs';

export type ServiceProtocol = 'tcp' | 'udp';

export interface ServiceEntry {
  readonly name: string;
  readonly port: number;
  readonly protocol: ServiceProtocol;
  readonly aliases: readonly string[];
}

/** Where names come from. Injected in tests; `systemServices()` is the default everywhere else. */
export interface ServiceTable {
  /** `'file'` when the services file was read, `'built-in'` when only the built-in table is used. */
  readonly source: 'file' | 'built-in';
  /** The port of a service name or alias (case-insensitive), or undefined when the protocol lacks it. */
  lookup(name: string, protocol: ServiceProtocol): number | undefined;
  /** The official name of the service on a port, for hovers and labels. */
  nameOf(port: number, protocol: ServiceProtocol): string | undefined;
}

function entry(name: string, port: number, protocols: readonly ServiceProtocol[], aliases: readonly string[] = []): ServiceEntry[] {
  return protocols.map((protocol) => ({ name, port, protocol, aliases }));
}

/**
 * The services a socket primer meets, with the protocol membership of Debian's /etc/services (itself
 * from the IANA registry): `http` is TCP only there, `https` is both because of HTTP/3.
 */
export const BUILT_IN_SERVICES: readonly ServiceEntry[] = [
  ...entry('echo', 7, ['tcp', 'udp']),
  ...entry('discard', 9, ['tcp', 'udp'], ['sink', 'null']),
  ...entry('daytime', 13, ['tcp', 'udp']),
  ...entry('qotd', 17, ['tcp'], ['quote']),
  ...entry('chargen', 19, ['tcp', 'udp'], ['ttytst', 'source']),
  ...entry('ftp-data', 20, ['tcp']),
  ...entry('ftp', 21, ['tcp']),
  ...entry('ssh', 22, ['tcp']),
  ...entry('telnet', 23, ['tcp']),
  ...entry('smtp', 25, ['tcp'], ['mail']),
  ...entry('time', 37, ['tcp', 'udp'], ['timserver']),
  ...entry('domain', 53, ['tcp', 'udp']),
  ...entry('bootps', 67, ['udp']),
  ...entry('bootpc', 68, ['udp']),
  ...entry('tftp', 69, ['udp']),
  ...entry('http', 80, ['tcp'], ['www']),
  ...entry('kerberos', 88, ['tcp', 'udp'], ['kerberos5', 'krb5', 'kerberos-sec']),
  ...entry('pop3', 110, ['tcp'], ['pop-3']),
  ...entry('ntp', 123, ['udp']),
  ...entry('netbios-ns', 137, ['udp']),
  ...entry('netbios-dgm', 138, ['udp']),
  ...entry('netbios-ssn', 139, ['tcp']),
  ...entry('imap2', 143, ['tcp'], ['imap']),
  ...entry('snmp', 161, ['tcp', 'udp']),
  ...entry('snmp-trap', 162, ['tcp', 'udp'], ['snmptrap']),
  ...entry('ldap', 389, ['tcp', 'udp']),
  ...entry('https', 443, ['tcp', 'udp']),
  ...entry('microsoft-ds', 445, ['tcp']),
  ...entry('isakmp', 500, ['udp']),
  ...entry('syslog', 514, ['udp']),
  ...entry('printer', 515, ['tcp'], ['spooler']),
  ...entry('submission', 587, ['tcp']),
  ...entry('ipp', 631, ['tcp']),
  ...entry('ldaps', 636, ['tcp', 'udp']),
  ...entry('domain-s', 853, ['tcp', 'udp']),
  ...entry('rsync', 873, ['tcp']),
  ...entry('imaps', 993, ['tcp']),
  ...entry('pop3s', 995, ['tcp']),
  ...entry('socks', 1080, ['tcp']),
  ...entry('openvpn', 1194, ['tcp', 'udp']),
  ...entry('nfs', 2049, ['tcp', 'udp']),
  ...entry('mysql', 3306, ['tcp']),
  ...entry('sip', 5060, ['tcp', 'udp']),
  ...entry('sip-tls', 5061, ['tcp', 'udp']),
  ...entry('mdns', 5353, ['udp']),
  ...entry('postgresql', 5432, ['tcp'], ['postgres']),
  ...entry('amqp', 5672, ['tcp']),
  ...entry('redis', 6379, ['tcp']),
  ...entry('http-alt', 8080, ['tcp'], ['webcache']),
];

/**
 * Reads services(5) text: `name port/protocol [aliases...] [# comment]`. Lines for other protocols
 * (ddp, sctp) and malformed lines are skipped, as getservbyname skips them.
 */
export function parseServicesText(text: string): ServiceEntry[] {
  const entries: ServiceEntry[] = [];
  for (const rawLine of text.split(/\r?\n/)) {
    const hash = rawLine.indexOf('#');
    const line = hash >= 0 ? rawLine.slice(0, hash) : rawLine;
    const fields = line.trim().split(/\s+/).filter((field) => field.length > 0);
    if (fields.length < 2) {
      continue;
    }
    const match = /^(\d+)\/([A-Za-z]+)$/.exec(fields[1]);
    if (match === null) {
      continue;
    }
    const port = Number(match[1]);
    const protocol = match[2].toLowerCase();
    if (port > 65535 || (protocol !== 'tcp' && protocol !== 'udp')) {
      continue;
    }
    entries.push({ name: fields[0], port, protocol, aliases: fields.slice(2) });
  }
  return entries;
}

function key(name: string, protocol: ServiceProtocol): string {
  return `${name.toLowerCase()}/${protocol}`;
}

/**
 * Builds a table from entries. The first entry for a name wins, as in getservbyname. Names missing
 * from `entries` fall through to `fallback`, so a sparse services file still knows `redis`.
 */
export function createServiceTable(
  entries: readonly ServiceEntry[],
  source: ServiceTable['source'],
  fallback?: ServiceTable,
): ServiceTable {
  const ports = new Map<string, number>();
  const names = new Map<string, string>();
  for (const item of entries) {
    for (const name of [item.name, ...item.aliases]) {
      const nameKey = key(name, item.protocol);
      if (!ports.has(nameKey)) {
        ports.set(nameKey, item.port);
      }
    }
    const portKey = `${item.port}/${item.protocol}`;
    if (!names.has(portKey)) {
      names.set(portKey, item.name);
    }
  }
  return {
    source,
    lookup: (name, protocol) => ports.get(key(name, protocol)) ?? fallback?.lookup(name, protocol),
    nameOf: (port, protocol) => names.get(`${port}/${protocol}`) ?? fallback?.nameOf(port, protocol),
  };
}

export const builtInServices: ServiceTable = createServiceTable(BUILT_IN_SERVICES, 'built-in');

/** A table from services(5) text, with the built-in table behind it. */
export function servicesFromText(text: string): ServiceTable {
  return createServiceTable(parseServicesText(text), 'file', builtInServices);
}

/** Where the operating system keeps services(5). */
export function defaultServicesPath(platform: NodeJS.Platform = process.platform): string {
  if (platform === 'win32') {
    return `${process.env.SystemRoot ?? 'C:\\Windows'}\\System32\\drivers\\etc\\services`;
  }
  return '/etc/services';
}

/** Reads a services file; an unreadable or missing file means the built-in table alone. */
export function loadServices(
  path: string = defaultServicesPath(),
  readFile: (path: string) => string = (filePath) => readFileSync(filePath, 'utf8'),
): ServiceTable {
  let text: string;
  try {
    text = readFile(path);
  } catch {
    return builtInServices;
  }
  return servicesFromText(text);
}

let systemTable: ServiceTable | undefined;

/** The system's table, read on first use and cached for the life of the process. */
export function systemServices(): ServiceTable {
  systemTable ??= loadServices();
  return systemTable;
}

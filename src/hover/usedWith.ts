// "Used with": the language-neutral C call shape a constant goes into, generated from its usage.
import type { ConstantEntry, OptionValue } from './types';

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


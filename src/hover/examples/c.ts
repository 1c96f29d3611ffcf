// C examples (also used for C++ and any other document language).
import type { ConstantEntry, OptionValue } from '../types';
import { SAMPLE_GROUP, entryFor, familyProtocol, socketTriple } from './shared';

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

export function exampleC(entry: ConstantEntry): string | undefined {
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


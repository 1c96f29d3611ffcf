// Rust examples: the libc crate (unsafe FFI calls) and std::net for addresses.
import type { ConstantEntry, OptionValue } from '../types';
import { entryFor, familyProtocol, socketTriple } from './shared';

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

export function exampleRust(entry: ConstantEntry): string | undefined {
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


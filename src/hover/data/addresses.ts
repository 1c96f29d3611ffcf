// Well-known addresses (INADDR_*, IN6ADDR_*_INIT) and size limits (SOMAXCONN, NI_MAXHOST, NI_MAXSERV).
// INADDR_* numbers are in host byte order, as the C macros are: pass them through htonl().
// Values: Linux <netinet/in.h>, <bits/socket.h> (SOMAXCONN) and <netdb.h> (glibc); macOS <netinet/in.h>,
// <sys/socket.h>, <netdb.h> (XNU/Libc); Windows <ws2def.h>, <winsock2.h>, <ws2ipdef.h>, <ws2tcpip.h>.
import type { AddressValue, ConstantEntry } from '../types';

function ipv4(numeric: number, text: string): AddressValue {
  return { numeric, text };
}

const ANY = ipv4(0, '0.0.0.0');
const BROADCAST = ipv4(4294967295, '255.255.255.255');
const LOOPBACK = ipv4(2130706433, '127.0.0.1');

export const ADDRESSES: readonly ConstantEntry[] = [
  {
    name: 'INADDR_ANY', group: 'address', values: { linux: ANY, macos: ANY, windows: ANY },
    usage: { kind: 'address', family: 'inet' }, related: ['INADDR_LOOPBACK', 'IN6ADDR_ANY_INIT', 'AI_PASSIVE', 'IPV6_V6ONLY'],
    manPages: ['ip(7)'],
    en: {
      summary: 'Wildcard IPv4 address 0.0.0.0: every local interface',
      meaning: 'Bound to a socket, it means "all local IPv4 addresses": the server accepts traffic arriving on any interface. Python writes it as the empty string `\'\'` or `\'0.0.0.0\'`.',
      when: 'Servers that must be reachable from other machines; `getaddrinfo()` with `AI_PASSIVE` and no host returns it.',
      pitfall: 'It exposes the service on every network, including public Wi-Fi and VPNs: bind to `127.0.0.1` (`INADDR_LOOPBACK`) for local-only services such as development servers and debug ports. It is not a real destination: connecting to 0.0.0.0 happens to reach the local host on Linux and macOS but fails on Windows (`WSAEADDRNOTAVAIL`).',
    },
    tr: {
      summary: 'Joker IPv4 adresi 0.0.0.0: tüm yerel arayüzler',
      meaning: 'Sokete bağlanınca "tüm yerel IPv4 adresleri" demektir: sunucu herhangi bir arayüzden gelen trafiği kabul eder. Python bunu boş dize `\'\'` ya da `\'0.0.0.0\'` olarak yazar.',
      when: 'Başka makinelerden erişilebilmesi gereken sunucularda; `AI_PASSIVE` ile ve ana makine adı vermeden çağrılan `getaddrinfo()` bunu döndürür.',
      pitfall: 'Servisi halka açık Wi-Fi ve VPN\'ler dahil her ağa açar: geliştirme sunucuları ve hata ayıklama portları gibi yalnızca yerel servisleri `127.0.0.1` (`INADDR_LOOPBACK`) adresine bağlayın. Gerçek bir hedef değildir: 0.0.0.0\'a bağlanmak Linux ve macOS\'te rastlantı eseri yerel makineye ulaşır, Windows\'ta ise başarısız olur (`WSAEADDRNOTAVAIL`).',
    },
  },
  {
    name: 'INADDR_LOOPBACK', group: 'address', values: { linux: LOOPBACK, macos: LOOPBACK, windows: LOOPBACK },
    usage: { kind: 'address', family: 'inet' }, related: ['INADDR_ANY', 'IN6ADDR_LOOPBACK_INIT'], manPages: ['ip(7)'],
    en: {
      summary: 'IPv4 loopback address 127.0.0.1 (this host only)',
      meaning: 'Traffic to it never leaves the machine; a server bound to it is reachable only from local processes.',
      when: 'Development servers, local databases and admin endpoints that must not be exposed; tests.',
      pitfall: '`localhost` may resolve to `::1` first, so a server bound only to 127.0.0.1 gets "connection refused" from IPv6-first clients. Inside a container, 127.0.0.1 is the container, not the host.',
    },
    tr: {
      summary: 'IPv4 geri döngü (loopback) adresi 127.0.0.1 (yalnızca bu makine)',
      meaning: 'Bu adrese giden trafik makineden hiç çıkmaz; ona bağlı sunucuya yalnızca yerel süreçler ulaşabilir.',
      when: 'Dışarı açılmaması gereken geliştirme sunucuları, yerel veritabanları ve yönetim uç noktaları; testler.',
      pitfall: '`localhost` önce `::1` olarak çözülebilir; yalnızca 127.0.0.1\'e bağlı sunucu IPv6\'yı öne alan istemcilerden "bağlantı reddedildi" alır. Konteyner içinde 127.0.0.1 ana makine değil konteynerin kendisidir.',
    },
  },
  {
    name: 'INADDR_BROADCAST', group: 'address', values: { linux: BROADCAST, macos: BROADCAST, windows: BROADCAST },
    usage: { kind: 'address', family: 'inet' }, related: ['SO_BROADCAST', 'INADDR_NONE', 'SOCK_DGRAM'], manPages: ['ip(7)', 'udp(7)'],
    en: {
      summary: 'Limited broadcast address 255.255.255.255',
      meaning: 'A UDP datagram sent here goes to every host on the local link. Python spells it `\'<broadcast>\'`.',
      when: 'LAN discovery (DHCP, Wake-on-LAN, game and device discovery) when you do not know the subnet.',
      pitfall: 'The socket needs `SO_BROADCAST` first, or `sendto()` fails with `EACCES`. Routers never forward it, it has no IPv6 equivalent (use multicast), and on multi-homed hosts it leaves through one interface only.',
    },
    tr: {
      summary: 'Sınırlı yayın (broadcast) adresi 255.255.255.255',
      meaning: 'Buraya gönderilen UDP datagramı yerel bağlantıdaki her makineye gider. Python bunu `\'<broadcast>\'` diye yazar.',
      when: 'Alt ağı bilmediğiniz durumlarda yerel ağ keşfi için (DHCP, Wake-on-LAN, oyun ve aygıt keşfi).',
      pitfall: 'Sokete önce `SO_BROADCAST` verilmelidir, yoksa `sendto()` `EACCES` döner. Yönlendiriciler onu asla iletmez, IPv6 karşılığı yoktur (çok noktaya yayın kullanın) ve çok arayüzlü makinelerde yalnızca tek bir arayüzden çıkar.',
    },
  },
  {
    name: 'INADDR_NONE', group: 'address', values: { linux: BROADCAST, macos: BROADCAST, windows: BROADCAST },
    usage: { kind: 'address', family: 'inet' }, related: ['INADDR_BROADCAST'], manPages: ['inet(3)'],
    en: {
      summary: 'Error value of inet_addr(): 0xFFFFFFFF',
      meaning: 'Returned by `inet_addr()` when the string is not a valid address.',
      when: 'Only when checking the result of the obsolete `inet_addr()`.',
      pitfall: 'It equals `INADDR_BROADCAST`, so `inet_addr("255.255.255.255")` looks like an error. Use `inet_pton()` (or `getaddrinfo()`), which reports errors separately.',
    },
    tr: {
      summary: 'inet_addr() hata değeri: 0xFFFFFFFF',
      meaning: 'Dize geçerli bir adres değilse `inet_addr()` bunu döndürür.',
      when: 'Yalnızca eskimiş `inet_addr()` işlevinin sonucunu denetlerken.',
      pitfall: '`INADDR_BROADCAST` ile aynıdır, bu yüzden `inet_addr("255.255.255.255")` hata gibi görünür. Hataları ayrıca bildiren `inet_pton()` (ya da `getaddrinfo()`) kullanın.',
    },
  },
  {
    name: 'INADDR_UNSPEC_GROUP', group: 'address', values: { linux: ipv4(3758096384, '224.0.0.0'), macos: ipv4(3758096384, '224.0.0.0') },
    usage: { kind: 'address', family: 'inet' }, related: ['INADDR_ALLHOSTS_GROUP', 'INADDR_MAX_LOCAL_GROUP'], manPages: ['ip(7)'],
    en: {
      summary: 'Base of the IPv4 multicast range, 224.0.0.0',
      meaning: 'The first class-D address; reserved, never used as a group.',
      when: 'Range checks: an address is multicast when `(addr & 0xF0000000) == INADDR_UNSPEC_GROUP` (in host order).',
      pitfall: 'Joining 224.0.0.0 itself fails; pick a group from 239.0.0.0/8 (organisation-local) for private use.',
    },
    tr: {
      summary: 'IPv4 çok noktaya yayın aralığının tabanı, 224.0.0.0',
      meaning: 'İlk D sınıfı adres; ayrılmıştır, grup olarak hiç kullanılmaz.',
      when: 'Aralık denetimlerinde: `(addr & 0xF0000000) == INADDR_UNSPEC_GROUP` ise (makine sırasında) adres çok noktaya yayındır.',
      pitfall: '224.0.0.0\'ın kendisine katılmak başarısız olur; özel kullanım için 239.0.0.0/8 (kuruluş içi) aralığından bir grup seçin.',
    },
  },
  {
    name: 'INADDR_ALLHOSTS_GROUP', group: 'address', values: { linux: ipv4(3758096385, '224.0.0.1'), macos: ipv4(3758096385, '224.0.0.1') },
    usage: { kind: 'address', family: 'inet' }, related: ['INADDR_ALLRTRS_GROUP', 'IP_ADD_MEMBERSHIP'], manPages: ['ip(7)'],
    en: {
      summary: 'All-hosts multicast group 224.0.0.1',
      meaning: 'Every multicast-capable host on the link is a member automatically.',
      when: 'IGMP queries; link-local "ping everyone" diagnostics.',
      pitfall: 'Never forwarded by routers, and you do not (and need not) join it explicitly.',
    },
    tr: {
      summary: 'Tüm makineler çok noktaya yayın grubu 224.0.0.1',
      meaning: 'Bağlantıdaki çok noktaya yayın destekleyen her makine kendiliğinden üyedir.',
      when: 'IGMP sorgularında; bağlantı-yerel "herkese ping" tanılamasında.',
      pitfall: 'Yönlendiriciler asla iletmez; ona açıkça katılmazsınız (gerek de yoktur).',
    },
  },
  {
    name: 'INADDR_ALLRTRS_GROUP', group: 'address', values: { linux: ipv4(3758096386, '224.0.0.2'), macos: ipv4(3758096386, '224.0.0.2') },
    notInPython: true,
    usage: { kind: 'address', family: 'inet' }, related: ['INADDR_ALLHOSTS_GROUP'], manPages: ['ip(7)'],
    en: {
      summary: 'All-routers multicast group 224.0.0.2',
      meaning: 'Every router on the link listens to it.',
      when: 'IGMP leave messages and router discovery.',
      pitfall: 'Link-local only; applications rarely have a reason to send to it.',
    },
    tr: {
      summary: 'Tüm yönlendiriciler çok noktaya yayın grubu 224.0.0.2',
      meaning: 'Bağlantıdaki her yönlendirici bunu dinler.',
      when: 'IGMP ayrılma mesajlarında ve yönlendirici keşfinde.',
      pitfall: 'Yalnızca bağlantı-yereldir; uygulamaların ona göndermek için nadiren nedeni olur.',
    },
  },
  {
    name: 'INADDR_MAX_LOCAL_GROUP', group: 'address', values: { linux: ipv4(3758096639, '224.0.0.255'), macos: ipv4(3758096639, '224.0.0.255') },
    usage: { kind: 'address', family: 'inet' }, related: ['INADDR_UNSPEC_GROUP', 'IP_MULTICAST_TTL'], manPages: ['ip(7)'],
    en: {
      summary: 'Last link-local multicast address, 224.0.0.255',
      meaning: 'Groups from 224.0.0.0 to this address are link-local: routers never forward them, whatever the TTL.',
      when: 'Deciding whether a group needs routing (mDNS 224.0.0.251 is in this range).',
      pitfall: 'Raising `IP_MULTICAST_TTL` does not make these groups cross a router.',
    },
    tr: {
      summary: 'Son bağlantı-yerel çok noktaya yayın adresi, 224.0.0.255',
      meaning: '224.0.0.0 ile bu adres arasındaki gruplar bağlantı-yereldir: TTL ne olursa olsun yönlendiriciler onları iletmez.',
      when: 'Bir grubun yönlendirme gerektirip gerektirmediğine karar verirken (mDNS 224.0.0.251 bu aralıktadır).',
      pitfall: '`IP_MULTICAST_TTL` değerini yükseltmek bu grupları yönlendiriciden geçirmez.',
    },
  },
  {
    name: 'IN6ADDR_ANY_INIT', group: 'address', values: { linux: { text: '::' }, macos: { text: '::' }, windows: { text: '::' } },
    notInPython: true,
    usage: { kind: 'address', family: 'inet6' }, related: ['INADDR_ANY', 'IPV6_V6ONLY', 'AF_INET6'], manPages: ['ipv6(7)'],
    en: {
      summary: 'Initializer for the IPv6 wildcard address ::',
      meaning: 'A C initializer for `struct in6_addr` meaning "all local IPv6 addresses"; `in6addr_any` is the ready-made variable.',
      when: 'Binding IPv6 (and, with `IPV6_V6ONLY` off, dual-stack) servers to every interface.',
      pitfall: 'It is only valid in a declaration (`struct in6_addr a = IN6ADDR_ANY_INIT;`), not in an assignment. Whether `::` also accepts IPv4 depends on `IPV6_V6ONLY`, whose default differs by OS.',
    },
    tr: {
      summary: 'IPv6 joker adresi :: için ilk değer verici',
      meaning: '"Tüm yerel IPv6 adresleri" anlamına gelen `struct in6_addr` için bir C ilk değer vericisi; hazır değişkeni `in6addr_any`\'dir.',
      when: 'IPv6 (ve `IPV6_V6ONLY` kapalıyken çift yığınlı) sunucuları tüm arayüzlere bağlarken.',
      pitfall: 'Yalnızca bildirimde geçerlidir (`struct in6_addr a = IN6ADDR_ANY_INIT;`), atamada değil. `::` adresinin IPv4\'ü de kabul edip etmediği, varsayılanı sisteme göre değişen `IPV6_V6ONLY` seçeneğine bağlıdır.',
    },
  },
  {
    name: 'IN6ADDR_LOOPBACK_INIT', group: 'address', values: { linux: { text: '::1' }, macos: { text: '::1' }, windows: { text: '::1' } },
    notInPython: true,
    usage: { kind: 'address', family: 'inet6' }, related: ['INADDR_LOOPBACK', 'IN6ADDR_ANY_INIT'], manPages: ['ipv6(7)'],
    en: {
      summary: 'Initializer for the IPv6 loopback address ::1',
      meaning: 'A C initializer for `struct in6_addr` with the value `::1`; `in6addr_loopback` is the ready-made variable.',
      when: 'Local-only IPv6 servers and tests.',
      pitfall: 'Only for declarations. A server on `::1` is not reachable at 127.0.0.1; bind both (or use `localhost` resolution on the client) when clients may pick either.',
    },
    tr: {
      summary: 'IPv6 geri döngü adresi ::1 için ilk değer verici',
      meaning: '`::1` değerli `struct in6_addr` için bir C ilk değer vericisi; hazır değişkeni `in6addr_loopback`\'tir.',
      when: 'Yalnızca yerel IPv6 sunucularında ve testlerde.',
      pitfall: 'Yalnızca bildirimlerde kullanılır. `::1` üzerindeki sunucuya 127.0.0.1\'den ulaşılamaz; istemciler ikisinden birini seçebiliyorsa ikisine de bağlanın.',
    },
  },
];

export const LIMITS: readonly ConstantEntry[] = [
  {
    name: 'SOMAXCONN', group: 'limit', values: { linux: 4096, macos: 128, windows: 2147483647 },
    valueNote: 'Linux: glibc 2.35+ <bits/socket.h> says 4096 (kernel 5.4+ default of net.core.somaxconn); older glibc said 128. Windows: 0x7fffffff, meaning "reasonable maximum".',
    usage: { kind: 'limit', signature: 'listen(fd, SOMAXCONN)' }, related: ['SO_ACCEPTCONN', 'ECONNREFUSED', 'TCP_DEFER_ACCEPT'], manPages: ['listen(2)'],
    en: {
      summary: 'Largest listen() backlog the headers advertise',
      meaning: 'The maximum length of the queue of fully established connections waiting for `accept()`; passing it to `listen()` asks for "as large as allowed".',
      when: '`listen(fd, SOMAXCONN)` in servers that may get bursts of connections.',
      pitfall: 'The real cap is a run-time setting (`net.core.somaxconn` on Linux, `kern.ipc.somaxconn` on macOS), so the header value can be wrong for the running system. A full queue makes new clients time out or, on Windows, get refused.',
    },
    tr: {
      summary: 'Başlıkların bildirdiği en büyük listen() bekleme kuyruğu',
      meaning: '`accept()` bekleyen, kurulmuş bağlantılar kuyruğunun en büyük uzunluğu; `listen()` çağrısına verilince "izin verilen en büyük" istenmiş olur.',
      when: 'Ani bağlantı yükü alabilecek sunucularda `listen(fd, SOMAXCONN)`.',
      pitfall: 'Gerçek üst sınır çalışma zamanı ayarıdır (Linux\'ta `net.core.somaxconn`, macOS\'te `kern.ipc.somaxconn`); başlıktaki değer çalışan sistem için yanlış olabilir. Kuyruk dolunca yeni istemciler zaman aşımına uğrar ya da Windows\'ta reddedilir.',
    },
  },
  {
    name: 'NI_MAXHOST', group: 'limit', values: { linux: 1025, macos: 1025, windows: 1025 },
    usage: { kind: 'limit', signature: 'char host[NI_MAXHOST]; getnameinfo(sa, salen, host, sizeof host, NULL, 0, flags)' },
    related: ['NI_MAXSERV', 'NI_NUMERICHOST', 'NI_NAMEREQD'], manPages: ['getnameinfo(3)'],
    en: {
      summary: 'Buffer size for the host name returned by getnameinfo()',
      meaning: 'A safe size (1025 bytes, including the NUL) for the `host` buffer of `getnameinfo()`.',
      when: 'Declaring the host buffer in C code that calls `getnameinfo()`.',
      pitfall: 'glibc hides it unless `_DEFAULT_SOURCE`/`_GNU_SOURCE` is defined. For numeric IPv6 with a scope id, `INET6_ADDRSTRLEN` (46) is too small; `NI_MAXHOST` is not.',
    },
    tr: {
      summary: 'getnameinfo() çağrısının döndürdüğü ana makine adı için arabellek boyutu',
      meaning: '`getnameinfo()` çağrısının `host` arabelleği için güvenli boyut (NUL dahil 1025 bayt).',
      when: '`getnameinfo()` çağıran C kodunda ana makine arabelleğini bildirirken.',
      pitfall: 'glibc, `_DEFAULT_SOURCE`/`_GNU_SOURCE` tanımlanmadıkça onu gizler. Kapsam kimlikli sayısal IPv6 için `INET6_ADDRSTRLEN` (46) küçük kalır; `NI_MAXHOST` kalmaz.',
    },
  },
  {
    name: 'NI_MAXSERV', group: 'limit', values: { linux: 32, macos: 32, windows: 32 },
    usage: { kind: 'limit', signature: 'char serv[NI_MAXSERV]; getnameinfo(sa, salen, NULL, 0, serv, sizeof serv, flags)' },
    related: ['NI_MAXHOST', 'NI_NUMERICSERV'], manPages: ['getnameinfo(3)'],
    en: {
      summary: 'Buffer size for the service name returned by getnameinfo()',
      meaning: 'A safe size (32 bytes) for the `serv` buffer of `getnameinfo()`.',
      when: 'Declaring the service buffer next to the host buffer.',
      pitfall: 'Like `NI_MAXHOST`, glibc exposes it only with `_DEFAULT_SOURCE`; a too-small buffer makes `getnameinfo()` fail with `EAI_OVERFLOW`.',
    },
    tr: {
      summary: 'getnameinfo() çağrısının döndürdüğü servis adı için arabellek boyutu',
      meaning: '`getnameinfo()` çağrısının `serv` arabelleği için güvenli boyut (32 bayt).',
      when: 'Servis arabelleğini ana makine arabelleğinin yanında bildirirken.',
      pitfall: '`NI_MAXHOST` gibi, glibc bunu yalnızca `_DEFAULT_SOURCE` ile gösterir; fazla küçük arabellek `getnameinfo()` çağrısının `EAI_OVERFLOW` ile başarısız olmasına yol açar.',
    },
  },
];

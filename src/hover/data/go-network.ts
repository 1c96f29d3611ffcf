// Go's network names: the first argument of net.Dial, net.Listen, net.ListenPacket, net.Resolve*Addr…
// They are strings, not C constants, so they have no numeric values; each maps to the socket()
// triple Go creates (from Go's net package: ipsock_posix.go, unixsock_posix.go, iprawsock.go).
// Entry names keep the quotes so they can never collide with an identifier.
import type { ConstantEntry, Description } from '../types';

interface GoNetworkRow {
  readonly network: string;
  readonly family: string;
  readonly type: string;
  readonly protocol?: string;
  readonly related: readonly string[];
  readonly manPages: readonly string[];
  readonly en: readonly [string, string, string, string];
  readonly tr: readonly [string, string, string, string];
}

function description(parts: readonly [string, string, string, string]): Description {
  const [summary, meaning, when, pitfall] = parts;
  return { summary, meaning, when, pitfall };
}

function goNetwork(row: GoNetworkRow): ConstantEntry {
  return {
    name: `"${row.network}"`,
    group: 'go-network',
    values: {},
    notInPython: true,
    usage: { kind: 'go-network', family: row.family, type: row.type, protocol: row.protocol },
    related: row.related,
    manPages: row.manPages,
    en: description(row.en),
    tr: description(row.tr),
  };
}

const BOTH = 'AF_INET | AF_INET6';

export const GO_NETWORKS: readonly ConstantEntry[] = [
  goNetwork({
    network: 'tcp', family: BOTH, type: 'SOCK_STREAM', protocol: 'IPPROTO_TCP',
    related: ['AF_INET', 'AF_INET6', 'SOCK_STREAM', 'IPV6_V6ONLY'], manPages: ['tcp(7)'],
    en: ['Go network "tcp": TCP over IPv4 or IPv6',
      'TCP with the family chosen from the address: a wildcard listener (`":8080"`) is one dual-stack `AF_INET6` socket with `IPV6_V6ONLY` off, and a dial tries the resolved addresses (Happy Eyeballs).',
      'The normal choice for TCP clients and servers in Go.',
      'A listener on `":8080"` accepts IPv4 and IPv6 on every interface: use `"127.0.0.1:8080"` to stay local. Go sets `SO_REUSEADDR` on listeners itself.'],
    tr: ['Go ağı "tcp": IPv4 ya da IPv6 üzerinde TCP',
      'Ailesi adrese göre seçilen TCP: joker dinleyici (`":8080"`) `IPV6_V6ONLY` kapalı tek bir çift yığınlı `AF_INET6` soketidir, bağlanma ise çözülen adresleri dener (Happy Eyeballs).',
      'Go\'da TCP istemci ve sunucuları için olağan seçim.',
      '`":8080"` üzerindeki dinleyici her arayüzde IPv4 ve IPv6 kabul eder: yerel kalmak için `"127.0.0.1:8080"` kullanın. Go dinleyicilerde `SO_REUSEADDR` seçeneğini kendisi verir.'],
  }),
  goNetwork({
    network: 'tcp4', family: 'AF_INET', type: 'SOCK_STREAM', protocol: 'IPPROTO_TCP',
    related: ['AF_INET', 'SOCK_STREAM', 'IPPROTO_TCP'], manPages: ['tcp(7)', 'ip(7)'],
    en: ['Go network "tcp4": TCP over IPv4 only',
      'Creates `socket(AF_INET, SOCK_STREAM, IPPROTO_TCP)`; only IPv4 addresses are used.',
      'Servers that must not listen on IPv6, or clients that must avoid IPv6 paths.',
      'Dialing a host name that has only AAAA records fails; and `":8080"` still means every IPv4 interface (`INADDR_ANY`).'],
    tr: ['Go ağı "tcp4": yalnızca IPv4 üzerinde TCP',
      '`socket(AF_INET, SOCK_STREAM, IPPROTO_TCP)` oluşturur; yalnızca IPv4 adresleri kullanılır.',
      'IPv6 dinlememesi gereken sunucularda ya da IPv6 yollarından kaçınması gereken istemcilerde.',
      'Yalnızca AAAA kaydı olan bir ada bağlanmak başarısız olur; `":8080"` de yine tüm IPv4 arayüzleri (`INADDR_ANY`) demektir.'],
  }),
  goNetwork({
    network: 'tcp6', family: 'AF_INET6', type: 'SOCK_STREAM', protocol: 'IPPROTO_TCP',
    related: ['AF_INET6', 'SOCK_STREAM', 'IPV6_V6ONLY'], manPages: ['tcp(7)', 'ipv6(7)'],
    en: ['Go network "tcp6": TCP over IPv6 only',
      'Creates `socket(AF_INET6, SOCK_STREAM, IPPROTO_TCP)` with `IPV6_V6ONLY` on, so IPv4 clients are not accepted.',
      'IPv6-only services, or running separate IPv4 and IPv6 listeners on one port.',
      'Link-local addresses need a zone: `"[fe80::1%eth0]:8080"`. IPv4-mapped addresses are rejected.'],
    tr: ['Go ağı "tcp6": yalnızca IPv6 üzerinde TCP',
      '`IPV6_V6ONLY` açık bir `socket(AF_INET6, SOCK_STREAM, IPPROTO_TCP)` oluşturur; IPv4 istemciler kabul edilmez.',
      'Yalnızca IPv6 servislerde ya da aynı portta ayrı IPv4 ve IPv6 dinleyicileri çalıştırırken.',
      'Bağlantı-yerel adresler bölge ister: `"[fe80::1%eth0]:8080"`. IPv4 eşlemeli adresler reddedilir.'],
  }),
  goNetwork({
    network: 'udp', family: BOTH, type: 'SOCK_DGRAM', protocol: 'IPPROTO_UDP',
    related: ['SOCK_DGRAM', 'AF_INET6', 'IPV6_V6ONLY'], manPages: ['udp(7)'],
    en: ['Go network "udp": UDP over IPv4 or IPv6',
      'UDP with the family chosen from the address; a wildcard `ListenPacket("udp", ":9999")` is a dual-stack `AF_INET6` socket.',
      'DNS-like request/response, discovery, metrics.',
      'Replies from a dual-stack socket show IPv4 peers as IPv4-mapped addresses; broadcasts need `SO_BROADCAST` via `syscall.RawConn.Control`.'],
    tr: ['Go ağı "udp": IPv4 ya da IPv6 üzerinde UDP',
      'Ailesi adrese göre seçilen UDP; joker `ListenPacket("udp", ":9999")` çift yığınlı bir `AF_INET6` soketidir.',
      'DNS benzeri istek/yanıt, keşif, metrikler.',
      'Çift yığınlı soketten gelen yanıtlarda IPv4 karşı taraflar IPv4 eşlemeli adres olarak görünür; yayın için `syscall.RawConn.Control` ile `SO_BROADCAST` gerekir.'],
  }),
  goNetwork({
    network: 'udp4', family: 'AF_INET', type: 'SOCK_DGRAM', protocol: 'IPPROTO_UDP',
    related: ['AF_INET', 'SOCK_DGRAM', 'INADDR_BROADCAST', 'IP_ADD_MEMBERSHIP'], manPages: ['udp(7)', 'ip(7)'],
    en: ['Go network "udp4": UDP over IPv4 only',
      'Creates `socket(AF_INET, SOCK_DGRAM, IPPROTO_UDP)`.',
      'IPv4 broadcast and multicast (`net.ListenMulticastUDP("udp4", …)`), which have no IPv6 form or need an IPv4 socket.',
      'Sending to 255.255.255.255 fails with `EACCES` until `SO_BROADCAST` is set on the socket.'],
    tr: ['Go ağı "udp4": yalnızca IPv4 üzerinde UDP',
      '`socket(AF_INET, SOCK_DGRAM, IPPROTO_UDP)` oluşturur.',
      'IPv6 biçimi olmayan ya da IPv4 soketi gerektiren IPv4 yayın ve çok noktaya yayında (`net.ListenMulticastUDP("udp4", …)`).',
      'Sokete `SO_BROADCAST` verilene kadar 255.255.255.255 adresine göndermek `EACCES` ile başarısız olur.'],
  }),
  goNetwork({
    network: 'udp6', family: 'AF_INET6', type: 'SOCK_DGRAM', protocol: 'IPPROTO_UDP',
    related: ['AF_INET6', 'SOCK_DGRAM', 'IPV6_JOIN_GROUP'], manPages: ['udp(7)', 'ipv6(7)'],
    en: ['Go network "udp6": UDP over IPv6 only',
      'Creates `socket(AF_INET6, SOCK_DGRAM, IPPROTO_UDP)` with `IPV6_V6ONLY` on.',
      'IPv6 multicast (mDNS on ff02::fb) and IPv6-only services.',
      'Link-local multicast needs an interface: pass one to `ListenMulticastUDP` or the zone in the address.'],
    tr: ['Go ağı "udp6": yalnızca IPv6 üzerinde UDP',
      '`IPV6_V6ONLY` açık bir `socket(AF_INET6, SOCK_DGRAM, IPPROTO_UDP)` oluşturur.',
      'IPv6 çok noktaya yayında (ff02::fb üzerinde mDNS) ve yalnızca IPv6 servislerde.',
      'Bağlantı-yerel çok noktaya yayın bir arayüz ister: `ListenMulticastUDP` çağrısına verin ya da adreste bölgeyi yazın.'],
  }),
  goNetwork({
    network: 'ip', family: BOTH, type: 'SOCK_RAW',
    related: ['SOCK_RAW', 'IPPROTO_ICMP', 'IPPROTO_RAW'], manPages: ['raw(7)'],
    en: ['Go network "ip:proto": raw IP sockets',
      'A raw socket for one IP protocol, written `"ip:1"` or `"ip:icmp"`; the family follows the address.',
      'ICMP tools and custom IP protocols (usually via golang.org/x/net/icmp).',
      'The protocol suffix is required, and raw sockets need root or `CAP_NET_RAW`.'],
    tr: ['Go ağı "ip:proto": ham IP soketleri',
      'Bir IP protokolü için ham soket, `"ip:1"` ya da `"ip:icmp"` diye yazılır; aile adrese göre belirlenir.',
      'ICMP araçlarında ve özel IP protokollerinde (genellikle golang.org/x/net/icmp ile).',
      'Protokol eki zorunludur; ham soketler root ya da `CAP_NET_RAW` ister.'],
  }),
  goNetwork({
    network: 'ip4', family: 'AF_INET', type: 'SOCK_RAW',
    related: ['AF_INET', 'SOCK_RAW', 'IPPROTO_ICMP'], manPages: ['raw(7)', 'ip(7)'],
    en: ['Go network "ip4:proto": raw IPv4 sockets',
      '`net.ListenPacket("ip4:icmp", "0.0.0.0")` creates `socket(AF_INET, SOCK_RAW, IPPROTO_ICMP)`.',
      'ping/traceroute implementations in Go.',
      'Needs privileges; for unprivileged ping on Linux use x/net/icmp with `"udp4"` (ping sockets).'],
    tr: ['Go ağı "ip4:proto": ham IPv4 soketleri',
      '`net.ListenPacket("ip4:icmp", "0.0.0.0")` bir `socket(AF_INET, SOCK_RAW, IPPROTO_ICMP)` oluşturur.',
      'Go ile yazılmış ping/traceroute uygulamalarında.',
      'Yetki ister; Linux\'ta yetkisiz ping için x/net/icmp paketini `"udp4"` ile (ping soketleri) kullanın.'],
  }),
  goNetwork({
    network: 'ip6', family: 'AF_INET6', type: 'SOCK_RAW',
    related: ['AF_INET6', 'SOCK_RAW', 'IPPROTO_ICMPV6'], manPages: ['raw(7)', 'ipv6(7)'],
    en: ['Go network "ip6:proto": raw IPv6 sockets',
      '`net.ListenPacket("ip6:ipv6-icmp", "::")` creates `socket(AF_INET6, SOCK_RAW, IPPROTO_ICMPV6)`.',
      'ICMPv6 tools and Neighbor Discovery experiments.',
      'Raw IPv6 sockets do not include the IPv6 header in received data, unlike raw IPv4.'],
    tr: ['Go ağı "ip6:proto": ham IPv6 soketleri',
      '`net.ListenPacket("ip6:ipv6-icmp", "::")` bir `socket(AF_INET6, SOCK_RAW, IPPROTO_ICMPV6)` oluşturur.',
      'ICMPv6 araçlarında ve Komşu Keşfi denemelerinde.',
      'Ham IPv6 soketleri, ham IPv4\'ün aksine alınan veride IPv6 başlığını içermez.'],
  }),
  goNetwork({
    network: 'unix', family: 'AF_UNIX', type: 'SOCK_STREAM',
    related: ['AF_UNIX', 'SOCK_STREAM', 'EADDRINUSE'], manPages: ['unix(7)'],
    en: ['Go network "unix": Unix domain stream socket',
      'Creates `socket(AF_UNIX, SOCK_STREAM, 0)`; the address is a file path (or `"@name"` for a Linux abstract socket).',
      'Local daemons and IPC, e.g. talking to Docker at `/var/run/docker.sock`.',
      'Go\'s `UnixListener` removes the socket file on `Close()` by default, but a crashed process leaves it behind and the next `Listen` fails with `EADDRINUSE`.'],
    tr: ['Go ağı "unix": Unix domain akış soketi',
      '`socket(AF_UNIX, SOCK_STREAM, 0)` oluşturur; adres bir dosya yoludur (Linux soyut soketi için `"@ad"`).',
      'Yerel servislerde ve IPC\'de, ör. `/var/run/docker.sock` üzerinden Docker ile konuşurken.',
      'Go\'nun `UnixListener` türü `Close()` sırasında soket dosyasını varsayılan olarak siler, ama çöken süreç dosyayı bırakır ve sonraki `Listen` `EADDRINUSE` ile başarısız olur.'],
  }),
  goNetwork({
    network: 'unixgram', family: 'AF_UNIX', type: 'SOCK_DGRAM',
    related: ['AF_UNIX', 'SOCK_DGRAM', 'SCM_CREDENTIALS'], manPages: ['unix(7)'],
    en: ['Go network "unixgram": Unix domain datagram socket',
      'Creates `socket(AF_UNIX, SOCK_DGRAM, 0)`: reliable, message-preserving local datagrams.',
      'syslog (`/dev/log`), systemd `sd_notify`, journald.',
      'A client must bind its own path (or use an abstract name) to receive replies; not supported on Windows.'],
    tr: ['Go ağı "unixgram": Unix domain datagram soketi',
      '`socket(AF_UNIX, SOCK_DGRAM, 0)` oluşturur: güvenilir, mesaj sınırlarını koruyan yerel datagramlar.',
      'syslog (`/dev/log`), systemd `sd_notify` ve journald ile konuşurken.',
      'Yanıt alabilmek için istemci kendi yoluna bağlanmalıdır (ya da soyut ad kullanmalıdır); Windows\'ta desteklenmez.'],
  }),
  goNetwork({
    network: 'unixpacket', family: 'AF_UNIX', type: 'SOCK_SEQPACKET',
    related: ['AF_UNIX', 'SOCK_SEQPACKET'], manPages: ['unix(7)'],
    en: ['Go network "unixpacket": Unix domain seqpacket socket',
      'Creates `socket(AF_UNIX, SOCK_SEQPACKET, 0)`: connection-oriented, with message boundaries.',
      'Local protocols that want framing without writing a length prefix.',
      'Not supported on macOS or Windows; `Listen("unixpacket", …)` fails there.'],
    tr: ['Go ağı "unixpacket": Unix domain seqpacket soketi',
      '`socket(AF_UNIX, SOCK_SEQPACKET, 0)` oluşturur: bağlantılı ve mesaj sınırlı.',
      'Uzunluk öneki yazmadan çerçeveleme isteyen yerel protokollerde.',
      'macOS ve Windows\'ta desteklenmez; `Listen("unixpacket", …)` oralarda başarısız olur.'],
  }),
];

// IPv4 options: setsockopt()/getsockopt() with level IPPROTO_IP, plus the IP_PMTUDISC_* values and
// the IP_DEFAULT_*/IP_MAX_* limits. Values: Linux <bits/in.h> via <netinet/in.h> (glibc);
// macOS <netinet/in.h> (XNU); Windows <ws2ipdef.h>. Beware: the old WinSock 1 <winsock.h> used
// different IP_* numbers (IP_ADD_MEMBERSHIP was 5), so mixing it with ws2_32 breaks multicast.
import type { ConstantEntry } from '../types';

const LEVEL = 'IPPROTO_IP';

export const IP_OPTIONS: readonly ConstantEntry[] = [
  {
    name: 'IP_TTL', group: 'ip-option', values: { linux: 2, macos: 4, windows: 4 },
    usage: { kind: 'option', level: LEVEL, value: { kind: 'int', sample: 64 }, access: 'both' },
    related: ['IP_MULTICAST_TTL', 'IPV6_UNICAST_HOPS', 'IP_RECVTTL'], manPages: ['ip(7)'],
    en: {
      summary: 'Time-to-live of outgoing unicast IPv4 packets',
      meaning: 'The hop count after which routers discard the packet (1–255; the system default is usually 64).',
      when: 'traceroute-style probing (TTL 1, 2, 3…), or limiting packets to the local network.',
      pitfall: 'It does not apply to multicast, which uses `IP_MULTICAST_TTL` (default 1), and not to IPv6 sockets (`IPV6_UNICAST_HOPS`).',
    },
    tr: {
      summary: 'Giden tekli (unicast) IPv4 paketlerinin yaşam süresi (TTL)',
      meaning: 'Yönlendiricilerin paketi atmadan önce izin verdiği sıçrama sayısı (1–255; sistem varsayılanı genellikle 64).',
      when: 'traceroute tarzı yoklamada (TTL 1, 2, 3…) ya da paketleri yerel ağla sınırlamak için.',
      pitfall: 'Çok noktaya yayına uygulanmaz, o `IP_MULTICAST_TTL` kullanır (varsayılan 1); IPv6 soketlerine de uygulanmaz (`IPV6_UNICAST_HOPS`).',
    },
  },
  {
    name: 'IP_TOS', group: 'ip-option', values: { linux: 1, macos: 3, windows: 3 },
    usage: { kind: 'option', level: LEVEL, value: { kind: 'int', sample: 184 }, access: 'both' },
    related: ['IPV6_TCLASS', 'IP_RECVTOS', 'SO_PRIORITY'], manPages: ['ip(7)'],
    en: {
      summary: 'Type-of-service byte: DSCP and ECN bits of outgoing packets',
      meaning: 'Sets the IPv4 TOS byte; its upper six bits are the DSCP class routers use for QoS (e.g. 184 = EF for voice), the lower two are ECN.',
      when: 'VoIP, video and gaming traffic on networks that honour DSCP; marking bulk traffic as low priority.',
      pitfall: 'The value is the whole byte, so DSCP 46 is `46 << 2` = 184. Windows ignores it unless a policy allows it (use the qWAVE/QoS APIs), and the Internet often rewrites it. IPv6 sockets use `IPV6_TCLASS`.',
    },
    tr: {
      summary: 'Hizmet türü baytı: giden paketlerin DSCP ve ECN bitleri',
      meaning: 'IPv4 TOS baytını verir; üst altı biti yönlendiricilerin QoS için kullandığı DSCP sınıfıdır (ör. ses için 184 = EF), alt iki biti ECN\'dir.',
      when: 'DSCP\'ye uyan ağlarda VoIP, video ve oyun trafiğinde; toplu trafiği düşük öncelikli işaretlemek için.',
      pitfall: 'Değer baytın tamamıdır: DSCP 46, `46 << 2` = 184 olur. Windows bir politika izin vermedikçe yok sayar (qWAVE/QoS API\'lerini kullanın), İnternet de çoğu zaman değiştirir. IPv6 soketleri `IPV6_TCLASS` kullanır.',
    },
  },
  {
    name: 'IP_HDRINCL', group: 'ip-option', values: { linux: 3, macos: 2, windows: 2 },
    usage: { kind: 'option', level: LEVEL, value: { kind: 'bool' }, access: 'both' },
    related: ['SOCK_RAW', 'IPPROTO_RAW'], manPages: ['raw(7)', 'ip(7)'],
    en: {
      summary: 'Raw socket: the application supplies the IPv4 header',
      meaning: 'On a `SOCK_RAW` socket, data you send starts with your own IP header instead of one built by the kernel.',
      when: 'Packet generators, scanners and tunnels that need control over every header field.',
      pitfall: 'Linux still fills in the checksum and, when 0, the id and source address; byte order of `ip_len`/`ip_off` differs on old BSDs and macOS (host order). Windows forbids spoofed source addresses.',
    },
    tr: {
      summary: 'Ham soket: IPv4 başlığını uygulama verir',
      meaning: '`SOCK_RAW` sokette gönderdiğiniz veri, çekirdeğin kurduğu başlık yerine sizin IP başlığınızla başlar.',
      when: 'Her başlık alanını denetlemesi gereken paket üreticilerinde, tarayıcılarda ve tünellerde.',
      pitfall: 'Linux sağlama toplamını ve 0 bırakılmışsa kimlik ile kaynak adresini yine doldurur; `ip_len`/`ip_off` bayt sırası eski BSD\'lerde ve macOS\'te farklıdır (makine sırası). Windows sahte kaynak adresine izin vermez.',
    },
  },
  {
    name: 'IP_OPTIONS', group: 'ip-option', values: { linux: 4, macos: 1, windows: 1 },
    usage: { kind: 'option', level: LEVEL, value: { kind: 'struct', struct: 'ip_options' }, access: 'both' },
    related: ['IP_RECVOPTS', 'IP_RETOPTS'], manPages: ['ip(7)'],
    en: {
      summary: 'IPv4 header options of outgoing packets',
      meaning: 'Raw bytes of IP options (record route, timestamp, source route) to put in every packet sent from the socket.',
      when: 'Network diagnostics that use record-route or timestamp options.',
      pitfall: 'Most routers and firewalls drop or slow-path packets with IP options; source routing is rejected almost everywhere.',
    },
    tr: {
      summary: 'Giden paketlerin IPv4 başlık seçenekleri',
      meaning: 'Soketten gönderilen her pakete konacak IP seçeneklerinin ham baytları (rota kaydı, zaman damgası, kaynak yönlendirme).',
      when: 'Rota kaydı ya da zaman damgası seçeneklerini kullanan ağ tanı araçlarında.',
      pitfall: 'Yönlendiricilerin ve güvenlik duvarlarının çoğu IP seçenekli paketleri düşürür ya da yavaş yoldan işler; kaynak yönlendirme neredeyse her yerde reddedilir.',
    },
  },
  {
    name: 'IP_RECVOPTS', group: 'ip-option', values: { linux: 6, macos: 5 },
    usage: { kind: 'option', level: LEVEL, value: { kind: 'bool' }, access: 'both' },
    related: ['IP_OPTIONS', 'IP_RETOPTS', 'IP_RECVRETOPTS'], manPages: ['ip(7)'],
    en: {
      summary: 'Receive the IP options of incoming datagrams',
      meaning: 'Delivers the options of each incoming packet as an `IP_OPTIONS` control message on `recvmsg()`.',
      when: 'Diagnostics that inspect record-route or timestamp options.',
      pitfall: 'Not supported for `SOCK_STREAM` sockets on Linux; needs `recvmsg()`.',
    },
    tr: {
      summary: 'Gelen datagramların IP seçeneklerini al',
      meaning: 'Gelen her paketin seçeneklerini `recvmsg()` ile `IP_OPTIONS` denetim mesajı olarak teslim eder.',
      when: 'Rota kaydı ya da zaman damgası seçeneklerini inceleyen tanı araçlarında.',
      pitfall: 'Linux\'ta `SOCK_STREAM` soketlerde desteklenmez; `recvmsg()` gerekir.',
    },
  },
  {
    name: 'IP_RETOPTS', group: 'ip-option', values: { linux: 7, macos: 8 },
    usage: { kind: 'option', level: LEVEL, value: { kind: 'bool' }, access: 'both' },
    related: ['IP_RECVRETOPTS', 'IP_RECVOPTS'], manPages: ['ip(7)'],
    en: {
      summary: 'Receive the options prepared for a reply',
      meaning: 'Like `IP_RECVOPTS` but the options are reversed for use in a reply (e.g. a reversed source route).',
      when: 'Historic protocols that answer along the recorded route.',
      pitfall: 'On Linux it is the same number as `IP_RECVRETOPTS` (7); the timestamp and route data are not filled in.',
    },
    tr: {
      summary: 'Yanıt için hazırlanmış seçenekleri al',
      meaning: '`IP_RECVOPTS` gibidir ama seçenekler yanıtta kullanılmak üzere ters çevrilmiştir (ör. ters kaynak rotası).',
      when: 'Kaydedilen rota boyunca yanıt veren tarihî protokollerde.',
      pitfall: 'Linux\'ta `IP_RECVRETOPTS` ile aynı sayıdır (7); zaman damgası ve rota verileri doldurulmaz.',
    },
  },
  {
    name: 'IP_RECVRETOPTS', group: 'ip-option', values: { linux: 7, macos: 6 }, aliasOf: 'IP_RETOPTS',
    usage: { kind: 'option', level: LEVEL, value: { kind: 'bool' }, access: 'both' },
    related: ['IP_RETOPTS', 'IP_RECVOPTS'], manPages: ['ip(7)'],
    en: {
      summary: 'Receive reply-ready IP options (BSD name)',
      meaning: 'The BSD name for receiving IP options reversed for a reply; on Linux an alias of `IP_RETOPTS`.',
      when: 'Code ported from BSD that inspects source routes.',
      pitfall: 'macOS gives it a different number from `IP_RETOPTS` (6 vs 8), while Linux uses 7 for both.',
    },
    tr: {
      summary: 'Yanıta hazır IP seçeneklerini al (BSD adı)',
      meaning: 'Yanıt için ters çevrilmiş IP seçeneklerini almanın BSD adı; Linux\'ta `IP_RETOPTS`\'un takma adıdır.',
      when: 'Kaynak rotalarını inceleyen, BSD\'den taşınmış kodda.',
      pitfall: 'macOS onu `IP_RETOPTS`\'tan farklı bir sayıya verir (6 ve 8), Linux ise ikisi için de 7 kullanır.',
    },
  },
  {
    name: 'IP_RECVTOS', group: 'ip-option', values: { linux: 13, macos: 27, windows: 40 }, unverified: ['macos', 'windows'],
    usage: { kind: 'option', level: LEVEL, value: { kind: 'bool' }, access: 'both' },
    related: ['IP_TOS', 'IPV6_RECVTCLASS'], manPages: ['ip(7)'],
    en: {
      summary: 'Receive the TOS byte of each incoming datagram',
      meaning: 'Adds an `IP_TOS` control message with the incoming packet\'s TOS byte (DSCP + ECN) to `recvmsg()`.',
      when: 'QUIC and other UDP protocols that implement ECN, or that echo DSCP marks.',
      pitfall: 'Needs `recvmsg()`; the control message type is `IP_TOS`, not `IP_RECVTOS` (on Linux).',
    },
    tr: {
      summary: 'Gelen her datagramın TOS baytını al',
      meaning: '`recvmsg()` sonucuna gelen paketin TOS baytını (DSCP + ECN) içeren bir `IP_TOS` denetim mesajı ekler.',
      when: 'ECN uygulayan ya da DSCP işaretlerini geri yansıtan QUIC gibi UDP protokollerinde.',
      pitfall: '`recvmsg()` gerekir; denetim mesajının türü (Linux\'ta) `IP_RECVTOS` değil `IP_TOS`\'tur.',
    },
  },
  {
    name: 'IP_MULTICAST_IF', group: 'ip-option', values: { linux: 32, macos: 9, windows: 9 },
    usage: { kind: 'option', level: LEVEL, value: { kind: 'in_addr' }, access: 'both' },
    related: ['IP_MULTICAST_TTL', 'IP_ADD_MEMBERSHIP', 'IPV6_MULTICAST_IF'], manPages: ['ip(7)'],
    en: {
      summary: 'Interface for outgoing IPv4 multicast',
      meaning: 'Selects the local interface (by its IPv4 address; Linux also accepts `struct ip_mreqn` with an index) that multicast datagrams leave from.',
      when: 'Multi-homed hosts sending mDNS, SSDP or market-data multicast on a specific network.',
      pitfall: 'Without it the kernel uses the default route\'s interface, which is often a VPN or the wrong NIC. Windows also accepts an interface index in the 0.0.0.x form.',
    },
    tr: {
      summary: 'Giden IPv4 çok noktaya yayın için arayüz',
      meaning: 'Çok noktaya yayın datagramlarının çıkacağı yerel arayüzü seçer (IPv4 adresiyle; Linux indeksli `struct ip_mreqn` de kabul eder).',
      when: 'Belirli bir ağa mDNS, SSDP ya da piyasa verisi yayını gönderen çok arayüzlü makinelerde.',
      pitfall: 'Verilmezse çekirdek varsayılan rotanın arayüzünü kullanır; bu çoğu zaman bir VPN ya da yanlış kart olur. Windows 0.0.0.x biçiminde arayüz indeksi de kabul eder.',
    },
  },
  {
    name: 'IP_MULTICAST_TTL', group: 'ip-option', values: { linux: 33, macos: 10, windows: 10 },
    usage: { kind: 'option', level: LEVEL, value: { kind: 'uchar', sample: 2 }, access: 'both' },
    related: ['IP_TTL', 'IP_DEFAULT_MULTICAST_TTL', 'IPV6_MULTICAST_HOPS'], manPages: ['ip(7)'],
    en: {
      summary: 'TTL of outgoing IPv4 multicast datagrams',
      meaning: 'How many router hops multicast may cross; the default of 1 keeps it on the local subnet.',
      when: 'Raise it only when multicast must be routed between subnets (with multicast routing configured).',
      pitfall: 'BSD-derived stacks (macOS) historically expect a one-byte `u_char`, so in Python pack it with `struct.pack(\'b\', ttl)` for portability; Linux accepts an `int` too.',
    },
    tr: {
      summary: 'Giden IPv4 çok noktaya yayın datagramlarının TTL değeri',
      meaning: 'Çok noktaya yayının kaç yönlendirici geçebileceği; varsayılan 1 onu yerel alt ağda tutar.',
      when: 'Yalnızca çok noktaya yayın alt ağlar arasında yönlendirilecekse (çok noktaya yayın yönlendirmesi kuruluyken) artırın.',
      pitfall: 'BSD kökenli yığınlar (macOS) tarihsel olarak tek baytlık `u_char` bekler; taşınabilirlik için Python\'da `struct.pack(\'b\', ttl)` ile paketleyin. Linux `int` de kabul eder.',
    },
  },
  {
    name: 'IP_MULTICAST_LOOP', group: 'ip-option', values: { linux: 34, macos: 11, windows: 11 },
    usage: { kind: 'option', level: LEVEL, value: { kind: 'uchar', sample: 0 }, access: 'both' },
    related: ['IP_MULTICAST_TTL', 'IP_DEFAULT_MULTICAST_LOOP', 'IPV6_MULTICAST_LOOP'], manPages: ['ip(7)'],
    en: {
      summary: 'Deliver our own multicast back to local listeners',
      meaning: 'When on (the default), multicast you send is also looped back to sockets on this host that joined the group.',
      when: 'Turn it off when a process both sends and listens and must not hear itself; keep it on to test on one machine.',
      pitfall: 'On Linux and macOS it applies to the sending socket; on Windows it applies to the *receiving* socket. Like the TTL, BSD-derived stacks expect a `u_char`.',
    },
    tr: {
      summary: 'Kendi çok noktaya yayınımızı yerel dinleyicilere geri ver',
      meaning: 'Açıkken (varsayılan), gönderdiğiniz çok noktaya yayın bu makinede gruba katılmış soketlere de geri döner.',
      when: 'Hem gönderen hem dinleyen ve kendini duymaması gereken süreçte kapatın; tek makinede test için açık tutun.',
      pitfall: 'Linux ve macOS\'te gönderen sokete, Windows\'ta ise *alan* sokete uygulanır. TTL\'de olduğu gibi BSD kökenli yığınlar `u_char` bekler.',
    },
  },
  {
    name: 'IP_ADD_MEMBERSHIP', group: 'ip-option', values: { linux: 35, macos: 12, windows: 12 },
    usage: { kind: 'option', level: LEVEL, value: { kind: 'ip_mreq' }, access: 'set' },
    related: ['IP_DROP_MEMBERSHIP', 'IP_MULTICAST_IF', 'IP_ADD_SOURCE_MEMBERSHIP', 'IPV6_JOIN_GROUP', 'SO_REUSEADDR'], manPages: ['ip(7)'],
    en: {
      summary: 'Join an IPv4 multicast group on an interface',
      meaning: 'Takes `struct ip_mreq {imr_multiaddr, imr_interface}`; the kernel sends the IGMP report and starts delivering the group\'s datagrams to sockets bound to the port.',
      when: 'Receiving mDNS (224.0.0.251), SSDP (239.255.255.250) or any multicast feed: bind to the port, then join.',
      pitfall: 'Joining is per interface: `INADDR_ANY` picks one by the routing table, which may not be the one you want. Several receivers on one port need `SO_REUSEADDR` (and `SO_REUSEPORT` on macOS). The old `<winsock.h>` used 5 for this option; `ws2tcpip.h` uses 12.',
    },
    tr: {
      summary: 'Bir arayüzde IPv4 çok noktaya yayın grubuna katıl',
      meaning: '`struct ip_mreq {imr_multiaddr, imr_interface}` alır; çekirdek IGMP raporunu gönderir ve grubun datagramlarını o porta bağlı soketlere teslim etmeye başlar.',
      when: 'mDNS (224.0.0.251), SSDP (239.255.255.250) ya da herhangi bir çok noktaya yayın akışını almak için: porta bağlanın, sonra katılın.',
      pitfall: 'Katılım arayüz başınadır: `INADDR_ANY` yönlendirme tablosuna göre birini seçer, o da istediğiniz olmayabilir. Aynı portta birden çok alıcı `SO_REUSEADDR` (macOS\'te `SO_REUSEPORT`) ister. Eski `<winsock.h>` bu seçenek için 5 kullanırdı; `ws2tcpip.h` 12 kullanır.',
    },
  },
  {
    name: 'IP_DROP_MEMBERSHIP', group: 'ip-option', values: { linux: 36, macos: 13, windows: 13 },
    usage: { kind: 'option', level: LEVEL, value: { kind: 'ip_mreq' }, access: 'set' },
    related: ['IP_ADD_MEMBERSHIP', 'IP_DROP_SOURCE_MEMBERSHIP'], manPages: ['ip(7)'],
    en: {
      summary: 'Leave an IPv4 multicast group',
      meaning: 'Takes the same `struct ip_mreq` that was used to join; the kernel sends an IGMP leave when no socket needs the group any more.',
      when: 'Switching channels in IPTV-like receivers, or cleaning up without closing the socket.',
      pitfall: 'The interface must match the join exactly or the call fails with `EADDRNOTAVAIL`. Closing the socket leaves all its groups automatically.',
    },
    tr: {
      summary: 'IPv4 çok noktaya yayın grubundan ayrıl',
      meaning: 'Katılırken kullanılan `struct ip_mreq` yapısının aynısını alır; gruba ihtiyaç duyan soket kalmayınca çekirdek IGMP ayrılma mesajı gönderir.',
      when: 'IPTV benzeri alıcılarda kanal değiştirirken ya da soketi kapatmadan temizlik yaparken.',
      pitfall: 'Arayüz katılımdakiyle tam aynı olmalıdır, yoksa çağrı `EADDRNOTAVAIL` ile başarısız olur. Soketi kapatmak tüm gruplardan kendiliğinden ayrılır.',
    },
  },
  {
    name: 'IP_ADD_SOURCE_MEMBERSHIP', group: 'ip-option', values: { linux: 39, macos: 70, windows: 15 }, notInPython: true,
    unverified: ['macos'],
    usage: { kind: 'option', level: LEVEL, value: { kind: 'ip_mreq_source' }, access: 'set' },
    related: ['IP_DROP_SOURCE_MEMBERSHIP', 'IP_ADD_MEMBERSHIP'], manPages: ['ip(7)'],
    en: {
      summary: 'Join a source-specific multicast (SSM) channel',
      meaning: 'Takes `struct ip_mreq_source`: receive group G only from source S (IGMPv3), the (S,G) model of the 232.0.0.0/8 range.',
      when: 'IPTV and financial feeds built on SSM.',
      pitfall: 'The field order of `struct ip_mreq_source` differs between platforms (Linux: multiaddr, interface, sourceaddr; Windows and macOS: multiaddr, sourceaddr, interface), so fill it by field name, never positionally.',
    },
    tr: {
      summary: 'Kaynağa özgü çok noktaya yayın (SSM) kanalına katıl',
      meaning: '`struct ip_mreq_source` alır: G grubunu yalnızca S kaynağından al (IGMPv3); 232.0.0.0/8 aralığının (S,G) modeli.',
      when: 'SSM üzerine kurulu IPTV ve finans akışlarında.',
      pitfall: '`struct ip_mreq_source` alan sırası platformlar arasında farklıdır (Linux: multiaddr, interface, sourceaddr; Windows ve macOS: multiaddr, sourceaddr, interface); yapıyı sırayla değil, alan adlarıyla doldurun.',
    },
  },
  {
    name: 'IP_DROP_SOURCE_MEMBERSHIP', group: 'ip-option', values: { linux: 40, macos: 71, windows: 16 }, notInPython: true,
    unverified: ['macos'],
    usage: { kind: 'option', level: LEVEL, value: { kind: 'ip_mreq_source' }, access: 'set' },
    related: ['IP_ADD_SOURCE_MEMBERSHIP', 'IP_DROP_MEMBERSHIP'], manPages: ['ip(7)'],
    en: {
      summary: 'Leave a source-specific multicast channel',
      meaning: 'Stops receiving group G from source S, using the same `struct ip_mreq_source` as the join.',
      when: 'Switching SSM channels.',
      pitfall: 'Same struct-layout difference as the join; the interface and source must match the join.',
    },
    tr: {
      summary: 'Kaynağa özgü çok noktaya yayın kanalından ayrıl',
      meaning: 'Katılımdaki `struct ip_mreq_source` ile S kaynağından G grubunu almayı bırakır.',
      when: 'SSM kanalları arasında geçiş yaparken.',
      pitfall: 'Katılımdaki yapı düzeni farkı burada da geçerlidir; arayüz ve kaynak katılımla eşleşmelidir.',
    },
  },
  {
    name: 'IP_PKTINFO', group: 'ip-option', values: { linux: 8, macos: 26, windows: 19 }, notInPython: true,
    usage: { kind: 'option', level: LEVEL, value: { kind: 'bool' }, access: 'both' },
    related: ['IPV6_RECVPKTINFO', 'IP_RECVORIGDSTADDR', 'INADDR_ANY'], manPages: ['ip(7)'],
    en: {
      summary: 'Learn which local address and interface a datagram arrived on',
      meaning: 'Each `recvmsg()` gets an `IP_PKTINFO` control message (`struct in_pktinfo`: interface index, local address, destination address); it can also be sent to choose the source.',
      when: 'UDP servers bound to `INADDR_ANY` on multi-homed hosts (DNS, DHCP, QUIC) that must answer from the address the client used.',
      pitfall: 'Without it a reply from a wildcard-bound socket may leave with a different source address, and the client drops it. Linux, macOS and Windows use the same name with different numbers.',
    },
    tr: {
      summary: 'Datagramın hangi yerel adrese ve arayüze geldiğini öğren',
      meaning: 'Her `recvmsg()` bir `IP_PKTINFO` denetim mesajı alır (`struct in_pktinfo`: arayüz indeksi, yerel adres, hedef adres); kaynak adresi seçmek için gönderilebilir de.',
      when: 'Çok arayüzlü makinelerde `INADDR_ANY` adresine bağlı, istemcinin kullandığı adresten yanıt vermesi gereken UDP sunucularında (DNS, DHCP, QUIC).',
      pitfall: 'Bu olmadan joker adrese bağlı soketin yanıtı farklı bir kaynak adresle çıkabilir ve istemci onu atar. Linux, macOS ve Windows aynı adı farklı sayılarla kullanır.',
    },
  },
  {
    name: 'IP_RECVTTL', group: 'ip-option', values: { linux: 12, windows: 21 }, unverified: ['windows'], unrecorded: ['macos'],
    notInPython: true,
    valueNote: 'macOS defines IP_RECVTTL in <netinet/in.h>; its number is not recorded here.',
    usage: { kind: 'option', level: LEVEL, value: { kind: 'bool' }, access: 'both' },
    related: ['IP_TTL', 'IPV6_RECVHOPLIMIT'], manPages: ['ip(7)'],
    en: {
      summary: 'Receive the TTL of each incoming datagram',
      meaning: 'Adds an `IP_TTL` control message with the packet\'s remaining TTL to `recvmsg()`.',
      when: 'GTSM (RFC 5082: accept BGP/BFD only with TTL 255), hop-count estimation.',
      pitfall: 'Not supported on `SOCK_STREAM` sockets; read it with `recvmsg()`.',
    },
    tr: {
      summary: 'Gelen her datagramın TTL değerini al',
      meaning: '`recvmsg()` sonucuna paketin kalan TTL değerini içeren bir `IP_TTL` denetim mesajı ekler.',
      when: 'GTSM (RFC 5082: BGP/BFD\'yi yalnızca TTL 255 ile kabul et), sıçrama sayısı tahmini.',
      pitfall: '`SOCK_STREAM` soketlerde desteklenmez; `recvmsg()` ile okuyun.',
    },
  },
];

// IPPROTO_* protocol numbers: the protocol argument of socket(), the option level of setsockopt(),
// and the IP "protocol"/IPv6 "next header" field. The numbers are IANA's, so they agree everywhere a
// platform defines them. Values: Linux <netinet/in.h> (glibc); macOS <netinet/in.h> (XNU);
// Windows <ws2def.h> (IPPROTO enum).
import type { ConstantEntry } from '../types';

export const PROTOCOLS: readonly ConstantEntry[] = [
  {
    name: 'IPPROTO_IP', group: 'protocol', values: { linux: 0, macos: 0, windows: 0 },
    usage: { kind: 'protocol', sampleOption: 'IP_TTL' }, related: ['SOL_IP', 'IP_TTL', 'IP_ADD_MEMBERSHIP', 'IPPROTO_HOPOPTS'],
    manPages: ['ip(7)'],
    en: {
      summary: 'IPv4 option level; 0 = "default protocol" in socket()',
      meaning: 'As a `setsockopt()` level it selects the `IP_*` options. As the third argument of `socket()`, 0 means "the default protocol for this type" (TCP for `SOCK_STREAM`, UDP for `SOCK_DGRAM`).',
      when: '`setsockopt(fd, IPPROTO_IP, IP_TTL, …)`, multicast options, `IP_TOS`.',
      pitfall: 'Using it as the level of an IPv6 socket\'s options does not affect IPv6 traffic: use `IPPROTO_IPV6` with `IPV6_*` options there. It shares the number 0 with `IPPROTO_HOPOPTS`.',
    },
    tr: {
      summary: 'IPv4 seçenek düzeyi; socket() içinde 0 = "varsayılan protokol"',
      meaning: '`setsockopt()` düzeyi olarak `IP_*` seçeneklerini seçer. `socket()` çağrısının üçüncü argümanı olarak 0 "bu türün varsayılan protokolü" demektir (`SOCK_STREAM` için TCP, `SOCK_DGRAM` için UDP).',
      when: '`setsockopt(fd, IPPROTO_IP, IP_TTL, …)`, çok noktaya yayın seçenekleri, `IP_TOS`.',
      pitfall: 'IPv6 soketinde bu düzeyle seçenek vermek IPv6 trafiğini etkilemez: orada `IPV6_*` seçenekleriyle `IPPROTO_IPV6` kullanın. 0 sayısını `IPPROTO_HOPOPTS` ile paylaşır.',
    },
  },
  {
    name: 'IPPROTO_TCP', group: 'protocol', values: { linux: 6, macos: 6, windows: 6 },
    usage: { kind: 'protocol', socketType: 'SOCK_STREAM', sampleOption: 'TCP_NODELAY' },
    related: ['SOCK_STREAM', 'SOL_TCP', 'TCP_NODELAY', 'TCP_KEEPIDLE'], manPages: ['tcp(7)'],
    en: {
      summary: 'TCP: protocol number 6 and the TCP option level',
      meaning: 'Transmission Control Protocol. Third argument of `socket(AF_INET, SOCK_STREAM, IPPROTO_TCP)` and the level for `TCP_*` options.',
      when: '`setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, …)`; in `getaddrinfo()` hints to get only TCP results.',
      pitfall: 'Passing `SOL_SOCKET` as the level for `TCP_NODELAY` sets a different option (on Linux, number 1 at `SOL_SOCKET` is `SO_DEBUG`). Match the level to the option\'s prefix.',
    },
    tr: {
      summary: 'TCP: 6 numaralı protokol ve TCP seçenek düzeyi',
      meaning: 'Transmission Control Protocol. `socket(AF_INET, SOCK_STREAM, IPPROTO_TCP)` çağrısının üçüncü argümanı ve `TCP_*` seçeneklerinin düzeyi.',
      when: '`setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, …)`; yalnızca TCP sonuçları almak için `getaddrinfo()` ipuçlarında.',
      pitfall: '`TCP_NODELAY` için düzey olarak `SOL_SOCKET` vermek başka bir seçeneği ayarlar (Linux\'ta `SOL_SOCKET` düzeyinde 1 numara `SO_DEBUG`\'dır). Düzeyi seçeneğin önekine göre seçin.',
    },
  },
  {
    name: 'IPPROTO_UDP', group: 'protocol', values: { linux: 17, macos: 17, windows: 17 },
    usage: { kind: 'protocol', socketType: 'SOCK_DGRAM' }, related: ['SOCK_DGRAM', 'SOL_UDP', 'IPPROTO_UDPLITE'], manPages: ['udp(7)'],
    en: {
      summary: 'UDP: protocol number 17',
      meaning: 'User Datagram Protocol: `socket(AF_INET, SOCK_DGRAM, IPPROTO_UDP)`, and the level for the few `UDP_*` options.',
      when: 'Explicit UDP sockets, or `getaddrinfo()` hints for UDP services (DNS, syslog, SIP).',
      pitfall: '`SOCK_STREAM` with `IPPROTO_UDP` fails with `EPROTONOSUPPORT`: type and protocol must match (or pass 0).',
    },
    tr: {
      summary: 'UDP: 17 numaralı protokol',
      meaning: 'User Datagram Protocol: `socket(AF_INET, SOCK_DGRAM, IPPROTO_UDP)`; az sayıdaki `UDP_*` seçeneğinin de düzeyi.',
      when: 'Açıkça UDP soketi açarken ya da UDP servisleri (DNS, syslog, SIP) için `getaddrinfo()` ipuçlarında.',
      pitfall: '`SOCK_STREAM` ile `IPPROTO_UDP` `EPROTONOSUPPORT` verir: tür ve protokol uyuşmalı (ya da 0 verin).',
    },
  },
  {
    name: 'IPPROTO_IPV6', group: 'protocol', values: { linux: 41, macos: 41, windows: 41 },
    usage: { kind: 'protocol', sampleOption: 'IPV6_V6ONLY' }, related: ['IPV6_V6ONLY', 'SOL_IPV6', 'AF_INET6'], manPages: ['ipv6(7)'],
    en: {
      summary: 'IPv6 option level (and IPv6-in-IP protocol 41)',
      meaning: 'The level for `IPV6_*` options on `AF_INET6` sockets; as an IP protocol number, 41 is IPv6 encapsulated in IPv4 (6in4 tunnels).',
      when: '`setsockopt(fd, IPPROTO_IPV6, IPV6_V6ONLY, …)`, IPv6 multicast and hop limits.',
      pitfall: 'IPv4 options (`IP_*`) at this level mean something else: `IP_TTL` is 2 at `IPPROTO_IP`, but 2 at `IPPROTO_IPV6` is `IPV6_2292PKTINFO` on Linux.',
    },
    tr: {
      summary: 'IPv6 seçenek düzeyi (ve IP içinde IPv6, protokol 41)',
      meaning: '`AF_INET6` soketlerindeki `IPV6_*` seçeneklerinin düzeyi; IP protokol numarası olarak 41, IPv4 içine sarılmış IPv6\'dır (6in4 tünelleri).',
      when: '`setsockopt(fd, IPPROTO_IPV6, IPV6_V6ONLY, …)`, IPv6 çok noktaya yayın ve sıçrama sınırları.',
      pitfall: 'IPv4 seçenekleri (`IP_*`) bu düzeyde başka anlama gelir: `IP_TTL` `IPPROTO_IP` düzeyinde 2\'dir, ama `IPPROTO_IPV6` düzeyinde 2 Linux\'ta `IPV6_2292PKTINFO`\'dur.',
    },
  },
  {
    name: 'IPPROTO_ICMP', group: 'protocol', values: { linux: 1, macos: 1, windows: 1 },
    usage: { kind: 'protocol', socketType: 'SOCK_RAW', family: 'AF_INET' }, related: ['SOCK_RAW', 'IPPROTO_ICMPV6', 'SOL_RAW'], manPages: ['icmp(7)', 'raw(7)'],
    en: {
      summary: 'ICMP for IPv4 (ping, errors)',
      meaning: 'Internet Control Message Protocol: echo request/reply, destination unreachable, time exceeded.',
      when: '`socket(AF_INET, SOCK_RAW, IPPROTO_ICMP)` for ping/traceroute; on Linux also `SOCK_DGRAM` for unprivileged "ping sockets".',
      pitfall: 'Raw ICMP needs root; Linux ping sockets need the group id inside `net.ipv4.ping_group_range`. It is only for IPv4: IPv6 uses `IPPROTO_ICMPV6`.',
    },
    tr: {
      summary: 'IPv4 için ICMP (ping, hata mesajları)',
      meaning: 'Internet Control Message Protocol: yankı isteği/yanıtı, hedefe ulaşılamıyor, süre aşıldı.',
      when: 'ping/traceroute için `socket(AF_INET, SOCK_RAW, IPPROTO_ICMP)`; Linux\'ta yetkisiz "ping soketleri" için `SOCK_DGRAM` da olur.',
      pitfall: 'Ham ICMP root ister; Linux ping soketleri için grup kimliği `net.ipv4.ping_group_range` içinde olmalıdır. Yalnızca IPv4 içindir: IPv6 `IPPROTO_ICMPV6` kullanır.',
    },
  },
  {
    name: 'IPPROTO_ICMPV6', group: 'protocol', values: { linux: 58, macos: 58, windows: 58 },
    usage: { kind: 'protocol', socketType: 'SOCK_RAW', family: 'AF_INET6' }, related: ['IPPROTO_ICMP', 'SOCK_RAW', 'AF_INET6'], manPages: ['ipv6(7)', 'raw(7)'],
    en: {
      summary: 'ICMPv6: ping, errors and neighbour discovery for IPv6',
      meaning: 'ICMP for IPv6, which also carries Neighbor Discovery and MLD (multicast listener) messages.',
      when: '`socket(AF_INET6, SOCK_RAW, IPPROTO_ICMPV6)` for ping6 or router advertisement tools.',
      pitfall: 'Blocking all ICMPv6 in a firewall breaks IPv6 (neighbour discovery, path MTU). Unlike IPv4 raw sockets, the kernel computes the ICMPv6 checksum for you.',
    },
    tr: {
      summary: 'ICMPv6: IPv6 için ping, hata ve komşu keşfi',
      meaning: 'IPv6 için ICMP; Komşu Keşfi (Neighbor Discovery) ve MLD (çok noktaya yayın dinleyici) mesajlarını da taşır.',
      when: 'ping6 ya da yönlendirici duyurusu araçları için `socket(AF_INET6, SOCK_RAW, IPPROTO_ICMPV6)`.',
      pitfall: 'Güvenlik duvarında tüm ICMPv6\'yı engellemek IPv6\'yı bozar (komşu keşfi, yol MTU\'su). IPv4 ham soketlerinin aksine ICMPv6 sağlama toplamını çekirdek hesaplar.',
    },
  },
  {
    name: 'IPPROTO_RAW', group: 'protocol', values: { linux: 255, macos: 255, windows: 255 },
    usage: { kind: 'protocol', socketType: 'SOCK_RAW', family: 'AF_INET' }, related: ['SOCK_RAW', 'IP_HDRINCL'], manPages: ['raw(7)'],
    en: {
      summary: 'Raw IP: you write the whole IPv4 header',
      meaning: 'A raw socket with this protocol implies `IP_HDRINCL`: every packet you send must start with your own IP header.',
      when: 'Packet crafting tools that send arbitrary IP protocols.',
      pitfall: 'On Linux such a socket is send-only: it never receives packets. To receive, open a raw socket for the specific protocol or use `AF_PACKET`.',
    },
    tr: {
      summary: 'Ham IP: IPv4 başlığının tamamını siz yazarsınız',
      meaning: 'Bu protokolle açılan ham soket `IP_HDRINCL` anlamına gelir: gönderdiğiniz her paket kendi IP başlığınızla başlamalıdır.',
      when: 'İstenen herhangi bir IP protokolünü gönderen paket üretme araçlarında.',
      pitfall: 'Linux\'ta böyle bir soket yalnızca gönderir, hiç paket almaz. Almak için belirli protokole ham soket açın ya da `AF_PACKET` kullanın.',
    },
  },
  {
    name: 'IPPROTO_IGMP', group: 'protocol', values: { linux: 2, macos: 2, windows: 2 },
    usage: { kind: 'protocol', socketType: 'SOCK_RAW', family: 'AF_INET' }, related: ['IP_ADD_MEMBERSHIP', 'IPPROTO_PIM'], manPages: ['ip(7)', 'raw(7)'],
    en: {
      summary: 'IGMP: IPv4 multicast group management',
      meaning: 'Internet Group Management Protocol, which hosts use to tell routers which multicast groups they want.',
      when: 'Multicast routers and snooping tools (raw sockets); applications just use `IP_ADD_MEMBERSHIP` and let the kernel send IGMP.',
      pitfall: 'You never need to send IGMP yourself to receive multicast; doing so duplicates what the kernel already does.',
    },
    tr: {
      summary: 'IGMP: IPv4 çok noktaya yayın grup yönetimi',
      meaning: 'Makinelerin hangi çok noktaya yayın gruplarını istediğini yönlendiricilere bildirdiği Internet Group Management Protocol.',
      when: 'Çok noktaya yayın yönlendiricilerinde ve dinleme araçlarında (ham soketler); uygulamalar yalnızca `IP_ADD_MEMBERSHIP` kullanır, IGMP\'yi çekirdek gönderir.',
      pitfall: 'Çok noktaya yayın almak için IGMP\'yi kendiniz göndermeniz gerekmez; göndermek çekirdeğin yaptığını tekrarlar.',
    },
  },
  {
    name: 'IPPROTO_SCTP', group: 'protocol', values: { linux: 132, macos: 132, windows: 132 },
    usage: { kind: 'protocol', socketType: 'SOCK_SEQPACKET' }, related: ['SOCK_SEQPACKET', 'SOCK_STREAM', 'MSG_EOR'], manPages: ['sctp(7)'],
    en: {
      summary: 'SCTP: message-oriented, multi-homed, multi-stream transport',
      meaning: 'Stream Control Transmission Protocol: reliable messages, several independent streams per association and multiple addresses per endpoint.',
      when: 'Telecom signalling (Diameter, SIGTRAN, S1AP), WebRTC data channels (over DTLS/UDP, in user space).',
      pitfall: 'The number exists everywhere but the protocol does not: Linux needs the `sctp` module, macOS and Windows have no kernel SCTP, and many NATs and firewalls drop it.',
    },
    tr: {
      summary: 'SCTP: mesaj tabanlı, çok adresli, çok akışlı taşıma',
      meaning: 'Stream Control Transmission Protocol: güvenilir mesajlar, ilişki başına birden çok bağımsız akış ve uç başına birden çok adres.',
      when: 'Telekom sinyalleşmesinde (Diameter, SIGTRAN, S1AP), WebRTC veri kanallarında (DTLS/UDP üzerinde, kullanıcı alanında).',
      pitfall: 'Numara her yerde var ama protokol yok: Linux\'ta `sctp` modülü gerekir, macOS ve Windows\'ta çekirdek SCTP\'si yoktur; birçok NAT ve güvenlik duvarı da onu düşürür.',
    },
  },
  {
    name: 'IPPROTO_UDPLITE', group: 'protocol', values: { linux: 136 },
    usage: { kind: 'protocol', socketType: 'SOCK_DGRAM' }, related: ['IPPROTO_UDP', 'SOCK_DGRAM'], manPages: ['udplite(7)'],
    en: {
      summary: 'UDP-Lite: UDP with partial checksum coverage',
      meaning: 'A UDP variant (RFC 3828) whose checksum may cover only the first bytes, so damaged payloads are still delivered.',
      when: 'Error-tolerant codecs over lossy radio links; very rare in practice.',
      pitfall: 'Linux only, with the coverage set by `UDPLITE_SEND_CSCOV`; middleboxes often drop it, and newer kernels deprecate it.',
    },
    tr: {
      summary: 'UDP-Lite: sağlama toplamı kısmi olan UDP',
      meaning: 'Sağlama toplamı yalnızca ilk baytları kapsayabilen bir UDP çeşidi (RFC 3828); hasarlı yük yine de teslim edilir.',
      when: 'Kayıplı telsiz bağlantılarında hataya dayanıklı kodeklerde; pratikte çok nadir.',
      pitfall: 'Yalnızca Linux\'ta vardır, kapsam `UDPLITE_SEND_CSCOV` ile verilir; ara cihazlar çoğu zaman düşürür ve yeni çekirdekler kullanımdan kaldırıyor.',
    },
  },
  {
    name: 'IPPROTO_MPTCP', group: 'protocol', values: { linux: 262 },
    usage: { kind: 'protocol', socketType: 'SOCK_STREAM' }, related: ['IPPROTO_TCP', 'SOL_MPTCP', 'SOCK_STREAM'], manPages: ['tcp(7)'],
    en: {
      summary: 'Multipath TCP (Linux 5.6+)',
      meaning: 'A TCP connection that can use several paths at once (Wi-Fi and cellular). `socket(AF_INET, SOCK_STREAM, IPPROTO_MPTCP)`.',
      when: 'Mobile clients and servers that want seamless handover or bandwidth aggregation.',
      pitfall: '262 is not a real IP protocol number (it does not fit the 8-bit field): it only selects MPTCP in `socket()`. Falls back to plain TCP if the peer lacks MPTCP, and fails with `EPROTONOSUPPORT` when `net.mptcp.enabled` is 0.',
    },
    tr: {
      summary: 'Çok yollu TCP (Linux 5.6+)',
      meaning: 'Aynı anda birden çok yol (Wi-Fi ve hücresel) kullanabilen TCP bağlantısı: `socket(AF_INET, SOCK_STREAM, IPPROTO_MPTCP)`.',
      when: 'Kesintisiz geçiş ya da bant genişliği birleştirme isteyen mobil istemci ve sunucularda.',
      pitfall: '262 gerçek bir IP protokol numarası değildir (8 bitlik alana sığmaz): yalnızca `socket()` içinde MPTCP\'yi seçer. Karşı taraf desteklemezse düz TCP\'ye döner; `net.mptcp.enabled` 0 ise `EPROTONOSUPPORT` verir.',
    },
  },
];

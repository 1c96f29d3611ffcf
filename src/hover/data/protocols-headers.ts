// IPPROTO_* numbers that mostly appear inside packets: the IPv6 extension headers (the "next header"
// values) and legacy or tunnelling protocols. The numbers are IANA's. Values: Linux <netinet/in.h>
// (glibc); macOS <netinet/in.h> (XNU); Windows <ws2def.h> (IPPROTO enum).
import type { ConstantEntry } from '../types';

export const HEADER_PROTOCOLS: readonly ConstantEntry[] = [
  {
    name: 'IPPROTO_HOPOPTS', group: 'protocol', values: { linux: 0, macos: 0, windows: 0 },
    usage: { kind: 'protocol' }, related: ['IPV6_HOPOPTS', 'IPV6_RECVHOPOPTS', 'IPPROTO_IP'], manPages: ['ipv6(7)'],
    usedWith: 'ip6_hdr.ip6_nxt == IPPROTO_HOPOPTS',
    en: {
      summary: 'IPv6 Hop-by-Hop Options header (next header 0)',
      meaning: 'The next-header value of the IPv6 extension header that every router on the path must examine (e.g. router alert, jumbograms).',
      when: 'Parsing IPv6 packets on raw or packet sockets; to send such options use `IPV6_HOPOPTS` ancillary data.',
      pitfall: 'It is 0, the same as `IPPROTO_IP`: the meaning depends on context. Many routers drop or slow-path packets that carry this header.',
    },
    tr: {
      summary: 'IPv6 Hop-by-Hop Seçenekleri başlığı (sonraki başlık 0)',
      meaning: 'Yol üzerindeki her yönlendiricinin incelemesi gereken IPv6 uzantı başlığının sonraki başlık (next header) değeri (ör. yönlendirici uyarısı, jumbogramlar).',
      when: 'Ham ya da paket soketlerinde IPv6 paketlerini çözümlerken; bu seçenekleri göndermek için `IPV6_HOPOPTS` yardımcı verisini kullanın.',
      pitfall: 'Değeri 0\'dır, `IPPROTO_IP` ile aynı: anlamı bağlama göre değişir. Birçok yönlendirici bu başlığı taşıyan paketleri düşürür ya da yavaş yoldan işler.',
    },
  },
  {
    name: 'IPPROTO_ROUTING', group: 'protocol', values: { linux: 43, macos: 43, windows: 43 },
    usage: { kind: 'protocol' }, related: ['IPV6_RTHDR', 'IPV6_RECVRTHDR'], manPages: ['ipv6(7)'],
    usedWith: 'ip6_hdr.ip6_nxt == IPPROTO_ROUTING',
    en: {
      summary: 'IPv6 Routing header (next header 43)',
      meaning: 'The next-header value of the IPv6 routing extension header, which lists intermediate nodes (segment routing, mobile IPv6).',
      when: 'Parsing IPv6 packets; sending source-routed packets with `IPV6_RTHDR`.',
      pitfall: 'Type 0 routing headers were deprecated (RFC 5095) for amplification attacks; most networks drop them.',
    },
    tr: {
      summary: 'IPv6 Yönlendirme başlığı (sonraki başlık 43)',
      meaning: 'Ara düğümleri listeleyen IPv6 yönlendirme uzantı başlığının sonraki başlık değeri (segment yönlendirme, mobil IPv6).',
      when: 'IPv6 paketlerini çözümlerken; `IPV6_RTHDR` ile kaynak yönlendirmeli paket gönderirken.',
      pitfall: 'Tip 0 yönlendirme başlıkları güçlendirme saldırıları yüzünden kullanımdan kaldırıldı (RFC 5095); çoğu ağ bunları düşürür.',
    },
  },
  {
    name: 'IPPROTO_FRAGMENT', group: 'protocol', values: { linux: 44, macos: 44, windows: 44 },
    usage: { kind: 'protocol' }, related: ['IPV6_DONTFRAG', 'IPV6_MTU_DISCOVER'], manPages: ['ipv6(7)'],
    usedWith: 'ip6_hdr.ip6_nxt == IPPROTO_FRAGMENT',
    en: {
      summary: 'IPv6 Fragment header (next header 44)',
      meaning: 'Marks a fragment of a larger IPv6 packet; in IPv6 only the sender fragments, never routers.',
      when: 'Parsing packets on raw or packet sockets; the kernel reassembles for normal sockets.',
      pitfall: 'Fragmented IPv6 is often dropped by firewalls; size UDP payloads below the path MTU instead of relying on fragmentation.',
    },
    tr: {
      summary: 'IPv6 Parça başlığı (sonraki başlık 44)',
      meaning: 'Daha büyük bir IPv6 paketinin parçasını işaretler; IPv6\'da yalnızca gönderen parçalar, yönlendiriciler asla.',
      when: 'Ham ya da paket soketlerinde paket çözümlerken; normal soketler için birleştirmeyi çekirdek yapar.',
      pitfall: 'Parçalı IPv6 güvenlik duvarlarında sık sık düşürülür; parçalanmaya güvenmek yerine UDP yükünü yol MTU\'sunun altında tutun.',
    },
  },
  {
    name: 'IPPROTO_DSTOPTS', group: 'protocol', values: { linux: 60, macos: 60, windows: 60 },
    usage: { kind: 'protocol' }, related: ['IPV6_DSTOPTS', 'IPV6_RECVDSTOPTS'], manPages: ['ipv6(7)'],
    usedWith: 'ip6_hdr.ip6_nxt == IPPROTO_DSTOPTS',
    en: {
      summary: 'IPv6 Destination Options header (next header 60)',
      meaning: 'Options examined only by the destination (or by each listed hop when it precedes a routing header).',
      when: 'Parsing IPv6 packets; sending options via `IPV6_DSTOPTS` ancillary data.',
      pitfall: 'Rarely used and often filtered on the Internet; do not design protocols that depend on it.',
    },
    tr: {
      summary: 'IPv6 Hedef Seçenekleri başlığı (sonraki başlık 60)',
      meaning: 'Yalnızca hedefin (ya da yönlendirme başlığından önce geliyorsa listelenen her düğümün) incelediği seçenekler.',
      when: 'IPv6 paketlerini çözümlerken; `IPV6_DSTOPTS` yardımcı verisiyle seçenek gönderirken.',
      pitfall: 'Nadiren kullanılır ve İnternet\'te sık sık süzülür; ona dayanan protokol tasarlamayın.',
    },
  },
  {
    name: 'IPPROTO_NONE', group: 'protocol', values: { linux: 59, macos: 59, windows: 59 },
    usage: { kind: 'protocol' }, related: ['IPPROTO_IPV6'], manPages: ['ipv6(7)'],
    usedWith: 'ip6_hdr.ip6_nxt == IPPROTO_NONE',
    en: {
      summary: 'IPv6 "no next header" (59)',
      meaning: 'Says nothing follows the current IPv6 header; any remaining bytes are ignored.',
      when: 'Parsing IPv6 header chains.',
      pitfall: 'A packet ending in `IPPROTO_NONE` has no transport payload; do not try to parse one from the trailing bytes.',
    },
    tr: {
      summary: 'IPv6 "sonraki başlık yok" (59)',
      meaning: 'Geçerli IPv6 başlığından sonra hiçbir şey gelmediğini söyler; kalan baytlar yok sayılır.',
      when: 'IPv6 başlık zincirlerini çözümlerken.',
      pitfall: '`IPPROTO_NONE` ile biten paketin taşıma yükü yoktur; sondaki baytlardan yük çözmeye çalışmayın.',
    },
  },
  {
    name: 'IPPROTO_AH', group: 'protocol', values: { linux: 51, macos: 51, windows: 51 },
    usage: { kind: 'protocol' }, related: ['IPPROTO_ESP', 'AF_KEY'], manPages: ['ip(7)'],
    usedWith: 'iphdr.protocol == IPPROTO_AH',
    en: {
      summary: 'IPsec Authentication Header (51)',
      meaning: 'IPsec protocol that authenticates packets, including parts of the IP header, without encrypting them.',
      when: 'IPsec policy and SA configuration; packet parsing.',
      pitfall: 'AH breaks through NAT because it signs the addresses; ESP (optionally with null encryption) is used instead almost everywhere.',
    },
    tr: {
      summary: 'IPsec Kimlik Doğrulama Başlığı (51)',
      meaning: 'Paketleri şifrelemeden, IP başlığının bir kısmı dahil doğrulayan IPsec protokolü.',
      when: 'IPsec politika ve SA yapılandırmasında; paket çözümlemede.',
      pitfall: 'AH adresleri imzaladığı için NAT\'tan geçemez; neredeyse her yerde onun yerine ESP (gerekirse boş şifrelemeyle) kullanılır.',
    },
  },
  {
    name: 'IPPROTO_ESP', group: 'protocol', values: { linux: 50, macos: 50, windows: 50 },
    usage: { kind: 'protocol' }, related: ['IPPROTO_AH', 'AF_KEY', 'IPPROTO_UDP'], manPages: ['ip(7)'],
    usedWith: 'iphdr.protocol == IPPROTO_ESP',
    en: {
      summary: 'IPsec Encapsulating Security Payload (50)',
      meaning: 'The IPsec protocol that encrypts and authenticates the payload; the basis of most IPsec VPNs.',
      when: 'IPsec configuration (XFRM, PF_KEY) and packet parsing.',
      pitfall: 'Behind NAT, ESP is wrapped in UDP port 4500 (NAT-T), so firewalls see UDP rather than protocol 50.',
    },
    tr: {
      summary: 'IPsec Kapsülleyen Güvenlik Yükü (50)',
      meaning: 'Yükü şifreleyen ve doğrulayan IPsec protokolü; IPsec VPN\'lerinin çoğunun temeli.',
      when: 'IPsec yapılandırmasında (XFRM, PF_KEY) ve paket çözümlemede.',
      pitfall: 'NAT arkasında ESP UDP 4500 portuna sarılır (NAT-T); güvenlik duvarı protokol 50 yerine UDP görür.',
    },
  },
  {
    name: 'IPPROTO_GRE', group: 'protocol', values: { linux: 47, macos: 47 },
    usage: { kind: 'protocol', socketType: 'SOCK_RAW', family: 'AF_INET' }, related: ['IPPROTO_IPIP', 'SOCK_RAW'], manPages: ['ip(7)'],
    en: {
      summary: 'Generic Routing Encapsulation (47)',
      meaning: 'A tunnelling protocol that carries other packets (IPv4, IPv6, Ethernet) inside IP; used by PPTP and many site-to-site tunnels.',
      when: 'Raw sockets in tunnel software; normally you configure a `gre` interface instead.',
      pitfall: 'It is not TCP or UDP, so it has no ports: NAT devices must track it specially and often do not.',
    },
    tr: {
      summary: 'Genel Yönlendirme Kapsüllemesi (GRE, 47)',
      meaning: 'Başka paketleri (IPv4, IPv6, Ethernet) IP içinde taşıyan tünel protokolü; PPTP ve birçok noktadan noktaya tünel kullanır.',
      when: 'Tünel yazılımlarında ham soketlerle; normalde bunun yerine bir `gre` arayüzü yapılandırılır.',
      pitfall: 'TCP ya da UDP değildir, portu yoktur: NAT cihazları onu özel olarak izlemelidir ve çoğu zaman izlemez.',
    },
  },
  {
    name: 'IPPROTO_IPIP', group: 'protocol', values: { linux: 4, macos: 4 },
    usage: { kind: 'protocol', socketType: 'SOCK_RAW', family: 'AF_INET' }, related: ['IPPROTO_GRE', 'IPPROTO_IPV6'], manPages: ['ip(7)'],
    en: {
      summary: 'IPv4-in-IPv4 encapsulation (4)',
      meaning: 'The simplest IP tunnel: an IPv4 packet directly inside another IPv4 packet.',
      when: 'Configuring `ipip` tunnels or parsing encapsulated traffic (e.g. Calico, LVS-TUN).',
      pitfall: 'Windows spells protocol 4 `IPPROTO_IPV4`; like GRE it has no ports and NAT cannot multiplex it.',
    },
    tr: {
      summary: 'IPv4 içinde IPv4 kapsülleme (4)',
      meaning: 'En basit IP tüneli: bir IPv4 paketi doğrudan başka bir IPv4 paketinin içinde.',
      when: '`ipip` tünelleri yapılandırırken ya da kapsüllenmiş trafiği çözerken (ör. Calico, LVS-TUN).',
      pitfall: 'Windows 4 numaralı protokolü `IPPROTO_IPV4` diye yazar; GRE gibi portu yoktur ve NAT onu çoğullayamaz.',
    },
  },
  {
    name: 'IPPROTO_PIM', group: 'protocol', values: { linux: 103, macos: 103, windows: 103 },
    usage: { kind: 'protocol', socketType: 'SOCK_RAW', family: 'AF_INET' }, related: ['IPPROTO_IGMP', 'IP_ADD_MEMBERSHIP'], manPages: ['ip(7)'],
    en: {
      summary: 'Protocol Independent Multicast (103)',
      meaning: 'The multicast routing protocol routers use to build distribution trees.',
      when: 'Multicast routing daemons (pimd, FRR) on raw sockets.',
      pitfall: 'Applications never speak PIM; joining a group with `IP_ADD_MEMBERSHIP` is enough on hosts.',
    },
    tr: {
      summary: 'Protokolden Bağımsız Çok Noktaya Yayın (PIM, 103)',
      meaning: 'Yönlendiricilerin dağıtım ağaçları kurmak için kullandığı çok noktaya yayın yönlendirme protokolü.',
      when: 'Ham soket kullanan çok noktaya yayın yönlendirme servislerinde (pimd, FRR).',
      pitfall: 'Uygulamalar PIM konuşmaz; makinelerde `IP_ADD_MEMBERSHIP` ile gruba katılmak yeterlidir.',
    },
  },
  {
    name: 'IPPROTO_RSVP', group: 'protocol', values: { linux: 46, macos: 46 },
    usage: { kind: 'protocol', socketType: 'SOCK_RAW', family: 'AF_INET' }, related: ['IPPROTO_RAW'], manPages: ['ip(7)'],
    en: {
      summary: 'Resource Reservation Protocol (46)',
      meaning: 'Signalling protocol for reserving bandwidth along a path (IntServ, MPLS-TE).',
      when: 'Router software; essentially never in applications.',
      pitfall: 'Not supported end-to-end on the Internet; QoS today is done with DSCP marks (`IP_TOS`).',
    },
    tr: {
      summary: 'Kaynak Rezervasyon Protokolü (RSVP, 46)',
      meaning: 'Bir yol boyunca bant genişliği ayırmak için sinyalleşme protokolü (IntServ, MPLS-TE).',
      when: 'Yönlendirici yazılımlarında; uygulamalarda neredeyse hiç.',
      pitfall: 'İnternet\'te uçtan uca desteklenmez; QoS bugün DSCP işaretleriyle (`IP_TOS`) yapılır.',
    },
  },
  {
    name: 'IPPROTO_EGP', group: 'protocol', values: { linux: 8, macos: 8, windows: 8 },
    usage: { kind: 'protocol', socketType: 'SOCK_RAW', family: 'AF_INET' }, related: ['IPPROTO_RAW'], manPages: ['ip(7)'],
    en: {
      summary: 'Exterior Gateway Protocol (8, historic)',
      meaning: 'The inter-domain routing protocol that BGP replaced in the early 1990s.',
      when: 'Never in practice; it survives as a number in headers.',
      pitfall: 'Do not confuse it with BGP, which runs over TCP port 179.',
    },
    tr: {
      summary: 'Exterior Gateway Protocol (8, tarihî)',
      meaning: '1990\'ların başında yerini BGP\'ye bırakan alanlar arası yönlendirme protokolü.',
      when: 'Pratikte hiç; başlıklarda bir numara olarak yaşıyor.',
      pitfall: 'TCP 179 portunda çalışan BGP ile karıştırmayın.',
    },
  },
  {
    name: 'IPPROTO_PUP', group: 'protocol', values: { linux: 12, macos: 12, windows: 12 },
    usage: { kind: 'protocol', socketType: 'SOCK_RAW', family: 'AF_INET' }, related: ['IPPROTO_RAW'], manPages: ['ip(7)'],
    en: {
      summary: 'Xerox PARC Universal Packet (12, historic)',
      meaning: 'A 1970s Xerox internetworking protocol, kept as an IP protocol number.',
      when: 'Never in new code.',
      pitfall: 'Only a number: no modern stack implements PUP.',
    },
    tr: {
      summary: 'Xerox PARC Universal Packet (12, tarihî)',
      meaning: '1970\'lerden kalma bir Xerox ağlar arası protokolü; IP protokol numarası olarak duruyor.',
      when: 'Yeni kodda hiç.',
      pitfall: 'Yalnızca bir numaradır: hiçbir güncel yığın PUP uygulamaz.',
    },
  },
  {
    name: 'IPPROTO_IDP', group: 'protocol', values: { linux: 22, macos: 22, windows: 22 },
    usage: { kind: 'protocol', socketType: 'SOCK_RAW', family: 'AF_INET' }, related: ['IPPROTO_RAW', 'AF_IPX'], manPages: ['ip(7)'],
    en: {
      summary: 'Xerox NS Internet Datagram Protocol (22, historic)',
      meaning: 'Xerox Network Systems IDP carried in IP, the ancestor of Novell IPX.',
      when: 'Never in new code.',
      pitfall: 'Only a number; nothing current implements it.',
    },
    tr: {
      summary: 'Xerox NS Internet Datagram Protocol (22, tarihî)',
      meaning: 'IP içinde taşınan Xerox Network Systems IDP; Novell IPX\'in atası.',
      when: 'Yeni kodda hiç.',
      pitfall: 'Yalnızca bir numaradır; günümüzde uygulayan yoktur.',
    },
  },
  {
    name: 'IPPROTO_TP', group: 'protocol', values: { linux: 29, macos: 29 },
    usage: { kind: 'protocol', socketType: 'SOCK_RAW', family: 'AF_INET' }, related: ['IPPROTO_RAW'], manPages: ['ip(7)'],
    en: {
      summary: 'ISO Transport Protocol class 4 (29, historic)',
      meaning: 'The OSI TP4 transport carried directly over IP.',
      when: 'Never in new code.',
      pitfall: 'Only a number; OSI transports are not implemented by Linux, macOS or Windows.',
    },
    tr: {
      summary: 'ISO Taşıma Protokolü sınıf 4 (29, tarihî)',
      meaning: 'Doğrudan IP üzerinde taşınan OSI TP4 taşıma protokolü.',
      when: 'Yeni kodda hiç.',
      pitfall: 'Yalnızca bir numaradır; Linux, macOS ve Windows OSI taşıma protokollerini uygulamaz.',
    },
  },
];

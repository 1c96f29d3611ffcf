// IPv6 advanced API (RFC 3542): options that enable ancillary data, and the sticky options that are
// also cmsg types. Level IPPROTO_IPV6. Values: Linux <bits/in.h> via <netinet/in.h> (glibc);
// macOS <netinet6/in6.h> (most numbers depend on __APPLE_USE_RFC_3542 and are not recorded);
// Windows <ws2ipdef.h> (Windows enables reception with the non-RECV names).
import type { ConstantEntry } from '../types';

const LEVEL = 'IPPROTO_IPV6';
const APPLE_NOTE = 'macOS defines it in <netinet6/in6.h>, with a number that depends on __APPLE_USE_RFC_3542; not recorded.';

export const IPV6_ANCILLARY: readonly ConstantEntry[] = [
  {
    name: 'IPV6_RECVPKTINFO', group: 'ipv6-option', values: { linux: 49 }, unrecorded: ['macos'], valueNote: APPLE_NOTE,
    usage: { kind: 'option', level: LEVEL, value: { kind: 'bool' }, access: 'both' },
    related: ['IPV6_PKTINFO', 'IP_PKTINFO'], manPages: ['ipv6(7)'],
    en: {
      summary: 'Receive destination address and interface of each IPv6 datagram',
      meaning: 'Enables an `IPV6_PKTINFO` control message (`struct in6_pktinfo`: address + interface index) on every `recvmsg()`.',
      when: 'UDP servers bound to `::` on multi-homed hosts that must reply from the address the client used (DNS, QUIC).',
      pitfall: 'Windows has no `IPV6_RECVPKTINFO`: there you set `IPV6_PKTINFO` to enable reception. The cmsg type you read is `IPV6_PKTINFO`.',
    },
    tr: {
      summary: 'Her IPv6 datagramının hedef adresini ve arayüzünü al',
      meaning: 'Her `recvmsg()` çağrısında bir `IPV6_PKTINFO` denetim mesajını (`struct in6_pktinfo`: adres + arayüz indeksi) açar.',
      when: 'Çok arayüzlü makinelerde `::` adresine bağlı, istemcinin kullandığı adresten yanıt vermesi gereken UDP sunucularında (DNS, QUIC).',
      pitfall: 'Windows\'ta `IPV6_RECVPKTINFO` yoktur: almayı açmak için `IPV6_PKTINFO` verilir. Okuduğunuz cmsg türü `IPV6_PKTINFO`\'dur.',
    },
  },
  {
    name: 'IPV6_PKTINFO', group: 'ipv6-option', values: { linux: 50, windows: 19 }, unrecorded: ['macos'], valueNote: APPLE_NOTE,
    usage: { kind: 'option', level: LEVEL, value: { kind: 'struct', struct: 'in6_pktinfo' }, access: 'both' },
    related: ['IPV6_RECVPKTINFO', 'IP_PKTINFO'], manPages: ['ipv6(7)'],
    en: {
      summary: 'Source address and interface of outgoing packets; cmsg type of received ones',
      meaning: 'As a sticky option or `sendmsg()` control message it chooses the source address and outgoing interface; in received ancillary data it reports them.',
      when: 'Replying from the right local address on wildcard-bound UDP sockets.',
      pitfall: 'On Linux, setting it does not enable reception (use `IPV6_RECVPKTINFO`); on Windows it does. Old RFC 2292 code used number 2 (`IPV6_2292PKTINFO`) for both.',
    },
    tr: {
      summary: 'Giden paketlerin kaynak adresi ve arayüzü; alınanların cmsg türü',
      meaning: 'Kalıcı seçenek ya da `sendmsg()` denetim mesajı olarak kaynak adresi ve çıkış arayüzünü seçer; alınan yardımcı veride bunları bildirir.',
      when: 'Joker adrese bağlı UDP soketlerinde doğru yerel adresten yanıt verirken.',
      pitfall: 'Linux\'ta bunu vermek almayı açmaz (`IPV6_RECVPKTINFO` kullanın); Windows\'ta açar. Eski RFC 2292 kodu ikisi için de 2 numarasını (`IPV6_2292PKTINFO`) kullanırdı.',
    },
  },
  {
    name: 'IPV6_RECVHOPLIMIT', group: 'ipv6-option', values: { linux: 51 }, unrecorded: ['macos'], valueNote: APPLE_NOTE,
    usage: { kind: 'option', level: LEVEL, value: { kind: 'bool' }, access: 'both' },
    related: ['IPV6_HOPLIMIT', 'IP_RECVTTL'], manPages: ['ipv6(7)'],
    en: {
      summary: 'Receive the hop limit of each IPv6 datagram',
      meaning: 'Enables an `IPV6_HOPLIMIT` control message with the incoming packet\'s remaining hop limit.',
      when: 'Neighbor Discovery daemons (must check hop limit 255), GTSM, traceroute6.',
      pitfall: 'Windows uses `IPV6_HOPLIMIT` itself to enable this; the cmsg type is `IPV6_HOPLIMIT` everywhere.',
    },
    tr: {
      summary: 'Her IPv6 datagramının sıçrama sınırını al',
      meaning: 'Gelen paketin kalan sıçrama sınırını taşıyan bir `IPV6_HOPLIMIT` denetim mesajını açar.',
      when: 'Komşu Keşfi servislerinde (sıçrama sınırı 255 denetlenmeli), GTSM\'de, traceroute6\'da.',
      pitfall: 'Windows bunu açmak için `IPV6_HOPLIMIT` seçeneğinin kendisini kullanır; cmsg türü her yerde `IPV6_HOPLIMIT`\'tir.',
    },
  },
  {
    name: 'IPV6_HOPLIMIT', group: 'ipv6-option', values: { linux: 52, windows: 21 }, unrecorded: ['macos'], valueNote: APPLE_NOTE,
    usage: { kind: 'ancillary', level: LEVEL, direction: 'both' },
    related: ['IPV6_RECVHOPLIMIT', 'IPV6_UNICAST_HOPS'], manPages: ['ipv6(7)'],
    en: {
      summary: 'Hop limit as ancillary data (send or received)',
      meaning: 'The cmsg type that carries a hop limit: received after `IPV6_RECVHOPLIMIT`, or sent with `sendmsg()` to override the hop limit of one packet.',
      when: 'Per-packet hop limits (e.g. 255 for Neighbor Discovery) without changing the socket default.',
      pitfall: 'It is not a sticky socket option on Linux; use `IPV6_UNICAST_HOPS` to change all packets.',
    },
    tr: {
      summary: 'Yardımcı veri olarak sıçrama sınırı (gönderilen ya da alınan)',
      meaning: 'Sıçrama sınırı taşıyan cmsg türü: `IPV6_RECVHOPLIMIT` sonrasında alınır ya da tek bir paketin sıçrama sınırını değiştirmek için `sendmsg()` ile gönderilir.',
      when: 'Soket varsayılanını değiştirmeden paket başına sıçrama sınırı gerektiğinde (ör. Komşu Keşfi için 255).',
      pitfall: 'Linux\'ta kalıcı bir soket seçeneği değildir; tüm paketler için `IPV6_UNICAST_HOPS` kullanın.',
    },
  },
  {
    name: 'IPV6_RECVHOPOPTS', group: 'ipv6-option', values: { linux: 53 }, unrecorded: ['macos'], valueNote: APPLE_NOTE,
    usage: { kind: 'option', level: LEVEL, value: { kind: 'bool' }, access: 'both' },
    related: ['IPV6_HOPOPTS', 'IPPROTO_HOPOPTS'], manPages: ['ipv6(7)'],
    en: {
      summary: 'Receive Hop-by-Hop Options headers as ancillary data',
      meaning: 'Delivers any Hop-by-Hop Options header of incoming packets as an `IPV6_HOPOPTS` control message.',
      when: 'MLD and RSVP implementations that need the router-alert option.',
      pitfall: 'Usually requires `CAP_NET_RAW` on Linux; most traffic has no such header.',
    },
    tr: {
      summary: 'Hop-by-Hop Seçenekleri başlıklarını yardımcı veri olarak al',
      meaning: 'Gelen paketlerdeki Hop-by-Hop Seçenekleri başlığını `IPV6_HOPOPTS` denetim mesajı olarak teslim eder.',
      when: 'Yönlendirici uyarısı seçeneğine ihtiyaç duyan MLD ve RSVP uygulamalarında.',
      pitfall: 'Linux\'ta genellikle `CAP_NET_RAW` ister; trafiğin çoğunda böyle bir başlık yoktur.',
    },
  },
  {
    name: 'IPV6_HOPOPTS', group: 'ipv6-option', values: { linux: 54, windows: 1 }, unverified: ['windows'], unrecorded: ['macos'],
    valueNote: APPLE_NOTE,
    usage: { kind: 'ancillary', level: LEVEL, direction: 'both' },
    related: ['IPV6_RECVHOPOPTS', 'IPPROTO_HOPOPTS'], manPages: ['ipv6(7)'],
    en: {
      summary: 'Hop-by-Hop Options header (sticky option or cmsg)',
      meaning: 'Sets the Hop-by-Hop Options header for outgoing packets, or carries a received one.',
      when: 'Sending router-alert options (MLD, RSVP).',
      pitfall: 'Needs privileges to set on Linux, and packets with this header are often dropped or slowed by routers.',
    },
    tr: {
      summary: 'Hop-by-Hop Seçenekleri başlığı (kalıcı seçenek ya da cmsg)',
      meaning: 'Giden paketler için Hop-by-Hop Seçenekleri başlığını ayarlar ya da alınan bir başlığı taşır.',
      when: 'Yönlendirici uyarısı seçenekleri gönderirken (MLD, RSVP).',
      pitfall: 'Linux\'ta ayarlamak yetki ister; bu başlığı taşıyan paketler yönlendiricilerde sık sık düşürülür ya da yavaşlatılır.',
    },
  },
  {
    name: 'IPV6_RECVDSTOPTS', group: 'ipv6-option', values: { linux: 58 }, unrecorded: ['macos'], valueNote: APPLE_NOTE,
    usage: { kind: 'option', level: LEVEL, value: { kind: 'bool' }, access: 'both' },
    related: ['IPV6_DSTOPTS', 'IPPROTO_DSTOPTS'], manPages: ['ipv6(7)'],
    en: {
      summary: 'Receive Destination Options headers as ancillary data',
      meaning: 'Delivers Destination Options headers of incoming packets as `IPV6_DSTOPTS` control messages.',
      when: 'Mobile IPv6 and experimental protocols that use destination options.',
      pitfall: 'Rarely present on real traffic; read with `recvmsg()` and a big enough control buffer.',
    },
    tr: {
      summary: 'Hedef Seçenekleri başlıklarını yardımcı veri olarak al',
      meaning: 'Gelen paketlerin Hedef Seçenekleri başlıklarını `IPV6_DSTOPTS` denetim mesajları olarak teslim eder.',
      when: 'Hedef seçeneklerini kullanan Mobil IPv6 ve deneysel protokollerde.',
      pitfall: 'Gerçek trafikte nadiren bulunur; `recvmsg()` ve yeterince büyük bir denetim arabelleğiyle okuyun.',
    },
  },
  {
    name: 'IPV6_DSTOPTS', group: 'ipv6-option', values: { linux: 59 }, unrecorded: ['macos'], valueNote: APPLE_NOTE,
    usage: { kind: 'ancillary', level: LEVEL, direction: 'both' },
    related: ['IPV6_RECVDSTOPTS', 'IPV6_RTHDRDSTOPTS', 'IPPROTO_DSTOPTS'], manPages: ['ipv6(7)'],
    en: {
      summary: 'Destination Options header (sticky option or cmsg)',
      meaning: 'Sets the Destination Options header placed after any routing header, or carries a received one.',
      when: 'Protocols that attach options for the final destination only.',
      pitfall: 'Options between routing hops use `IPV6_RTHDRDSTOPTS` instead; many middleboxes drop such packets.',
    },
    tr: {
      summary: 'Hedef Seçenekleri başlığı (kalıcı seçenek ya da cmsg)',
      meaning: 'Yönlendirme başlığından sonra gelen Hedef Seçenekleri başlığını ayarlar ya da alınanı taşır.',
      when: 'Yalnızca son hedef için seçenek ekleyen protokollerde.',
      pitfall: 'Yönlendirme sıçramaları arasındaki seçenekler için `IPV6_RTHDRDSTOPTS` kullanılır; birçok ara cihaz bu paketleri düşürür.',
    },
  },
  {
    name: 'IPV6_RTHDRDSTOPTS', group: 'ipv6-option', values: { linux: 55 }, unrecorded: ['macos'], valueNote: APPLE_NOTE,
    usage: { kind: 'ancillary', level: LEVEL, direction: 'send' },
    related: ['IPV6_DSTOPTS', 'IPV6_RTHDR'], manPages: ['ipv6(7)'],
    en: {
      summary: 'Destination options examined at each routing-header hop',
      meaning: 'A Destination Options header placed *before* the routing header, processed by every node listed in it.',
      when: 'Source-routed experiments that need options at intermediate nodes.',
      pitfall: 'Only meaningful together with `IPV6_RTHDR`; without a routing header the kernel ignores it.',
    },
    tr: {
      summary: 'Yönlendirme başlığındaki her sıçramada incelenen hedef seçenekleri',
      meaning: 'Yönlendirme başlığından *önce* konan ve orada listelenen her düğümün işlediği Hedef Seçenekleri başlığı.',
      when: 'Ara düğümlerde seçenek gerektiren kaynak yönlendirmeli denemelerde.',
      pitfall: 'Yalnızca `IPV6_RTHDR` ile birlikte anlamlıdır; yönlendirme başlığı yoksa çekirdek yok sayar.',
    },
  },
  {
    name: 'IPV6_RECVRTHDR', group: 'ipv6-option', values: { linux: 56, windows: 38 }, unverified: ['windows'], unrecorded: ['macos'],
    valueNote: APPLE_NOTE,
    usage: { kind: 'option', level: LEVEL, value: { kind: 'bool' }, access: 'both' },
    related: ['IPV6_RTHDR', 'IPPROTO_ROUTING'], manPages: ['ipv6(7)'],
    en: {
      summary: 'Receive routing headers as ancillary data',
      meaning: 'Delivers the Routing header of incoming packets as an `IPV6_RTHDR` control message.',
      when: 'Mobile IPv6 and segment-routing tools.',
      pitfall: 'Most networks drop packets with routing headers, so expect to see none.',
    },
    tr: {
      summary: 'Yönlendirme başlıklarını yardımcı veri olarak al',
      meaning: 'Gelen paketlerin Yönlendirme başlığını `IPV6_RTHDR` denetim mesajı olarak teslim eder.',
      when: 'Mobil IPv6 ve segment yönlendirme araçlarında.',
      pitfall: 'Çoğu ağ yönlendirme başlıklı paketleri düşürür; hiç görmemeyi bekleyin.',
    },
  },
  {
    name: 'IPV6_RTHDR', group: 'ipv6-option', values: { linux: 57, windows: 32 }, unverified: ['windows'], unrecorded: ['macos'],
    valueNote: APPLE_NOTE,
    usage: { kind: 'ancillary', level: LEVEL, direction: 'both' },
    related: ['IPV6_RECVRTHDR', 'IPV6_RTHDR_TYPE_0', 'IPPROTO_ROUTING'], manPages: ['ipv6(7)'],
    en: {
      summary: 'Routing header (sticky option or cmsg)',
      meaning: 'Sets a Routing header listing intermediate nodes for outgoing packets, or carries a received one; built with `inet6_rth_*()`.',
      when: 'Source routing experiments, segment routing (SRv6) tests.',
      pitfall: 'Type 0 headers are deprecated and dropped (RFC 5095); build them with `inet6_rth_init()` instead of by hand.',
    },
    tr: {
      summary: 'Yönlendirme başlığı (kalıcı seçenek ya da cmsg)',
      meaning: 'Giden paketler için ara düğümleri listeleyen bir Yönlendirme başlığı ayarlar ya da alınanı taşır; `inet6_rth_*()` ile oluşturulur.',
      when: 'Kaynak yönlendirme denemelerinde, segment yönlendirme (SRv6) testlerinde.',
      pitfall: 'Tip 0 başlıklar kullanımdan kaldırılmıştır ve düşürülür (RFC 5095); elle değil `inet6_rth_init()` ile oluşturun.',
    },
  },
  {
    name: 'IPV6_RTHDR_TYPE_0', group: 'option-value', values: { linux: 0, macos: 0 }, unverified: ['macos'],
    usage: { kind: 'option-value', level: LEVEL, option: 'IPV6_RTHDR' }, related: ['IPV6_RTHDR', 'IPPROTO_ROUTING'], manPages: ['ipv6(7)'],
    usedWith: 'inet6_rth_init(buffer, length, IPV6_RTHDR_TYPE_0, segments)',
    en: {
      summary: 'Routing header type 0 (deprecated)',
      meaning: 'The original IPv6 source-routing header type, passed to `inet6_rth_init()`/`inet6_rth_space()`.',
      when: 'Only for tests of old stacks.',
      pitfall: 'RFC 5095 deprecated type 0 because it enables traffic amplification; Linux refuses to process it and networks drop it.',
    },
    tr: {
      summary: 'Yönlendirme başlığı tip 0 (kullanımdan kalktı)',
      meaning: '`inet6_rth_init()`/`inet6_rth_space()` işlevlerine verilen özgün IPv6 kaynak yönlendirme başlığı türü.',
      when: 'Yalnızca eski yığınların testlerinde.',
      pitfall: 'RFC 5095, trafik güçlendirmeye yol açtığı için tip 0\'ı kullanımdan kaldırdı; Linux işlemeyi reddeder, ağlar düşürür.',
    },
  },
  {
    name: 'IPV6_NEXTHOP', group: 'ipv6-option', values: { linux: 9 }, unrecorded: ['macos'], valueNote: APPLE_NOTE,
    usage: { kind: 'ancillary', level: LEVEL, direction: 'send' },
    related: ['IPV6_PKTINFO', 'SO_DONTROUTE'], manPages: ['ipv6(7)'],
    en: {
      summary: 'Next-hop address for outgoing packets',
      meaning: 'A `struct sockaddr_in6` naming the first-hop router (or neighbour) to use, as a sticky option or per-packet cmsg.',
      when: 'Routing and Neighbor Discovery daemons that must bypass the routing table.',
      pitfall: 'Needs privileges, and the next hop must be on-link or the send fails with `EHOSTUNREACH`.',
    },
    tr: {
      summary: 'Giden paketler için sonraki sıçrama adresi',
      meaning: 'Kullanılacak ilk sıçrama yönlendiricisini (ya da komşuyu) belirten `struct sockaddr_in6`; kalıcı seçenek ya da paket başına cmsg olarak.',
      when: 'Yönlendirme tablosunu atlaması gereken yönlendirme ve Komşu Keşfi servislerinde.',
      pitfall: 'Yetki ister ve sonraki sıçrama bağlantı üzerinde olmalıdır, yoksa gönderim `EHOSTUNREACH` ile başarısız olur.',
    },
  },
  {
    name: 'IPV6_RECVPATHMTU', group: 'ipv6-option', values: { linux: 60 }, unrecorded: ['macos'], valueNote: APPLE_NOTE,
    usage: { kind: 'option', level: LEVEL, value: { kind: 'bool' }, access: 'both' },
    related: ['IPV6_PATHMTU', 'IPV6_DONTFRAG'], manPages: ['ipv6(7)'],
    en: {
      summary: 'Be told when the path MTU drops',
      meaning: 'After an ICMPv6 Packet Too Big, the socket receives an `IPV6_PATHMTU` control message (`struct ip6_mtuinfo`) with the new MTU.',
      when: 'UDP applications using `IPV6_DONTFRAG` that must shrink their packets.',
      pitfall: 'The notification arrives on the next `recvmsg()`, possibly with no data; be ready for a zero-length read.',
    },
    tr: {
      summary: 'Yol MTU\'su düşünce haber al',
      meaning: 'Bir ICMPv6 Packet Too Big mesajından sonra soket yeni MTU\'yu içeren bir `IPV6_PATHMTU` denetim mesajı (`struct ip6_mtuinfo`) alır.',
      when: 'Paketlerini küçültmesi gereken, `IPV6_DONTFRAG` kullanan UDP uygulamalarında.',
      pitfall: 'Bildirim sonraki `recvmsg()` ile, belki hiç veri olmadan gelir; sıfır uzunluklu okumaya hazır olun.',
    },
  },
  {
    name: 'IPV6_PATHMTU', group: 'ipv6-option', values: { linux: 61 }, unrecorded: ['macos'], valueNote: APPLE_NOTE,
    usage: { kind: 'option', level: LEVEL, value: { kind: 'struct', struct: 'ip6_mtuinfo' }, access: 'get' },
    related: ['IPV6_RECVPATHMTU', 'IPV6_MTU', 'IPV6_DONTFRAG'], manPages: ['ipv6(7)'],
    en: {
      summary: 'Current path MTU of a connected IPv6 socket (read-only)',
      meaning: 'Returns `struct ip6_mtuinfo` with the destination and the path MTU the kernel knows.',
      when: 'Sizing datagrams on connected sockets with `IPV6_DONTFRAG`.',
      pitfall: 'Only on connected sockets; otherwise `ENOTCONN`.',
    },
    tr: {
      summary: 'Bağlı IPv6 soketinin geçerli yol MTU\'su (salt okunur)',
      meaning: 'Hedefi ve çekirdeğin bildiği yol MTU\'sunu içeren `struct ip6_mtuinfo` döndürür.',
      when: '`IPV6_DONTFRAG` verilmiş bağlı soketlerde datagramları boyutlandırırken.',
      pitfall: 'Yalnızca bağlı soketlerde; aksi halde `ENOTCONN`.',
    },
  },
  {
    name: 'IPV6_CHECKSUM', group: 'ipv6-option', values: { linux: 7, macos: 26, windows: 26 },
    usage: { kind: 'option', level: LEVEL, value: { kind: 'int', sample: 2 }, access: 'both' },
    related: ['SOCK_RAW', 'IPPROTO_ICMPV6'], manPages: ['ipv6(7)', 'raw(7)'],
    en: {
      summary: 'Let the kernel compute the checksum of a raw IPv6 protocol',
      meaning: 'On a raw IPv6 socket, the byte offset of the protocol\'s 16-bit checksum field; the kernel fills it in on send and verifies it on receive (-1 disables).',
      when: 'Raw sockets for protocols with an IPv6 pseudo-header checksum (e.g. OSPFv3 uses offset 12).',
      pitfall: 'Must not be set on `IPPROTO_ICMPV6` sockets: the kernel always handles the ICMPv6 checksum and returns `EINVAL`. The offset must be even.',
    },
    tr: {
      summary: 'Ham IPv6 protokolünün sağlama toplamını çekirdek hesaplasın',
      meaning: 'Ham IPv6 sokette protokolün 16 bitlik sağlama toplamı alanının bayt konumu; çekirdek gönderirken doldurur, alırken doğrular (-1 kapatır).',
      when: 'IPv6 sözde başlık sağlama toplamı kullanan protokollerin ham soketlerinde (ör. OSPFv3 konum 12 kullanır).',
      pitfall: '`IPPROTO_ICMPV6` soketlerinde verilmemelidir: ICMPv6 sağlama toplamını çekirdek her zaman yapar ve `EINVAL` döner. Konum çift sayı olmalıdır.',
    },
  },
  {
    name: 'IPV6_AUTOFLOWLABEL', group: 'ipv6-option', values: { linux: 70 }, notInPython: true,
    usage: { kind: 'option', level: LEVEL, value: { kind: 'bool' }, access: 'both' },
    related: ['IPV6_TCLASS'], manPages: ['ipv6(7)'],
    en: {
      summary: 'Let the kernel generate IPv6 flow labels for this socket',
      meaning: 'Turns automatic flow labels (a hash of the flow) on or off, overriding `net.ipv6.auto_flowlabels`.',
      when: 'Load balancers and ECMP networks that hash on the flow label.',
      pitfall: 'Linux may change the label of a TCP connection after timeouts to try another path, which looks like a new flow to middleboxes.',
    },
    tr: {
      summary: 'Bu soket için IPv6 akış etiketlerini çekirdek üretsin',
      meaning: 'Otomatik akış etiketlerini (akışın özeti) açar ya da kapatır; `net.ipv6.auto_flowlabels` ayarını geçersiz kılar.',
      when: 'Akış etiketine göre özet alan yük dengeleyicilerde ve ECMP ağlarında.',
      pitfall: 'Linux, başka bir yol denemek için zaman aşımlarından sonra TCP bağlantısının etiketini değiştirebilir; ara cihazlar bunu yeni akış sanabilir.',
    },
  },
];

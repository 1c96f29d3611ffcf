// IPv4 options that are Linux-specific or that Windows/macOS spell differently, the IP_PMTUDISC_*
// values of IP_MTU_DISCOVER, and the IP_DEFAULT_*/IP_MAX_MEMBERSHIPS limits.
// Values: Linux <bits/in.h> via <netinet/in.h> (glibc); macOS <netinet/in.h> (XNU); Windows <ws2ipdef.h>.
import type { ConstantEntry } from '../types';

const LEVEL = 'IPPROTO_IP';

export const LINUX_IP_OPTIONS: readonly ConstantEntry[] = [
  {
    name: 'IP_TRANSPARENT', group: 'ip-option', values: { linux: 19 },
    usage: { kind: 'option', level: LEVEL, value: { kind: 'bool' }, access: 'both' },
    related: ['IP_FREEBIND', 'SO_MARK', 'IP_RECVORIGDSTADDR'], manPages: ['ip(7)'],
    en: {
      summary: 'Transparent proxying: bind to and accept for non-local addresses',
      meaning: 'Lets the socket bind to a foreign address and receive connections redirected by the TPROXY target, seeing the original destination.',
      when: 'Transparent proxies (Squid, Envoy, HAProxy in tproxy mode) together with nftables/iptables TPROXY rules and policy routing.',
      pitfall: 'Needs `CAP_NET_ADMIN` or `CAP_NET_RAW`, plus matching firewall marks and an `ip rule`/local route; the option alone does nothing.',
    },
    tr: {
      summary: 'Saydam vekil sunucu: yerel olmayan adreslere bağlan ve kabul et',
      meaning: 'Soketin yabancı bir adrese bağlanmasına ve TPROXY hedefinin yönlendirdiği bağlantıları özgün hedefi görerek almasına izin verir.',
      when: 'nftables/iptables TPROXY kuralları ve politika yönlendirmeyle birlikte saydam vekil sunucularda (Squid, Envoy, tproxy kipindeki HAProxy).',
      pitfall: '`CAP_NET_ADMIN` ya da `CAP_NET_RAW`, ayrıca eşleşen güvenlik duvarı işaretleri ve bir `ip rule`/yerel rota gerekir; seçenek tek başına hiçbir şey yapmaz.',
    },
  },
  {
    name: 'IP_FREEBIND', group: 'ip-option', values: { linux: 15 }, notInPython: true,
    usage: { kind: 'option', level: LEVEL, value: { kind: 'bool' }, access: 'both' },
    related: ['IP_TRANSPARENT', 'EADDRNOTAVAIL', 'IPV6_V6ONLY'], manPages: ['ip(7)'],
    en: {
      summary: 'Allow bind() to an address that is not (yet) configured',
      meaning: 'Binding to a non-local or not-yet-up address succeeds instead of failing with `EADDRNOTAVAIL`.',
      when: 'Services that start before the network is fully up (DHCP, keepalived/VRRP virtual IPs, systemd `FreeBind=`).',
      pitfall: 'The socket is bound but receives nothing until the address really exists; the system-wide switch is `net.ipv4.ip_nonlocal_bind`.',
    },
    tr: {
      summary: 'Henüz yapılandırılmamış bir adrese bind() izni',
      meaning: 'Yerel olmayan ya da henüz etkin olmayan bir adrese bağlanmak `EADDRNOTAVAIL` ile başarısız olmak yerine başarılı olur.',
      when: 'Ağ tamamen açılmadan başlayan servislerde (DHCP, keepalived/VRRP sanal IP\'leri, systemd `FreeBind=`).',
      pitfall: 'Soket bağlanır ama adres gerçekten var olana dek hiçbir şey almaz; sistem geneli anahtar `net.ipv4.ip_nonlocal_bind`\'dır.',
    },
  },
  {
    name: 'IP_BIND_ADDRESS_NO_PORT', group: 'ip-option', values: { linux: 24 },
    usage: { kind: 'option', level: LEVEL, value: { kind: 'bool' }, access: 'both' },
    related: ['EADDRNOTAVAIL', 'SO_REUSEADDR'], manPages: ['ip(7)'],
    en: {
      summary: 'Bind a source address now, choose the port at connect() time',
      meaning: 'With `bind()` to address:0, the kernel delays port selection until `connect()`, so the same port can be reused for different destinations.',
      when: 'Proxies and load generators that open many outgoing connections from a chosen source IP.',
      pitfall: 'Without it, `bind(addr, 0)` reserves a port for any destination and the ephemeral range runs out quickly (`EADDRNOTAVAIL`).',
    },
    tr: {
      summary: 'Kaynak adresi şimdi bağla, portu connect() sırasında seç',
      meaning: 'adres:0\'a `bind()` yapılınca çekirdek port seçimini `connect()` anına erteler; böylece aynı port farklı hedefler için yeniden kullanılabilir.',
      when: 'Seçilmiş bir kaynak IP\'den çok sayıda giden bağlantı açan vekil sunucularda ve yük üreticilerinde.',
      pitfall: 'Bu olmadan `bind(addr, 0)` her hedef için bir port ayırır ve geçici port aralığı çabuk tükenir (`EADDRNOTAVAIL`).',
    },
  },
  {
    name: 'IP_MTU_DISCOVER', group: 'ip-option', values: { linux: 10, windows: 71 }, unverified: ['windows'], notInPython: true,
    usage: { kind: 'option', level: LEVEL, value: { kind: 'int', sample: 2 }, access: 'both' },
    related: ['IP_PMTUDISC_DO', 'IP_PMTUDISC_DONT', 'IP_MTU', 'EMSGSIZE'], manPages: ['ip(7)'],
    en: {
      summary: 'Path MTU discovery mode (sets or clears the Don\'t Fragment bit)',
      meaning: 'Chooses one of the `IP_PMTUDISC_*` modes: whether packets carry DF and whether the kernel fragments locally.',
      when: 'UDP protocols that probe the path MTU themselves (QUIC, DTLS, VPNs) set `IP_PMTUDISC_DO` or `IP_PMTUDISC_PROBE`.',
      pitfall: 'With `IP_PMTUDISC_DO` a datagram larger than the known path MTU fails with `EMSGSIZE` instead of being fragmented. macOS uses `IP_DONTFRAG` instead.',
    },
    tr: {
      summary: 'Yol MTU keşfi kipi (Parçalama (DF) bitini koyar ya da kaldırır)',
      meaning: '`IP_PMTUDISC_*` kiplerinden birini seçer: paketlerin DF taşıyıp taşımayacağı ve çekirdeğin yerelde parçalayıp parçalamayacağı.',
      when: 'Yol MTU\'sunu kendisi yoklayan UDP protokolleri (QUIC, DTLS, VPN\'ler) `IP_PMTUDISC_DO` ya da `IP_PMTUDISC_PROBE` verir.',
      pitfall: '`IP_PMTUDISC_DO` ile bilinen yol MTU\'sundan büyük datagram parçalanmak yerine `EMSGSIZE` ile başarısız olur. macOS bunun yerine `IP_DONTFRAG` kullanır.',
    },
  },
  {
    name: 'IP_PMTUDISC_DONT', group: 'option-value', values: { linux: 0, windows: 2 }, unverified: ['windows'], notInPython: true,
    usage: { kind: 'option-value', level: LEVEL, option: 'IP_MTU_DISCOVER' }, related: ['IP_MTU_DISCOVER', 'IP_PMTUDISC_DO'], manPages: ['ip(7)'],
    en: {
      summary: 'IP_MTU_DISCOVER mode: never set DF, fragment if needed',
      meaning: 'Packets go out without the Don\'t Fragment bit and the kernel fragments large ones.',
      when: 'Legacy UDP applications that send large datagrams and cannot handle `EMSGSIZE`.',
      pitfall: 'Fragments are often dropped by firewalls and NATs, so large datagrams may silently vanish; smaller payloads are more reliable.',
    },
    tr: {
      summary: 'IP_MTU_DISCOVER kipi: DF bitini asla koyma, gerekirse parçala',
      meaning: 'Paketler Parçalama (DF) biti olmadan çıkar ve çekirdek büyük olanları parçalar.',
      when: 'Büyük datagram gönderen ve `EMSGSIZE` hatasını ele alamayan eski UDP uygulamalarında.',
      pitfall: 'Parçalar güvenlik duvarları ve NAT\'larda sık sık düşürülür, büyük datagramlar sessizce kaybolabilir; küçük yükler daha güvenilirdir.',
    },
  },
  {
    name: 'IP_PMTUDISC_WANT', group: 'option-value', values: { linux: 1 }, notInPython: true,
    usage: { kind: 'option-value', level: LEVEL, option: 'IP_MTU_DISCOVER' }, related: ['IP_MTU_DISCOVER', 'IP_PMTUDISC_DO'], manPages: ['ip(7)'],
    en: {
      summary: 'IP_MTU_DISCOVER mode: use path MTU discovery, fragment when needed',
      meaning: 'The Linux default for UDP: set DF while packets fit the known path MTU, fragment locally when they do not.',
      when: 'Rarely set explicitly; it is the default behaviour (`net.ipv4.ip_no_pmtu_disc` = 0).',
      pitfall: 'After an ICMP "fragmentation needed" the socket silently switches to fragmenting, which firewalls may drop.',
    },
    tr: {
      summary: 'IP_MTU_DISCOVER kipi: yol MTU keşfi kullan, gerekince parçala',
      meaning: 'UDP için Linux varsayılanı: paketler bilinen yol MTU\'suna sığdıkça DF koy, sığmayınca yerelde parçala.',
      when: 'Nadiren açıkça verilir; varsayılan davranıştır (`net.ipv4.ip_no_pmtu_disc` = 0).',
      pitfall: 'Bir ICMP "parçalama gerekli" mesajından sonra soket sessizce parçalamaya geçer; güvenlik duvarları bunları düşürebilir.',
    },
  },
  {
    name: 'IP_PMTUDISC_DO', group: 'option-value', values: { linux: 2, windows: 1 }, unverified: ['windows'], notInPython: true,
    usage: { kind: 'option-value', level: LEVEL, option: 'IP_MTU_DISCOVER' }, related: ['IP_MTU_DISCOVER', 'IP_PMTUDISC_PROBE', 'EMSGSIZE', 'IP_MTU'], manPages: ['ip(7)'],
    en: {
      summary: 'IP_MTU_DISCOVER mode: always set DF, never fragment',
      meaning: 'Every packet carries Don\'t Fragment; sends larger than the current path MTU fail with `EMSGSIZE`.',
      when: 'Protocols doing their own packetisation (QUIC, DTLS, VPNs) that read `IP_MTU` and size datagrams accordingly.',
      pitfall: 'The numbers differ between Linux and Windows (`IP_PMTUDISC_DO` is 2 on Linux), so never pass literal numbers; and an `EMSGSIZE` must be handled by sending smaller packets.',
    },
    tr: {
      summary: 'IP_MTU_DISCOVER kipi: DF bitini her zaman koy, asla parçalama',
      meaning: 'Her paket Parçalama (DF) biti taşır; geçerli yol MTU\'sundan büyük gönderimler `EMSGSIZE` ile başarısız olur.',
      when: '`IP_MTU` değerini okuyup datagramlarını ona göre boyutlandıran, paketlemeyi kendisi yapan protokollerde (QUIC, DTLS, VPN\'ler).',
      pitfall: 'Sayılar Linux ile Windows arasında farklıdır (`IP_PMTUDISC_DO` Linux\'ta 2), sayıyı doğrudan yazmayın; `EMSGSIZE` gelince daha küçük paket gönderilmelidir.',
    },
  },
  {
    name: 'IP_PMTUDISC_PROBE', group: 'option-value', values: { linux: 3, windows: 3 }, unverified: ['windows'], notInPython: true,
    usage: { kind: 'option-value', level: LEVEL, option: 'IP_MTU_DISCOVER' }, related: ['IP_MTU_DISCOVER', 'IP_PMTUDISC_DO'], manPages: ['ip(7)'],
    en: {
      summary: 'IP_MTU_DISCOVER mode: set DF but ignore the cached path MTU',
      meaning: 'Packets carry DF and may be larger than the path MTU the kernel currently believes in, so an application can probe for a bigger MTU.',
      when: 'Packetisation-layer PMTU discovery (RFC 8899 DPLPMTUD) in QUIC and similar protocols.',
      pitfall: 'Probe packets that are too big are silently lost; the application must time out and fall back.',
    },
    tr: {
      summary: 'IP_MTU_DISCOVER kipi: DF koy ama önbellekteki yol MTU\'sunu yok say',
      meaning: 'Paketler DF taşır ve çekirdeğin o an bildiği yol MTU\'sundan büyük olabilir; böylece uygulama daha büyük bir MTU\'yu yoklayabilir.',
      when: 'QUIC ve benzeri protokollerde paketleme katmanında yol MTU keşfi (RFC 8899 DPLPMTUD) için.',
      pitfall: 'Çok büyük yoklama paketleri sessizce kaybolur; uygulama zaman aşımıyla bunu anlayıp geri dönmelidir.',
    },
  },
  {
    name: 'IP_MTU', group: 'ip-option', values: { linux: 14, windows: 73 }, unverified: ['windows'], notInPython: true,
    usage: { kind: 'option', level: LEVEL, value: { kind: 'int' }, access: 'get' },
    related: ['IP_MTU_DISCOVER', 'IPV6_MTU', 'EMSGSIZE'], manPages: ['ip(7)'],
    en: {
      summary: 'Current path MTU of a connected socket (read-only)',
      meaning: 'Returns the MTU the kernel knows for the route to the connected peer.',
      when: 'After `connect()` on a UDP socket with `IP_PMTUDISC_DO`, to size datagrams.',
      pitfall: 'Only valid on connected sockets (`ENOTCONN` otherwise), and the value is a snapshot that can shrink at any time.',
    },
    tr: {
      summary: 'Bağlı soketin geçerli yol MTU\'su (salt okunur)',
      meaning: 'Çekirdeğin bağlı karşı tarafa giden rota için bildiği MTU değerini döndürür.',
      when: '`IP_PMTUDISC_DO` verilmiş bir UDP sokette `connect()` sonrasında datagramları boyutlandırmak için.',
      pitfall: 'Yalnızca bağlı soketlerde geçerlidir (aksi halde `ENOTCONN`); değer her an küçülebilecek bir anlık görüntüdür.',
    },
  },
  {
    name: 'IP_RECVERR', group: 'ip-option', values: { linux: 11 }, unrecorded: ['windows'], notInPython: true,
    valueNote: 'Recent Windows SDKs define IP_RECVERR in <ws2ipdef.h>; its number is not recorded here.',
    usage: { kind: 'option', level: LEVEL, value: { kind: 'bool' }, access: 'both' },
    related: ['MSG_ERRQUEUE', 'ECONNREFUSED', 'IPV6_RECVERR'], manPages: ['ip(7)'],
    en: {
      summary: 'Queue ICMP errors for the application to read',
      meaning: 'ICMP errors (port unreachable, fragmentation needed, TTL exceeded) are stored on the socket\'s error queue with the offending packet, readable with `recvmsg(…, MSG_ERRQUEUE)`.',
      when: 'traceroute, UDP clients that want detailed failure reasons, zero-copy and timestamping completions.',
      pitfall: 'Once enabled you must drain the error queue or it fills up; errors also make the next `send()`/`recv()` fail (e.g. `ECONNREFUSED`) until read.',
    },
    tr: {
      summary: 'ICMP hatalarını uygulamanın okuması için kuyruğa al',
      meaning: 'ICMP hataları (port ulaşılamıyor, parçalama gerekli, TTL aşıldı) soruna yol açan paketle birlikte soketin hata kuyruğuna konur, `recvmsg(…, MSG_ERRQUEUE)` ile okunur.',
      when: 'traceroute\'ta, ayrıntılı hata nedeni isteyen UDP istemcilerinde, sıfır kopya ve zaman damgası tamamlanmalarında.',
      pitfall: 'Açtıktan sonra hata kuyruğunu boşaltmalısınız, yoksa dolar; hatalar okunana kadar sonraki `send()`/`recv()` çağrısı da başarısız olur (ör. `ECONNREFUSED`).',
    },
  },
  {
    name: 'IP_MULTICAST_ALL', group: 'ip-option', values: { linux: 49 }, notInPython: true,
    usage: { kind: 'option', level: LEVEL, value: { kind: 'bool' }, access: 'both' },
    related: ['IP_ADD_MEMBERSHIP', 'IPV6_MULTICAST_HOPS'], manPages: ['ip(7)'],
    en: {
      summary: 'Deliver multicast for groups joined by *other* sockets too',
      meaning: 'On by default on Linux: a socket bound to `INADDR_ANY` and a port receives datagrams for every group any socket on the host joined on that port.',
      when: 'Turn it off (0) in receivers that share a port but want only the groups they joined themselves.',
      pitfall: 'The default surprises people: two programs joining different groups on the same port see each other\'s traffic unless this is 0 or they bind to the group address.',
    },
    tr: {
      summary: '*Başka* soketlerin katıldığı grupların çok noktaya yayınını da teslim et',
      meaning: 'Linux\'ta varsayılan olarak açıktır: `INADDR_ANY` ve bir porta bağlı soket, makinedeki herhangi bir soketin o portta katıldığı her grubun datagramlarını alır.',
      when: 'Portu paylaşan ama yalnızca kendi katıldığı grupları isteyen alıcılarda kapatın (0).',
      pitfall: 'Varsayılan şaşırtır: aynı portta farklı gruplara katılan iki program, bu 0 yapılmadıkça ya da grup adresine bağlanmadıkça birbirinin trafiğini görür.',
    },
  },
  {
    name: 'IP_RECVORIGDSTADDR', group: 'ip-option', values: { linux: 20 }, notInPython: true,
    usage: { kind: 'option', level: LEVEL, value: { kind: 'bool' }, access: 'both' },
    related: ['IP_TRANSPARENT', 'IP_PKTINFO'], manPages: ['ip(7)'],
    en: {
      summary: 'Receive the original destination address and port of a datagram',
      meaning: 'Adds an `IP_ORIGDSTADDR` control message (`struct sockaddr_in`) with the address and port the packet was sent to.',
      when: 'UDP transparent proxies behind TPROXY rules, which must know where each datagram was really going.',
      pitfall: 'Linux only and needs `recvmsg()`; for TCP use `getsockname()` on the accepted socket instead.',
    },
    tr: {
      summary: 'Datagramın özgün hedef adresini ve portunu al',
      meaning: 'Paketin gönderildiği adresi ve portu içeren bir `IP_ORIGDSTADDR` denetim mesajı (`struct sockaddr_in`) ekler.',
      when: 'Her datagramın gerçekte nereye gittiğini bilmesi gereken, TPROXY kuralları arkasındaki UDP saydam vekil sunucularında.',
      pitfall: 'Yalnızca Linux\'ta vardır ve `recvmsg()` ister; TCP için kabul edilen sokette `getsockname()` kullanın.',
    },
  },
  {
    name: 'IP_UNICAST_IF', group: 'ip-option', values: { linux: 50, windows: 31 }, notInPython: true,
    usage: { kind: 'option', level: LEVEL, value: { kind: 'int', sample: 2 }, access: 'both' },
    related: ['SO_BINDTODEVICE', 'IP_MULTICAST_IF'], manPages: ['ip(7)'],
    en: {
      summary: 'Outgoing interface for unicast, by index',
      meaning: 'Forces unicast packets out of the interface with this index without restricting what the socket receives.',
      when: 'Windows applications that need the equivalent of `SO_BINDTODEVICE`; Wine and cross-platform code on Linux.',
      pitfall: 'Windows expects the index in network byte order (`htonl(index)`) for IPv4 sockets, unlike `IPV6_UNICAST_IF`.',
    },
    tr: {
      summary: 'Tekli (unicast) trafik için çıkış arayüzü, indeksle',
      meaning: 'Soketin ne alacağını kısıtlamadan tekli paketleri bu indeksteki arayüzden çıkmaya zorlar.',
      when: '`SO_BINDTODEVICE` karşılığı gereken Windows uygulamalarında; Linux\'ta Wine ve platformlar arası kodda.',
      pitfall: 'Windows IPv4 soketlerde, `IPV6_UNICAST_IF`\'ten farklı olarak, indeksi ağ bayt sırasında (`htonl(index)`) bekler.',
    },
  },
  {
    name: 'IP_DEFAULT_MULTICAST_TTL', group: 'limit', values: { linux: 1, macos: 1 },
    usage: { kind: 'limit', signature: 'IP_MULTICAST_TTL = IP_DEFAULT_MULTICAST_TTL' }, related: ['IP_MULTICAST_TTL'], manPages: ['ip(7)'],
    en: {
      summary: 'Default TTL of IPv4 multicast (1)',
      meaning: 'The TTL multicast datagrams get when `IP_MULTICAST_TTL` was never set: 1, i.e. link-local only.',
      when: 'Documentation value; compare against it, do not pass it.',
      pitfall: 'Explains the classic "multicast works on my LAN but not across the router" problem: raise `IP_MULTICAST_TTL`.',
    },
    tr: {
      summary: 'IPv4 çok noktaya yayının varsayılan TTL değeri (1)',
      meaning: '`IP_MULTICAST_TTL` hiç verilmemişse çok noktaya yayın datagramlarının aldığı TTL: 1, yani yalnızca yerel bağlantı.',
      when: 'Belgeleme değeridir; onunla karşılaştırın, argüman olarak vermeyin.',
      pitfall: 'Klasik "çok noktaya yayın yerel ağımda çalışıyor ama yönlendiriciyi geçmiyor" sorununun nedeni budur: `IP_MULTICAST_TTL` değerini yükseltin.',
    },
  },
  {
    name: 'IP_DEFAULT_MULTICAST_LOOP', group: 'limit', values: { linux: 1, macos: 1 },
    usage: { kind: 'limit', signature: 'IP_MULTICAST_LOOP = IP_DEFAULT_MULTICAST_LOOP' }, related: ['IP_MULTICAST_LOOP'], manPages: ['ip(7)'],
    en: {
      summary: 'Multicast loopback is on by default (1)',
      meaning: 'The default of `IP_MULTICAST_LOOP`: local group members receive what this host sends.',
      when: 'Documentation value.',
      pitfall: 'A program that sends and listens on the same group hears its own messages unless it sets `IP_MULTICAST_LOOP` to 0.',
    },
    tr: {
      summary: 'Çok noktaya yayın geri döngüsü varsayılan olarak açık (1)',
      meaning: '`IP_MULTICAST_LOOP` varsayılanı: yerel grup üyeleri bu makinenin gönderdiğini alır.',
      when: 'Belgeleme değeridir.',
      pitfall: 'Aynı grupta hem gönderen hem dinleyen program, `IP_MULTICAST_LOOP` 0 yapılmadıkça kendi mesajlarını duyar.',
    },
  },
  {
    name: 'IP_MAX_MEMBERSHIPS', group: 'limit', values: { linux: 20, macos: 4095 }, unverified: ['macos'],
    usage: { kind: 'limit', signature: 'IP_ADD_MEMBERSHIP × n, n ≤ IP_MAX_MEMBERSHIPS' }, related: ['IP_ADD_MEMBERSHIP'], manPages: ['ip(7)'],
    en: {
      summary: 'Historical per-socket limit of multicast group memberships',
      meaning: 'The header value 20 dates from early BSD; on Linux the real limit is the sysctl `net.ipv4.igmp_max_memberships` (default 20).',
      when: 'Receivers joining many groups on one socket (IPTV head-ends, market data).',
      pitfall: 'Joining more than the sysctl allows fails with `ENOBUFS`; raise the sysctl or spread groups over several sockets.',
    },
    tr: {
      summary: 'Soket başına çok noktaya yayın grubu üyeliğinin tarihî sınırı',
      meaning: 'Başlıktaki 20 değeri erken BSD\'den kalmadır; Linux\'ta gerçek sınır `net.ipv4.igmp_max_memberships` sysctl değeridir (varsayılan 20).',
      when: 'Tek sokette çok sayıda gruba katılan alıcılarda (IPTV merkezleri, piyasa verisi).',
      pitfall: 'Sysctl\'nin izin verdiğinden fazlasına katılmak `ENOBUFS` verir; sysctl\'yi yükseltin ya da grupları birkaç sokete dağıtın.',
    },
  },
];

// The SOL_* option levels: the level argument of setsockopt()/getsockopt().
// Values: Linux <bits/socket.h> (glibc), SOL_UDP from <netinet/udp.h>, SOL_CAN_* from
// <linux/can.h>/<linux/can/raw.h>; macOS <sys/socket.h> (XNU); Windows <winsock2.h>/<ws2def.h>.
import type { ConstantEntry } from '../types';

export const LEVELS: readonly ConstantEntry[] = [
  {
    name: 'SOL_SOCKET', group: 'level', values: { linux: 1, macos: 65535, windows: 65535 },
    usage: { kind: 'level', sampleOption: 'SO_REUSEADDR' }, related: ['SO_REUSEADDR', 'SO_KEEPALIVE', 'SO_RCVBUF', 'IPPROTO_TCP'],
    manPages: ['socket(7)', 'setsockopt(2)'],
    en: {
      summary: 'Option level of the socket layer itself',
      meaning: 'The `level` argument for generic options that belong to every socket regardless of protocol: the `SO_*` options.',
      when: '`setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, …)`, `SO_RCVBUF`, `SO_KEEPALIVE`, `SO_ERROR` and so on.',
      pitfall: 'It is 1 on Linux but 0xffff on macOS and Windows, so never hard-code it; and on Linux it equals `IPPROTO_ICMP`, so passing an `SO_*` option with the wrong level silently sets something else.',
    },
    tr: {
      summary: 'Soket katmanının kendi seçenek düzeyi',
      meaning: 'Protokolden bağımsız her sokete ait genel seçenekler, yani `SO_*` seçenekleri için `level` argümanı.',
      when: '`setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, …)`, `SO_RCVBUF`, `SO_KEEPALIVE`, `SO_ERROR` vb.',
      pitfall: 'Linux\'ta 1, macOS ve Windows\'ta 0xffff\'tir; sabit yazmayın. Linux\'ta `IPPROTO_ICMP` ile aynı sayıdır; `SO_*` seçeneğini yanlış düzeyle vermek sessizce başka bir şeyi ayarlar.',
    },
  },
  {
    name: 'SOL_IP', group: 'level', values: { linux: 0 },
    usage: { kind: 'level', sampleOption: 'IP_TOS' }, related: ['IPPROTO_IP', 'IP_TOS', 'IP_TTL'], manPages: ['ip(7)'],
    en: {
      summary: 'Linux name for the IPv4 option level (same as IPPROTO_IP)',
      meaning: 'Level for `IP_*` options; numerically equal to `IPPROTO_IP` (0).',
      when: 'Linux code and `cmsg_level` checks for IPv4 ancillary data.',
      pitfall: 'Linux-only spelling: macOS and Windows only define `IPPROTO_IP`, so portable code writes that.',
    },
    tr: {
      summary: 'IPv4 seçenek düzeyinin Linux adı (IPPROTO_IP ile aynı)',
      meaning: '`IP_*` seçenekleri için düzey; sayısal olarak `IPPROTO_IP` (0) ile aynıdır.',
      when: 'Linux kodunda ve IPv4 yardımcı verisi için `cmsg_level` denetimlerinde.',
      pitfall: 'Yalnızca Linux yazımıdır: macOS ve Windows yalnızca `IPPROTO_IP` tanımlar; taşınabilir kod onu yazar.',
    },
  },
  {
    name: 'SOL_TCP', group: 'level', values: { linux: 6 },
    usage: { kind: 'level', sampleOption: 'TCP_NODELAY' }, related: ['IPPROTO_TCP', 'TCP_NODELAY', 'TCP_KEEPIDLE'], manPages: ['tcp(7)'],
    en: {
      summary: 'Linux name for the TCP option level (same as IPPROTO_TCP)',
      meaning: 'Level for `TCP_*` options; numerically equal to `IPPROTO_TCP` (6).',
      when: 'Linux code setting `TCP_NODELAY`, `TCP_KEEPIDLE`, `TCP_INFO` and friends.',
      pitfall: 'Not defined on macOS or Windows; write `IPPROTO_TCP` for portable code.',
    },
    tr: {
      summary: 'TCP seçenek düzeyinin Linux adı (IPPROTO_TCP ile aynı)',
      meaning: '`TCP_*` seçenekleri için düzey; sayısal olarak `IPPROTO_TCP` (6) ile aynıdır.',
      when: '`TCP_NODELAY`, `TCP_KEEPIDLE`, `TCP_INFO` gibi seçenekleri ayarlayan Linux kodunda.',
      pitfall: 'macOS ve Windows\'ta tanımlı değildir; taşınabilir kod için `IPPROTO_TCP` yazın.',
    },
  },
  {
    name: 'SOL_UDP', group: 'level', values: { linux: 17 },
    usage: { kind: 'level' }, related: ['IPPROTO_UDP', 'SOCK_DGRAM'], manPages: ['udp(7)'],
    usedWith: 'setsockopt(fd, SOL_UDP, UDP_CORK | UDP_SEGMENT | UDP_GRO, …)',
    en: {
      summary: 'Linux name for the UDP option level (same as IPPROTO_UDP)',
      meaning: 'Level for `UDP_*` options such as `UDP_CORK`, `UDP_SEGMENT` (GSO) and `UDP_GRO`; equal to `IPPROTO_UDP` (17).',
      when: 'High-throughput UDP on Linux (QUIC servers use `UDP_SEGMENT` and `UDP_GRO`).',
      pitfall: 'Defined in `<netinet/udp.h>`, not `<sys/socket.h>`; and it does not exist on macOS or Windows.',
    },
    tr: {
      summary: 'UDP seçenek düzeyinin Linux adı (IPPROTO_UDP ile aynı)',
      meaning: '`UDP_CORK`, `UDP_SEGMENT` (GSO) ve `UDP_GRO` gibi `UDP_*` seçenekleri için düzey; `IPPROTO_UDP` (17) ile aynıdır.',
      when: 'Linux\'ta yüksek hacimli UDP\'de (QUIC sunucuları `UDP_SEGMENT` ve `UDP_GRO` kullanır).',
      pitfall: '`<sys/socket.h>` değil `<netinet/udp.h>` içinde tanımlıdır; macOS ve Windows\'ta yoktur.',
    },
  },
  {
    name: 'SOL_IPV6', group: 'level', values: { linux: 41 }, notInPython: true,
    usage: { kind: 'level', sampleOption: 'IPV6_V6ONLY' }, related: ['IPPROTO_IPV6', 'IPV6_V6ONLY'], manPages: ['ipv6(7)'],
    en: {
      summary: 'Linux name for the IPv6 option level (same as IPPROTO_IPV6)',
      meaning: 'Level for `IPV6_*` options; equal to `IPPROTO_IPV6` (41).',
      when: 'Linux code and `cmsg_level` checks for IPv6 ancillary data.',
      pitfall: 'Linux-only spelling, and Python does not export it: use `IPPROTO_IPV6`.',
    },
    tr: {
      summary: 'IPv6 seçenek düzeyinin Linux adı (IPPROTO_IPV6 ile aynı)',
      meaning: '`IPV6_*` seçenekleri için düzey; `IPPROTO_IPV6` (41) ile aynıdır.',
      when: 'Linux kodunda ve IPv6 yardımcı verisi için `cmsg_level` denetimlerinde.',
      pitfall: 'Yalnızca Linux yazımıdır ve Python dışa aktarmaz: `IPPROTO_IPV6` kullanın.',
    },
  },
  {
    name: 'SOL_RAW', group: 'level', values: { linux: 255 }, notInPython: true,
    usage: { kind: 'level' }, related: ['SOCK_RAW', 'IPPROTO_RAW'], manPages: ['raw(7)'],
    usedWith: 'setsockopt(fd, SOL_RAW, ICMP_FILTER, &filter, sizeof filter)',
    en: {
      summary: 'Option level of Linux raw sockets',
      meaning: 'Level for raw-socket options, mainly `ICMP_FILTER` to choose which ICMP types a raw socket receives.',
      when: 'ping-like tools that want only echo replies.',
      pitfall: 'Linux only; the filter is a bit mask of types to *drop*, not to keep.',
    },
    tr: {
      summary: 'Linux ham soketlerinin seçenek düzeyi',
      meaning: 'Ham soket seçenekleri için düzey; başlıca ham soketin hangi ICMP türlerini alacağını seçen `ICMP_FILTER`.',
      when: 'Yalnızca yankı yanıtlarını isteyen ping benzeri araçlarda.',
      pitfall: 'Yalnızca Linux\'ta vardır; süzgeç tutulacak değil, *atılacak* türlerin bit maskesidir.',
    },
  },
  {
    name: 'SOL_PACKET', group: 'level', values: { linux: 263 }, notInPython: true,
    usage: { kind: 'level' }, related: ['AF_PACKET'], manPages: ['packet(7)'],
    usedWith: 'setsockopt(fd, SOL_PACKET, PACKET_ADD_MEMBERSHIP | PACKET_RX_RING | PACKET_FANOUT, …)',
    en: {
      summary: 'Option level of AF_PACKET sockets',
      meaning: 'Level for `PACKET_*` options: promiscuous membership, memory-mapped rings (`PACKET_RX_RING`), fanout between sockets.',
      when: 'Capture tools that need promiscuous mode or high-speed mmap capture.',
      pitfall: 'Use `PACKET_ADD_MEMBERSHIP` with `PACKET_MR_PROMISC` instead of setting `IFF_PROMISC` by hand: the membership is dropped automatically when the socket closes.',
    },
    tr: {
      summary: 'AF_PACKET soketlerinin seçenek düzeyi',
      meaning: '`PACKET_*` seçenekleri için düzey: karışık kip (promiscuous) üyeliği, belleğe eşlenmiş halkalar (`PACKET_RX_RING`), soketler arası dağıtım (fanout).',
      when: 'Karışık kip ya da yüksek hızlı mmap yakalama gereken yakalama araçlarında.',
      pitfall: '`IFF_PROMISC` bayrağını elle vermek yerine `PACKET_MR_PROMISC` ile `PACKET_ADD_MEMBERSHIP` kullanın: soket kapanınca üyelik kendiliğinden kalkar.',
    },
  },
  {
    name: 'SOL_NETLINK', group: 'level', values: { linux: 270 }, notInPython: true,
    usage: { kind: 'level' }, related: ['AF_NETLINK'], manPages: ['netlink(7)'],
    usedWith: 'setsockopt(fd, SOL_NETLINK, NETLINK_ADD_MEMBERSHIP | NETLINK_EXT_ACK, …)',
    en: {
      summary: 'Option level of netlink sockets',
      meaning: 'Level for `NETLINK_*` options such as joining multicast groups and extended error reporting (`NETLINK_EXT_ACK`).',
      when: 'Subscribing to many netlink groups or getting readable error messages from the kernel.',
      pitfall: 'The `nl_groups` bit mask in `bind()` only covers groups 1–32; higher groups need `NETLINK_ADD_MEMBERSHIP`.',
    },
    tr: {
      summary: 'Netlink soketlerinin seçenek düzeyi',
      meaning: 'Çok noktaya yayın gruplarına katılma ve ayrıntılı hata bildirimi (`NETLINK_EXT_ACK`) gibi `NETLINK_*` seçenekleri için düzey.',
      when: 'Birçok netlink grubuna abone olurken ya da çekirdekten okunabilir hata mesajları almak için.',
      pitfall: '`bind()` içindeki `nl_groups` bit maskesi yalnızca 1–32 gruplarını kapsar; daha yüksek gruplar `NETLINK_ADD_MEMBERSHIP` ister.',
    },
  },
  {
    name: 'SOL_TIPC', group: 'level', values: { linux: 271 },
    usage: { kind: 'level' }, related: ['AF_TIPC'], manPages: ['address_families(7)'],
    usedWith: 'setsockopt(fd, SOL_TIPC, TIPC_IMPORTANCE | TIPC_CONN_TIMEOUT, …)',
    en: {
      summary: 'Option level of TIPC sockets',
      meaning: 'Level for `TIPC_*` options such as message importance and connection timeout.',
      when: 'Tuning TIPC cluster sockets.',
      pitfall: 'Only meaningful on `AF_TIPC` sockets; elsewhere `setsockopt()` fails with `ENOPROTOOPT`.',
    },
    tr: {
      summary: 'TIPC soketlerinin seçenek düzeyi',
      meaning: 'Mesaj önemi ve bağlantı zaman aşımı gibi `TIPC_*` seçenekleri için düzey.',
      when: 'TIPC küme soketlerini ayarlarken.',
      pitfall: 'Yalnızca `AF_TIPC` soketlerinde anlamlıdır; başka yerde `setsockopt()` `ENOPROTOOPT` döner.',
    },
  },
  {
    name: 'SOL_RDS', group: 'level', values: { linux: 276 },
    usage: { kind: 'level' }, related: ['AF_RDS'], manPages: ['rds(7)'],
    usedWith: 'setsockopt(fd, SOL_RDS, RDS_CANCEL_SENT_TO | RDS_GET_MR, …)',
    en: {
      summary: 'Option level of RDS sockets',
      meaning: 'Level for `RDS_*` options and RDMA memory-region control messages.',
      when: 'Oracle RDS applications.',
      pitfall: 'Only valid on `AF_RDS` sockets with the `rds` module loaded.',
    },
    tr: {
      summary: 'RDS soketlerinin seçenek düzeyi',
      meaning: '`RDS_*` seçenekleri ve RDMA bellek bölgesi denetim mesajları için düzey.',
      when: 'Oracle RDS uygulamalarında.',
      pitfall: 'Yalnızca `rds` modülü yüklüyken `AF_RDS` soketlerinde geçerlidir.',
    },
  },
  {
    name: 'SOL_ALG', group: 'level', values: { linux: 279 },
    usage: { kind: 'level' }, related: ['AF_ALG'], manPages: ['address_families(7)'],
    usedWith: 'setsockopt(fd, SOL_ALG, ALG_SET_KEY, key, keylen)',
    en: {
      summary: 'Option level of AF_ALG crypto sockets',
      meaning: 'Level for `ALG_SET_KEY`, `ALG_SET_AEAD_AUTHSIZE` and the `ALG_SET_OP`/`ALG_SET_IV` control messages.',
      when: 'Setting the key on the bound `AF_ALG` socket before `accept()`.',
      pitfall: 'The key goes on the bound socket, but IV and operation are sent as control messages on the accepted one.',
    },
    tr: {
      summary: 'AF_ALG kripto soketlerinin seçenek düzeyi',
      meaning: '`ALG_SET_KEY`, `ALG_SET_AEAD_AUTHSIZE` ile `ALG_SET_OP`/`ALG_SET_IV` denetim mesajları için düzey.',
      when: '`accept()` öncesinde bağlanmış `AF_ALG` soketine anahtar verirken.',
      pitfall: 'Anahtar bağlanan sokete verilir; IV ve işlem ise kabul edilen soket üzerinde denetim mesajı olarak gönderilir.',
    },
  },
  {
    name: 'SOL_TLS', group: 'level', values: { linux: 282 }, notInPython: true,
    usage: { kind: 'level' }, related: ['TCP_ULP', 'IPPROTO_TCP'], manPages: ['tcp(7)'],
    usedWith: 'setsockopt(fd, SOL_TCP, TCP_ULP, "tls", 4); setsockopt(fd, SOL_TLS, TLS_TX, &crypto_info, sizeof crypto_info)',
    en: {
      summary: 'Option level of kernel TLS (kTLS)',
      meaning: 'After a TLS handshake in user space, `TLS_TX`/`TLS_RX` hand the session keys to the kernel, which then encrypts and decrypts records itself.',
      when: 'Servers that want `sendfile()` with TLS or NIC TLS offload (nginx, HAProxy with kTLS).',
      pitfall: 'Enable the upper-layer protocol first with `TCP_ULP` "tls"; only some cipher suites are supported, and TLS 1.3 key updates need a recent kernel.',
    },
    tr: {
      summary: 'Çekirdek TLS (kTLS) seçenek düzeyi',
      meaning: 'TLS el sıkışması kullanıcı alanında yapıldıktan sonra `TLS_TX`/`TLS_RX` oturum anahtarlarını çekirdeğe verir; kayıtları artık çekirdek şifreler ve çözer.',
      when: 'TLS ile `sendfile()` ya da ağ kartında TLS hızlandırma isteyen sunucularda (kTLS\'li nginx, HAProxy).',
      pitfall: 'Önce `TCP_ULP` ile "tls" üst katman protokolünü açın; yalnızca bazı şifre takımları desteklenir ve TLS 1.3 anahtar güncellemesi yeni bir çekirdek ister.',
    },
  },
  {
    name: 'SOL_XDP', group: 'level', values: { linux: 283 }, notInPython: true,
    usage: { kind: 'level' }, related: ['AF_XDP'], manPages: ['address_families(7)'],
    usedWith: 'setsockopt(fd, SOL_XDP, XDP_UMEM_REG | XDP_RX_RING | XDP_TX_RING, …)',
    en: {
      summary: 'Option level of AF_XDP sockets',
      meaning: 'Level for registering the UMEM area and sizing the fill, completion, RX and TX rings.',
      when: 'Setting up an `AF_XDP` socket before `bind()`.',
      pitfall: 'Ring sizes must be powers of two, and the rings must be configured before binding to a queue.',
    },
    tr: {
      summary: 'AF_XDP soketlerinin seçenek düzeyi',
      meaning: 'UMEM alanını kaydetmek ve doldurma, tamamlama, RX ve TX halkalarını boyutlandırmak için düzey.',
      when: '`bind()` öncesinde bir `AF_XDP` soketini kurarken.',
      pitfall: 'Halka boyutları ikinin kuvveti olmalı ve halkalar bir kuyruğa bağlanmadan önce kurulmalıdır.',
    },
  },
  {
    name: 'SOL_MPTCP', group: 'level', values: { linux: 284 }, notInPython: true,
    usage: { kind: 'level' }, related: ['IPPROTO_MPTCP'], manPages: ['tcp(7)'],
    usedWith: 'getsockopt(fd, SOL_MPTCP, MPTCP_INFO, &info, &len)',
    en: {
      summary: 'Option level of Multipath TCP sockets',
      meaning: 'Level for `MPTCP_INFO`, `MPTCP_TCPINFO` and `MPTCP_SUBFLOW_ADDRS`: state of the MPTCP connection and its subflows.',
      when: 'Inspecting an `IPPROTO_MPTCP` connection.',
      pitfall: 'Needs Linux 5.16+ for these options; plain `TCP_*` options on an MPTCP socket apply to the whole connection, not one subflow.',
    },
    tr: {
      summary: 'Çok yollu TCP (MPTCP) soketlerinin seçenek düzeyi',
      meaning: '`MPTCP_INFO`, `MPTCP_TCPINFO` ve `MPTCP_SUBFLOW_ADDRS` için düzey: MPTCP bağlantısının ve alt akışlarının durumu.',
      when: 'Bir `IPPROTO_MPTCP` bağlantısını incelerken.',
      pitfall: 'Bu seçenekler Linux 5.16+ ister; MPTCP soketindeki düz `TCP_*` seçenekleri tek bir alt akışa değil bağlantının tümüne uygulanır.',
    },
  },
  {
    name: 'SOL_CAN_BASE', group: 'level', values: { linux: 100 },
    usage: { kind: 'level' }, related: ['SOL_CAN_RAW', 'AF_CAN'], manPages: ['address_families(7)'],
    usedWith: 'SOL_CAN_RAW = SOL_CAN_BASE + CAN_RAW',
    en: {
      summary: 'Base of the SocketCAN option levels',
      meaning: 'Each CAN protocol\'s level is `SOL_CAN_BASE + protocol` (e.g. `SOL_CAN_RAW` = 101, `SOL_CAN_J1939` = 107).',
      when: 'Only to compute a level; you do not pass it to `setsockopt()` directly.',
      pitfall: 'Passing `SOL_CAN_BASE` itself as the level fails with `ENOPROTOOPT`.',
    },
    tr: {
      summary: 'SocketCAN seçenek düzeylerinin tabanı',
      meaning: 'Her CAN protokolünün düzeyi `SOL_CAN_BASE + protokol` olarak hesaplanır (ör. `SOL_CAN_RAW` = 101, `SOL_CAN_J1939` = 107).',
      when: 'Yalnızca düzey hesaplamak için; `setsockopt()` çağrısına doğrudan verilmez.',
      pitfall: '`SOL_CAN_BASE` değerini düzey olarak vermek `ENOPROTOOPT` ile başarısız olur.',
    },
  },
  {
    name: 'SOL_CAN_RAW', group: 'level', values: { linux: 101 },
    usage: { kind: 'level' }, related: ['SOL_CAN_BASE', 'AF_CAN'], manPages: ['address_families(7)'],
    usedWith: 'setsockopt(fd, SOL_CAN_RAW, CAN_RAW_FILTER, filters, sizeof filters)',
    en: {
      summary: 'Option level of raw CAN sockets',
      meaning: 'Level for `CAN_RAW_FILTER`, `CAN_RAW_ERR_FILTER`, `CAN_RAW_LOOPBACK` and `CAN_RAW_FD_FRAMES`.',
      when: 'Filtering CAN ids in the kernel or enabling CAN FD frames.',
      pitfall: 'Without `CAN_RAW_FD_FRAMES` a CAN FD frame (72 bytes) cannot be read into a classic `struct can_frame` (16 bytes).',
    },
    tr: {
      summary: 'Ham CAN soketlerinin seçenek düzeyi',
      meaning: '`CAN_RAW_FILTER`, `CAN_RAW_ERR_FILTER`, `CAN_RAW_LOOPBACK` ve `CAN_RAW_FD_FRAMES` için düzey.',
      when: 'CAN kimliklerini çekirdekte süzmek ya da CAN FD çerçevelerini açmak için.',
      pitfall: '`CAN_RAW_FD_FRAMES` açılmadan CAN FD çerçevesi (72 bayt) klasik `struct can_frame` (16 bayt) içine okunamaz.',
    },
  },
];

// Address families in everyday use: the first argument (domain) of socket().
// Values: Linux <bits/socket.h> (glibc, identical to <linux/socket.h>); macOS <sys/socket.h> (XNU);
// Windows <ws2def.h>. Linux values are checked by test/hover/values.test.ts against python3 and cc.
import type { ConstantEntry } from '../types';

export const FAMILIES: readonly ConstantEntry[] = [
  {
    name: 'AF_UNSPEC', group: 'family', values: { linux: 0, macos: 0, windows: 0 },
    usage: { kind: 'socket-domain' }, related: ['AF_INET', 'AF_INET6', 'AI_ADDRCONFIG', 'PF_UNSPEC'],
    manPages: ['getaddrinfo(3)', 'connect(2)'],
    en: {
      summary: 'Unspecified address family: "IPv4 or IPv6, whichever works"',
      meaning: 'Says "no particular family". In `getaddrinfo()` hints it asks for both IPv4 and IPv6 results; in `connect()` on a datagram socket an address with this family dissolves the peer association.',
      when: 'Set `hints.ai_family = AF_UNSPEC` in clients so the same code works on IPv4-only, IPv6-only and dual-stack hosts, then try each returned address in order.',
      pitfall: '`socket(AF_UNSPEC, …)` fails with `EAFNOSUPPORT`: a socket needs a concrete family, so create it from each `ai_family` that `getaddrinfo()` returned.',
    },
    tr: {
      summary: 'Belirtilmemiş adres ailesi: "IPv4 ya da IPv6, hangisi olursa"',
      meaning: '"Belirli bir aile yok" demektir. `getaddrinfo()` ipuçlarında (hints) hem IPv4 hem IPv6 sonuç ister; datagram soketinde `connect()` çağrısına bu aileyle adres verilirse karşı uçla ilişki kaldırılır.',
      when: 'İstemcide `hints.ai_family = AF_UNSPEC` verin; böylece aynı kod yalnız IPv4, yalnız IPv6 ve çift yığınlı (dual-stack) makinelerde çalışır. Dönen adresleri sırayla deneyin.',
      pitfall: '`socket(AF_UNSPEC, …)` `EAFNOSUPPORT` ile başarısız olur: soketin somut bir alanı (domain) olmalı; `getaddrinfo()` sonucundaki her `ai_family` ile soket açın.',
    },
  },
  {
    name: 'AF_UNIX', group: 'family', values: { linux: 1, macos: 1, windows: 1 },
    usage: { kind: 'socket-domain' }, related: ['AF_LOCAL', 'PF_UNIX', 'SOCK_STREAM', 'SOCK_DGRAM', 'SCM_RIGHTS', 'SO_PEERCRED'],
    manPages: ['unix(7)', 'socket(2)'],
    en: {
      summary: 'Local (Unix domain) sockets between processes on the same machine',
      meaning: 'Inter-process communication through a filesystem path (`sockaddr_un.sun_path`) or, on Linux only, an abstract name that starts with a NUL byte. No network stack is involved.',
      when: 'Talking to a local daemon (Docker, PostgreSQL, systemd), passing file descriptors with `SCM_RIGHTS`, or checking the peer\'s uid with `SO_PEERCRED`.',
      pitfall: '`bind()` fails with `EADDRINUSE` while an old socket file is still on disk: `unlink()` it first. `sun_path` holds only 108 bytes on Linux and 104 on macOS. Windows 10 1803+ supports only `SOCK_STREAM` and no descriptor passing.',
    },
    tr: {
      summary: 'Aynı makinedeki süreçler arasında yerel (Unix domain) soketler',
      meaning: 'Bir dosya sistemi yolu (`sockaddr_un.sun_path`) ya da yalnızca Linux\'ta NUL baytla başlayan soyut (abstract) bir ad üzerinden süreçler arası iletişim. Ağ yığını hiç devreye girmez.',
      when: 'Yerel bir servisle (Docker, PostgreSQL, systemd) konuşurken, `SCM_RIGHTS` ile dosya tanımlayıcısı aktarırken ya da `SO_PEERCRED` ile karşı tarafın uid\'sini denetlerken.',
      pitfall: 'Eski soket dosyası diskte durdukça `bind()` `EADDRINUSE` döner: önce `unlink()` edin. `sun_path` Linux\'ta yalnızca 108, macOS\'te 104 bayttır. Windows 10 1803+ yalnızca `SOCK_STREAM` destekler, tanımlayıcı aktarımı yoktur.',
    },
  },
  {
    name: 'AF_LOCAL', group: 'family', values: { linux: 1, macos: 1 }, aliasOf: 'AF_UNIX', notInPython: true,
    usage: { kind: 'socket-domain' }, related: ['AF_UNIX', 'AF_FILE', 'PF_LOCAL'], manPages: ['unix(7)'],
    en: {
      summary: 'POSIX name for AF_UNIX (local sockets)',
      meaning: 'The POSIX spelling of `AF_UNIX`: the same number and the same local sockets.',
      when: 'In code that prefers the POSIX name; it behaves exactly like `AF_UNIX`.',
      pitfall: 'Windows headers and Python\'s socket module only know `AF_UNIX`; use that name in portable code.',
    },
    tr: {
      summary: 'AF_UNIX için POSIX adı (yerel soketler)',
      meaning: '`AF_UNIX`\'in POSIX yazımıdır: aynı sayı, aynı yerel soketler.',
      when: 'POSIX adını tercih eden kodda; davranışı `AF_UNIX` ile birebir aynıdır.',
      pitfall: 'Windows başlıkları ve Python\'un socket modülü yalnızca `AF_UNIX` adını tanır; taşınabilir kodda onu yazın.',
    },
  },
  {
    name: 'AF_FILE', group: 'family', values: { linux: 1 }, aliasOf: 'AF_UNIX', notInPython: true,
    usage: { kind: 'socket-domain' }, related: ['AF_UNIX', 'AF_LOCAL', 'PF_FILE'], manPages: ['unix(7)'],
    en: {
      summary: 'Obsolete glibc synonym for AF_UNIX',
      meaning: 'An old glibc-only alias of `AF_UNIX`, kept for source compatibility.',
      when: 'Never in new code; you only meet it in very old Linux sources.',
      pitfall: 'It exists only in glibc; macOS and Windows headers do not define it, so such code does not compile there.',
    },
    tr: {
      summary: 'AF_UNIX için eskimiş glibc eş adı',
      meaning: 'Kaynak uyumluluğu için tutulan, yalnızca glibc\'ye özgü eski bir `AF_UNIX` takma adıdır.',
      when: 'Yeni kodda asla; yalnızca çok eski Linux kaynaklarında karşınıza çıkar.',
      pitfall: 'Yalnızca glibc\'de vardır; macOS ve Windows başlıkları tanımlamaz, o kod oralarda derlenmez.',
    },
  },
  {
    name: 'AF_INET', group: 'family', values: { linux: 2, macos: 2, windows: 2 },
    usage: { kind: 'socket-domain' }, related: ['AF_INET6', 'PF_INET', 'SOCK_STREAM', 'SOCK_DGRAM', 'INADDR_ANY', 'IPPROTO_TCP'],
    manPages: ['ip(7)', 'socket(2)'],
    en: {
      summary: 'IPv4 address family',
      meaning: 'Internet Protocol version 4. Addresses are `struct sockaddr_in` (32-bit address + 16-bit port); in Python an `(host, port)` tuple.',
      when: 'TCP or UDP over IPv4: `socket(AF_INET, SOCK_STREAM, 0)` for TCP, `SOCK_DGRAM` for UDP.',
      pitfall: 'An `AF_INET` socket cannot reach IPv6-only hosts: resolve with `getaddrinfo()` and `AF_UNSPEC` instead of hard-coding IPv4. In C, `sin_port` and `sin_addr` are in network byte order (`htons()`, `htonl()`).',
    },
    tr: {
      summary: 'IPv4 adres ailesi',
      meaning: 'İnternet Protokolü sürüm 4. Adresler `struct sockaddr_in` yapısıdır (32 bit adres + 16 bit port); Python\'da `(host, port)` demetidir.',
      when: 'IPv4 üzerinden TCP ya da UDP: TCP için `socket(AF_INET, SOCK_STREAM, 0)`, UDP için `SOCK_DGRAM`.',
      pitfall: '`AF_INET` soketi yalnız IPv6 olan bir makineye ulaşamaz: IPv4\'ü sabit yazmak yerine `getaddrinfo()` ile `AF_UNSPEC` kullanarak çözümleyin. C\'de `sin_port` ve `sin_addr` ağ bayt sırasındadır (`htons()`, `htonl()`).',
    },
  },
  {
    name: 'AF_INET6', group: 'family', values: { linux: 10, macos: 30, windows: 23 },
    usage: { kind: 'socket-domain' }, related: ['AF_INET', 'PF_INET6', 'IPV6_V6ONLY', 'IN6ADDR_ANY_INIT', 'IPPROTO_IPV6'],
    manPages: ['ipv6(7)', 'socket(2)'],
    en: {
      summary: 'IPv6 address family',
      meaning: 'Internet Protocol version 6. Addresses are `struct sockaddr_in6` (128-bit address, port, flow info, scope id); in Python a `(host, port, flowinfo, scope_id)` tuple.',
      when: 'IPv6 clients and servers; one `AF_INET6` listener with `IPV6_V6ONLY` off also accepts IPv4 clients as `::ffff:a.b.c.d` mapped addresses.',
      pitfall: 'The number differs per OS (Linux 10, macOS 30, Windows 23): never hard-code it or send it over the wire. Link-local addresses (`fe80::/10`) need a scope id (`%eth0`), and the `IPV6_V6ONLY` default differs between Linux and Windows.',
    },
    tr: {
      summary: 'IPv6 adres ailesi',
      meaning: 'İnternet Protokolü sürüm 6. Adresler `struct sockaddr_in6` yapısıdır (128 bit adres, port, akış bilgisi, kapsam kimliği); Python\'da `(host, port, flowinfo, scope_id)` demetidir.',
      when: 'IPv6 istemci ve sunucularında; `IPV6_V6ONLY` kapalı tek bir `AF_INET6` dinleyici, IPv4 istemcileri de `::ffff:a.b.c.d` biçiminde eşlenmiş adreslerle kabul eder.',
      pitfall: 'Sayısal değer işletim sistemine göre değişir (Linux 10, macOS 30, Windows 23): sabit yazmayın, ağ üzerinden göndermeyin. Bağlantı-yerel (`fe80::/10`) adresler kapsam kimliği (`%eth0`) ister; `IPV6_V6ONLY` varsayılanı da Linux ile Windows\'ta farklıdır.',
    },
  },
  {
    name: 'AF_PACKET', group: 'family', values: { linux: 17 },
    usage: { kind: 'socket-domain' }, related: ['PF_PACKET', 'SOCK_RAW', 'SOCK_DGRAM', 'SO_BINDTODEVICE', 'SOL_PACKET'],
    manPages: ['packet(7)'],
    en: {
      summary: 'Raw link-layer (Ethernet) packets, Linux only',
      meaning: 'Sends and receives whole frames at the device driver level. With `SOCK_RAW` you get the link-layer header, with `SOCK_DGRAM` the kernel strips it ("cooked" packets).',
      when: 'Packet capture, custom Ethernet protocols, DHCP clients and tools like tcpdump (libpcap uses it on Linux).',
      pitfall: 'Needs `CAP_NET_RAW` (root). The protocol argument is in network byte order: `htons(ETH_P_ALL)`, not `ETH_P_ALL`. macOS uses BPF devices and Windows needs Npcap instead.',
    },
    tr: {
      summary: 'Ham bağlantı katmanı (Ethernet) paketleri, yalnızca Linux',
      meaning: 'Çerçeveleri aygıt sürücüsü düzeyinde bütün olarak gönderir ve alır. `SOCK_RAW` ile bağlantı katmanı başlığı da gelir, `SOCK_DGRAM` ile çekirdek başlığı ayıklar ("pişmiş" paketler).',
      when: 'Paket yakalama, özel Ethernet protokolleri, DHCP istemcileri ve tcpdump gibi araçlar (libpcap Linux\'ta bunu kullanır).',
      pitfall: '`CAP_NET_RAW` (root) gerekir. Protokol argümanı ağ bayt sırasındadır: `ETH_P_ALL` değil `htons(ETH_P_ALL)`. macOS\'te BPF aygıtları, Windows\'ta Npcap gerekir.',
    },
  },
  {
    name: 'AF_NETLINK', group: 'family', values: { linux: 16 },
    usage: { kind: 'socket-domain' }, related: ['AF_ROUTE', 'PF_NETLINK', 'SOCK_RAW', 'SOCK_DGRAM', 'SOL_NETLINK'],
    manPages: ['netlink(7)', 'rtnetlink(7)'],
    en: {
      summary: 'Messages between user space and the Linux kernel',
      meaning: 'A datagram-like channel to kernel subsystems: routing and links (`NETLINK_ROUTE`), netfilter, audit, udev events and more, chosen by the protocol argument.',
      when: 'Reading or changing interfaces, addresses and routes the way `ip` from iproute2 does, or listening for hot-plug events.',
      pitfall: 'Replies come as `nlmsghdr`-framed multipart messages ending with `NLMSG_DONE`; read until then. A slow reader gets `ENOBUFS` and has lost events. BSD\'s `AF_ROUTE` is a different protocol.',
    },
    tr: {
      summary: 'Kullanıcı alanı ile Linux çekirdeği arasında mesajlaşma',
      meaning: 'Çekirdek alt sistemlerine datagram benzeri bir kanal: yönlendirme ve arayüzler (`NETLINK_ROUTE`), netfilter, audit, udev olayları ve daha fazlası; hangisi olduğunu protokol argümanı seçer.',
      when: 'Arayüz, adres ve rotaları iproute2\'deki `ip` komutu gibi okumak/değiştirmek ya da tak-çıkar olaylarını dinlemek için.',
      pitfall: 'Yanıtlar `nlmsghdr` çerçeveli, çok parçalı gelir ve `NLMSG_DONE` ile biter; ona kadar okuyun. Yavaş okuyan taraf `ENOBUFS` alır ve olay kaçırmıştır. BSD\'deki `AF_ROUTE` bambaşka bir protokoldür.',
    },
  },
  {
    name: 'AF_ROUTE', group: 'family', values: { linux: 16, macos: 17 }, aliasOf: 'AF_NETLINK',
    usage: { kind: 'socket-domain' }, related: ['AF_NETLINK', 'PF_ROUTE'], manPages: ['netlink(7)'],
    en: {
      summary: 'Routing socket: an alias of AF_NETLINK on Linux, the BSD routing socket on macOS',
      meaning: 'On Linux it is just another name for `AF_NETLINK` (16). On macOS and the BSDs it is the routing socket (17), which speaks `rt_msghdr` messages.',
      when: 'Watching or changing the routing table: on Linux write `AF_NETLINK` with `NETLINK_ROUTE`; on macOS use `socket(AF_ROUTE, SOCK_RAW, 0)`.',
      pitfall: 'Same name, unrelated protocols: code written for the BSD routing socket does not work on Linux and vice versa.',
    },
    tr: {
      summary: 'Yönlendirme soketi: Linux\'ta AF_NETLINK\'in takma adı, macOS\'te BSD yönlendirme soketi',
      meaning: 'Linux\'ta yalnızca `AF_NETLINK`\'in (16) başka bir adıdır. macOS ve BSD\'lerde ise `rt_msghdr` mesajları konuşan yönlendirme soketidir (17).',
      when: 'Yönlendirme tablosunu izlemek ya da değiştirmek için: Linux\'ta `AF_NETLINK` ve `NETLINK_ROUTE` yazın; macOS\'te `socket(AF_ROUTE, SOCK_RAW, 0)` kullanın.',
      pitfall: 'Ad aynı, protokoller ilgisiz: BSD yönlendirme soketi için yazılmış kod Linux\'ta çalışmaz, tersi de geçerlidir.',
    },
  },
  {
    name: 'AF_VSOCK', group: 'family', values: { linux: 40, macos: 40 }, unverified: ['macos'],
    valueNote: 'macOS: AF_VSOCK 40 appears in recent XNU <sys/socket.h> (Virtualization.framework); older SDKs lack it.',
    usage: { kind: 'socket-domain' }, related: ['PF_VSOCK', 'SOCK_STREAM', 'SO_VM_SOCKETS_BUFFER_SIZE'], manPages: ['vsock(7)'],
    en: {
      summary: 'VM sockets between a virtual machine and its host',
      meaning: 'Host↔guest communication without a network: addresses are a context id (CID) plus a port (`struct sockaddr_vm`). Backed by virtio-vsock, VMware VMCI or Hyper-V sockets.',
      when: 'Guest agents (qemu-guest-agent, Firecracker, Kata Containers) and host services that must reach a VM with no IP configured.',
      pitfall: 'The host is CID 2 (`VMADDR_CID_HOST`), not 0 or 1, and a guest module (`vmw_vsock_virtio_transport`) must be loaded or `socket()` fails with `EAFNOSUPPORT`. Windows uses `AF_HYPERV` instead.',
    },
    tr: {
      summary: 'Sanal makine ile onu çalıştıran ana makine arasında VM soketleri',
      meaning: 'Ağ olmadan ana makine↔misafir iletişimi: adres bir bağlam kimliği (CID) ile porttan oluşur (`struct sockaddr_vm`). virtio-vsock, VMware VMCI ya da Hyper-V soketleri üzerinde çalışır.',
      when: 'Misafir ajanları (qemu-guest-agent, Firecracker, Kata Containers) ve IP yapılandırılmamış bir VM\'ye ulaşması gereken ana makine servisleri için.',
      pitfall: 'Ana makine CID 2\'dir (`VMADDR_CID_HOST`), 0 ya da 1 değil; misafirde ilgili modül (`vmw_vsock_virtio_transport`) yüklü değilse `socket()` `EAFNOSUPPORT` döner. Windows bunun yerine `AF_HYPERV` kullanır.',
    },
  },
  {
    name: 'AF_CAN', group: 'family', values: { linux: 29 },
    usage: { kind: 'socket-domain' }, related: ['PF_CAN', 'SOCK_RAW', 'SOL_CAN_BASE', 'SOL_CAN_RAW'], manPages: ['address_families(7)'],
    en: {
      summary: 'Controller Area Network (SocketCAN), Linux only',
      meaning: 'Vehicle and industrial CAN buses through network interfaces such as `can0`: `SOCK_RAW` with `CAN_RAW` for frames, `SOCK_DGRAM` with `CAN_BCM`, `CAN_ISOTP` or `CAN_J1939` for higher protocols.',
      when: 'Talking to ECUs, PLCs or OBD-II adapters from Linux; `vcan0` gives a virtual bus for tests.',
      pitfall: 'The interface must be configured and up first (`ip link set can0 up type can bitrate 500000`); binding to a down interface gives `ENETDOWN`. Addresses use an interface index, not a name.',
    },
    tr: {
      summary: 'Controller Area Network (SocketCAN), yalnızca Linux',
      meaning: 'Araç ve endüstri CAN hatlarına `can0` gibi ağ arayüzleri üzerinden erişim: çerçeveler için `SOCK_RAW` ve `CAN_RAW`, üst protokoller için `SOCK_DGRAM` ile `CAN_BCM`, `CAN_ISOTP` ya da `CAN_J1939`.',
      when: 'Linux\'tan ECU, PLC ya da OBD-II adaptörleriyle konuşurken; testler için `vcan0` sanal bir hat sağlar.',
      pitfall: 'Arayüz önce yapılandırılıp açılmalıdır (`ip link set can0 up type can bitrate 500000`); kapalı arayüze bağlanmak `ENETDOWN` verir. Adreste arayüz adı değil, arayüz indeksi kullanılır.',
    },
  },
  {
    name: 'AF_ALG', group: 'family', values: { linux: 38 },
    usage: { kind: 'socket-domain' }, related: ['PF_ALG', 'SOL_ALG', 'SOCK_SEQPACKET'], manPages: ['address_families(7)'],
    en: {
      summary: 'Linux kernel crypto API from user space',
      meaning: 'Hashes, ciphers and AEAD run by the kernel: bind a `SOCK_SEQPACKET` socket to an algorithm (`{"hash", "sha256"}`), then `accept()` returns an operation socket you write data to and read results from.',
      when: 'Using kernel or hardware-accelerated crypto without linking a crypto library, for example on embedded systems.',
      pitfall: 'Data goes to the socket returned by `accept()`, not to the bound one. Keys are set with `setsockopt(SOL_ALG, ALG_SET_KEY, …)`, and a missing algorithm makes `bind()` fail with `ENOENT`.',
    },
    tr: {
      summary: 'Kullanıcı alanından Linux çekirdeği kripto API\'si',
      meaning: 'Özet (hash), şifre ve AEAD işlemlerini çekirdek yapar: `SOCK_SEQPACKET` soketi bir algoritmaya bağlanır (`{"hash", "sha256"}`), `accept()` ise veri yazıp sonucu okuyacağınız işlem soketini döndürür.',
      when: 'Kripto kütüphanesi bağlamadan çekirdeğin ya da donanım hızlandırıcının kriptosunu kullanmak için, örneğin gömülü sistemlerde.',
      pitfall: 'Veri bağlanan sokete değil, `accept()`\'in döndürdüğü sokete yazılır. Anahtar `setsockopt(SOL_ALG, ALG_SET_KEY, …)` ile verilir; algoritma yoksa `bind()` `ENOENT` ile başarısız olur.',
    },
  },
  {
    name: 'AF_BLUETOOTH', group: 'family', values: { linux: 31, windows: 32 }, spelling: { windows: 'AF_BTH' },
    notInPython: true,
    valueNote: 'Python exports AF_BLUETOOTH only when built with the BlueZ headers; this machine\'s build lacks it.',
    usage: { kind: 'socket-domain' }, related: ['PF_BLUETOOTH', 'SOCK_STREAM', 'SOCK_SEQPACKET', 'SOCK_RAW'], manPages: ['address_families(7)'],
    en: {
      summary: 'Bluetooth sockets (BlueZ on Linux, AF_BTH on Windows)',
      meaning: 'Bluetooth protocols as sockets: RFCOMM streams (`SOCK_STREAM`), L2CAP (`SOCK_SEQPACKET`), HCI and SCO, chosen by the protocol argument (`BTPROTO_*`).',
      when: 'Serial-port style links to Bluetooth devices, or low-level HCI tools; Windows spells the family `AF_BTH` (32).',
      pitfall: 'Python only has `AF_BLUETOOTH` when it was built with the BlueZ headers, and macOS has no Bluetooth sockets at all (IOBluetooth instead).',
    },
    tr: {
      summary: 'Bluetooth soketleri (Linux\'ta BlueZ, Windows\'ta AF_BTH)',
      meaning: 'Bluetooth protokolleri soket olarak: RFCOMM akışları (`SOCK_STREAM`), L2CAP (`SOCK_SEQPACKET`), HCI ve SCO; protokol argümanı (`BTPROTO_*`) seçer.',
      when: 'Bluetooth aygıtlarına seri port benzeri bağlantılar ya da düşük düzey HCI araçları için; Windows aileyi `AF_BTH` (32) diye yazar.',
      pitfall: 'Python\'da `AF_BLUETOOTH` yalnızca BlueZ başlıklarıyla derlendiyse vardır; macOS\'te ise Bluetooth soketi hiç yoktur (onun yerine IOBluetooth).',
    },
  },
  {
    name: 'AF_TIPC', group: 'family', values: { linux: 30 },
    usage: { kind: 'socket-domain' }, related: ['PF_TIPC', 'SOL_TIPC', 'SOCK_RDM', 'SOCK_SEQPACKET'], manPages: ['address_families(7)'],
    en: {
      summary: 'Transparent Inter-Process Communication for clusters',
      meaning: 'A cluster messaging protocol that addresses services by name (type, instance) instead of by host and port, with reliable datagrams (`SOCK_RDM`) and connection-oriented modes.',
      when: 'Cluster software that must find services anywhere in a cluster, such as telecom control planes.',
      pitfall: 'Needs the `tipc` kernel module and a configured bearer (`tipc bearer enable`); without them sockets open but nothing is reachable.',
    },
    tr: {
      summary: 'Kümeler için saydam süreçler arası iletişim (TIPC)',
      meaning: 'Servislere ana makine ve port yerine adla (tür, örnek) ulaşan bir küme mesajlaşma protokolü; güvenilir datagram (`SOCK_RDM`) ve bağlantılı kipleri vardır.',
      when: 'Kümedeki herhangi bir düğümdeki servisi bulması gereken yazılımlarda, örneğin telekom kontrol düzlemlerinde.',
      pitfall: '`tipc` çekirdek modülü ve yapılandırılmış bir taşıyıcı (`tipc bearer enable`) gerekir; yoksa soket açılır ama hiçbir şeye ulaşılamaz.',
    },
  },
  {
    name: 'AF_RDS', group: 'family', values: { linux: 21 },
    usage: { kind: 'socket-domain' }, related: ['PF_RDS', 'SOL_RDS', 'SOCK_SEQPACKET'], manPages: ['rds(7)'],
    en: {
      summary: 'Reliable Datagram Sockets (Oracle clusters)',
      meaning: 'Reliable, ordered datagrams between many peers over one socket, carried over InfiniBand or TCP.',
      when: 'Oracle RAC style cluster interconnects; rarely anywhere else.',
      pitfall: 'Only `SOCK_SEQPACKET` is supported and the `rds` module (plus `rds_tcp` or `rds_rdma`) must be loaded; several distributions blacklist it for security reasons.',
    },
    tr: {
      summary: 'Güvenilir Datagram Soketleri (Oracle kümeleri)',
      meaning: 'Tek soket üzerinden birçok eşe güvenilir ve sıralı datagramlar; InfiniBand ya da TCP üzerinden taşınır.',
      when: 'Oracle RAC tarzı küme ara bağlantılarında; başka yerde nadiren.',
      pitfall: 'Yalnızca `SOCK_SEQPACKET` desteklenir ve `rds` modülü (`rds_tcp` ya da `rds_rdma` ile) yüklü olmalıdır; birçok dağıtım güvenlik nedeniyle bu modülü kara listeye alır.',
    },
  },
  {
    name: 'AF_XDP', group: 'family', values: { linux: 44 }, notInPython: true,
    usage: { kind: 'socket-domain' }, related: ['PF_XDP', 'SOL_XDP', 'SOCK_RAW', 'AF_PACKET'], manPages: ['address_families(7)'],
    en: {
      summary: 'eXpress Data Path sockets: very fast packet I/O',
      meaning: 'Zero-copy (or copy-mode) packet I/O through shared-memory rings (UMEM) bound to one queue of a network card; an eBPF XDP program redirects packets to it.',
      when: 'User-space packet processing at line rate (load balancers, DPDK-like tools) without bypassing the kernel driver.',
      pitfall: 'Needs a loaded XDP program with an `XSKMAP`, `CAP_NET_RAW`/`CAP_BPF`, and binding to the right queue; packets on other queues never arrive. Use libxdp rather than raw setup.',
    },
    tr: {
      summary: 'eXpress Data Path soketleri: çok hızlı paket G/Ç',
      meaning: 'Ağ kartının tek bir kuyruğuna bağlı paylaşılan bellek halkaları (UMEM) üzerinden sıfır kopyalı (ya da kopyalı kipte) paket G/Ç; paketleri bir eBPF XDP programı buraya yönlendirir.',
      when: 'Çekirdek sürücüsünü atlamadan hat hızında kullanıcı alanı paket işleme (yük dengeleyiciler, DPDK benzeri araçlar).',
      pitfall: '`XSKMAP` içeren yüklü bir XDP programı, `CAP_NET_RAW`/`CAP_BPF` ve doğru kuyruğa bağlanma gerekir; başka kuyruklara gelen paketler hiç ulaşmaz. Elle kurmak yerine libxdp kullanın.',
    },
  },
  {
    name: 'AF_KEY', group: 'family', values: { linux: 15 },
    usage: { kind: 'socket-domain' }, related: ['PF_KEY', 'AF_NETLINK', 'IPPROTO_ESP', 'IPPROTO_AH'], manPages: ['address_families(7)'],
    en: {
      summary: 'PF_KEY v2 key management for IPsec (RFC 2367)',
      meaning: 'A raw socket (`socket(PF_KEY, SOCK_RAW, PF_KEY_V2)`) for adding and querying IPsec security associations in the kernel.',
      when: 'Older IPsec daemons (racoon, ipsec-tools); modern Linux IKE daemons such as strongSwan use the XFRM netlink interface.',
      pitfall: 'Linux implements PF_KEY only partly and newer features exist only in XFRM netlink; it needs `CAP_NET_ADMIN`.',
    },
    tr: {
      summary: 'IPsec için PF_KEY v2 anahtar yönetimi (RFC 2367)',
      meaning: 'Çekirdekteki IPsec güvenlik ilişkilerini (SA) eklemek ve sorgulamak için ham soket: `socket(PF_KEY, SOCK_RAW, PF_KEY_V2)`.',
      when: 'Eski IPsec servislerinde (racoon, ipsec-tools); strongSwan gibi güncel Linux IKE servisleri XFRM netlink arayüzünü kullanır.',
      pitfall: 'Linux PF_KEY\'i yalnızca kısmen uygular, yeni özellikler sadece XFRM netlink\'te vardır; `CAP_NET_ADMIN` gerekir.',
    },
  },
];

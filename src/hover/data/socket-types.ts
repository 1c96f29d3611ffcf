// Socket types (the type argument of socket()); the SOL_* levels are in levels.ts.
// Values: Linux <bits/socket_type.h> (glibc); macOS <sys/socket.h> (XNU); Windows <winsock2.h>/<ws2def.h>.
// SOCK_NONBLOCK/SOCK_CLOEXEC follow O_NONBLOCK/O_CLOEXEC, which differ on MIPS, SPARC and Alpha:
// the table records x86_64 / asm-generic values.
import type { ConstantEntry } from '../types';

export const SOCKET_TYPES: readonly ConstantEntry[] = [
  {
    name: 'SOCK_STREAM', group: 'type', values: { linux: 1, macos: 1, windows: 1 },
    usage: { kind: 'socket-type' }, related: ['SOCK_DGRAM', 'IPPROTO_TCP', 'AF_INET', 'TCP_NODELAY'], manPages: ['socket(2)', 'tcp(7)'],
    en: {
      summary: 'Reliable, ordered, connection-based byte stream (TCP)',
      meaning: 'A two-way byte stream: data arrives complete and in order, but with no message boundaries. With `AF_INET`/`AF_INET6` this is TCP.',
      when: 'Request/response protocols, file transfer, anything that must not lose data: HTTP, SSH, databases.',
      pitfall: 'One `send()` is not one `recv()`: the receiver may get half a message or two messages at once. Frame your messages (length prefix or delimiter) and loop until you have read enough.',
    },
    tr: {
      summary: 'Güvenilir, sıralı, bağlantılı bayt akışı (TCP)',
      meaning: 'İki yönlü bayt akışı: veri eksiksiz ve sırasıyla gelir ama mesaj sınırı yoktur. `AF_INET`/`AF_INET6` ile bu TCP\'dir.',
      when: 'İstek/yanıt protokolleri, dosya aktarımı, veri kaybetmemesi gereken her şey: HTTP, SSH, veritabanları.',
      pitfall: 'Bir `send()` bir `recv()` demek değildir: alıcı mesajın yarısını ya da iki mesajı birden alabilir. Mesajlarınızı çerçeveleyin (uzunluk öneki ya da ayraç) ve yeterince okuyana kadar döngüde okuyun.',
    },
  },
  {
    name: 'SOCK_DGRAM', group: 'type', values: { linux: 2, macos: 2, windows: 2 },
    usage: { kind: 'socket-type' }, related: ['SOCK_STREAM', 'IPPROTO_UDP', 'SO_BROADCAST', 'MSG_TRUNC'], manPages: ['socket(2)', 'udp(7)'],
    en: {
      summary: 'Connectionless datagrams (UDP)',
      meaning: 'Independent messages with boundaries kept: each `sendto()` is one datagram and each `recvfrom()` returns at most one. With `AF_INET`/`AF_INET6` this is UDP; delivery and order are not guaranteed.',
      when: 'DNS, DHCP, discovery and broadcast, games, VoIP and metrics: small messages where a late packet is worse than a lost one.',
      pitfall: 'A datagram larger than your buffer is silently cut (see `MSG_TRUNC`), and a lost packet is never retried. Keep payloads below the path MTU (about 1200 bytes is safe) to avoid fragmentation.',
    },
    tr: {
      summary: 'Bağlantısız datagramlar (UDP)',
      meaning: 'Sınırları korunan bağımsız mesajlar: her `sendto()` bir datagramdır, her `recvfrom()` en çok bir datagram döndürür. `AF_INET`/`AF_INET6` ile bu UDP\'dir; teslim ve sıra garanti edilmez.',
      when: 'DNS, DHCP, keşif ve yayın (broadcast), oyunlar, VoIP ve metrikler: geç gelen paketin kayıptan kötü olduğu küçük mesajlar.',
      pitfall: 'Arabellekten büyük datagram sessizce kesilir (bkz. `MSG_TRUNC`) ve kaybolan paket asla yeniden gönderilmez. Parçalanmayı önlemek için yükü yol MTU\'sunun altında tutun (yaklaşık 1200 bayt güvenlidir).',
    },
  },
  {
    name: 'SOCK_RAW', group: 'type', values: { linux: 3, macos: 3, windows: 3 },
    usage: { kind: 'socket-type' }, related: ['IPPROTO_RAW', 'IPPROTO_ICMP', 'IP_HDRINCL', 'AF_PACKET'], manPages: ['raw(7)', 'packet(7)'],
    en: {
      summary: 'Raw network-layer packets',
      meaning: 'Direct access to IP packets of one protocol (the third argument, e.g. `IPPROTO_ICMP`): you receive the IP header and write the payload, or the full header with `IP_HDRINCL`.',
      when: 'ping and traceroute, custom protocols on top of IP, packet crafting and measurement tools.',
      pitfall: 'Needs root or `CAP_NET_RAW` (for ping, Linux also offers unprivileged `SOCK_DGRAM` + `IPPROTO_ICMP`). Windows restricts raw sockets heavily: no TCP data and no spoofed source addresses.',
    },
    tr: {
      summary: 'Ham ağ katmanı paketleri',
      meaning: 'Bir protokolün (üçüncü argüman, ör. `IPPROTO_ICMP`) IP paketlerine doğrudan erişim: IP başlığıyla birlikte alırsınız, yükü yazarsınız; `IP_HDRINCL` ile başlığı da siz yazarsınız.',
      when: 'ping ve traceroute, IP üzerinde özel protokoller, paket üretme ve ölçüm araçları.',
      pitfall: 'root ya da `CAP_NET_RAW` gerekir (ping için Linux yetkisiz `SOCK_DGRAM` + `IPPROTO_ICMP` de sunar). Windows ham soketleri çok kısıtlar: TCP verisi ve sahte kaynak adresi gönderilemez.',
    },
  },
  {
    name: 'SOCK_RDM', group: 'type', values: { linux: 4, macos: 4, windows: 4 },
    usage: { kind: 'socket-type' }, related: ['AF_TIPC', 'SOCK_SEQPACKET'], manPages: ['socket(2)'],
    en: {
      summary: 'Reliably delivered messages without ordering',
      meaning: 'Datagrams that are guaranteed to arrive but may arrive out of order.',
      when: 'Practically only with `AF_TIPC` (and Windows PGM multicast).',
      pitfall: '`AF_INET` has no such protocol: `socket(AF_INET, SOCK_RDM, 0)` fails with `ESOCKTNOSUPPORT` or `EPROTONOSUPPORT`.',
    },
    tr: {
      summary: 'Sırası garanti edilmeyen, güvenilir teslim edilen mesajlar',
      meaning: 'Ulaşması garanti edilen ama sırası karışabilen datagramlar.',
      when: 'Pratikte yalnızca `AF_TIPC` ile (ve Windows\'ta PGM çok noktaya yayın ile).',
      pitfall: '`AF_INET`\'te böyle bir protokol yoktur: `socket(AF_INET, SOCK_RDM, 0)` `ESOCKTNOSUPPORT` ya da `EPROTONOSUPPORT` ile başarısız olur.',
    },
  },
  {
    name: 'SOCK_SEQPACKET', group: 'type', values: { linux: 5, macos: 5, windows: 5 },
    usage: { kind: 'socket-type' }, related: ['SOCK_STREAM', 'AF_UNIX', 'IPPROTO_SCTP', 'MSG_EOR'], manPages: ['socket(2)', 'unix(7)'],
    en: {
      summary: 'Reliable, ordered, connection-based messages with boundaries',
      meaning: 'Like `SOCK_STREAM` (connected, reliable, in order) but each send is delivered as one record, like a datagram.',
      when: 'Local IPC over `AF_UNIX` when you want message framing for free; SCTP one-to-one style; `AF_BLUETOOTH` L2CAP.',
      pitfall: 'macOS does not support `SOCK_SEQPACKET` for `AF_UNIX` and Windows has no `AF_UNIX` seqpacket either; a reader with a small buffer loses the rest of the record.',
    },
    tr: {
      summary: 'Sınırları korunan güvenilir, sıralı, bağlantılı mesajlar',
      meaning: '`SOCK_STREAM` gibidir (bağlantılı, güvenilir, sıralı) ama her gönderim datagram gibi tek bir kayıt olarak teslim edilir.',
      when: '`AF_UNIX` üzerinde mesaj çerçevelemesini bedavaya almak istediğinizde; SCTP bire bir kipi; `AF_BLUETOOTH` L2CAP.',
      pitfall: 'macOS `AF_UNIX` için `SOCK_SEQPACKET` desteklemez, Windows\'ta da yoktur; arabelleği küçük okuyan taraf kaydın geri kalanını kaybeder.',
    },
  },
  {
    name: 'SOCK_NONBLOCK', group: 'type', values: { linux: 2048 },
    valueNote: 'Equals O_NONBLOCK: 0x800 on x86_64 and asm-generic; MIPS, SPARC and Alpha use other numbers.',
    usage: { kind: 'socket-type', flag: true }, related: ['SOCK_CLOEXEC', 'EAGAIN', 'EWOULDBLOCK', 'EINPROGRESS', 'MSG_DONTWAIT'],
    manPages: ['socket(2)', 'accept4(2)'],
    en: {
      summary: 'Linux flag: create the socket in non-blocking mode',
      meaning: 'ORed into the type argument (`SOCK_STREAM | SOCK_NONBLOCK`) so the new socket has `O_NONBLOCK` set atomically, without a separate `fcntl()` call; `accept4()` takes it too.',
      when: 'Event-loop code (epoll, io_uring) that never wants a blocking call.',
      pitfall: 'Linux only (FreeBSD added it later; macOS and Windows lack it): use `fcntl(fd, F_SETFL, O_NONBLOCK)` or `ioctlsocket(FIONBIO)` there. Calls then fail with `EAGAIN` and `connect()` with `EINPROGRESS` instead of waiting.',
    },
    tr: {
      summary: 'Linux bayrağı: soketi engellemeyen (non-blocking) kipte oluştur',
      meaning: 'Tür (type) argümanına OR\'lanır (`SOCK_STREAM | SOCK_NONBLOCK`); yeni sokete ayrı bir `fcntl()` çağrısı olmadan, atomik olarak `O_NONBLOCK` verilir; `accept4()` de bunu kabul eder.',
      when: 'Hiç engelleyen çağrı istemeyen olay döngüsü kodunda (epoll, io_uring).',
      pitfall: 'Yalnızca Linux\'ta vardır (FreeBSD sonradan ekledi; macOS ve Windows\'ta yok): oralarda `fcntl(fd, F_SETFL, O_NONBLOCK)` ya da `ioctlsocket(FIONBIO)` kullanın. Sonra çağrılar beklemek yerine `EAGAIN`, `connect()` ise `EINPROGRESS` döner.',
    },
  },
  {
    name: 'SOCK_CLOEXEC', group: 'type', values: { linux: 524288 },
    valueNote: 'Equals O_CLOEXEC: 0x80000 (02000000 octal) on x86_64 and asm-generic; differs on some architectures.',
    usage: { kind: 'socket-type', flag: true }, related: ['SOCK_NONBLOCK', 'MSG_CMSG_CLOEXEC'], manPages: ['socket(2)', 'accept4(2)'],
    en: {
      summary: 'Linux flag: close the socket automatically on exec()',
      meaning: 'ORed into the type argument so the descriptor gets `FD_CLOEXEC` atomically and is not inherited by programs started with `exec()`.',
      when: 'Any multi-threaded program that also spawns child processes: it closes the race between `socket()` and `fcntl(FD_CLOEXEC)`.',
      pitfall: 'Not available on macOS (set `FD_CLOEXEC` with `fcntl()` right away) and meaningless on Windows, where handles use `HANDLE_FLAG_INHERIT`. Python sockets are already non-inheritable by default.',
    },
    tr: {
      summary: 'Linux bayrağı: exec() sırasında soketi kendiliğinden kapat',
      meaning: 'Tür (type) argümanına OR\'lanır; tanımlayıcıya atomik olarak `FD_CLOEXEC` verilir ve `exec()` ile başlatılan programlara miras kalmaz.',
      when: 'Alt süreç de başlatan her çok iş parçacıklı programda: `socket()` ile `fcntl(FD_CLOEXEC)` arasındaki yarışı kapatır.',
      pitfall: 'macOS\'te yoktur (hemen ardından `fcntl()` ile `FD_CLOEXEC` verin), Windows\'ta anlamsızdır; orada tanıtıcılar `HANDLE_FLAG_INHERIT` kullanır. Python soketleri zaten varsayılan olarak miras alınamaz.',
    },
  },
  {
    name: 'SOCK_PACKET', group: 'type', values: { linux: 10 }, notInPython: true,
    usage: { kind: 'socket-type' }, related: ['AF_PACKET', 'SOCK_RAW'], manPages: ['packet(7)'],
    en: {
      summary: 'Obsolete Linux 2.0 packet socket type',
      meaning: 'The old way to get link-layer packets: `socket(AF_INET, SOCK_PACKET, …)`.',
      when: 'Never in new code; use `AF_PACKET` with `SOCK_RAW` or `SOCK_DGRAM`.',
      pitfall: 'Still accepted for compatibility but deprecated, with a warning in the kernel log, and it lacks the features of `AF_PACKET`.',
    },
    tr: {
      summary: 'Eskimiş Linux 2.0 paket soketi türü',
      meaning: 'Bağlantı katmanı paketlerini almanın eski yolu: `socket(AF_INET, SOCK_PACKET, …)`.',
      when: 'Yeni kodda asla; `AF_PACKET` ile `SOCK_RAW` ya da `SOCK_DGRAM` kullanın.',
      pitfall: 'Uyumluluk için hâlâ kabul edilir ama kullanımdan kaldırılmıştır, çekirdek günlüğüne uyarı yazar ve `AF_PACKET` özelliklerinden yoksundur.',
    },
  },
  {
    name: 'SOCK_DCCP', group: 'type', values: { linux: 6 }, notInPython: true,
    usage: { kind: 'socket-type' }, related: ['SOCK_DGRAM', 'SOCK_STREAM'], manPages: ['socket(2)'],
    en: {
      summary: 'Datagram Congestion Control Protocol',
      meaning: 'Unreliable datagrams inside a connection with TCP-like congestion control (RFC 4340).',
      when: 'Experiments with congestion-controlled media streaming.',
      pitfall: 'Linux deprecated its DCCP implementation and removed it in 6.16; most kernels and middleboxes never supported it.',
    },
    tr: {
      summary: 'Datagram Tıkanıklık Denetim Protokolü (DCCP)',
      meaning: 'TCP benzeri tıkanıklık denetimli bir bağlantı içinde güvenilmez datagramlar (RFC 4340).',
      when: 'Tıkanıklık denetimli medya akışı denemelerinde.',
      pitfall: 'Linux DCCP uygulamasını kullanımdan kaldırdı ve 6.16\'da sildi; çoğu çekirdek ve ara cihaz zaten desteklemedi.',
    },
  },
];

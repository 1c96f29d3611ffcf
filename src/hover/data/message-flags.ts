// MSG_* flags: the flags argument of send()/sendto()/sendmsg() and recv()/recvfrom()/recvmsg(),
// and the msg_flags that recvmsg() reports back. Values: Linux <bits/socket.h> (glibc enum with
// #defines); macOS <sys/socket.h> (XNU); Windows <ws2def.h>/<winsock2.h>.
import type { ConstantEntry } from '../types';

export const MESSAGE_FLAGS: readonly ConstantEntry[] = [
  {
    name: 'MSG_PEEK', group: 'message-flag', values: { linux: 2, macos: 2, windows: 2 },
    usage: { kind: 'message-flag', direction: 'receive' }, related: ['MSG_WAITALL', 'SO_PEEK_OFF', 'MSG_TRUNC'], manPages: ['recv(2)'],
    en: {
      summary: 'Look at incoming data without removing it from the queue',
      meaning: 'The data is returned but stays queued, so the next receive returns it again.',
      when: 'Protocol sniffing (is this TLS or plain HTTP?), or reading a length header before allocating a buffer.',
      pitfall: 'Peeking a TCP stream may return fewer bytes than you asked even if more will come; loop with care to avoid a busy spin. With UDP, `MSG_PEEK | MSG_TRUNC` on Linux reveals the datagram size.',
    },
    tr: {
      summary: 'Gelen veriyi kuyruktan almadan ona bak',
      meaning: 'Veri döndürülür ama kuyrukta kalır; sonraki alma çağrısı onu yeniden döndürür.',
      when: 'Protokol koklama (bu TLS mi düz HTTP mi?) ya da arabellek ayırmadan önce uzunluk başlığını okumak için.',
      pitfall: 'TCP akışında gözatmak, daha fazlası gelecek olsa bile istediğinizden az bayt döndürebilir; meşgul döngüye düşmemek için dikkatli döngü kurun. UDP\'de Linux\'ta `MSG_PEEK | MSG_TRUNC` datagram boyutunu gösterir.',
    },
  },
  {
    name: 'MSG_WAITALL', group: 'message-flag', values: { linux: 256, macos: 64, windows: 8 },
    usage: { kind: 'message-flag', direction: 'receive' }, related: ['MSG_PEEK', 'SO_RCVLOWAT', 'SO_RCVTIMEO'], manPages: ['recv(2)'],
    en: {
      summary: 'Block until the full requested length has arrived',
      meaning: 'A blocking stream `recv()` keeps waiting until the buffer is full instead of returning what is available.',
      when: 'Reading fixed-size records or headers from a TCP stream in simple blocking code.',
      pitfall: 'It can still return less on EOF, a signal, an error or a timeout, so check the count. It has no effect on non-blocking sockets and datagram sockets.',
    },
    tr: {
      summary: 'İstenen uzunluğun tamamı gelene kadar bekle',
      meaning: 'Engelleyen akış `recv()` çağrısı elde olanı döndürmek yerine arabellek dolana kadar beklemeyi sürdürür.',
      when: 'Basit engelleyen kodda TCP akışından sabit boyutlu kayıt ya da başlık okurken.',
      pitfall: 'Dosya sonunda, sinyalde, hatada ya da zaman aşımında yine daha az döndürebilir; sayıyı denetleyin. Engellemeyen ve datagram soketlerinde etkisi yoktur.',
    },
  },
  {
    name: 'MSG_DONTWAIT', group: 'message-flag', values: { linux: 64, macos: 128 },
    usage: { kind: 'message-flag', direction: 'both' }, related: ['SOCK_NONBLOCK', 'EAGAIN', 'EWOULDBLOCK'], manPages: ['recv(2)', 'send(2)'],
    en: {
      summary: 'Make this one call non-blocking',
      meaning: 'The call returns -1 with `EAGAIN`/`EWOULDBLOCK` instead of waiting, without changing the socket\'s blocking mode.',
      when: 'Draining a socket or trying an opportunistic send from otherwise blocking code.',
      pitfall: 'Windows has no `MSG_DONTWAIT`: use `ioctlsocket(FIONBIO)` there. On Linux, for a socket shared with other threads, it is safer than toggling `O_NONBLOCK`.',
    },
    tr: {
      summary: 'Yalnızca bu çağrıyı engellemeyen yap',
      meaning: 'Çağrı beklemek yerine -1 ve `EAGAIN`/`EWOULDBLOCK` döner; soketin engelleme kipi değişmez.',
      when: 'Aksi halde engelleyen kodda bir soketi boşaltırken ya da fırsat buldukça göndermeyi denerken.',
      pitfall: 'Windows\'ta `MSG_DONTWAIT` yoktur: orada `ioctlsocket(FIONBIO)` kullanın. Linux\'ta başka iş parçacıklarıyla paylaşılan sokette `O_NONBLOCK` açıp kapamaktan daha güvenlidir.',
    },
  },
  {
    name: 'MSG_NOSIGNAL', group: 'message-flag', values: { linux: 16384, macos: 524288 }, unverified: ['macos'],
    valueNote: 'macOS: recent XNU <sys/socket.h> defines MSG_NOSIGNAL 0x80000 (for __DARWIN_C_LEVEL >= 200809L); older SDKs lack it.',
    usage: { kind: 'message-flag', direction: 'send' }, related: ['SO_NOSIGPIPE', 'EPIPE', 'SHUT_WR'], manPages: ['send(2)'],
    en: {
      summary: 'Do not raise SIGPIPE when the peer has closed the connection',
      meaning: 'A `send()` on a broken stream fails with `EPIPE` instead of also sending the process a `SIGPIPE` signal, which by default kills it.',
      when: 'Every `send()` in servers and libraries written in C/C++/Rust on Linux that cannot ignore `SIGPIPE` process-wide.',
      pitfall: 'Older macOS SDKs lack it: use the socket option `SO_NOSIGPIPE` there. It only works with `send()`/`sendto()`/`sendmsg()`, not `write()`. Python and Node already ignore `SIGPIPE`.',
    },
    tr: {
      summary: 'Karşı taraf bağlantıyı kapattığında SIGPIPE üretme',
      meaning: 'Kopmuş akışta `send()` çağrısı sürece varsayılan olarak onu öldüren `SIGPIPE` sinyalini de göndermek yerine yalnızca `EPIPE` ile başarısız olur.',
      when: 'Linux\'ta `SIGPIPE` sinyalini süreç genelinde yok sayamayan C/C++/Rust sunucu ve kütüphanelerindeki her `send()` çağrısında.',
      pitfall: 'Eski macOS SDK\'larında yoktur: orada `SO_NOSIGPIPE` soket seçeneğini kullanın. Yalnızca `send()`/`sendto()`/`sendmsg()` ile çalışır, `write()` ile değil. Python ve Node zaten `SIGPIPE` sinyalini yok sayar.',
    },
  },
  {
    name: 'MSG_OOB', group: 'message-flag', values: { linux: 1, macos: 1, windows: 1 },
    usage: { kind: 'message-flag', direction: 'both' }, related: ['SO_OOBINLINE'], manPages: ['send(2)', 'recv(2)', 'tcp(7)'],
    en: {
      summary: 'Send or receive TCP urgent ("out-of-band") data',
      meaning: 'Sends one byte marked urgent (TCP URG pointer), or reads the pending urgent byte.',
      when: 'Legacy protocols: Telnet interrupt, FTP abort.',
      pitfall: 'Only one byte is really "out of band", implementations disagree (RFC 6093), and middleboxes may clear URG. Do not design new protocols around it.',
    },
    tr: {
      summary: 'TCP acil ("bant dışı") verisi gönder ya da al',
      meaning: 'Acil işaretli tek bir bayt gönderir (TCP URG göstergesi) ya da bekleyen acil baytı okur.',
      when: 'Eski protokollerde: Telnet kesmesi, FTP iptali.',
      pitfall: 'Gerçekten "bant dışı" olan yalnızca bir bayttır, uygulamalar anlaşamaz (RFC 6093) ve ara cihazlar URG\'yi silebilir. Yeni protokolleri buna dayandırmayın.',
    },
  },
  {
    name: 'MSG_DONTROUTE', group: 'message-flag', values: { linux: 4, macos: 4, windows: 4 },
    usage: { kind: 'message-flag', direction: 'send' }, related: ['SO_DONTROUTE'], manPages: ['send(2)'],
    en: {
      summary: 'Send this message to a directly connected host only',
      meaning: 'Per-call version of `SO_DONTROUTE`: bypass gateways and send on the local subnet.',
      when: 'Routing protocol daemons and diagnostics.',
      pitfall: 'Off-link destinations fail with `ENETUNREACH`; Windows may ignore the flag.',
    },
    tr: {
      summary: 'Bu mesajı yalnızca doğrudan bağlı makineye gönder',
      meaning: '`SO_DONTROUTE` seçeneğinin çağrı başına sürümü: ağ geçitlerini atla ve yerel alt ağda gönder.',
      when: 'Yönlendirme protokolü servislerinde ve tanı araçlarında.',
      pitfall: 'Bağlantı dışındaki hedefler `ENETUNREACH` ile başarısız olur; Windows bayrağı yok sayabilir.',
    },
  },
  {
    name: 'MSG_TRUNC', group: 'message-flag', values: { linux: 32, macos: 16, windows: 256 },
    usage: { kind: 'message-flag', direction: 'result' }, related: ['MSG_CTRUNC', 'SOCK_DGRAM', 'MSG_PEEK', 'EMSGSIZE'], manPages: ['recv(2)'],
    en: {
      summary: 'The datagram was larger than the buffer and was cut',
      meaning: 'Set in `msg_flags` by `recvmsg()` when part of a datagram was discarded. On Linux, passing it as an input flag makes `recv()` return the real datagram length.',
      when: 'UDP receivers that must detect truncated messages, or size a buffer with `MSG_PEEK | MSG_TRUNC` on Linux.',
      pitfall: 'Plain `recv()`/`recvfrom()` cut datagrams silently; only `recvmsg()` tells you. On Windows a truncated receive also fails with `WSAEMSGSIZE`.',
    },
    tr: {
      summary: 'Datagram arabellekten büyüktü ve kesildi',
      meaning: 'Datagramın bir kısmı atıldığında `recvmsg()` tarafından `msg_flags` içine konur. Linux\'ta giriş bayrağı olarak verilirse `recv()` datagramın gerçek uzunluğunu döndürür.',
      when: 'Kesilmiş mesajları algılaması gereken UDP alıcılarında ya da Linux\'ta `MSG_PEEK | MSG_TRUNC` ile arabellek boyutlandırırken.',
      pitfall: 'Düz `recv()`/`recvfrom()` datagramları sessizce keser; yalnızca `recvmsg()` söyler. Windows\'ta kesilen alma ayrıca `WSAEMSGSIZE` ile başarısız olur.',
    },
  },
  {
    name: 'MSG_CTRUNC', group: 'message-flag', values: { linux: 8, macos: 32, windows: 512 },
    usage: { kind: 'message-flag', direction: 'result' }, related: ['MSG_TRUNC', 'SCM_RIGHTS', 'MSG_CMSG_CLOEXEC'], manPages: ['recvmsg(2)'],
    en: {
      summary: 'Ancillary (control) data was cut because the buffer was too small',
      meaning: 'Set in `msg_flags` by `recvmsg()` when control messages did not fit in `msg_control`.',
      when: 'Checking after every `recvmsg()` that carries `SCM_RIGHTS` or other control messages.',
      pitfall: 'With `SCM_RIGHTS`, file descriptors that did not fit are closed by the kernel and lost. Size the buffer with `CMSG_SPACE()` for the maximum you expect.',
    },
    tr: {
      summary: 'Yardımcı (denetim) veri, arabellek küçük olduğu için kesildi',
      meaning: 'Denetim mesajları `msg_control` içine sığmadığında `recvmsg()` tarafından `msg_flags` içine konur.',
      when: '`SCM_RIGHTS` ya da başka denetim mesajı taşıyan her `recvmsg()` sonrasında denetlemek için.',
      pitfall: '`SCM_RIGHTS` ile sığmayan dosya tanımlayıcıları çekirdek tarafından kapatılır ve kaybolur. Arabelleği beklediğiniz en büyük değer için `CMSG_SPACE()` ile boyutlandırın.',
    },
  },
  {
    name: 'MSG_EOR', group: 'message-flag', values: { linux: 128, macos: 8 },
    usage: { kind: 'message-flag', direction: 'both' }, related: ['SOCK_SEQPACKET', 'IPPROTO_SCTP'], manPages: ['send(2)', 'recvmsg(2)'],
    en: {
      summary: 'End of record (for record-oriented sockets)',
      meaning: 'On `SOCK_SEQPACKET`/SCTP, marks the end of a record when sending, and is reported in `msg_flags` when a full record was received.',
      when: 'Sending one logical message in several `sendmsg()` calls on SCTP.',
      pitfall: 'Ignored by TCP on most systems (Linux uses it only to stop collapsing skbs); on SCTP, a record received without `MSG_EOR` is incomplete.',
    },
    tr: {
      summary: 'Kayıt sonu (kayıt tabanlı soketler için)',
      meaning: '`SOCK_SEQPACKET`/SCTP\'de gönderirken kaydın sonunu işaretler; tam bir kayıt alındığında `msg_flags` içinde bildirilir.',
      when: 'SCTP\'de tek bir mantıksal mesajı birkaç `sendmsg()` çağrısıyla gönderirken.',
      pitfall: 'Çoğu sistemde TCP tarafından yok sayılır (Linux yalnızca skb birleştirmeyi durdurmak için kullanır); SCTP\'de `MSG_EOR` olmadan alınan kayıt eksiktir.',
    },
  },
  {
    name: 'MSG_MORE', group: 'message-flag', values: { linux: 32768 },
    usage: { kind: 'message-flag', direction: 'send' }, related: ['TCP_CORK', 'TCP_NODELAY'], manPages: ['send(2)'],
    en: {
      summary: 'More data follows: do not send a partial packet yet (Linux)',
      meaning: 'Per-call cork: TCP holds the data (like `TCP_CORK`) and UDP appends it to the same datagram until a send without the flag.',
      when: 'Writing a header and a body in two calls that should leave as one packet.',
      pitfall: 'Linux only. If the final send without `MSG_MORE` never comes, TCP data waits up to 200 ms.',
    },
    tr: {
      summary: 'Arkası geliyor: henüz yarım paket gönderme (Linux)',
      meaning: 'Çağrı başına tıpa: TCP veriyi bekletir (`TCP_CORK` gibi), UDP ise bayraksız bir gönderime kadar onu aynı datagrama ekler.',
      when: 'Tek paket olarak çıkması gereken başlık ve gövdeyi iki çağrıda yazarken.',
      pitfall: 'Yalnızca Linux\'ta vardır. `MSG_MORE` olmadan son gönderim hiç gelmezse TCP verisi 200 ms\'ye kadar bekler.',
    },
  },
  {
    name: 'MSG_CONFIRM', group: 'message-flag', values: { linux: 2048 },
    usage: { kind: 'message-flag', direction: 'send' }, related: ['SOCK_DGRAM'], manPages: ['send(2)'],
    en: {
      summary: 'Tell the neighbour cache the peer is reachable (Linux)',
      meaning: 'Confirms forward progress so the kernel skips ARP/neighbour re-probing of the destination.',
      when: 'UDP protocols that just got a reply from the peer and send again right away.',
      pitfall: 'Linux only, for `SOCK_DGRAM` and `SOCK_RAW`; using it without a real confirmation hides a dead neighbour.',
    },
    tr: {
      summary: 'Komşu önbelleğine karşı tarafın ulaşılabilir olduğunu söyle (Linux)',
      meaning: 'İlerlemeyi onaylar; çekirdek hedef için ARP/komşu yeniden yoklamasını atlar.',
      when: 'Karşı taraftan yanıt almış ve hemen yeniden gönderecek UDP protokollerinde.',
      pitfall: 'Yalnızca Linux\'ta, `SOCK_DGRAM` ve `SOCK_RAW` için vardır; gerçek bir onay olmadan kullanmak ölü bir komşuyu gizler.',
    },
  },
  {
    name: 'MSG_ERRQUEUE', group: 'message-flag', values: { linux: 8192 },
    usage: { kind: 'message-flag', direction: 'receive' }, related: ['IP_RECVERR', 'IPV6_RECVERR', 'SO_ZEROCOPY'], manPages: ['recvmsg(2)', 'ip(7)'],
    en: {
      summary: 'Read from the socket error queue instead of the data queue',
      meaning: '`recvmsg(…, MSG_ERRQUEUE)` returns queued errors (ICMP, zero-copy completions, timestamps) with a `struct sock_extended_err` control message.',
      when: 'After `IP_RECVERR`, `SO_ZEROCOPY` or `SO_TIMESTAMPING`.',
      pitfall: 'Only `recvmsg()` works; the error queue is signalled as `POLLERR`, not `POLLIN`, so a poll loop must watch for it.',
    },
    tr: {
      summary: 'Veri kuyruğu yerine soketin hata kuyruğundan oku',
      meaning: '`recvmsg(…, MSG_ERRQUEUE)` kuyruktaki hataları (ICMP, sıfır kopya tamamlanmaları, zaman damgaları) `struct sock_extended_err` denetim mesajıyla döndürür.',
      when: '`IP_RECVERR`, `SO_ZEROCOPY` ya da `SO_TIMESTAMPING` sonrasında.',
      pitfall: 'Yalnızca `recvmsg()` çalışır; hata kuyruğu `POLLIN` değil `POLLERR` olarak bildirilir, poll döngüsü bunu izlemelidir.',
    },
  },
  {
    name: 'MSG_FASTOPEN', group: 'message-flag', values: { linux: 536870912 },
    usage: { kind: 'message-flag', direction: 'send' }, related: ['TCP_FASTOPEN', 'TCP_FASTOPEN_CONNECT'], manPages: ['send(2)', 'tcp(7)'],
    en: {
      summary: 'Connect and send data in the SYN (TCP Fast Open client)',
      meaning: '`sendto(fd, data, len, MSG_FASTOPEN, addr, addrlen)` on an unconnected TCP socket replaces `connect()` + `send()` and puts the data in the SYN when a cookie is cached.',
      when: 'Clients of latency-sensitive request/response services.',
      pitfall: 'Requires client TFO in `net.ipv4.tcp_fastopen`; without a cookie it falls back to a normal handshake, and SYN data may be replayed.',
    },
    tr: {
      summary: 'Bağlan ve veriyi SYN içinde gönder (TCP Fast Open istemcisi)',
      meaning: 'Bağlı olmayan TCP soketinde `sendto(fd, data, len, MSG_FASTOPEN, addr, addrlen)`, `connect()` + `send()` yerine geçer; önbellekte çerez varsa veriyi SYN içine koyar.',
      when: 'Gecikmeye duyarlı istek/yanıt servislerinin istemcilerinde.',
      pitfall: '`net.ipv4.tcp_fastopen` içinde istemci TFO açık olmalıdır; çerez yoksa normal el sıkışmasına döner ve SYN verisi yeniden oynatılabilir.',
    },
  },
  {
    name: 'MSG_CMSG_CLOEXEC', group: 'message-flag', values: { linux: 1073741824 },
    usage: { kind: 'message-flag', direction: 'receive' }, related: ['SCM_RIGHTS', 'SOCK_CLOEXEC'], manPages: ['recvmsg(2)', 'unix(7)'],
    en: {
      summary: 'Set close-on-exec on descriptors received via SCM_RIGHTS',
      meaning: 'File descriptors arriving in `SCM_RIGHTS` get `FD_CLOEXEC` atomically.',
      when: 'Multi-threaded programs that receive descriptors and also fork/exec.',
      pitfall: 'Linux only; without it there is a window where a concurrent `exec()` leaks the received descriptors.',
    },
    tr: {
      summary: 'SCM_RIGHTS ile alınan tanımlayıcılara exec\'te kapanma bayrağı koy',
      meaning: '`SCM_RIGHTS` ile gelen dosya tanımlayıcılarına atomik olarak `FD_CLOEXEC` verilir.',
      when: 'Tanımlayıcı alan ve ayrıca fork/exec yapan çok iş parçacıklı programlarda.',
      pitfall: 'Yalnızca Linux\'ta vardır; olmadan, eşzamanlı bir `exec()` alınan tanımlayıcıları sızdırabilir.',
    },
  },
  {
    name: 'MSG_WAITFORONE', group: 'message-flag', values: { linux: 65536 }, notInPython: true,
    usage: { kind: 'message-flag', direction: 'receive' }, related: ['MSG_DONTWAIT'], manPages: ['recvmmsg(2)'],
    en: {
      summary: 'recvmmsg(): block only until the first message',
      meaning: 'After one datagram has been received, `recvmmsg()` behaves as if `MSG_DONTWAIT` were set for the rest of the batch.',
      when: 'High-rate UDP receivers that batch reads without waiting for a full batch.',
      pitfall: 'Only meaningful for `recvmmsg()`; the `timeout` argument of `recvmmsg()` is checked only after each datagram and is not a real timeout.',
    },
    tr: {
      summary: 'recvmmsg(): yalnızca ilk mesaja kadar bekle',
      meaning: 'Bir datagram alındıktan sonra `recvmmsg()` topluluğun geri kalanı için `MSG_DONTWAIT` verilmiş gibi davranır.',
      when: 'Tam bir topluluğu beklemeden okumaları toplayan yüksek hızlı UDP alıcılarında.',
      pitfall: 'Yalnızca `recvmmsg()` için anlamlıdır; `recvmmsg()` çağrısının `timeout` argümanı yalnızca her datagramdan sonra denetlenir, gerçek bir zaman aşımı değildir.',
    },
  },
  {
    name: 'MSG_ZEROCOPY', group: 'message-flag', values: { linux: 67108864 }, notInPython: true,
    usage: { kind: 'message-flag', direction: 'send' }, related: ['SO_ZEROCOPY', 'MSG_ERRQUEUE'], manPages: ['send(2)'],
    en: {
      summary: 'Send without copying the buffer (Linux 4.14+)',
      meaning: 'The kernel pins your pages and transmits from them; a completion notification on the error queue tells you when the buffer is free again.',
      when: 'Large transfers (≥ ~10 KB per call) from CPU-bound servers, after enabling `SO_ZEROCOPY`.',
      pitfall: 'Without `SO_ZEROCOPY` the flag is silently ignored and the data is copied; modifying the buffer before the completion corrupts data on the wire.',
    },
    tr: {
      summary: 'Arabelleği kopyalamadan gönder (Linux 4.14+)',
      meaning: 'Çekirdek sayfalarınızı sabitler ve doğrudan onlardan gönderir; hata kuyruğundaki tamamlanma bildirimi arabelleğin ne zaman yeniden serbest olduğunu söyler.',
      when: '`SO_ZEROCOPY` açtıktan sonra, CPU sınırındaki sunuculardan büyük aktarımlarda (çağrı başına ≥ ~10 KB).',
      pitfall: '`SO_ZEROCOPY` olmadan bayrak sessizce yok sayılır ve veri kopyalanır; tamamlanmadan önce arabelleği değiştirmek kablodaki veriyi bozar.',
    },
  },
  {
    name: 'MSG_EOF', group: 'message-flag', values: { macos: 256 }, notInPython: true,
    usage: { kind: 'message-flag', direction: 'send' }, related: ['SHUT_WR', 'MSG_EOR'], manPages: ['send(2)'],
    en: {
      summary: 'macOS/BSD: send the data and then shut down the write side',
      meaning: 'Combines `send()` and `shutdown(SHUT_WR)` (T/TCP heritage): a FIN follows the data.',
      when: 'Rarely; BSD code that sends a final request and signals EOF in one call.',
      pitfall: 'Not available on Linux or Windows; portable code calls `shutdown(fd, SHUT_WR)` after the last `send()`.',
    },
    tr: {
      summary: 'macOS/BSD: veriyi gönder, ardından yazma yönünü kapat',
      meaning: '`send()` ile `shutdown(SHUT_WR)` işlemlerini birleştirir (T/TCP mirası): verinin ardından FIN gelir.',
      when: 'Nadiren; son isteği gönderip tek çağrıda dosya sonunu bildiren BSD kodunda.',
      pitfall: 'Linux ve Windows\'ta yoktur; taşınabilir kod son `send()` sonrasında `shutdown(fd, SHUT_WR)` çağırır.',
    },
  },
];

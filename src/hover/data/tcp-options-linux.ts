// Linux-only TCP options: level IPPROTO_TCP (or SOL_TCP). Values: <netinet/tcp.h> (glibc, same
// numbers as the kernel's <linux/tcp.h>). macOS and Windows have other mechanisms, named in the texts.
import type { ConstantEntry } from '../types';

const LEVEL = 'IPPROTO_TCP';

export const LINUX_TCP_OPTIONS: readonly ConstantEntry[] = [
  {
    name: 'TCP_CORK', group: 'tcp-option', values: { linux: 3 },
    usage: { kind: 'option', level: LEVEL, value: { kind: 'bool' }, access: 'both' },
    related: ['TCP_NODELAY', 'TCP_NOPUSH', 'MSG_MORE'], manPages: ['tcp(7)'],
    en: {
      summary: 'Hold back partial frames until uncorked (Linux)',
      meaning: 'While set, only full segments are sent; clearing it flushes what is queued. A 200 ms ceiling stops data from waiting forever.',
      when: 'Sending a header followed by `sendfile()` of a body so they share packets (nginx `tcp_nopush`).',
      pitfall: 'Forgetting to clear it adds up to 200 ms of latency to the last segment. For a single call, `MSG_MORE` is simpler. macOS/BSD use `TCP_NOPUSH`.',
    },
    tr: {
      summary: 'Tıpa çekilene kadar yarım çerçeveleri beklet (Linux)',
      meaning: 'Açıkken yalnızca tam segmentler gönderilir; kapatmak kuyruktakini boşaltır. 200 ms\'lik bir üst sınır verinin sonsuza dek beklemesini önler.',
      when: 'Bir başlık ve ardından gövdenin `sendfile()` ile gönderildiği durumda ikisinin aynı paketleri paylaşması için (nginx `tcp_nopush`).',
      pitfall: 'Kapatmayı unutmak son segmente 200 ms\'ye kadar gecikme ekler. Tek bir çağrı için `MSG_MORE` daha basittir. macOS/BSD `TCP_NOPUSH` kullanır.',
    },
  },
  {
    name: 'TCP_QUICKACK', group: 'tcp-option', values: { linux: 12 },
    usage: { kind: 'option', level: LEVEL, value: { kind: 'bool' }, access: 'both' },
    related: ['TCP_NODELAY'], manPages: ['tcp(7)'],
    en: {
      summary: 'Send ACKs immediately instead of delaying them (temporarily)',
      meaning: 'Switches the connection to quick-ACK mode so received data is acknowledged at once.',
      when: 'Request/response protocols on Linux suffering from delayed-ACK interaction with Nagle.',
      pitfall: 'Not permanent: the kernel leaves quick-ACK mode again on its own, so code sets it after every `recv()`.',
    },
    tr: {
      summary: 'ACK\'leri geciktirmek yerine hemen gönder (geçici olarak)',
      meaning: 'Bağlantıyı hızlı ACK kipine geçirir; alınan veri hemen onaylanır.',
      when: 'Linux\'ta gecikmeli ACK ile Nagle etkileşiminden yakınan istek/yanıt protokollerinde.',
      pitfall: 'Kalıcı değildir: çekirdek hızlı ACK kipinden kendiliğinden çıkar; bu yüzden kod onu her `recv()` sonrasında yeniden verir.',
    },
  },
  {
    name: 'TCP_USER_TIMEOUT', group: 'tcp-option', values: { linux: 18 },
    usage: { kind: 'option', level: LEVEL, value: { kind: 'int', sample: 30000 }, access: 'both' },
    related: ['TCP_KEEPCNT', 'SO_KEEPALIVE', 'ETIMEDOUT'], manPages: ['tcp(7)'],
    en: {
      summary: 'Milliseconds unacknowledged data may wait before the connection is dropped',
      meaning: 'If transmitted data stays unacknowledged this long, TCP closes the connection with `ETIMEDOUT` (RFC 5482).',
      when: 'Detecting a vanished peer while you have data in flight, where keepalive does not help (default retransmissions take ~15 minutes).',
      pitfall: 'The unit is milliseconds, unlike the keepalive options. When combined with keepalive it also overrides `TCP_KEEPCNT`.',
    },
    tr: {
      summary: 'Onaylanmamış verinin bağlantı düşürülmeden önce bekleyebileceği milisaniye',
      meaning: 'Gönderilen veri bu süre boyunca onaylanmazsa TCP bağlantıyı `ETIMEDOUT` ile kapatır (RFC 5482).',
      when: 'Yolda veri varken kaybolan karşı tarafı algılamak için; burada canlılık yoklaması işe yaramaz (varsayılan yeniden gönderimler ~15 dakika sürer).',
      pitfall: 'Birim, canlılık seçeneklerinin aksine milisaniyedir. Canlılıkla birlikte kullanılınca `TCP_KEEPCNT` değerini de geçersiz kılar.',
    },
  },
  {
    name: 'TCP_INFO', group: 'tcp-option', values: { linux: 11 },
    usage: { kind: 'option', level: LEVEL, value: { kind: 'struct', struct: 'tcp_info' }, access: 'get' },
    related: ['TCP_CONGESTION', 'TCP_MAXSEG'], manPages: ['tcp(7)'],
    en: {
      summary: 'Read connection statistics: RTT, cwnd, retransmits… (read-only)',
      meaning: 'Fills `struct tcp_info` with the state the kernel keeps for the connection, the same data `ss -ti` shows.',
      when: 'Monitoring latency and loss per connection from inside an application.',
      pitfall: 'The struct grows with kernel versions: pass the size you have and check the returned length. macOS offers `TCP_CONNECTION_INFO` and Windows `SIO_TCP_INFO` instead.',
    },
    tr: {
      summary: 'Bağlantı istatistiklerini oku: RTT, cwnd, yeniden gönderimler… (salt okunur)',
      meaning: '`struct tcp_info` yapısını çekirdeğin bağlantı için tuttuğu durumla doldurur; `ss -ti` komutunun gösterdiği verinin aynısı.',
      when: 'Uygulama içinden bağlantı başına gecikmeyi ve kaybı izlemek için.',
      pitfall: 'Yapı çekirdek sürümleriyle büyür: elinizdeki boyutu verin ve dönen uzunluğu denetleyin. macOS bunun yerine `TCP_CONNECTION_INFO`, Windows `SIO_TCP_INFO` sunar.',
    },
  },
  {
    name: 'TCP_CONGESTION', group: 'tcp-option', values: { linux: 13 },
    usage: { kind: 'option', level: LEVEL, value: { kind: 'string', text: 'bbr' }, access: 'both' },
    related: ['TCP_INFO'], manPages: ['tcp(7)'],
    en: {
      summary: 'Congestion control algorithm of this connection (e.g. "cubic", "bbr")',
      meaning: 'A string naming the algorithm the socket uses instead of `net.ipv4.tcp_congestion_control`.',
      when: 'Choosing BBR for long-distance bulk transfers, or a low-priority algorithm for background traffic.',
      pitfall: 'Unprivileged users may only pick algorithms listed in `net.ipv4.tcp_allowed_congestion_control`, and the module must be loaded; otherwise `EPERM`/`ENOENT`.',
    },
    tr: {
      summary: 'Bu bağlantının tıkanıklık denetim algoritması (ör. "cubic", "bbr")',
      meaning: 'Soketin `net.ipv4.tcp_congestion_control` yerine kullandığı algoritmanın adını veren bir dize.',
      when: 'Uzak mesafeli toplu aktarımlar için BBR ya da arka plan trafiği için düşük öncelikli bir algoritma seçerken.',
      pitfall: 'Yetkisiz kullanıcılar yalnızca `net.ipv4.tcp_allowed_congestion_control` içindeki algoritmaları seçebilir ve modül yüklü olmalıdır; aksi halde `EPERM`/`ENOENT`.',
    },
  },
  {
    name: 'TCP_DEFER_ACCEPT', group: 'tcp-option', values: { linux: 9 },
    usage: { kind: 'option', level: LEVEL, value: { kind: 'int', sample: 5 }, access: 'both' },
    related: ['TCP_FASTOPEN', 'SOMAXCONN'], manPages: ['tcp(7)'],
    en: {
      summary: 'Wake accept() only when the client has sent data',
      meaning: 'For up to this many seconds, a completed handshake is not handed to `accept()` until data arrives.',
      when: 'Servers of client-speaks-first protocols (HTTP) to avoid waking up for idle connections.',
      pitfall: 'Wrong for server-speaks-first protocols (SMTP, FTP, SSH banners): those clients wait for you and the connection stalls until the timeout.',
    },
    tr: {
      summary: 'accept() çağrısını yalnızca istemci veri gönderince uyandır',
      meaning: 'En çok bu kadar saniye boyunca, tamamlanmış el sıkışması veri gelene kadar `accept()` çağrısına verilmez.',
      when: 'İlk konuşanın istemci olduğu protokollerin (HTTP) sunucularında, boş bağlantılar için uyanmamak üzere.',
      pitfall: 'İlk konuşanın sunucu olduğu protokollerde (SMTP, FTP, SSH karşılama metni) yanlıştır: istemci sizi bekler ve bağlantı zaman aşımına kadar takılır.',
    },
  },
  {
    name: 'TCP_LINGER2', group: 'tcp-option', values: { linux: 8 },
    usage: { kind: 'option', level: LEVEL, value: { kind: 'int', sample: 30 }, access: 'both' },
    related: ['SO_LINGER'], manPages: ['tcp(7)'],
    en: {
      summary: 'Lifetime of orphaned FIN_WAIT2 sockets',
      meaning: 'Seconds a closed socket may stay in FIN_WAIT2 waiting for the peer\'s FIN (default `net.ipv4.tcp_fin_timeout`, 60 s).',
      when: 'Servers with many half-closed connections from misbehaving clients.',
      pitfall: 'It has nothing to do with `SO_LINGER` or TIME_WAIT, despite the name; a negative value makes the socket skip FIN_WAIT2 and reset.',
    },
    tr: {
      summary: 'Sahipsiz FIN_WAIT2 soketlerinin ömrü',
      meaning: 'Kapatılmış bir soketin karşı tarafın FIN\'ini beklerken FIN_WAIT2 durumunda kalabileceği saniye (varsayılan `net.ipv4.tcp_fin_timeout`, 60 sn).',
      when: 'Kötü davranan istemcilerden çok sayıda yarı kapalı bağlantısı olan sunucularda.',
      pitfall: 'Adına rağmen `SO_LINGER` ya da TIME_WAIT ile ilgisi yoktur; negatif değer soketin FIN_WAIT2\'yi atlayıp sıfırlamasına yol açar.',
    },
  },
  {
    name: 'TCP_SYNCNT', group: 'tcp-option', values: { linux: 7 },
    usage: { kind: 'option', level: LEVEL, value: { kind: 'int', sample: 2 }, access: 'both' },
    related: ['ETIMEDOUT', 'SO_SNDTIMEO'], manPages: ['tcp(7)'],
    en: {
      summary: 'Number of SYN retransmissions before connect() gives up',
      meaning: 'Overrides `net.ipv4.tcp_syn_retries` (default 6, about two minutes with exponential backoff) for this socket.',
      when: 'Clients that must fail fast against unreachable hosts.',
      pitfall: 'Capped at 255; lowering it too far makes connections over lossy links fail with `ETIMEDOUT`. A non-blocking connect with your own timeout is more precise.',
    },
    tr: {
      summary: 'connect() vazgeçmeden önce SYN yeniden gönderim sayısı',
      meaning: 'Bu soket için `net.ipv4.tcp_syn_retries` (varsayılan 6, üstel geri çekilmeyle yaklaşık iki dakika) değerini geçersiz kılar.',
      when: 'Ulaşılamayan makinelerde hızla başarısız olması gereken istemcilerde.',
      pitfall: 'Üst sınır 255\'tir; çok düşürmek kayıplı hatlarda bağlantıların `ETIMEDOUT` ile başarısız olmasına yol açar. Kendi zaman aşımınızla engellemeyen bağlanma daha kesindir.',
    },
  },
  {
    name: 'TCP_WINDOW_CLAMP', group: 'tcp-option', values: { linux: 10 },
    usage: { kind: 'option', level: LEVEL, value: { kind: 'int', sample: 65536 }, access: 'both' },
    related: ['SO_RCVBUF'], manPages: ['tcp(7)'],
    en: {
      summary: 'Upper bound of the advertised receive window',
      meaning: 'Limits the window this end advertises, throttling how fast the peer may send.',
      when: 'Rate-limiting downloads from the receiving side, or experiments.',
      pitfall: 'The kernel enforces a minimum of half of `SOCK_MIN_RCVBUF`; it throttles all traffic on the connection, including bursts you care about.',
    },
    tr: {
      summary: 'Duyurulan alma penceresinin üst sınırı',
      meaning: 'Bu ucun duyurduğu pencereyi sınırlar; karşı tarafın ne kadar hızlı gönderebileceğini kısar.',
      when: 'İndirmeleri alan taraftan hız sınırlamak için ya da deneylerde.',
      pitfall: 'Çekirdek `SOCK_MIN_RCVBUF` değerinin yarısı kadar bir alt sınır uygular; bağlantıdaki tüm trafiği, önem verdiğiniz ani yükler dahil kısar.',
    },
  },
  {
    name: 'TCP_FASTOPEN_CONNECT', group: 'tcp-option', values: { linux: 30 }, notInPython: true,
    usage: { kind: 'option', level: LEVEL, value: { kind: 'bool' }, access: 'both' },
    related: ['TCP_FASTOPEN', 'MSG_FASTOPEN'], manPages: ['tcp(7)'],
    en: {
      summary: 'Client-side TCP Fast Open with a normal connect()/send()',
      meaning: 'With this set, `connect()` returns at once and the first `send()` carries its data in the SYN when a TFO cookie is cached (Linux 4.11+).',
      when: 'Adding TFO to existing client code without switching to `sendto(…, MSG_FASTOPEN)`.',
      pitfall: '`connect()` may report success before the handshake; errors then appear on the first `send()` or `recv()`.',
    },
    tr: {
      summary: 'Normal connect()/send() ile istemci tarafı TCP Fast Open',
      meaning: 'Bu açıkken `connect()` hemen döner ve önbellekte TFO çerezi varsa ilk `send()` verisini SYN içinde taşır (Linux 4.11+).',
      when: '`sendto(…, MSG_FASTOPEN)` kullanımına geçmeden mevcut istemci koduna TFO eklemek için.',
      pitfall: '`connect()` el sıkışmasından önce başarı bildirebilir; hatalar o zaman ilk `send()` ya da `recv()` çağrısında görünür.',
    },
  },
  {
    name: 'TCP_ULP', group: 'tcp-option', values: { linux: 31 }, notInPython: true,
    usage: { kind: 'option', level: LEVEL, value: { kind: 'string', text: 'tls' }, access: 'both' },
    related: ['SOL_TLS', 'TCP_CONGESTION'], manPages: ['tcp(7)'],
    en: {
      summary: 'Attach an upper-layer protocol to the TCP socket (e.g. "tls")',
      meaning: 'Installs a kernel upper-layer protocol such as kernel TLS (`"tls"`) or `"espintcp"` on an established connection.',
      when: 'The first step of kTLS: after the handshake, set `TCP_ULP` to `"tls"`, then `SOL_TLS` options.',
      pitfall: 'The socket must be in the ESTABLISHED state and the `tls` module available, otherwise `ENOTCONN` or `ENOENT`.',
    },
    tr: {
      summary: 'TCP soketine üst katman protokolü bağla (ör. "tls")',
      meaning: 'Kurulmuş bir bağlantıya çekirdek TLS (`"tls"`) ya da `"espintcp"` gibi bir çekirdek üst katman protokolü kurar.',
      when: 'kTLS\'nin ilk adımı: el sıkışmasından sonra `TCP_ULP` değerini `"tls"` yapın, sonra `SOL_TLS` seçeneklerini verin.',
      pitfall: 'Soket ESTABLISHED durumunda olmalı ve `tls` modülü bulunmalıdır; aksi halde `ENOTCONN` ya da `ENOENT`.',
    },
  },
  {
    name: 'TCP_MD5SIG', group: 'tcp-option', values: { linux: 14 }, notInPython: true,
    usage: { kind: 'option', level: LEVEL, value: { kind: 'struct', struct: 'tcp_md5sig' }, access: 'set' },
    related: ['TCP_INFO'], manPages: ['tcp(7)'],
    en: {
      summary: 'RFC 2385 TCP MD5 signatures for a peer',
      meaning: 'Installs a shared key (`struct tcp_md5sig`) so every segment to and from that peer carries an MD5 signature option.',
      when: 'BGP sessions between routers (bird, FRR, GoBGP), which commonly require it.',
      pitfall: 'Both ends must agree before the handshake: set the key on the listener for each expected peer address. MD5 is obsolete crypto; TCP-AO (RFC 5925) replaces it.',
    },
    tr: {
      summary: 'Bir eş için RFC 2385 TCP MD5 imzaları',
      meaning: 'Paylaşılan bir anahtar (`struct tcp_md5sig`) kurar; o eşe giden ve ondan gelen her segment MD5 imza seçeneği taşır.',
      when: 'Yönlendiriciler arası BGP oturumlarında (bird, FRR, GoBGP); bunlar çoğu zaman bunu ister.',
      pitfall: 'İki uç el sıkışmasından önce anlaşmalıdır: beklenen her eş adresi için anahtarı dinleyiciye verin. MD5 eskimiş bir kriptodur; yerini TCP-AO (RFC 5925) alır.',
    },
  },
  {
    name: 'TCP_SAVE_SYN', group: 'tcp-option', values: { linux: 27 }, notInPython: true,
    usage: { kind: 'option', level: LEVEL, value: { kind: 'bool' }, access: 'both' },
    related: ['TCP_SAVED_SYN'], manPages: ['tcp(7)'],
    en: {
      summary: 'Keep the headers of the client\'s SYN on a listener',
      meaning: 'Set on a listening socket; each accepted connection keeps the IP and TCP headers of its SYN for `TCP_SAVED_SYN`.',
      when: 'Fingerprinting clients (TCP options, TTL) for security or analytics.',
      pitfall: 'Costs memory per connection until read; the saved SYN can be read only once.',
    },
    tr: {
      summary: 'Dinleyicide istemcinin SYN başlıklarını sakla',
      meaning: 'Dinleyen sokete verilir; kabul edilen her bağlantı `TCP_SAVED_SYN` için SYN paketinin IP ve TCP başlıklarını saklar.',
      when: 'Güvenlik ya da analiz için istemcilerin parmak izini (TCP seçenekleri, TTL) çıkarırken.',
      pitfall: 'Okunana kadar bağlantı başına bellek harcar; saklanan SYN yalnızca bir kez okunabilir.',
    },
  },
  {
    name: 'TCP_SAVED_SYN', group: 'tcp-option', values: { linux: 28 }, notInPython: true,
    usage: { kind: 'option', level: LEVEL, value: { kind: 'struct', struct: 'saved_syn' }, access: 'get' },
    related: ['TCP_SAVE_SYN'], manPages: ['tcp(7)'],
    en: {
      summary: 'Read the saved SYN headers of an accepted connection',
      meaning: 'Returns the raw IP + TCP header bytes of the client\'s SYN, when the listener had `TCP_SAVE_SYN`.',
      when: 'Right after `accept()`, for fingerprinting.',
      pitfall: 'Returns nothing the second time; the buffer must be large enough for IP and TCP options (about 120 bytes).',
    },
    tr: {
      summary: 'Kabul edilen bağlantının saklanan SYN başlıklarını oku',
      meaning: 'Dinleyicide `TCP_SAVE_SYN` açıksa, istemcinin SYN paketinin ham IP + TCP başlık baytlarını döndürür.',
      when: 'Parmak izi için `accept()` çağrısının hemen ardından.',
      pitfall: 'İkinci seferde hiçbir şey döndürmez; arabellek IP ve TCP seçenekleri için yeterince büyük olmalıdır (yaklaşık 120 bayt).',
    },
  },
  {
    name: 'TCP_INQ', group: 'tcp-option', values: { linux: 36 }, notInPython: true,
    usage: { kind: 'option', level: LEVEL, value: { kind: 'bool' }, access: 'both' },
    related: ['SO_RCVLOWAT', 'MSG_PEEK'], manPages: ['tcp(7)'],
    en: {
      summary: 'Report how many bytes are still queued after each recvmsg()',
      meaning: 'With it set, `recvmsg()` returns a `TCP_CM_INQ` control message holding the number of bytes left in the receive queue (Linux 4.18+).',
      when: 'Event loops that want to know whether to read again without another system call.',
      pitfall: 'Only delivered through `recvmsg()` with a control buffer; plain `recv()` ignores it.',
    },
    tr: {
      summary: 'Her recvmsg() sonrasında kuyrukta kaç bayt kaldığını bildir',
      meaning: 'Açıkken `recvmsg()` alma kuyruğunda kalan bayt sayısını taşıyan bir `TCP_CM_INQ` denetim mesajı döndürür (Linux 4.18+).',
      when: 'Ek bir sistem çağrısı yapmadan yeniden okuyup okumayacağını bilmek isteyen olay döngülerinde.',
      pitfall: 'Yalnızca denetim arabelleğiyle `recvmsg()` üzerinden gelir; düz `recv()` bunu yok sayar.',
    },
  },
];

// TCP options available on more than one platform: setsockopt()/getsockopt() with level IPPROTO_TCP.
// Values: Linux <netinet/tcp.h> (glibc, same numbers as <linux/tcp.h>); macOS <netinet/tcp.h> (XNU);
// Windows <ws2ipdef.h> (TCP_NODELAY, TCP_KEEPALIVE…) as of the Windows 10 SDKs.
import type { ConstantEntry } from '../types';

const LEVEL = 'IPPROTO_TCP';

export const TCP_OPTIONS: readonly ConstantEntry[] = [
  {
    name: 'TCP_NODELAY', group: 'tcp-option', values: { linux: 1, macos: 1, windows: 1 },
    usage: { kind: 'option', level: LEVEL, value: { kind: 'bool' }, access: 'both' },
    related: ['TCP_CORK', 'TCP_NOPUSH', 'TCP_QUICKACK', 'MSG_MORE', 'IPPROTO_TCP'], manPages: ['tcp(7)'],
    en: {
      summary: 'Disable Nagle\'s algorithm: send small segments immediately',
      meaning: 'Normally TCP holds back a small segment while earlier data is unacknowledged (Nagle). With `TCP_NODELAY` every write is sent at once.',
      when: 'Interactive and request/response protocols: SSH, games, RPC, Redis, HTTP/2, anything where a small message must not wait.',
      pitfall: 'Nagle plus the peer\'s delayed ACK causes ~40 ms (Linux) to 200 ms (Windows) stalls in write-write-read patterns; but with `TCP_NODELAY` many tiny writes become many tiny packets, so build each message in one buffer and write it once. The level is `IPPROTO_TCP`, not `SOL_SOCKET`.',
    },
    tr: {
      summary: 'Nagle algoritmasını kapat: küçük segmentleri hemen gönder',
      meaning: 'TCP normalde önceki veri onaylanmamışken küçük bir segmenti bekletir (Nagle). `TCP_NODELAY` ile her yazma hemen gönderilir.',
      when: 'Etkileşimli ve istek/yanıt protokollerinde: SSH, oyunlar, RPC, Redis, HTTP/2; küçük bir mesajın beklememesi gereken her yerde.',
      pitfall: 'Nagle ile karşı tarafın gecikmeli ACK\'i birleşince yaz-yaz-oku düzeninde ~40 ms (Linux) ile 200 ms (Windows) arası takılmalar olur; ama `TCP_NODELAY` ile çok sayıda minik yazma çok sayıda minik paket olur, bu yüzden her mesajı tek arabellekte kurup bir kerede yazın. Düzey `SOL_SOCKET` değil `IPPROTO_TCP`\'dir.',
    },
  },
  {
    name: 'TCP_MAXSEG', group: 'tcp-option', values: { linux: 2, macos: 2, windows: 4 }, unverified: ['windows'],
    usage: { kind: 'option', level: LEVEL, value: { kind: 'int', sample: 1400 }, access: 'both' },
    related: ['IP_MTU', 'TCP_NODELAY'], manPages: ['tcp(7)'],
    en: {
      summary: 'Maximum segment size of the connection',
      meaning: 'Reading it returns the MSS in use; setting it before `connect()`/`listen()` lowers the MSS this end announces.',
      when: 'Working around broken path MTU discovery on tunnels (MSS clamping from the endpoint side).',
      pitfall: 'You can only lower the MSS, not raise it above what the route allows, and the value read before the connection is established is just a default.',
    },
    tr: {
      summary: 'Bağlantının en büyük segment boyutu (MSS)',
      meaning: 'Okumak kullanılan MSS\'yi döndürür; `connect()`/`listen()` öncesinde ayarlamak bu ucun duyurduğu MSS\'yi düşürür.',
      when: 'Tünellerde bozuk yol MTU keşfinin etrafından dolaşmak için (uç taraftan MSS kırpma).',
      pitfall: 'MSS yalnızca düşürülebilir, rotanın izin verdiğinin üstüne çıkarılamaz; bağlantı kurulmadan okunan değer yalnızca bir varsayılandır.',
    },
  },
  {
    name: 'TCP_KEEPIDLE', group: 'tcp-option', values: { linux: 4, windows: 3 }, unverified: ['windows'],
    valueNote: 'Windows <ws2ipdef.h> defines TCP_KEEPIDLE as TCP_KEEPALIVE (3).',
    usage: { kind: 'option', level: LEVEL, value: { kind: 'int', sample: 60 }, access: 'both' },
    related: ['SO_KEEPALIVE', 'TCP_KEEPINTVL', 'TCP_KEEPCNT', 'TCP_KEEPALIVE'], manPages: ['tcp(7)'],
    en: {
      summary: 'Idle seconds before the first keepalive probe',
      meaning: 'How long a connection must be idle before TCP starts sending keepalive probes (Linux default 7200 s).',
      when: 'With `SO_KEEPALIVE` on long-lived connections behind NATs or load balancers that drop idle flows after a few minutes.',
      pitfall: 'It does nothing unless `SO_KEEPALIVE` is also set. macOS has no `TCP_KEEPIDLE`: use `TCP_KEEPALIVE` there. On Windows it exists from Windows 10 1709; older versions need `SIO_KEEPALIVE_VALS` (milliseconds).',
    },
    tr: {
      summary: 'İlk canlılık yoklamasından önce boşta geçen saniye',
      meaning: 'TCP canlılık yoklamalarına başlamadan önce bağlantının ne kadar boşta kalması gerektiği (Linux varsayılanı 7200 sn).',
      when: 'Boşta kalan akışları birkaç dakikada düşüren NAT ya da yük dengeleyici arkasındaki uzun ömürlü bağlantılarda `SO_KEEPALIVE` ile birlikte.',
      pitfall: '`SO_KEEPALIVE` de verilmedikçe hiçbir şey yapmaz. macOS\'te `TCP_KEEPIDLE` yoktur: orada `TCP_KEEPALIVE` kullanın. Windows\'ta 10 1709\'dan beri vardır; eski sürümler `SIO_KEEPALIVE_VALS` (milisaniye) ister.',
    },
  },
  {
    name: 'TCP_KEEPINTVL', group: 'tcp-option', values: { linux: 5, macos: 257, windows: 17 }, unverified: ['windows'],
    usage: { kind: 'option', level: LEVEL, value: { kind: 'int', sample: 10 }, access: 'both' },
    related: ['SO_KEEPALIVE', 'TCP_KEEPIDLE', 'TCP_KEEPCNT'], manPages: ['tcp(7)'],
    en: {
      summary: 'Seconds between keepalive probes',
      meaning: 'The interval between unanswered keepalive probes (Linux default 75 s).',
      when: 'Together with `TCP_KEEPIDLE` and `TCP_KEEPCNT` to detect a dead peer within a bounded time: idle + interval × count.',
      pitfall: 'Needs `SO_KEEPALIVE`; the number is 5 on Linux but 0x101 on macOS, so never hard-code it.',
    },
    tr: {
      summary: 'Canlılık yoklamaları arasındaki saniye',
      meaning: 'Yanıtsız kalan canlılık yoklamaları arasındaki süre (Linux varsayılanı 75 sn).',
      when: '`TCP_KEEPIDLE` ve `TCP_KEEPCNT` ile birlikte, ölü karşı tarafı sınırlı sürede yakalamak için: boşta + aralık × sayı.',
      pitfall: '`SO_KEEPALIVE` gerekir; sayı Linux\'ta 5, macOS\'te 0x101\'dir, sabit yazmayın.',
    },
  },
  {
    name: 'TCP_KEEPCNT', group: 'tcp-option', values: { linux: 6, macos: 258, windows: 16 }, unverified: ['windows'],
    usage: { kind: 'option', level: LEVEL, value: { kind: 'int', sample: 5 }, access: 'both' },
    related: ['SO_KEEPALIVE', 'TCP_KEEPIDLE', 'TCP_KEEPINTVL', 'TCP_USER_TIMEOUT'], manPages: ['tcp(7)'],
    en: {
      summary: 'Unanswered keepalive probes before the connection is dropped',
      meaning: 'After this many probes without a reply, TCP resets the connection and the next call fails with `ETIMEDOUT` (Linux default 9).',
      when: 'Tuning dead-peer detection together with the idle time and interval.',
      pitfall: 'Keepalive only probes idle connections; if unacknowledged data is pending, retransmission timeouts (or `TCP_USER_TIMEOUT`) decide instead.',
    },
    tr: {
      summary: 'Bağlantı düşürülmeden önce yanıtsız canlılık yoklaması sayısı',
      meaning: 'Bu kadar yoklama yanıtsız kalınca TCP bağlantıyı sıfırlar ve sonraki çağrı `ETIMEDOUT` ile başarısız olur (Linux varsayılanı 9).',
      when: 'Boşta süre ve aralıkla birlikte ölü karşı taraf algılamasını ayarlarken.',
      pitfall: 'Canlılık yoklaması yalnızca boştaki bağlantılara yapılır; onaylanmamış veri bekliyorsa kararı yeniden gönderim zaman aşımları (ya da `TCP_USER_TIMEOUT`) verir.',
    },
  },
  {
    name: 'TCP_KEEPALIVE', group: 'tcp-option', values: { macos: 16, windows: 3 }, unverified: ['windows'], notInPython: true,
    usage: { kind: 'option', level: LEVEL, value: { kind: 'int', sample: 60 }, access: 'both' },
    related: ['TCP_KEEPIDLE', 'SO_KEEPALIVE'], manPages: ['tcp(7)'],
    en: {
      summary: 'macOS (and Windows): keepalive idle time in seconds',
      meaning: 'On macOS the idle time before keepalive probes start, i.e. what Linux calls `TCP_KEEPIDLE`; Windows defines `TCP_KEEPIDLE` as this same option.',
      when: 'Porting keepalive tuning to macOS.',
      pitfall: 'Linux has no `TCP_KEEPALIVE` (compile with `#ifdef TCP_KEEPIDLE` / `#elif defined(TCP_KEEPALIVE)`), and on macOS it still needs `SO_KEEPALIVE`.',
    },
    tr: {
      summary: 'macOS (ve Windows): saniye cinsinden canlılık boşta süresi',
      meaning: 'macOS\'te canlılık yoklamaları başlamadan önceki boşta süre, yani Linux\'un `TCP_KEEPIDLE` dediği şey; Windows `TCP_KEEPIDLE` adını bu seçeneğe tanımlar.',
      when: 'Canlılık ayarlarını macOS\'e taşırken.',
      pitfall: 'Linux\'ta `TCP_KEEPALIVE` yoktur (`#ifdef TCP_KEEPIDLE` / `#elif defined(TCP_KEEPALIVE)` ile derleyin); macOS\'te yine `SO_KEEPALIVE` gerekir.',
    },
  },
  {
    name: 'TCP_FASTOPEN', group: 'tcp-option', values: { linux: 23, macos: 261, windows: 15 }, unverified: ['windows'],
    usage: { kind: 'option', level: LEVEL, value: { kind: 'int', sample: 5 }, access: 'both' },
    related: ['MSG_FASTOPEN', 'TCP_FASTOPEN_CONNECT', 'TCP_DEFER_ACCEPT'], manPages: ['tcp(7)'],
    en: {
      summary: 'TCP Fast Open: data in the SYN (RFC 7413)',
      meaning: 'On a Linux listener the value is the queue length of pending TFO requests; clients send data in the SYN with `MSG_FASTOPEN` or `TCP_FASTOPEN_CONNECT`, saving a round trip on repeat connections.',
      when: 'Latency-sensitive short connections to the same servers (DNS over TCP, HTTP).',
      pitfall: 'Linux needs `net.ipv4.tcp_fastopen` to enable client (1) and server (2) sides, and SYN data may be replayed, so only idempotent requests belong in it. Middleboxes often strip it.',
    },
    tr: {
      summary: 'TCP Fast Open: SYN içinde veri (RFC 7413)',
      meaning: 'Linux dinleyicisinde değer bekleyen TFO isteklerinin kuyruk uzunluğudur; istemciler `MSG_FASTOPEN` ya da `TCP_FASTOPEN_CONNECT` ile SYN içinde veri gönderir ve tekrar eden bağlantılarda bir gidiş-dönüş kazanır.',
      when: 'Aynı sunuculara yapılan, gecikmeye duyarlı kısa bağlantılarda (TCP üzerinden DNS, HTTP).',
      pitfall: 'Linux\'ta istemci (1) ve sunucu (2) tarafları için `net.ipv4.tcp_fastopen` açılmalıdır; SYN verisi yeniden oynatılabilir, içine yalnızca tekrarlanabilir (idempotent) istekler konmalıdır. Ara cihazlar çoğu zaman bunu ayıklar.',
    },
  },
  {
    name: 'TCP_NOTSENT_LOWAT', group: 'tcp-option', values: { linux: 25, macos: 513 },
    usage: { kind: 'option', level: LEVEL, value: { kind: 'int', sample: 16384 }, access: 'both' },
    related: ['SO_SNDBUF', 'SO_SNDLOWAT'], manPages: ['tcp(7)'],
    en: {
      summary: 'Limit unsent data in the send buffer (writability threshold)',
      meaning: 'The socket is reported writable only while less than this many bytes are queued but not yet sent.',
      when: 'HTTP/2 and streaming servers that want to prioritise late data instead of burying it behind a large send buffer.',
      pitfall: 'It reduces latency, not throughput: `send()` still accepts more data; you must wait for writability (`poll()`/`epoll`) for it to work.',
    },
    tr: {
      summary: 'Gönderme arabelleğindeki gönderilmemiş veriyi sınırla (yazılabilirlik eşiği)',
      meaning: 'Soket, kuyrukta bekleyen ama henüz gönderilmemiş bayt bu değerden az olduğu sürece yazılabilir gösterilir.',
      when: 'Geç gelen veriyi büyük bir gönderme arabelleğinin arkasına gömmek yerine önceliklendirmek isteyen HTTP/2 ve akış sunucularında.',
      pitfall: 'Verimi değil gecikmeyi azaltır: `send()` yine fazla veri kabul eder; işe yaraması için yazılabilirliği (`poll()`/`epoll`) beklemelisiniz.',
    },
  },
  {
    name: 'TCP_NOPUSH', group: 'tcp-option', values: { macos: 4 }, notInPython: true,
    usage: { kind: 'option', level: LEVEL, value: { kind: 'bool' }, access: 'both' },
    related: ['TCP_CORK', 'TCP_NODELAY'], manPages: ['tcp(7)'],
    en: {
      summary: 'macOS/BSD: hold back partial segments (like Linux TCP_CORK)',
      meaning: 'Delays sending until a full segment is ready or the option is cleared.',
      when: 'Sending a header and a file body as full packets, e.g. with `sendfile()`.',
      pitfall: 'Linux has no `TCP_NOPUSH` (use `TCP_CORK` there), and forgetting to clear it leaves the last partial segment waiting.',
    },
    tr: {
      summary: 'macOS/BSD: yarım segmentleri beklet (Linux TCP_CORK gibi)',
      meaning: 'Tam bir segment hazır olana ya da seçenek kaldırılana kadar göndermeyi erteler.',
      when: 'Başlık ve dosya gövdesini tam paketler halinde gönderirken, örneğin `sendfile()` ile.',
      pitfall: 'Linux\'ta `TCP_NOPUSH` yoktur (orada `TCP_CORK` kullanın); kaldırmayı unutmak son yarım segmenti bekletir.',
    },
  },
];

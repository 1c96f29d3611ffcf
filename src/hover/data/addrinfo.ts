// getaddrinfo() hint flags (AI_*) and getnameinfo() flags (NI_*).
// Values: Linux <netdb.h> (glibc; AI_IDN/AI_CANONIDN/NI_IDN need _GNU_SOURCE); macOS <netdb.h> (Libc);
// Windows <ws2def.h>. The numbers differ a lot between platforms: never hard-code them.
import type { ConstantEntry } from '../types';

export const ADDRINFO_FLAGS: readonly ConstantEntry[] = [
  {
    name: 'AI_PASSIVE', group: 'addrinfo-flag', values: { linux: 1, macos: 1, windows: 1 },
    usage: { kind: 'addrinfo-flag' }, related: ['INADDR_ANY', 'IN6ADDR_ANY_INIT', 'AI_ADDRCONFIG', 'AF_UNSPEC'], manPages: ['getaddrinfo(3)'],
    en: {
      summary: 'Return addresses suitable for bind() (wildcard when host is NULL)',
      meaning: 'With a NULL host, `getaddrinfo()` returns the wildcard addresses (`0.0.0.0`, `::`) instead of loopback, ready for `bind()`.',
      when: 'Servers: `getaddrinfo(NULL, "8080", &hints, &res)` with `AI_PASSIVE`, then bind each result.',
      pitfall: 'Ignored when a host is given. Without it a NULL host means loopback, so a "server" silently listens on 127.0.0.1 only.',
    },
    tr: {
      summary: 'bind() için uygun adresler döndür (ana makine NULL ise joker)',
      meaning: 'Ana makine NULL verildiğinde `getaddrinfo()` geri döngü yerine `bind()` için hazır joker adresleri (`0.0.0.0`, `::`) döndürür.',
      when: 'Sunucularda: `AI_PASSIVE` ile `getaddrinfo(NULL, "8080", &hints, &res)`, sonra her sonuca bağlanın.',
      pitfall: 'Ana makine verilirse yok sayılır. Verilmezse NULL ana makine geri döngü demektir; "sunucu" sessizce yalnızca 127.0.0.1\'i dinler.',
    },
  },
  {
    name: 'AI_CANONNAME', group: 'addrinfo-flag', values: { linux: 2, macos: 2, windows: 2 },
    usage: { kind: 'addrinfo-flag' }, related: ['AI_CANONIDN', 'NI_NAMEREQD'], manPages: ['getaddrinfo(3)'],
    en: {
      summary: 'Also return the canonical name of the host',
      meaning: 'The first result\'s `ai_canonname` is set to the official name (following CNAMEs).',
      when: 'Kerberos and other protocols that need the canonical host name.',
      pitfall: 'Only the first `addrinfo` carries it; the name comes from DNS and is not a security check.',
    },
    tr: {
      summary: 'Makinenin kurallı (canonical) adını da döndür',
      meaning: 'İlk sonucun `ai_canonname` alanına resmi ad (CNAME\'ler izlenerek) konur.',
      when: 'Kurallı ana makine adına ihtiyaç duyan Kerberos ve benzeri protokollerde.',
      pitfall: 'Yalnızca ilk `addrinfo` taşır; ad DNS\'ten gelir ve bir güvenlik denetimi değildir.',
    },
  },
  {
    name: 'AI_NUMERICHOST', group: 'addrinfo-flag', values: { linux: 4, macos: 4, windows: 4 },
    usage: { kind: 'addrinfo-flag' }, related: ['AI_NUMERICSERV', 'NI_NUMERICHOST', 'EAI_NONAME'], manPages: ['getaddrinfo(3)'],
    en: {
      summary: 'Host must be a numeric address: never query DNS',
      meaning: 'The host string is parsed as an IPv4/IPv6 literal; names are rejected instead of resolved.',
      when: 'Parsing user-supplied IP addresses, or avoiding slow DNS lookups in hot paths.',
      pitfall: 'A host name then fails with `EAI_NONAME`, which is easy to mistake for "host not found".',
    },
    tr: {
      summary: 'Ana makine sayısal adres olmalı: DNS sorgusu yapma',
      meaning: 'Ana makine dizesi IPv4/IPv6 sabiti olarak ayrıştırılır; adlar çözümlenmek yerine reddedilir.',
      when: 'Kullanıcının verdiği IP adreslerini ayrıştırırken ya da sık çalışan yollarda yavaş DNS sorgularından kaçınırken.',
      pitfall: 'Bir ana makine adı o zaman `EAI_NONAME` ile başarısız olur; bu "makine bulunamadı" ile kolayca karıştırılır.',
    },
  },
  {
    name: 'AI_NUMERICSERV', group: 'addrinfo-flag', values: { linux: 1024, macos: 4096, windows: 8 },
    usage: { kind: 'addrinfo-flag' }, related: ['AI_NUMERICHOST', 'NI_NUMERICSERV', 'EAI_SERVICE'], manPages: ['getaddrinfo(3)'],
    en: {
      summary: 'Service must be a port number: never look up /etc/services',
      meaning: 'The service string is parsed as a decimal port; names such as `"http"` are rejected.',
      when: 'When the port comes from configuration as a number.',
      pitfall: 'The value differs on every platform (0x400 Linux, 0x1000 macOS, 0x8 Windows). A service name then fails with `EAI_NONAME`.',
    },
    tr: {
      summary: 'Servis bir port numarası olmalı: /etc/services aranmasın',
      meaning: 'Servis dizesi ondalık port olarak ayrıştırılır; `"http"` gibi adlar reddedilir.',
      when: 'Port yapılandırmadan sayı olarak geldiğinde.',
      pitfall: 'Değer her platformda farklıdır (Linux 0x400, macOS 0x1000, Windows 0x8). Servis adı o zaman `EAI_NONAME` ile başarısız olur.',
    },
  },
  {
    name: 'AI_ADDRCONFIG', group: 'addrinfo-flag', values: { linux: 32, macos: 1024, windows: 1024 },
    usage: { kind: 'addrinfo-flag' }, related: ['AF_UNSPEC', 'AI_V4MAPPED'], manPages: ['getaddrinfo(3)'],
    en: {
      summary: 'Return IPv4/IPv6 results only if this host has such an address configured',
      meaning: 'Skips AAAA results when the host has no global IPv6 address, and A results when it has no IPv4 address.',
      when: 'Clients on IPv4-only networks that would otherwise try unreachable IPv6 addresses first.',
      pitfall: 'Loopback addresses do not count, so on a machine with only `lo` configured, resolving `localhost` with this flag can return nothing.',
    },
    tr: {
      summary: 'IPv4/IPv6 sonuçlarını yalnızca makinede o tür adres varsa döndür',
      meaning: 'Makinede genel IPv6 adresi yoksa AAAA sonuçlarını, IPv4 adresi yoksa A sonuçlarını atlar.',
      when: 'Aksi halde önce ulaşılamaz IPv6 adreslerini deneyecek, yalnız IPv4 ağlardaki istemcilerde.',
      pitfall: 'Geri döngü adresleri sayılmaz; yalnızca `lo` yapılandırılmış bir makinede bu bayrakla `localhost` çözmek hiçbir şey döndürmeyebilir.',
    },
  },
  {
    name: 'AI_V4MAPPED', group: 'addrinfo-flag', values: { linux: 8, macos: 2048, windows: 2048 },
    usage: { kind: 'addrinfo-flag' }, related: ['AI_ALL', 'IPV6_V6ONLY', 'AF_INET6'], manPages: ['getaddrinfo(3)'],
    en: {
      summary: 'With AF_INET6 hints, return IPv4 addresses as ::ffff:a.b.c.d',
      meaning: 'If no IPv6 address is found, IPv4 results are returned as IPv4-mapped IPv6 addresses.',
      when: 'IPv6-only code paths (`AF_INET6` sockets with `IPV6_V6ONLY` off) that still must reach IPv4 hosts.',
      pitfall: 'Only meaningful with `ai_family = AF_INET6`; the mapped addresses fail on sockets with `IPV6_V6ONLY` on.',
    },
    tr: {
      summary: 'AF_INET6 ipuçlarıyla IPv4 adreslerini ::ffff:a.b.c.d olarak döndür',
      meaning: 'IPv6 adresi bulunamazsa IPv4 sonuçları IPv4 eşlemeli IPv6 adresleri olarak döndürülür.',
      when: 'IPv4 makinelerine de ulaşması gereken yalnız IPv6 kod yollarında (`IPV6_V6ONLY` kapalı `AF_INET6` soketleri).',
      pitfall: 'Yalnızca `ai_family = AF_INET6` ile anlamlıdır; eşlemeli adresler `IPV6_V6ONLY` açık soketlerde başarısız olur.',
    },
  },
  {
    name: 'AI_ALL', group: 'addrinfo-flag', values: { linux: 16, macos: 256, windows: 256 },
    usage: { kind: 'addrinfo-flag' }, related: ['AI_V4MAPPED'], manPages: ['getaddrinfo(3)'],
    en: {
      summary: 'With AI_V4MAPPED: return both IPv6 and mapped IPv4 addresses',
      meaning: 'Returns IPv6 results and, in addition, IPv4 results as mapped addresses.',
      when: 'Together with `AI_V4MAPPED` when a dual-stack socket should try every address.',
      pitfall: 'Ignored without `AI_V4MAPPED`.',
    },
    tr: {
      summary: 'AI_V4MAPPED ile: hem IPv6 hem eşlemeli IPv4 adresleri döndür',
      meaning: 'IPv6 sonuçlarını ve ek olarak IPv4 sonuçlarını eşlemeli adresler olarak döndürür.',
      when: 'Çift yığınlı bir soket her adresi denesin diye `AI_V4MAPPED` ile birlikte.',
      pitfall: '`AI_V4MAPPED` olmadan yok sayılır.',
    },
  },
  {
    name: 'AI_IDN', group: 'addrinfo-flag', values: { linux: 64 }, notInPython: true,
    usage: { kind: 'addrinfo-flag' }, related: ['AI_CANONIDN', 'NI_IDN'], manPages: ['getaddrinfo(3)'],
    en: {
      summary: 'glibc: convert an internationalised host name to Punycode first',
      meaning: 'Lets `getaddrinfo()` accept names like `bücher.example` by converting them to IDNA (`xn--bcher-kva.example`).',
      when: 'C programs on glibc that resolve user-typed non-ASCII host names.',
      pitfall: 'A GNU extension (needs `_GNU_SOURCE`); glibc 2.28+ uses libidn2 when available, and other platforms need their own IDNA conversion.',
    },
    tr: {
      summary: 'glibc: uluslararası ana makine adını önce Punycode\'a çevir',
      meaning: '`getaddrinfo()` çağrısının `bücher.example` gibi adları IDNA\'ya (`xn--bcher-kva.example`) çevirerek kabul etmesini sağlar.',
      when: 'Kullanıcının yazdığı ASCII dışı ana makine adlarını çözen glibc\'li C programlarında.',
      pitfall: 'Bir GNU uzantısıdır (`_GNU_SOURCE` ister); glibc 2.28+ varsa libidn2 kullanır, diğer platformlar kendi IDNA dönüşümünü ister.',
    },
  },
  {
    name: 'AI_CANONIDN', group: 'addrinfo-flag', values: { linux: 128 }, notInPython: true,
    usage: { kind: 'addrinfo-flag' }, related: ['AI_IDN', 'AI_CANONNAME'], manPages: ['getaddrinfo(3)'],
    en: {
      summary: 'glibc: return the canonical name decoded from Punycode',
      meaning: 'With `AI_CANONNAME`, converts an IDNA canonical name back to Unicode.',
      when: 'Displaying the canonical name of internationalised hosts.',
      pitfall: 'GNU-only and only useful together with `AI_CANONNAME`.',
    },
    tr: {
      summary: 'glibc: kurallı adı Punycode\'dan çözülmüş döndür',
      meaning: '`AI_CANONNAME` ile birlikte IDNA biçimindeki kurallı adı yeniden Unicode\'a çevirir.',
      when: 'Uluslararası adlı makinelerin kurallı adını gösterirken.',
      pitfall: 'Yalnızca GNU\'da vardır ve yalnızca `AI_CANONNAME` ile birlikte işe yarar.',
    },
  },
];

export const NAMEINFO_FLAGS: readonly ConstantEntry[] = [
  {
    name: 'NI_NUMERICHOST', group: 'nameinfo-flag', values: { linux: 1, macos: 2, windows: 2 },
    usage: { kind: 'nameinfo-flag' }, related: ['NI_NUMERICSERV', 'AI_NUMERICHOST', 'NI_MAXHOST'], manPages: ['getnameinfo(3)'],
    en: {
      summary: 'Return the address as digits, without a reverse DNS lookup',
      meaning: '`getnameinfo()` formats the address (`192.0.2.1`, `fe80::1%eth0`) instead of resolving a PTR record.',
      when: 'Logging peer addresses in servers, where reverse DNS would be slow and untrustworthy.',
      pitfall: 'Without it every accepted connection may trigger a blocking DNS query. The number differs (1 on Linux, 2 on macOS and Windows).',
    },
    tr: {
      summary: 'Adresi ters DNS sorgusu yapmadan rakamlarla döndür',
      meaning: '`getnameinfo()` bir PTR kaydı çözmek yerine adresi biçimlendirir (`192.0.2.1`, `fe80::1%eth0`).',
      when: 'Ters DNS\'in yavaş ve güvenilmez olacağı sunucularda karşı taraf adreslerini günlüğe yazarken.',
      pitfall: 'Bu olmadan kabul edilen her bağlantı engelleyen bir DNS sorgusu tetikleyebilir. Sayı farklıdır (Linux\'ta 1, macOS ve Windows\'ta 2).',
    },
  },
  {
    name: 'NI_NUMERICSERV', group: 'nameinfo-flag', values: { linux: 2, macos: 8, windows: 8 },
    usage: { kind: 'nameinfo-flag' }, related: ['NI_NUMERICHOST', 'AI_NUMERICSERV', 'NI_MAXSERV'], manPages: ['getnameinfo(3)'],
    en: {
      summary: 'Return the port as a number, not a service name',
      meaning: '`getnameinfo()` writes `"443"` instead of `"https"`.',
      when: 'Almost always, together with `NI_NUMERICHOST`, for logs and UIs.',
      pitfall: 'Without it the result depends on the local services database and may differ between machines.',
    },
    tr: {
      summary: 'Portu servis adı değil sayı olarak döndür',
      meaning: '`getnameinfo()` `"https"` yerine `"443"` yazar.',
      when: 'Günlükler ve arayüzler için neredeyse her zaman, `NI_NUMERICHOST` ile birlikte.',
      pitfall: 'Bu olmadan sonuç yerel servis veritabanına bağlıdır ve makineden makineye değişebilir.',
    },
  },
  {
    name: 'NI_NAMEREQD', group: 'nameinfo-flag', values: { linux: 8, macos: 4, windows: 4 },
    usage: { kind: 'nameinfo-flag' }, related: ['NI_NUMERICHOST', 'EAI_NONAME'], manPages: ['getnameinfo(3)'],
    en: {
      summary: 'Fail if the address has no host name',
      meaning: 'Instead of falling back to the numeric form, `getnameinfo()` returns `EAI_NONAME` when reverse DNS finds nothing.',
      when: 'Access checks that require a name (combined with a forward lookup to confirm it).',
      pitfall: 'Reverse DNS is controlled by whoever owns the address: never trust the name alone for authentication.',
    },
    tr: {
      summary: 'Adresin ana makine adı yoksa başarısız ol',
      meaning: 'Ters DNS bir şey bulamazsa `getnameinfo()` sayısal biçime dönmek yerine `EAI_NONAME` döndürür.',
      when: 'Ad gerektiren erişim denetimlerinde (doğrulamak için ileri yönlü bir sorguyla birlikte).',
      pitfall: 'Ters DNS\'i adresin sahibi denetler: kimlik doğrulama için yalnızca ada asla güvenmeyin.',
    },
  },
  {
    name: 'NI_NOFQDN', group: 'nameinfo-flag', values: { linux: 4, macos: 1, windows: 1 },
    usage: { kind: 'nameinfo-flag' }, related: ['NI_NAMEREQD'], manPages: ['getnameinfo(3)'],
    en: {
      summary: 'Return only the host part for hosts in the local domain',
      meaning: 'For hosts in the local domain, the name is shortened to the first label (`db1` instead of `db1.example.com`).',
      when: 'Compact display names in local tools.',
      pitfall: 'The result depends on the local domain setting and is ambiguous across domains; do not store it.',
    },
    tr: {
      summary: 'Yerel alandaki makineler için yalnızca ana makine kısmını döndür',
      meaning: 'Yerel alandaki makineler için ad ilk etikete kısaltılır (`db1.example.com` yerine `db1`).',
      when: 'Yerel araçlarda kısa görünen adlar için.',
      pitfall: 'Sonuç yerel alan ayarına bağlıdır ve alanlar arasında belirsizdir; saklamayın.',
    },
  },
  {
    name: 'NI_DGRAM', group: 'nameinfo-flag', values: { linux: 16, macos: 16, windows: 16 },
    usage: { kind: 'nameinfo-flag' }, related: ['NI_NUMERICSERV', 'SOCK_DGRAM'], manPages: ['getnameinfo(3)'],
    en: {
      summary: 'Look up the service name for UDP, not TCP',
      meaning: 'Chooses the UDP entry of the services database for ports whose TCP and UDP names differ (e.g. 512: `exec`/`biff`).',
      when: 'Printing service names of UDP peers.',
      pitfall: 'Pointless together with `NI_NUMERICSERV`.',
    },
    tr: {
      summary: 'Servis adını TCP değil UDP için ara',
      meaning: 'TCP ve UDP adları farklı olan portlar için servis veritabanının UDP kaydını seçer (ör. 512: `exec`/`biff`).',
      when: 'UDP karşı tarafların servis adlarını yazdırırken.',
      pitfall: '`NI_NUMERICSERV` ile birlikte anlamsızdır.',
    },
  },
  {
    name: 'NI_IDN', group: 'nameinfo-flag', values: { linux: 32 }, notInPython: true,
    usage: { kind: 'nameinfo-flag' }, related: ['AI_IDN'], manPages: ['getnameinfo(3)'],
    en: {
      summary: 'glibc: decode Punycode host names to Unicode',
      meaning: 'Converts an IDNA name returned by reverse DNS (`xn--…`) to its Unicode form.',
      when: 'Showing reverse-resolved names to users.',
      pitfall: 'GNU extension; needs `_GNU_SOURCE` and is ignored elsewhere.',
    },
    tr: {
      summary: 'glibc: Punycode ana makine adlarını Unicode\'a çöz',
      meaning: 'Ters DNS\'in döndürdüğü IDNA adını (`xn--…`) Unicode biçimine çevirir.',
      when: 'Ters çözümlenmiş adları kullanıcılara gösterirken.',
      pitfall: 'GNU uzantısıdır; `_GNU_SOURCE` ister ve başka yerde yok sayılır.',
    },
  },
];

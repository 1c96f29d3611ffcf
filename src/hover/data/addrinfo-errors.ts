// EAI_* return values of getaddrinfo()/getnameinfo(). They are not errno values: print them with
// gai_strerror(). Values: Linux <netdb.h> (glibc: negative numbers; EAI_ADDRFAMILY/EAI_NODATA need
// _GNU_SOURCE); macOS <netdb.h> (Libc: positive numbers); Windows <ws2tcpip.h>, where they are
// WSA error codes (EAI_AGAIN = WSATRY_AGAIN 11002, EAI_NONAME = WSAHOST_NOT_FOUND 11001, …).
import type { ConstantEntry } from '../types';

export const ADDRINFO_ERRORS: readonly ConstantEntry[] = [
  {
    name: 'EAI_NONAME', group: 'addrinfo-error', values: { linux: -2, macos: 8, windows: 11001 },
    usage: { kind: 'addrinfo-error' }, related: ['EAI_AGAIN', 'EAI_NODATA', 'AI_NUMERICHOST'], manPages: ['getaddrinfo(3)'],
    en: {
      summary: 'Name or service not known',
      meaning: 'The host name does not exist (NXDOMAIN), or the service is unknown, or a numeric-only flag rejected a name.',
      when: 'Reported by `getaddrinfo()`; Python raises `socket.gaierror` with this errno ("Name or service not known").',
      pitfall: 'It is permanent: retrying will not help, unlike `EAI_AGAIN`. Also returned when both host and service are NULL. On Windows it is `WSAHOST_NOT_FOUND` (11001).',
    },
    tr: {
      summary: 'Ad ya da servis bilinmiyor',
      meaning: 'Ana makine adı yok (NXDOMAIN), servis bilinmiyor ya da yalnızca sayısal kabul eden bir bayrak adı reddetti.',
      when: '`getaddrinfo()` bildirir; Python bu errno ile `socket.gaierror` fırlatır ("Name or service not known").',
      pitfall: 'Kalıcıdır: `EAI_AGAIN`\'in aksine yeniden denemek işe yaramaz. Ana makine ve servis ikisi birden NULL ise de döner. Windows\'ta `WSAHOST_NOT_FOUND` (11001)\'dir.',
    },
  },
  {
    name: 'EAI_AGAIN', group: 'addrinfo-error', values: { linux: -3, macos: 2, windows: 11002 },
    usage: { kind: 'addrinfo-error' }, related: ['EAI_NONAME', 'EAI_FAIL'], manPages: ['getaddrinfo(3)'],
    en: {
      summary: 'Temporary failure in name resolution',
      meaning: 'The DNS server did not answer or returned SERVFAIL; the name may well exist.',
      when: 'Seen when the network or resolver is down (e.g. in a container without DNS).',
      pitfall: 'Worth retrying with backoff, but check `/etc/resolv.conf` when it is constant. Windows reports `WSATRY_AGAIN` (11002).',
    },
    tr: {
      summary: 'Ad çözümlemede geçici hata',
      meaning: 'DNS sunucusu yanıt vermedi ya da SERVFAIL döndürdü; ad aslında var olabilir.',
      when: 'Ağ ya da çözümleyici çalışmıyorken görülür (ör. DNS\'i olmayan bir konteynerde).',
      pitfall: 'Geri çekilerek yeniden denemeye değer, ama sürekli oluyorsa `/etc/resolv.conf` dosyasını denetleyin. Windows `WSATRY_AGAIN` (11002) bildirir.',
    },
  },
  {
    name: 'EAI_FAIL', group: 'addrinfo-error', values: { linux: -4, macos: 4, windows: 11003 },
    usage: { kind: 'addrinfo-error' }, related: ['EAI_AGAIN'], manPages: ['getaddrinfo(3)'],
    en: {
      summary: 'Non-recoverable failure in name resolution',
      meaning: 'The name server returned a permanent failure (e.g. REFUSED, FORMERR).',
      when: 'Misconfigured resolvers or broken DNS zones.',
      pitfall: 'Retrying immediately rarely helps; Windows reports `WSANO_RECOVERY` (11003).',
    },
    tr: {
      summary: 'Ad çözümlemede kurtarılamaz hata',
      meaning: 'Ad sunucusu kalıcı bir hata döndürdü (ör. REFUSED, FORMERR).',
      when: 'Yanlış yapılandırılmış çözümleyicilerde ya da bozuk DNS bölgelerinde.',
      pitfall: 'Hemen yeniden denemek nadiren işe yarar; Windows `WSANO_RECOVERY` (11003) bildirir.',
    },
  },
  {
    name: 'EAI_NODATA', group: 'addrinfo-error', values: { linux: -5, macos: 7, windows: 11001 },
    valueNote: 'Windows <ws2tcpip.h> defines EAI_NODATA as EAI_NONAME (WSAHOST_NOT_FOUND, 11001).',
    usage: { kind: 'addrinfo-error' }, related: ['EAI_NONAME', 'EAI_ADDRFAMILY', 'AI_ADDRCONFIG'], manPages: ['getaddrinfo(3)'],
    en: {
      summary: 'The host exists but has no address of the requested kind',
      meaning: 'The name is valid but has no A/AAAA records (for example a mail-only domain).',
      when: 'Resolving names that only have MX or TXT records.',
      pitfall: 'A GNU extension on Linux (POSIX folds it into `EAI_NONAME`), so portable code must treat both the same way.',
    },
    tr: {
      summary: 'Makine var ama istenen türde adresi yok',
      meaning: 'Ad geçerli ama A/AAAA kaydı yok (örneğin yalnızca posta için kullanılan bir alan).',
      when: 'Yalnızca MX ya da TXT kaydı olan adları çözerken.',
      pitfall: 'Linux\'ta bir GNU uzantısıdır (POSIX bunu `EAI_NONAME` içinde toplar); taşınabilir kod ikisine aynı biçimde davranmalıdır.',
    },
  },
  {
    name: 'EAI_ADDRFAMILY', group: 'addrinfo-error', values: { linux: -9, macos: 1 },
    usage: { kind: 'addrinfo-error' }, related: ['EAI_NODATA', 'EAI_FAMILY', 'AF_INET6'], manPages: ['getaddrinfo(3)'],
    en: {
      summary: 'The host has no address in the requested family',
      meaning: 'For example an `AF_INET6` lookup of a host that only has IPv4 addresses.',
      when: 'Family-restricted lookups (`hints.ai_family = AF_INET6`).',
      pitfall: 'Not in POSIX and missing on Windows; use `AF_UNSPEC` unless you really need one family.',
    },
    tr: {
      summary: 'Makinenin istenen ailede adresi yok',
      meaning: 'Örneğin yalnızca IPv4 adresleri olan bir makine için `AF_INET6` sorgusu.',
      when: 'Aileyle sınırlı sorgularda (`hints.ai_family = AF_INET6`).',
      pitfall: 'POSIX\'te yoktur ve Windows\'ta bulunmaz; gerçekten tek aile gerekmedikçe `AF_UNSPEC` kullanın.',
    },
  },
  {
    name: 'EAI_FAMILY', group: 'addrinfo-error', values: { linux: -6, macos: 5, windows: 10047 },
    usage: { kind: 'addrinfo-error' }, related: ['EAI_ADDRFAMILY', 'AF_UNSPEC', 'EAFNOSUPPORT'], manPages: ['getaddrinfo(3)'],
    en: {
      summary: 'ai_family is not supported',
      meaning: '`hints.ai_family` holds a value other than `AF_INET`, `AF_INET6` or `AF_UNSPEC`.',
      when: 'Usually an uninitialised `hints` structure.',
      pitfall: 'Always `memset(&hints, 0, sizeof hints)` before filling it. Windows reports `WSAEAFNOSUPPORT` (10047).',
    },
    tr: {
      summary: 'ai_family desteklenmiyor',
      meaning: '`hints.ai_family` alanında `AF_INET`, `AF_INET6` ya da `AF_UNSPEC` dışında bir değer var.',
      when: 'Genellikle ilk değer verilmemiş bir `hints` yapısında.',
      pitfall: 'Doldurmadan önce her zaman `memset(&hints, 0, sizeof hints)` yapın. Windows `WSAEAFNOSUPPORT` (10047) bildirir.',
    },
  },
  {
    name: 'EAI_SOCKTYPE', group: 'addrinfo-error', values: { linux: -7, macos: 10, windows: 10044 },
    usage: { kind: 'addrinfo-error' }, related: ['EAI_SERVICE', 'SOCK_STREAM'], manPages: ['getaddrinfo(3)'],
    en: {
      summary: 'ai_socktype is not supported',
      meaning: '`hints.ai_socktype` is not a type `getaddrinfo()` knows (e.g. `SOCK_RAW` with a service name).',
      when: 'Wrong or garbage hints.',
      pitfall: 'Use 0, `SOCK_STREAM` or `SOCK_DGRAM`; Windows reports `WSAESOCKTNOSUPPORT` (10044).',
    },
    tr: {
      summary: 'ai_socktype desteklenmiyor',
      meaning: '`hints.ai_socktype` `getaddrinfo()` işlevinin tanıdığı bir tür değil (ör. servis adıyla `SOCK_RAW`).',
      when: 'Yanlış ya da çöp değerli ipuçlarında.',
      pitfall: '0, `SOCK_STREAM` ya da `SOCK_DGRAM` kullanın; Windows `WSAESOCKTNOSUPPORT` (10044) bildirir.',
    },
  },
  {
    name: 'EAI_SERVICE', group: 'addrinfo-error', values: { linux: -8, macos: 9, windows: 10109 },
    usage: { kind: 'addrinfo-error' }, related: ['EAI_SOCKTYPE', 'AI_NUMERICSERV'], manPages: ['getaddrinfo(3)'],
    en: {
      summary: 'The service is not available for the socket type',
      meaning: 'The service name exists, but not for the requested socket type (e.g. a TCP-only name requested with `SOCK_DGRAM`).',
      when: 'Looking up service names with a restricted `ai_socktype`.',
      pitfall: 'Pass numeric ports (with `AI_NUMERICSERV`) to avoid depending on `/etc/services`. Windows reports `WSATYPE_NOT_FOUND` (10109).',
    },
    tr: {
      summary: 'Servis bu soket türü için yok',
      meaning: 'Servis adı var ama istenen tür için değil; örneğin yalnızca TCP için tanımlı bir ad `SOCK_DGRAM` ile istenmiş.',
      when: 'Kısıtlı `ai_socktype` ile servis adı ararken.',
      pitfall: '`/etc/services` dosyasına bağımlı kalmamak için sayısal port verin (`AI_NUMERICSERV` ile). Windows `WSATYPE_NOT_FOUND` (10109) bildirir.',
    },
  },
  {
    name: 'EAI_BADFLAGS', group: 'addrinfo-error', values: { linux: -1, macos: 3, windows: 10022 },
    usage: { kind: 'addrinfo-error' }, related: ['AI_PASSIVE', 'AI_NUMERICSERV'], manPages: ['getaddrinfo(3)'],
    en: {
      summary: 'Invalid value in ai_flags',
      meaning: '`hints.ai_flags` contains an unknown bit or an invalid combination.',
      when: 'Using a flag from another platform, or uninitialised hints.',
      pitfall: 'The AI_ numbers differ per OS, so hard-coded values are wrong elsewhere. Windows reports `WSAEINVAL` (10022).',
    },
    tr: {
      summary: 'ai_flags içinde geçersiz değer',
      meaning: '`hints.ai_flags` bilinmeyen bir bit ya da geçersiz bir bileşim içeriyor.',
      when: 'Başka bir platformun bayrağı kullanıldığında ya da ipuçlarına ilk değer verilmediğinde.',
      pitfall: 'AI_ sayıları sisteme göre değişir; sabit yazılan değerler başka yerde yanlıştır. Windows `WSAEINVAL` (10022) bildirir.',
    },
  },
  {
    name: 'EAI_MEMORY', group: 'addrinfo-error', values: { linux: -10, macos: 6, windows: 8 },
    usage: { kind: 'addrinfo-error' }, related: ['ENOMEM'], manPages: ['getaddrinfo(3)'],
    en: {
      summary: 'Out of memory during name resolution',
      meaning: 'The resolver could not allocate memory.',
      when: 'Memory pressure or a leak of `addrinfo` lists.',
      pitfall: 'Free every result with `freeaddrinfo()`; leaked lists are a common cause. Windows reports `WSA_NOT_ENOUGH_MEMORY` (8).',
    },
    tr: {
      summary: 'Ad çözümlemesi sırasında bellek yetmedi',
      meaning: 'Çözümleyici bellek ayıramadı.',
      when: 'Bellek baskısında ya da `addrinfo` listeleri sızdırıldığında.',
      pitfall: 'Her sonucu `freeaddrinfo()` ile serbest bırakın; sızdırılan listeler sık bir nedendir. Windows `WSA_NOT_ENOUGH_MEMORY` (8) bildirir.',
    },
  },
  {
    name: 'EAI_SYSTEM', group: 'addrinfo-error', values: { linux: -11, macos: 11 },
    usage: { kind: 'addrinfo-error' }, related: ['EAI_FAIL'], manPages: ['getaddrinfo(3)'],
    en: {
      summary: 'System error: see errno',
      meaning: 'A system call inside the resolver failed; the real cause is in `errno`.',
      when: 'File-descriptor exhaustion, unreadable `/etc/hosts`, sandbox restrictions.',
      pitfall: '`gai_strerror()` only says "System error": print `strerror(errno)` too. Not defined on Windows.',
    },
    tr: {
      summary: 'Sistem hatası: errno\'ya bakın',
      meaning: 'Çözümleyici içindeki bir sistem çağrısı başarısız oldu; asıl neden `errno` içindedir.',
      when: 'Dosya tanımlayıcılarının tükenmesinde, okunamayan `/etc/hosts` dosyasında, kum havuzu kısıtlamalarında.',
      pitfall: '`gai_strerror()` yalnızca "System error" der: `strerror(errno)` değerini de yazdırın. Windows\'ta tanımlı değildir.',
    },
  },
  {
    name: 'EAI_OVERFLOW', group: 'addrinfo-error', values: { linux: -12, macos: 14 },
    usage: { kind: 'addrinfo-error' }, related: ['NI_MAXHOST', 'NI_MAXSERV'], manPages: ['getnameinfo(3)'],
    en: {
      summary: 'getnameinfo(): a result buffer was too small',
      meaning: 'The host or service name did not fit in the buffer you passed.',
      when: 'Calling `getnameinfo()` with small buffers.',
      pitfall: 'Size buffers with `NI_MAXHOST` and `NI_MAXSERV`; Windows has no `EAI_OVERFLOW` and reports `WSAEFAULT` instead.',
    },
    tr: {
      summary: 'getnameinfo(): bir sonuç arabelleği küçük kaldı',
      meaning: 'Ana makine ya da servis adı verdiğiniz arabelleğe sığmadı.',
      when: '`getnameinfo()` küçük arabelleklerle çağrıldığında.',
      pitfall: 'Arabellekleri `NI_MAXHOST` ve `NI_MAXSERV` ile boyutlandırın; Windows\'ta `EAI_OVERFLOW` yoktur, onun yerine `WSAEFAULT` bildirilir.',
    },
  },
];

/**
 * describeError in the Turkish pass: the same engine errors as errorSentences.test.ts, each an exact
 * Turkish sentence from l10n/bundle.l10n.tr.json with none of the engine's English wording in it.
 */
import * as assert from 'node:assert/strict';
import { EngineError, type EngineErrorData } from '../../src/engine';
import { describeError } from '../../src/messages';
import { activate } from './commandsHelpers';
import {
  closeWorld,
  LONG_ABSTRACT,
  LONG_LABEL,
  LONG_NAME,
  LONG_PATH,
  openWorld,
  SOCKET_CASES,
  socketError,
  SPEC_CASES,
  specError,
  type SocketWorld,
} from './errorCases';

const TURKISH: Readonly<Record<string, string>> = {
  '': 'Adres boş: ŞEMA://ANAMAKİNE:PORT yazın, örneğin tcp://localhost:8080.',
  'localhost:80': "'localhost:80' adresinde şema yok: ŞEMA://ANAMAKİNE:PORT yazın, örneğin tcp://localhost:8080.",
  'tcp:localhost:80': "'tcp:localhost:80' adresinde şemadan sonra '://' gerekir: tcp://localhost:80 yazın.",
  'tcp://localhost:80#top': "'localhost:80#top' içinde beklenmeyen '#' var: yerine %23 yazın.",
  'tcp://localhost:80/path': "Porttan sonra beklenmeyen '/path': tcp:// adreslerinde yol olmaz.",
  'tcp:///tmp/a.sock': "Porttan sonra beklenmeyen '/tmp/a.sock': tcp:// adreslerinde yol olmaz. UNIX soketi için unix:///tmp/a.sock yazın.",
  'tcp://[::1]80': "']' işaretinden sonra beklenmeyen '80': portun önüne iki nokta koyun, örneğin [::1]:80.",
  'sctp://h:1': "Bilinmeyen şema 'sctp': tcp, tcp-listen, udp, udp-listen, unix, unix-listen, unix-dgram, unix-dgram-listen, tls, tls-listen kullanın; tcp4, tcp6, udp4 ve udp6 IP ailesini seçer.",
  'tcp://::1:80': "'::1:80' belirsiz: IPv6 adresini köşeli parantez içine alın, örneğin [::1]:80.",
  'tcp://[::1:80': "'[::1:80' ana makinesinde kapanış ']' işareti eksik: IPv6 adresini [::1] biçiminde yazın.",
  'tcp://[]:80': "'[]' ana makinesinde köşeli parantezlerin içi boş: içine bir IPv6 adresi yazın, örneğin [::1].",
  'tcp://[127.0.0.1]:80': "'[127.0.0.1]' ana makinesi köşeli parantez içinde, ama köşeli parantez yalnızca IPv6 adresleri içindir: parantezleri kaldırın.",
  'tcp://[::g]:80': "'[::g]' geçerli bir IPv6 adresi değil: ::1 ya da fe80::1%eth0 gibi bir adres yazın.",
  'tcp://[fe80::1%]:80': "'[fe80::1%]' ana makinesinde '%' işaretinden sonraki bölge boş: arayüzü yazın, örneğin fe80::1%eth0.",
  'tcp://[fe80::1%e!0]:80': "'[fe80::1%e!0]' ana makinesindeki 'e!0' bölgesi geçersiz: bir arayüz adı ya da numarası kullanın.",
  'tcp://256.1.1.1:80': "'256.1.1.1' geçerli bir IPv4 adresi değil: başında sıfır olmadan 0–255 arası dört sayı yazın, örneğin 127.0.0.1.",
  'tcp://0127:80': "'0127' ana makinesi 0 ile başlıyor: tamsayıyı baştaki sıfırlar olmadan ya da noktalı dörtlü biçimde yazın.",
  'tcp://4294967296:80': "'4294967296' ana makinesi aralık dışında: tamsayı biçimindeki bir ana makine 0–4294967295 arasında olur.",
  'tcp://xn--ü.de:80': "'xn--ü.de' geçerli bir uluslararası ana makine adı değil.",
  [`tcp://${LONG_NAME}:80`]: `'${LONG_NAME}' ana makine adı 256 karakter uzunluğunda; ana makine adları en fazla 253 karakter olabilir.`,
  'tcp://bad..name:80': "'bad..name' ana makine adında boş bir etiket var (art arda iki nokta ya da baştaki bir nokta).",
  [`tcp://${LONG_LABEL}:80`]: `'${LONG_LABEL}' ana makine adında 64 karakterlik bir etiket var; etiketler en fazla 63 karakter olabilir.`,
  'tcp://bad!.com:80': "'bad!.com' ana makine adında '!' karakteri var; ana makine adları bu karakteri içeremez.",
  'tcp://-bad.com:80': "'-bad.com' ana makine adındaki '-bad' etiketi '-' ile başlıyor ya da bitiyor.",
  'tcp://0x7f.1:80': "'0x7f.1' ana makinesi sayısal bir adrese benziyor: 127.0.0.1 gibi noktalı dörtlü ya da 2130706433 gibi bir tamsayı yazın.",
  'tcp6://127.0.0.1:80': "'127.0.0.1' bir IPv4 adresi, ama IPv6 istendi (family 6).",
  'build unix:// with a host': 'unix:// soketlerinde ana makine ve port olmaz, yol olur: unix:///tmp/a.sock yazın.',
  'tcp://<broadcast>:80': "'<broadcast>' UDP gerektirir: TCP yayın yapamaz.",
  'tcp://localhost': "'localhost' adresinde port yok: ANAMAKİNE:PORT yazın, örneğin localhost:8080.",
  'tcp://': "'tcp://' adresinde port yok: ANAMAKİNE:PORT yazın, örneğin localhost:8080.",
  'build tcp:// without a port': 'tcp:// bir port ister: ANAMAKİNE:PORT yazın, örneğin localhost:8080.',
  'tcp://localhost:': 'Port eksik: 0–65535 arası bir sayı ya da http gibi bir servis adı yazın.',
  'tcp://localhost:+80': "'+80' portunda işaret var: sayıyı işaretsiz yazın.",
  'tcp://localhost:8 0': "'8 0' portu ne 0–65535 arası bir sayı ne de bir servis adı.",
  'tcp://localhost:70000': '70000 portu 0–65535 aralığının dışında.',
  'udp://localhost:ssh': "Servis veritabanında 'ssh' adlı bir UDP servisi yok.",
  'tcp://localhost:0': 'Port 0 herhangi bir boş port demektir ve bunu yalnızca dinleyici kullanabilir: sunucunun portunu verin.',
  'target 127.0.0.1': "'127.0.0.1' adresinde port yok: ANAMAKİNE:PORT yazın, örneğin 127.0.0.1:9.",
  'target 127.0.0.1:0': "0 portu hedef olamaz: port 0 yalnızca bağlarken (bind) 'herhangi bir boş port' anlamına gelir. Karşı ucun portunu verin.",
  'unix://': 'UNIX soket yolu eksik: unix:///tmp/a.sock ya da soyut bir soket için unix://@ad yazın.',
  'unix:///tmp/a%00b': "'/tmp/a%00b' UNIX soket yolunda bir NUL baytı (%00) var: onu kaldırın.",
  'unix://tmp/a.sock': "'tmp/a.sock' UNIX soket yolu mutlak değil: unix:///tmp/a.sock (üç eğik çizgi) ya da soyut bir soket için unix://@ad yazın.",
  'unix:///tmp/%FF': "'/tmp/%FF' UNIX soket yolunda UTF-8 olmayan bir yüzde kaçışı var.",
  'unix://@name': "'@name' soyut soket adı Linux gerektirir: /tmp/a.sock gibi bir yol kullanın.",
  'unix://@': "'@' soyut soket adı boş: @ad yazın.",
  'build tcp:// with a path': 'tcp:// soketlerinde yol olmaz, ana makine ve port olur: tcp://ANAMAKİNE:PORT yazın.',
  [`unix://${LONG_PATH}`]: `'${LONG_PATH}' UNIX soket yolu 108 bayt uzunluğunda; sun_path içine en fazla 107 bayt sığar: daha kısa bir yol kullanın.`,
  [`unix-listen://${LONG_ABSTRACT}`]: `'${LONG_ABSTRACT}' soyut soket adı 108 bayt uzunluğunda; en fazla 107 bayt sığar: daha kısa bir ad kullanın.`,
  'tcp://localhost:80?name=web': "Bilinmeyen seçenek 'name': seçenekler şunlardır: family, reuseAddress, ipv6Only, broadcast, noDelay, keepAlive, keepAliveDelay, allowHalfOpen, ttl, multicast, multicastTtl, multicastLoopback, multicastInterface, timeout, backlog, framing, delimiter, length, lengthOffset, lengthAdjust, lengthIncludesHeader, size, prefix, removeStale, servername, alpn, ca, cert, key, minVersion, maxVersion, requestCert, insecure.",
  'udp://h:80?noDelay=1': "'noDelay' seçeneği udp:// için geçerli değil; geçerli olduğu şemalar: tcp://, tcp-listen://, tls://, tls-listen://.",
  'tcp-listen://:80?removeStale=1': "'removeStale' seçeneği tcp-listen:// için geçerli değil; geçerli olduğu şemalar: unix-listen://, unix-dgram-listen://.",
  'tcp://h:80?noDelay=maybe': "'noDelay' seçeneği 1/0, true/false, yes/no ya da on/off olmalı, 'maybe' değil.",
  'build noDelay: "yes"': "'noDelay' seçeneği true ya da false olmalı, 'yes' değil.",
  'udp://h:80?ttl=256': "'ttl' seçeneği 1–255 arası bir tamsayı olmalı, '256' değil.",
  'tcp://h:80?timeout=0': "'timeout' seçeneği 1–2147483647 arası tamsayı bir milisaniye değeri olmalı, '0' değil.",
  'tcp://h:80?family=5': "'family' seçeneği 4 ya da 6 olmalı, '5' değil.",
  'udp://h:9?multicastInterface=eth0': "'multicastInterface' seçeneği yerel bir arayüzün IP adresi olmalı (192.168.1.2 ya da ::%eth0 gibi), 'eth0' değil.",
  'udp://h:80?ttl=%FF': "'ttl' seçeneğinde UTF-8 olmayan bir yüzde kaçışı var: '%FF'.",
  'udp://h:80?ttl=4&TTL=5': "'ttl' seçeneği iki kez verilmiş: birini bırakın.",
  'udp-listen://:9?multicast=': "'multicast' seçeneği bir grup adresi ister, örneğin multicast=239.1.2.3.",
  'udp-listen://:9?multicast=239.1.2.3,': "'multicast' seçeneğinde boş bir grup adresi var: grupları tek virgülle ayırın.",
  'udp-listen://:9?multicast=10.0.0.1': "'multicast' seçeneğindeki '10.0.0.1' bir çok noktaya yayın adresi değil (224.0.0.0/4 ya da ff00::/8).",
  'udp-listen://:9?multicast=239.1.2.3,239.1.2.3': "'multicast' seçeneği '239.1.2.3' grubunu iki kez listeliyor.",
  'udp-listen://:9?multicast=ff02::1': "'multicast' seçeneğindeki 'ff02::1' IPv6, ama soket IPv4: udp6-listen:// yazın ya da bir IPv6 ana makinesine bağlayın.",
  'udp6-listen://:9?multicast=239.1.2.3': "'multicast' seçeneğindeki '239.1.2.3' IPv4, ama soket IPv6.",
  'udp-listen://name.example:9?multicast=239.1.2.3,ff02::1': "'multicast' seçeneğindeki 'ff02::1' IPv6, ama '239.1.2.3' IPv4: bir soket tek bir adres ailesi kullanır.",
  'tcp4://h:80?family=6': "'family' seçeneği 6, ama tcp4 şeması 4 ister: seçeneği kaldırın ya da şemayı değiştirin.",
  'tcp4-listen://:80?ipv6Only=1': "'ipv6Only' seçeneği IPv6 ister, ama adres IPv4 istiyor (family 4).",
  'tcp-listen://127.0.0.1:80?ipv6Only=1': "'ipv6Only' seçeneği bir IPv6 ana makinesi ister, ama '127.0.0.1' IPv4.",
  'udp-listen://<broadcast>:9?broadcast=0': "'broadcast' seçeneği kapalı, ama '<broadcast>' ana makinesi onu açar: broadcast=0 ifadesini kaldırın.",
  'tcp://h:80?keepAliveDelay=100': "'keepAliveDelay' seçeneği keepAlive=1 ister: onu ekleyin ya da keepAliveDelay seçeneğini kaldırın.",
  'tls://h:443?servername=': "'servername' seçeneği bir değer ister, örneğin servername=DEĞER.",
  'tls://h:443?servername=127.0.0.1': "'servername' seçeneği bir ana bilgisayar adı olmalı: SNI '127.0.0.1' IP adresini taşıyamaz. Adresle bağlanmak için seçeneği kaldırın.",
  'tls://h:443?alpn=h2,,x': "'alpn' seçeneğinde '' var: 1 ile 255 bayt arası protokol adlarını virgülle ayırarak verin, örneğin alpn=h2,http/1.1.",
  'tls://h:443?minVersion=TLSv1.4': "'minVersion' seçeneği TLSv1, TLSv1.1, TLSv1.2, TLSv1.3 değerlerinden biri olmalı, 'TLSv1.4' değil.",
  'tls://h:443?minVersion=TLSv1.3&maxVersion=TLSv1.2': "'minVersion' seçeneği TLSv1.3; bu, maxVersion TLSv1.2 değerinin üstünde: hiçbir TLS sürümü kalmaz.",
  'tls://h:443?cert=c.pem': "'cert' seçeneği key= seçeneğini de ister: sertifika ve özel anahtarı birlikte verilir.",
  'tcp://h:80?framing=lines': "'framing' seçeneği raw, line, delimiter, length, fixed değerlerinden biri olmalı, 'lines' değil.",
  'tcp://h:80?framing=delimiter&delimiter=0g': "'delimiter' seçeneği onaltılık rakamlarla yazılmış 1–64 bayt olmalı (ör. 0d0a); '0g' olamaz.",
  'udp://h:80?framing=line': "'framing' seçeneği udp:// için geçerli değil: datagramlar zaten mesajdır, her okuma bir mesaj; çerçevelemeye gerek yok.",
  'tcp://h:80?framing=line&size=4': "'size' seçeneği framing=fixed içindir, ama çerçeveleme line: framing=fixed ekleyin ya da size seçeneğini kaldırın.",
  'tcp://h:80?framing=length': 'framing=length seçeneği length=… ister: ekleyin.',
  "the panel's framing text noDelay=1": "'noDelay' bir çerçeveleme seçeneği değil: seçenekler şunlar: framing, delimiter, length, lengthOffset, lengthAdjust, lengthIncludesHeader, size, prefix.",
};

/** Sentences that name a temp path or a port are built from the case's world and error data. */
type Expected = string | ((world: SocketWorld, data: EngineErrorData) => string);

const TURKISH_RUNTIME: Readonly<Record<string, Expected>> = {
  'send from s999': "'s999' kimlikli bir soket yok.",
  'send from a server without connections': 'Sunucunun gönderim yapılacak açık bir bağlantısı yok: bir istemcinin bağlanmasını bekleyin.',
  'send to connection s2.9': "Bu sunucuda 's2.9' bağlantısı yok.",
  'half-close a server': 'Yarı kapatma bir bağlantı için geçerlidir, dinleyen bir sunucu için değil.',
  'STARTTLS on a server': 'STARTTLS bir tcp:// istemcisini yükseltir; bu bir TCP sunucusu.',
  'STARTTLS on a TLS client': 'Soket zaten TLS konuşuyor.',
  'reopen a listening server': 'Soketin durumu: dinliyor. Yeniden açmadan önce kapatın.',
  'reopen an accepted connection': 'Kabul edilmiş bir bağlantı yeniden açılamaz; karşı tarafın yeniden bağlanması gerekir.',
  'join a group on a TCP server': 'Çok noktaya yayın bir UDP soketi ister; bu bir TCP sunucusu.',
  'pause a UDP socket': 'Duraklatma akış bağlantıları için geçerlidir; bu bir UDP soketi.',
  'frame a UDP socket': 'Çerçeveleme akış soketleri içindir; bu bir UDP soketi, datagramları zaten mesajdır.',
  'a length prefix on UDP': 'Uzunluk öneki eklemek framing=length olan bir soket ister; bu soketinki framing=raw.',
  'a 256-byte payload with a u8 length prefix': '256 baytlık yük uzunluk alanına sığmıyor: alan en fazla 255 bayt alır.',
  'a frame over the maximum': '16777221 baytlık bir çerçeve en fazla 16777216 bayt sınırını aşıyor: sonraki çerçevenin nerede başladığı bilinmediğinden bağlantı sıfırlandı.',
  'send from UDP without a target': 'UDP soketinin varsayılan karşı ucu yok: bir hedef ana_makine:port verin.',
  'send from IPv4 UDP to [::1]:9': '[::1]:9 için IPv4 adresi yok; bu soket IPv4.',
  'half-close UDP': 'Yarı kapatma akış bağlantıları için geçerlidir, UDP soketleri için değil.',
  'connect timeout 0': 'Bağlantı zaman aşımı pozitif, tamsayı bir milisaniye değeri olmalı, 0 değil.',
  'transcript maxEntries 0': 'maxEntries döküm sınırı pozitif bir tamsayı olmalı, 0 değil.',
  'captureBytes above maxBytes': 'Döküm yakalama sınırı (2048 bayt) dökümün toplam bütçesinden (1024 bayt) büyük: captureBytes değerini düşürün ya da maxBytes değerini artırın.',
  'open unix-dgram': 'UNIX datagram soketleri Node.js ile oluşturulamaz; akış soketi için unix://, datagramlar için udp:// kullanın.',
  'listen on a regular file': (world) => `${world.directory}/plain.txt zaten var ve bir soket değil (EADDRINUSE).`,
  'listen where another listens': (world) => `${world.directory}/live.sock üzerinde başka bir süreç dinliyor (EADDRINUSE).`,
  'listen on a stale socket file': (world) => `${world.directory}/stale.sock bayat bir soket dosyası: onu dinleyen yok. Dosyayı silin ya da adresi ?removeStale=1 ile açın.`,
  'resolve a name that has no address': "'no-such-host.invalid' ana makinesi bulunamadı (ENOTFOUND).",
  'resolve an IPv4-only name as tcp6': "'v4only.example' ana makinesinin IPv6 adresi yok (ENOTFOUND).",
  'resolve a name that never answers': "'slow.example' ana makinesini çözümlemek 50 ms'den uzun sürdü (ETIMEDOUT).",
  'resolve a unix:// spec': 'unix:// soketlerinde çözümlenecek bir ana makine olmaz, yol olur.',
  'connect to a blackhole with timeout=300': (_world, data) => `127.0.0.1:${String(data.port)} adresine bağlanma 300 ms sonra zaman aşımına uğradı (ETIMEDOUT).`,
  'connect with a cancelled signal': 'Bağlantı kurma iptal edildi.',
  'record as pcap': "Bilinmeyen kayıt biçimi 'pcap': pcapng ya da jsonl kullanın.",
  'record twice': (world) => `Soket zaten ${world.directory}/first.pcapng dosyasına kaydediyor: önce o kaydı durdurun.`,
  'stop a recording that is not running': 'Soket kayıt yapmıyor.',
  'bind all interfaces, declined': 'tcp-listen://[::ffff:0.0.0.0]:0 açılmadı: ::ffff:0.0.0.0 adresine (tüm arayüzler) bağlanma onaylanmadı.',
  'an abstract name on a runtime that pads it':
    'Soyut UNIX soket adları (@ad) Node.js 22 ya da sonrasını gerektirir: bu eklenti ana bilgisayarı Node.js v20.19.0 (libuv 1.46.0) çalıştırıyor; bu sürüm adı NUL baytlarıyla doldurduğu için socat, Python ve diğer programlar sokete ulaşamazdı. /tmp/a.sock gibi bir yol ya da VS Code 1.101 veya sonrasını kullanın.',
  'a name that resolved to nothing': "'example.test' ana makinesi hiçbir adrese çözümlenmedi (ENOTFOUND).",
  'a write after the stream ended': 'Soket artık yazmaya açık değil.',
  'a close while waiting for room': 'Bir gönderim arabellekte yer beklerken soket kapandı.',
  'send from a closed server': 'Soket açık değil, durumu: kapalı.',
  'open on a disposed engine': 'Soket motoru kapandı; yeniden başlatmak için pencereyi yeniden yükleyin.',
};

/** English words that would give away an untranslated sentence (option names and values are fine). */
const ENGLISH_WORDS = /\b(the|is|are|has|have|must|needs|write|which|but|only|not|use|cannot|after|before|address|host|socket|option)\b/i;

/** Asserts a Turkish sentence: exact, and free of the engine's English message and of English words. */
function assertTurkish(sentence: string, expected: string, error: EngineError, shown: string, identifiers: readonly string[] = []): void {
  assert.equal(sentence, expected, shown);
  assert.ok(!sentence.includes(error.message), `${shown}: the Turkish sentence repeats the English engine message '${error.message}'`);
  // Quoted values (a host, a path, a value) are the user's own text; look for English outside them.
  let prose = sentence.replace(/'[^']*'/g, "''");
  for (const identifier of identifiers) {
    prose = prose.split(identifier).join('');
  }
  assert.doesNotMatch(prose, ENGLISH_WORDS, `${shown}: English wording in '${sentence}'`);
}

describe('describeError: Turkish sentences for every engine error reason', () => {
  before(async () => {
    // The Turkish bundle is bound to the extension when it activates.
    await activate();
  });

  it('has a Turkish sentence for every case', () => {
    assert.deepEqual(Object.keys(TURKISH).sort(), SPEC_CASES.map((item) => item.label).sort());
    assert.deepEqual(Object.keys(TURKISH_RUNTIME).sort(), SOCKET_CASES.map((item) => item.label).sort());
  });

  for (const item of SPEC_CASES) {
    it(`${JSON.stringify(item.label.length > 60 ? `${item.label.slice(0, 60)}…` : item.label)} (${item.reason})`, () => {
      const error = specError(item);
      assert.equal(error.data.reason, item.reason, error.message);
      assertTurkish(describeError(error), TURKISH[item.label], error, item.label);
    });
  }

  it('run-time refusals from a real engine on loopback, in Turkish', async function () {
    this.timeout(20_000);
    const world = await openWorld();
    try {
      for (const item of SOCKET_CASES) {
        const error = await socketError(item, world);
        assert.equal(error.data.reason, item.reason, `${item.label}: ${error.message}`);
        const expected = TURKISH_RUNTIME[item.label];
        const text = typeof expected === 'function' ? expected(world, error.data) : expected;
        assertTurkish(describeError(error), text, error, item.label, [world.directory]);
      }
    } finally {
      await closeWorld(world);
    }
  });

  it('an error whose reason this version does not know keeps a Turkish lead and the engine detail', () => {
    const future = new EngineError('SPEC_HOST', "host 'x' is from a newer engine", { reason: 'host-from-the-future', host: 'x' });
    assert.equal(describeError(future), "Ana makine geçersiz: host 'x' is from a newer engine");
  });
});

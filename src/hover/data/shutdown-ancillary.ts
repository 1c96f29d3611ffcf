// shutdown() "how" values and SCM_* control-message types (cmsg_type at level SOL_SOCKET, or
// SOL_CAN_J1939 for the J1939 ones). Values: Linux <sys/socket.h> and <bits/socket.h> (glibc),
// <asm-generic/socket.h>, <linux/can/j1939.h>; macOS <sys/socket.h> (XNU); Windows <winsock2.h>,
// where the shutdown values are spelled SD_RECEIVE/SD_SEND/SD_BOTH.
import type { ConstantEntry } from '../types';

export const SHUTDOWN: readonly ConstantEntry[] = [
  {
    name: 'SHUT_RD', group: 'shutdown', values: { linux: 0, macos: 0, windows: 0 }, spelling: { windows: 'SD_RECEIVE' },
    usage: { kind: 'shutdown' }, related: ['SHUT_WR', 'SHUT_RDWR'], manPages: ['shutdown(2)'],
    en: {
      summary: 'shutdown(): stop receiving',
      meaning: 'Further receives return end-of-file (0); nothing is sent to the peer.',
      when: 'Rarely useful; a process that wants to stop reading without closing the socket.',
      pitfall: 'TCP cannot tell the peer, so it may keep sending: Linux keeps acknowledging that data, while Windows (which spells it `SD_RECEIVE`) resets the connection when more data arrives.',
    },
    tr: {
      summary: 'shutdown(): almayı durdur',
      meaning: 'Sonraki alma çağrıları dosya sonu (0) döndürür; karşı tarafa hiçbir şey gönderilmez.',
      when: 'Nadiren işe yarar; soketi kapatmadan okumayı bırakmak isteyen süreçlerde.',
      pitfall: 'TCP bunu karşı tarafa bildiremez, karşı taraf göndermeyi sürdürebilir: Linux o veriyi onaylamayı sürdürür, Windows (bunu `SD_RECEIVE` diye yazar) ise yeni veri gelince bağlantıyı sıfırlar.',
    },
  },
  {
    name: 'SHUT_WR', group: 'shutdown', values: { linux: 1, macos: 1, windows: 1 }, spelling: { windows: 'SD_SEND' },
    usage: { kind: 'shutdown' }, related: ['SHUT_RD', 'SHUT_RDWR', 'SO_LINGER', 'EPIPE'], manPages: ['shutdown(2)'],
    en: {
      summary: 'shutdown(): send FIN, stop sending but keep receiving (half-close)',
      meaning: 'TCP sends a FIN after the queued data; the peer\'s `recv()` returns 0 (EOF) while you can still read its reply.',
      when: 'Request/response over a stream where the request ends at EOF (e.g. `nc -N`, HTTP/1.0 clients), and for a graceful close: shut down writing, read until 0, then `close()`.',
      pitfall: 'Unlike `close()`, it affects every process sharing the socket. A later `send()` fails with `EPIPE`. Windows spells it `SD_SEND`; in Node, `socket.end()` does this when `allowHalfOpen` is set.',
    },
    tr: {
      summary: 'shutdown(): FIN gönder, göndermeyi bırak ama almayı sürdür (yarı kapatma)',
      meaning: 'TCP kuyruktaki veriden sonra FIN gönderir; karşı tarafın `recv()` çağrısı 0 (dosya sonu) döner, siz ise yanıtını okumaya devam edebilirsiniz.',
      when: 'İsteğin dosya sonuyla bittiği akış protokollerinde (ör. `nc -N`, HTTP/1.0 istemcileri) ve düzgün kapanış için: yazmayı kapatın, 0 gelene kadar okuyun, sonra `close()`.',
      pitfall: '`close()` çağrısından farklı olarak soketi paylaşan tüm süreçleri etkiler. Sonraki `send()` `EPIPE` ile başarısız olur. Windows bunu `SD_SEND` diye yazar; Node\'da `allowHalfOpen` açıkken `socket.end()` bunu yapar.',
    },
  },
  {
    name: 'SHUT_RDWR', group: 'shutdown', values: { linux: 2, macos: 2, windows: 2 }, spelling: { windows: 'SD_BOTH' },
    usage: { kind: 'shutdown' }, related: ['SHUT_RD', 'SHUT_WR'], manPages: ['shutdown(2)'],
    en: {
      summary: 'shutdown(): stop both sending and receiving',
      meaning: 'Sends FIN and makes further receives return EOF, without releasing the descriptor.',
      when: 'Waking up another thread blocked in `recv()`/`accept()` on the same socket before closing it.',
      pitfall: 'It does not free the descriptor: you still need `close()`. Windows spells it `SD_BOTH`.',
    },
    tr: {
      summary: 'shutdown(): hem göndermeyi hem almayı durdur',
      meaning: 'FIN gönderir ve sonraki almaların dosya sonu döndürmesini sağlar; tanımlayıcıyı serbest bırakmaz.',
      when: 'Soketi kapatmadan önce aynı sokette `recv()`/`accept()` içinde bekleyen başka bir iş parçacığını uyandırmak için.',
      pitfall: 'Tanımlayıcıyı serbest bırakmaz: yine `close()` gerekir. Windows bunu `SD_BOTH` diye yazar.',
    },
  },
];

export const ANCILLARY: readonly ConstantEntry[] = [
  {
    name: 'SCM_RIGHTS', group: 'ancillary', values: { linux: 1, macos: 1 },
    usage: { kind: 'ancillary', level: 'SOL_SOCKET', direction: 'both' },
    related: ['AF_UNIX', 'MSG_CTRUNC', 'MSG_CMSG_CLOEXEC', 'SCM_CREDENTIALS'], manPages: ['unix(7)', 'cmsg(3)'],
    en: {
      summary: 'Pass open file descriptors over a Unix socket',
      meaning: 'A control message whose data is an array of `int` descriptors; the receiver gets new descriptors referring to the same open files or sockets.',
      when: 'Handing accepted connections to worker processes, privilege separation, systemd/sd_notify style fd stores, Wayland.',
      pitfall: 'At least one byte of normal data must be sent with it. If the receiver\'s control buffer is too small the extra descriptors are closed (`MSG_CTRUNC`), and descriptors received but never closed leak. Not available on Windows.',
    },
    tr: {
      summary: 'Açık dosya tanımlayıcılarını Unix soketi üzerinden aktar',
      meaning: 'Verisi bir `int` tanımlayıcı dizisi olan denetim mesajı; alıcı aynı açık dosya ya da soketlere işaret eden yeni tanımlayıcılar alır.',
      when: 'Kabul edilen bağlantıları işçi süreçlere vermek, yetki ayrımı, systemd/sd_notify tarzı fd depoları, Wayland.',
      pitfall: 'Yanında en az bir bayt normal veri gönderilmelidir. Alıcının denetim arabelleği küçükse fazla tanımlayıcılar kapatılır (`MSG_CTRUNC`); alınıp hiç kapatılmayan tanımlayıcılar sızar. Windows\'ta yoktur.',
    },
  },
  {
    name: 'SCM_CREDENTIALS', group: 'ancillary', values: { linux: 2 },
    usage: { kind: 'ancillary', level: 'SOL_SOCKET', direction: 'both' },
    related: ['SO_PASSCRED', 'SO_PEERCRED', 'SCM_RIGHTS'], manPages: ['unix(7)'],
    en: {
      summary: 'Sender credentials (struct ucred) as ancillary data (Linux)',
      meaning: 'Carries the sender\'s pid, uid and gid; the kernel checks them, so a process can only claim its own ids unless privileged.',
      when: 'Authenticating senders on datagram Unix sockets; the receiver must enable `SO_PASSCRED`.',
      pitfall: 'Without `SO_PASSCRED` on the receiver nothing arrives. macOS and the BSDs use `SCM_CREDS` with a different struct.',
    },
    tr: {
      summary: 'Yardımcı veri olarak gönderenin kimlik bilgileri (struct ucred) (Linux)',
      meaning: 'Gönderenin pid, uid ve gid bilgisini taşır; çekirdek bunları denetler, yetkisiz süreç yalnızca kendi kimliklerini bildirebilir.',
      when: 'Datagram Unix soketlerinde göndericileri doğrularken; alıcı `SO_PASSCRED` açmalıdır.',
      pitfall: 'Alıcıda `SO_PASSCRED` yoksa hiçbir şey gelmez. macOS ve BSD\'ler farklı bir yapıyla `SCM_CREDS` kullanır.',
    },
  },
  {
    name: 'SCM_TIMESTAMP', group: 'ancillary', values: { linux: 29, macos: 2 }, notInPython: true,
    valueNote: 'Linux: SCM_TIMESTAMP is defined as SO_TIMESTAMP (SO_TIMESTAMP_OLD, 29, on 64-bit).',
    usage: { kind: 'ancillary', level: 'SOL_SOCKET', direction: 'receive' },
    related: ['SO_TIMESTAMP', 'SCM_TIMESTAMPNS'], manPages: ['socket(7)'],
    en: {
      summary: 'Arrival time of a packet (struct timeval) as ancillary data',
      meaning: 'The control message delivered by `recvmsg()` when `SO_TIMESTAMP` is on.',
      when: 'Reading per-packet receive times in latency measurements.',
      pitfall: 'It shares its number with `SO_TIMESTAMP` on Linux; on 32-bit systems with 64-bit `time_t` the layout changes (`SO_TIMESTAMP_NEW`).',
    },
    tr: {
      summary: 'Yardımcı veri olarak paketin varış zamanı (struct timeval)',
      meaning: '`SO_TIMESTAMP` açıkken `recvmsg()` ile teslim edilen denetim mesajı.',
      when: 'Gecikme ölçümlerinde paket başına alma zamanlarını okurken.',
      pitfall: 'Linux\'ta `SO_TIMESTAMP` ile aynı sayıyı paylaşır; 64 bit `time_t` kullanan 32 bit sistemlerde düzen değişir (`SO_TIMESTAMP_NEW`).',
    },
  },
  {
    name: 'SCM_TIMESTAMPNS', group: 'ancillary', values: { linux: 35 }, notInPython: true,
    usage: { kind: 'ancillary', level: 'SOL_SOCKET', direction: 'receive' },
    related: ['SO_TIMESTAMPNS', 'SCM_TIMESTAMP'], manPages: ['socket(7)'],
    en: {
      summary: 'Arrival time of a packet (struct timespec) as ancillary data',
      meaning: 'The nanosecond-resolution control message delivered when `SO_TIMESTAMPNS` is on.',
      when: 'Precise per-packet timing on Linux.',
      pitfall: 'Linux only; the number equals `SO_TIMESTAMPNS`.',
    },
    tr: {
      summary: 'Yardımcı veri olarak paketin varış zamanı (struct timespec)',
      meaning: '`SO_TIMESTAMPNS` açıkken teslim edilen nanosaniye çözünürlüklü denetim mesajı.',
      when: 'Linux\'ta paket başına hassas zamanlama için.',
      pitfall: 'Yalnızca Linux\'ta vardır; sayı `SO_TIMESTAMPNS` ile aynıdır.',
    },
  },
  {
    name: 'SCM_J1939_DEST_ADDR', group: 'ancillary', values: { linux: 1 },
    usage: { kind: 'ancillary', level: 'SOL_CAN_J1939', direction: 'receive' },
    related: ['SCM_J1939_DEST_NAME', 'SCM_J1939_PRIO', 'AF_CAN'], manPages: ['address_families(7)'],
    en: {
      summary: 'J1939: destination address of a received message',
      meaning: 'A one-byte control message telling which J1939 address the message was sent to.',
      when: 'Receivers bound to several addresses, or in promiscuous mode, that must know the target.',
      pitfall: 'Arrives only through `recvmsg()` at level `SOL_CAN_J1939`.',
    },
    tr: {
      summary: 'J1939: alınan mesajın hedef adresi',
      meaning: 'Mesajın hangi J1939 adresine gönderildiğini söyleyen tek baytlık denetim mesajı.',
      when: 'Birden çok adrese bağlı ya da karışık kipteki, hedefi bilmesi gereken alıcılarda.',
      pitfall: 'Yalnızca `SOL_CAN_J1939` düzeyinde `recvmsg()` ile gelir.',
    },
  },
  {
    name: 'SCM_J1939_DEST_NAME', group: 'ancillary', values: { linux: 2 },
    usage: { kind: 'ancillary', level: 'SOL_CAN_J1939', direction: 'receive' },
    related: ['SCM_J1939_DEST_ADDR', 'AF_CAN'], manPages: ['address_families(7)'],
    en: {
      summary: 'J1939: 64-bit NAME of the destination',
      meaning: 'A control message with the destination\'s J1939 NAME when address claiming resolved it.',
      when: 'Applications that identify ECUs by NAME rather than by the dynamic address.',
      pitfall: 'Only present when the destination NAME is known to the kernel.',
    },
    tr: {
      summary: 'J1939: hedefin 64 bitlik NAME değeri',
      meaning: 'Adres talebi (address claiming) onu çözdüğünde hedefin J1939 NAME değerini içeren denetim mesajı.',
      when: 'ECU\'ları değişken adres yerine NAME ile tanıyan uygulamalarda.',
      pitfall: 'Yalnızca hedefin NAME değeri çekirdekçe biliniyorsa bulunur.',
    },
  },
  {
    name: 'SCM_J1939_PRIO', group: 'ancillary', values: { linux: 3 },
    usage: { kind: 'ancillary', level: 'SOL_CAN_J1939', direction: 'receive' },
    related: ['SO_J1939_SEND_PRIO', 'SCM_J1939_DEST_ADDR'], manPages: ['address_families(7)'],
    en: {
      summary: 'J1939: priority of a received message',
      meaning: 'A one-byte control message with the priority (0–7) found in the CAN id.',
      when: 'Loggers and gateways that must preserve priorities.',
      pitfall: 'Only via `recvmsg()`; lower numbers mean higher priority.',
    },
    tr: {
      summary: 'J1939: alınan mesajın önceliği',
      meaning: 'CAN kimliğindeki önceliği (0–7) içeren tek baytlık denetim mesajı.',
      when: 'Öncelikleri koruması gereken kaydedicilerde ve ağ geçitlerinde.',
      pitfall: 'Yalnızca `recvmsg()` ile gelir; küçük sayı yüksek öncelik demektir.',
    },
  },
  {
    name: 'SCM_J1939_ERRQUEUE', group: 'ancillary', values: { linux: 4 },
    usage: { kind: 'ancillary', level: 'SOL_CAN_J1939', direction: 'receive' },
    related: ['SO_J1939_ERRQUEUE', 'MSG_ERRQUEUE'], manPages: ['address_families(7)'],
    en: {
      summary: 'J1939: transmit status from the error queue',
      meaning: 'Control message type of the status records (session progress, completion, abort) read with `MSG_ERRQUEUE`.',
      when: 'After enabling `SO_J1939_ERRQUEUE`, to track large transfers.',
      pitfall: 'Read the error queue regularly or status records are dropped.',
    },
    tr: {
      summary: 'J1939: hata kuyruğundan gönderim durumu',
      meaning: '`MSG_ERRQUEUE` ile okunan durum kayıtlarının (oturum ilerlemesi, tamamlanma, iptal) denetim mesajı türü.',
      when: 'Büyük aktarımları izlemek için `SO_J1939_ERRQUEUE` açıldıktan sonra.',
      pitfall: 'Hata kuyruğunu düzenli okuyun, yoksa durum kayıtları atılır.',
    },
  },
];

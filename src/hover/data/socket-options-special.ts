// Options of two special Linux families that Python exports: AF_VSOCK (level AF_VSOCK) and
// SocketCAN J1939 (level SOL_CAN_J1939). Values: Linux <linux/vm_sockets.h>, <linux/can.h>,
// <linux/can/j1939.h>. Neither exists on Windows; macOS has only the VM-socket constants' own header.
import type { ConstantEntry } from '../types';

const J1939 = 'SOL_CAN_J1939';

export const SPECIAL_SOCKET_OPTIONS: readonly ConstantEntry[] = [
  {
    name: 'SO_VM_SOCKETS_BUFFER_SIZE', group: 'socket-option', values: { linux: 0 },
    usage: { kind: 'option', level: 'AF_VSOCK', value: { kind: 'u64', sample: 262144 }, access: 'both' },
    related: ['SO_VM_SOCKETS_BUFFER_MIN_SIZE', 'SO_VM_SOCKETS_BUFFER_MAX_SIZE', 'AF_VSOCK'], manPages: ['vsock(7)'],
    en: {
      summary: 'Buffer size of a VM socket connection',
      meaning: 'The receive buffer of an `AF_VSOCK` stream socket; the option level is `AF_VSOCK` itself and the value is a 64-bit integer.',
      when: 'Raising throughput of host↔guest streams (the default is 256 KiB).',
      pitfall: 'The value is clamped to the min/max options, so raise `SO_VM_SOCKETS_BUFFER_MAX_SIZE` first. Passing a 4-byte `int` fails with `EINVAL`: use an unsigned 64-bit value.',
    },
    tr: {
      summary: 'VM soketi bağlantısının arabellek boyutu',
      meaning: 'Bir `AF_VSOCK` akış soketinin alma arabelleği; seçenek düzeyi `AF_VSOCK`\'un kendisidir ve değer 64 bitlik bir tamsayıdır.',
      when: 'Ana makine↔misafir akışlarının verimini artırmak için (varsayılan 256 KiB).',
      pitfall: 'Değer en az/en çok seçenekleriyle sınırlanır, önce `SO_VM_SOCKETS_BUFFER_MAX_SIZE` değerini yükseltin. 4 baytlık `int` vermek `EINVAL` verir: işaretsiz 64 bitlik değer kullanın.',
    },
  },
  {
    name: 'SO_VM_SOCKETS_BUFFER_MIN_SIZE', group: 'socket-option', values: { linux: 1 },
    usage: { kind: 'option', level: 'AF_VSOCK', value: { kind: 'u64', sample: 4096 }, access: 'both' },
    related: ['SO_VM_SOCKETS_BUFFER_SIZE', 'SO_VM_SOCKETS_BUFFER_MAX_SIZE', 'AF_VSOCK'], manPages: ['vsock(7)'],
    en: {
      summary: 'Lower bound for the VM socket buffer size',
      meaning: 'The smallest value `SO_VM_SOCKETS_BUFFER_SIZE` may take; smaller requests are raised to it.',
      when: 'Rarely; to guarantee a minimum buffer when other code shrinks it.',
      pitfall: 'Changing the bound also re-clamps the current buffer size. The value is 64-bit.',
    },
    tr: {
      summary: 'VM soketi arabellek boyutunun alt sınırı',
      meaning: '`SO_VM_SOCKETS_BUFFER_SIZE` değerinin alabileceği en küçük değer; daha küçük istekler buna yükseltilir.',
      when: 'Nadiren; başka kod arabelleği küçülttüğünde en az bir boyutu garanti etmek için.',
      pitfall: 'Sınırı değiştirmek geçerli arabellek boyutunu da yeniden sınırlar. Değer 64 bittir.',
    },
  },
  {
    name: 'SO_VM_SOCKETS_BUFFER_MAX_SIZE', group: 'socket-option', values: { linux: 2 },
    usage: { kind: 'option', level: 'AF_VSOCK', value: { kind: 'u64', sample: 1048576 }, access: 'both' },
    related: ['SO_VM_SOCKETS_BUFFER_SIZE', 'SO_VM_SOCKETS_BUFFER_MIN_SIZE', 'AF_VSOCK'], manPages: ['vsock(7)'],
    en: {
      summary: 'Upper bound for the VM socket buffer size',
      meaning: 'The largest value `SO_VM_SOCKETS_BUFFER_SIZE` may take (default 256 KiB).',
      when: 'Before raising the buffer size for high-throughput host↔guest transfers.',
      pitfall: 'Setting only `SO_VM_SOCKETS_BUFFER_SIZE` above this bound silently clamps it; set this one first.',
    },
    tr: {
      summary: 'VM soketi arabellek boyutunun üst sınırı',
      meaning: '`SO_VM_SOCKETS_BUFFER_SIZE` değerinin alabileceği en büyük değer (varsayılan 256 KiB).',
      when: 'Yüksek hacimli ana makine↔misafir aktarımları için arabelleği büyütmeden önce.',
      pitfall: 'Yalnızca `SO_VM_SOCKETS_BUFFER_SIZE` değerini bu sınırın üstüne vermek onu sessizce sınırlar; önce bunu verin.',
    },
  },
  {
    name: 'SOL_CAN_J1939', group: 'level', values: { linux: 107 }, notInPython: true,
    usage: { kind: 'level', sampleOption: 'SO_J1939_PROMISC' }, related: ['SOL_CAN_BASE', 'AF_CAN', 'SO_J1939_FILTER'],
    manPages: ['address_families(7)'],
    en: {
      summary: 'Option level of SocketCAN J1939 sockets',
      meaning: 'Level for the `SO_J1939_*` options and `SCM_J1939_*` control messages; equal to `SOL_CAN_BASE + CAN_J1939`.',
      when: 'Configuring J1939 (truck, agricultural and marine CAN) sockets.',
      pitfall: 'Python does not export it: compute `socket.SOL_CAN_BASE + socket.CAN_J1939`.',
    },
    tr: {
      summary: 'SocketCAN J1939 soketlerinin seçenek düzeyi',
      meaning: '`SO_J1939_*` seçenekleri ve `SCM_J1939_*` denetim mesajları için düzey; `SOL_CAN_BASE + CAN_J1939` değerine eşittir.',
      when: 'J1939 (kamyon, tarım ve denizcilik CAN) soketlerini yapılandırırken.',
      pitfall: 'Python dışa aktarmaz: `socket.SOL_CAN_BASE + socket.CAN_J1939` ile hesaplayın.',
    },
  },
  {
    name: 'SO_J1939_FILTER', group: 'socket-option', values: { linux: 1 },
    usage: { kind: 'option', level: J1939, value: { kind: 'struct', struct: 'j1939_filter' }, access: 'set' },
    related: ['SO_J1939_PROMISC', 'SOL_CAN_J1939', 'AF_CAN'], manPages: ['address_families(7)'],
    en: {
      summary: 'Receive filter for J1939 sockets',
      meaning: 'An array of `struct j1939_filter` (name, address and PGN with masks); only matching messages are delivered.',
      when: 'Applications that care about a few parameter groups on a busy vehicle bus.',
      pitfall: 'An empty filter list means "receive everything"; at most 512 filters are accepted.',
    },
    tr: {
      summary: 'J1939 soketleri için alma süzgeci',
      meaning: 'Bir `struct j1939_filter` dizisi (maskeleriyle ad, adres ve PGN); yalnızca eşleşen mesajlar teslim edilir.',
      when: 'Yoğun bir araç hattında yalnızca birkaç parametre grubuyla ilgilenen uygulamalarda.',
      pitfall: 'Boş süzgeç listesi "her şeyi al" demektir; en çok 512 süzgeç kabul edilir.',
    },
  },
  {
    name: 'SO_J1939_PROMISC', group: 'socket-option', values: { linux: 2 },
    usage: { kind: 'option', level: J1939, value: { kind: 'bool' }, access: 'both' },
    related: ['SO_J1939_FILTER', 'SOL_CAN_J1939'], manPages: ['address_families(7)'],
    en: {
      summary: 'Receive all J1939 traffic, not only messages for this socket',
      meaning: 'Promiscuous mode: delivers messages addressed to other ECUs as well.',
      when: 'Bus monitors and loggers (`j1939cat`, `jcat`).',
      pitfall: 'Needs the socket bound to the interface; with heavy traffic the receive queue overflows quickly.',
    },
    tr: {
      summary: 'Yalnızca bu soketin mesajlarını değil, tüm J1939 trafiğini al',
      meaning: 'Karışık kip (promiscuous): başka ECU\'lara gönderilen mesajları da teslim eder.',
      when: 'Hat izleyicilerinde ve kaydedicilerde (`j1939cat`, `jcat`).',
      pitfall: 'Soketin arayüze bağlanmış olması gerekir; yoğun trafikte alma kuyruğu çabuk taşar.',
    },
  },
  {
    name: 'SO_J1939_SEND_PRIO', group: 'socket-option', values: { linux: 3 },
    usage: { kind: 'option', level: J1939, value: { kind: 'int', sample: 6 }, access: 'both' },
    related: ['SCM_J1939_PRIO', 'SOL_CAN_J1939'], manPages: ['address_families(7)'],
    en: {
      summary: 'Default J1939 priority of sent messages',
      meaning: 'Priority 0 (highest) to 7 (lowest) placed in the CAN id of outgoing messages; the default is 6.',
      when: 'Sending control messages that must win bus arbitration.',
      pitfall: 'Priorities 0 and 1 need `CAP_NET_ADMIN`.',
    },
    tr: {
      summary: 'Gönderilen mesajların varsayılan J1939 önceliği',
      meaning: 'Giden mesajların CAN kimliğine yazılan 0 (en yüksek) ile 7 (en düşük) arası öncelik; varsayılan 6\'dır.',
      when: 'Hat tahkimini kazanması gereken denetim mesajları gönderirken.',
      pitfall: '0 ve 1 öncelikleri `CAP_NET_ADMIN` ister.',
    },
  },
  {
    name: 'SO_J1939_ERRQUEUE', group: 'socket-option', values: { linux: 4 },
    usage: { kind: 'option', level: J1939, value: { kind: 'bool' }, access: 'both' },
    related: ['SCM_J1939_ERRQUEUE', 'MSG_ERRQUEUE', 'SOL_CAN_J1939'], manPages: ['address_families(7)'],
    en: {
      summary: 'Report J1939 transmit status on the error queue',
      meaning: 'Progress and completion of multi-packet transfers are queued as `SCM_J1939_ERRQUEUE` messages, read with `recvmsg(…, MSG_ERRQUEUE)`.',
      when: 'Senders of large (transport protocol) J1939 messages that need to know when delivery finished or was aborted.',
      pitfall: 'If you enable it but never read the error queue, it fills up and status is lost.',
    },
    tr: {
      summary: 'J1939 gönderim durumunu hata kuyruğunda bildir',
      meaning: 'Çok paketli aktarımların ilerleme ve tamamlanma bilgisi `SCM_J1939_ERRQUEUE` mesajları olarak kuyruğa alınır, `recvmsg(…, MSG_ERRQUEUE)` ile okunur.',
      when: 'Teslimin ne zaman bittiğini ya da iptal edildiğini bilmesi gereken büyük (taşıma protokollü) J1939 mesajı göndericilerinde.',
      pitfall: 'Açıp hata kuyruğunu hiç okumazsanız kuyruk dolar ve durum bilgisi kaybolur.',
    },
  },
];

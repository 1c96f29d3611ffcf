// Legacy and reserved address families (socket() domain).
// Values: Linux <bits/socket.h> (glibc); macOS <sys/socket.h> (XNU); Windows <ws2def.h>.
// Several of these are reserved numbers whose kernel code was removed or never merged: the texts say so.
import type { ConstantEntry } from '../types';

export const LEGACY_FAMILIES: readonly ConstantEntry[] = [
  {
    name: 'AF_X25', group: 'family', values: { linux: 9 },
    usage: { kind: 'socket-domain' }, related: ['PF_X25', 'SOCK_SEQPACKET', 'AF_ROSE'], manPages: ['x25(7)'],
    en: {
      summary: 'ITU-T X.25 packet layer protocol',
      meaning: 'Connection-oriented X.25 virtual calls over LAPB or X.25-over-Ethernet devices, as `SOCK_SEQPACKET` sockets with `struct sockaddr_x25` (an X.121 address).',
      when: 'Legacy packet-switched networks (old banking and telecom links); almost never in new work.',
      pitfall: 'Needs the `x25` kernel module and an X.25-capable interface; most distribution kernels ship it unconfigured, so `socket()` returns `EAFNOSUPPORT`.',
    },
    tr: {
      summary: 'ITU-T X.25 paket katmanı protokolü',
      meaning: 'LAPB ya da Ethernet üzerinden X.25 aygıtları üzerinde bağlantılı X.25 sanal çağrıları; `struct sockaddr_x25` (X.121 adresi) kullanan `SOCK_SEQPACKET` soketler.',
      when: 'Eski paket anahtarlamalı ağlarda (eski bankacılık ve telekom hatları); yeni işlerde neredeyse hiç.',
      pitfall: '`x25` çekirdek modülü ve X.25 destekli bir arayüz gerekir; dağıtım çekirdeklerinin çoğunda yapılandırılmamıştır, `socket()` `EAFNOSUPPORT` döner.',
    },
  },
  {
    name: 'AF_AX25', group: 'family', values: { linux: 3 },
    usage: { kind: 'socket-domain' }, related: ['PF_AX25', 'AF_NETROM', 'AF_ROSE'], manPages: ['address_families(7)'],
    en: {
      summary: 'Amateur radio AX.25',
      meaning: 'The AX.25 link protocol used by packet radio; addresses are call signs (`struct sockaddr_ax25`).',
      when: 'Ham radio packet stations, APRS tools and the Linux ax25-tools suite.',
      pitfall: 'Call signs are stored shifted left by one bit (`ax25_address`), not as plain text; use `ax25_aton()` from libax25. Needs the `ax25` module and a KISS-attached port.',
    },
    tr: {
      summary: 'Amatör telsiz AX.25',
      meaning: 'Paket telsizin kullandığı AX.25 bağlantı protokolü; adresler çağrı işaretleridir (`struct sockaddr_ax25`).',
      when: 'Amatör telsiz paket istasyonlarında, APRS araçlarında ve Linux ax25-tools paketinde.',
      pitfall: 'Çağrı işaretleri düz metin değil, birer bit sola kaydırılmış olarak saklanır (`ax25_address`); libax25\'teki `ax25_aton()` işlevini kullanın. `ax25` modülü ve KISS ile bağlı bir port gerekir.',
    },
  },
  {
    name: 'AF_NETROM', group: 'family', values: { linux: 6 },
    usage: { kind: 'socket-domain' }, related: ['PF_NETROM', 'AF_AX25', 'AF_ROSE'], manPages: ['address_families(7)'],
    en: {
      summary: 'Amateur radio NET/ROM',
      meaning: 'The NET/ROM network layer that routes between AX.25 packet-radio nodes.',
      when: 'Packet-radio node networks on top of AX.25.',
      pitfall: 'Only works with configured AX.25 ports and `nrattach`; the kernel code is old and little maintained.',
    },
    tr: {
      summary: 'Amatör telsiz NET/ROM',
      meaning: 'AX.25 paket telsiz düğümleri arasında yönlendirme yapan NET/ROM ağ katmanı.',
      when: 'AX.25 üzerine kurulu paket telsiz düğüm ağlarında.',
      pitfall: 'Yalnızca yapılandırılmış AX.25 portları ve `nrattach` ile çalışır; çekirdek kodu eski ve az bakılmaktadır.',
    },
  },
  {
    name: 'AF_ROSE', group: 'family', values: { linux: 11 },
    usage: { kind: 'socket-domain' }, related: ['PF_ROSE', 'AF_AX25', 'AF_X25'], manPages: ['address_families(7)'],
    en: {
      summary: 'Amateur radio ROSE (X.25 over packet radio)',
      meaning: 'The ROSE packet layer: X.25-style virtual calls between packet-radio switches, addressed by a 10-digit ROSE address plus call sign.',
      when: 'ROSE packet-radio networks.',
      pitfall: 'Needs AX.25 ports and ROSE routing set up with `rsattach`; outside ham radio it is not available.',
    },
    tr: {
      summary: 'Amatör telsiz ROSE (paket telsiz üzerinde X.25)',
      meaning: 'ROSE paket katmanı: paket telsiz anahtarları arasında X.25 tarzı sanal çağrılar; adres 10 haneli ROSE adresi ve çağrı işaretidir.',
      when: 'ROSE paket telsiz ağlarında.',
      pitfall: 'AX.25 portları ve `rsattach` ile ROSE yönlendirmesi kurulmuş olmalıdır; amatör telsiz dışında kullanılamaz.',
    },
  },
  {
    name: 'AF_IPX', group: 'family', values: { linux: 4, macos: 23, windows: 6 },
    usage: { kind: 'socket-domain' }, related: ['PF_IPX'], manPages: ['address_families(7)'],
    en: {
      summary: 'Novell IPX (obsolete)',
      meaning: 'Internetwork Packet Exchange, the NetWare network protocol.',
      when: 'Only for very old NetWare software or games.',
      pitfall: 'Removed from mainline Linux in 2018, so `socket()` fails with `EAFNOSUPPORT`; the number also differs per OS (Linux 4, macOS 23, Windows 6).',
    },
    tr: {
      summary: 'Novell IPX (eskimiş)',
      meaning: 'NetWare\'in ağ protokolü Internetwork Packet Exchange.',
      when: 'Yalnızca çok eski NetWare yazılımları ya da oyunlar için.',
      pitfall: '2018\'de ana Linux çekirdeğinden kaldırıldı; `socket()` `EAFNOSUPPORT` döner. Sayı da sisteme göre değişir (Linux 4, macOS 23, Windows 6).',
    },
  },
  {
    name: 'AF_APPLETALK', group: 'family', values: { linux: 5, macos: 16, windows: 16 },
    usage: { kind: 'socket-domain' }, related: ['PF_APPLETALK'], manPages: ['ddp(7)'],
    en: {
      summary: 'AppleTalk DDP (obsolete)',
      meaning: 'Datagram Delivery Protocol of the AppleTalk suite, as `SOCK_DGRAM` sockets with `struct sockaddr_at`.',
      when: 'Netatalk talking to classic Mac OS machines or old printers.',
      pitfall: 'macOS itself dropped AppleTalk in 10.6; the value is 5 on Linux but 16 on macOS and Windows.',
    },
    tr: {
      summary: 'AppleTalk DDP (eskimiş)',
      meaning: 'AppleTalk ailesinin Datagram Delivery Protocol\'ü; `struct sockaddr_at` kullanan `SOCK_DGRAM` soketler.',
      when: 'Netatalk\'ın klasik Mac OS makineleri ya da eski yazıcılarla konuşması için.',
      pitfall: 'macOS AppleTalk\'ı 10.6\'da kaldırdı; değer Linux\'ta 5, macOS ve Windows\'ta 16\'dır.',
    },
  },
  {
    name: 'AF_BRIDGE', group: 'family', values: { linux: 7 },
    usage: { kind: 'socket-domain' }, related: ['PF_BRIDGE', 'AF_NETLINK'], manPages: ['rtnetlink(7)'],
    en: {
      summary: 'Linux bridge family tag in rtnetlink messages',
      meaning: 'Marks bridge (FDB, VLAN, port) objects in rtnetlink messages, as in `ndm_family = AF_BRIDGE`.',
      when: 'Reading or changing bridge forwarding entries over `AF_NETLINK`, the way `bridge fdb` does.',
      pitfall: 'It is not a socket family you can open: `socket(AF_BRIDGE, …)` fails with `EAFNOSUPPORT`.',
    },
    tr: {
      summary: 'rtnetlink mesajlarında Linux köprü (bridge) ailesi etiketi',
      meaning: 'rtnetlink mesajlarında köprü nesnelerini (FDB, VLAN, port) işaretler, örneğin `ndm_family = AF_BRIDGE`.',
      when: '`AF_NETLINK` üzerinden köprü iletim kayıtlarını `bridge fdb` gibi okurken ya da değiştirirken.',
      pitfall: 'Açılabilen bir soket ailesi değildir: `socket(AF_BRIDGE, …)` `EAFNOSUPPORT` döner.',
    },
  },
  {
    name: 'AF_ATMPVC', group: 'family', values: { linux: 8 },
    usage: { kind: 'socket-domain' }, related: ['PF_ATMPVC', 'AF_ATMSVC'], manPages: ['address_families(7)'],
    en: {
      summary: 'ATM permanent virtual circuits',
      meaning: 'Sockets on a pre-provisioned ATM circuit identified by interface, VPI and VCI.',
      when: 'Legacy ATM links, for example some DSL modems (PPPoATM).',
      pitfall: 'Requires an ATM driver; QoS parameters must be set with `SO_ATMQOS` before `connect()` or it fails.',
    },
    tr: {
      summary: 'ATM kalıcı sanal devreleri',
      meaning: 'Arayüz, VPI ve VCI ile tanımlanan, önceden kurulmuş bir ATM devresi üzerinde soketler.',
      when: 'Eski ATM hatlarında, örneğin bazı DSL modemlerinde (PPPoATM).',
      pitfall: 'ATM sürücüsü gerekir; `connect()` öncesinde `SO_ATMQOS` ile QoS verilmezse bağlantı başarısız olur.',
    },
  },
  {
    name: 'AF_ATMSVC', group: 'family', values: { linux: 20 },
    usage: { kind: 'socket-domain' }, related: ['PF_ATMSVC', 'AF_ATMPVC'], manPages: ['address_families(7)'],
    en: {
      summary: 'ATM switched virtual circuits',
      meaning: 'ATM circuits set up on demand through signalling (the `atmsigd` daemon).',
      when: 'Legacy ATM networks with signalling.',
      pitfall: 'Does nothing without `atmsigd` running and an ATM driver; like PVCs, QoS must be set before connecting.',
    },
    tr: {
      summary: 'ATM anahtarlamalı sanal devreleri',
      meaning: 'Sinyalleşme ile (`atmsigd` servisi) istek üzerine kurulan ATM devreleri.',
      when: 'Sinyalleşme kullanan eski ATM ağlarında.',
      pitfall: 'Çalışan `atmsigd` ve bir ATM sürücüsü olmadan hiçbir şey yapmaz; PVC\'lerde olduğu gibi QoS bağlanmadan önce verilmelidir.',
    },
  },
  {
    name: 'AF_DECnet', group: 'family', values: { linux: 12, macos: 12, windows: 12 },
    usage: { kind: 'socket-domain' }, related: ['PF_DECnet'], manPages: ['address_families(7)'],
    en: {
      summary: 'DECnet Phase IV (removed from Linux)',
      meaning: 'Digital Equipment\'s network protocol suite.',
      when: 'Only historical VMS/PDP networks.',
      pitfall: 'Linux removed its DECnet code in 6.1 (2022), so the constant remains but `socket()` fails. Note the mixed-case name: `AF_DECnet`.',
    },
    tr: {
      summary: 'DECnet Phase IV (Linux\'tan kaldırıldı)',
      meaning: 'Digital Equipment firmasının ağ protokol ailesi.',
      when: 'Yalnızca tarihî VMS/PDP ağlarında.',
      pitfall: 'Linux DECnet kodunu 6.1\'de (2022) kaldırdı; sabit duruyor ama `socket()` başarısız olur. Adın karışık harfli olduğuna dikkat: `AF_DECnet`.',
    },
  },
  {
    name: 'AF_NETBEUI', group: 'family', values: { linux: 13 },
    usage: { kind: 'socket-domain' }, related: ['PF_NETBEUI', 'AF_LLC'], manPages: ['address_families(7)'],
    en: {
      summary: 'Reserved for NetBEUI (never implemented on Linux)',
      meaning: 'A number reserved for an 802.2 LLC NetBEUI project that was never merged.',
      when: 'Never; SMB/CIFS runs over TCP (port 445) instead.',
      pitfall: '`socket()` always fails with `EAFNOSUPPORT`; its presence in headers does not mean support.',
    },
    tr: {
      summary: 'NetBEUI için ayrılmış (Linux\'ta hiç uygulanmadı)',
      meaning: 'Hiç birleştirilmemiş bir 802.2 LLC NetBEUI projesi için ayrılmış sayı.',
      when: 'Hiçbir zaman; SMB/CIFS bunun yerine TCP (port 445) üzerinden çalışır.',
      pitfall: '`socket()` her zaman `EAFNOSUPPORT` döner; başlıklarda bulunması destek olduğu anlamına gelmez.',
    },
  },
  {
    name: 'AF_SECURITY', group: 'family', values: { linux: 14 },
    usage: { kind: 'socket-domain' }, related: ['PF_SECURITY'], manPages: ['address_families(7)'],
    en: {
      summary: 'Security callback pseudo family (not for applications)',
      meaning: 'A pseudo family number reserved inside the kernel for security callbacks.',
      when: 'Never from user space.',
      pitfall: '`socket(AF_SECURITY, …)` fails; it is listed only so the number stays taken.',
    },
    tr: {
      summary: 'Güvenlik geri çağrıları için sözde aile (uygulamalar için değil)',
      meaning: 'Çekirdek içinde güvenlik geri çağrıları için ayrılmış sözde bir aile numarası.',
      when: 'Kullanıcı alanından hiçbir zaman.',
      pitfall: '`socket(AF_SECURITY, …)` başarısız olur; yalnızca numara dolu kalsın diye listelenir.',
    },
  },
  {
    name: 'AF_ASH', group: 'family', values: { linux: 18 },
    usage: { kind: 'socket-domain' }, related: ['PF_ASH'], manPages: ['address_families(7)'],
    en: {
      summary: 'Reserved "Ash" family (never implemented)',
      meaning: 'A number reserved in the Linux headers for a protocol that was never merged.',
      when: 'Never: nothing in Linux implements it.',
      pitfall: '`socket()` fails with `EAFNOSUPPORT`.',
    },
    tr: {
      summary: 'Ayrılmış "Ash" ailesi (hiç uygulanmadı)',
      meaning: 'Linux başlıklarında hiç birleştirilmemiş bir protokol için ayrılmış sayı.',
      when: 'Hiçbir zaman: Linux\'ta onu uygulayan bir kod yoktur.',
      pitfall: '`socket()` `EAFNOSUPPORT` döner.',
    },
  },
  {
    name: 'AF_ECONET', group: 'family', values: { linux: 19 },
    usage: { kind: 'socket-domain' }, related: ['PF_ECONET'], manPages: ['address_families(7)'],
    en: {
      summary: 'Acorn Econet (removed from Linux)',
      meaning: 'The Acorn Computers Econet protocol.',
      when: 'Only historical Acorn networks.',
      pitfall: 'The driver was removed from Linux in 2012 (3.5); `socket()` fails on current kernels.',
    },
    tr: {
      summary: 'Acorn Econet (Linux\'tan kaldırıldı)',
      meaning: 'Acorn Computers\'ın Econet protokolü.',
      when: 'Yalnızca tarihî Acorn ağlarında.',
      pitfall: 'Sürücü 2012\'de (3.5) Linux\'tan kaldırıldı; güncel çekirdeklerde `socket()` başarısız olur.',
    },
  },
  {
    name: 'AF_SNA', group: 'family', values: { linux: 22, macos: 11, windows: 11 },
    usage: { kind: 'socket-domain' }, related: ['PF_SNA'], manPages: ['address_families(7)'],
    en: {
      summary: 'IBM SNA (reserved on Linux)',
      meaning: 'IBM Systems Network Architecture; Linux reserved the number for the Linux-SNA project.',
      when: 'Never on current systems; SNA today is tunnelled over IP (Enterprise Extender).',
      pitfall: 'No mainline Linux implementation; and the value differs (22 on Linux, 11 on macOS and Windows).',
    },
    tr: {
      summary: 'IBM SNA (Linux\'ta ayrılmış)',
      meaning: 'IBM Systems Network Architecture; Linux bu sayıyı Linux-SNA projesi için ayırmıştır.',
      when: 'Güncel sistemlerde hiç; SNA bugün IP üzerinden tünellenir (Enterprise Extender).',
      pitfall: 'Ana Linux çekirdeğinde uygulaması yoktur; değer de farklıdır (Linux\'ta 22, macOS ve Windows\'ta 11).',
    },
  },
  {
    name: 'AF_IRDA', group: 'family', values: { linux: 23, windows: 26 },
    usage: { kind: 'socket-domain' }, related: ['PF_IRDA'], manPages: ['address_families(7)'],
    en: {
      summary: 'Infrared Data Association sockets (obsolete)',
      meaning: 'IrDA infrared links (IrLAP/IrLMP/TinyTP), once used by phones and laptops.',
      when: 'Only old infrared hardware.',
      pitfall: 'Linux removed the IrDA stack in 4.17 (2018); Windows keeps the constant (26) but new Windows versions dropped IrDA support.',
    },
    tr: {
      summary: 'Kızılötesi IrDA soketleri (eskimiş)',
      meaning: 'Bir zamanlar telefon ve dizüstülerde kullanılan IrDA kızılötesi bağlantıları (IrLAP/IrLMP/TinyTP).',
      when: 'Yalnızca eski kızılötesi donanımda.',
      pitfall: 'Linux IrDA yığınını 4.17\'de (2018) kaldırdı; Windows sabiti (26) tutar ama yeni Windows sürümleri IrDA desteğini bıraktı.',
    },
  },
  {
    name: 'AF_PPPOX', group: 'family', values: { linux: 24 },
    usage: { kind: 'socket-domain' }, related: ['PF_PPPOX', 'AF_PACKET'], manPages: ['address_families(7)'],
    en: {
      summary: 'PPP over X: PPPoE, PPTP and L2TP sessions',
      meaning: 'Kernel-mode PPP sessions carried over Ethernet (PPPoE), GRE (PPTP) or L2TP, selected by the protocol argument.',
      when: 'pppd plugins (rp-pppoe, pptp, pppol2tp) and xl2tpd; DSL and VPN access.',
      pitfall: 'Discovery (PADI/PADO) is done separately with `AF_PACKET`; the PPPoX socket only carries the established session.',
    },
    tr: {
      summary: 'X üzerinden PPP: PPPoE, PPTP ve L2TP oturumları',
      meaning: 'Ethernet (PPPoE), GRE (PPTP) ya da L2TP üzerinden taşınan çekirdek kipinde PPP oturumları; protokol argümanı seçer.',
      when: 'pppd eklentileri (rp-pppoe, pptp, pppol2tp) ve xl2tpd; DSL ve VPN erişimi.',
      pitfall: 'Keşif (PADI/PADO) ayrıca `AF_PACKET` ile yapılır; PPPoX soketi yalnızca kurulmuş oturumu taşır.',
    },
  },
  {
    name: 'AF_WANPIPE', group: 'family', values: { linux: 25 },
    usage: { kind: 'socket-domain' }, related: ['PF_WANPIPE'], manPages: ['address_families(7)'],
    en: {
      summary: 'Sangoma WANPIPE API sockets',
      meaning: 'Sockets for Sangoma WAN cards (Frame Relay, T1/E1).',
      when: 'Only with Sangoma\'s out-of-tree WANPIPE drivers.',
      pitfall: 'The mainline kernel has no implementation; only the number is reserved.',
    },
    tr: {
      summary: 'Sangoma WANPIPE API soketleri',
      meaning: 'Sangoma WAN kartları (Frame Relay, T1/E1) için soketler.',
      when: 'Yalnızca Sangoma\'nın çekirdek dışı WANPIPE sürücüleriyle.',
      pitfall: 'Ana çekirdekte uygulaması yoktur; yalnızca numara ayrılmıştır.',
    },
  },
  {
    name: 'AF_LLC', group: 'family', values: { linux: 26 },
    usage: { kind: 'socket-domain' }, related: ['PF_LLC', 'AF_PACKET'], manPages: ['address_families(7)'],
    en: {
      summary: 'IEEE 802.2 Logical Link Control',
      meaning: 'LLC type 1 (datagram) and type 2 (connection) sockets addressed by MAC address and SAP (`struct sockaddr_llc`).',
      when: 'Protocols that run directly on 802.2, such as some industrial or legacy IBM protocols.',
      pitfall: 'Needs the `llc2` module; check that the interface supports 802.2 framing.',
    },
    tr: {
      summary: 'IEEE 802.2 Mantıksal Bağlantı Denetimi (LLC)',
      meaning: 'MAC adresi ve SAP ile adreslenen LLC tip 1 (datagram) ve tip 2 (bağlantılı) soketleri (`struct sockaddr_llc`).',
      when: 'Doğrudan 802.2 üzerinde çalışan protokollerde, örneğin bazı endüstriyel ya da eski IBM protokollerinde.',
      pitfall: '`llc2` modülü gerekir; arayüzün 802.2 çerçevelemeyi desteklediğinden emin olun.',
    },
  },
];

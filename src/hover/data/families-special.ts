// Address families for special hardware and kernel subsystems (socket() domain), plus AF_MAX.
// Values: Linux <bits/socket.h> (glibc); macOS <sys/socket.h> (XNU); Windows <ws2def.h>.
import type { ConstantEntry } from '../types';

export const SPECIAL_FAMILIES: readonly ConstantEntry[] = [
  {
    name: 'AF_IB', group: 'family', values: { linux: 27 }, notInPython: true,
    usage: { kind: 'socket-domain' }, related: ['PF_IB', 'AF_RDS', 'AF_SMC'], manPages: ['address_families(7)'],
    en: {
      summary: 'Native InfiniBand addressing (rdma_cm)',
      meaning: 'The family tag of `struct sockaddr_ib`, used by the RDMA connection manager to address InfiniBand ports by GID and service id.',
      when: 'librdmacm applications that resolve InfiniBand addresses without IP (IPoIB).',
      pitfall: 'Not a socket family: `socket(AF_IB, …)` fails. Pass it to `rdma_resolve_addr()` instead.',
    },
    tr: {
      summary: 'Doğal InfiniBand adreslemesi (rdma_cm)',
      meaning: 'RDMA bağlantı yöneticisinin InfiniBand portlarını GID ve servis kimliğiyle adreslemek için kullandığı `struct sockaddr_ib` yapısının aile etiketi.',
      when: 'IP (IPoIB) olmadan InfiniBand adreslerini çözen librdmacm uygulamalarında.',
      pitfall: 'Soket ailesi değildir: `socket(AF_IB, …)` başarısız olur. Bunun yerine `rdma_resolve_addr()` işlevine verin.',
    },
  },
  {
    name: 'AF_MPLS', group: 'family', values: { linux: 28 }, notInPython: true,
    usage: { kind: 'socket-domain' }, related: ['PF_MPLS', 'AF_NETLINK'], manPages: ['rtnetlink(7)'],
    en: {
      summary: 'MPLS family tag in rtnetlink route messages',
      meaning: 'Marks MPLS label routes in rtnetlink (`rtm_family = AF_MPLS`), as used by `ip -f mpls route`.',
      when: 'Programming MPLS label switching routes over `AF_NETLINK`.',
      pitfall: 'Not a socket family you can open; and the `mpls_router` module plus `net.mpls.platform_labels` must be set or routes are rejected.',
    },
    tr: {
      summary: 'rtnetlink rota mesajlarında MPLS aile etiketi',
      meaning: 'rtnetlink\'te MPLS etiket rotalarını işaretler (`rtm_family = AF_MPLS`); `ip -f mpls route` bunu kullanır.',
      when: '`AF_NETLINK` üzerinden MPLS etiket anahtarlama rotaları yazarken.',
      pitfall: 'Açılabilen bir soket ailesi değildir; ayrıca `mpls_router` modülü ve `net.mpls.platform_labels` ayarlanmazsa rotalar reddedilir.',
    },
  },
  {
    name: 'AF_IUCV', group: 'family', values: { linux: 32 }, notInPython: true,
    usage: { kind: 'socket-domain' }, related: ['PF_IUCV', 'AF_VSOCK'], manPages: ['address_families(7)'],
    en: {
      summary: 'IBM z/VM Inter-User Communication Vehicle (s390)',
      meaning: 'Communication between z/VM guests and with the hypervisor on IBM Z mainframes.',
      when: 'Linux on IBM Z only, e.g. the z/VM terminal server.',
      pitfall: 'Exists only on s390x kernels; elsewhere `socket()` fails.',
    },
    tr: {
      summary: 'IBM z/VM Inter-User Communication Vehicle (s390)',
      meaning: 'IBM Z ana bilgisayarlarında z/VM misafirleri arasında ve hipervizörle iletişim.',
      when: 'Yalnızca IBM Z üzerindeki Linux\'ta, örneğin z/VM terminal sunucusunda.',
      pitfall: 'Yalnızca s390x çekirdeklerinde vardır; başka yerde `socket()` başarısız olur.',
    },
  },
  {
    name: 'AF_RXRPC', group: 'family', values: { linux: 33 }, notInPython: true,
    usage: { kind: 'socket-domain' }, related: ['PF_RXRPC', 'SOCK_DGRAM'], manPages: ['address_families(7)'],
    en: {
      summary: 'RxRPC, the AFS remote procedure call protocol',
      meaning: 'Reliable RPC calls over UDP as used by the Andrew File System; the kernel AFS client (kafs) uses it.',
      when: 'AFS tooling or other RxRPC services.',
      pitfall: 'Each call is a message exchange with control messages (`sendmsg()` with a user call id); plain `send()`/`recv()` do not work.',
    },
    tr: {
      summary: 'AFS uzak yordam çağrısı protokolü RxRPC',
      meaning: 'Andrew File System\'in kullandığı UDP üzerinde güvenilir RPC çağrıları; çekirdeğin AFS istemcisi (kafs) bunu kullanır.',
      when: 'AFS araçlarında ya da diğer RxRPC servislerinde.',
      pitfall: 'Her çağrı, denetim mesajlarıyla (`sendmsg()` ve kullanıcı çağrı kimliği) yapılan bir mesaj alışverişidir; düz `send()`/`recv()` çalışmaz.',
    },
  },
  {
    name: 'AF_ISDN', group: 'family', values: { linux: 34, macos: 28 }, notInPython: true,
    usage: { kind: 'socket-domain' }, related: ['PF_ISDN'], manPages: ['address_families(7)'],
    en: {
      summary: 'mISDN sockets',
      meaning: 'Access to ISDN cards through the mISDN driver stack (D- and B-channel sockets).',
      when: 'Legacy ISDN telephony gateways.',
      pitfall: 'ISDN lines are switched off in most countries; the value also differs (34 on Linux, 28 on macOS, where no driver uses it).',
    },
    tr: {
      summary: 'mISDN soketleri',
      meaning: 'mISDN sürücü yığını üzerinden ISDN kartlarına erişim (D ve B kanal soketleri).',
      when: 'Eski ISDN telefon ağ geçitlerinde.',
      pitfall: 'ISDN hatları çoğu ülkede kapatıldı; değer de farklıdır (Linux\'ta 34, macOS\'te 28 ve orada kullanan sürücü yoktur).',
    },
  },
  {
    name: 'AF_PHONET', group: 'family', values: { linux: 35 }, notInPython: true,
    usage: { kind: 'socket-domain' }, related: ['PF_PHONET'], manPages: ['address_families(7)'],
    en: {
      summary: 'Nokia Phonet modem protocol',
      meaning: 'The packet protocol Nokia modems use between the application processor and the cellular modem.',
      when: 'Old Nokia phones (N900) and USB modems in Phonet mode.',
      pitfall: 'Only meaningful with a Phonet-capable modem interface (`phonet0`).',
    },
    tr: {
      summary: 'Nokia Phonet modem protokolü',
      meaning: 'Nokia modemlerinin uygulama işlemcisi ile hücresel modem arasında kullandığı paket protokolü.',
      when: 'Eski Nokia telefonlarında (N900) ve Phonet kipindeki USB modemlerde.',
      pitfall: 'Yalnızca Phonet destekli bir modem arayüzüyle (`phonet0`) anlamlıdır.',
    },
  },
  {
    name: 'AF_IEEE802154', group: 'family', values: { linux: 36 }, notInPython: true,
    usage: { kind: 'socket-domain' }, related: ['PF_IEEE802154', 'AF_PACKET'], manPages: ['address_families(7)'],
    en: {
      summary: 'IEEE 802.15.4 low-rate wireless (WPAN)',
      meaning: 'Raw and datagram sockets on 802.15.4 radios, the link layer under 6LoWPAN, Zigbee and Thread.',
      when: 'IoT gateways driving 802.15.4 radios from Linux.',
      pitfall: 'Needs a `wpan` interface set up with `iwpan`; most IoT stacks use 6LoWPAN over IPv6 instead of this family directly.',
    },
    tr: {
      summary: 'IEEE 802.15.4 düşük hızlı kablosuz (WPAN)',
      meaning: '6LoWPAN, Zigbee ve Thread\'in altındaki bağlantı katmanı olan 802.15.4 telsizlerinde ham ve datagram soketler.',
      when: 'Linux\'tan 802.15.4 telsiz süren IoT ağ geçitlerinde.',
      pitfall: '`iwpan` ile kurulmuş bir `wpan` arayüzü gerekir; IoT yığınlarının çoğu bu aile yerine IPv6 üzerinde 6LoWPAN kullanır.',
    },
  },
  {
    name: 'AF_CAIF', group: 'family', values: { linux: 37 }, notInPython: true,
    usage: { kind: 'socket-domain' }, related: ['PF_CAIF'], manPages: ['address_families(7)'],
    en: {
      summary: 'ST-Ericsson CAIF modem interface',
      meaning: 'Communication CPU to Application CPU Interface: channels to an ST-Ericsson cellular modem.',
      when: 'Only on devices with such modems.',
      pitfall: 'No hardware in current products uses it; expect `EAFNOSUPPORT` elsewhere.',
    },
    tr: {
      summary: 'ST-Ericsson CAIF modem arayüzü',
      meaning: 'Communication CPU to Application CPU Interface: ST-Ericsson hücresel modemine kanallar.',
      when: 'Yalnızca bu modemlere sahip aygıtlarda.',
      pitfall: 'Güncel ürünlerde kullanan donanım yoktur; başka yerde `EAFNOSUPPORT` bekleyin.',
    },
  },
  {
    name: 'AF_NFC', group: 'family', values: { linux: 39 }, notInPython: true,
    usage: { kind: 'socket-domain' }, related: ['PF_NFC'], manPages: ['address_families(7)'],
    en: {
      summary: 'Near Field Communication',
      meaning: 'NFC raw and LLCP sockets for talking to tags and peer devices through the Linux NFC subsystem.',
      when: 'NFC readers on Linux, usually through neard.',
      pitfall: 'Requires an NFC adapter with a kernel driver and usually neard managing it; most USB readers are used through PC/SC instead.',
    },
    tr: {
      summary: 'Yakın Alan İletişimi (NFC)',
      meaning: 'Linux NFC alt sistemi üzerinden etiketler ve eş aygıtlarla konuşmak için NFC ham ve LLCP soketleri.',
      when: 'Linux\'ta NFC okuyucularında, genellikle neard aracılığıyla.',
      pitfall: 'Çekirdek sürücüsü olan bir NFC adaptörü ve genellikle onu yöneten neard gerekir; USB okuyucuların çoğu bunun yerine PC/SC ile kullanılır.',
    },
  },
  {
    name: 'AF_KCM', group: 'family', values: { linux: 41 }, notInPython: true,
    usage: { kind: 'socket-domain' }, related: ['PF_KCM', 'SOCK_DGRAM', 'SOCK_SEQPACKET'], manPages: ['address_families(7)'],
    en: {
      summary: 'Kernel Connection Multiplexor',
      meaning: 'Message-oriented sockets over a set of TCP connections; a BPF program finds message boundaries in the byte stream.',
      when: 'High-throughput servers with length-prefixed application protocols.',
      pitfall: 'Message parsing depends on the attached BPF program; a wrong length program stalls the whole multiplexor.',
    },
    tr: {
      summary: 'Çekirdek Bağlantı Çoklayıcısı (KCM)',
      meaning: 'Bir grup TCP bağlantısı üzerinde mesaj tabanlı soketler; bayt akışındaki mesaj sınırlarını bir BPF programı bulur.',
      when: 'Uzunluk önekli uygulama protokolleri kullanan yüksek hacimli sunucularda.',
      pitfall: 'Mesaj ayrıştırma bağlı BPF programına dayanır; uzunluğu yanlış hesaplayan program tüm çoklayıcıyı kilitler.',
    },
  },
  {
    name: 'AF_QIPCRTR', group: 'family', values: { linux: 42 },
    usage: { kind: 'socket-domain' }, related: ['PF_QIPCRTR', 'SOCK_DGRAM'], manPages: ['address_families(7)'],
    en: {
      summary: 'Qualcomm IPC Router',
      meaning: 'Datagram messaging between the application processor and the modem, DSP or Wi-Fi firmware on Qualcomm SoCs, addressed by node and port.',
      when: 'Linux on Qualcomm hardware (phones, Snapdragon laptops) talking to QMI services.',
      pitfall: 'Only present on Qualcomm platforms with the `qrtr` module; services must be looked up through the name service first.',
    },
    tr: {
      summary: 'Qualcomm IPC Yönlendiricisi',
      meaning: 'Qualcomm yongalarında uygulama işlemcisi ile modem, DSP ya da Wi-Fi yazılımı arasında düğüm ve portla adreslenen datagram mesajlaşması.',
      when: 'Qualcomm donanımındaki Linux\'ta (telefonlar, Snapdragon dizüstüler) QMI servisleriyle konuşurken.',
      pitfall: 'Yalnızca `qrtr` modülü olan Qualcomm platformlarında vardır; servisler önce ad servisi üzerinden aranmalıdır.',
    },
  },
  {
    name: 'AF_SMC', group: 'family', values: { linux: 43 }, notInPython: true,
    usage: { kind: 'socket-domain' }, related: ['PF_SMC', 'AF_INET', 'SOCK_STREAM'], manPages: ['address_families(7)'],
    en: {
      summary: 'Shared Memory Communications (SMC-R/SMC-D)',
      meaning: 'A drop-in replacement for TCP sockets that moves data over RDMA or shared memory once both ends agree, falling back to TCP otherwise.',
      when: 'Data-centre or IBM Z workloads; `smc_run` can switch unmodified programs to it.',
      pitfall: 'Addresses are still `sockaddr_in`/`sockaddr_in6`; without RDMA-capable hardware every connection silently falls back to plain TCP.',
    },
    tr: {
      summary: 'Paylaşılan Bellek İletişimi (SMC-R/SMC-D)',
      meaning: 'İki uç anlaşırsa veriyi RDMA ya da paylaşılan bellek üzerinden taşıyan, anlaşamazsa TCP\'ye dönen, TCP soketlerinin yerine geçebilen bir aile.',
      when: 'Veri merkezi ya da IBM Z iş yüklerinde; `smc_run` değiştirilmemiş programları buna geçirebilir.',
      pitfall: 'Adresler yine `sockaddr_in`/`sockaddr_in6`\'dır; RDMA destekli donanım yoksa her bağlantı sessizce düz TCP\'ye düşer.',
    },
  },
  {
    name: 'AF_MCTP', group: 'family', values: { linux: 45 }, notInPython: true,
    usage: { kind: 'socket-domain' }, related: ['PF_MCTP', 'SOCK_DGRAM'], manPages: ['mctp(7)'],
    en: {
      summary: 'Management Component Transport Protocol',
      meaning: 'DMTF MCTP messages between a management controller (BMC) and platform components over I2C, PCIe VDM or serial links.',
      when: 'OpenBMC and platform firmware tools (PLDM, SPDM, NVMe-MI).',
      pitfall: 'Addresses are endpoint ids (EIDs) plus a message type, not IPs; MCTP links and routes must be configured with `mctp` first.',
    },
    tr: {
      summary: 'Yönetim Bileşeni Taşıma Protokolü (MCTP)',
      meaning: 'Yönetim denetleyicisi (BMC) ile platform bileşenleri arasında I2C, PCIe VDM ya da seri hatlar üzerinden DMTF MCTP mesajları.',
      when: 'OpenBMC ve platform yazılımı araçlarında (PLDM, SPDM, NVMe-MI).',
      pitfall: 'Adresler IP değil, uç nokta kimliği (EID) ve mesaj türüdür; MCTP bağlantıları ve rotaları önce `mctp` aracıyla yapılandırılmalıdır.',
    },
  },
  {
    name: 'AF_MAX', group: 'limit', values: { linux: 46 }, unrecorded: ['macos', 'windows'], notInPython: true,
    valueNote: 'AF_MAX grows with each SDK release on every platform; only this machine\'s value is recorded.',
    usage: { kind: 'limit', signature: '0 ≤ domain < AF_MAX' }, related: ['PF_MAX', 'AF_UNSPEC'], manPages: ['address_families(7)'],
    en: {
      summary: 'One more than the highest address family number',
      meaning: 'The count of address family numbers the headers know about, used to size tables indexed by family.',
      when: 'Kernel-style code that keeps a per-family array.',
      pitfall: 'It changes between kernel and SDK versions, so never store it in files or protocols, and do not treat "less than AF_MAX" as "supported by this kernel".',
    },
    tr: {
      summary: 'En büyük adres ailesi numarasının bir fazlası',
      meaning: 'Başlıkların bildiği adres ailesi numaralarının sayısı; aileye göre indekslenen tabloları boyutlandırmak için kullanılır.',
      when: 'Aile başına dizi tutan çekirdek tarzı kodda.',
      pitfall: 'Çekirdek ve SDK sürümleri arasında değişir; dosyalara ya da protokollere yazmayın ve "AF_MAX\'tan küçük" olmayı "bu çekirdek destekliyor" diye yorumlamayın.',
    },
  },
];

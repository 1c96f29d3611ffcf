// How Node.js socket APIs map to the socket constants (net, dgram), and the special host strings
// of Python's socket module ('' and '<broadcast>'). The mapping follows Node's documentation and
// libuv (uv_tcp_nodelay, uv_udp_set_broadcast, …); the notes say where the mapping is loose.
import type { NodeApiMapping, SpecialHost } from '../types';

export const NODE_API: readonly NodeApiMapping[] = [
  {
    api: 'setNoDelay', form: 'method', constant: 'TCP_NODELAY', example: 'socket.setNoDelay(true);',
    en: '`socket.setNoDelay()` sets `TCP_NODELAY` on the connection (libuv `uv_tcp_nodelay`). The `noDelay` option of `net.createServer()`/`net.createConnection()` does the same when the socket is created.',
    tr: '`socket.setNoDelay()` bağlantıda `TCP_NODELAY` seçeneğini verir (libuv `uv_tcp_nodelay`). `net.createServer()`/`net.createConnection()` çağrılarının `noDelay` seçeneği aynı işi soket oluşturulurken yapar.',
  },
  {
    api: 'setKeepAlive', form: 'method', constant: 'SO_KEEPALIVE', example: 'socket.setKeepAlive(true, 60_000);',
    en: '`socket.setKeepAlive(enable, initialDelay)` sets `SO_KEEPALIVE`; the delay in milliseconds becomes `TCP_KEEPIDLE` (`TCP_KEEPALIVE` on macOS).',
    tr: '`socket.setKeepAlive(enable, initialDelay)` `SO_KEEPALIVE` seçeneğini verir; milisaniye cinsinden gecikme `TCP_KEEPIDLE` (macOS\'te `TCP_KEEPALIVE`) olur.',
  },
  {
    api: 'setBroadcast', form: 'method', constant: 'SO_BROADCAST', example: 'udp.setBroadcast(true);',
    en: '`dgram` `socket.setBroadcast()` sets `SO_BROADCAST`; call it after `bind()` has completed, or it throws `EBADF`.',
    tr: '`dgram` `socket.setBroadcast()` `SO_BROADCAST` seçeneğini verir; `bind()` tamamlandıktan sonra çağırın, yoksa `EBADF` fırlatır.',
  },
  {
    api: 'addMembership', form: 'method', constant: 'IP_ADD_MEMBERSHIP', example: 'udp.addMembership(\'239.1.2.3\');',
    en: '`dgram` `socket.addMembership(group, iface)` joins with `IP_ADD_MEMBERSHIP` (or `IPV6_JOIN_GROUP` on `udp6`); without `iface` the kernel picks one interface.',
    tr: '`dgram` `socket.addMembership(group, iface)` `IP_ADD_MEMBERSHIP` (`udp6` üzerinde `IPV6_JOIN_GROUP`) ile katılır; `iface` verilmezse arayüzü çekirdek seçer.',
  },
  {
    api: 'dropMembership', form: 'method', constant: 'IP_DROP_MEMBERSHIP', example: 'udp.dropMembership(\'239.1.2.3\');',
    en: '`dgram` `socket.dropMembership()` leaves a group with `IP_DROP_MEMBERSHIP`; Node also leaves automatically when the socket closes.',
    tr: '`dgram` `socket.dropMembership()` `IP_DROP_MEMBERSHIP` ile gruptan ayrılır; Node soket kapanınca da kendiliğinden ayrılır.',
  },
  {
    api: 'setTTL', form: 'method', constant: 'IP_TTL', example: 'udp.setTTL(64);',
    en: '`dgram` `socket.setTTL()` sets `IP_TTL` (or `IPV6_UNICAST_HOPS` on `udp6`) for unicast datagrams.',
    tr: '`dgram` `socket.setTTL()` tekli datagramlar için `IP_TTL` (`udp6` üzerinde `IPV6_UNICAST_HOPS`) değerini verir.',
  },
  {
    api: 'setMulticastTTL', form: 'method', constant: 'IP_MULTICAST_TTL', example: 'udp.setMulticastTTL(2);',
    en: '`dgram` `socket.setMulticastTTL()` sets `IP_MULTICAST_TTL` (or `IPV6_MULTICAST_HOPS`); the default is 1.',
    tr: '`dgram` `socket.setMulticastTTL()` `IP_MULTICAST_TTL` (ya da `IPV6_MULTICAST_HOPS`) değerini verir; varsayılan 1\'dir.',
  },
  {
    api: 'setMulticastLoopback', form: 'method', constant: 'IP_MULTICAST_LOOP', example: 'udp.setMulticastLoopback(false);',
    en: '`dgram` `socket.setMulticastLoopback()` sets `IP_MULTICAST_LOOP` (or `IPV6_MULTICAST_LOOP`).',
    tr: '`dgram` `socket.setMulticastLoopback()` `IP_MULTICAST_LOOP` (ya da `IPV6_MULTICAST_LOOP`) değerini verir.',
  },
  {
    api: 'setMulticastInterface', form: 'method', constant: 'IP_MULTICAST_IF', example: 'udp.setMulticastInterface(\'192.0.2.10\');',
    en: '`dgram` `socket.setMulticastInterface()` sets `IP_MULTICAST_IF`; for `udp6` it takes a scope such as `\'::%eth0\'` and sets `IPV6_MULTICAST_IF`.',
    tr: '`dgram` `socket.setMulticastInterface()` `IP_MULTICAST_IF` değerini verir; `udp6` için `\'::%eth0\'` gibi bir kapsam alır ve `IPV6_MULTICAST_IF` verir.',
  },
  {
    api: 'setRecvBufferSize', form: 'method', constant: 'SO_RCVBUF', example: 'udp.setRecvBufferSize(1 << 20);',
    en: '`dgram` `socket.setRecvBufferSize()` sets `SO_RCVBUF`; `getRecvBufferSize()` shows the doubled value on Linux.',
    tr: '`dgram` `socket.setRecvBufferSize()` `SO_RCVBUF` değerini verir; `getRecvBufferSize()` Linux\'ta iki katına çıkmış değeri gösterir.',
  },
  {
    api: 'setSendBufferSize', form: 'method', constant: 'SO_SNDBUF', example: 'udp.setSendBufferSize(1 << 20);',
    en: '`dgram` `socket.setSendBufferSize()` sets `SO_SNDBUF`.',
    tr: '`dgram` `socket.setSendBufferSize()` `SO_SNDBUF` değerini verir.',
  },
  {
    api: 'reuseAddr', form: 'option', calls: ['createSocket'], constant: 'SO_REUSEADDR',
    example: 'const udp = dgram.createSocket({ type: \'udp4\', reuseAddr: true });',
    en: '`reuseAddr: true` in `dgram.createSocket()` sets `SO_REUSEADDR` before binding, so several processes can receive the same multicast port.',
    tr: '`dgram.createSocket()` içindeki `reuseAddr: true` bağlanmadan önce `SO_REUSEADDR` verir; böylece birden çok süreç aynı çok noktaya yayın portunu alabilir.',
  },
  {
    api: 'reusePort', form: 'option', calls: ['createSocket', 'listen'], constant: 'SO_REUSEPORT',
    example: 'server.listen({ port: 8080, reusePort: true });',
    en: '`reusePort: true` (Node 22.12+/23.1+) sets `SO_REUSEPORT` so several processes can bind the port; supported on Linux and some BSDs only.',
    tr: '`reusePort: true` (Node 22.12+/23.1+) `SO_REUSEPORT` verir, böylece birden çok süreç porta bağlanabilir; yalnızca Linux\'ta ve bazı BSD\'lerde desteklenir.',
  },
  {
    api: 'ipv6Only', form: 'option', calls: ['createSocket', 'listen'], constant: 'IPV6_V6ONLY',
    example: 'server.listen({ host: \'::\', port: 8080, ipv6Only: true });',
    en: '`ipv6Only: true` sets `IPV6_V6ONLY`; without it a Node server on `::` is dual-stack and also accepts IPv4.',
    tr: '`ipv6Only: true` `IPV6_V6ONLY` verir; bu olmadan `::` üzerindeki Node sunucusu çift yığınlıdır ve IPv4 de kabul eder.',
  },
  {
    api: 'exclusive', form: 'option', calls: ['listen'], constant: 'SO_REUSEADDR',
    example: 'server.listen({ port: 8080, exclusive: true });',
    en: '`exclusive: true` in `server.listen()` only stops cluster workers from sharing the listening handle; it does not set or clear `SO_REUSEADDR` (libuv sets that on Unix listeners anyway).',
    tr: '`server.listen()` içindeki `exclusive: true` yalnızca cluster işçilerinin dinleme tanıtıcısını paylaşmasını engeller; `SO_REUSEADDR` seçeneğini vermez ya da kaldırmaz (libuv Unix dinleyicilerinde bunu zaten verir).',
  },
  {
    api: 'allowHalfOpen', form: 'option', calls: ['createServer', 'createConnection', 'connect', 'Socket'], constant: 'SHUT_WR',
    example: 'const server = net.createServer({ allowHalfOpen: true }, (socket) => socket.end());',
    en: '`allowHalfOpen: true` keeps the socket writable after the peer\'s FIN; you then close your side with `socket.end()`, which is `shutdown(SHUT_WR)`.',
    tr: '`allowHalfOpen: true` karşı tarafın FIN\'inden sonra soketi yazılabilir tutar; kendi tarafınızı `shutdown(SHUT_WR)` demek olan `socket.end()` ile kapatırsınız.',
  },
];

export const SPECIAL_HOSTS: readonly SpecialHost[] = [
  {
    literal: '', constant: 'INADDR_ANY',
    en: 'Python\'s socket module reads the empty host `\'\'` as `INADDR_ANY` (0.0.0.0): bound, it listens on every interface; connected to, Linux delivers it to the local host.',
    tr: 'Python\'un socket modülü boş ana makine `\'\'` değerini `INADDR_ANY` (0.0.0.0) olarak okur: bağlanınca (bind) her arayüzü dinler; ona bağlanınca (connect) Linux bunu yerel makineye iletir.',
  },
  {
    literal: '<broadcast>', constant: 'INADDR_BROADCAST',
    en: 'Python\'s socket module reads `\'<broadcast>\'` as `INADDR_BROADCAST` (255.255.255.255); the socket must have `SO_BROADCAST` set, or `sendto()` fails with `PermissionError` (`EACCES`).',
    tr: 'Python\'un socket modülü `\'<broadcast>\'` değerini `INADDR_BROADCAST` (255.255.255.255) olarak okur; sokete `SO_BROADCAST` verilmiş olmalıdır, yoksa `sendto()` `PermissionError` (`EACCES`) ile başarısız olur.',
  },
];

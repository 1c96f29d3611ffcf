// One hover benchmark trial in a fresh process: generates a realistic 5,000-line C file full of
// socket code, then hovers every token the way the provider does (the hovered line, neighbours
// through lineAt, scanner, table lookup, Markdown rendering) and prints the latencies as JSON.
// What it leaves out is VS Code's: the IPC between the workbench and the extension host, and
// wrapping the Markdown in a MarkdownString.
//
//   node test/bench/hover-trial.mjs [lines=5000] [language=c]
import { createRequire } from 'node:module';
import path from 'node:path';
import { repositoryRoot } from './harness.mjs';

const require = createRequire(import.meta.url);
const hover = (file) => require(path.join(repositoryRoot, 'out', 'src', 'hover', file));
const { CONSTANTS_BY_NAME } = hover('data/index.js');
const { ENGLISH_LABELS } = hover('labels.js');
const { renderHover } = hover('render.js');
const { findConstantAt } = hover('scanner.js');

const options = Object.fromEntries(process.argv.slice(2).map((argument) => argument.split('=', 2)));
const lineCount = Number(options.lines ?? 5000);
const languageId = options.language ?? 'c';

const OPTIONS = [
  ['SOL_SOCKET', 'SO_REUSEADDR'], ['SOL_SOCKET', 'SO_REUSEPORT'], ['SOL_SOCKET', 'SO_KEEPALIVE'], ['SOL_SOCKET', 'SO_RCVBUF'],
  ['SOL_SOCKET', 'SO_SNDBUF'], ['IPPROTO_TCP', 'TCP_NODELAY'], ['IPPROTO_TCP', 'TCP_KEEPIDLE'], ['IPPROTO_IPV6', 'IPV6_V6ONLY'],
  ['IPPROTO_IP', 'IP_TTL'], ['SOL_SOCKET', 'SO_BROADCAST'],
];
const FAMILIES = [['AF_INET', 'SOCK_STREAM', 'IPPROTO_TCP'], ['AF_INET6', 'SOCK_DGRAM', 'IPPROTO_UDP'], ['AF_UNIX', 'SOCK_SEQPACKET', '0']];
const ERRNOS = ['ECONNREFUSED', 'EADDRINUSE', 'EAGAIN', 'EINTR', 'ECONNRESET', 'ETIMEDOUT'];

/** One function of about 50 lines: comments, strings, structs, calls, error paths. */
function block(index) {
  const [family, type, protocol] = FAMILIES[index % FAMILIES.length];
  const [level, option] = OPTIONS[index % OPTIONS.length];
  const errno = ERRNOS[index % ERRNOS.length];
  return [
    '/*',
    ` * open_endpoint_${index}: creates the socket for worker ${index}, sets ${option} and binds it.`,
    ' * Returns the descriptor, or -1 with errno set (see socket(2), bind(2)).',
    ' */',
    `static int open_endpoint_${index}(const struct endpoint_config *config, struct sockaddr_storage *address)`,
    '{',
    `    int fd = socket(${family}, ${type} | SOCK_NONBLOCK | SOCK_CLOEXEC, ${protocol});`,
    '    if (fd == -1) {',
    `        log_error("worker ${index}: socket() failed: %s", strerror(errno));`,
    '        return -1;',
    '    }',
    '    int one = 1;',
    `    if (setsockopt(fd, ${level}, ${option}, &one, sizeof one) == -1) { // ${option} is best effort`,
    `        log_warning("worker ${index}: setsockopt(${option}) failed: %s", strerror(errno));`,
    '    }',
    '    struct linger linger_value = { .l_onoff = 1, .l_linger = 0 };',
    '    (void)setsockopt(fd, SOL_SOCKET, SO_LINGER, &linger_value, sizeof linger_value);',
    '    struct sockaddr_in *ipv4 = (struct sockaddr_in *)address;',
    '    ipv4->sin_family = AF_INET;',
    `    ipv4->sin_port = htons(config->port + ${index % 100});`,
    '    ipv4->sin_addr.s_addr = htonl(config->loopback_only ? INADDR_LOOPBACK : INADDR_ANY);',
    '    if (bind(fd, (struct sockaddr *)address, sizeof *ipv4) == -1) {',
    '        int saved = errno;',
    '        close(fd);',
    `        errno = saved == EADDRINUSE ? EADDRINUSE : saved; /* keep the first error */`,
    '        return -1;',
    '    }',
    `    if (${type === 'SOCK_DGRAM' ? '0' : 'listen(fd, SOMAXCONN) == -1'}) {`,
    '        close(fd);',
    '        return -1;',
    '    }',
    '    return fd;',
    '}',
    '',
    `static ssize_t pump_${index}(int fd, char *buffer, size_t capacity)`,
    '{',
    '    ssize_t received = recv(fd, buffer, capacity, MSG_DONTWAIT | MSG_PEEK);',
    `    if (received == -1 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == ${errno})) {`,
    '        return 0;',
    '    }',
    '    if (received == 0) {',
    '        shutdown(fd, SHUT_WR); // peer sent FIN: finish our side',
    '        return -1;',
    '    }',
    '    ssize_t sent = send(fd, buffer, (size_t)received, MSG_NOSIGNAL);',
    '    const char *state = sent == received ? "complete" : "partial write, retry with POLLOUT";',
    `    trace("pump ${index}: %zd of %zd bytes (%s)", sent, received, state);`,
    '    return sent;',
    '}',
    '',
  ];
}

function cSource(count) {
  const lines = ['#include <errno.h>', '#include <netinet/in.h>', '#include <netinet/tcp.h>', '#include <sys/socket.h>', '#include <unistd.h>', ''];
  for (let index = 0; lines.length < count; index++) {
    lines.push(...block(index));
  }
  return lines.slice(0, count);
}

/** Every token's middle: identifiers and numbers as a whole, each punctuation character alone. */
function tokenPositions(lines) {
  const positions = [];
  lines.forEach((text, line) => {
    for (const token of text.matchAll(/[A-Za-z0-9_]+|[^\sA-Za-z0-9_]/g)) {
      positions.push({ line, character: token.index + Math.floor(token[0].length / 2) });
    }
  });
  return positions;
}

const labels = ENGLISH_LABELS;

/** What the provider does per hover, minus vscode: returns the Markdown or undefined. */
function provide(lines, line, character) {
  const context = { line, lineAt: (index) => (index >= 0 && index < lines.length ? lines[index] : undefined) };
  const match = findConstantAt(lines[line], character, languageId, context);
  if (match === undefined) {
    return undefined;
  }
  const entry = CONSTANTS_BY_NAME.get(match.name);
  return entry === undefined ? undefined : renderHover(match, entry, { language: 'en', documentLanguageId: languageId, labels }).markdown;
}

const percentile = (sorted, fraction) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))];

const lines = cSource(lineCount);
const positions = tokenPositions(lines);

// The very first hover pays for loading and compiling the hover code: reported on its own.
let started = process.hrtime.bigint();
provide(lines, 12, lines[12].indexOf('SO_REUSEADDR') + 3);
const firstHoverMicroseconds = Number(process.hrtime.bigint() - started) / 1000;

// A short warm-up over other positions, then every token once, in document order.
for (const { line, character } of positions.slice(0, 2000)) {
  provide(lines, line, character);
}
const samples = new Float64Array(positions.length);
const hitSamples = [];
for (let index = 0; index < positions.length; index++) {
  const { line, character } = positions[index];
  started = process.hrtime.bigint();
  const markdown = provide(lines, line, character);
  samples[index] = Number(process.hrtime.bigint() - started) / 1000;
  if (markdown !== undefined) {
    hitSamples.push(samples[index]);
  }
}
const sorted = Array.from(samples).sort((left, right) => left - right);
const hitsSorted = hitSamples.sort((left, right) => left - right);
const total = sorted.reduce((sum, value) => sum + value, 0);
process.stdout.write(`${JSON.stringify({
  lines: lines.length,
  tokens: positions.length,
  hits: hitsSorted.length,
  hitP50: percentile(hitsSorted, 0.5),
  hitP99: percentile(hitsSorted, 0.99),
  p50: percentile(sorted, 0.5),
  p90: percentile(sorted, 0.9),
  p99: percentile(sorted, 0.99),
  max: sorted[sorted.length - 1],
  mean: total / sorted.length,
  firstHoverMicroseconds,
})}\n`);

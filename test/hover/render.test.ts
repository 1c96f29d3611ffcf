// The renderer's Markdown, exactly, for a few entries in both languages, and its invariants for all.
import { strict as assert } from 'node:assert';
import { ALL_CONSTANTS, CONSTANTS_BY_NAME } from '../../src/hover/data/index';
import { ENGLISH_LABELS } from '../../src/hover/labels';
import { codeSpan, escapeMarkdown } from '../../src/hover/markdown';
import { OPEN_COMMAND, commandUri, renderHover } from '../../src/hover/render';
import type { RenderedHover } from '../../src/hover/render';
import { findConstantAt } from '../../src/hover/scanner';
import type { ScanResult } from '../../src/hover/scanner';
import type { ConstantEntry, DescriptionLanguage } from '../../src/hover/types';
import { usedWith } from '../../src/hover/usedWith';
import { formatValue } from '../../src/hover/values';
import { TURKISH_LABELS } from './bundleLabels';

function hover(line: string, at: string, languageId: string, language: DescriptionLanguage): RenderedHover {
  const match = findConstantAt(line, line.indexOf(at) + 1, languageId);
  assert.ok(match !== undefined, `no match for ${at}`);
  const entry = CONSTANTS_BY_NAME.get(match.name);
  assert.ok(entry !== undefined);
  return renderHover(match, entry, { language, documentLanguageId: languageId, labels: language === 'en' ? ENGLISH_LABELS : TURKISH_LABELS });
}

function syntheticMatch(entry: ConstantEntry): ScanResult {
  return { name: entry.name, start: 0, end: entry.name.length, kind: 'identifier', text: entry.name };
}

function valuesDiffer(entry: ConstantEntry): boolean {
  const { linux, macos, windows } = entry.values;
  const same = (left: typeof linux, right: typeof linux): boolean =>
    left !== undefined && right !== undefined && JSON.stringify(left) === JSON.stringify(right);
  return !(same(linux, macos) && same(linux, windows)) || entry.spelling !== undefined || (entry.unverified ?? []).length > 0;
}

const TCP_NODELAY_PYTHON_EN = [
  '**`TCP_NODELAY`** = `1` · TCP option  ',
  'Disable Nagle\'s algorithm: send small segments immediately',
  '',
  'Normally TCP holds back a small segment while earlier data is unacknowledged (Nagle). With `TCP_NODELAY` every write is sent at once.',
  '',
  '**When to use:** Interactive and request/response protocols: SSH, games, RPC, Redis, HTTP/2, anything where a small message must not wait.',
  '',
  '**Pitfall:** Nagle plus the peer\'s delayed ACK causes \\~40 ms (Linux) to 200 ms (Windows) stalls in write-write-read patterns; but with `TCP_NODELAY` many tiny writes become many tiny packets, so build each message in one buffer and write it once. The level is `IPPROTO_TCP`, not `SOL_SOCKET`.',
  '',
  '**Values:** Linux, macOS, Windows: `1`',
  '',
  '**Used with:** `setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, const int *, socklen_t)`  ',
  '`getsockopt(fd, IPPROTO_TCP, TCP_NODELAY, int *, socklen_t *)`',
  '',
  '**Example**',
  '',
  '```python',
  's.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)',
  '```',
  '',
  '**Related:** `TCP_CORK`, `TCP_NOPUSH`, `TCP_QUICKACK`, `MSG_MORE`, `IPPROTO_TCP`  ',
  '**Man page:** tcp(7)',
].join('\n');

const TCP_NODELAY_C_TR = [
  '**`TCP_NODELAY`** = `1` · TCP seçeneği  ',
  'Nagle algoritmasını kapat: küçük segmentleri hemen gönder',
  '',
  'TCP normalde önceki veri onaylanmamışken küçük bir segmenti bekletir (Nagle). `TCP_NODELAY` ile her yazma hemen gönderilir.',
  '',
  '**Ne zaman kullanılır:** Etkileşimli ve istek/yanıt protokollerinde: SSH, oyunlar, RPC, Redis, HTTP/2; küçük bir mesajın beklememesi gereken her yerde.',
  '',
  '**Dikkat:** Nagle ile karşı tarafın gecikmeli ACK\'i birleşince yaz-yaz-oku düzeninde \\~40 ms (Linux) ile 200 ms (Windows) arası takılmalar olur; ama `TCP_NODELAY` ile çok sayıda minik yazma çok sayıda minik paket olur, bu yüzden her mesajı tek arabellekte kurup bir kerede yazın. Düzey `SOL_SOCKET` değil `IPPROTO_TCP`\'dir.',
  '',
  '**Değerler:** Linux, macOS, Windows: `1`',
  '',
  '**Kullanıldığı yer:** `setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, const int *, socklen_t)`  ',
  '`getsockopt(fd, IPPROTO_TCP, TCP_NODELAY, int *, socklen_t *)`',
  '',
  '**Örnek**',
  '',
  '```c',
  'int one = 1;',
  'setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);',
  '```',
  '',
  '**İlgili:** `TCP_CORK`, `TCP_NOPUSH`, `TCP_QUICKACK`, `MSG_MORE`, `IPPROTO_TCP`  ',
  '**Man sayfası:** tcp(7)',
].join('\n');

const INADDR_ANY_HOST_EN = [
  '**`INADDR_ANY`** = `0.0.0.0 (0x00000000)` · address  ',
  'Wildcard IPv4 address 0.0.0.0: every local interface',
  '',
  '`\'\'`: Python\'s socket module reads the empty host `\'\'` as `INADDR_ANY` (0.0.0.0): bound, it listens on every interface; connected to, Linux delivers it to the local host.',
  '',
  '$(plug) [Open a client to this port in Socket Workbench](command:socketWorkbench.open?%5B%22tcp%3A%2F%2F127.0.0.1%3A8080%22%5D)',
  '',
  'Bound to a socket, it means "all local IPv4 addresses": the server accepts traffic arriving on any interface. Python writes it as the empty string `\'\'` or `\'0.0.0.0\'`.',
  '',
  '**When to use:** Servers that must be reachable from other machines; `getaddrinfo()` with `AI_PASSIVE` and no host returns it.',
  '',
  '**Pitfall:** It exposes the service on every network, including public Wi-Fi and VPNs: bind to `127.0.0.1` (`INADDR_LOOPBACK`) for local-only services such as development servers and debug ports. It is not a real destination: connecting to 0.0.0.0 happens to reach the local host on Linux and macOS but fails on Windows (`WSAEADDRNOTAVAIL`).',
  '',
  '**Values:** Linux, macOS, Windows: `0.0.0.0 (0x00000000)`',
  '',
  '**Used with:** `sin.sin_addr.s_addr = htonl(INADDR_ANY)  /* bind(), connect(), sendto() */`',
  '',
  '**Example**',
  '',
  '```python',
  's.bind((\'\', 8080))  # INADDR_ANY',
  '```',
  '',
  '**Related:** `INADDR_LOOPBACK`, `IN6ADDR_ANY_INIT`, `AI_PASSIVE`, `IPV6_V6ONLY`  ',
  '**Man page:** ip(7)',
].join('\n');

const SHUT_WR_C_TR = [
  '**`SHUT_WR`** = `1` · shutdown() kipi  ',
  'shutdown(): FIN gönder, göndermeyi bırak ama almayı sürdür (yarı kapatma)',
  '',
  'TCP kuyruktaki veriden sonra FIN gönderir; karşı tarafın `recv()` çağrısı 0 (dosya sonu) döner, siz ise yanıtını okumaya devam edebilirsiniz.',
  '',
  '**Ne zaman kullanılır:** İsteğin dosya sonuyla bittiği akış protokollerinde (ör. `nc -N`, HTTP/1.0 istemcileri) ve düzgün kapanış için: yazmayı kapatın, 0 gelene kadar okuyun, sonra `close()`.',
  '',
  '**Dikkat:** `close()` çağrısından farklı olarak soketi paylaşan tüm süreçleri etkiler. Sonraki `send()` `EPIPE` ile başarısız olur. Windows bunu `SD_SEND` diye yazar; Node\'da `allowHalfOpen` açıkken `socket.end()` bunu yapar.',
  '',
  '**Değerler:** Linux `1` · macOS `1` · Windows `1` (`SD_SEND`)',
  '',
  '**Kullanıldığı yer:** `shutdown(fd, SHUT_WR)`  ',
  '`shutdown(s, SD_SEND)  /* Windows */`',
  '',
  '**Örnek**',
  '',
  '```c',
  'shutdown(fd, SHUT_WR);',
  '```',
  '',
  '**İlgili:** `SHUT_RD`, `SHUT_RDWR`, `SO_LINGER`, `EPIPE`  ',
  '**Man sayfası:** shutdown(2)',
].join('\n');

describe('hover renderer', () => {
  describe('exact Markdown', () => {
    it('TCP_NODELAY in Python, English: one values line when all platforms agree', () => {
      const result = hover('s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)', 'TCP_NODELAY', 'python', 'en');
      assert.equal(result.markdown, TCP_NODELAY_PYTHON_EN);
      assert.equal(result.command, undefined);
      assert.equal(result.themeIcons, false);
    });

    it('TCP_NODELAY in C, Turkish', () => {
      assert.equal(hover('setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);', 'TCP_NODELAY', 'c', 'tr').markdown, TCP_NODELAY_C_TR);
    });

    it('Python bind host \'\', English, with the command link', () => {
      const result = hover('s.bind((\'\', 8080))', '\'\'', 'python', 'en');
      assert.equal(result.markdown, INADDR_ANY_HOST_EN);
      assert.equal(result.themeIcons, true, 'the link\'s $(plug) icon needs theme icons');
      assert.deepEqual(result.command, { command: OPEN_COMMAND, title: ENGLISH_LABELS.openClient, arguments: ['tcp://127.0.0.1:8080'] });
    });

    it('SHUT_WR in C, Turkish: per-platform values with the Windows spelling', () => {
      assert.equal(hover('shutdown(fd, SHUT_WR);', 'SHUT_WR', 'c', 'tr').markdown, SHUT_WR_C_TR);
    });
  });

  it('links a UDP client for a broadcast sendto, and no command without a literal port', () => {
    const broadcast = hover('s.sendto(data, (\'<broadcast>\', 37020))', '<broadcast>', 'python', 'tr');
    assert.deepEqual(broadcast.command?.arguments, ['udp://127.0.0.1:37020']);
    assert.equal(broadcast.command?.title, TURKISH_LABELS.openClient);
    assert.ok(broadcast.markdown.includes(`(${commandUri(broadcast.command)})`));
    assert.ok(broadcast.markdown.includes('`SO_BROADCAST`'));
    assert.equal(hover('s.bind((\'\', port))', '\'\'', 'python', 'en').command, undefined);
    assert.equal(commandUri({ command: OPEN_COMMAND, title: 't', arguments: ['tcp://127.0.0.1:80'] }),
      'command:socketWorkbench.open?%5B%22tcp%3A%2F%2F127.0.0.1%3A80%22%5D');
  });

  it('writes examples in the hovered document\'s language', () => {
    assert.ok(hover('x = socket.SO_REUSEADDR', 'SO_REUSEADDR', 'python', 'en').markdown
      .includes('```python\ns.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)\n```'));
    assert.ok(hover('x = SO_REUSEADDR;', 'SO_REUSEADDR', 'c', 'en').markdown
      .includes('```c\nint one = 1;\nsetsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);\n```'));
    assert.ok(hover('x := syscall.SO_REUSEADDR', 'SO_REUSEADDR', 'go', 'en').markdown
      .includes('```go\nerr := syscall.SetsockoptInt(fd, syscall.SOL_SOCKET, syscall.SO_REUSEADDR, 1)\n```'));
    assert.ok(hover('let x = libc::SO_REUSEADDR;', 'SO_REUSEADDR', 'rust', 'en').markdown.includes('libc::setsockopt(fd, libc::SOL_SOCKET, libc::SO_REUSEADDR,'));
    assert.ok(hover('socket.setNoDelay(true)', 'setNoDelay', 'typescript', 'en').markdown.includes('```javascript\nsocket.setNoDelay(true);\n```'));
    // A name Python does not export is defined in the example instead of written as socket.NAME.
    assert.ok(hover('x = socket.SO_ZEROCOPY', 'SO_ZEROCOPY', 'python', 'en').markdown
      .includes('```python\nSO_ZEROCOPY = 60  # Linux\ns.setsockopt(socket.SOL_SOCKET, SO_ZEROCOPY, 1)\n```'));
  });

  it('renders every entry in both languages for every example language', () => {
    const problems: string[] = [];
    for (const entry of ALL_CONSTANTS) {
      for (const language of ['en', 'tr'] as const) {
        for (const documentLanguageId of ['python', 'c', 'cpp', 'go', 'rust', 'plaintext']) {
          const labels = language === 'en' ? ENGLISH_LABELS : TURKISH_LABELS;
          const { markdown, command } = renderHover(syntheticMatch(entry), entry, { language, documentLanguageId, labels });
          const where = `${entry.name} ${language} ${documentLanguageId}`;
          if (/undefined|NaN|\[object/.test(markdown)) {
            problems.push(`${where}: "undefined"/"NaN" in the output`);
          }
          if ((markdown.match(/^```/gm) ?? []).length % 2 !== 0) {
            problems.push(`${where}: unbalanced code fence`);
          }
          if (/<[a-z]/i.test(markdown.replace(/`[^`]*`/g, '').replace(/```[\s\S]*?```/g, ''))) {
            problems.push(`${where}: raw HTML-like text outside code`);
          }
          const perPlatform = markdown.includes(`**${labels.values}:** Linux `);
          if (perPlatform !== valuesDiffer(entry) && entry.group !== 'go-network') {
            problems.push(`${where}: per-platform values ${perPlatform ? 'present' : 'missing'}`);
          }
          if (markdown.includes('| --- |')) {
            problems.push(`${where}: a table (values are one line)`);
          }
          if ((markdown.match(/\$\(/g) ?? []).length !== 0) {
            problems.push(`${where}: a theme icon outside the command link`);
          }
          if (!markdown.includes(escapeMarkdown(entry[language].summary))) {
            problems.push(`${where}: summary missing`);
          }
          if (command !== undefined) {
            problems.push(`${where}: command without a host match`);
          }
        }
      }
    }
    assert.deepEqual(problems, []);
  });

  it('gives every entry a "Used with" line', () => {
    assert.deepEqual(ALL_CONSTANTS.filter((entry) => usedWith(entry).length === 0).map((entry) => entry.name), []);
  });

  it('escapes Markdown outside code spans only', () => {
    assert.equal(escapeMarkdown('a_b *c* [d](e) <f> `g_h*` | ~'), 'a\\_b \\*c\\* \\[d\\](e) \\<f\\> `g_h*` \\| \\~');
    assert.equal(escapeMarkdown('# title\n- item\n1. one'), '\\# title\n\\- item\n1\\. one');
    assert.equal(escapeMarkdown('R&D'), 'R\\&D');
    assert.equal(escapeMarkdown('costs $(5)'), 'costs \\$(5)', 'no accidental theme icon');
    assert.equal(codeSpan('a`b'), '``a`b``');
    assert.equal(codeSpan('`x'), '`` `x ``');
  });

  it('formats values: hex for flags and large numbers, dotted and hex for addresses', () => {
    assert.equal(formatValue(2, 'socket-option'), '2');
    assert.equal(formatValue(2048, 'type'), '2048 (0x800)');
    assert.equal(formatValue(16384, 'message-flag'), '16384 (0x4000)');
    assert.equal(formatValue(111, 'errno'), '111');
    assert.equal(formatValue(-5, 'socket-option'), '-5');
    assert.equal(formatValue({ numeric: 2130706433, text: '127.0.0.1' }, 'address'), '127.0.0.1 (0x7f000001)');
    assert.equal(formatValue({ text: '::1' }, 'address'), '::1');
  });

  it('marks unverified and unrecorded values and explains the markers', () => {
    const entry = CONSTANTS_BY_NAME.get('IPV6_TCLASS');
    assert.ok(entry !== undefined);
    const { markdown } = renderHover(syntheticMatch(entry), entry, { language: 'en', documentLanguageId: 'c', labels: ENGLISH_LABELS });
    assert.ok(markdown.includes(`**Values:** Linux \`67\` · macOS ? · Windows \`39\` (?)  \n${escapeMarkdown(ENGLISH_LABELS.valueLegend)}\n`), markdown);
  });

  it('takes its labels from the caller', () => {
    const labels = { ...ENGLISH_LABELS, pitfall: 'PITFALL-LABEL', groups: { ...ENGLISH_LABELS.groups, 'socket-option': 'OPTION-LABEL' } };
    const entry = CONSTANTS_BY_NAME.get('SO_REUSEADDR');
    assert.ok(entry !== undefined);
    const { markdown } = renderHover(syntheticMatch(entry), entry, { language: 'en', documentLanguageId: 'c', labels });
    assert.ok(markdown.includes('**PITFALL-LABEL:**'));
    assert.ok(markdown.includes('· OPTION-LABEL'));
  });
});

// The table covers what the hover promises, and every entry is complete in both languages.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import {
  ALL_CONSTANTS, CONSTANTS_BY_NAME, CONSTANTS_BY_PLATFORM_SPELLING, NODE_API, SPECIAL_HOSTS, lookupConstant,
} from '../../src/hover/data/index';
import { CONSTANT_GROUPS } from '../../src/hover/types';
import type { Description } from '../../src/hover/types';

const PREFIXES = ['AF_', 'PF_', 'SOCK_', 'SOL_', 'SO_', 'IPPROTO_', 'IP_', 'IPV6_', 'TCP_', 'MSG_', 'SHUT_', 'SCM_', 'INADDR_', 'AI_', 'NI_', 'EAI_'];

const REQUIRED = [
  'PF_INET', 'PF_UNIX', 'PF_X25', 'PF_INET6', 'SOMAXCONN', 'IN6ADDR_ANY_INIT', 'IN6ADDR_LOOPBACK_INIT', 'SO_EXCLUSIVEADDRUSE',
  'SO_NOSIGPIPE', 'ECONNREFUSED', 'EADDRINUSE', 'EADDRNOTAVAIL', 'ETIMEDOUT', 'ECONNRESET', 'EPIPE', 'EAGAIN', 'EWOULDBLOCK',
  'EINPROGRESS', 'EALREADY', 'EISCONN', 'ENOTCONN', 'EHOSTUNREACH', 'ENETUNREACH', 'EACCES', 'EINTR', 'EMSGSIZE', 'ENOTSOCK',
  'EAFNOSUPPORT', 'EPROTONOSUPPORT', 'ENOBUFS', 'ECONNABORTED', 'EINVAL', 'EBADF', 'ENOENT',
  '"tcp"', '"tcp4"', '"tcp6"', '"udp"', '"udp4"', '"udp6"', '"ip"', '"ip4"', '"ip6"', '"unix"', '"unixgram"', '"unixpacket"',
];

function pythonNames(): string[] | undefined {
  const script = `import json, socket; print(json.dumps([n for n in dir(socket) if n.startswith(tuple(${JSON.stringify(PREFIXES)}))]))`;
  const result = spawnSync('python3', ['-c', script], { encoding: 'utf8' });
  if (result.error !== undefined) {
    return undefined;
  }
  assert.equal(result.status, 0, result.stderr);
  return JSON.parse(result.stdout) as string[];
}

function parts(description: Description): Array<[string, string]> {
  return [['summary', description.summary], ['meaning', description.meaning], ['when', description.when], ['pitfall', description.pitfall]];
}

describe('hover data: coverage and completeness', () => {
  it('has every name Python\'s socket module exports with the socket prefixes', function () {
    const names = pythonNames();
    if (names === undefined) {
      console.log('      skipped: python3 is not installed');
      this.skip();
    }
    assert.ok(names.length > 200, `python3 listed only ${names.length} names`);
    assert.deepEqual(names.filter((name) => !CONSTANTS_BY_NAME.has(name)), []);
  });

  it('has at least 300 entries, the required names, and every group', () => {
    assert.ok(ALL_CONSTANTS.length >= 300, `only ${ALL_CONSTANTS.length} entries`);
    assert.deepEqual(REQUIRED.filter((name) => !CONSTANTS_BY_NAME.has(name)), []);
    const groups = new Set(ALL_CONSTANTS.map((entry) => entry.group));
    assert.deepEqual(CONSTANT_GROUPS.filter((group) => !groups.has(group)), []);
  });

  it('has PF_ twins for every Linux AF_ family, with the same values', () => {
    const problems: string[] = [];
    for (const entry of ALL_CONSTANTS.filter((candidate) => candidate.name.startsWith('AF_') && candidate.values.linux !== undefined)) {
      const twin = CONSTANTS_BY_NAME.get(`PF_${entry.name.slice(3)}`);
      if (twin === undefined) {
        problems.push(`${entry.name}: no PF_ twin`);
      } else if (twin.values.linux !== entry.values.linux) {
        problems.push(`${twin.name}: ${String(twin.values.linux)} vs ${String(entry.values.linux)}`);
      }
    }
    assert.deepEqual(problems, []);
  });

  it('gives every entry a summary, meaning, when and pitfall in English and Turkish', () => {
    const problems: string[] = [];
    for (const entry of ALL_CONSTANTS) {
      for (const language of ['en', 'tr'] as const) {
        for (const [part, text] of parts(entry[language])) {
          if (text.trim().length < (part === 'summary' ? 4 : 8)) {
            problems.push(`${entry.name}.${language}.${part} is empty or too short`);
          }
          if ((text.match(/`/g) ?? []).length % 2 !== 0) {
            problems.push(`${entry.name}.${language}.${part} has an unbalanced backtick`);
          }
          if (/\b(TODO|FIXME|hmm)\b/i.test(text)) {
            problems.push(`${entry.name}.${language}.${part} has a placeholder`);
          }
        }
      }
      for (const part of ['meaning', 'when', 'pitfall'] as const) {
        if (entry.en[part] === entry.tr[part]) {
          problems.push(`${entry.name}.${part}: the Turkish text is a copy of the English one`);
        }
      }
    }
    assert.deepEqual(problems, []);
  });

  it('has its own text for every entry', () => {
    const seen = new Map<string, string>();
    const duplicates: string[] = [];
    for (const entry of ALL_CONSTANTS) {
      for (const language of ['en', 'tr'] as const) {
        const key = `${language}:${entry[language].meaning}`;
        const other = seen.get(key);
        if (other !== undefined) {
          duplicates.push(`${entry.name} and ${other} share the ${language} meaning`);
        }
        seen.set(key, entry.name);
      }
    }
    assert.deepEqual(duplicates, []);
  });

  it('names only existing entries as related, and cites a man page', () => {
    const problems: string[] = [];
    for (const entry of ALL_CONSTANTS) {
      for (const name of entry.related) {
        if (!CONSTANTS_BY_NAME.has(name) || name === entry.name) {
          problems.push(`${entry.name}: related ${name}`);
        }
      }
      if (entry.aliasOf !== undefined && !CONSTANTS_BY_NAME.has(entry.aliasOf)) {
        problems.push(`${entry.name}: aliasOf ${entry.aliasOf}`);
      }
      if (entry.manPages.length === 0 || entry.manPages.some((page) => !/^[a-z0-9_]+\([1-8]\)$/.test(page))) {
        problems.push(`${entry.name}: man pages ${entry.manPages.join(', ')}`);
      }
    }
    assert.deepEqual(problems, []);
  });

  it('has well-formed values and notes', () => {
    const problems: string[] = [];
    for (const entry of ALL_CONSTANTS) {
      for (const platform of ['linux', 'macos', 'windows'] as const) {
        const value = entry.values[platform];
        if (typeof value === 'number' && !Number.isSafeInteger(value)) {
          problems.push(`${entry.name}.${platform}: ${value}`);
        }
        if (typeof value === 'object' && value.text.trim() === '') {
          problems.push(`${entry.name}.${platform}: empty address text`);
        }
        if (value !== undefined && entry.unrecorded?.includes(platform) === true) {
          problems.push(`${entry.name}.${platform}: both recorded and unrecorded`);
        }
        if (value === undefined && entry.unverified?.includes(platform) === true) {
          problems.push(`${entry.name}.${platform}: unverified but absent`);
        }
      }
      if ((entry.unrecorded?.length ?? 0) > 0 && entry.valueNote === undefined && entry.name !== 'PF_MAX') {
        problems.push(`${entry.name}: unrecorded values need a valueNote saying why`);
      }
      if (entry.group !== 'go-network' && Object.keys(entry.values).every((key) => entry.values[key as 'linux'] === undefined)) {
        problems.push(`${entry.name}: no value on any platform`);
      }
    }
    assert.deepEqual(problems, []);
  });

  it('looks platform spellings up without shadowing canonical names', () => {
    assert.equal(lookupConstant('WSAECONNREFUSED')?.name, 'ECONNREFUSED');
    assert.equal(lookupConstant('SD_SEND')?.name, 'SHUT_WR');
    assert.equal(lookupConstant('AF_BTH')?.name, 'AF_BLUETOOTH');
    for (const spelling of CONSTANTS_BY_PLATFORM_SPELLING.keys()) {
      assert.ok(!CONSTANTS_BY_NAME.has(spelling), spelling);
    }
  });

  it('maps every Node.js API and Python host to an entry, with texts in both languages', () => {
    for (const mapping of NODE_API) {
      assert.ok(CONSTANTS_BY_NAME.has(mapping.constant), mapping.api);
      assert.ok(mapping.en.length > 20 && mapping.tr.length > 20 && mapping.en !== mapping.tr, mapping.api);
      assert.equal(mapping.form === 'option', (mapping.calls ?? []).length > 0, mapping.api);
    }
    for (const host of SPECIAL_HOSTS) {
      assert.ok(CONSTANTS_BY_NAME.has(host.constant), host.literal);
    }
  });
});

// The table's values are facts: the Linux ones are checked against this machine's python3 and C
// headers. macOS and Windows values cannot be checked here; the data files cite their headers.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ALL_CONSTANTS } from '../../src/hover/data/index';
import type { ConstantEntry } from '../../src/hover/types';

function linuxNumber(entry: ConstantEntry): number | undefined {
  const value = entry.values.linux;
  return typeof value === 'number' ? value : value?.numeric;
}

interface PythonValues {
  readonly socket: Record<string, number>;
  readonly errno: Record<string, number>;
}

const PYTHON_SCRIPT = [
  'import errno, json, socket, sys',
  'names = json.load(sys.stdin)',
  'out = {"socket": {}, "errno": {}}',
  'for name in names:',
  '    if hasattr(socket, name):',
  '        out["socket"][name] = int(getattr(socket, name))',
  '    if hasattr(errno, name):',
  '        out["errno"][name] = int(getattr(errno, name))',
  'print(json.dumps(out))',
].join('\n');

/** Runs python3 once for all names; undefined when there is no python3. */
function pythonValues(names: readonly string[]): PythonValues | undefined {
  const result = spawnSync('python3', ['-c', PYTHON_SCRIPT], { input: JSON.stringify(names), encoding: 'utf8' });
  if (result.error !== undefined) {
    return undefined;
  }
  assert.equal(result.status, 0, `python3 failed: ${result.stderr}`);
  return JSON.parse(result.stdout) as PythonValues;
}

const C_HEADERS = [
  'sys/socket.h', 'sys/un.h', 'netinet/in.h', 'netinet/tcp.h', 'netinet/udp.h', 'arpa/inet.h', 'netdb.h', 'errno.h',
  'linux/vm_sockets.h', 'linux/can.h', 'linux/can/raw.h', 'linux/can/j1939.h', 'stdio.h',
];

/** Constants that <linux/can/j1939.h> declares as enum members, so #ifdef cannot see them. */
const C_ENUM_CONSTANTS = new Set([
  'SO_J1939_FILTER', 'SO_J1939_PROMISC', 'SO_J1939_SEND_PRIO', 'SO_J1939_ERRQUEUE',
  'SCM_J1939_DEST_ADDR', 'SCM_J1939_DEST_NAME', 'SCM_J1939_PRIO', 'SCM_J1939_ERRQUEUE',
]);

function cProgram(names: readonly string[]): string {
  const lines = ['#define _GNU_SOURCE', ...C_HEADERS.map((header) => `#include <${header}>`), 'int main(void) {'];
  for (const name of names) {
    if (C_ENUM_CONSTANTS.has(name)) {
      lines.push(`  printf("${name} %lld\\n", (long long)(${name}));`);
      continue;
    }
    lines.push(`#ifdef ${name}`, `  printf("${name} %lld\\n", (long long)(${name}));`, '#else', `  printf("${name} MISSING\\n");`, '#endif');
  }
  lines.push('  return 0;', '}');
  return lines.join('\n');
}

describe('hover data: Linux values', () => {
  const withLinuxNumber = ALL_CONSTANTS.filter((entry) => linuxNumber(entry) !== undefined);

  it('match python3 socket/errno for every name Python has', function () {
    const python = pythonValues(withLinuxNumber.map((entry) => entry.name));
    if (python === undefined) {
      console.log('      skipped: python3 is not installed');
      this.skip();
    }
    const mismatches: string[] = [];
    let compared = 0;
    for (const entry of withLinuxNumber) {
      const module = entry.group === 'errno' ? python.errno : python.socket;
      const actual = module[entry.name];
      if (actual !== undefined) {
        compared++;
        if (actual !== linuxNumber(entry)) {
          mismatches.push(`${entry.name}: table ${linuxNumber(entry)}, python ${actual}`);
        }
      }
    }
    console.log(`      compared ${compared} values with python3`);
    assert.deepEqual(mismatches, []);
    assert.ok(compared >= 250, `only ${compared} names compared`);
  });

  it('mark exactly the names Python lacks as notInPython', function () {
    const python = pythonValues(withLinuxNumber.map((entry) => entry.name));
    if (python === undefined) {
      console.log('      skipped: python3 is not installed');
      this.skip();
    }
    const wrong = withLinuxNumber
      .filter((entry) => {
        const module = entry.group === 'errno' ? python.errno : python.socket;
        return (module[entry.name] !== undefined) === (entry.notInPython === true);
      })
      .map((entry) => `${entry.name} (notInPython: ${entry.notInPython === true})`);
    assert.deepEqual(wrong, []);
  });

  it('match the C headers compiled with cc, and names without a Linux value are not defined there', function () {
    this.timeout(60_000);
    const probe = spawnSync('cc', ['--version'], { encoding: 'utf8' });
    if (probe.error !== undefined) {
      console.log('      skipped: no C compiler (cc) on this machine');
      this.skip();
    }
    // Names that only have another platform's value (SO_NOSIGPIPE, TCP_KEEPALIVE…) must be absent on Linux.
    const absentOnLinux = ALL_CONSTANTS.filter((entry) => entry.values.linux === undefined && entry.group !== 'go-network');
    const names = [...withLinuxNumber, ...absentOnLinux].map((entry) => entry.name);
    const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'hover-values-'));
    try {
      const source = path.join(directory, 'values.c');
      const binary = path.join(directory, 'values');
      fs.writeFileSync(source, cProgram(names));
      const compiled = spawnSync('cc', ['-o', binary, source], { encoding: 'utf8' });
      assert.equal(compiled.status, 0, `cc failed:\n${compiled.stderr}`);
      const run = spawnSync(binary, [], { encoding: 'utf8' });
      assert.equal(run.status, 0, run.stderr);
      const printed = new Map(run.stdout.trim().split('\n').map((line) => {
        const [name, value] = line.split(' ');
        return [name, value] as const;
      }));
      const problems: string[] = [];
      for (const entry of withLinuxNumber) {
        const value = printed.get(entry.name);
        if (value === 'MISSING') {
          problems.push(`${entry.name}: not defined by the C headers`);
        } else if (Number(value) !== linuxNumber(entry)) {
          problems.push(`${entry.name}: table ${linuxNumber(entry)}, C ${value}`);
        }
      }
      for (const entry of absentOnLinux) {
        if (printed.get(entry.name) !== 'MISSING') {
          problems.push(`${entry.name}: defined on Linux as ${printed.get(entry.name)} but the table has no Linux value`);
        }
      }
      console.log(`      compared ${withLinuxNumber.length} values with cc, checked ${absentOnLinux.length} names are absent`);
      assert.deepEqual(problems, []);
    } finally {
      fs.rmSync(directory, { recursive: true, force: true });
    }
  });
});

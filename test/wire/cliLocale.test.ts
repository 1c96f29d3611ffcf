import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { takeLocale, UsageError } from '../../src/wire/cliArgs';
import { ENGLISH, localeFromEnvironment, TURKISH, type CliTextId } from '../../src/wire/cliText';
import { cli, cliFolder, withoutTimings } from './cliHelpers';
import { freePort, startPython } from './helpers';

const TR = { LANG: 'tr_TR.UTF-8' };

/** {0}, {1}… in a message, sorted: a translation keeps every one of them. */
function placeholders(text: string): string[] {
  return [...new Set(text.match(/\{\d+\}/g) ?? [])].sort();
}

describe('socket-workbench CLI in Turkish (cliText.ts)', function () {
  this.timeout(40_000);

  describe('the tables', () => {
    it('Turkish has every English key, no other, none empty, with the same placeholders', () => {
      assert.deepEqual(Object.keys(TURKISH).sort(), Object.keys(ENGLISH).sort());
      const ids = Object.keys(ENGLISH) as CliTextId[];
      assert.deepEqual(ids.filter((id) => TURKISH[id].trim() === ''), []);
      assert.deepEqual(ids.filter((id) => placeholders(TURKISH[id]).join() !== placeholders(ENGLISH[id]).join()), []);
    });

    it('the Turkish usage names the same commands and options, each line indented as in English', () => {
      const english = ENGLISH.usage.split('\n');
      const turkish = TURKISH.usage.split('\n');
      const words = (lines: string[]): string[] => lines.map((line) => `${/^ */.exec(line)?.[0].length}: ${(line.match(/--[a-z]+|socket-workbench \w+|spec\|tap\|junit/g) ?? []).join(' ')}`);
      assert.deepEqual(words(turkish), words(english));
    });
  });

  describe('choosing the locale', () => {
    it('LC_ALL, then LC_MESSAGES, then LANG; an empty one counts as unset; C, POSIX and unknown languages are English', () => {
      const cases: Array<[Record<string, string | undefined>, string]> = [
        [{}, 'en'],
        [{ LANG: 'tr_TR.UTF-8' }, 'tr'],
        [{ LANG: 'tr' }, 'tr'],
        [{ LANG: 'tr_CY' }, 'tr'],
        [{ LANG: 'tr@latin' }, 'tr'],
        [{ LANG: 'TR_tr.utf8' }, 'tr'],
        [{ LANG: 'en_US.UTF-8' }, 'en'],
        [{ LANG: 'de_DE.UTF-8' }, 'en'],
        [{ LANG: 'trk' }, 'en'],
        [{ LANG: 'C.UTF-8' }, 'en'],
        [{ LC_MESSAGES: 'tr_TR.UTF-8', LANG: 'en_US.UTF-8' }, 'tr'],
        [{ LC_MESSAGES: 'C', LANG: 'tr_TR.UTF-8' }, 'en'],
        [{ LC_ALL: 'tr_TR.UTF-8', LC_MESSAGES: 'en_US.UTF-8', LANG: 'en_US.UTF-8' }, 'tr'],
        [{ LC_ALL: 'POSIX', LANG: 'tr_TR.UTF-8' }, 'en'],
        [{ LC_ALL: '', LC_MESSAGES: '', LANG: 'tr_TR.UTF-8' }, 'tr'],
      ];
      for (const [env, expected] of cases) {
        assert.equal(localeFromEnvironment(env), expected, JSON.stringify(env));
      }
    });

    it('--locale is taken out of argv anywhere, the last one wins, and values of other options are left alone', () => {
      assert.deepEqual(takeLocale(['--locale', 'tr', 'run', 'a.wire']), { locale: 'tr', argv: ['run', 'a.wire'] });
      assert.deepEqual(takeLocale(['run', 'a.wire', '--locale=tr', '--locale', 'en']), { locale: 'en', argv: ['run', 'a.wire'] });
      assert.deepEqual(takeLocale(['run', 'a.wire', '--section', '--locale', '--var=x=1']), { locale: undefined, argv: ['run', 'a.wire', '--section', '--locale', '--var=x=1'] });
      assert.deepEqual(takeLocale(['run', '--section']), { locale: undefined, argv: ['run', '--section'] });
      const errors: Array<[string[], CliTextId, string[]]> = [[['run', '--locale'], 'needsValue', ['--locale']], [['--locale', 'de'], 'localeValue', ['de']], [['--locale=tr_TR.UTF-8'], 'localeValue', ['tr_TR.UTF-8']]];
      for (const [argv, id, args] of errors) {
        assert.throws(() => takeLocale(argv), (error: unknown) => error instanceof UsageError && error.id === id && error.args.join() === args.join(), argv.join(' '));
      }
    });
  });

  describe('node dist/cli.js', () => {
    const folder = cliFolder('sw-wire-cli-tr-', {
      'mixed.wire': '### geçer\nopen tcp://127.0.0.1:{{port}}\nsend "a"\nexpect "a"\n### kalır\nopen tcp://127.0.0.1:{{port}}\nexpect "c" within 100ms\n### sahte\nlisten tcp-listen://127.0.0.1:0\non any\n  reply "x"\n',
      'bad.wire': '### bozuk\nsend\nwait soon\n',
    });

    const MIXED_TR = [
      'mixed.wire',
      '  geçer',
      '    ✓ 2: open tcp://127.0.0.1:{{port}} (… ms)',
      '    ✓ 3: send "a" (… ms)',
      '    ✓ 4: expect "a" (… ms)',
      '  ✓ geçer (… ms)',
      '  kalır',
      '    ✓ 6: open tcp://127.0.0.1:{{port}} (… ms)',
      '    ✗ 7: expect "c" within 100ms (… ms)',
      // The runner's own messages stay English.
      '        expected "c" within 100ms, got nothing',
      '  ✗ kalır (… ms)',
      '  sahte',
      '  - sahte (atlandı) (… ms)',
      `      'sahte' is a mock server (it only listens): run it with 'socket-workbench serve mixed.wire --section "sahte"'`,
      '',
      'bad.wire',
      "  ✗ çalıştırılmadı: 2 ayrıştırma hatası (stderr'e bakın)",
      '',
      '1 geçti, 1 başarısız, 1 atlandı, ayrıştırma hatalı 1 dosya (… ms)',
      '',
    ].join('\n');
    const PARSE_ERRORS = "bad.wire:2:6: expected a payload after 'send' (\"…\", hex, base64, file or <<END)\nbad.wire:3:6: expected a duration after 'wait' (250ms, 2s, 1m), got 'soon'\n";

    it('LANG=tr_TR.UTF-8: the spec report speaks Turkish, live and with --output, and the exit code stays 2', async () => {
      const live = await cli(['run', 'mixed.wire', 'bad.wire', '--var', `port=${folder.port()}`], { cwd: folder.directory(), env: TR });
      assert.equal(live.code, 2);
      assert.equal(withoutTimings(live.stdout), MIXED_TR);
      assert.equal(live.stderr, PARSE_ERRORS);
      const output = path.join(folder.directory(), 'report.txt');
      const written = await cli(['run', 'mixed.wire', 'bad.wire', '--var', `port=${folder.port()}`, '--output', output], { cwd: folder.directory(), env: TR });
      assert.equal(written.code, 2);
      assert.equal(written.stdout, '');
      // The written report lists the parse errors where the live one points to stderr.
      assert.equal(withoutTimings(fs.readFileSync(output, 'utf8')), MIXED_TR.replace("  ✗ çalıştırılmadı: 2 ayrıştırma hatası (stderr'e bakın)", PARSE_ERRORS.trimEnd().split('\n').map((line) => `  ✗ ${line}`).join('\n')));
    });

    it('--locale tr: help, usage errors and read errors in Turkish, with the same exit codes', async () => {
      const help = await cli(['--locale', 'tr', 'help']);
      assert.deepEqual([help.code, help.stdout, help.stderr], [0, `${TURKISH.usage}\n`, '']);
      const cases: Array<[string[], string]> = [
        [['run', '--locale', 'tr'], 'run bir .wire dosyası ister'],
        [['launch', 'x.wire', '--locale=tr'], "bilinmeyen komut 'launch': run, serve ya da record kullanın"],
        [['--locale', 'tr', 'run', 'a.wire', '--nope'], "bilinmeyen seçenek '--nope'"],
        [['--locale', 'tr', 'run', 'a.wire', '--timeout', 'soon'], "--timeout seçeneği 500ms, 5s ya da 1m gibi bir süre ister, 'soon' değil"],
        [['--locale', 'tr', 'run', 'a.wire', '--reporter', 'xml'], "--reporter spec, tap ya da junit olmalı, 'xml' değil"],
        [['--locale', 'tr', 'serve', 'a.wire'], 'serve tam olarak bir --section AD ister'],
        [['--locale', 'tr', 'record', 'tcp://127.0.0.1:1'], 'record --out DOSYA ister'],
      ];
      for (const [args, message] of cases) {
        const result = await cli(args, { cwd: folder.directory() });
        assert.deepEqual([result.code, result.stdout, result.stderr], [2, '', `socket-workbench: ${message}\n\n${TURKISH.usage}\n`], args.join(' '));
      }
      const absent = await cli(['--locale', 'tr', 'run', 'absent.wire'], { cwd: folder.directory() });
      assert.deepEqual([absent.code, absent.stdout, absent.stderr], [2, '', 'socket-workbench: absent.wire okunamıyor: ENOENT\n']);
      const missing = await cli(['--locale', 'tr', 'run', 'mixed.wire', '--section', 'yok'], { cwd: folder.directory() });
      assert.deepEqual([missing.code, missing.stderr], [2, "socket-workbench: mixed.wire içinde 'yok' adlı bölüm yok\n"]);
    });

    it('--locale wins over LANG either way; a bad --locale is a usage error in the environment\'s language', async () => {
      const english = await cli(['run', 'mixed.wire', '--section', 'geçer', '--var', `port=${folder.port()}`, '--locale', 'en'], { cwd: folder.directory(), env: { LC_ALL: 'tr_TR.UTF-8' } });
      assert.equal(english.code, 0);
      assert.match(english.stdout, /\n1 passed, 0 failed \([\d.]+ ms\)\n$/);
      const turkish = await cli(['run', 'mixed.wire', '--section', 'geçer', '--var', `port=${folder.port()}`, '--locale', 'tr'], { cwd: folder.directory(), env: { LANG: 'en_US.UTF-8' } });
      assert.equal(turkish.code, 0);
      assert.match(turkish.stdout, /\n1 geçti, 0 başarısız \([\d.]+ ms\)\n$/);
      const bad = await cli(['--locale', 'de', 'help'], { env: TR });
      assert.deepEqual([bad.code, bad.stdout, bad.stderr], [2, '', `socket-workbench: --locale en ya da tr olmalı, 'de' değil\n\n${TURKISH.usage}\n`]);
      const posix = await cli(['--locale', 'xx'], { env: { LC_ALL: 'C', LANG: 'tr_TR.UTF-8' } });
      assert.deepEqual([posix.code, posix.stderr], [2, `socket-workbench: --locale must be en or tr, got 'xx'\n\n${ENGLISH.usage}\n`]);
    });

    it('TAP and JUnit stay byte-identical in Turkish', async () => {
      const stable = (text: string): string => text.replace(/time=\d+ms/g, 'time=Xms').replace(/duration_ms: \d+/g, 'duration_ms: X').replace(/time="[\d.]+"/g, 'time="X"');
      for (const reporter of ['tap', 'junit']) {
        const args = ['run', 'mixed.wire', 'bad.wire', '--var', `port=${folder.port()}`, '--reporter', reporter];
        const english = await cli(args, { cwd: folder.directory() });
        const turkish = await cli(args, { cwd: folder.directory(), env: TR });
        assert.equal(turkish.code, 2);
        assert.equal(english.code, 2);
        assert.equal(stable(turkish.stdout), stable(english.stdout), reporter);
        assert.equal(turkish.stderr, english.stderr, reporter);
      }
    });

    it('serve and record print their status lines in Turkish', async () => {
      fs.writeFileSync(path.join(folder.directory(), 'mock.wire'), '### sahte\nlisten tcp-listen://127.0.0.1:0\non connect\n  reply "220 hazır\\r\\n"\n');
      const served = await cli(['serve', 'mock.wire', '--section', 'sahte', '--for', '500ms'], { cwd: folder.directory(), env: TR });
      assert.equal(served.code, 0, served.stderr);
      assert.equal(withoutTimings(served.stdout).replace(/127\.0\.0\.1:\d+/g, '127.0.0.1:P'), '127.0.0.1:P üzerinde dinleniyor (sahte)\n  sahte\n    ✓ 2: listen tcp-listen://127.0.0.1:P (… ms)\n  ✓ sahte (… ms)\n');
      const line = await startPython('line').ready;
      const out = path.join(folder.directory(), 'kayıt.wire');
      const recorded = await cli(['record', `tcp://127.0.0.1:${line}`, '--out', out], { cwd: folder.directory(), stdin: 'quit\n', env: TR });
      assert.equal(recorded.code, 0, recorded.stderr);
      assert.match(recorded.stderr, /^\d+ döküm kaydı .*kayıt\.wire dosyasına yazıldı\n$/);
      const listener = await cli(['record', 'tcp-listen://127.0.0.1:0', '--out', out, '--for', '300ms'], { cwd: folder.directory(), env: TR });
      assert.equal(listener.code, 0, listener.stderr);
      assert.match(listener.stderr, /^tcp-listen:\/\/127\.0\.0\.1:0 kaydediliyor: \{.*\} üzerinde dinleniyor; Ctrl\+C ile durdurun\n\d+ döküm kaydı .* dosyasına yazıldı\n$/);
      const refusedPort = await freePort();
      const refused = await cli(['record', `tcp://127.0.0.1:${refusedPort}`, '--out', out], { cwd: folder.directory(), env: TR });
      assert.equal(refused.code, 1);
      // The engine's reason stays English.
      assert.equal(refused.stderr, `socket-workbench: tcp://127.0.0.1:${refusedPort} açılamıyor: connect ECONNREFUSED 127.0.0.1:${refusedPort}\n`);
    });
  });
});

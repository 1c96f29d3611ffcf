/**
 * The words of `socket-workbench` itself, in English and Turkish: usage, argument errors, status
 * lines and the spec reporter's summary. The locale comes from `--locale en|tr`, else LC_ALL,
 * LC_MESSAGES, LANG (tr_TR.UTF-8 → tr), else English. TAP and JUnit output, and the messages the
 * runner and the parser produce, are not translated here. Plain Node: no `vscode` (the extension
 * has vscode.l10n and l10n/bundle.l10n.tr.json; the Turkish below reuses its wording).
 */

export type CliLocale = 'en' | 'tr';
export const CLI_LOCALES: readonly CliLocale[] = ['en', 'tr'];

export const ENGLISH = {
  usage: `Usage:
  socket-workbench run FILE... [--section NAME]... [--var k=v]... [--timeout 5s]
                   [--reporter spec|tap|junit] [--output FILE]
  socket-workbench serve FILE --section NAME [--var k=v]... [--for 30s]
  socket-workbench record SPEC --out FILE [--section NAME] [--for 30s]
  socket-workbench help

Runs *.wire files: scripted socket conversations and mock servers.
Exit codes: 0 every section passed, 1 a section failed, 2 usage or parse error.
The report goes to stdout (or --output FILE), diagnostics to stderr.
--locale en|tr chooses the language (default: LC_ALL, LC_MESSAGES or LANG).`,
  unknownCommand: "unknown command '{0}': use run, serve or record",
  needsValue: '{0} needs a value',
  needsDuration: "{0} needs a duration such as 500ms, 5s or 1m, got '{1}'",
  varNeedsPair: "--var needs NAME=VALUE, got '{0}'",
  forAppliesTo: '--for applies to serve and record',
  reporterValue: "--reporter must be spec, tap or junit, got '{0}'",
  localeValue: "--locale must be en or tr, got '{0}'",
  unknownOption: "unknown option '{0}'",
  recordNeedsSpec: 'record needs one socket spec, e.g. tcp://127.0.0.1:7000',
  recordNeedsOut: 'record needs --out FILE',
  needsFile: '{0} needs a .wire file',
  serveOneFile: 'serve takes one file',
  serveOneSection: 'serve needs exactly one --section NAME',
  runOnlyOptions: '--reporter and --output apply to run',
  cannotRead: 'cannot read {0}: {1}',
  cannotWrite: 'cannot write {0}: {1}',
  cannotOpen: 'cannot open {0}: {1}',
  noSection: 'no section named {0} in {1}',
  notRunOne: 'not run: {0} parse error (see stderr)',
  notRunMany: 'not run: {0} parse errors (see stderr)',
  listening: 'listening on {0} ({1})',
  recording: 'recording {0}: listening on {1}; stop with Ctrl+C',
  recorded: 'recorded {0} transcript entries as {1}',
  internalError: 'internal error: {0}',
  passed: '{0} passed',
  failed: '{0} failed',
  skipped: '{0} skipped',
  cancelled: '{0} cancelled',
  parseErrorFilesOne: '{0} file with parse errors',
  parseErrorFilesMany: '{0} files with parse errors',
  sectionSkipped: 'skipped',
  sectionCancelled: 'cancelled',
} as const;

export type CliTextId = keyof typeof ENGLISH;

/** Turkish has no plural after a number: the One/Many pairs read the same. */
export const TURKISH: Readonly<Record<CliTextId, string>> = {
  usage: `Kullanım:
  socket-workbench run DOSYA... [--section AD]... [--var k=v]... [--timeout 5s]
                   [--reporter spec|tap|junit] [--output DOSYA]
  socket-workbench serve DOSYA --section AD [--var k=v]... [--for 30s]
  socket-workbench record SPEC --out DOSYA [--section AD] [--for 30s]
  socket-workbench help

*.wire dosyalarını çalıştırır: betikli soket konuşmaları ve sahte sunucular.
Çıkış kodları: 0 her bölüm geçti, 1 bir bölüm başarısız oldu, 2 kullanım ya da ayrıştırma hatası.
Rapor stdout'a (ya da --output DOSYA), tanılama iletileri stderr'e gider.
--locale en|tr dili seçer (varsayılan: LC_ALL, LC_MESSAGES ya da LANG).`,
  unknownCommand: "bilinmeyen komut '{0}': run, serve ya da record kullanın",
  needsValue: '{0} seçeneği bir değer ister',
  needsDuration: "{0} seçeneği 500ms, 5s ya da 1m gibi bir süre ister, '{1}' değil",
  varNeedsPair: "--var AD=DEĞER ister, '{0}' değil",
  forAppliesTo: '--for yalnızca serve ve record için geçerlidir',
  reporterValue: "--reporter spec, tap ya da junit olmalı, '{0}' değil",
  localeValue: "--locale en ya da tr olmalı, '{0}' değil",
  unknownOption: "bilinmeyen seçenek '{0}'",
  recordNeedsSpec: 'record bir soket tanımı ister, örneğin tcp://127.0.0.1:7000',
  recordNeedsOut: 'record --out DOSYA ister',
  needsFile: '{0} bir .wire dosyası ister',
  serveOneFile: 'serve tek bir dosya alır',
  serveOneSection: 'serve tam olarak bir --section AD ister',
  runOnlyOptions: '--reporter ve --output yalnızca run için geçerlidir',
  cannotRead: '{0} okunamıyor: {1}',
  cannotWrite: '{0} yazılamıyor: {1}',
  cannotOpen: '{0} açılamıyor: {1}',
  noSection: '{1} içinde {0} adlı bölüm yok',
  notRunOne: "çalıştırılmadı: {0} ayrıştırma hatası (stderr'e bakın)",
  notRunMany: "çalıştırılmadı: {0} ayrıştırma hatası (stderr'e bakın)",
  listening: '{0} üzerinde dinleniyor ({1})',
  recording: '{0} kaydediliyor: {1} üzerinde dinleniyor; Ctrl+C ile durdurun',
  recorded: '{0} döküm kaydı {1} dosyasına yazıldı',
  internalError: 'iç hata: {0}',
  passed: '{0} geçti',
  failed: '{0} başarısız',
  skipped: '{0} atlandı',
  cancelled: '{0} iptal edildi',
  parseErrorFilesOne: 'ayrıştırma hatalı {0} dosya',
  parseErrorFilesMany: 'ayrıştırma hatalı {0} dosya',
  sectionSkipped: 'atlandı',
  sectionCancelled: 'iptal edildi',
};

const TABLES: Readonly<Record<CliLocale, Readonly<Record<CliTextId, string>>>> = { en: ENGLISH, tr: TURKISH };

/** A message of the table, with {0}, {1}… replaced by the arguments. */
export type CliText = (id: CliTextId, ...args: ReadonlyArray<string | number>) => string;

export function formatText(template: string, args: ReadonlyArray<string | number>): string {
  return template.replace(/\{(\d+)\}/g, (whole, index: string) => (Number(index) < args.length ? String(args[Number(index)]) : whole));
}

export function cliText(locale: CliLocale): CliText {
  const table = TABLES[locale];
  return (id, ...args) => formatText(table[id], args);
}

export const englishText: CliText = cliText('en');

/** `en`, `tr`, or a POSIX locale name such as tr_TR.UTF-8 or tr@euro → its language, when we speak it. */
export function parseLocale(name: string): CliLocale | undefined {
  const language = name.split(/[_.@-]/)[0].toLowerCase();
  return CLI_LOCALES.find((locale) => locale === language);
}

/** The first set one of LC_ALL, LC_MESSAGES, LANG decides (C, POSIX and the rest → English). */
export function localeFromEnvironment(env: Readonly<Record<string, string | undefined>>): CliLocale {
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG']) {
    const value = env[name];
    if (value !== undefined && value !== '') {
      return parseLocale(value) ?? 'en';
    }
  }
  return 'en';
}

/**
 * The extensionTestsPath module: VS Code's extension host loads out/test/extension/index.js and
 * calls run(); the returned promise settles the whole run (rejecting means "tests failed").
 * Started by `npm run test:extension` (test/runner/extension-tests.mjs, a real VS Code OSS).
 *
 * Conventions for test files (mocha BDD: describe/it):
 * - test/extension/**\/*.test.ts run in the English pass (`extension-tests.mjs`, the default).
 * - A file named *.<locale>.test.ts (e.g. smoke.tr.test.ts) runs ONLY in the pass for that display
 *   language (`extension-tests.mjs --locale tr`), where vscode.env.language === '<locale>'. A locale
 *   is any language with a fixture pack in test/runner/lang-pack-<locale>/.
 * - Environment seen by the tests (the extension host inherits the runner's environment, so any
 *   variable you set when starting the runner reaches the tests):
 *     SOCKET_WORKBENCH_LOCALE       the pass's display language: 'en' or e.g. 'tr'
 *     SOCKET_WORKBENCH_TEST_GREP    only run tests whose full title matches (runner's --grep)
 *     SOCKET_WORKBENCH_FAIL_SMOKE=1 makes smoke.test.ts fail on purpose (proves failures propagate)
 * - The workspace folder is a fresh empty temp folder for each run: tests may write files into it.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

const REPO = path.resolve(__dirname, '../../..');
/**
 * Files that must run after all others, in this order, whatever their names: deactivate.test.js
 * disposes the extension's engine, so nothing can run after it.
 */
const RUN_LAST = ['deactivate.test.js'];
const LOCALE_FILE = /\.([a-z]{2,3}(?:-[a-z]+)?)\.test\.js$/i;

function testFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return testFiles(full);
    return entry.name.endsWith('.test.js') ? [full] : [];
  });
}

/** The locale a file is tied to, if its name says so and a language pack fixture exists for it. */
function fileLocale(file: string): string | undefined {
  const id = LOCALE_FILE.exec(path.basename(file))?.[1];
  return id !== undefined && fs.existsSync(path.join(REPO, 'test', 'runner', `lang-pack-${id}`)) ? id : undefined;
}

/** Alphabetical, then the RUN_LAST files at the end; a RUN_LAST file that is missing is an error. */
export function orderFiles(files: readonly string[]): string[] {
  const last = new Set(RUN_LAST);
  const ordered = files.filter((file) => !last.has(path.basename(file))).sort();
  for (const name of RUN_LAST) {
    const file = files.find((candidate) => path.basename(candidate) === name);
    if (file === undefined && files.some((candidate) => fileLocale(candidate) === undefined)) {
      throw new Error(`${name} must run last, but there is no such test file under ${__dirname}`);
    }
    if (file !== undefined) {
      ordered.push(file);
    }
  }
  return ordered;
}

export function run(): Promise<void> {
  const locale = process.env.SOCKET_WORKBENCH_LOCALE ?? 'en';
  const files = orderFiles(testFiles(__dirname).filter((file) => (fileLocale(file) ?? 'en') === locale));
  const mocha = new Mocha({
    ui: 'bdd',
    color: false,
    timeout: 20_000,
    slow: 2_000,
    grep: process.env.SOCKET_WORKBENCH_TEST_GREP || undefined,
  });
  for (const file of files) mocha.addFile(file);
  console.log(`extension tests, locale ${locale}: ${files.map((f) => path.relative(__dirname, f)).join(', ') || 'no files'}`);
  if (files.length === 0) {
    return Promise.reject(new Error(`no test files for locale "${locale}" under ${__dirname}`));
  }
  return new Promise((resolve, reject) => {
    mocha.run((failures) => {
      if (failures > 0) reject(new Error(`${failures} extension test(s) failed`));
      else resolve();
    });
  });
}

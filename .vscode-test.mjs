// For contributors with desktop VS Code: `npm run test:desktop` runs the extension tests through
// @vscode/test-cli, which downloads VS Code into .vscode-test/ on first use. (CI machines cannot
// download VS Code; there `npm run test:extension` runs the same tests in VS Code OSS, see
// test/runner/.) test-cli loads the test files itself, with the settings below instead of
// test/extension/index.ts, so the file conventions from index.ts are repeated here:
// *.tr.test.js files run only in the Turkish configuration (`npx vscode-test --label tr`).
import { defineConfig } from '@vscode/test-cli';

const mocha = { ui: 'bdd', timeout: 20_000, slow: 2_000 };

export default defineConfig([
  {
    label: 'en',
    // extglob: every *.test.js except the Turkish-only *.tr.test.js
    files: 'out/test/extension/**/!(*.tr).test.js',
    mocha,
    env: { SOCKET_WORKBENCH_LOCALE: 'en' },
    launchArgs: ['--locale=en'],
  },
  {
    label: 'tr',
    files: 'out/test/extension/**/*.tr.test.js',
    mocha,
    env: { SOCKET_WORKBENCH_LOCALE: 'tr' },
    // Desktop VS Code only switches vscode.env.language to 'tr' with the Turkish language pack.
    installExtensions: ['ms-ceintl.vscode-language-pack-tr'],
    launchArgs: ['--locale=tr'],
  },
]);

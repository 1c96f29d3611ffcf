// Lint rules that keep the house rules honest: no `any`, no default exports, no console logging,
// and the boundaries between the rooms (CONTRIBUTING.md): an engine that never reaches for `vscode`
// or for code outside src/engine, a browser-safe engine/shared/, an extension that enters the engine
// through its facade (src/engine/index.ts) only, and lower rooms that never import commands/.
import eslint from '@eslint/js';
import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';

const FACADE = { regex: '(^|/)engine/', message: 'Import the engine through its facade (src/engine/index.ts): export what you need there.' };
const NO_COMMANDS = { regex: '(^|/)commands(/|$)', message: 'panel/, tree/ and hover/ sit below commands/: they must not import it (pass what they need in, or register from commands/).' };
const NO_VSCODE_IN_BROWSER = { name: 'vscode', message: 'The webview runs in a browser: talk to the host through src/shared/protocol.ts.' };

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', '.vscode-test/**', 'test-output/**', '**/*.mjs', '**/*.cjs'] },
  eslint.configs.recommended,
  ...tseslint.configs.recommended,
  {
    // Typed rules: a promise is awaited, returned, or explicitly let go with `void`.
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
    },
  },
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-exports': ['error', { restrictDefaultExports: { direct: true, named: true, defaultFrom: true, namedFrom: true, namespaceFrom: true } }],
      'no-console': 'error',
      eqeqeq: ['error', 'always', { null: 'ignore' }],
    },
  },
  {
    files: ['src/engine/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'vscode', message: 'src/engine is a plain Node library: it must not import vscode.' }],
        patterns: [{ group: ['../*', '!../engine/*'], message: 'src/engine must not import code outside src/engine.' }],
      }],
    },
  },
  {
    // Bundled into the webview too: nothing from Node, nothing from the rest of the engine.
    files: ['src/engine/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'vscode', message: 'src/engine/shared runs in the webview and in plain Node: no vscode.' }],
        patterns: [
          { group: ['../*'], message: 'src/engine/shared is browser-safe: it imports only its own folder.' },
          { group: ['node:*', ...builtinModules], message: 'src/engine/shared is bundled into the webview: no Node modules.' },
        ],
      }],
    },
  },
  {
    // The extension enters the engine through its facade.
    files: ['src/**/*.ts'],
    ignores: ['src/engine/**', 'src/webview/**', 'src/shared/**', 'src/wire/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [FACADE] }] },
  },
  {
    // The wire runner is a plain Node library (the CLI runs it): the engine through its index only.
    files: ['src/wire/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'vscode', message: 'src/wire is a plain Node library (the CLI runs it): it must not import vscode.' }],
        patterns: [{ regex: '^\\.\\./(?!engine/index$)', message: 'src/wire reaches the engine only through src/engine/index and imports nothing else outside src/wire.' }],
      }],
    },
  },
  {
    // Lower rooms never import the commands above them.
    files: ['src/panel/**/*.ts', 'src/tree/**/*.ts', 'src/hover/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [FACADE, NO_COMMANDS] }] },
  },
  {
    // The webview bundle: its own folder, the protocol, and the browser-safe engine modules only.
    files: ['src/webview/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [NO_VSCODE_IN_BROWSER],
        patterns: [{ regex: '^\\.\\./(?!shared/|engine/shared/)', message: 'The webview bundles only src/webview, src/shared and src/engine/shared (the engine facade pulls in Node).' }],
      }],
    },
  },
  {
    // The protocol both bundles import.
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [NO_VSCODE_IN_BROWSER],
        patterns: [{ regex: '^\\.\\./(?!engine/shared/)', message: 'src/shared is bundled into the webview: it imports only src/engine/shared.' }],
      }],
    },
  },
  {
    // Tests may print a seed or a skip reason; mocha's own reporter is the console.
    files: ['test/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
);

// Lint rules that keep the house rules honest: no `any`, no default exports, no console logging,
// and an engine that never reaches for `vscode` or for code outside src/engine.
import eslint from '@eslint/js';
import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', '.vscode-test/**', 'test-output/**', '**/*.mjs', '**/*.cjs'] },
  eslint.configs.recommended,
  ...tseslint.configs.recommended,
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
    files: ['src/webview/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'vscode', message: 'The webview runs in a browser: talk to the host through src/shared/protocol.ts.' }],
      }],
    },
  },
  {
    // Tests may print a seed or a skip reason; mocha's own reporter is the console.
    files: ['test/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
);

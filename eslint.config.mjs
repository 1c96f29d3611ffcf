// Lint rules that keep the house rules honest: no `any`, no default exports, no console logging,
// and an engine that never reaches for `vscode` or for code outside src/engine.
import eslint from '@eslint/js';
import tseslint from 'typescript-eslint';

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
    files: ['src/wire/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'vscode', message: 'src/wire is a plain Node library (the CLI runs it): it must not import vscode.' }],
        patterns: [{ regex: '^\\.\\./(?!engine/index$)', message: 'src/wire reaches the engine only through src/engine/index and imports nothing else outside src/wire.' }],
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

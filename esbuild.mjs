// Builds four bundles: the extension (Node, CommonJS, `vscode` external), the CLI (Node, no vscode),
// the recording worker (loaded by path from next to them) and the webview (browser, IIFE). `--watch`
// rebuilds on change, `--production` minifies and drops source maps.
import * as esbuild from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** Copies codicons into dist/ so the webview can load them from an allowed local resource root. */
function copyCodicons() {
  const source = path.join('node_modules', '@vscode', 'codicons', 'dist');
  const target = path.join('dist', 'codicons');
  fs.mkdirSync(target, { recursive: true });
  for (const file of ['codicon.css', 'codicon.ttf']) {
    fs.copyFileSync(path.join(source, file), path.join(target, file));
  }
}

/** Prints build problems the way VS Code's esbuild problem matcher expects. */
const problemReporter = {
  name: 'problem-reporter',
  setup(build) {
    build.onStart(() => { if (watch) process.stdout.write('[watch] build started\n'); });
    build.onEnd((result) => {
      for (const { text, location } of [...result.errors, ...result.warnings]) {
        process.stderr.write(`✘ [ERROR] ${text}\n`);
        if (location) process.stderr.write(`    ${location.file}:${location.line}:${location.column}:\n`);
      }
      if (watch) process.stdout.write('[watch] build finished\n');
    });
  },
};

const common = {
  bundle: true,
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
  logLevel: 'silent',
  plugins: [problemReporter],
};

const targets = [
  {
    ...common,
    entryPoints: ['src/extension.ts'],
    outfile: 'dist/extension.js',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
  },
  {
    // The command-line runner: plain Node, no vscode; `node dist/cli.js` works from a clone.
    ...common,
    entryPoints: ['src/wire/cli.ts'],
    outfile: 'dist/cli.js',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    banner: { js: '#!/usr/bin/env node' },
  },
  {
    // A recording's worker thread: loaded by path from next to the bundle that starts it.
    ...common,
    entryPoints: ['src/engine/recorderWorker.ts'],
    outfile: 'dist/recorderWorker.js',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
  },
  {
    ...common,
    entryPoints: ['src/webview/main.ts'],
    outfile: 'dist/webview.js',
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
  },
];

copyCodicons();
if (watch) {
  for (const options of targets) {
    const context = await esbuild.context(options);
    await context.watch();
  }
} else {
  const results = await Promise.all(targets.map((options) => esbuild.build(options).catch((error) => error)));
  const failed = results.filter((result) => result instanceof Error);
  if (fs.existsSync(path.join('dist', 'cli.js'))) {
    fs.chmodSync(path.join('dist', 'cli.js'), 0o755);
  }
  if (failed.length > 0) {
    process.exitCode = 1;
  }
}

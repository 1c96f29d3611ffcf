#!/usr/bin/env node
// Runs the UI scenarios in test/e2e/*.scenario.mjs, each in a fresh VS Code OSS (code-server) in
// headless Chromium, with the extension installed (linked into the extensions folder, so the UI
// behaves normally: toasts show, no development-host banner). Builds nothing: `npm run test:e2e`
// builds dist/ first.
//
//   node test/runner/ui-tests.mjs [--grep name] [--timeout s] [--retries n] [--keep] [--verbose]
//     --grep      only scenarios whose file name contains this text (or matches it as a regexp)
//     --timeout   limit per scenario in seconds (default 180, or the scenario's options.timeout)
//     --keep      keep each scenario's temp folder (code-server.log, user data, workspace)
//     --verbose   runner progress (URLs, blocked requests, page errors)
//
// A scenario is an ES module with a named export `run(ui)` (no default exports in this project)
// and optionally `options`:
//   export const options = { locale: 'tr', theme: 'Default Light Modern', settings: {...},
//                            env: {...}, files: { 'a.txt': '...' }, viewport: { width, height }, timeout: 120 };
//   export async function run(ui) { await ui.runCommand('...'); await ui.screenshot('01-x'); }
// The ui helpers are in test/runner/ui.mjs. Screenshots go to test-output/screenshots/<scenario>/;
// a failing scenario also gets error.png there. Exit code: 0 all passed, 1 a scenario failed,
// 2 nothing could run (bad arguments, no build, no scenario matched, install failed).
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ensureInstalled } from './install.mjs';
import { makeUi } from './ui.mjs';
import { MANIFEST, REPO, openVSCode, runMain } from './vscode.mjs';

const SCENARIOS = path.join(REPO, 'test/e2e');
const SHOTS = path.join(REPO, 'test-output/screenshots');
const OPTION_KEYS = ['locale', 'theme', 'settings', 'env', 'files', 'viewport', 'timeout'];

function parseArgs(argv) {
  const o = { timeout: 180, keep: false, verbose: false, retries: 0 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) usage(`${a} needs a value`);
      return argv[++i];
    };
    if (a === '--grep') o.grep = value();
    else if (a === '--timeout') o.timeout = Number(value());
    else if (a === '--retries') {
      o.retries = Number(value());
      if (!Number.isInteger(o.retries) || o.retries < 0) usage(`--retries needs a whole number, not ${argv[i]}`);
    } else if (a === '--keep') o.keep = true;
    else if (a === '--verbose') o.verbose = true;
    else usage(a === '--help' || a === '-h' ? '' : `unknown argument ${a}`);
  }
  return o;
}

function usage(msg) {
  if (msg) console.error(`ui-tests: ${msg}`);
  console.error('usage: node test/runner/ui-tests.mjs [--grep name] [--timeout s] [--retries n] [--keep] [--verbose]');
  process.exit(2);
}

/** Loads a scenario and checks its shape, so mistakes fail with a clear message. */
async function loadScenario(file) {
  const mod = await import(pathToFileURL(file).href);
  const rel = path.relative(REPO, file);
  if (typeof mod.run !== 'function') {
    throw new Error(`${rel} must export a named async function run(ui)${mod.default ? ' (default exports are not used in this project)' : ''}`);
  }
  const options = mod.options || {};
  const unknown = Object.keys(options).filter((k) => !OPTION_KEYS.includes(k));
  if (unknown.length) throw new Error(`${rel}: unknown options ${unknown.join(', ')} (known: ${OPTION_KEYS.join(', ')})`);
  return { run: mod.run, options };
}

/** Runs one scenario in its own VS Code; resolves to an error message or null. */
async function runScenario(name, file, opts) {
  const t0 = Date.now();
  const log = (m) => console.log(`  [${name} +${((Date.now() - t0) / 1000).toFixed(1)}s] ${m}`);
  const debug = (m) => { if (opts.verbose) log(m); };
  const { run, options } = await loadScenario(file);
  const outDir = path.join(SHOTS, name);
  fs.rmSync(outDir, { recursive: true, force: true });
  fs.mkdirSync(outDir, { recursive: true });

  const session = await openVSCode({
    linkExtensions: [REPO],
    locale: options.locale,
    theme: options.theme,
    settings: options.settings,
    env: options.env,
    files: options.files,
    viewport: options.viewport,
    keep: opts.keep,
    log: debug,
  });
  const ui = makeUi(session, { outDir, log });
  const limit = (options.timeout || opts.timeout) * 1000;
  let timer;
  try {
    await ui.waitForWorkbench();
    debug('workbench ready');
    await Promise.race([
      run(ui),
      new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`timed out after ${limit / 1000}s`)), limit); }),
    ]);
    return null;
  } catch (err) {
    await ui.screenshot('error').catch(() => {});
    if (opts.verbose) log(`code-server.log:\n${session.server.logTail()}`);
    return err?.stack || String(err);
  } finally {
    clearTimeout(timer);
    await session.close();
  }
}

runMain('ui-tests', 3600, async () => {
  const opts = parseArgs(process.argv.slice(2));
  if (!fs.existsSync(path.join(REPO, MANIFEST.main))) {
    console.error(`ui-tests: ${MANIFEST.main} is missing; run npm run build (npm run test:e2e does)`);
    return 2;
  }
  const matches = (name) => !opts.grep || name.includes(opts.grep) || new RegExp(opts.grep).test(name);
  const scenarios = fs.readdirSync(SCENARIOS)
    .filter((f) => f.endsWith('.scenario.mjs'))
    .sort()
    .map((f) => ({ name: f.replace(/\.scenario\.mjs$/, ''), file: path.join(SCENARIOS, f) }))
    .filter((s) => matches(s.name));
  if (scenarios.length === 0) {
    console.error(`ui-tests: no scenario in test/e2e/*.scenario.mjs${opts.grep ? ` matches "${opts.grep}"` : ''}`);
    return 2;
  }
  await ensureInstalled();

  const failed = [];
  // A scenario that fails and then passes on a retry is reported as flaky by name, with its first
  // failure, so a timing problem on a busy machine stays visible without turning the run red.
  const flaky = [];
  for (const { name, file } of scenarios) {
    console.log(`\n=== ui scenario ${name}`);
    let firstError = null;
    for (let attempt = 0; attempt <= opts.retries; attempt++) {
      const t0 = Date.now();
      if (attempt > 0) console.log(`  retry ${attempt} of ${opts.retries}: ${name}`);
      // A broken scenario module or a VS Code that will not start fails this scenario, not the run.
      const error = await runScenario(name, file, opts).catch((err) => err?.stack || String(err));
      const secs = ((Date.now() - t0) / 1000).toFixed(1);
      if (!error) {
        console.log(`  ok   ${name} (${secs}s)${attempt > 0 ? ` on retry ${attempt}: FLAKY` : ''}`);
        if (attempt > 0) flaky.push({ name, error: firstError });
        break;
      }
      firstError ??= error;
      const shot = path.join(SHOTS, name, 'error.png');
      if (fs.existsSync(shot) && attempt < opts.retries) {
        // runScenario empties the scenario's folder, so the first failure's picture is kept beside it.
        fs.copyFileSync(shot, path.join(SHOTS, `${name}.error-attempt-${attempt + 1}.png`));
      }
      console.error(`  FAIL ${name} (${secs}s): ${error}${fs.existsSync(shot) ? `\n  see ${path.relative(REPO, shot)}` : ''}`);
      if (attempt === opts.retries) failed.push(name);
    }
  }
  for (const { name, error } of flaky) {
    console.log(`\nFLAKY ${name}: failed once, then passed. First failure:\n  ${error.split('\n').slice(0, 3).join('\n  ')}`);
  }
  console.log(`\nui-tests: ${scenarios.length - failed.length} passed${flaky.length ? ` (${flaky.length} on a retry: ${flaky.map((f) => f.name).join(', ')})` : ''}, ${failed.length} failed`
    + `${failed.length ? ` (${failed.join(', ')})` : ''}; screenshots in ${path.relative(REPO, SHOTS)}/`);
  return failed.length ? 1 : 0;
});

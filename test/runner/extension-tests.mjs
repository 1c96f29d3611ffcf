#!/usr/bin/env node
// Runs the extension tests (out/test/extension, mocha) inside the Node extension host of a real
// VS Code OSS (code-server) driven by headless Chromium. Builds nothing: `npm run test:extension`
// builds dist/ and out/ first. See test/extension/index.ts for the test conventions.
//
//   node test/runner/extension-tests.mjs [--locale en,tr] [--grep re] [--env K=V]... [--timeout s] [--keep] [--verbose]
//     --locale    display language(s), one pass each (default en). In the 'tr' pass only the
//                 *.tr.test.js files run, and vscode.env.language === 'tr'.
//     --grep      only tests whose full title matches this regular expression
//     --env       extra environment for the extension host (the runner's own env is inherited too)
//     --timeout   limit per pass in seconds (default 300)
//     --keep      keep the temp folder (code-server.log, user data, workspace)
//     --verbose   show VS Code's own log chatter and runner progress
// Exit code: 0 all passed, 1 tests failed (or the test module threw), 2 runner/VS Code trouble.
import fs from 'node:fs';
import path from 'node:path';
import util from 'node:util';
import { ensureInstalled } from './install.mjs';
import { MANIFEST, REPO, openVSCode, remoteUri, runMain } from './vscode.mjs';

const TESTS_MODULE = path.join(REPO, 'out/test/extension/index.js');

function parseArgs(argv) {
  const o = { locales: ['en'], env: {}, timeout: 300, keep: false, verbose: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) usage(`${a} needs a value`);
      return argv[++i];
    };
    if (a === '--locale') o.locales = value().split(',').map((s) => s.trim()).filter(Boolean);
    else if (a === '--grep') o.env.SOCKET_WORKBENCH_TEST_GREP = value();
    else if (a === '--env') {
      const [k, ...v] = value().split('=');
      o.env[k] = v.join('=');
    } else if (a === '--timeout') o.timeout = Number(value());
    else if (a === '--keep') o.keep = true;
    else if (a === '--verbose') o.verbose = true;
    else usage(a === '--help' || a === '-h' ? '' : `unknown argument ${a}`);
  }
  return o;
}

function usage(msg) {
  if (msg) console.error(`extension-tests: ${msg}`);
  console.error('usage: node test/runner/extension-tests.mjs [--locale en,tr] [--grep re] [--env K=V]... [--timeout s] [--keep] [--verbose]');
  process.exit(2);
}

// Workbench and extension-host chatter that says nothing about our tests (shown with --verbose).
const NOISE = [
  /^Resolving connection token/, /^Resolved connection token/, /^Creating a socket/,
  /^\[reconnection-grace-time\]/, /^Updating additional builtin extensions cache/,
  /^\[Service Worker\]/, /^\[AgentHost/, /^\[AccountPolicyGate\]/,
  /^Ignoring fetching additional builtin extensions/, /^Timed out waiting for authentication provider/,
  /initializeExtensionUsageCache/, /^Extension host \(Remote\) is unresponsive/,
  // With a display language, VS Code asks the (disabled) gallery for built-in translations.
  /^No extension gallery service configured/,
  // Extension host shutdown after the run.
  /^Canceled: Canceled/,
  /^No search provider registered for scheme/,
];

/** One VS Code session for one display language. Resolves to { code, passed, failed, pending }. */
async function runPass(locale, opts, log) {
  const counts = { passed: 0, failed: 0, pending: 0 };
  let settle;
  const done = new Promise((resolve) => { settle = resolve; });
  const vscode = await openVSCode({
    locale,
    smokeDriver: true,
    keep: opts.keep,
    log,
    env: { ...opts.env, SOCKET_WORKBENCH_LOCALE: locale },
    // The development extension and the tests module, as the browser-side workbench addresses them.
    payload: (server) => [
      ['extensionDevelopmentPath', remoteUri(server, REPO)],
      ['extensionTestsPath', remoteUri(server, TESTS_MODULE)],
    ],
    // The smoke-test driver reports through these page globals: every log line (including the
    // extension host's console, hence mocha's reporter) and the final exit code.
    expose: {
      codeAutomationLog(level, args) {
        const line = util.format(...(Array.isArray(args) ? args : [args]));
        for (const m of line.matchAll(/^\s*(\d+) (passing|failing|pending)\b/gm)) {
          counts[{ passing: 'passed', failing: 'failed', pending: 'pending' }[m[2]]] += Number(m[1]);
        }
        if (!opts.verbose && NOISE.some((re) => re.test(line))) return;
        (level === 'error' || level === 'warn' ? console.error : console.log)(line);
      },
      codeAutomationExit(code) {
        settle(code === 0 ? 0 : 1);
      },
    },
  });
  log(`workspace ${vscode.workspace}`);
  vscode.page.on('crash', () => settle(2));
  const timer = setTimeout(() => {
    console.error(`extension-tests: the ${locale} pass timed out after ${opts.timeout}s`);
    settle(2);
  }, opts.timeout * 1000);
  const code = await done;
  clearTimeout(timer);
  if (code === 2) console.error(`----- last lines of code-server.log -----\n${vscode.server.logTail()}`);
  await vscode.close();
  return { code, ...counts };
}

runMain('extension-tests', 3600, async () => {
  const opts = parseArgs(process.argv.slice(2));
  const t0 = Date.now();
  const log = (m) => { if (opts.verbose) console.error(`[extension-tests +${((Date.now() - t0) / 1000).toFixed(1)}s] ${m}`); };
  for (const [file, hint] of [[path.join(REPO, MANIFEST.main), 'npm run build'], [TESTS_MODULE, 'npm run compile-tests']]) {
    if (!fs.existsSync(file) && !fs.existsSync(`${file}.js`)) {
      console.error(`extension-tests: ${path.relative(REPO, file)} is missing; run ${hint} (npm run test:extension does both)`);
      return 2;
    }
  }
  await ensureInstalled();

  let worst = 0;
  const summary = [];
  for (const locale of opts.locales) {
    const started = Date.now();
    console.log(`\n=== extension tests, display language ${locale}`);
    const r = await runPass(locale, opts, log);
    worst = Math.max(worst, r.code);
    const secs = ((Date.now() - started) / 1000).toFixed(1);
    summary.push(`extension-tests [${locale}]: ${r.passed} passed, ${r.failed} failed`
      + `${r.pending ? `, ${r.pending} pending` : ''} (${secs}s)`
      + `${r.code === 2 ? ' - VS Code trouble, see above' : r.code === 1 && !r.failed ? ' - the tests could not run, see the error above' : ''}`);
  }
  console.log(`\n${summary.join('\n')}`);
  return worst;
});

// Shared by the runners: start a throwaway code-server (VS Code OSS) on 127.0.0.1, open its
// workbench in Debian's Chromium through playwright-core, and always tear both down again.
//
// Why code-server + Chromium instead of @vscode/test-electron: desktop VS Code cannot be
// downloaded on our CI machines. code-server is the same VS Code, with the extension running in
// the real Node extension host; only the window is the web workbench instead of Electron.
//
// Nothing may leave the machine: code-server gets an empty extension gallery and no telemetry or
// update checks, Chromium resolves every host name except loopback to NOTFOUND, and the page
// aborts any request that is not for loopback.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { REPO, SetupError, cachePaths, chromiumPath } from './install.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
export { REPO };
export const MANIFEST = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8'));
export const EXTENSION_ID = `${MANIFEST.publisher}.${MANIFEST.name}`;

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** A free port on 127.0.0.1 (port 0), or checks that the given port is free. */
export function freePort(port = 0) {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', (err) => reject(err.code === 'EADDRINUSE' ? new SetupError(`port ${port} on 127.0.0.1 is already in use`) : err));
    srv.listen(port, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** Settings that keep VS Code quiet and offline, and the screenshots free of distractions. */
export const DEFAULT_SETTINGS = {
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': 'off',
  'extensions.ignoreRecommendations': true,
  'workbench.enableExperiments': false,
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'chat.disableAIFeatures': true,
  'chat.commandCenter.enabled': false,
  'git.enabled': false,
  'npm.fetchOnlinePackageInfo': false,
  'typescript.disableAutomaticTypeAcquisition': true,
  'security.workspace.trust.enabled': false,
};

// ------------------------------------------------------------------------------------ cleanup
// Everything we start is registered here. Runners call runMain(), which runs the cleanups on
// success, failure, timeout and SIGINT/SIGTERM/SIGHUP. code-server runs in its own process group
// (so its helpers die with it); the 'exit' hook is the last resort if a cleanup hung.
const cleanups = new Set();
const serverGroups = new Set();

export function onCleanup(fn) {
  cleanups.add(fn);
  return () => cleanups.delete(fn);
}

function killGroup(pgid, sig) {
  try { process.kill(-pgid, sig); } catch { /* already gone */ }
}
function groupAlive(pgid) {
  try { process.kill(-pgid, 0); return true; } catch { return false; }
}
process.on('exit', () => { for (const pgid of serverGroups) killGroup(pgid, 'SIGKILL'); });

async function runCleanups() {
  for (const fn of [...cleanups].reverse()) {
    cleanups.delete(fn);
    // A hung browser must not keep us from stopping the server.
    await Promise.race([Promise.resolve().then(fn).catch(() => {}), sleep(15_000)]);
  }
}

/**
 * Runs `main` (which returns the exit code) with an overall time limit and signal handling;
 * always cleans up, then exits. Exceptions mean trouble in the runner itself: exit code 2.
 */
export async function runMain(name, timeoutSec, main) {
  let exiting = false;
  const exit = async (code, message) => {
    if (exiting) return;
    exiting = true;
    if (message) console.error(`${name}: ${message}`);
    await runCleanups();
    process.exit(code);
  };
  const timer = setTimeout(() => exit(2, `timed out after ${timeoutSec}s`), timeoutSec * 1000);
  timer.unref();
  process.on('SIGINT', () => exit(130, 'interrupted, cleaning up'));
  process.on('SIGTERM', () => exit(143, 'terminated, cleaning up'));
  process.on('SIGHUP', () => exit(129, 'hung up, cleaning up'));
  try {
    await exit(await main());
  } catch (err) {
    await exit(2, err instanceof SetupError ? err.message : `${err?.stack || err}`);
  }
}

// --------------------------------------------------------------------------------- code-server
/** The fixture language pack for a display language, e.g. test/runner/lang-pack-tr. */
function languagePack(locale) {
  const dir = path.join(HERE, `lang-pack-${locale}`);
  if (!fs.existsSync(path.join(dir, 'package.json'))) {
    throw new SetupError(`no language pack fixture for locale "${locale}": add ${path.relative(REPO, dir)}/ `
      + '(copy test/runner/lang-pack-tr and change the languageId)');
  }
  return dir;
}

/**
 * VS Code's server only accepts --locale=<id> if languagepacks.json in the user-data folder
 * lists a language pack for it (the desktop app writes that file when a pack is installed from
 * the Marketplace; nothing does for us). The pack has no translations, so the workbench stays in
 * English, but vscode.env.language becomes <id> and extensions load their l10n/*.<id>.json.
 */
function registerLanguagePack(dir, userDataDir) {
  const m = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
  const id = `${m.publisher}.${m.name}`.toLowerCase();
  const packs = {};
  for (const loc of m.contributes.localizations) {
    packs[loc.languageId] = {
      hash: `${id}-${m.version}`.replace(/[^a-z0-9]/gi, ''),
      extensions: [{ extensionIdentifier: { id }, version: m.version }],
      translations: Object.fromEntries(loc.translations.map((t) => [t.id, path.resolve(dir, t.path)])),
      label: loc.localizedLanguageName || loc.languageName || loc.languageId,
    };
  }
  fs.writeFileSync(path.join(userDataDir, 'languagepacks.json'), JSON.stringify(packs, null, 2));
}

/** Symlinks an unpacked extension into the extensions dir, where VS Code finds it as installed. */
function linkExtension(dir, extensionsDir) {
  const m = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
  const name = `${m.publisher}.${m.name}-${m.version}`.toLowerCase();
  fs.symlinkSync(path.resolve(dir), path.join(extensionsDir, name));
}

/**
 * Starts code-server on 127.0.0.1 with its own user data, extensions, config, TMPDIR and XDG
 * folders inside `workDir`, so nothing touches the user's VS Code or home folder.
 *
 * opts.smokeDriver: needed for the ?payload= keys extensionDevelopmentPath/extensionTestsPath
 *   (a built VS Code ignores them otherwise). It also hides notification toasts and skips dialogs.
 * opts.linkExtensions: unpacked extensions to load as installed (normal UI, toasts shown).
 * opts.locale ('tr', ...), opts.theme (a color theme id), opts.settings (user settings),
 * opts.env (inherited by the extension host), opts.port, opts.extraArgs.
 */
export async function startCodeServer(opts) {
  const paths = cachePaths();
  if (!fs.existsSync(paths.entry)) {
    throw new SetupError(`VS Code is not installed in ${paths.cache}; run: node test/runner/install.mjs`);
  }
  const workDir = opts.workDir;
  const dirs = {
    userData: path.join(workDir, 'user-data'),
    extensions: path.join(workDir, 'extensions'),
    tmp: path.join(workDir, 'tmp'),
    config: path.join(workDir, 'config.yaml'),
    log: path.join(workDir, 'code-server.log'),
  };
  for (const d of [dirs.tmp, dirs.extensions, path.join(dirs.userData, 'User')]) fs.mkdirSync(d, { recursive: true });
  const settingsFile = path.join(dirs.userData, 'User', 'settings.json');
  const settings = { ...DEFAULT_SETTINGS, ...opts.settings };
  if (opts.theme) settings['workbench.colorTheme'] = opts.theme;
  fs.writeFileSync(settingsFile, JSON.stringify(settings, null, 2));
  fs.writeFileSync(dirs.config, 'bind-addr: 127.0.0.1:0\nauth: none\ncert: false\n');

  for (const dir of opts.linkExtensions || []) linkExtension(dir, dirs.extensions);
  const extraArgs = [...(opts.extraArgs || [])];
  if (opts.locale && opts.locale !== 'en') {
    const pack = languagePack(opts.locale);
    registerLanguagePack(pack, dirs.userData);
    linkExtension(pack, dirs.extensions);
    extraArgs.push(`--locale=${opts.locale}`);
  }

  const env = { ...process.env, ...isolatedXdgEnv(workDir), ...opts.env };
  // code-server must not pick up a password or another VS Code's IPC from the caller.
  for (const k of ['PASSWORD', 'HASHED_PASSWORD', 'VSCODE_IPC_HOOK_CLI', 'NODE_OPTIONS', 'ELECTRON_RUN_AS_NODE']) delete env[k];
  env.TMPDIR = dirs.tmp; // VS Code drops its IPC sockets there
  // An empty gallery makes VS Code skip every Marketplace request (code-server would ask open-vsx.org).
  env.EXTENSIONS_GALLERY = '{}';

  // A given port is checked first: our health check would otherwise talk to whoever holds it.
  const port = await freePort(opts.port || 0);
  const args = [
    paths.entry,
    '--config', dirs.config,
    '--bind-addr', `127.0.0.1:${port}`,
    '--auth', 'none',
    '--user-data-dir', dirs.userData,
    '--extensions-dir', dirs.extensions,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--ignore-last-opened',
    '--vscode-option', 'disable-experiments',
    ...(opts.smokeDriver ? ['--vscode-option', 'enable-smoke-test-driver'] : []),
    ...extraArgs,
  ];
  const out = fs.openSync(dirs.log, 'a');
  const t0 = Date.now();
  const proc = spawn(paths.node, args, { env, detached: true, stdio: ['ignore', out, out] });
  fs.closeSync(out);
  serverGroups.add(proc.pid);
  fs.writeFileSync(path.join(workDir, 'code-server.pid'), `${proc.pid}\n`);
  let exited = null;
  const whenExited = new Promise((resolve) => proc.on('exit', (code, signal) => {
    exited = { code, signal };
    resolve(exited);
  }));

  let server; // returned below, once code-server answers
  const stop = async () => {
    if (server) server.stopping = true;
    killGroup(proc.pid, 'SIGTERM');
    for (let i = 0; i < 25 && groupAlive(proc.pid); i++) await sleep(200);
    killGroup(proc.pid, 'SIGKILL');
    serverGroups.delete(proc.pid);
  };
  const url = `http://127.0.0.1:${port}/`;
  const logTail = (n = 30) => fs.readFileSync(dirs.log, 'utf8').trimEnd().split('\n').slice(-n).join('\n');
  for (const deadline = Date.now() + 60_000; ;) {
    if (exited) {
      killGroup(proc.pid, 'SIGKILL'); // helpers it may have forked
      serverGroups.delete(proc.pid);
      throw new SetupError(`code-server exited at start (${exited.signal || `exit ${exited.code}`}):\n${logTail()}`);
    }
    try {
      if ((await fetch(`${url}healthz`)).ok) break;
    } catch { /* not listening yet */ }
    if (Date.now() > deadline) {
      await stop();
      throw new SetupError(`code-server did not answer on ${url} within 60 s:\n${logTail()}`);
    }
    await sleep(150);
  }
  server = {
    url, port, authority: `127.0.0.1:${port}`, dirs, settingsFile, pid: proc.pid, startupMs: Date.now() - t0,
    logTail, stop, whenExited, stopping: false,
  };
  return server;
}

/** XDG folders inside workDir: code-server, VS Code and Chromium write config/caches there. */
function isolatedXdgEnv(workDir) {
  const env = {};
  for (const [k, sub] of [['XDG_CONFIG_HOME', 'config'], ['XDG_DATA_HOME', 'data'], ['XDG_CACHE_HOME', 'cache'], ['XDG_STATE_HOME', 'state']]) {
    env[k] = path.join(workDir, 'xdg', sub);
    fs.mkdirSync(env[k], { recursive: true });
  }
  return env;
}

/** A server-side path as the browser-side workbench must address it. */
export function remoteUri(server, p) {
  return `vscode-remote://${server.authority}${path.resolve(p).split(path.sep).map(encodeURIComponent).join('/')}`;
}

/** Workbench URL that opens `folder`; payload is [key, value] pairs read by the web workbench. */
export function workbenchUrl(server, { folder, payload = [] } = {}) {
  const u = new URL(server.url);
  if (folder) u.searchParams.set('folder', path.resolve(folder));
  const all = [['skipWelcome', 'true'], ['skipReleaseNotes', 'true'], ...payload];
  u.searchParams.set('payload', JSON.stringify(all));
  return u.toString();
}

// ------------------------------------------------------------------------------------ Chromium
const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-quic',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  // Even with the flags above Chromium looks up Google hosts in the background. Answer every name
  // with NOTFOUND inside Chromium. Keep the EXCLUDEs: without them 127.0.0.1 itself fails, and a
  // failed main-frame lookup makes Chromium probe public DNS.
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1, EXCLUDE [::1]',
  '--dns-prefetch-disable', '--no-pings', '--disable-domain-reliability',
  '--disable-client-side-phishing-detection',
  '--disable-features=AutofillServerCommunication,OptimizationHints,MediaRouter,Translate',
];

function isLoopback(url) {
  let host = '';
  try { host = new URL(url).hostname; } catch { /* data:, blob: */ }
  return !host || host === '127.0.0.1' || host === 'localhost' || host === '[::1]';
}

/** Headless Chromium with a fresh profile in workDir. Returns a playwright BrowserContext. */
export async function launchBrowser({ workDir, viewport = { width: 1600, height: 1000 }, log = () => {} }) {
  if (!fs.existsSync(chromiumPath())) {
    throw new SetupError(`Chromium not found at ${chromiumPath()}; run .ci/run or: sudo apt-get install -y chromium`);
  }
  const { chromium } = await import('playwright-core');
  const tmp = path.join(workDir, 'tmp');
  fs.mkdirSync(tmp, { recursive: true });
  const context = await chromium.launchPersistentContext(path.join(workDir, 'chromium-profile'), {
    executablePath: chromiumPath(),
    headless: true,
    args: CHROMIUM_ARGS,
    env: { ...process.env, ...isolatedXdgEnv(workDir), TMPDIR: tmp },
    viewport,
    timeout: 60_000,
    // runMain handles signals; playwright's own handlers would exit before code-server is stopped.
    handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false,
  });
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (isLoopback(url)) return route.continue();
    log(`blocked non-loopback request: ${url.slice(0, 120)}`);
    return route.abort('blockedbyclient');
  });
  return context;
}

// ------------------------------------------------------------------------------- whole session
/**
 * code-server + Chromium + a page on the workbench, cleaned up by close() or by runMain.
 * opts: everything startCodeServer takes, plus
 *   workspace   folder to open (default: a fresh empty folder in the temp dir)
 *   files       { 'relative/path': 'content' } written into the workspace before start
 *   payload     extra [key, value] workbench payload entries, or server => entries
 *   expose      { name: fn } page functions to install before the workbench loads
 *   viewport, keep (keep the temp folder), log (progress callback)
 */
export async function openVSCode(opts = {}) {
  const log = opts.log || (() => {});
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'socket-workbench-vscode-'));
  const workspace = opts.workspace || path.join(workDir, 'workspace');
  fs.mkdirSync(workspace, { recursive: true });
  for (const [rel, content] of Object.entries(opts.files || {})) {
    fs.mkdirSync(path.dirname(path.join(workspace, rel)), { recursive: true });
    fs.writeFileSync(path.join(workspace, rel), content);
  }
  const session = { workDir, workspace, server: null, context: null, page: null };
  const close = async () => {
    unregister();
    await session.context?.close().catch(() => {});
    await session.server?.stop();
    if (opts.keep) log(`kept ${workDir}`);
    else fs.rmSync(workDir, { recursive: true, force: true });
  };
  const unregister = onCleanup(close);
  session.close = close;

  session.server = await startCodeServer({ ...opts, workDir });
  log(`code-server up in ${session.server.startupMs} ms at ${session.server.url} (log: ${session.server.dirs.log})`);
  session.context = await launchBrowser({ workDir, viewport: opts.viewport, log });
  const page = session.context.pages()[0] || await session.context.newPage();
  session.page = page;
  for (const [name, fn] of Object.entries(opts.expose || {})) await page.exposeFunction(name, fn);
  page.on('pageerror', (e) => log(`pageerror: ${e.message}`));
  const payload = typeof opts.payload === 'function' ? opts.payload(session.server) : opts.payload;
  const url = workbenchUrl(session.server, { folder: workspace, payload });
  log(`opening ${url}`);
  // A loaded machine serves the first page slowly: a generous deadline, not Playwright's 30 s default.
  await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 120_000 });
  return session;
}

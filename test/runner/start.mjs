#!/usr/bin/env node
// `npm start`: a real VS Code with Socket Workbench loaded, for trying it by hand.
//
//   npm start [-- [folder] [--port N] [--server] [--locale tr] [--theme 'Light Modern']]
//     folder     folder to open (default .vscode-test/playground, created if missing)
//     --server   use the cached VS Code OSS (code-server) even if a `code` command exists
//     --port     port for code-server on 127.0.0.1 (default: a free one)
//     --locale   display language (needs test/runner/lang-pack-<id>); --theme a color theme
//
// With desktop VS Code (`code` on PATH) this is `code --extensionDevelopmentPath=<repo>`, like F5.
// Otherwise code-server serves VS Code on 127.0.0.1 with the extension linked as an installed
// extension (so notifications show normally), until Ctrl+C. Rebuild with `npm run watch` and
// run "Developer: Reload Window" to pick up changes.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureInstalled } from './install.mjs';
import { MANIFEST, REPO, onCleanup, runMain, startCodeServer, workbenchUrl } from './vscode.mjs';

function parseArgs(argv) {
  const o = { server: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) usage(`${a} needs a value`);
      return argv[++i];
    };
    if (a === '--server') o.server = true;
    else if (a === '--port') o.port = Number(value());
    else if (a === '--locale') o.locale = value();
    else if (a === '--theme') o.theme = value();
    else if (a.startsWith('-')) usage(a === '--help' || a === '-h' ? '' : `unknown argument ${a}`);
    else o.folder = path.resolve(a);
  }
  return o;
}

function usage(msg) {
  if (msg) console.error(`start: ${msg}`);
  console.error('usage: npm start -- [folder] [--server] [--port N] [--locale tr] [--theme name]');
  process.exit(2);
}

const opts = parseArgs(process.argv.slice(2));
const folder = opts.folder || path.join(REPO, '.vscode-test', 'playground');
fs.mkdirSync(folder, { recursive: true });
if (!fs.existsSync(path.join(REPO, MANIFEST.main))) {
  console.error(`start: ${MANIFEST.main} is missing; run npm run build (npm start does)`);
  process.exit(2);
}

const hasCode = spawnSync('sh', ['-c', 'command -v code'], { stdio: 'ignore' }).status === 0;
if (hasCode && !opts.server) {
  const args = [`--extensionDevelopmentPath=${REPO}`, ...(opts.locale ? [`--locale=${opts.locale}`] : []), folder];
  console.log(`start: code ${args.join(' ')}`);
  spawn('code', args, { stdio: 'inherit' }).on('exit', (code) => process.exit(code ?? 0));
} else {
  // Runs until Ctrl+C; the day-long limit only guards against a forgotten terminal.
  runMain('start', 24 * 3600, async () => {
    await ensureInstalled({ browser: false });
    const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'socket-workbench-start-'));
    onCleanup(() => fs.rmSync(workDir, { recursive: true, force: true }));
    const server = await startCodeServer({
      workDir, port: opts.port, linkExtensions: [REPO], locale: opts.locale, theme: opts.theme,
    });
    onCleanup(() => server.stop());
    console.log(`\nSocket Workbench ${MANIFEST.version} in VS Code OSS (code-server), folder ${folder}\n`
      + `\n  open  ${workbenchUrl(server, { folder })}\n`
      + `\n  logs  ${server.dirs.log}`
      + '\n  after `npm run watch` rebuilds, run "Developer: Reload Window"; Ctrl+C stops the server\n');
    // Stay up until a signal (runMain cleans up) or until code-server dies on its own.
    const exit = await server.whenExited;
    if (server.stopping) return 0; // Ctrl+C: runMain is already cleaning up
    console.error(`start: code-server stopped unexpectedly (${exit.signal || `exit ${exit.code}`}):\n${server.logTail()}`);
    return 1;
  });
}

/**
 * The `socket-workbench` executable (package.json `bin` → dist/cli.js, bundled by esbuild.mjs).
 * Ctrl+C (or SIGTERM) cancels the run, which closes every socket before the process exits.
 */
import { main } from './cliMain';

const stop = new AbortController();
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => stop.abort());
}

main(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  signal: stop.signal,
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`socket-workbench: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 2;
  },
);

/**
 * The `socket-workbench` executable (package.json `bin` → dist/cli.js, bundled by esbuild.mjs).
 * Ctrl+C (or SIGTERM) cancels the run, which closes every socket before the process exits.
 */
import { takeLocale } from './cliArgs';
import { main } from './cliMain';
import { cliText, localeFromEnvironment, type CliLocale } from './cliText';

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
    const text = cliText(chosenLocale() ?? localeFromEnvironment(process.env));
    process.stderr.write(`socket-workbench: ${text('internalError', error instanceof Error ? (error.stack ?? error.message) : String(error))}\n`);
    process.exitCode = 2;
  },
);

/** The --locale of the command line, when it has a valid one (main reported the invalid ones). */
function chosenLocale(): CliLocale | undefined {
  try {
    return takeLocale(process.argv.slice(2)).locale;
  } catch {
    return undefined;
  }
}

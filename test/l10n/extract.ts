/** Finds the strings passed to vscode.l10n.t in the sources: the keys every bundle must translate. */
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..', '..');

function sourceFiles(directory: string): string[] {
  return fs.readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) {
      return sourceFiles(full);
    }
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

/** Reads a JS string literal body the way the compiler would, for the escapes sources use. */
function unescape(body: string): string {
  return body.replace(/\\(u\{[0-9a-fA-F]+\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|.)/g, (_match, escape: string) => {
    switch (escape[0]) {
      case 'n':
        return '\n';
      case 't':
        return '\t';
      case 'r':
        return '\r';
      case 'u':
        return String.fromCodePoint(parseInt(escape.replace(/[u{}]/g, ''), 16));
      case 'x':
        return String.fromCharCode(parseInt(escape.slice(1), 16));
      default:
        return escape;
    }
  });
}

export interface L10nCall {
  readonly key: string;
  readonly file: string;
}

/** Every literal first argument of l10n.t(...) in src/, with the file it came from. */
export function extractL10nCalls(): L10nCall[] {
  const calls: L10nCall[] = [];
  const pattern = /l10n\.t\(\s*(['"`])((?:\\.|(?!\1)[^\\])*)\1/g;
  for (const file of sourceFiles(path.join(ROOT, 'src'))) {
    const source = fs.readFileSync(file, 'utf8');
    for (const match of source.matchAll(pattern)) {
      if (match[1] === '`' && match[2].includes('${')) {
        throw new Error(`${file}: l10n.t with an interpolated template cannot be translated: ${match[0]}`);
      }
      calls.push({ key: unescape(match[2]), file: path.relative(ROOT, file) });
    }
  }
  return calls;
}

export function readJson(relative: string): Record<string, unknown> {
  return JSON.parse(fs.readFileSync(path.join(ROOT, relative), 'utf8')) as Record<string, unknown>;
}

// Markdown building blocks for the hover: escaping outside code, code spans and fenced blocks that
// survive any content. Plain Markdown only (no HTML) so it renders the same in every theme.

/**
 * Backslash-escapes Markdown punctuation outside `code spans`, which are kept as written; `$` too, so
 * no text can turn into a `$(icon)` where theme icons are enabled.
 */
export function escapeMarkdown(text: string): string {
  const parts = text.split(/(`[^`]*`)/);
  return parts
    .map((part, index) => (index % 2 === 1 ? part : part.replace(/[\\`*_[\]<>|~&$]/g, '\\$&')))
    .join('')
    // At the start of a line these would open a heading, a list or a quote.
    .replace(/^(\s*)([-+=#])/gm, '$1\\$2')
    .replace(/^(\s*\d+)([.)])/gm, '$1\\$2');
}

/** A code span that survives any content (backticks inside get a longer fence). */
export function codeSpan(text: string): string {
  const runs = text.match(/`+/g) ?? [];
  const longest = runs.reduce((length, run) => Math.max(length, run.length), 0);
  const fence = '`'.repeat(longest + 1);
  const padding = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${padding}${text}${padding}${fence}`;
}

export function codeBlock(language: string, code: string): string {
  const runs = code.match(/`{3,}/g) ?? [];
  const fence = '`'.repeat(Math.max(3, ...runs.map((run) => run.length + 1)));
  return `${fence}${language}\n${code}\n${fence}`;
}

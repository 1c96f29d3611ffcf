// Turns a scanner match and its table entry into hover Markdown. Pure: the VS Code side wraps the
// text in a MarkdownString, passes localized labels in, and trusts only the returned command.
// Plain Markdown only (no HTML, no colours) so it reads well in every theme.
import { CONSTANTS_BY_NAME, SPECIAL_HOST_BY_LITERAL } from './data/index';
import { exampleFor, exampleLanguage, fenceLanguage } from './examples/index';
import type { HoverLabels } from './labels';
import { codeBlock, codeSpan, escapeMarkdown } from './markdown';
import type { ScanResult } from './scanner';
import type { ConstantEntry, Description, DescriptionLanguage } from './types';
import { usedWith } from './usedWith';
import { titleValue, valuesSection } from './values';

export interface RenderOptions {
  readonly language: DescriptionLanguage;
  /** The hovered document's VS Code language id; picks the example's language. */
  readonly documentLanguageId: string;
  readonly labels: HoverLabels;
  /** The command the link runs: OPEN_COMMAND, or in Restricted Mode the one that asks for trust. */
  readonly openCommand?: string;
}

export const OPEN_COMMAND = 'socketWorkbench.open';

/** A command the hover links to; the provider must enable exactly this command on the MarkdownString. */
export interface CommandLink {
  readonly command: string;
  readonly title: string;
  /** One spec such as `tcp://127.0.0.1:8080`. */
  readonly arguments: readonly [string];
}

export interface RenderedHover {
  readonly markdown: string;
  readonly command?: CommandLink;
  /** The Markdown holds a `$(icon)` (the link's): the MarkdownString must enable theme icons. */
  readonly themeIcons: boolean;
}

/** The codicon before the link, the one the "New TCP Client" command shows. */
const LINK_ICON = '$(plug)';

// ---------------------------------------------------------------------------------------------
// The hover.

function commandFor(match: ScanResult, labels: HoverLabels, command: string): CommandLink | undefined {
  const port = match.host?.port;
  if (match.host === undefined || port === undefined || port === 0) {
    return undefined;
  }
  return { command, title: labels.openClient, arguments: [`${match.host.transport}://127.0.0.1:${port}`] };
}

/** The `command:` URI VS Code expects: the JSON argument array, URI-encoded. */
export function commandUri(link: CommandLink): string {
  return `command:${link.command}?${encodeURIComponent(JSON.stringify(link.arguments))}`;
}

function contextLine(match: ScanResult, language: DescriptionLanguage): string | undefined {
  if (match.nodeApi !== undefined) {
    return `${codeSpan(match.text)}: ${escapeMarkdown(match.nodeApi[language])}`;
  }
  if (match.host !== undefined) {
    const host = SPECIAL_HOST_BY_LITERAL.get(match.host.literal);
    return host === undefined ? undefined : `${codeSpan(match.text)}: ${escapeMarkdown(host[language])}`;
  }
  return undefined;
}

export function renderHover(match: ScanResult, entry: ConstantEntry, options: RenderOptions): RenderedHover {
  const { labels, language } = options;
  const text: Description = entry[language];
  const sections: string[] = [];
  sections.push(`**${codeSpan(entry.name)}**${titleValue(entry)} · ${escapeMarkdown(labels.groups[entry.group])}  \n${escapeMarkdown(text.summary)}`);
  const context = contextLine(match, language);
  if (context !== undefined) {
    sections.push(context);
  }
  // The link goes near the top: VS Code shows only the first ~250 px of a hover without scrolling.
  const command = commandFor(match, labels, options.openCommand ?? OPEN_COMMAND);
  if (command !== undefined) {
    sections.push(`${LINK_ICON} [${escapeMarkdown(command.title)}](${commandUri(command)})`);
  }
  sections.push(escapeMarkdown(text.meaning));
  sections.push(`**${escapeMarkdown(labels.whenToUse)}:** ${escapeMarkdown(text.when)}`);
  sections.push(`**${escapeMarkdown(labels.pitfall)}:** ${escapeMarkdown(text.pitfall)}`);
  const values = valuesSection(entry, labels);
  if (values !== undefined) {
    sections.push(values);
  }
  const calls = usedWith(entry);
  if (calls.length > 0) {
    sections.push(`**${escapeMarkdown(labels.usedWith)}:** ${calls.map(codeSpan).join('  \n')}`);
  }
  const exampleLanguageId = exampleLanguage(options.documentLanguageId, match);
  const example = exampleFor(entry, match, exampleLanguageId);
  if (example !== undefined) {
    sections.push(`**${escapeMarkdown(labels.example)}**\n\n${codeBlock(fenceLanguage(exampleLanguageId, options.documentLanguageId), example)}`);
  }
  // Related names and man pages share one paragraph (two lines) to keep the hover short.
  const related = entry.related.filter((name) => CONSTANTS_BY_NAME.has(name));
  const manPage = `**${escapeMarkdown(labels.manPage)}:** ${entry.manPages.map(escapeMarkdown).join(', ')}`;
  sections.push(related.length > 0 ? `**${escapeMarkdown(labels.related)}:** ${related.map(codeSpan).join(', ')}  \n${manPage}` : manPage);
  return { markdown: sections.join('\n\n'), command, themeIcons: command !== undefined };
}

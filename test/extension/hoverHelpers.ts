/**
 * Shared by the hover tests in the real editor: open a document, ask VS Code for the hovers at a
 * token (every provider in the workbench answers, e.g. the TypeScript server), and keep ours.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

/** One hover content as VS Code returns it, with the range of the hover it came from. */
export interface HoverText {
  readonly value: string;
  readonly isTrusted: vscode.MarkdownString['isTrusted'];
  readonly supportHtml: boolean;
  readonly supportThemeIcons: boolean;
  readonly range: vscode.Range | undefined;
}

/** Our hovers start with the constant's name in bold code: **`SO_REUSEADDR`**. */
const OUR_TITLE = /^\*\*`([^`]+)`\*\*/;

export function titleOf(text: HoverText): string | undefined {
  return OUR_TITLE.exec(text.value)?.[1];
}

export function isOurs(text: HoverText): boolean {
  return titleOf(text) !== undefined;
}

function contentText(content: vscode.MarkdownString | vscode.MarkedString): Omit<HoverText, 'range'> {
  if (content instanceof vscode.MarkdownString) {
    return {
      value: content.value,
      isTrusted: content.isTrusted,
      supportHtml: content.supportHtml === true,
      supportThemeIcons: content.supportThemeIcons === true,
    };
  }
  return { value: typeof content === 'string' ? content : content.value, isTrusted: undefined, supportHtml: false, supportThemeIcons: false };
}

/** Every hover content at `position`, from every provider. */
export async function allHovers(document: vscode.TextDocument, position: vscode.Position): Promise<HoverText[]> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position);
  return (hovers ?? []).flatMap((hover) => hover.contents.map((content) => ({ ...contentText(content), range: hover.range })));
}

/** Our hovers at `position`. */
export async function ourHovers(document: vscode.TextDocument, position: vscode.Position): Promise<HoverText[]> {
  return (await allHovers(document, position)).filter(isOurs);
}

export async function openDocument(language: string, lines: readonly string[]): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument({ language, content: lines.join('\n') });
  assert.equal(document.languageId, language, `VS Code has no "${language}" language here`);
  return document;
}

/** Where `text` (its `occurrence`-th appearance, counted over the whole document) starts. */
export function locate(document: vscode.TextDocument, text: string, occurrence = 0): vscode.Range {
  const source = document.getText();
  let offset = -1;
  for (let count = 0; count <= occurrence; count++) {
    offset = source.indexOf(text, offset + 1);
    assert.notEqual(offset, -1, `"${text}" #${occurrence} is not in the document`);
  }
  return new vscode.Range(document.positionAt(offset), document.positionAt(offset + text.length));
}

/** The middle of a range: where a mouse would rest on the token. */
export function middle(range: vscode.Range): vscode.Position {
  return range.start.translate(0, Math.floor((range.end.character - range.start.character) / 2));
}

export interface Expectation {
  /** The token as it appears in the document (hovered in its middle). */
  readonly at: string;
  readonly occurrence?: number;
  /** The entry our hover must show; undefined: none of our hovers. */
  readonly expect: string | undefined;
}

/**
 * Hovers `at` and checks that exactly one of the hovers is ours, for `expect`, over the token's exact
 * range, or that none is ours. Returns our hover.
 */
export async function expectHover(document: vscode.TextDocument, expectation: Expectation): Promise<HoverText | undefined> {
  const token = locate(document, expectation.at, expectation.occurrence);
  const hovers = await allHovers(document, middle(token));
  const ours = hovers.filter(isOurs);
  const where = `${document.languageId} "${expectation.at}"#${expectation.occurrence ?? 0}`;
  if (expectation.expect === undefined) {
    assert.deepEqual(ours.map((hover) => hover.value.split('\n')[0]), [], `${where}: expected no hover of ours`);
    // Nothing of ours hides in another shape either: our section labels never appear.
    assert.ok(hovers.every((hover) => !hover.value.includes('**Man page:**') && !hover.value.includes('**Man sayfası:**')), where);
    return undefined;
  }
  assert.deepEqual(ours.map(titleOf), [expectation.expect], `${where}: expected exactly one hover, for ${expectation.expect}`);
  assert.ok(ours[0].range?.isEqual(token), `${where}: range ${JSON.stringify(ours[0].range)} instead of ${JSON.stringify(token)}`);
  assert.equal(ours[0].supportHtml, false, `${where}: HTML must stay off`);
  return ours[0];
}

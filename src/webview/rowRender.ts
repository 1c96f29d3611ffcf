/**
 * One traffic row as DOM: time, direction mark, peer, length and the preview (with search matches
 * marked), and under it the hex dump (offset | hex | ASCII, like xxd) when the row is expanded.
 * Only rows in the viewport are ever built.
 */
import type { HexdumpLine } from '../engine/shared/hexdump';
import { DUMP_WIDTH, type DumpView, type PanelStrings, type RowView } from '../shared/protocol';
import { element, icon } from './dom';
import { format, formatNumber, formatTime } from './format';

export interface RowActionSpec {
  readonly action: 'reply' | 'toggle' | 'copyText' | 'copyHex' | 'copyPayload' | 'openDump';
  readonly icon: string;
  readonly label: (strings: PanelStrings) => string;
  readonly dataOnly: boolean;
  /** Only on received data (Reply answers the row's sender). */
  readonly receivedOnly?: boolean;
}

export const ROW_ACTIONS: readonly RowActionSpec[] = [
  { action: 'reply', icon: 'reply', label: (strings) => strings.reply, dataOnly: true, receivedOnly: true },
  { action: 'toggle', icon: 'file-binary', label: (strings) => strings.toggleHex, dataOnly: true },
  { action: 'copyText', icon: 'copy', label: (strings) => strings.copyText, dataOnly: false },
  { action: 'copyHex', icon: 'symbol-numeric', label: (strings) => strings.copyHex, dataOnly: true },
  { action: 'copyPayload', icon: 'edit', label: (strings) => strings.copyPayload, dataOnly: true },
  { action: 'openDump', icon: 'go-to-file', label: (strings) => strings.openDump, dataOnly: true },
];

export function directionName(strings: PanelStrings, row: RowView): string {
  return row.kind !== 'data' ? strings.directionEvent : row.direction === 'in' ? strings.directionIn : strings.directionOut;
}

function directionIcon(row: RowView): string {
  if (row.kind === 'error') {
    return 'error';
  }
  if (row.kind !== 'data') {
    return 'info';
  }
  return row.direction === 'in' ? 'arrow-left' : 'arrow-right';
}

/** Text with the [start, end) ranges wrapped in <mark>. */
export function marked(className: string, text: string, ranges: readonly number[] | undefined): HTMLElement {
  const node = element('span', { className });
  if (ranges === undefined || ranges.length === 0) {
    node.textContent = text;
    return node;
  }
  let position = 0;
  for (let index = 0; index + 1 < ranges.length; index += 2) {
    const start = Math.max(position, ranges[index]);
    const end = Math.min(text.length, ranges[index + 1]);
    if (end <= start) {
      continue;
    }
    node.append(text.slice(position, start), element('mark', { text: text.slice(start, end) }));
    position = end;
  }
  node.append(text.slice(position));
  return node;
}

/** Where byte `column` of a line starts in the grouped hex text (`4865 6c6c`: pairs, a space every 2 bytes). */
function hexColumn(column: number): number {
  return column * 2 + Math.floor(column / 2);
}

/** The byte marks falling on one dump line, as character ranges in its hex and ASCII texts. */
function lineMarks(marks: readonly number[] | undefined, lineStart: number, length: number): { readonly hex: number[]; readonly ascii: number[] } {
  const hex: number[] = [];
  const ascii: number[] = [];
  for (let index = 0; marks !== undefined && index + 1 < marks.length; index += 2) {
    const from = Math.max(marks[index], lineStart) - lineStart;
    const to = Math.min(marks[index + 1], lineStart + length) - lineStart;
    if (to > from) {
      hex.push(hexColumn(from), hexColumn(to - 1) + 2);
      ascii.push(from, to);
    }
  }
  return { hex, ascii };
}

function dumpLine(line: HexdumpLine, index: number, marks: readonly number[] | undefined): HTMLElement {
  const ranges = lineMarks(marks, index * DUMP_WIDTH, line.ascii.length);
  return element(
    'div',
    { className: 'dump-line' },
    element('span', { className: 'dump-offset', text: line.offset }),
    marked('dump-hex', line.hex, ranges.hex),
    marked('dump-ascii', line.ascii, ranges.ascii),
  );
}

function dumpBlock(strings: PanelStrings, row: RowView, dump: DumpView): HTMLElement {
  const block = element('div', { className: 'dump', attributes: { 'aria-hidden': 'true' } });
  dump.lines.forEach((line, index) => block.append(dumpLine(line, index, dump.marks)));
  const notes: string[] = [];
  if (dump.more > 0) {
    notes.push(dump.more === 1 ? strings.moreBytesOne : format(strings.moreBytes, dump.more));
  }
  if (row.length > row.captured) {
    notes.push(row.length - row.captured === 1 ? strings.notCapturedOne : format(strings.notCaptured, row.length - row.captured));
  }
  if (notes.length > 0) {
    const footer = element('div', { className: 'dump-line dump-footer', text: notes.join(' · ') });
    if (dump.more > 0) {
      footer.append(' ', element('button', { className: 'link-button', text: strings.openDump, attributes: { type: 'button', 'data-action': 'openDump', tabindex: -1 } }));
    }
    block.append(footer);
  }
  return block;
}

export function rowLabel(strings: PanelStrings, row: RowView): string {
  return format(strings.rowLabel, formatTime(row.time), directionName(strings, row), row.peer ?? '', row.length, row.text);
}

export function renderRow(strings: PanelStrings, row: RowView, selected: boolean, setSize: number): HTMLElement {
  const kindClass = row.kind === 'data' ? (row.direction === 'in' ? 'in' : 'out') : row.kind === 'error' ? 'event error' : 'event';
  const node = element('div', {
    id: `row-${row.seq}`,
    className: `row ${kindClass}${selected ? ' selected' : ''}${row.dump !== undefined ? ' expanded' : ''}`,
    attributes: {
      role: 'option',
      'aria-selected': selected ? 'true' : 'false',
      'aria-posinset': row.index + 1,
      'aria-setsize': setSize,
      'aria-expanded': row.kind === 'data' && row.captured > 0 ? (row.dump !== undefined ? 'true' : 'false') : undefined,
      'data-seq': row.seq,
      'aria-label': rowLabel(strings, row),
    },
  });
  const actions = element('span', { className: 'row-actions' });
  for (const spec of ROW_ACTIONS) {
    if (spec.dataOnly && (row.kind !== 'data' || row.captured === 0)) {
      continue;
    }
    if (spec.receivedOnly === true && row.direction !== 'in') {
      continue;
    }
    const label = spec.label(strings);
    actions.append(element('button', { className: 'icon-button row-action', title: label, attributes: { type: 'button', 'aria-label': label, 'data-action': spec.action, tabindex: -1 } }, icon(spec.icon)));
  }
  const main = element(
    'div',
    { className: 'row-main' },
    element('span', { className: 'cell time', text: formatTime(row.time) }),
    element('span', { className: 'cell delta', text: row.delta ?? '' }),
    element('span', { className: 'cell rtt', text: row.roundTrip ?? '' }),
    element('span', { className: 'cell direction', title: directionName(strings, row) }, icon(directionIcon(row))),
    element('span', { className: 'cell peer', text: row.peer ?? '', title: row.peer }),
    element('span', { className: 'cell length', text: row.kind === 'data' ? formatNumber(row.length) : '' }),
    marked('cell data', row.text, row.marks),
    actions,
  );
  node.append(main);
  if (row.dump !== undefined) {
    node.append(dumpBlock(strings, row, row.dump));
  }
  return node;
}

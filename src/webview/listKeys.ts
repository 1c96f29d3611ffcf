/**
 * Keyboard use of the traffic list: arrows, Page Up/Down, Home/End move the selection (End also
 * resumes following new traffic), Enter folds or unfolds the row's hex dump, Ctrl/Cmd+C copies the
 * row as text and Ctrl/Cmd+Shift+C as hex.
 */
import type { RowView } from '../shared/protocol';
import type { RowAction } from './virtualList';

export interface ListKeyContext {
  readonly selected: RowView | undefined;
  /** First line on screen, and how many lines a page moves. */
  readonly firstLine: number;
  readonly pageLines: number;
  readonly totalLines: number;
  selectLine(line: number): void;
  follow(): void;
  action(seq: number, action: RowAction): void;
}

export function handleListKey(event: KeyboardEvent, list: ListKeyContext): void {
  const { selected, firstLine, pageLines } = list;
  const move = (line: number): void => {
    event.preventDefault();
    event.stopPropagation();
    list.selectLine(line);
  };
  switch (event.key) {
    case 'ArrowDown':
      return move(selected === undefined ? firstLine : selected.line + selected.lines);
    case 'ArrowUp':
      return move(selected === undefined ? firstLine : selected.line - 1);
    case 'PageDown':
      return move((selected?.line ?? firstLine) + pageLines);
    case 'PageUp':
      return move((selected?.line ?? firstLine) - pageLines);
    case 'Home':
      return move(0);
    case 'End':
      move(list.totalLines - 1);
      list.follow();
      return;
    case 'Enter':
      if (selected !== undefined) {
        event.preventDefault();
        list.action(selected.seq, 'toggle');
      }
      return;
    case 'c':
    case 'C':
      if (selected !== undefined && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        event.stopPropagation();
        list.action(selected.seq, event.shiftKey ? 'copyHex' : 'copyText');
      }
      return;
  }
}

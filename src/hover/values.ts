// How a constant's values read in the hover: the title's value and the per-platform values line or table.
import type { HoverLabels } from './labels';
import { codeSpan, escapeMarkdown } from './markdown';
import type { ConstantEntry, ConstantGroup, ConstantValue, Platform } from './types';
import { PLATFORMS } from './types';

const BIT_FLAG_GROUPS = new Set<ConstantGroup>(['message-flag', 'addrinfo-flag', 'nameinfo-flag']);
const DECIMAL_ONLY_GROUPS = new Set<ConstantGroup>(['errno', 'addrinfo-error', 'limit']);

function hex(value: number, width = 1): string {
  return `0x${value.toString(16).padStart(width, '0')}`;
}

/** The value as shown in code spans: `2`, `2048 (0x800)`, `127.0.0.1 (0x7f000001)`, `::`. */
export function formatValue(value: ConstantValue, group: ConstantGroup): string {
  if (typeof value !== 'number') {
    return value.numeric === undefined ? value.text : `${value.text} (${hex(value.numeric, 8)})`;
  }
  const showHex = value >= 0 && !DECIMAL_ONLY_GROUPS.has(group)
    && ((BIT_FLAG_GROUPS.has(group) && value >= 8) || value >= 256 || group === 'type' && value >= 16);
  return showHex ? `${value} (${hex(value)})` : String(value);
}

export const PLATFORM_NAMES: Record<Platform, string> = { linux: 'Linux', macos: 'macOS', windows: 'Windows' };

function sameValue(left: ConstantValue | undefined, right: ConstantValue | undefined): boolean {
  if (left === undefined || right === undefined) {
    return false;
  }
  if (typeof left === 'number' || typeof right === 'number') {
    return left === right;
  }
  return left.text === right.text && left.numeric === right.numeric;
}

function valueCell(entry: ConstantEntry, platform: Platform): string {
  const value = entry.values[platform];
  if (value === undefined) {
    return entry.unrecorded?.includes(platform) === true ? '?' : '—';
  }
  let cell = codeSpan(formatValue(value, entry.group));
  const spelling = platform === 'linux' ? undefined : entry.spelling?.[platform];
  if (spelling !== undefined) {
    cell += ` (${codeSpan(spelling)})`;
  }
  if (entry.unverified?.includes(platform) === true) {
    cell += ' (?)';
  }
  return cell;
}

export function valuesSection(entry: ConstantEntry, labels: HoverLabels): string | undefined {
  const { linux, macos, windows } = entry.values;
  if (linux === undefined && macos === undefined && windows === undefined && (entry.unrecorded ?? []).length === 0) {
    return undefined;
  }
  const identical = sameValue(linux, macos) && sameValue(linux, windows)
    && entry.spelling === undefined && (entry.unverified ?? []).length === 0;
  if (identical && linux !== undefined) {
    return `**${escapeMarkdown(labels.values)}:** Linux, macOS, Windows: ${codeSpan(formatValue(linux, entry.group))}`;
  }
  // One line rather than a table: a hover shows little without scrolling, and three values read fine.
  const cells = PLATFORMS.map((platform) => `${PLATFORM_NAMES[platform]} ${valueCell(entry, platform)}`);
  const line = `**${escapeMarkdown(labels.values)}:** ${cells.join(' · ')}`;
  return cells.some((cell) => cell.includes('?')) ? `${line}  \n${escapeMarkdown(labels.valueLegend)}` : line;
}

export function titleValue(entry: ConstantEntry): string {
  for (const platform of PLATFORMS) {
    const value = entry.values[platform];
    if (value !== undefined) {
      const where = platform === 'linux' ? '' : ` (${PLATFORM_NAMES[platform]})`;
      return ` = ${codeSpan(formatValue(value, entry.group))}${where}`;
    }
  }
  return '';
}


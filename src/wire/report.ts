/**
 * Reporters for the CLI: `spec` (one line per section and step, ✓/✗, timings, failure messages),
 * `tap` (TAP 13, one test point per section) and `junit` (JUnit XML, one testcase per section).
 * They turn results into text and print nothing themselves. The spec reporter's words follow the
 * CLI's locale (`text`, English by default); TAP and JUnit stay English and byte-stable for CI.
 */
import { englishText, type CliText } from './cliText';
import type { WireErrorInfo } from './errors';
import type { FileResult, SectionResult, StepResult } from './results';

/** One file of a CLI run: its results, or the parse errors that kept it from running. */
export interface FileReport {
  readonly file: string;
  readonly result?: FileResult;
  readonly parseErrors?: readonly WireErrorInfo[];
}

export interface RunReport {
  readonly files: readonly FileReport[];
  readonly durationMs: number;
}

export type ReporterName = 'spec' | 'tap' | 'junit';
export const REPORTERS: readonly ReporterName[] = ['spec', 'tap', 'junit'];

function milliseconds(value: number): string {
  return value < 10 ? `${value.toFixed(1)} ms` : `${Math.round(value)} ms`;
}

const MARKS: Record<string, string> = { passed: '✓', failed: '✗', skipped: '-', cancelled: '✗' };

function stepLine(step: StepResult): string {
  const iterations = step.iterations === undefined ? '' : ` [i=${step.iterations.join(',')}]`;
  const lines = [`    ${MARKS[step.outcome]} ${step.line}: ${step.text}${iterations} (${milliseconds(step.elapsedMs)})`];
  if (step.message !== undefined) {
    lines.push(`        ${step.message}`);
  }
  return lines.join('\n');
}

/** A section as the spec reporter prints it, header, steps and result line. */
export function specSection(section: SectionResult, text: CliText = englishText): string {
  const lines = [`  ${section.name}`];
  for (const step of section.steps) {
    lines.push(stepLine(step));
  }
  const note = section.outcome === 'skipped' ? ` (${text('sectionSkipped')})` : section.outcome === 'cancelled' ? ` (${text('sectionCancelled')})` : '';
  lines.push(`  ${MARKS[section.outcome]} ${section.name}${note} (${milliseconds(section.durationMs)})`);
  if (section.message !== undefined && (section.steps.length === 0 || section.outcome === 'skipped')) {
    lines.push(`      ${section.message}`);
  }
  return lines.join('\n');
}

export interface Counts {
  readonly passed: number;
  readonly failed: number;
  readonly skipped: number;
  readonly cancelled: number;
  readonly parseErrors: number;
}

export function countSections(report: RunReport): Counts {
  const counts = { passed: 0, failed: 0, skipped: 0, cancelled: 0, parseErrors: 0 };
  for (const file of report.files) {
    if (file.parseErrors !== undefined) {
      counts.parseErrors++;
    }
    for (const section of file.result?.sections ?? []) {
      counts[section.outcome]++;
    }
  }
  return counts;
}

export function specSummary(report: RunReport, text: CliText = englishText): string {
  const counts = countSections(report);
  const parts = [text('passed', counts.passed), text('failed', counts.failed)];
  if (counts.skipped > 0) {
    parts.push(text('skipped', counts.skipped));
  }
  if (counts.cancelled > 0) {
    parts.push(text('cancelled', counts.cancelled));
  }
  if (counts.parseErrors > 0) {
    parts.push(text(counts.parseErrors === 1 ? 'parseErrorFilesOne' : 'parseErrorFilesMany', counts.parseErrors));
  }
  return `${parts.join(', ')} (${milliseconds(report.durationMs)})`;
}

export function formatSpec(report: RunReport, text: CliText = englishText): string {
  const blocks: string[] = [];
  for (const file of report.files) {
    const lines = [file.file];
    for (const error of file.parseErrors ?? []) {
      lines.push(`  ✗ ${error.message}`);
    }
    for (const section of file.result?.sections ?? []) {
      lines.push(specSection(section, text));
    }
    blocks.push(lines.join('\n'));
  }
  blocks.push(specSummary(report, text));
  return `${blocks.join('\n\n')}\n`;
}

/** A YAML scalar: JSON strings are valid YAML double-quoted strings. */
const yaml = (value: string): string => JSON.stringify(value);

function tapDiagnostics(fields: Record<string, string | number | undefined>): string[] {
  const lines = ['  ---'];
  for (const [key, value] of Object.entries(fields)) {
    if (value !== undefined) {
      lines.push(`  ${key}: ${typeof value === 'number' ? String(value) : yaml(value)}`);
    }
  }
  lines.push('  ...');
  return lines;
}

/** TAP version 13: one test point per section, and one per file that did not parse. */
export function formatTap(report: RunReport): string {
  const points: string[][] = [];
  for (const file of report.files) {
    if (file.parseErrors !== undefined) {
      points.push([
        `not ok ${points.length + 1} - ${file.file} # parse error`,
        ...tapDiagnostics({ message: file.parseErrors.map((error) => error.message).join('\n'), file: file.file }),
      ]);
    }
    for (const section of file.result?.sections ?? []) {
      const name = `${file.file} > ${section.name}`;
      const number = points.length + 1;
      if (section.outcome === 'passed') {
        points.push([`ok ${number} - ${name} # time=${Math.round(section.durationMs)}ms`]);
      } else if (section.outcome === 'skipped') {
        points.push([`ok ${number} - ${name} # SKIP ${section.message ?? ''}`.trimEnd()]);
      } else {
        const failed = section.steps.find((step) => step.outcome !== 'passed');
        points.push([
          `not ok ${number} - ${name}`,
          ...tapDiagnostics({
            message: section.message ?? failed?.message ?? section.outcome,
            outcome: section.outcome,
            code: failed?.error?.code ?? section.error?.code,
            file: file.file,
            line: failed?.line ?? section.line,
            step: failed?.text,
            duration_ms: Math.round(section.durationMs),
          }),
        ]);
      }
    }
  }
  return ['TAP version 13', `1..${points.length}`, ...points.flat()].join('\n') + '\n';
}

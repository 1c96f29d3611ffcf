/**
 * JUnit XML, the format CI systems read: one testsuite per file, one testcase per section. A file
 * that did not parse is a testsuite with one testcase in error.
 */
import type { RunReport } from './report';

/** Escapes text for XML 1.0; characters it cannot carry at all become U+FFFD. */
function xml(text: string): string {
  return text
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '\ufffd')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

const seconds = (milliseconds: number): string => (milliseconds / 1000).toFixed(3);

export function formatJunit(report: RunReport): string {
  const suites: string[] = [];
  let tests = 0;
  let failures = 0;
  let errors = 0;
  let skipped = 0;
  for (const file of report.files) {
    const cases: string[] = [];
    let suiteFailures = 0;
    let suiteErrors = 0;
    let suiteSkipped = 0;
    if (file.parseErrors !== undefined) {
      suiteErrors++;
      const message = file.parseErrors.map((error) => error.message).join('\n');
      cases.push(`    <testcase name="parse" classname="${xml(file.file)}" time="0.000">\n      <error message="${xml(file.parseErrors[0]?.message ?? 'parse error')}" type="PARSE">${xml(message)}</error>\n    </testcase>`);
    }
    for (const section of file.result?.sections ?? []) {
      const open = `    <testcase name="${xml(section.name)}" classname="${xml(file.file)}" time="${seconds(section.durationMs)}"`;
      if (section.outcome === 'passed') {
        cases.push(`${open}/>`);
      } else if (section.outcome === 'skipped') {
        suiteSkipped++;
        cases.push(`${open}>\n      <skipped message="${xml(section.message ?? '')}"/>\n    </testcase>`);
      } else {
        suiteFailures++;
        const failed = section.steps.find((step) => step.outcome !== 'passed');
        const message = section.message ?? failed?.message ?? section.outcome;
        const type = failed?.error?.code ?? section.error?.code ?? section.outcome.toUpperCase();
        const body = failed === undefined ? message : `${file.file}:${failed.line}: ${failed.text}\n${message}`;
        cases.push(`${open}>\n      <failure message="${xml(message)}" type="${xml(type)}">${xml(body)}</failure>\n    </testcase>`);
      }
    }
    const count = cases.length;
    tests += count;
    failures += suiteFailures;
    errors += suiteErrors;
    skipped += suiteSkipped;
    const time = seconds(file.result?.durationMs ?? 0);
    suites.push(
      `  <testsuite name="${xml(file.file)}" tests="${count}" failures="${suiteFailures}" errors="${suiteErrors}" skipped="${suiteSkipped}" time="${time}">\n${cases.join('\n')}\n  </testsuite>`,
    );
  }
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="socket-workbench" tests="${tests}" failures="${failures}" errors="${errors}" skipped="${skipped}" time="${seconds(report.durationMs)}">`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n');
}

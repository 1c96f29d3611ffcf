/**
 * What a run returns and reports as it goes: one result per executed step (a step inside `repeat`
 * once per iteration), one per section, one per file. Plain data, for the CLI's reporters and the
 * editor's decorations alike.
 */
import type { WireErrorInfo } from './errors';
import type { RuleEvent } from './rules';
import type { StepKind } from './syntax';

export type Outcome = 'passed' | 'failed' | 'skipped' | 'cancelled';

export interface StepResult {
  readonly line: number;
  readonly column: number;
  readonly kind: StepKind;
  /** The line as written. */
  readonly text: string;
  readonly outcome: Outcome;
  readonly elapsedMs: number;
  /** Bytes sent (send) or consumed by the match (expect). */
  readonly bytes: number;
  /** expect on a stream: bytes before the match, skipped. */
  readonly skippedBytes?: number;
  /** The iterations of the enclosing repeats, outermost first. */
  readonly iterations?: readonly number[];
  /** The socket the step acted on. */
  readonly socketId?: string;
  /** On failure: what was expected and what arrived, as escapes and hex, truncated. */
  readonly message?: string;
  readonly error?: WireErrorInfo;
}

export interface SectionResult {
  readonly name: string;
  readonly line: number;
  readonly outcome: Outcome;
  readonly durationMs: number;
  /** Ids of the sockets the section opened (engine ids: s1, s2…). */
  readonly socketIds: readonly string[];
  /** The executed steps, in order; past `maxStepResults` only the ones that did not pass are kept. */
  readonly steps: readonly StepResult[];
  /** Passed steps not kept in `steps` because the section ran more than `maxStepResults` of them. */
  readonly omittedSteps: number;
  /** Steps executed, counting the omitted ones. */
  readonly executedSteps: number;
  /** Why the section failed or was skipped, when that was not a step (e.g. a bad @timeout). */
  readonly message?: string;
  readonly error?: WireErrorInfo;
}

export interface FileResult {
  readonly file: string;
  readonly outcome: Outcome;
  readonly durationMs: number;
  readonly sections: readonly SectionResult[];
}

export interface StepRef {
  readonly line: number;
  readonly column: number;
  readonly kind: StepKind;
  readonly text: string;
  readonly iterations?: readonly number[];
}

/** Progress, in order: section-start, then step-start/step-end pairs, then section-end. */
export type RunEvent =
  | { readonly type: 'section-start'; readonly file: string; readonly section: string; readonly line: number }
  | { readonly type: 'step-start'; readonly file: string; readonly section: string; readonly step: StepRef }
  | { readonly type: 'step-end'; readonly file: string; readonly section: string; readonly result: StepResult }
  | { readonly type: 'section-end'; readonly file: string; readonly result: SectionResult }
  /** A listener opened by `listen` is ready (its address is known now: port 0 becomes a real port). */
  | { readonly type: 'listening'; readonly file: string; readonly section: string; readonly socketId: string; readonly address: string }
  | { readonly type: 'rule'; readonly file: string; readonly section: string; readonly event: RuleEvent };

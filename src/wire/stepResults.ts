/** The result object of one executed step, passed or not, as a section keeps and reports it. */
import { performance } from 'node:perf_hooks';
import type { WireError } from './errors';
import type { StepResult } from './results';
import type { Step } from './syntax';

export type SimpleStep = Exclude<Step, { kind: 'repeat' }>;

/** A passed step; `skippedBytes` is an expect's (undefined for the others), and every result has the key. */
export function passedStep(step: SimpleStep, iterations: readonly number[] | undefined, started: number, bytes: number, skippedBytes: number | undefined, socketId: string | undefined): StepResult {
  return {
    line: step.line,
    column: step.column,
    kind: step.kind,
    text: step.text,
    iterations,
    outcome: 'passed',
    elapsedMs: performance.now() - started,
    bytes,
    skippedBytes,
    socketId,
  };
}

export function failedStep(step: SimpleStep, iterations: readonly number[] | undefined, started: number, error: WireError, socketId: string | undefined): StepResult {
  return {
    line: step.line,
    column: step.column,
    kind: step.kind,
    text: step.text,
    iterations,
    outcome: error.code === 'CANCELLED' ? 'cancelled' : 'failed',
    elapsedMs: performance.now() - started,
    bytes: 0,
    socketId,
    message: error.message,
    error: error.toJSON(),
  };
}

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

/**
 * A section's step results, in order, up to `max` of them (past it, passed steps are only counted;
 * the others are always kept). A passed step nobody was told about is kept as columns, not as an
 * object: a 10,000-step repeat would otherwise keep 10,000 objects alive through every young
 * collection of the run. results() builds the objects once, at the end.
 */
export class StepLog {
  /** The result when it exists already (failed, or built for an event); undefined for a row of the columns. */
  private readonly built: (StepResult | undefined)[] = [];
  private readonly stepsOf: (SimpleStep | undefined)[] = [];
  private readonly iterationsOf: (readonly number[] | undefined)[] = [];
  private readonly elapsed: number[] = [];
  private readonly bytes: number[] = [];
  private readonly skipped: (number | undefined)[] = [];
  private readonly sockets: (string | undefined)[] = [];
  omitted = 0;

  constructor(private readonly max: number) {}

  /** A passed step, as columns; only counted (as omitted) once `max` results are kept. */
  passed(step: SimpleStep, iterations: readonly number[] | undefined, elapsedMs: number, bytes: number, skippedBytes: number | undefined, socketId: string | undefined): void {
    const keep = this.built.length < this.max;
    // Both counts move on every call, so the optimizing compiler never meets an untried branch at the 10,000th step.
    this.omitted += keep ? 0 : 1;
    if (keep) {
      this.built.push(undefined);
      this.stepsOf.push(step);
      this.iterationsOf.push(iterations);
      this.elapsed.push(elapsedMs);
      this.bytes.push(bytes);
      this.skipped.push(skippedBytes);
      this.sockets.push(socketId);
    }
  }

  /** A result object: a passed one only while fewer than `max` are kept, any other always. */
  add(result: StepResult): void {
    if (result.outcome === 'passed' && this.built.length >= this.max) {
      this.omitted++;
      return;
    }
    this.built.push(result);
    this.stepsOf.push(undefined);
    this.iterationsOf.push(undefined);
    this.elapsed.push(0);
    this.bytes.push(0);
    this.skipped.push(undefined);
    this.sockets.push(undefined);
  }

  results(): StepResult[] {
    const results: StepResult[] = [];
    for (let index = 0; index < this.built.length; index++) {
      const built = this.built[index];
      const step = this.stepsOf[index];
      if (built !== undefined || step === undefined) {
        // A row without a step is a built result: add() fills both.
        results.push(built as StepResult);
        continue;
      }
      results.push({
        line: step.line,
        column: step.column,
        kind: step.kind,
        text: step.text,
        iterations: this.iterationsOf[index],
        outcome: 'passed',
        elapsedMs: this.elapsed[index],
        bytes: this.bytes[index],
        skippedBytes: this.skipped[index],
        socketId: this.sockets[index],
      });
    }
    return results;
  }
}

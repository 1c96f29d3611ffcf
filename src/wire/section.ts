/**
 * Runs one section: its variables, its steps in order (repeat included), its sockets. The first
 * failed step ends the section; whatever happens, every socket it opened is closed before the
 * result is returned, so a failed or cancelled section leaves no handle behind.
 */
import { performance } from 'node:perf_hooks';
import type { Disposable, SendOptions, SendResult, SocketEngine, SocketInfo } from '../engine/index';
import { isEngineError } from '../engine/index';
import { WireError } from './errors';
import { expectOn, expectOnListener, type ExpectOutcome } from './expect';
import { expandText, payloadBytes, type Scope } from './expand';
import { Inbox, cancelled, sleep } from './inbox';
import { Iterations, addressVariables, closeSockets, defineVariables } from './sectionState';
import { fixedMatcher, readyMatcher } from './match';
import { formatPeer, toWireError } from './fromEngine';
import type { Outcome, RunEvent, SectionResult, StepResult } from './results';
import { attachRules, type RuleBinding } from './rules';
import { StepLog, failedStep, passedStep, type SimpleStep } from './stepResults';
import type { Payload, Section, Step, WireFile } from './syntax';

export const DEFAULT_EXPECT_TIMEOUT_MS = 5000;
/** Past this many step results in a section, passed steps are counted, not kept (progress events still come for each). */
export const DEFAULT_MAX_STEP_RESULTS = 10_000;

export interface SectionOptions {
  readonly engine: SocketEngine;
  readonly file: WireFile;
  readonly section: Section;
  /** CLI or editor overrides: they win over the file's and the section's `@name = value`. */
  readonly overrides: Readonly<Record<string, string>>;
  /** Editor settings: the file's and the section's `@name = value` win over them. */
  readonly defaults?: Readonly<Record<string, string>>;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly baseDirectory: string;
  readonly defaultTimeoutMs: number;
  readonly signal: AbortSignal | undefined;
  readonly emit: (event: RunEvent) => void;
  readonly socketName?: (section: string, name: string | undefined) => string | undefined;
  /** Step results kept per section (a long repeat must not grow memory without bound). */
  readonly maxStepResults: number;
  /** Whether anyone listens: per-step events are not even built otherwise. */
  readonly listening: boolean;
  /** After the steps, keep the listeners answering until the signal aborts (a mock server). */
  readonly serve: boolean;
}

interface Handle {
  readonly id: string;
  readonly name: string | undefined;
  readonly info: SocketInfo;
  readonly inbox: Inbox | undefined;
  readonly rules: RuleBinding | undefined;
}

class StepFailure extends Error {
  constructor(readonly result: StepResult) {
    super(result.message);
  }
}

export class SectionRun {
  private readonly variables = new Map<string, Uint8Array>();
  private readonly handles: Handle[] = [];
  private readonly byName = new Map<string, Handle>();
  private readonly inboxes = new Map<string, Inbox>();
  private readonly socketIds: string[] = [];
  private readonly subscriptions: Disposable[] = [];
  private current: Handle | undefined;
  private sends = 0;
  private executed = 0;
  private peer: string | undefined;
  private readonly iterations = new Iterations();
  private timeoutMs: number;
  /** The step running now: its expect's skipped bytes, for its result. */
  private skippedBytes: number | undefined;
  private readonly sendOptions: SendOptions;
  private readonly log: StepLog;

  constructor(private readonly options: SectionOptions) {
    this.timeoutMs = options.defaultTimeoutMs;
    this.sendOptions = { signal: options.signal };
    this.log = new StepLog(options.maxStepResults);
  }

  private get name(): string {
    return this.options.section.name;
  }

  /** One scope object for the whole section: its getters read the section's state as it is now. */
  private readonly sectionScope: Scope = (() => {
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const run = this;
    return {
      variable: (name: string) => run.variables.get(name),
      get env() {
        return run.options.env;
      },
      get counter() {
        return run.sends;
      },
      get iteration() {
        return run.iterations.current;
      },
      get peer() {
        return run.peer;
      },
      get baseDirectory() {
        return run.options.baseDirectory;
      },
    };
  })();

  async run(): Promise<SectionResult> {
    const { emit, section, file } = this.options;
    const started = performance.now();
    emit({ type: 'section-start', file: file.file, section: this.name, line: section.line });
    let outcome: Outcome = 'passed';
    let error: WireError | undefined;
    let failedStep: StepResult | undefined;
    try {
      this.defineVariables();
      await this.runSteps(section.steps);
      if (this.options.serve) {
        await sleep(2 ** 31 - 1, this.options.signal);
      }
    } catch (caught) {
      if (caught instanceof StepFailure) {
        outcome = caught.result.outcome;
        failedStep = caught.result;
      } else {
        error = toWireError(caught);
        outcome = error.code === 'CANCELLED' ? (this.options.serve ? 'passed' : 'cancelled') : 'failed';
        if (this.options.serve && error.code === 'CANCELLED') {
          error = undefined;
        }
      }
    } finally {
      await this.closeAll(outcome === 'passed');
    }
    const result: SectionResult = {
      name: this.name,
      line: section.line,
      outcome,
      durationMs: performance.now() - started,
      socketIds: this.socketIds,
      steps: this.log.results(),
      omittedSteps: this.log.omitted,
      executedSteps: this.executed,
      message: error?.message ?? failedStep?.message,
      error: error?.toJSON() ?? failedStep?.error,
    };
    emit({ type: 'section-end', file: file.file, result });
    return result;
  }

  private defineVariables(): void {
    const { overrides, file, section } = this.options;
    this.timeoutMs = defineVariables(this.variables, { defaults: this.options.defaults ?? {}, overrides, file, section }, this.sectionScope) ?? this.timeoutMs;
  }

  /** The steps in order; a step that ends at once costs no promise, and a repeat none per iteration. */
  private async runSteps(steps: readonly Step[]): Promise<void> {
    for (const step of steps) {
      const pending = step.kind === 'repeat' ? this.runRepeat(step) : this.runStep(step);
      if (pending !== undefined) {
        await pending;
      }
    }
  }

  private async runRepeat(repeat: Extract<Step, { kind: 'repeat' }>): Promise<void> {
    for (let iteration = 0; iteration < repeat.count; iteration++) {
      this.iterations.push(iteration);
      try {
        for (const step of repeat.steps) {
          const pending = step.kind === 'repeat' ? this.runRepeat(step) : this.runStep(step);
          if (pending !== undefined) {
            await pending;
          }
        }
      } finally {
        this.iterations.pop();
      }
    }
  }

  /** Runs one step; a promise only when it has to wait. A failed step throws (or rejects with) StepFailure. */
  private runStep(step: SimpleStep): Promise<void> | undefined {
    const iterations = this.iterations.list();
    if (this.options.listening) {
      this.options.emit({ type: 'step-start', file: this.options.file.file, section: this.name, step: { line: step.line, column: step.column, kind: step.kind, text: step.text, iterations } });
    }
    const started = performance.now();
    this.skippedBytes = undefined;
    let bytes: number;
    try {
      if (this.options.signal?.aborted === true) {
        throw cancelled();
      }
      if (step.kind === 'send') {
        const sent = this.send(step);
        if (sent instanceof Promise) {
          return this.settle(step, iterations, started, sent, this.sentBytes);
        }
        bytes = this.sentBytes(sent);
      } else if (step.kind === 'expect') {
        const outcome = this.expect(step, started);
        if (outcome instanceof Promise) {
          return this.settle(step, iterations, started, outcome, this.expectedBytes);
        }
        bytes = this.expectedBytes(outcome);
      } else {
        const done = this.execute(step);
        if (done instanceof Promise) {
          return this.settle(step, iterations, started, done, (value) => value);
        }
        bytes = done;
      }
    } catch (caught) {
      return this.failed(step, iterations, started, caught);
    }
    this.passed(step, iterations, started, bytes);
    return undefined;
  }

  private async settle<T>(step: SimpleStep, iterations: readonly number[] | undefined, started: number, pending: Promise<T>, bytesOf: (value: T) => number): Promise<void> {
    let bytes: number;
    try {
      bytes = bytesOf(await pending);
    } catch (caught) {
      this.failed(step, iterations, started, caught);
    }
    this.passed(step, iterations, started, bytes);
  }

  private passed(step: SimpleStep, iterations: readonly number[] | undefined, started: number, bytes: number): void {
    this.executed++;
    if (!this.options.listening) {
      this.log.passed(step, iterations, performance.now() - started, bytes, this.skippedBytes, this.current?.id);
      return;
    }
    const result = passedStep(step, iterations, started, bytes, this.skippedBytes, this.current?.id);
    this.log.add(result);
    this.options.emit({ type: 'step-end', file: this.options.file.file, section: this.name, result });
  }

  private failed(step: SimpleStep, iterations: readonly number[] | undefined, started: number, caught: unknown): never {
    const result = failedStep(step, iterations, started, toWireError(caught), this.current?.id);
    this.executed++;
    this.log.add(result);
    if (this.options.listening) {
      this.options.emit({ type: 'step-end', file: this.options.file.file, section: this.name, result });
    }
    throw new StepFailure(result);
  }

  private currentSocket(step: Step): Handle {
    if (this.current === undefined) {
      throw new WireError('NOT_APPLICABLE', `'${step.kind}' needs a socket: 'open' or 'listen' one first in this section`, { reason: 'no-socket', keyword: step.kind });
    }
    return this.current;
  }

  /** Sent at once where the engine can (one chunk to a stream socket: sendNow), else send()'s promise. */
  private send(step: Extract<Step, { kind: 'send' }>): SendResult | Promise<SendResult> {
    const handle = this.currentSocket(step);
    this.sends++;
    const scope = this.sectionScope;
    const bytes = payloadBytes(step.payload, scope);
    // One options object for every send without `to`: the engine only reads it.
    const options = step.to === undefined ? this.sendOptions : { target: expandText(step.to, scope), signal: this.options.signal };
    const engine = this.options.engine;
    return engine.sendNow(handle.id, bytes, options) ?? engine.send(handle.id, bytes, options);
  }

  private readonly sentBytes = (sent: SendResult): number => {
    if (sent.cancelled) {
      throw cancelled();
    }
    return sent.bytesSent;
  };

  private expect(step: Extract<Step, { kind: 'expect' }>, started: number): ExpectOutcome | Promise<ExpectOutcome> {
    const handle = this.currentSocket(step);
    if (handle.inbox === undefined) {
      throw expectOnListener(handle.id, handle.name, handle.rules !== undefined);
    }
    const matcher = fixedMatcher(step.matcher, this.bytesOf) ?? readyMatcher(step.matcher, this.bytesOf);
    return expectOn(handle.inbox, matcher, step.within ?? this.timeoutMs, this.options.signal, started);
  }

  private readonly bytesOf = (payload: Payload): Uint8Array => payloadBytes(payload, this.sectionScope);

  private readonly expectedBytes = (outcome: ExpectOutcome): number => {
    if (outcome.captures !== undefined) {
      for (const [name, value] of Object.entries(outcome.captures)) {
        this.variables.set(name, Buffer.from(value, 'latin1'));
      }
    }
    if (outcome.peer !== undefined) {
      this.peer = outcome.peer;
    }
    this.skippedBytes = outcome.skippedBytes;
    return outcome.bytes;
  };

  /** The steps other than send and expect (which runStep does itself): bytes, or a promise of them. */
  private execute(step: Exclude<SimpleStep, { kind: 'send' | 'expect' }>): number | Promise<number> {
    const { engine, signal } = this.options;
    switch (step.kind) {
      case 'open':
      case 'listen':
        return this.open(step);
      case 'use':
        this.current = this.byName.get(step.name);
        this.peer = formatPeer(this.current?.info.remote);
        return 0;
      case 'wait':
        return sleep(step.milliseconds, signal).then(() => 0);
      case 'close':
        return engine.close(this.currentSocket(step).id, step.mode).then(() => 0);
      case 'starttls':
        return engine.startTls(this.currentSocket(step).id, { insecure: step.insecure, ...(step.ca === undefined ? {} : { ca: step.ca }) }).then(() => 0);
    }
  }

  private async open(step: Extract<Step, { kind: 'open' | 'listen' }>): Promise<number> {
    const { engine, signal } = this.options;
    const spec = expandText(step.spec, this.sectionScope);
    let info: SocketInfo;
    try {
      info = await engine.open(spec, { name: this.options.socketName?.(this.name, step.name) ?? step.name, signal, baseDirectory: this.options.baseDirectory });
    } catch (error) {
      if (isEngineError(error) && error.socketId !== undefined) {
        this.socketIds.push(error.socketId);
      }
      if (isEngineError(error) && error.code === 'CANCELLED') {
        throw cancelled();
      }
      const wrapped = toWireError(error);
      // The wrapped failure keeps its code and facts; `opening` and `openingMessage` say it came from this step.
      throw new WireError(wrapped.code, `cannot ${step.kind === 'open' ? 'open' : 'listen on'} ${spec}: ${wrapped.message}`, { ...wrapped.data, spec, opening: step.kind, openingMessage: wrapped.message });
    }
    this.adopt(step, info);
    return 0;
  }

  /** Makes an opened socket the current one, with its inbox or its rules, and its address variables. */
  private adopt(step: Extract<Step, { kind: 'open' | 'listen' }>, info: SocketInfo): void {
    const { engine, emit, file } = this.options;
    this.socketIds.push(info.id);
    const stream = info.kind === 'tcp-server' || info.kind === 'unix-server';
    const rules = step.kind === 'listen' && step.rules.length > 0
      ? attachRules(engine, info.id, step.rules, {
        variable: (name) => this.variables.get(name),
        env: this.options.env,
        baseDirectory: this.options.baseDirectory,
        onEvent: (event) => emit({ type: 'rule', file: file.file, section: this.name, event }),
      })
      : undefined;
    const inbox = stream || rules !== undefined ? undefined : new Inbox(engine, info.id, info.kind === 'udp', info.framing !== undefined);
    const handle: Handle = { id: info.id, name: step.name, info, inbox, rules };
    if (inbox !== undefined) {
      if (this.inboxes.size === 0) {
        // Each inbox hears its own socket's bytes (engine.onIncoming); these are the lifecycle events.
        this.subscriptions.push(
          engine.onDidChange((changed) => this.inboxes.get(changed.id)?.changed(changed)),
          engine.onDidEnd(({ socketId }) => this.inboxes.get(socketId)?.ended()),
        );
      }
      this.inboxes.set(info.id, inbox);
    }
    this.handles.push(handle);
    if (step.name !== undefined) {
      this.byName.set(step.name, handle);
      for (const [variable, value] of addressVariables(step.name, info)) {
        this.variables.set(variable, value);
      }
    }
    this.current = handle;
    this.peer = formatPeer(info.remote);
    if (step.kind === 'listen') {
      emit({ type: 'listening', file: file.file, section: this.name, socketId: info.id, address: formatPeer(info.local) ?? info.spec });
    }
  }

  private async closeAll(graceful: boolean): Promise<void> {
    for (const handle of this.handles) {
      handle.rules?.dispose();
    }
    await closeSockets(this.options.engine, this.socketIds, graceful);
    for (const subscription of this.subscriptions) {
      subscription.dispose();
    }
    for (const inbox of this.inboxes.values()) {
      inbox.dispose();
    }
  }
}

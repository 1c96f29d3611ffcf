/**
 * Runs one section: its variables, its steps in order (repeat included), its sockets. The first
 * failed step ends the section; whatever happens, every socket it opened is closed before the
 * result is returned, so a failed or cancelled section leaves no handle behind.
 */
import { performance } from 'node:perf_hooks';
import type { Disposable, SocketEngine, SocketInfo } from '../engine/index';
import { isEngineError } from '../engine/index';
import { WireError } from './errors';
import { expectOn } from './expect';
import { expandText, payloadBytes, type Scope } from './expand';
import { Inbox, cancelled, sleep } from './inbox';
import { Iterations, addressVariables } from './sectionState';
import { readyMatcher } from './match';
import { durationMs } from './parseTemplate';
import { formatPeer, toWireError } from './fromEngine';
import type { Outcome, RunEvent, SectionResult, StepResult } from './results';
import { attachRules, type RuleBinding } from './rules';
import type { Section, Step, VariableDefinition, WireFile } from './syntax';

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

const utf8 = new TextEncoder();

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
  private readonly steps: StepResult[] = [];
  private readonly subscriptions: Disposable[] = [];
  private current: Handle | undefined;
  private sends = 0;
  private executed = 0;
  private omitted = 0;
  private peer: string | undefined;
  private readonly iterations = new Iterations();
  private timeoutMs: number;

  constructor(private readonly options: SectionOptions) {
    this.timeoutMs = options.defaultTimeoutMs;
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

  private scope(): Scope {
    return this.sectionScope;
  }

  async run(): Promise<SectionResult> {
    const { engine, emit, section, file } = this.options;
    const started = performance.now();
    emit({ type: 'section-start', file: file.file, section: this.name, line: section.line });
    this.subscriptions.push(
      engine.onData(({ socketId, entry }) => this.inboxes.get(socketId)?.record(entry)),
      engine.onDidChange((info) => this.inboxes.get(info.id)?.changed(info)),
      engine.onDidEnd(({ socketId }) => this.inboxes.get(socketId)?.ended()),
    );
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
      steps: this.steps,
      omittedSteps: this.omitted,
      executedSteps: this.executed,
      message: error?.message ?? failedStep?.message,
      error: error?.toJSON() ?? failedStep?.error,
    };
    emit({ type: 'section-end', file: file.file, result });
    return result;
  }

  private defineVariables(): void {
    const { overrides, file, section } = this.options;
    for (const [name, value] of Object.entries(this.options.defaults ?? {})) {
      this.variables.set(name, utf8.encode(value));
    }
    for (const [name, value] of Object.entries(overrides)) {
      this.variables.set(name, utf8.encode(value));
    }
    const define = (definitions: readonly VariableDefinition[]): void => {
      for (const definition of definitions) {
        if (!Object.hasOwn(overrides, definition.name)) {
          this.variables.set(definition.name, utf8.encode(expandText(definition.value, this.scope())));
        }
      }
    };
    define(file.variables);
    define(section.variables);
    const timeout = this.variables.get('timeout');
    if (timeout !== undefined) {
      const text = Buffer.from(timeout).toString('utf8');
      const milliseconds = durationMs(text.trim());
      if (milliseconds === undefined) {
        throw new WireError('INVALID_VALUE', `@timeout must be a duration such as 250ms or 2s, got '${text}'`, { reason: 'timeout-invalid', value: text });
      }
      this.timeoutMs = milliseconds;
    }
  }

  private async runSteps(steps: readonly Step[]): Promise<void> {
    for (const step of steps) {
      if (step.kind === 'repeat') {
        for (let iteration = 0; iteration < step.count; iteration++) {
          this.iterations.push(iteration);
          try {
            await this.runSteps(step.steps);
          } finally {
            this.iterations.pop();
          }
        }
        continue;
      }
      await this.runStep(step);
    }
  }

  private async runStep(step: Exclude<Step, { kind: 'repeat' }>): Promise<void> {
    const { emit, file, signal } = this.options;
    const iterations = this.iterations.list();
    if (this.options.listening) {
      emit({ type: 'step-start', file: file.file, section: this.name, step: { line: step.line, column: step.column, kind: step.kind, text: step.text, iterations } });
    }
    const started = performance.now();
    let result: StepResult;
    try {
      if (signal?.aborted === true) {
        throw cancelled();
      }
      const done = await this.execute(step);
      result = {
        line: step.line,
        column: step.column,
        kind: step.kind,
        text: step.text,
        iterations,
        outcome: 'passed',
        elapsedMs: performance.now() - started,
        bytes: done.bytes,
        skippedBytes: done.skippedBytes,
        socketId: this.current?.id,
      };
    } catch (caught) {
      const error = toWireError(caught);
      result = {
        line: step.line,
        column: step.column,
        kind: step.kind,
        text: step.text,
        iterations,
        outcome: error.code === 'CANCELLED' ? 'cancelled' : 'failed',
        elapsedMs: performance.now() - started,
        bytes: 0,
        socketId: this.current?.id,
        message: error.message,
        error: error.toJSON(),
      };
    }
    this.executed++;
    if (this.steps.length < this.options.maxStepResults || result.outcome !== 'passed') {
      this.steps.push(result);
    } else {
      this.omitted++;
    }
    if (this.options.listening) {
      emit({ type: 'step-end', file: file.file, section: this.name, result });
    }
    if (result.outcome !== 'passed') {
      throw new StepFailure(result);
    }
  }

  private currentSocket(step: Step): Handle {
    if (this.current === undefined) {
      throw new WireError('NOT_APPLICABLE', `'${step.kind}' needs a socket: 'open' or 'listen' one first in this section`, { reason: 'no-socket', keyword: step.kind });
    }
    return this.current;
  }

  private async execute(step: Exclude<Step, { kind: 'repeat' }>): Promise<{ bytes: number; skippedBytes?: number }> {
    const { engine, signal } = this.options;
    switch (step.kind) {
      case 'open':
      case 'listen': {
        const spec = expandText(step.spec, this.scope());
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
        return { bytes: 0 };
      }
      case 'use':
        this.current = this.byName.get(step.name);
        this.peer = formatPeer(this.current?.info.remote);
        return { bytes: 0 };
      case 'send': {
        const handle = this.currentSocket(step);
        this.sends++;
        const scope = this.scope();
        const bytes = payloadBytes(step.payload, scope);
        const target = step.to === undefined ? undefined : expandText(step.to, scope);
        const sent = await engine.send(handle.id, bytes, { target, signal });
        if (sent.cancelled) {
          throw cancelled();
        }
        return { bytes: sent.bytesSent };
      }
      case 'expect': {
        const handle = this.currentSocket(step);
        if (handle.inbox === undefined) {
          const why = handle.rules !== undefined ? "its 'on' rules answer what it receives" : "a stream listener receives on its connections; its 'on' rules answer them";
          throw new WireError('NOT_APPLICABLE', `'expect' cannot read ${handle.name ?? handle.id}: ${why}`, {
            reason: 'expect-on-listener',
            socketId: handle.id,
            socket: handle.name ?? handle.id,
            variant: handle.rules !== undefined ? 'rules' : 'stream-listener',
          });
        }
        const matcher = readyMatcher(step.matcher, (payload) => payloadBytes(payload, this.scope()));
        const outcome = await expectOn(handle.inbox, matcher, step.within ?? this.timeoutMs, signal);
        if (outcome.captures !== undefined) {
          for (const [name, value] of Object.entries(outcome.captures)) {
            this.variables.set(name, Buffer.from(value, 'latin1'));
          }
        }
        if (outcome.peer !== undefined) {
          this.peer = outcome.peer;
        }
        return { bytes: outcome.bytes, skippedBytes: outcome.skippedBytes };
      }
      case 'wait':
        await sleep(step.milliseconds, signal);
        return { bytes: 0 };
      case 'close':
        await engine.close(this.currentSocket(step).id, step.mode);
        return { bytes: 0 };
      case 'starttls':
        await engine.startTls(this.currentSocket(step).id, { insecure: step.insecure, ...(step.ca === undefined ? {} : { ca: step.ca }) });
        return { bytes: 0 };
    }
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
    const { engine } = this.options;
    for (const handle of this.handles) {
      handle.rules?.dispose();
    }
    await Promise.all(
      [...new Set(this.socketIds)].map(async (id) => {
        const info = engine.get(id);
        if (info === undefined || info.state === 'closed' || info.state === 'error') {
          return;
        }
        await engine.close(id, graceful ? 'graceful' : 'reset').catch(() => engine.close(id, 'reset').catch(() => undefined));
      }),
    );
    for (const subscription of this.subscriptions) {
      subscription.dispose();
    }
    for (const inbox of this.inboxes.values()) {
      inbox.dispose();
    }
  }
}

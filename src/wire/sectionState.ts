/**
 * Section state that steps read as variables: the `repeat` iterations the steps run in (what
 * `{{i}}` reads and each step result carries), and a named socket's address variables.
 */
import type { SocketEngine, SocketInfo } from '../engine/index';
import { WireError } from './errors';
import { expandText, type Scope } from './expand';
import { formatPeer } from './fromEngine';
import { durationMs } from './parseTemplate';
import type { Section, VariableDefinition, WireFile } from './syntax';

const utf8 = new TextEncoder();

/** `{{NAME.port}}`, `{{NAME.host}}`, `{{NAME.address}}`: a listener on port 0 tells the later steps its port. */
export function addressVariables(name: string, info: SocketInfo): Array<[string, Uint8Array]> {
  const local = info.local;
  if (local === undefined) {
    return [];
  }
  const variables: Array<[string, Uint8Array]> = [[`${name}.address`, utf8.encode(formatPeer(local) ?? '')]];
  if (local.port !== undefined) {
    variables.push([`${name}.port`, utf8.encode(String(local.port))]);
    variables.push([`${name}.host`, utf8.encode(local.family === 'IPv6' ? `[${local.address}]` : local.address)]);
  } else {
    variables.push([`${name}.path`, utf8.encode(local.address)]);
  }
  return variables;
}

/**
 * Sets a section's variables: defaults, then overrides, then the file's and the section's `@name =
 * value` (an override wins over them). Returns `@timeout` in milliseconds when one is set.
 */
export function defineVariables(
  variables: Map<string, Uint8Array>,
  sources: { readonly defaults: Readonly<Record<string, string>>; readonly overrides: Readonly<Record<string, string>>; readonly file: WireFile; readonly section: Section },
  scope: Scope,
): number | undefined {
  const { defaults, overrides, file, section } = sources;
  for (const [name, value] of Object.entries(defaults)) {
    variables.set(name, utf8.encode(value));
  }
  for (const [name, value] of Object.entries(overrides)) {
    variables.set(name, utf8.encode(value));
  }
  const define = (definitions: readonly VariableDefinition[]): void => {
    for (const definition of definitions) {
      if (!Object.hasOwn(overrides, definition.name)) {
        variables.set(definition.name, utf8.encode(expandText(definition.value, scope)));
      }
    }
  };
  define(file.variables);
  define(section.variables);
  const timeout = variables.get('timeout');
  if (timeout === undefined) {
    return undefined;
  }
  const text = Buffer.from(timeout).toString('utf8');
  const milliseconds = durationMs(text.trim());
  if (milliseconds === undefined) {
    throw new WireError('INVALID_VALUE', `@timeout must be a duration such as 250ms or 2s, got '${text}'`, { reason: 'timeout-invalid', value: text });
  }
  return milliseconds;
}

/** Closes every socket still open (each once), gracefully when the section passed; a failed close resets. */
export async function closeSockets(engine: SocketEngine, socketIds: readonly string[], graceful: boolean): Promise<void> {
  await Promise.all(
    [...new Set(socketIds)].map(async (id) => {
      const info = engine.get(id);
      if (info === undefined || info.state === 'closed' || info.state === 'error') {
        return;
      }
      await engine.close(id, graceful ? 'graceful' : 'reset').catch(() => engine.close(id, 'reset').catch(() => undefined));
    }),
  );
}

export class Iterations {
  private readonly stack: number[] = [];
  /** The list() of the stack as it is now; dropped by every push and pop. */
  private snapshot: readonly number[] | undefined;

  push(iteration: number): void {
    this.stack.push(iteration);
    this.snapshot = undefined;
  }

  pop(): void {
    this.stack.pop();
    this.snapshot = undefined;
  }

  /** The innermost iteration, 0-based; undefined outside any repeat. */
  get current(): number | undefined {
    return this.stack.length === 0 ? undefined : this.stack[this.stack.length - 1];
  }

  /**
   * The iterations, outermost first, as step results carry them: one array per iteration, shared
   * by the steps of that iteration (a result never changes it), not one per step.
   */
  list(): readonly number[] | undefined {
    if (this.stack.length === 0) {
      return undefined;
    }
    this.snapshot ??= [...this.stack];
    return this.snapshot;
  }
}

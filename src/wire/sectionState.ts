/**
 * Section state that steps read as variables: the `repeat` iterations the steps run in (what
 * `{{i}}` reads and each step result carries), and a named socket's address variables.
 */
import type { SocketInfo } from '../engine/index';
import { formatPeer } from './fromEngine';

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

export class Iterations {
  private readonly stack: number[] = [];
  private snapshot: readonly number[] | undefined;

  push(iteration: number): void {
    this.stack.push(iteration);
  }

  pop(): void {
    this.stack.pop();
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
    const stack = this.stack;
    if (stack.length === 0) {
      return undefined;
    }
    const last = this.snapshot;
    if (last !== undefined && last.length === stack.length && last.every((value, index) => value === stack[index])) {
      return last;
    }
    this.snapshot = [...stack];
    return this.snapshot;
  }
}

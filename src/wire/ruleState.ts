/** What a RuleEngine keeps: per connection (its buffer, its flags), per hit (its scope), and per rule (a matcher expanded once). */
import { formatPeer } from './fromEngine';
import type { SocketInfo } from '../engine/index';
import type { Scope } from './expand';
import { readyMatcher, type ReadyMatcher } from './match';
import type { RuleOptions } from './rules';
import type { Payload, Rule } from './syntax';

export interface Connection {
  readonly id: string;
  readonly peer: string | undefined;
  buffer: Buffer;
  /** The peer sent FIN: an `on eof` rule may answer (a half-open socket can still send). */
  eof: boolean;
  closed: boolean;
  busy: boolean;
  /** Set after a `close` action or a failure: nothing more is answered. */
  done: boolean;
  connectPending: boolean;
  /** A framed connection (framing= in its spec): whole messages, each matched whole, as datagrams are. */
  readonly messages?: Buffer[];
}

export const EMPTY = Buffer.alloc(0);
/** The engine only reads a send's options: one object for every reply without a target. */
export const NO_SEND_OPTIONS = {};

/** What one hit's actions see: its captures over the section's variables, its rule's hit count, its peer. */
export class RuleScope implements Scope {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly iteration = undefined;
  readonly baseDirectory: string;

  constructor(
    private readonly options: RuleOptions,
    readonly counter: number,
    readonly peer: string | undefined,
    private readonly captures: Readonly<Record<string, string>> | undefined,
  ) {
    this.env = options.env ?? process.env;
    this.baseDirectory = options.baseDirectory ?? process.cwd();
  }

  variable(name: string): Uint8Array | undefined {
    const captured = this.captures?.[name];
    return captured !== undefined ? Buffer.from(captured, 'latin1') : this.options.variable?.(name);
  }
}

export function newConnection(info: SocketInfo): Connection {
  const connection: Connection = { id: info.id, peer: formatPeer(info.remote), buffer: EMPTY, eof: false, closed: false, busy: false, done: false, connectPending: true };
  if (info.framing !== undefined) {
    Object.assign(connection, { messages: [] });
  }
  return connection;
}

/** Each rule's matcher where its trigger has no macro (nor file): the same bytes every time. */
export function fixedMatchers(rules: readonly Rule[], bytesOf: (payload: Payload) => Uint8Array): readonly (ReadyMatcher | undefined)[] {
  return rules.map((rule) => {
    const trigger = rule.trigger;
    if ((trigger.kind === 'contains' || trigger.kind === 'exactly') && (trigger.payload.kind === 'file' || trigger.payload.template.parts.some((part) => part.kind === 'macro'))) {
      return undefined;
    }
    try {
      return readyMatcher(trigger, bytesOf);
    } catch {
      return undefined;
    }
  });
}

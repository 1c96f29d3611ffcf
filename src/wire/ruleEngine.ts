/** The RuleEngine class behind attachRules: per-connection buffers and datagram chains, matching rules and running their actions. */
import { asBuffer, type Disposable, type SocketEngine, type SocketInfo } from '../engine/index';
import { WireError } from './errors';
import { payloadBytes, type Scope } from './expand';
import { toWireError } from './fromEngine';
import { sleep } from './inbox';
import { matchDatagram, matchStream, readyMatcher, type ReadyMatcher } from './match';
import type { RuleBinding, RuleOptions } from './rules';
import { EMPTY, NO_SEND_OPTIONS, RuleScope, fixedMatchers, newConnection, type Connection } from './ruleState';
import type { Action, Rule } from './syntax';

export const DEFAULT_MAX_BUFFERED_BYTES = 1024 * 1024;

export class RuleEngine implements RuleBinding {
  readonly hits: number[];
  errors = 0;
  private readonly connections = new Map<string, Connection>();
  private readonly subscriptions: Disposable[] = [];
  private readonly stop = new AbortController();
  private readonly datagramChains = new Map<string, Promise<void>>();
  private readonly maxBuffered: number;
  private readonly fixedMatchers: readonly (ReadyMatcher | undefined)[];
  private readonly allFixed: boolean;

  constructor(
    private readonly engine: SocketEngine,
    private readonly listenerId: string,
    private readonly rules: readonly Rule[],
    private readonly options: RuleOptions,
  ) {
    this.hits = rules.map((_, index) => options.startHits?.[index] ?? 0);
    // Triggers without macros match the same bytes every time: expanded once, not per chunk.
    this.fixedMatchers = fixedMatchers(rules, (payload) => payloadBytes(payload, this.scope(0, undefined, undefined)));
    this.allFixed = rules.every((rule, index) => rule.trigger.kind === 'connect' || this.fixedMatchers[index] !== undefined);
    this.maxBuffered = options.maxBufferedBytes ?? DEFAULT_MAX_BUFFERED_BYTES;
    const listener = engine.get(listenerId);
    const udp = listener?.kind === 'udp';
    // Straight from the engine (no entry or event objects), once per chunk: the listener's and its connections'.
    // A listener already removed has nothing to answer.
    if (listener !== undefined) {
      this.subscriptions.push(engine.onIncoming(listenerId, (socketId, data, _length, peer) => {
        if (udp) {
          this.datagram(asBuffer(data), peer);
          return;
        }
        const connection = this.connections.get(socketId);
        if (connection?.messages !== undefined) {
          connection.messages.push(asBuffer(data));
          this.pump(connection);
        } else if (connection !== undefined) {
          const chunk = asBuffer(data);
          connection.buffer = connection.buffer.length === 0 ? chunk : Buffer.concat([connection.buffer, chunk]);
          this.pump(connection);
        }
      }));
    }
    if (!udp) {
      this.subscriptions.push(
        engine.onDidCreate((info) => {
          if (info.parentId === listenerId) {
            this.accept(info);
          }
        }),
        engine.onDidChange((info) => {
          const connection = this.connections.get(info.id);
          if (connection !== undefined && (info.state === 'closed' || info.state === 'error')) {
            connection.closed = true;
            this.pump(connection);
          }
        }),
        engine.onDidEnd(({ socketId }) => {
          const connection = this.connections.get(socketId);
          if (connection !== undefined) {
            connection.eof = true;
            this.pump(connection);
          }
        }),
        engine.onDidRemove(({ id }) => {
          const connection = this.connections.get(id);
          if (connection !== undefined) {
            connection.closed = true;
            this.pump(connection);
          }
        }),
      );
      // Connections accepted before the rules were attached are answered too.
      for (const info of engine.connections(listenerId)) {
        this.accept(info);
      }
    }
  }

  dispose(): void {
    this.stop.abort();
    for (const subscription of this.subscriptions) {
      subscription.dispose();
    }
    this.subscriptions.length = 0;
    this.connections.clear();
  }

  private accept(info: SocketInfo): void {
    if (this.connections.has(info.id)) {
      return;
    }
    const connection = newConnection(info);
    this.connections.set(info.id, connection);
    this.pump(connection);
  }

  private scope(rule: number, peer: string | undefined, captures: Readonly<Record<string, string>> | undefined): Scope {
    return new RuleScope(this.options, this.hits[rule], peer, captures);
  }

  private matcher(rule: Rule, index: number, peer: string | undefined): ReadyMatcher {
    const fixed = this.fixedMatchers[index];
    if (fixed !== undefined) {
      return fixed;
    }
    return readyMatcher(rule.trigger, (payload) => payloadBytes(payload, this.scope(index, peer, undefined)));
  }

  /** One connection's loop: the first matching rule, its actions, again, until nothing matches. */
  private pump(connection: Connection): void {
    if (connection.busy || connection.done || this.stop.signal.aborted) {
      return;
    }
    // Nothing buffered, the stream going on: no rule can match, and fixed matchers cannot fail (macros may, so they are tried).
    if (this.allFixed && !connection.connectPending && connection.messages === undefined && connection.buffer.length === 0 && !connection.eof && !connection.closed) {
      return;
    }
    connection.busy = true;
    this.drain(connection);
  }

  /** Runs the loop until it ends, or, when an action has to wait, again once that action is done. */
  private drain(connection: Connection): void {
    let pending: Promise<void> | undefined;
    try {
      pending = this.loop(connection);
    } finally {
      if (pending === undefined) {
        this.settled(connection);
      }
    }
    if (pending !== undefined) {
      void this.resume(connection, pending);
    }
  }

  private async resume(connection: Connection, pending: Promise<void>): Promise<void> {
    try {
      await pending;
    } catch (error) {
      this.settled(connection);
      throw error;
    }
    this.drain(connection);
  }

  /** The loop is done with the connection for now: more data pumps it again, unless it is done for good. */
  private settled(connection: Connection): void {
    connection.busy = false;
    connection.done ||= connection.closed;
    if (connection.done) {
      this.connections.delete(connection.id);
    }
  }

  /**
   * One connection's loop, without a promise while the actions are replies sent at once (sendNow);
   * the promise of the first action that has to wait, after which drain() comes back here.
   */
  private loop(connection: Connection): Promise<void> | undefined {
    if (connection.connectPending) {
      connection.connectPending = false;
      const index = this.rules.findIndex((rule) => rule.trigger.kind === 'connect');
      const pending = index >= 0 ? this.fire(index, connection, undefined, 0, false) : undefined;
      if (pending !== undefined) {
        return pending;
      }
    }
    if (connection.messages !== undefined) {
      return this.drainMessages(connection, connection.messages);
    }
    const rules = this.rules;
    while (!connection.done && !this.stop.signal.aborted) {
      const ended = connection.eof || connection.closed;
      let chosen = -1;
      let end = 0;
      let captures: Readonly<Record<string, string>> | undefined;
      const empty = !ended && connection.buffer.length === 0;
      for (let index = 0; index < rules.length && chosen < 0; index++) {
        // An empty buffer matches no data rule (each must consume something) until the stream ends.
        if (rules[index].trigger.kind === 'connect' || (empty && this.fixedMatchers[index] !== undefined)) {
          continue;
        }
        let matcher: ReadyMatcher;
        try {
          matcher = this.matcher(rules[index], index, connection.peer);
        } catch (error) {
          this.report(index, connection.id, error);
          continue;
        }
        const found = matchStream(matcher, connection.buffer, ended, connection.closed);
        // A data rule must consume something, or an empty regex match would loop forever.
        if (found.kind === 'match' && (found.end > 0 || matcher.kind === 'eof' || matcher.kind === 'closed')) {
          chosen = index;
          end = found.end;
          captures = found.captures;
        }
      }
      if (chosen < 0) {
        if (connection.buffer.length > this.maxBuffered) {
          this.options.onEvent?.({ type: 'dropped', socketId: connection.id, bytes: connection.buffer.length });
          connection.buffer = EMPTY;
        }
        if (connection.closed) {
          connection.done = true;
        }
        return undefined;
      }
      connection.buffer = end >= connection.buffer.length ? EMPTY : connection.buffer.subarray(end);
      const kind = rules[chosen].trigger.kind;
      const pending = this.fire(chosen, connection, captures, end, kind === 'eof' || kind === 'closed');
      if (pending !== undefined) {
        return pending;
      }
    }
    return undefined;
  }

  private drainMessages(connection: Connection, messages: Buffer[]): Promise<void> | undefined {
    while (!connection.done && !this.stop.signal.aborted) {
      const message = messages.shift();
      const ended = connection.eof || connection.closed;
      const chosen = message === undefined ? (ended ? this.firstRule(undefined, connection) : undefined) : this.firstRule(message, connection);
      if (chosen === undefined) {
        if (message === undefined) {
          connection.done ||= connection.closed;
          return undefined;
        }
        continue;
      }
      const pending = this.fire(chosen.index, connection, chosen.captures, message?.length ?? 0, message === undefined);
      if (pending !== undefined) {
        return pending;
      }
    }
    return undefined;
  }

  /** A framed connection's rule for one whole message (or, at its close, its eof/closed rule); undefined: none matches. */
  private firstRule(message: Buffer | undefined, connection?: Connection): { index: number; captures?: Readonly<Record<string, string>> } | undefined {
    for (let index = 0; index < this.rules.length; index++) {
      const kind = this.rules[index].trigger.kind;
      if (kind === 'connect' || (message === undefined) !== (kind === 'eof' || kind === 'closed') || (kind === 'closed' && connection?.closed !== true)) {
        continue;
      }
      if (message === undefined) {
        return { index };
      }
      try {
        const found = matchDatagram(this.matcher(this.rules[index], index, connection?.peer), message);
        if (found !== undefined) {
          return { index, captures: found.captures };
        }
      } catch (error) {
        this.report(index, connection?.id ?? this.listenerId, error);
      }
    }
    return undefined;
  }

  /** A hit: counted, reported, its actions run; `last` (an eof or closed rule) leaves the connection done after them. */
  private fire(index: number, connection: Connection, captures: Readonly<Record<string, string>> | undefined, bytes: number, last: boolean): Promise<void> | undefined {
    const rule = this.rules[index];
    this.hits[index]++;
    this.options.onEvent?.({ type: 'hit', rule: index, line: rule.line, socketId: connection.id, peer: connection.peer, bytes, hits: this.hits[index] });
    return this.actions(index, connection, this.scope(index, connection.peer, captures), 0, last);
  }

  /**
   * A hit's actions from `from` on. A reply of one chunk, the usual action, is sent before sendNow
   * returns; the first that cannot be (a bigger reply, a wait, a close) gives the promise the rest follows.
   */
  private actions(index: number, connection: Connection, scope: Scope, from: number, last: boolean): Promise<void> | undefined {
    const actions = this.rules[index].actions;
    try {
      for (let at = from; at < actions.length; at++) {
        const action = actions[at];
        if (action.kind !== 'reply') {
          return this.after(index, connection, scope, at, this.act(action, scope, connection.id, undefined), last);
        }
        const bytes = payloadBytes(action.payload, scope);
        if (this.engine.sendNow(connection.id, bytes, NO_SEND_OPTIONS) === undefined) {
          return this.after(index, connection, scope, at, this.engine.send(connection.id, bytes, NO_SEND_OPTIONS), last);
        }
      }
    } catch (error) {
      this.failed(index, connection, error);
      return undefined;
    }
    connection.done ||= last;
    return undefined;
  }

  /** The rest of a hit's actions, once action `at` is done; a `close` ends them and the connection. */
  private async after(index: number, connection: Connection, scope: Scope, at: number, pending: Promise<unknown>, last: boolean): Promise<void> {
    try {
      await pending;
    } catch (error) {
      this.failed(index, connection, error);
      return;
    }
    if (this.rules[index].actions[at].kind === 'close') {
      connection.done = true;
      return;
    }
    await this.actions(index, connection, scope, at + 1, last);
  }

  /** An action failed (a socket closed mid-reply, a file missing): nothing more is answered on that connection. */
  private failed(index: number, connection: Connection, error: unknown): void {
    connection.done = true;
    this.report(index, connection.id, error);
  }

  private datagram(data: Buffer, peer: string | undefined): void {
    const key = peer ?? '';
    const previous = this.datagramChains.get(key) ?? Promise.resolve();
    const next = previous.then(() => this.answerDatagram(data, peer));
    this.datagramChains.set(key, next);
    void next.finally(() => {
      if (this.datagramChains.get(key) === next) {
        this.datagramChains.delete(key);
      }
    });
  }

  private async answerDatagram(data: Buffer, peer: string | undefined): Promise<void> {
    for (let index = 0; index < this.rules.length && !this.stop.signal.aborted; index++) {
      const rule = this.rules[index];
      let found: { readonly captures?: Readonly<Record<string, string>> } | undefined;
      try {
        found = matchDatagram(this.matcher(rule, index, peer), data);
      } catch (error) {
        this.report(index, this.listenerId, error);
        continue;
      }
      if (found === undefined) {
        continue;
      }
      this.hits[index]++;
      this.options.onEvent?.({ type: 'hit', rule: index, line: rule.line, socketId: this.listenerId, peer, bytes: data.length, hits: this.hits[index] });
      const scope = this.scope(index, peer, found.captures);
      try {
        for (const action of rule.actions) {
          if (await this.act(action, scope, this.listenerId, peer)) {
            return;
          }
        }
      } catch (error) {
        this.report(index, this.listenerId, error);
      }
      return;
    }
  }

  /** Runs one action; true when it closed the connection. */
  private async act(action: Action, scope: Scope, socketId: string, datagramPeer: string | undefined): Promise<boolean> {
    switch (action.kind) {
      case 'reply': {
        const bytes = payloadBytes(action.payload, scope);
        await this.engine.send(socketId, bytes, datagramPeer === undefined ? NO_SEND_OPTIONS : { target: datagramPeer });
        return false;
      }
      case 'wait':
        await sleep(action.milliseconds, this.stop.signal);
        return false;
      case 'close':
        if (datagramPeer !== undefined || socketId === this.listenerId) {
          throw new WireError('NOT_APPLICABLE', "'close' in a rule applies to a connection; a UDP listener has none", { reason: 'close-udp', line: action.line });
        }
        await this.engine.close(socketId, action.mode);
        return true;
    }
  }

  private report(rule: number, socketId: string, error: unknown): void {
    if (this.stop.signal.aborted) {
      return;
    }
    this.errors++;
    const info = toWireError(error).toJSON();
    this.options.onEvent?.({ type: 'error', rule, line: this.rules[rule]?.line ?? 0, socketId, error: info });
  }
}

/**
 * `expect`: waits on an inbox until the matcher is satisfied, the deadline passes, or the peer
 * closes, and words the failure with what was expected and what arrived (escapes and hex).
 */
import { WireError } from './errors';
import { type Inbox } from './inbox';
import { bytesFacts, describeBytes, describeMatcher, matchDatagram, matchStream, matcherFacts, type ReadyMatcher } from './match';

export interface ExpectOutcome {
  /** Bytes the match took (stream: from the start of the match to its end; UDP: the datagram). */
  readonly bytes: number;
  readonly skippedBytes: number;
  readonly captures?: Readonly<Record<string, string>>;
  /** UDP: who sent the datagram. */
  readonly peer?: string;
}

/** What the inbox says now: a match, a failure, or undefined (wait for more). */
type Evaluation = ExpectOutcome | WireError | undefined;

/** What the inbox receives, for a sentence: a byte stream, UDP datagrams, or a framed stream's messages. */
function inboxKind(inbox: Inbox): 'stream' | 'datagram' | 'message' {
  return inbox.datagram ? 'datagram' : inbox.messageBased ? 'message' : 'stream';
}

/** The engine's failure as facts: its code, its English message, and its data under `engine.`. */
function failureFacts(failure: Inbox['failure']): Record<string, string | number | boolean | undefined> {
  if (failure === undefined) {
    return {};
  }
  const facts: Record<string, string | number | boolean | undefined> = { engineMessage: failure.message };
  for (const [key, value] of Object.entries(failure.data)) {
    facts[`engine.${key}`] = value;
  }
  return facts;
}

function closedError(matcher: ReadyMatcher, inbox: Inbox, received: Uint8Array): WireError {
  const failure = inbox.failure;
  const how = failure !== undefined ? `the socket failed (${failure.code}: ${failure.message})` : inbox.closed ? 'the connection closed' : 'the peer closed its side (eof)';
  const got = inbox.messageBased ? '' : `; got ${describeBytes(received)}`;
  return new WireError('PEER_CLOSED', `expected ${describeMatcher(matcher)}, but ${how}${got}`, {
    reason: failure !== undefined ? 'socket-failed' : inbox.closed ? 'closed' : 'eof',
    expected: describeMatcher(matcher),
    actual: describeBytes(received),
    engineCode: failure?.code,
    received: received.length,
    inboxKind: inboxKind(inbox),
    ...matcherFacts(matcher),
    ...bytesFacts(received),
    ...failureFacts(failure),
  });
}

function captureLimit(inbox: Inbox): WireError {
  return new WireError(
    'CAPTURE_LIMIT',
    `${inbox.lostBytes} bytes arrived beyond the transcript's capture limit and cannot be matched; raise the engine's captureBytes`,
    { reason: 'capture-limit', lostBytes: inbox.lostBytes },
  );
}

function evaluateStream(matcher: ReadyMatcher, inbox: Inbox): Evaluation {
  if (inbox.lostBytes > 0) {
    return captureLimit(inbox);
  }
  const found = matchStream(matcher, inbox.buffer, inbox.eof, inbox.closed);
  if (found.kind === 'match') {
    inbox.consume(found.end);
    return { bytes: found.end - found.start, skippedBytes: found.start, captures: found.captures };
  }
  if (found.kind === 'mismatch') {
    return new WireError('MISMATCH', `expected ${describeMatcher(matcher)}, got ${describeBytes(inbox.buffer)}`, {
        reason: 'mismatch',
        expected: describeMatcher(matcher),
        actual: describeBytes(inbox.buffer),
        received: inbox.buffer.length,
        inboxKind: 'stream',
        ...matcherFacts(matcher),
        ...bytesFacts(inbox.buffer),
      });
  }
  if (inbox.closed || (inbox.eof && matcher.kind !== 'closed')) {
    return closedError(matcher, inbox, inbox.buffer);
  }
  return undefined;
}

function evaluateDatagram(matcher: ReadyMatcher, inbox: Inbox): Evaluation {
  if (inbox.lostBytes > 0) {
    return captureLimit(inbox);
  }
  if (matcher.kind === 'closed') {
    return inbox.closed ? { bytes: 0, skippedBytes: 0 } : undefined;
  }
  if (matcher.kind === 'eof') {
    // A framed stream: the FIN, whatever messages came before it.
    return inbox.eof ? { bytes: 0, skippedBytes: 0 } : inbox.closed ? closedError(matcher, inbox, new Uint8Array()) : undefined;
  }
  const datagram = inbox.datagrams.shift();
  if (datagram !== undefined) {
    inbox.lastPeer = datagram.peer;
    const found = matchDatagram(matcher, datagram.data);
    if (found === undefined) {
      const from = datagram.peer === undefined || !inbox.datagram ? '' : ` from ${datagram.peer}`;
      return new WireError('MISMATCH', `expected a ${inbox.datagram ? 'datagram' : 'message'} matching ${describeMatcher(matcher)}, got ${describeBytes(datagram.data)}${from}`, {
          reason: 'mismatch',
          expected: describeMatcher(matcher),
          actual: describeBytes(datagram.data),
          received: datagram.data.length,
          peer: datagram.peer,
          inboxKind: inboxKind(inbox),
          ...matcherFacts(matcher),
          ...bytesFacts(datagram.data),
        });
    }
    return { bytes: datagram.data.length, skippedBytes: 0, captures: found.captures, peer: datagram.peer };
  }
  if (inbox.closed) {
    return closedError(matcher, inbox, new Uint8Array());
  }
  return undefined;
}

function timedOut(matcher: ReadyMatcher, inbox: Inbox, timeoutMs: number): WireError {
  const got = inbox.messageBased ? (inbox.datagram ? 'no datagram' : 'no whole message') : describeBytes(inbox.buffer);
  return new WireError('TIMEOUT', `expected ${describeMatcher(matcher)} within ${timeoutMs}ms, got ${got}`, {
    reason: 'timeout',
    expected: describeMatcher(matcher),
    actual: got,
    timeoutMs,
    received: inbox.messageBased ? 0 : inbox.buffer.length,
    inboxKind: inboxKind(inbox),
    ...matcherFacts(matcher),
    ...(inbox.messageBased ? {} : bytesFacts(inbox.buffer)),
  });
}

/**
 * What matched, at once when it is in the inbox already, else a promise of it. Throws or rejects
 * with a WireError (TIMEOUT, MISMATCH, PEER_CLOSED, CANCELLED…). The deadline counts from
 * `startedAt` (performance.now(), the step's start).
 */
export function expectOn(inbox: Inbox, matcher: ReadyMatcher, timeoutMs: number, signal: AbortSignal | undefined, startedAt?: number): ExpectOutcome | Promise<ExpectOutcome> {
  if (inbox.datagram && matcher.kind === 'eof') {
    throw new WireError('NOT_APPLICABLE', "'expect eof' needs a stream socket; UDP has no FIN (use 'expect closed')", { reason: 'eof-on-udp', ...matcherFacts(matcher) });
  }
  const now = inbox.messageBased ? evaluateDatagram(matcher, inbox) : evaluateStream(matcher, inbox);
  if (now instanceof WireError) {
    throw now;
  }
  if (now !== undefined) {
    return now;
  }
  return inbox.wait<ReadyMatcher, ExpectOutcome>(inbox.messageBased ? evaluateDatagram : evaluateStream, timedOut, matcher, timeoutMs, signal, startedAt);
}

/** `expect` on a socket that has no inbox: a listener's connections are answered by rules or read elsewhere. */
export function expectOnListener(socketId: string, name: string | undefined, rules: boolean): WireError {
  const why = rules ? "its 'on' rules answer what it receives" : "a stream listener receives on its connections; its 'on' rules answer them";
  return new WireError('NOT_APPLICABLE', `'expect' cannot read ${name ?? socketId}: ${why}`, {
    reason: 'expect-on-listener',
    socketId,
    socket: name ?? socketId,
    variant: rules ? 'rules' : 'stream-listener',
  });
}

/**
 * The wire parser's and runner's errors as sentences in the user's language. They return a code, a
 * `data.reason` and the facts (`data.got`, `data.after`, `data.variant`, `data.matcherKind`…); their
 * English message is for logs and the CLI, and is used here only for an error this file does not know.
 */
import * as vscode from 'vscode';
import { describeError } from '../messages';
import { byteCount } from '../socketText';
import type { WireErrorData, WireErrorInfo } from '../wire';

interface ParseErrorLike {
  readonly message: string;
  readonly data: WireErrorData;
}

function fact(data: WireErrorData, key: string): string {
  const value = data[key];
  return value === undefined ? '' : String(value);
}

function engineSentence(data: WireErrorData): string {
  const facts: Record<string, string | number | boolean | undefined> = {};
  for (const [key, value] of Object.entries(data)) {
    if (key.startsWith('engine.')) {
      facts[key.slice('engine.'.length)] = value;
    }
  }
  return describeError({ code: fact(data, 'engineCode'), message: fact(data, 'detail'), data: facts });
}

/** `the rule` / `the payload` come as English words; a quoted step (`'wait 5ms'`) is code and stays. */
function afterWhat(after: string): string {
  if (after === 'the rule') {
    return vscode.l10n.t('the rule');
  }
  return after === 'the payload' ? vscode.l10n.t('the payload') : after;
}

function sentence(data: WireErrorData): string | undefined {
  const got = fact(data, 'got');
  const after = fact(data, 'after');
  const variant = fact(data, 'variant');
  switch (data.reason) {
    case 'unknown-directive':
      return variant === 'rules-only'
        ? vscode.l10n.t("Only 'on' rules, their indented actions and '@name = value' lines belong here.")
        : vscode.l10n.t("Unknown directive '{0}': expected open, listen, use, send, expect, wait, repeat, end, close or on.", got);
    case 'step-outside-section':
      return vscode.l10n.t("The step '{0}' needs a section before it: start one with '### name'.", fact(data, 'keyword'));
    case 'payload-missing':
      if (variant === 'form-body') {
        return fact(data, 'word') === 'file' ? vscode.l10n.t("Expected a path after 'file'.") : vscode.l10n.t("Expected {0} digits after '{0}'.", fact(data, 'word'));
      }
      return vscode.l10n.t("Expected a payload after '{0}': \"…\", hex, base64, file or <<END.", after);
    case 'payload-invalid':
      return describeError({ code: 'CODEC_INVALID', message: fact(data, 'detail'), data: { encoding: data.encoding, character: data.character, offset: data.offset, reason: data.codecReason } });
    case 'string-unterminated':
      return vscode.l10n.t("The string started here has no closing '\"'.");
    case 'text-after-payload':
      if (variant === 'send') {
        return vscode.l10n.t("Unexpected '{0}' after the payload: only 'to HOST:PORT' may follow it.", got);
      }
      return variant === 'expect'
        ? vscode.l10n.t("Unexpected '{0}' after the matcher: only 'within DURATION' may follow it.", got)
        : vscode.l10n.t("Unexpected '{0}' after {1}.", got, afterWhat(after));
    case 'heredoc-marker':
      return vscode.l10n.t("Expected a marker after '<<', e.g. <<END or <<END crlf.");
    case 'heredoc-unterminated':
      return vscode.l10n.t("The heredoc started here has no line '{0}' to end it.", fact(data, 'marker'));
    case 'macro-unterminated':
      return vscode.l10n.t("The macro started here has no closing '}}'.");
    case 'macro-invalid':
      switch (variant) {
        case 'env':
          return vscode.l10n.t("Expected an environment variable name after 'env:' in {0}.", fact(data, 'macro'));
        case 'argument':
          return vscode.l10n.t('{0} takes no argument.', fact(data, 'macro'));
        case 'digits':
          return vscode.l10n.t('{0}: random_hex takes a number of hex digits from 1 to 4096.', fact(data, 'macro'));
        default:
          return vscode.l10n.t('{0} is neither a variable name nor a macro (counter, i, time, unix_ms, random_hex N, uuid, peer, env:NAME).', fact(data, 'macro'));
      }
    case 'variable-syntax':
      return vscode.l10n.t("Expected '@name = value' (a name of letters, digits, _ . -).");
    case 'variable-reserved':
      return vscode.l10n.t("'{0}' is a built-in macro and cannot be a variable.", fact(data, 'name'));
    case 'duration-invalid':
      return got === ''
        ? vscode.l10n.t("Expected a duration after '{0}' (250ms, 2s, 1m).", after)
        : vscode.l10n.t("Expected a duration after '{0}' (250ms, 2s, 1m), not '{1}'.", after, got);
    case 'spec-missing':
      return vscode.l10n.t("Expected a socket spec after '{0}', e.g. {1}.", fact(data, 'keyword'), fact(data, 'keyword') === 'open' ? 'tcp://127.0.0.1:7000' : 'tcp-listen://127.0.0.1:7000');
    case 'spec-invalid':
      return vscode.l10n.t('The socket spec is not valid: {0}', engineSentence(data));
    case 'spec-role':
      return fact(data, 'keyword') === 'open'
        ? vscode.l10n.t("'open' connects a client, but '{0}' is a listener spec: use 'listen {0}'.", fact(data, 'spec'))
        : vscode.l10n.t("'listen' needs a listener spec (tcp-listen://, udp-listen://, unix-listen://); '{0}' connects a client.", fact(data, 'spec'));
    case 'name-invalid':
      if (got === '') {
        return vscode.l10n.t("Expected a socket name after '{0}'.", after);
      }
      return vscode.l10n.t("Expected a socket name after '{0}' (letters, digits, _ . -), not '{1}'.", after, got);
    case 'name-duplicate':
      return vscode.l10n.t("The name '{0}' is already used in this section.", fact(data, 'name'));
    case 'name-unknown':
      return vscode.l10n.t("No socket named '{0}' is opened before this line in the section ('open … as {0}').", fact(data, 'name'));
    case 'matcher-missing':
      return data.rule === 1
        ? vscode.l10n.t("Expected a matcher after '{0}': connect, any, \"…\", hex, base64, file, <<END, exactly …, /regex/, eof, closed or bytes N.", after)
        : vscode.l10n.t("Expected a matcher after '{0}': \"…\", hex, base64, file, <<END, exactly …, /regex/, eof, closed or bytes N.", after);
    case 'regex-invalid':
      switch (variant) {
        case 'unclosed':
          return vscode.l10n.t("The regex started here has no closing '/'.");
        case 'flags':
          return vscode.l10n.t("Regex flags may be d, i, m, s, u and v, not '{0}'.", got);
        case 'empty':
          return vscode.l10n.t('Expected a regex between the slashes.');
        default:
          return vscode.l10n.t('The regex is not valid: {0}', fact(data, 'problem'));
      }
    case 'count-invalid':
      if (after === 'bytes') {
        return got === '' ? vscode.l10n.t("Expected a positive number of bytes after 'bytes'.") : vscode.l10n.t("Expected a positive number of bytes after 'bytes', not '{0}'.", got);
      }
      return got === '' ? vscode.l10n.t("Expected a number of times after 'repeat'.") : vscode.l10n.t("Expected a number of times after 'repeat', not '{0}'.", got);
    case 'close-mode':
      return vscode.l10n.t("Expected nothing, 'fin' or 'rst' after 'close', not '{0}'.", got);
    case 'repeat-unclosed':
      return vscode.l10n.t("This 'repeat' needs an 'end' before the section ends.");
    case 'end-without-repeat':
      return vscode.l10n.t("'end' without a 'repeat' to close.");
    case 'rule-without-listen':
      return vscode.l10n.t("'on' needs a 'listen' step before it in the section.");
    case 'rule-in-repeat':
      return vscode.l10n.t("'on' rules belong to a listener and cannot be inside 'repeat'.");
    case 'action-invalid':
      return vscode.l10n.t("Expected an action under 'on' (reply, wait or close), not '{0}'; end the rule with an unindented line.", got);
    case 'target-invalid':
      return vscode.l10n.t("Expected HOST:PORT after 'to', e.g. to 127.0.0.1:9000.");
    case 'section-name-missing':
      return vscode.l10n.t("Expected a section name after '###'.");
    case 'starttls-option':
      return vscode.l10n.t("Expected 'insecure' or 'ca=PATH' after 'starttls', got '{0}'.", fact(data, 'got'));
    default:
      return undefined;
  }
}

/** One parse error's sentence, without its position. */
export function parseErrorSentence(error: ParseErrorLike): string {
  return sentence(error.data) ?? (typeof error.data.detail === 'string' ? error.data.detail : error.message);
}

/** `line 3, column 7: sentence`: a parse error's position and its sentence. */
export function parseErrorAt(error: ParseErrorLike): string {
  const line = typeof error.data.line === 'number' ? error.data.line : 1;
  const column = typeof error.data.column === 'number' ? error.data.column : 1;
  return vscode.l10n.t('line {0}, column {1}: {2}', line, column, parseErrorSentence(error));
}

// ---------------------------------------------------------------------------------------------
// Run-time failures: a step's or a section's WireError, worded from its reason and facts. Wire text
// (`exactly "b\n"`, `/regex/`, quoted bytes, hex digits) stays as written; the words around it are
// translated.
// ---------------------------------------------------------------------------------------------

/** The facts under `engine.` (and the code and message beside them) as the engine error they came from. */
function nestedEngineSentence(data: WireErrorData): string {
  const facts: Record<string, string | number | boolean | undefined> = {};
  for (const [key, value] of Object.entries(data)) {
    if (key.startsWith('engine.')) {
      facts[key.slice('engine.'.length)] = value;
    }
  }
  const code = fact(data, 'engineCode');
  return code === '' ? fact(data, 'engineMessage') : describeError({ code, message: fact(data, 'engineMessage'), data: facts });
}

/** Facts the runner adds on top of an engine error's own (toWireError, a failed open/listen). */
const WIRE_FACTS = new Set(['reason', 'engineCode', 'engineReason', 'opening', 'openingMessage']);

/** An ENGINE WireError (its data spread with the engine's) as the engine error it wraps. */
function wrappedEngineSentence(data: WireErrorData, message: string): string {
  const facts: Record<string, string | number | boolean | undefined> = {};
  for (const [key, value] of Object.entries(data)) {
    if (!WIRE_FACTS.has(key)) {
      facts[key] = value;
    }
  }
  if (data.engineReason !== undefined) {
    facts.reason = data.engineReason;
  }
  return describeError({ code: fact(data, 'engineCode'), message, data: facts });
}

/** What the matcher waits for: `"hi"`, `exactly "hi"`, `/^OK/`, `3 bytes`, `eof (the peer's FIN)`…; undefined without facts. */
function matcherPhrase(data: WireErrorData): string | undefined {
  const text = fact(data, 'matcherText');
  switch (data.matcherKind) {
    case 'contains':
    case 'regex':
      return text;
    case 'exactly':
      return `exactly ${text}`;
    case 'bytes':
      return byteCount(Number(data.matcherCount ?? text));
    case 'eof':
      return vscode.l10n.t("eof (the peer's FIN)");
    case 'closed':
      return vscode.l10n.t('the socket to close');
    case 'connect':
      return vscode.l10n.t('a connection');
    case 'any':
      return vscode.l10n.t('any data');
    default:
      return undefined;
  }
}

function received(data: WireErrorData): number {
  return typeof data.received === 'number' ? data.received : 0;
}

/** `2 bytes: "a\n" (hex 61 0a)`, or `nothing`. */
function bytesPhrase(data: WireErrorData): string {
  const count = received(data);
  return count === 0 ? vscode.l10n.t('nothing') : vscode.l10n.t('{0}: {1} (hex {2})', byteCount(count), fact(data, 'actualQuoted'), fact(data, 'actualHex'));
}

/** What arrived, as the clause after "expected …,": `got 2 bytes: …`, `got nothing`, `got no datagram`. */
function gotClause(data: WireErrorData): string {
  const kind = data.inboxKind;
  if (data.reason === 'timeout' && kind !== 'stream' && kind !== undefined) {
    return kind === 'datagram' ? vscode.l10n.t('got no datagram') : vscode.l10n.t('got no whole message');
  }
  const peer = kind === 'datagram' ? fact(data, 'peer') : '';
  if (received(data) === 0) {
    return peer === '' ? vscode.l10n.t('got nothing') : vscode.l10n.t('got nothing from {0}', peer);
  }
  return peer === '' ? vscode.l10n.t('got {0}', bytesPhrase(data)) : vscode.l10n.t('got {0} from {1}', bytesPhrase(data), peer);
}

/** An expect's failure: mismatch, timeout, the peer closing; undefined when the facts are missing. */
function expectSentence(data: WireErrorData): string | undefined {
  const matcher = matcherPhrase(data);
  if (matcher === undefined) {
    return undefined;
  }
  const stream = data.inboxKind === 'stream';
  switch (data.reason) {
    case 'mismatch':
      if (data.inboxKind === 'datagram') {
        return vscode.l10n.t('expected a datagram matching {0}, {1}', matcher, gotClause(data));
      }
      return stream ? vscode.l10n.t('expected {0}, {1}', matcher, gotClause(data)) : vscode.l10n.t('expected a message matching {0}, {1}', matcher, gotClause(data));
    case 'timeout':
      return vscode.l10n.t('expected {0} within {1}ms, {2}', matcher, fact(data, 'timeoutMs'), gotClause(data));
    case 'eof':
      return stream
        ? vscode.l10n.t('expected {0}, but the peer closed its side (eof); {1}', matcher, gotClause(data))
        : vscode.l10n.t('expected {0}, but the peer closed its side (eof)', matcher);
    case 'closed':
      return stream ? vscode.l10n.t('expected {0}, but the connection closed; {1}', matcher, gotClause(data)) : vscode.l10n.t('expected {0}, but the connection closed', matcher);
    case 'socket-failed':
      return stream
        ? vscode.l10n.t('expected {0}, but the socket failed; {1}. {2}', matcher, gotClause(data), nestedEngineSentence(data))
        : vscode.l10n.t('expected {0}, but the socket failed. {1}', matcher, nestedEngineSentence(data));
    default:
      return undefined;
  }
}

function runSentence(error: WireErrorInfo): string | undefined {
  const data = error.data;
  if (data.opening === 'open' || data.opening === 'listen') {
    const rest: Record<string, string | number | boolean | undefined> = { ...data, opening: undefined, openingMessage: undefined };
    const inner = runErrorSentence({ code: error.code, message: fact(data, 'openingMessage'), data: rest });
    return data.opening === 'open' ? vscode.l10n.t('cannot open {0}: {1}', fact(data, 'spec'), inner) : vscode.l10n.t('cannot listen on {0}: {1}', fact(data, 'spec'), inner);
  }
  switch (data.reason) {
    case 'mismatch':
    case 'timeout':
    case 'eof':
    case 'closed':
    case 'socket-failed':
      return expectSentence(data);
    case 'capture-limit':
      return vscode.l10n.t("{0} bytes arrived beyond the transcript's capture limit and cannot be matched; raise the engine's captureBytes", fact(data, 'lostBytes'));
    case 'eof-on-udp':
      return vscode.l10n.t("'expect eof' needs a stream socket; UDP has no FIN (use 'expect closed')");
    case 'variable-unknown':
      return vscode.l10n.t("unknown variable '{0}'", fact(data, 'name'));
    case 'env-unknown':
      return vscode.l10n.t("unknown environment variable '{0}'", fact(data, 'name'));
    case 'iteration-outside-repeat':
      return vscode.l10n.t("'{{i}}' is used outside 'repeat'");
    case 'peer-unknown':
      return vscode.l10n.t("'{{peer}}' has no value yet: no peer is known on this socket");
    case 'codec':
      return vscode.l10n.t("invalid {0} after expanding '{1}': {2}", fact(data, 'encoding'), fact(data, 'source'), nestedEngineSentence(data));
    case 'file-unreadable':
      return vscode.l10n.t('cannot read payload file {0}: {1}', fact(data, 'path'), fact(data, 'systemCode'));
    case 'timeout-invalid':
      return vscode.l10n.t("@timeout must be a duration such as 250ms or 2s, got '{0}'", fact(data, 'value'));
    case 'no-socket':
      return vscode.l10n.t("'{0}' needs a socket: 'open' or 'listen' one first in this section", fact(data, 'keyword'));
    case 'expect-on-listener':
      return data.variant === 'rules'
        ? vscode.l10n.t("'expect' cannot read {0}: its 'on' rules answer what it receives", fact(data, 'socket'))
        : vscode.l10n.t("'expect' cannot read {0}: a stream listener receives on its connections; its 'on' rules answer them", fact(data, 'socket'));
    case 'close-udp':
      return vscode.l10n.t("'close' in a rule applies to a connection; a UDP listener has none");
    case 'engine':
      return wrappedEngineSentence(data, error.message);
    case 'mock-server':
      return vscode.l10n.t("'{0}' is a mock server (it only listens): run it with 'socket-workbench serve {1} --section \"{0}\"'", fact(data, 'section'), fact(data, 'file'));
    case 'section-unknown':
      return vscode.l10n.t("{0} has no section named '{1}'.", fact(data, 'file'), fact(data, 'section'));
    case 'cancelled':
      return data.variant === 'before-section' ? vscode.l10n.t('the run was cancelled before this section') : vscode.l10n.t('the run was cancelled');
    default:
      return undefined;
  }
}

/** A run-time failure (a step's or a section's) as a sentence; its English message when its reason is unknown. */
export function runErrorSentence(error: WireErrorInfo): string {
  return runSentence(error) ?? error.message;
}

/** What a result that did not pass says: its error's sentence, else its message. */
export function runFailureSentence(result: { readonly message?: string; readonly error?: WireErrorInfo }): string | undefined {
  return result.error !== undefined ? runErrorSentence(result.error) : result.message;
}

/** An expect's expected and actual sides for a diff, worded as in its sentence; undefined for other failures. */
export function runErrorDiff(error: WireErrorInfo): { readonly expected: string; readonly actual: string } | undefined {
  const data = error.data;
  const expected = matcherPhrase(data);
  if (expected === undefined || typeof data.expected !== 'string' || typeof data.actual !== 'string') {
    return undefined;
  }
  if (data.reason === 'timeout' && data.inboxKind !== 'stream' && data.inboxKind !== undefined) {
    return { expected, actual: data.inboxKind === 'datagram' ? vscode.l10n.t('no datagram') : vscode.l10n.t('no whole message') };
  }
  return { expected, actual: bytesPhrase(data) };
}

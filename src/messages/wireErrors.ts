/**
 * The wire parser's errors as sentences in the user's language. The parser returns a code, a
 * `data.reason` and the facts (`data.got`, `data.after`, `data.variant`…); its English `detail` is
 * for logs and the CLI, and is used here only for an error this file does not know.
 */
import * as vscode from 'vscode';
import { describeError } from '../messages';
import type { WireErrorData } from '../wire';

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

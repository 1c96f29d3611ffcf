/**
 * The words of the wire language with a one-line explanation each, in the display language: the
 * hover shows them, completion offers them. Keep in step with the parser (src/wire/parseStep.ts).
 */
import * as vscode from 'vscode';

export const STEP_DIRECTIVES = ['open', 'listen', 'use', 'send', 'expect', 'wait', 'repeat', 'end', 'close', 'starttls', 'on'] as const;
export const ACTION_DIRECTIVES = ['reply', 'wait', 'close'] as const;
export const PAYLOAD_FORMS = ['"…"', 'hex', 'base64', 'file', '<<END', '<<END crlf'] as const;
export const MATCHER_WORDS = ['exactly', 'eof', 'closed', 'bytes', 'within'] as const;
export const TRIGGER_WORDS = ['connect', 'any'] as const;
export const SPEC_SCHEMES = ['tcp://', 'tcp-listen://', 'udp://', 'udp-listen://', 'unix://', 'unix-listen://', 'tls://', 'tls-listen://'] as const;
export const BUILT_IN_NAMES = ['counter', 'i', 'time', 'unix_ms', 'random_hex 8', 'uuid', 'peer', 'env:'] as const;

/** One line per word; undefined for a word the language does not have. */
export function explainWord(word: string): string | undefined {
  switch (word) {
    case 'open':
      return vscode.l10n.t('open SPEC [as NAME]: opens a client socket (tcp://, udp://, unix://) and makes it the current one.');
    case 'listen':
      return vscode.l10n.t("listen SPEC [as NAME]: opens a server or a bound UDP socket that answers with the section's 'on' rules.");
    case 'use':
      return vscode.l10n.t('use NAME: makes the socket opened as NAME the current one.');
    case 'send':
      return vscode.l10n.t('send PAYLOAD [to HOST:PORT]: sends bytes on the current socket (UDP: to a target).');
    case 'expect':
      return vscode.l10n.t('expect MATCHER [within DURATION]: waits until the received bytes match, or fails with what arrived.');
    case 'wait':
      return vscode.l10n.t('wait DURATION: pauses, e.g. 250ms or 2s.');
    case 'repeat':
      return vscode.l10n.t('repeat N … end: runs the steps inside N times; {{i}} is the 0-based iteration.');
    case 'end':
      return vscode.l10n.t("end: closes the innermost 'repeat'.");
    case 'close':
      return vscode.l10n.t('close [fin|rst]: closes the current socket gracefully, half-closes it (fin) or resets it (rst).');
    case 'starttls':
      return vscode.l10n.t('starttls [insecure] [ca=PATH]: upgrades the current tcp:// client to TLS in place, verifying the server (insecure: without verification; ca=: against that CA file, relative to the wire file).');
    case 'insecure':
      return vscode.l10n.t('insecure: skip verifying the TLS certificate; the socket is marked unverified.');
    case 'on':
      return vscode.l10n.t('on connect | MATCHER | any: a listener rule; its indented actions (reply, wait, close) run on each match, first match wins.');
    case 'reply':
      return vscode.l10n.t('reply PAYLOAD: answers the connection or the datagram sender that matched the rule.');
    case 'exactly':
      return vscode.l10n.t('exactly PAYLOAD: the next bytes must be exactly these (otherwise: contains).');
    case 'within':
      return vscode.l10n.t("within DURATION: this expect's timeout (default: @timeout, or 5 s).");
    case 'eof':
      return vscode.l10n.t('eof: the peer sent FIN (closed its side).');
    case 'closed':
      return vscode.l10n.t('closed: the connection or socket is closed.');
    case 'bytes':
      return vscode.l10n.t('bytes N: N more bytes arrive.');
    case 'hex':
      return vscode.l10n.t('hex …: bytes written in hex, e.g. hex 00 01 ff.');
    case 'base64':
      return vscode.l10n.t('base64 …: bytes written in base64.');
    case 'file':
      return vscode.l10n.t("file PATH: the bytes of a file, relative to the .wire file.");
    case 'connect':
      return vscode.l10n.t('on connect: runs when a client connects (TCP and UNIX listeners).');
    case 'any':
      return vscode.l10n.t('on any: matches any data received.');
    case 'as':
      return vscode.l10n.t("as NAME: names the socket for 'use NAME' and {{NAME.port}}.");
    case 'to':
      return vscode.l10n.t('to HOST:PORT: the UDP datagram target.');
    default:
      return undefined;
  }
}

/** One line per built-in macro. */
export function explainMacro(name: string): string | undefined {
  if (name.startsWith('env:')) {
    return vscode.l10n.t("env:NAME: the extension host's environment variable, here {0}.", name.slice(4));
  }
  switch (name.split(/\s+/)[0]) {
    case 'counter':
      return vscode.l10n.t("{{counter}}: the number of this send in the section (1, 2, 3…); in an 'on' rule, that rule's hit count.");
    case 'i':
      return vscode.l10n.t('{{i}}: the 0-based iteration of the enclosing repeat.');
    case 'time':
      return vscode.l10n.t('{{time}}: the current time, ISO 8601.');
    case 'unix_ms':
      return vscode.l10n.t('{{unix_ms}}: milliseconds since 1970.');
    case 'random_hex':
      return vscode.l10n.t('{{random_hex N}}: N random hex digits.');
    case 'uuid':
      return vscode.l10n.t('{{uuid}}: a random UUID.');
    case 'peer':
      return vscode.l10n.t("{{peer}}: the current peer's address (UDP: the last datagram's sender).");
    default:
      return undefined;
  }
}

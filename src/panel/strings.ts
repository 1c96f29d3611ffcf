/**
 * Every text the payload panel shows, translated here on the host (the webview has no vscode.l10n)
 * and handed to the webview in the `init` message. Templates keep their `{0}` placeholders: the
 * webview fills them (codec errors need the offset and character it finds as the user types).
 */
import * as vscode from 'vscode';
import { handshakeText } from '../tlsSummary';
import { tlsWords } from '../tlsText';
import type { TranscriptEntry } from '../engine';
import { describeError, encodingName } from '../messages';
import type { PanelStrings } from '../shared/protocol';
import { formatDuration, type DurationUnits, type TimingStrings } from './timing';

export function panelStrings(): PanelStrings {
  return {
    payload: vscode.l10n.t('Payload'),
    payloadPlaceholder: vscode.l10n.t('Type a payload. Ctrl+Enter sends it.'),
    encoding: vscode.l10n.t('Encoding'),
    lineEnding: vscode.l10n.t('Line ending'),
    lineEndingNone: vscode.l10n.t('None'),
    lineEndingLf: vscode.l10n.t('LF (\\n)'),
    lineEndingCrlf: vscode.l10n.t('CRLF (\\r\\n)'),
    encodingUtf8: encodingName('utf8'),
    encodingHex: encodingName('hex'),
    encodingBase64: encodingName('base64'),
    encodingEscapes: encodingName('escapes'),
    target: vscode.l10n.t('Target'),
    targetAll: vscode.l10n.t('All connections'),
    targetAllCount: vscode.l10n.t('All connections ({0})'),
    targetUdpPlaceholder: vscode.l10n.t('host:port, e.g. 127.0.0.1:9 or <broadcast>:37020'),
    targetUdpShort: vscode.l10n.t('host:port'),
    targetNone: vscode.l10n.t('No connections yet'),
    targetMoreConnections: vscode.l10n.t('{0} more connections are not listed'),
    send: vscode.l10n.t('Send'),
    sendHint: vscode.l10n.t('Send (Ctrl+Enter)'),
    stop: vscode.l10n.t('Stop'),
    repeat: vscode.l10n.t('Repeat'),
    repeatEvery: vscode.l10n.t('Every (ms)'),
    repeatTimes: vscode.l10n.t('Times'),
    repeatTimesHint: vscode.l10n.t('0 repeats until stopped'),
    repeatProgress: vscode.l10n.t('Sent {0} of {1}'),
    repeatProgressUnbounded: vscode.l10n.t('Sent {0} (until stopped)'),
    sendFile: vscode.l10n.t('Send File…'),
    cancel: vscode.l10n.t('Cancel'),
    fileProgress: vscode.l10n.t('Sending {0}: {1} of {2} bytes'),
    history: vscode.l10n.t('History'),
    historyEmpty: vscode.l10n.t('Nothing sent yet'),
    historyPlaceholder: vscode.l10n.t('Recent payloads ({0})'),
    saved: vscode.l10n.t('Saved payloads'),
    savedEmpty: vscode.l10n.t('No saved payloads'),
    savedPlaceholder: vscode.l10n.t('Saved payloads ({0})'),
    load: vscode.l10n.t('Load'),
    delete: vscode.l10n.t('Delete'),
    saveAs: vscode.l10n.t('Save As…'),
    bytes: vscode.l10n.t('Bytes'),
    byteCount: vscode.l10n.t('{0} bytes'),
    byteCountOne: vscode.l10n.t('1 byte'),
    previewMore: vscode.l10n.t('… and {0} more bytes'),
    emptyPayload: vscode.l10n.t('Empty payload'),
    codecInvalidCharacter: vscode.l10n.t('Invalid character {0} at offset {1}.'),
    codecOddDigits: vscode.l10n.t('Odd number of hex digits: {0} at offset {1} has no partner.'),
    codecEmptyPrefix: vscode.l10n.t('Hex prefix {0} at offset {1} has no digits after it.'),
    codecBadPadding: vscode.l10n.t('Invalid padding {0} at offset {1}.'),
    codecAfterPadding: vscode.l10n.t('Unexpected character {0} after the padding, at offset {1}.'),
    codecDanglingCharacter: vscode.l10n.t('Incomplete Base64 group: {0} at offset {1} cannot make a byte.'),
    codecUnknownEscape: vscode.l10n.t('Unknown escape with {0} at offset {1}. Known escapes: \\r \\n \\t \\0 \\\\ \\xHH.'),
    codecBadHexEscape: vscode.l10n.t('Invalid character {0} in a \\x escape at offset {1}: \\x needs two hex digits.'),
    codecIncompleteEscape: vscode.l10n.t('Incomplete escape {0} at offset {1}: \\x needs two hex digits.'),
    codecTrailingBackslash: vscode.l10n.t('Lone backslash {0} at the end (offset {1}); write \\\\ for a backslash.'),
    codecLoneSurrogate: vscode.l10n.t('Lone surrogate {0} at offset {1}: UTF-8 cannot encode it.'),
    codecNotUtf8: vscode.l10n.t('The bytes are not valid UTF-8 (byte {0} at offset {1}).'),
    codecUnknown: vscode.l10n.t('Invalid payload: {0} at offset {1}.'),
    convertFailed: vscode.l10n.t('Kept the payload as it was; it cannot be shown as {0}: {1}'),
    converted: vscode.l10n.t('Converted the payload to {0}.'),
    traffic: vscode.l10n.t('Traffic'),
    search: vscode.l10n.t('Search'),
    searchPlaceholderText: vscode.l10n.t('Search text'),
    searchPlaceholderHex: vscode.l10n.t('Search bytes, e.g. 0d 0a'),
    searchMode: vscode.l10n.t('Search in'),
    searchText: vscode.l10n.t('Text'),
    searchHex: vscode.l10n.t('Hex'),
    searchInvalidHex: vscode.l10n.t('Not valid hex: {0}'),
    showIn: vscode.l10n.t('Received'),
    showOut: vscode.l10n.t('Sent'),
    showEvents: vscode.l10n.t('Events'),
    hexView: vscode.l10n.t('Hex dump'),
    textView: vscode.l10n.t('Text'),
    autoscroll: vscode.l10n.t('Follow new traffic'),
    autoscrollPaused: vscode.l10n.t('Autoscroll paused: scroll to the bottom to resume.'),
    clear: vscode.l10n.t('Clear'),
    dropped: vscode.l10n.t('{0} older entries dropped'),
    droppedOne: vscode.l10n.t('1 older entry dropped'),
    truncated: vscode.l10n.t('{0} messages captured in part ({1} bytes not kept)'),
    filtering: vscode.l10n.t('Filtering… {0}%'),
    matches: vscode.l10n.t('{0} matching rows'),
    matchesOne: vscode.l10n.t('1 matching row'),
    noTraffic: vscode.l10n.t('No traffic yet. Send something, or connect a peer.'),
    noMatches: vscode.l10n.t('No rows match the filter.'),
    directionIn: vscode.l10n.t('in'),
    directionOut: vscode.l10n.t('out'),
    directionEvent: vscode.l10n.t('event'),
    columnTime: vscode.l10n.t('Time'),
    columnDirection: vscode.l10n.t('Direction'),
    columnPeer: vscode.l10n.t('Peer'),
    columnLength: vscode.l10n.t('Length'),
    columnData: vscode.l10n.t('Data'),
    columnDelta: vscode.l10n.t('Delta'),
    columnRoundTrip: vscode.l10n.t('Round trip'),
    showTime: vscode.l10n.t('Show the time column'),
    showDelta: vscode.l10n.t('Show the time since the previous row'),
    showRoundTrip: vscode.l10n.t('Show round trips (an incoming message after an outgoing one)'),
    copyText: vscode.l10n.t('Copy as Text'),
    copyHex: vscode.l10n.t('Copy as Hex'),
    copyPayload: vscode.l10n.t('Use as Payload'),
    toggleHex: vscode.l10n.t('Toggle Hex Dump (Enter)'),
    openDump: vscode.l10n.t('Open Full Dump'),
    moreBytes: vscode.l10n.t('{0} more bytes'),
    moreBytesOne: vscode.l10n.t('1 more byte'),
    notCaptured: vscode.l10n.t('{0} bytes were not captured (capture limit)'),
    notCapturedOne: vscode.l10n.t('1 byte was not captured (capture limit)'),
    rowLabel: vscode.l10n.t('{0}, {1}, {2}, {3} bytes: {4}'),
    listHelp: vscode.l10n.t('Arrow keys move, Enter toggles the hex dump, Ctrl+C copies the row as text, Ctrl+Shift+C as hex.'),
    stateClosed: vscode.l10n.t('This socket is closed. Its traffic stays readable.'),
    stateEnded: vscode.l10n.t('This connection has ended. Its traffic stays readable.'),
    stateRemoved: vscode.l10n.t('This socket was removed. Its traffic stays readable while the panel is open.'),
    stateMissing: vscode.l10n.t('No socket {0} exists in this window any more.'),
    reopen: vscode.l10n.t('Reopen'),
    openAgain: vscode.l10n.t('Open Again'),
    readOnly: vscode.l10n.t('Read-only'),
    connections: vscode.l10n.t('{0} connections'),
    peers: vscode.l10n.t('Recent peers'),
    reply: vscode.l10n.t('Reply'),
    chatMode: vscode.l10n.t('Chat'),
    chatModeHint: vscode.l10n.t('Chat mode: Enter sends, Shift+Enter adds a new line'),
    saveTranscript: vscode.l10n.t('Save Transcript As…'),
    rules: vscode.l10n.t('Auto-reply rules'),
    rulesHint: vscode.l10n.t('Rules are tried in order; the first that matches answers. The same rule engine as wire files.'),
    ruleEnabled: vscode.l10n.t('Enabled'),
    ruleMatcher: vscode.l10n.t('When data'),
    matcherContains: vscode.l10n.t('contains'),
    matcherExactly: vscode.l10n.t('is exactly'),
    matcherRegex: vscode.l10n.t('matches the regex'),
    matcherAny: vscode.l10n.t('is anything'),
    matcherWire: vscode.l10n.t('Wire text'),
    formText: vscode.l10n.t('Text'),
    formHex: vscode.l10n.t('Hex'),
    rulePattern: vscode.l10n.t('Match'),
    ruleReply: vscode.l10n.t('Reply with'),
    ruleDelay: vscode.l10n.t('Delay (ms)'),
    ruleClose: vscode.l10n.t('Close after'),
    ruleHits: vscode.l10n.t('{0} hits'),
    ruleHitsOne: vscode.l10n.t('1 hit'),
    ruleUp: vscode.l10n.t('Move Up'),
    ruleDown: vscode.l10n.t('Move Down'),
    ruleRemove: vscode.l10n.t('Remove Rule'),
    ruleAdd: vscode.l10n.t('Add Rule'),
    rulesEditAsWire: vscode.l10n.t('Edit as Wire File'),
    rulesEmpty: vscode.l10n.t('No rules: incoming data gets no automatic answer.'),
    ruleLabel: vscode.l10n.t('Rule {0}'),
    saveAsWire: vscode.l10n.t('Save as Wire File…'),
    ...macroStrings(),
  };
}

/** A transcript event as a sentence for its row. */
export function eventText(entry: TranscriptEntry): string {
  const detail = entry.detail ?? '';
  switch (entry.kind) {
    case 'open':
      return vscode.l10n.t('Opened');
    case 'listen':
      return vscode.l10n.t('Listening on {0}', detail);
    case 'connect':
      return vscode.l10n.t('Connected (local address {0})', detail);
    case 'accept':
      return vscode.l10n.t('Accepted a connection from {0}', entry.peer ?? detail);
    case 'error':
      // The engine keeps the error as data: the row gets the same localized sentence as a notification.
      return entry.error === undefined ? vscode.l10n.t('Error {0}: {1}', entry.code ?? '', detail) : describeError(entry.error);
    case 'close':
      return vscode.l10n.t('Closed');
    default:
      return infoText(entry.code ?? '', detail);
  }
}

function infoText(code: string, detail: string): string {
  switch (code) {
    case 'FIN':
      return vscode.l10n.t('The peer closed its sending side (FIN).');
    case 'SHUT_WR':
      return vscode.l10n.t('Sent FIN: this side sends no more and still receives.');
    case 'PAUSED':
      return vscode.l10n.t('Reading paused.');
    case 'RESUMED':
      return vscode.l10n.t('Reading resumed.');
    case 'CANCELLED':
      return vscode.l10n.t('Cancelled: {0}', detail);
    case 'UNSENT':
      return vscode.l10n.t('Closed with bytes the peer never took: {0}', detail);
    case 'STALE_REMOVED':
      return vscode.l10n.t('Removed a stale socket file: {0}', detail);
    case 'SO_BROADCAST':
      return vscode.l10n.t('SO_BROADCAST is on: {0}', detail);
    case 'IP_ADD_MEMBERSHIP':
      return vscode.l10n.t('Joined multicast group {0}.', detail);
    case 'IP_DROP_MEMBERSHIP':
      return vscode.l10n.t('Left multicast group {0}.', detail);
    case 'STARTTLS':
      return vscode.l10n.t('Starting TLS on this connection (STARTTLS).');
    case 'TLS':
      return vscode.l10n.t('TLS handshake done: {0}', handshakeText(detail, tlsWords()) ?? detail);
    default:
      return detail === '' ? code : `${code}: ${detail}`;
  }
}

function durationUnits(): DurationUnits {
  return {
    microseconds: vscode.l10n.t('{0} µs'),
    milliseconds: vscode.l10n.t('{0} ms'),
    seconds: vscode.l10n.t('{0} s'),
  };
}

/** Finished timing texts for the rows and the summary, in the display language. */
export function timingStrings(): TimingStrings {
  const units = durationUnits();
  const locale = vscode.env.language;
  const duration = (milliseconds: number): string => formatDuration(milliseconds, units, locale);
  return {
    delta: (milliseconds) => vscode.l10n.t('+{0}', duration(milliseconds)),
    roundTrip: duration,
    summary: (summary) =>
      vscode.l10n.t(
        'Round trips: {0} · min {1} · median {2} · p99 {3} · max {4}',
        new Intl.NumberFormat(locale).format(summary.count),
        duration(summary.min),
        duration(summary.median),
        duration(summary.p99),
        duration(summary.max),
      ),
  };
}

/** The composer's macro strings; the host words a refused send with the same ones. */
export function macroStrings(): Pick<PanelStrings, 'macros' | 'macrosHint' | 'macroUnknown' | 'macroDigits' | 'macroUnterminated' | 'macroPreview'> {
  return {
    macros: vscode.l10n.t('Macros'),
    macrosHint: vscode.l10n.t('Expands counter, time, unix_ms, random_hex N and uuid written in double braces, anew at each send'),
    macroUnknown: vscode.l10n.t('Unknown macro {0} at offset {1}: the macros are counter, time, unix_ms, random_hex N and uuid.'),
    macroDigits: vscode.l10n.t('{0} at offset {1}: random_hex takes a number of hex digits from 1 to 4096.'),
    macroUnterminated: vscode.l10n.t('The macro {0} at offset {1} has no closing braces.'),
    macroPreview: vscode.l10n.t('next send, counter {0}'),
  };
}

/** A macro problem as the panel shows it. */
export function macroProblemText(problem: { readonly problem: 'unknown' | 'digits' | 'unterminated'; readonly macro: string; readonly offset: number }): string {
  const strings = macroStrings();
  const template = { unknown: strings.macroUnknown, digits: strings.macroDigits, unterminated: strings.macroUnterminated }[problem.problem];
  return template.replace('{0}', problem.macro).replace('{1}', String(problem.offset));
}

/**
 * The payload panel's messages, host ↔ webview. Both bundles import this file (the extension and
 * dist/webview.js), so it holds types and plain constants only: no vscode, no Node, no DOM.
 *
 * Shape: every message is an object with a `type`; HostMessage goes to the webview, WebviewMessage
 * comes from it. The webview sends `ready` first; the host answers with `init` (which carries every
 * string the webview shows, already translated) and only then streams updates. The host validates
 * every WebviewMessage (src/panel/validate.ts) against the limits below before acting on it.
 *
 * Traffic is virtualized in LINES: a collapsed row is one line, a row showing its hex dump is
 * 1 + dump lines. The host owns the layout (which rows pass the filter, how tall each is); the
 * webview asks for the rows covering a range of lines and positions them at `line * lineHeight`.
 */
import type { LineEnding, PayloadEncoding } from '../engine/shared/types';

// One source for the line endings: the engine's payload types (re-exported for both bundles).
export { LINE_ENDINGS } from '../engine/shared/types';
export type { LineEnding } from '../engine/shared/types';
// The auto-reply rules' part of the protocol (src/shared/rules.ts), re-exported: this file stays the one entry.
export * from './rules';
// The data the webview shows (src/shared/views.ts), re-exported the same way.
export * from './views';
import type { AutoReplyRule, RuleHitsMessage, RulesMessage } from './rules';
import type { ConnectionTarget, FilterView, PanelSocket, PayloadSummary, RowView, TrafficCounters } from './views';

export const SEARCH_MODES = ['text', 'hex'] as const;
export type SearchMode = (typeof SEARCH_MODES)[number];
export const COPY_FORMATS = ['text', 'hex', 'payload'] as const;
export type CopyFormat = (typeof COPY_FORMATS)[number];

/** Bounds the host enforces on incoming messages (and the webview on its inputs). */
export const LIMITS = {
  /** Payload text typed or pasted into the composer, in UTF-16 units. */
  maxPayloadChars: 8 * 1024 * 1024,
  /** Names, targets, search text. */
  maxShortText: 1024,
  maxRepeatCount: 1_000_000,
  minRepeatIntervalMs: 1,
  maxRepeatIntervalMs: 3_600_000,
  maxRules: 200,
  /** One rule's pattern or reply. */
  maxRuleChars: 64 * 1024,
  maxRuleDelayMs: 3_600_000,
  /** Lines the webview may ask for at once (a screen is ~50). */
  maxRequestLines: 1000,
  /** Payloads kept in each socket's history; loadHistory's index is below it. */
  maxHistory: 100,
  /** Seqs and line numbers are integers below 2^53. */
  maxInteger: Number.MAX_SAFE_INTEGER,
} as const;

/** Dump lines shown inline under an expanded row; longer captures offer "Open full dump". */
export const MAX_INLINE_DUMP_LINES = 32;
export const DUMP_WIDTH = 16;

// ---------------------------------------------------------------------------------------------
// Strings: every user-visible text, translated on the host. `{0}` placeholders are filled in the
// webview with format() (src/webview/format.ts).

export const STRING_KEYS = [
  'payload', 'payloadPlaceholder', 'encoding', 'lineEnding', 'lineEndingNone', 'lineEndingLf', 'lineEndingCrlf',
  'encodingUtf8', 'encodingHex', 'encodingBase64', 'encodingEscapes',
  'target', 'targetAll', 'targetAllCount', 'targetUdpPlaceholder', 'targetUdpShort', 'targetNone', 'targetMoreConnections',
  'send', 'sendHint', 'stop', 'repeat', 'repeatEvery', 'repeatTimes', 'repeatTimesHint', 'repeatProgress', 'repeatProgressUnbounded',
  'sendFile', 'cancel', 'fileProgress', 'history', 'historyEmpty', 'historyPlaceholder', 'saved', 'savedEmpty', 'savedPlaceholder',
  'load', 'delete', 'saveAs', 'bytes', 'byteCount', 'byteCountOne', 'previewMore', 'emptyPayload',
  'codecInvalidCharacter', 'codecOddDigits', 'codecEmptyPrefix', 'codecBadPadding', 'codecAfterPadding', 'codecDanglingCharacter',
  'codecUnknownEscape', 'codecBadHexEscape', 'codecIncompleteEscape', 'codecTrailingBackslash', 'codecLoneSurrogate', 'codecNotUtf8',
  'codecUnknown', 'convertFailed', 'converted',
  'traffic', 'search', 'searchPlaceholderText', 'searchPlaceholderHex', 'searchMode', 'searchText', 'searchHex', 'searchInvalidHex',
  'showIn', 'showOut', 'showEvents', 'hexView', 'textView', 'autoscroll', 'autoscrollPaused', 'clear', 'dropped', 'droppedOne', 'truncated',
  'filtering', 'matches', 'matchesOne', 'noTraffic', 'noMatches', 'directionIn', 'directionOut', 'directionEvent',
  'columnTime', 'columnDirection', 'columnPeer', 'columnLength', 'columnData',
  'columnDelta', 'columnRoundTrip', 'showTime', 'showDelta', 'showRoundTrip',
  'copyText', 'copyHex', 'copyPayload', 'toggleHex', 'openDump', 'moreBytes', 'notCaptured', 'rowLabel', 'listHelp',
  'stateClosed', 'stateEnded', 'stateRemoved', 'stateMissing', 'reopen', 'openAgain', 'readOnly', 'connections', 'peers',
  'reply', 'chatMode', 'chatModeHint', 'saveTranscript', 'moreBytesOne', 'notCapturedOne',
  'rules', 'rulesHint', 'ruleEnabled', 'ruleMatcher', 'matcherContains', 'matcherExactly', 'matcherRegex', 'matcherAny', 'matcherWire',
  'formText', 'formHex', 'rulePattern', 'ruleReply', 'ruleDelay', 'ruleClose', 'ruleHits', 'ruleHitsOne', 'ruleUp', 'ruleDown',
  'ruleRemove', 'ruleAdd', 'rulesEditAsWire', 'rulesEmpty', 'ruleLabel',
  'saveAsWire', 'macros', 'macrosHint', 'macroUnknown', 'macroDigits', 'macroUnterminated', 'macroPreview',
  'framing', 'framingApply', 'framingHint',
] as const;

export type StringKey = (typeof STRING_KEYS)[number];
export type PanelStrings = Readonly<Record<StringKey, string>>;

// ---------------------------------------------------------------------------------------------
// Host → webview

export interface InitMessage {
  readonly type: 'init';
  readonly strings: PanelStrings;
  readonly socket: PanelSocket;
  readonly defaults: { readonly encoding: PayloadEncoding; readonly lineEnding: LineEnding };
  /** The line ending last sent on this socket (its history), which a new panel starts with. */
  readonly rememberedLineEnding?: LineEnding;
  readonly history: readonly PayloadSummary[];
  readonly saved: readonly PayloadSummary[];
  /** BCP 47 tag for number formatting (`1.234` in Turkish). */
  readonly locale: string;
}

export interface SocketMessage {
  readonly type: 'socket';
  readonly socket: PanelSocket;
}

export interface TargetsMessage {
  readonly type: 'targets';
  /** At most a page of connections; `total` says how many there are. */
  readonly connections: readonly ConnectionTarget[];
  readonly total: number;
  /** Recent UDP peers, most recent first, plus the default target. */
  readonly peers: readonly string[];
  /** Where a UDP send with an empty target goes (a `udp://HOST:PORT` socket's peer). */
  readonly defaultTarget?: string;
}

export interface TrafficMessage {
  readonly type: 'traffic';
  /** Changes whenever line numbers are reassigned (filter, hex toggles, clear); older rows are stale. */
  readonly generation: number;
  readonly totalLines: number;
  readonly totalRows: number;
  /** Lines that fell off the head since the previous message of this generation (eviction). */
  readonly headShift: number;
  readonly counters: TrafficCounters;
  /** The transcript budget, finished text: `server transcript: 16 MB of 16 MB, 1,234 entries dropped`. */
  readonly budget?: string;
  /** While a new filter or layout is being built over a long transcript: how far it got (0..1). */
  readonly indexing?: number;
  /** Where the row the webview anchored on now starts, once the layout reaches it. */
  readonly anchor?: { readonly seq: number; readonly line: number };
  /** The hex search text is invalid; filtering by text is off until it is fixed. */
  readonly filterError?: string;
  /** Round trips of the held entries: `Round trips: 12 · min 1.20 ms · median …`, when there are any. */
  readonly roundTrips?: string;
  /**
   * While the webview follows the tail (autoscroll), the rows covering the last lines come with
   * the update itself: no round trip, and no frame where the shifted old rows are off screen.
   */
  readonly tail?: { readonly start: number; readonly count: number; readonly rows: readonly RowView[] };
}

export interface RowsMessage {
  readonly type: 'rows';
  readonly requestId: number;
  readonly generation: number;
  readonly start: number;
  readonly count: number;
  readonly rows: readonly RowView[];
}

export interface NoticeMessage {
  readonly type: 'notice';
  readonly text: string;
  readonly severity: 'info' | 'error';
}

export interface RepeatMessage {
  readonly type: 'repeat';
  readonly running: boolean;
  readonly sent: number;
  /** 0 = until stopped. */
  readonly count: number;
}

export interface FileProgressMessage {
  readonly type: 'fileProgress';
  readonly running: boolean;
  readonly name: string;
  readonly sent: number;
  readonly total: number;
}

export interface HistoryMessage {
  readonly type: 'history';
  readonly items: readonly PayloadSummary[];
}

export interface SavedMessage {
  readonly type: 'saved';
  readonly items: readonly PayloadSummary[];
}

export interface LoadPayloadMessage {
  readonly type: 'loadPayload';
  readonly text: string;
  readonly encoding: PayloadEncoding;
  readonly lineEnding?: LineEnding;
}

export interface TargetCheckMessage {
  readonly type: 'targetCheck';
  readonly text: string;
  /** Localized reason, absent when the target is valid. */
  readonly error?: string;
}

/** The `{{counter}}` the next send with macros will carry (the preview shows it). */
export interface MacroCounterMessage {
  readonly type: 'macroCounter';
  readonly next: number;
}

export type HostMessage =
  | InitMessage
  | SocketMessage
  | TargetsMessage
  | TrafficMessage
  | RowsMessage
  | NoticeMessage
  | RepeatMessage
  | FileProgressMessage
  | HistoryMessage
  | SavedMessage
  | LoadPayloadMessage
  | TargetCheckMessage
  | RulesMessage
  | RuleHitsMessage
  | MacroCounterMessage;

// ---------------------------------------------------------------------------------------------
// Webview → host

export interface RepeatOptions {
  readonly intervalMs: number;
  /** 0 = until stopped. */
  readonly count: number;
}

export type WebviewMessage =
  | { readonly type: 'ready' }
  | {
      readonly type: 'send';
      readonly text: string;
      readonly encoding: PayloadEncoding;
      readonly lineEnding: LineEnding;
      /** Server: a connection id or 'all'; UDP: host:port; otherwise absent. */
      readonly target?: string;
      readonly repeat?: RepeatOptions;
      /** Expand {{counter}}, {{time}}… at each send (shared/macros.ts). */
      readonly macros?: boolean;
    }
  | { readonly type: 'stopRepeat' }
  | { readonly type: 'sendFile'; readonly target?: string }
  | { readonly type: 'cancelFile' }
  | { readonly type: 'requestRows'; readonly requestId: number; readonly generation: number; readonly start: number; readonly count: number }
  | { readonly type: 'setView'; readonly filter: FilterView; readonly hexAll: boolean; readonly anchorSeq?: number }
  /** Whether the list follows the tail, and how many lines it shows. */
  | { readonly type: 'viewport'; readonly follow: boolean; readonly lines: number }
  | { readonly type: 'toggleRow'; readonly seq: number; readonly anchorSeq?: number }
  | { readonly type: 'copyRow'; readonly seq: number; readonly format: CopyFormat }
  | { readonly type: 'openDump'; readonly seq: number }
  | { readonly type: 'clear' }
  | { readonly type: 'reopen' }
  | { readonly type: 'openAgain' }
  | { readonly type: 'savePayload'; readonly text: string; readonly encoding: PayloadEncoding; readonly lineEnding: LineEnding; readonly name?: string }
  | { readonly type: 'loadSaved'; readonly name: string }
  | { readonly type: 'deleteSaved'; readonly name: string }
  | { readonly type: 'loadHistory'; readonly index: number }
  | { readonly type: 'checkTarget'; readonly text: string }
  /** The header's Save Transcript: the socket's transcript, or an ended connection's. */
  | { readonly type: 'saveTranscript' }
  /** The whole rules list after an edit (the webview debounces typing). */
  | { readonly type: 'setRules'; readonly rules: readonly AutoReplyRule[] }
  | { readonly type: 'editRulesAsWire' }
  /** The header's Save as Wire File: the runner's recording of this socket in a new wire document. */
  | { readonly type: 'saveAsWire' }
  /** The header's Framing: spec query syntax (`framing=length&length=u16be`), checked by the engine on the host. */
  | { readonly type: 'setFraming'; readonly text: string };

export type WebviewMessageType = WebviewMessage['type'];

/** What the webview keeps with vscode.setState; the serializer restores a panel from it. */
export interface PanelState {
  readonly version: 1;
  readonly socketId?: string;
  readonly spec: string;
  readonly name?: string;
  readonly draft: string;
  readonly encoding: PayloadEncoding;
  readonly lineEnding: LineEnding;
  readonly target: string;
  readonly repeatEnabled: boolean;
  readonly repeatIntervalMs: number;
  readonly repeatCount: number;
  readonly filter: FilterView;
  readonly hexAll: boolean;
  readonly follow: boolean;
  /** Hidden timing columns (time, delta, round trip); absent: all shown. */
  readonly hiddenColumns?: readonly TimingColumn[];
  /** Seq of the row at the top of the list when the user had scrolled away from the tail. */
  readonly topSeq?: number;
  readonly selectedSeq?: number;
  /** Chat mode: Enter sends, Shift+Enter adds a newline (absent in states saved before it existed). */
  readonly chat?: boolean;
  /** The composer expands macros (off by default). */
  readonly macros?: boolean;
  /** The auto-reply rules section is expanded. */
  readonly rulesOpen?: boolean;
}

export const PANEL_VIEW_TYPE = 'socketWorkbench.panel';

/** The traffic list's toggleable timing columns. */
export type TimingColumn = 'time' | 'delta' | 'roundTrip';
export const TIMING_COLUMNS: readonly TimingColumn[] = ['time', 'delta', 'roundTrip'];

/**
 * The data the payload panel's webview shows (sockets, rows, dumps, counters, the filter): part of
 * the host ↔ webview protocol, re-exported by src/shared/protocol.ts, which stays the one entry.
 * Types and plain constants only, like the protocol itself.
 */
import type { HexdumpLine } from '../engine/shared/hexdump';
import type { LineEnding, PayloadEncoding, SocketKind, SocketState, TranscriptKind } from '../engine/shared/types';
import type { SearchMode } from './protocol';

// ---------------------------------------------------------------------------------------------
// Data shown by the webview

/** The socket as the panel shows it. */
export interface PanelSocket {
  /** Absent when a restored panel found no socket with its spec. */
  readonly id?: string;
  readonly spec: string;
  readonly label: string;
  /** The name the user gave, if any (kept in the state so Open Again can give it back). */
  readonly name?: string;
  readonly kind?: SocketKind;
  /** The codicon of the kind (the tree's, socketText.kindIcon), or `circle-slash` when the kind is unknown. */
  readonly icon: string;
  readonly state?: SocketState;
  /** Localized: `TCP server · listening · 127.0.0.1:5000`. */
  readonly description: string;
  /** How targets are chosen: a server picks a connection, UDP types host:port, others need none. */
  readonly targeting: 'connections' | 'address' | 'none';
  /** Able to send now (the one send rule, engine/shared/sockets.ts). */
  readonly sendable: boolean;
  /** Localized: why a live socket cannot send now (a server with no connection yet). */
  readonly sendRefusal?: string;
  /** A stream socket's message framing as a spec query (`framing=line`); absent where framing does not apply (UDP). */
  readonly framing?: string;
  /** `closed`: can be reopened; `ended`: an accepted connection that ended; `removed`/`missing`: no socket. */
  readonly status: 'live' | 'closed' | 'ended' | 'removed' | 'missing';
  /** What the TLS handshake decided, when the socket speaks TLS. */
  readonly tls?: PanelTls;
}

/** The header's TLS badge, in finished strings. */
export interface PanelTls {
  /** Localized: `TLS 1.3 · TLS_AES_256_GCM_SHA384 · h2 · verified`. */
  readonly badge: string;
  /** Localized: one `label: value` line per detail, for the badge's hover. */
  readonly title: string;
  /** Not verified (insecure=1, or the check failed): the badge is a warning. */
  readonly unverified: boolean;
}

export interface ConnectionTarget {
  readonly id: string;
  readonly label: string;
}

export interface PayloadSummary {
  /** History: index (0 = newest); saved: the name. */
  readonly key: string;
  readonly label: string;
  readonly encoding: PayloadEncoding;
  readonly lineEnding: LineEnding;
}

export interface RowView {
  readonly seq: number;
  /** Position among the rows the view shows (0-based), for screen readers' "3 of 120". */
  readonly index: number;
  /** First line of the row in the current layout, and how many lines it takes. */
  readonly line: number;
  readonly lines: number;
  readonly kind: TranscriptKind;
  readonly direction?: 'in' | 'out';
  /** ms since the epoch. */
  readonly time: number;
  readonly peer?: string;
  /** In a server's panel: the accepted connection the row came from (Reply answers on it). */
  readonly socketId?: string;
  /** Bytes on the wire, and bytes captured (less when the capture cap cut the message). */
  readonly length: number;
  readonly captured: number;
  /** One-line preview for data (valid UTF-8 as text, controls and invalid bytes as escapes), a localized sentence for events. */
  readonly text: string;
  /** Time since the row before (`+12.3 ms`), and the round trip an incoming row ends (`4.56 ms`). */
  readonly delta?: string;
  readonly roundTrip?: string;
  /** Search matches in `text`: flat [start, end, start, end, ...] character ranges. */
  readonly marks?: readonly number[];
  /** Present when the row shows its hex dump. */
  readonly dump?: DumpView;
}

export interface DumpView {
  readonly lines: readonly HexdumpLine[];
  /** Search matches as byte ranges within the dumped bytes: flat [start, end, ...]. */
  readonly marks?: readonly number[];
  /** Captured bytes not shown inline. */
  readonly more: number;
}

export interface TrafficCounters {
  readonly entries: number;
  readonly evictedEntries: number;
  readonly truncatedEntries: number;
  readonly truncatedBytes: number;
}

export interface FilterView {
  readonly text: string;
  readonly mode: SearchMode;
  readonly in: boolean;
  readonly out: boolean;
  readonly events: boolean;
}

export const NO_FILTER: FilterView = { text: '', mode: 'text', in: true, out: true, events: true };

/**
 * Where a panel's sends can go: a server's live connections (a page of them; servers can hold
 * thousands), a UDP socket's recent peers and default target, checked as the user types.
 */
import { DEFAULT_TRANSCRIPT_LIMITS, formatAddress, parseTarget, type TranscriptCounters, type TranscriptEntry, type TranscriptView } from '../engine';
import { describeError } from '../messages';
import type { Services } from '../services';
import type { TargetCheckMessage, TargetsMessage } from '../shared/protocol';
import { isServerKind } from '../socketText';

/** Connections listed in the target picker; the rest are counted. */
export const MAX_LISTED_CONNECTIONS = 200;

const EMPTY_COUNTERS: TranscriptCounters = {
  entries: 0,
  bytes: 0,
  evictedEntries: 0,
  evictedBytes: 0,
  truncatedEntries: 0,
  truncatedBytes: 0,
  firstSeq: 0,
  nextSeq: 0,
};

/** What a panel shows when it has no socket (restored after the socket went away). */
export const EMPTY_TRANSCRIPT: TranscriptView = {
  limits: DEFAULT_TRANSCRIPT_LIMITS,
  counters: () => EMPTY_COUNTERS,
  at: (): TranscriptEntry | undefined => undefined,
  slice: () => [],
  entries: () => [],
};

export class PanelTargets {
  constructor(
    private readonly services: Services,
    private readonly socketId: () => string | undefined,
  ) {}

  message(): TargetsMessage {
    const id = this.socketId();
    const info = id === undefined ? undefined : this.services.engine.get(id);
    if (info === undefined) {
      return { type: 'targets', connections: [], total: 0, peers: [] };
    }
    if (isServerKind(info.kind)) {
      const page = this.services.engine.connections(info.id, 0, MAX_LISTED_CONNECTIONS);
      return {
        type: 'targets',
        connections: page.map((connection) => ({
          id: connection.id,
          label: connection.remote !== undefined && connection.remote.address !== '' ? `${formatAddress(connection.remote)} (${connection.id})` : connection.id,
        })),
        total: info.connections,
        peers: [],
      };
    }
    const peers = info.peers.map((peer) => formatAddress(peer.address));
    if (info.defaultTarget === undefined) {
      return { type: 'targets', connections: [], total: 0, peers };
    }
    const defaultTarget = formatAddress(info.defaultTarget);
    if (!peers.includes(defaultTarget)) {
      peers.push(defaultTarget);
    }
    return { type: 'targets', connections: [], total: 0, peers, defaultTarget };
  }

  /** A UDP target as typed: valid, or why not, in the user's language. Empty means the default. */
  check(text: string): TargetCheckMessage {
    const trimmed = text.trim();
    if (trimmed === '') {
      return { type: 'targetCheck', text };
    }
    try {
      parseTarget(trimmed, 'udp');
      return { type: 'targetCheck', text };
    } catch (error) {
      return { type: 'targetCheck', text, error: describeError(error) };
    }
  }
}

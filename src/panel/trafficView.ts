/**
 * The host side of a panel's traffic list: the model of the transcript, the pump that paces
 * updates to the webview, the row requests and row actions, and the refresh of a UDP socket's peer
 * list while datagrams arrive.
 */
import type * as vscode from 'vscode';
import type { TranscriptView } from '../engine';
import type { HostMessage, WebviewMessage } from '../shared/protocol';
import { copyRow, openDump } from './actions';
import { TrafficPump } from './pump';
import { eventText } from './strings';
import { EMPTY_TRANSCRIPT } from './targets';
import { TrafficModel } from './traffic';

export type TrafficRequest = Extract<WebviewMessage, { type: 'requestRows' | 'setView' | 'viewport' | 'toggleRow' | 'copyRow' | 'openDump' }>;

/** UDP peers in the target list are refreshed at most this often while datagrams arrive. */
const PEERS_MS = 1000;

export interface TrafficViewOwner {
  /** The panel is visible and its webview has said `ready`. */
  live(): boolean;
  post(message: HostMessage): void;
  /** The socket is a UDP one (its peers appear in the target list). */
  udp(): boolean;
  /** New peers may have arrived: refresh the socket and target messages. */
  peersMoved(): void;
  /** The panel's title, for a hex dump's editor. */
  title(): string;
  /** The transcript budget line, finished text (undefined without a socket). */
  budget(): string | undefined;
}

export class TrafficView implements vscode.Disposable {
  private model: TrafficModel;
  private readonly pump: TrafficPump;
  private peersRefreshed = 0;
  private peersTimer: NodeJS.Timeout | undefined;

  constructor(
    transcript: TranscriptView,
    private readonly owner: TrafficViewOwner,
  ) {
    this.model = new TrafficModel(transcript, eventText);
    this.pump = new TrafficPump(this.model, {
      live: () => owner.live(),
      post: (message) => owner.post(message),
      moved: () => this.trafficMoved(),
      budget: () => owner.budget(),
    });
  }

  handle(message: TrafficRequest): Promise<void> | void {
    switch (message.type) {
      case 'requestRows':
        return this.owner.post({ type: 'rows', requestId: message.requestId, generation: this.model.generation, start: message.start, count: message.count, rows: this.model.rows(message.start, message.count) });
      case 'setView':
        this.model.setView(message.filter, message.hexAll, message.anchorSeq);
        return this.pump.now();
      case 'viewport':
        return this.pump.setViewport(message.follow, message.lines);
      case 'toggleRow':
        this.model.toggleRow(message.seq, message.anchorSeq);
        return this.pump.now();
      case 'copyRow':
        return copyRow(this.model.entry(message.seq), message.format, (reply) => this.owner.post(reply));
      case 'openDump':
        return openDump(this.model.entry(message.seq), this.owner.title(), (reply) => this.owner.post(reply));
    }
  }

  /** The panel shows another socket's transcript (restore, Open Again). */
  show(transcript: TranscriptView): void {
    this.model = new TrafficModel(transcript, eventText);
    this.pump.replaceModel(this.model);
  }

  /** Clear: `forget` drops the transcript too (the panel's socket is gone); a live one was cleared by the engine. */
  clear(forget: boolean): void {
    if (forget) {
      this.model.replaceTranscript(EMPTY_TRANSCRIPT);
    }
    this.model.reset();
    this.pump.now();
  }

  /** Something the list shows changed shape, or the panel became visible: update now. */
  now(): void {
    this.pump.now();
  }

  dispose(): void {
    clearTimeout(this.peersTimer);
    this.pump.dispose();
  }

  /** New datagrams may come from new peers, which the UDP target list offers: refresh it, at most once a second. */
  private trafficMoved(): void {
    if (!this.owner.udp() || this.peersTimer !== undefined) {
      return;
    }
    // Trailing, so the last datagram of a burst is not left out of the list.
    this.peersTimer = setTimeout(() => {
      this.peersTimer = undefined;
      this.owner.peersMoved();
    }, Math.max(0, this.peersRefreshed + PEERS_MS - Date.now()));
    this.peersRefreshed = Date.now();
  }
}

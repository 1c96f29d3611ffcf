/** What a payload panel is bound to, what its owner gives it, and what it records for the extension's tests. */
import type { AutoReplies } from '../autoReply/service';
import type { Services } from '../services';
import type { HostMessage } from '../shared/protocol';
import type { PayloadLibrary } from './library';
import type { PayloadPanel } from './panel';

export interface PanelBinding {
  readonly socketId?: string;
  readonly spec: string;
  readonly name?: string;
}

/** What a panel posted and refused, for the extension's tests: empty unless the test recorder is on. */
export interface PanelRecord {
  /** Messages posted to the webview (newest last). */
  readonly sent: HostMessage[];
  /** Why refused messages were refused (newest last). */
  readonly rejected: string[];
  /** Types of the accepted messages (newest last). */
  readonly received: string[];
  /** How many messages of each type were posted (the benchmark reports the update rate). */
  readonly postedCounts: Map<string, number>;
}

export interface PanelOwner {
  readonly services: Services;
  readonly library: PayloadLibrary;
  readonly autoReplies: AutoReplies;
  disposed(panel: PayloadPanel): void;
}

/** The panel header's Framing field: spec query text to the engine's setFraming, and the header's framing text. */
import * as vscode from 'vscode';
import { describeFraming, parseFramingText, type SocketEngine, type SocketInfo } from '../engine';
import { formatCount } from '../socketText';
import type { NoticeMessage } from '../shared/protocol';

/** Applies the framing from the socket's next byte; a bad text throws the engine's SPEC_OPTION error. */
export function applyFraming(engine: SocketEngine, id: string, text: string): NoticeMessage {
  const info = engine.setFraming(id, parseFramingText(text));
  return { type: 'notice', text: vscode.l10n.t('Framing is now {0}, from the next byte received.', describeFraming(info.framing)), severity: 'info' };
}

/** What the header's Framing field shows; undefined where framing does not apply (UDP). */
export function framingText(info: SocketInfo): string | undefined {
  return info.kind === 'udp' ? undefined : describeFraming(info.framing);
}

/** `4 bytes pending`: the incomplete message of a framed socket, for the header line. */
export function pendingText(info: SocketInfo): string | undefined {
  const pending = info.stats.pendingBytes ?? 0;
  if (pending === 0) {
    return undefined;
  }
  return pending === 1 ? vscode.l10n.t('1 byte pending') : vscode.l10n.t('{0} bytes pending', formatCount(pending));
}

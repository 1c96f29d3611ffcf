/**
 * A server's send: to every open connection (the default target `all`) or to one by id. Each
 * connection drains at its own pace and respects its own backpressure; progress is their sum.
 */
import { EngineError, withReason } from './shared/errors';
import type { SendOptions, SendResult } from './send';
import type { StreamConnection } from './stream';

export async function sendToConnections(
  serverId: string,
  live: ReadonlyMap<string, StreamConnection>,
  payload: Uint8Array,
  options: SendOptions,
): Promise<SendResult> {
  const target = options.target ?? 'all';
  let targets: StreamConnection[];
  if (target === 'all') {
    targets = [...live.values()].filter((connection) => connection.state === 'open');
    if (targets.length === 0) {
      throw new EngineError(
        'NO_TARGET',
        `server ${serverId} has no open connection to send to`,
        withReason('no-connection', { id: serverId }),
        serverId,
      );
    }
  } else {
    const connection = live.get(target);
    if (connection === undefined) {
      throw new EngineError(
        'UNKNOWN_TARGET',
        `server ${serverId} has no connection ${target}`,
        withReason('connection-unknown', { id: serverId, target }),
        serverId,
      );
    }
    targets = [connection];
  }
  // Connections drain at their own pace; each respects its own backpressure. Progress is their sum.
  const sentPerTarget = targets.map(() => 0);
  const total = payload.byteLength * targets.length;
  let lastReport = 0;
  const report = options.onProgress;
  const results = await Promise.all(
    targets.map((connection, index) =>
      connection.send(payload, {
        ...options,
        onProgress: report && ((progress) => {
          sentPerTarget[index] = progress.sent;
          const now = Date.now();
          if (now - lastReport >= 100) {
            lastReport = now;
            report({ sent: sentPerTarget.reduce((sum, sent) => sum + sent, 0), total });
          }
        }),
      }),
    ),
  );
  report?.({ sent: sentPerTarget.reduce((sum, sent) => sum + sent, 0), total });
  return {
    bytesSent: results.reduce((sum, result) => sum + result.bytesSent, 0),
    targets: results.length,
    cancelled: results.some((result) => result.cancelled),
  };
}

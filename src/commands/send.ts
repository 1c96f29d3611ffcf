/**
 * Send…: to a client, to one or all of a server's connections, or to any UDP target. With
 * arguments it sends at once; without, it asks for the target, the encoding and the payload
 * (checked as typed, errors with their offset). Big sends show bytes, total and rate, cancellable.
 */
import * as vscode from 'vscode';
import { showStatusMessage } from '../services';
import {
  encodePayload,
  EngineError,
  formatAddress,
  parseTarget,
  PAYLOAD_ENCODINGS,
  type PayloadEncoding,
  previewReadable,
  type SendResult,
  type SocketInfo,
  validatePayload,
} from '../engine';
import { describeError, encodingName } from '../messages';
import { concerning, registerCommand, type CommandContext } from './context';
import { MultiStepInput, type InputStep } from './guidedInput';
import { byteCount, canSend, connectionAddress, formatBytes, formatCount, isConnectionKind, isServerKind, socketLabel } from '../socketText';
import { socketFromArgument, socketPickItem, type SocketPickItem } from './pick';
import { withDelayedProgress } from './progress';

/** The third argument of socketWorkbench.send. */
export interface SendCommandOptions {
  /** How a string payload becomes bytes; default utf8 (the API's default too). */
  readonly encoding?: PayloadEncoding;
  /** Server: a connection id or 'all'. UDP: `host:port` (`<broadcast>:port` too). */
  readonly target?: string;
  /** Adds the length prefix of the socket's `framing=length` (`prefix=1`). */
  readonly prefix?: boolean;
}

function sendOptions(value: unknown): SendCommandOptions {
  if (typeof value !== 'object' || value === null) {
    return {};
  }
  const record = value as Record<string, unknown>;
  const encoding = record.encoding;
  if (encoding !== undefined && !PAYLOAD_ENCODINGS.includes(encoding as PayloadEncoding)) {
    throw new EngineError('INVALID_ARGUMENT', vscode.l10n.t("Unknown encoding '{0}': use utf8, hex, base64 or escapes.", String(encoding)), { encoding: String(encoding) });
  }
  return { encoding: encoding as PayloadEncoding | undefined, target: typeof record.target === 'string' ? record.target : undefined, prefix: record.prefix === true };
}

interface TargetItem extends vscode.QuickPickItem {
  readonly target: string;
  readonly invalid?: boolean;
}

interface EncodingItem extends vscode.QuickPickItem {
  readonly encoding: PayloadEncoding;
}

/** Where a guided send can go: undefined when there is nothing to choose. */
function targetItems(context: CommandContext, info: SocketInfo): TargetItem[] | undefined {
  if (isServerKind(info.kind)) {
    if (info.connections < 2) {
      return undefined;
    }
    const connections = context.services.engine.connections(info.id, 0, 500);
    const all: TargetItem = { label: `$(broadcast) ${vscode.l10n.t('All connections ({0})', formatCount(info.connections))}`, target: 'all' };
    return [all, ...connections.map((connection): TargetItem => ({ ...withoutInfo(socketPickItem(connection)), target: connection.id }))];
  }
  if (info.kind !== 'udp') {
    return undefined;
  }
  const items: TargetItem[] = [];
  const seen = new Set<string>();
  const add = (target: string, label: string, description: string): void => {
    if (!seen.has(target)) {
      seen.add(target);
      items.push({ label, description, target });
    }
  };
  if (info.defaultTarget !== undefined) {
    const text = formatAddress(info.defaultTarget);
    add(text, `$(star-full) ${text}`, vscode.l10n.t('default peer'));
  }
  for (const peer of info.peers) {
    const text = formatAddress(peer.address);
    add(text, `$(arrow-left) ${text}`, peer.messages === 1 ? vscode.l10n.t('sent 1 datagram here') : vscode.l10n.t('sent {0} datagrams here', formatCount(peer.messages)));
  }
  for (const text of context.recent.list('target')) {
    add(text, `$(history) ${text}`, vscode.l10n.t('recently used'));
  }
  return items;
}

function withoutInfo(item: SocketPickItem): vscode.QuickPickItem {
  return { label: item.label, description: item.description, detail: item.detail };
}

/**
 * Where a send goes, as the user knows it: the peer of a client or connection, a UDP target or
 * default peer, a server's one connection. Undefined when it is still to be chosen (a UDP socket
 * without a peer, a server with several connections and no target).
 */
export function destinationOf(context: CommandContext, info: SocketInfo, target: string | undefined): string | undefined {
  const { engine } = context.services;
  if (info.kind === 'udp') {
    return target ?? (info.defaultTarget === undefined ? undefined : formatAddress(info.defaultTarget));
  }
  if (isServerKind(info.kind)) {
    if (target !== undefined && target !== 'all') {
      const connection = engine.get(target);
      return connection === undefined ? target : connectionAddress(connection);
    }
    const [only, second] = engine.connections(info.id, 0, 2);
    return only !== undefined && second === undefined ? connectionAddress(only) : undefined;
  }
  if (isConnectionKind(info.kind)) {
    return connectionAddress(info);
  }
  return info.remote === undefined ? socketLabel(info) : formatAddress(info.remote);
}

/** The guided part: target (where it applies), encoding, payload. */
async function askPayload(context: CommandContext, info: SocketInfo, givenTarget: string | undefined): Promise<{ bytes: Uint8Array; target?: string } | undefined> {
  const destination = destinationOf(context, info, givenTarget);
  const title = destination === undefined ? vscode.l10n.t('Send from {0}', socketLabel(info)) : vscode.l10n.t('Send to {0}', destination);
  const targets = givenTarget === undefined ? targetItems(context, info) : undefined;
  const udp = info.kind === 'udp';
  let target = givenTarget;
  let encoding: PayloadEncoding = context.services.settings().defaultEncoding;
  let text = '';
  let bytes: Uint8Array | undefined;
  const offset = targets === undefined ? 0 : 1;
  const total = 2 + offset;

  const targetStep: InputStep = async (input) => {
    const picked = await input.quickPick<TargetItem>({
      title,
      step: 1,
      totalSteps: total,
      items: targets ?? [],
      activeItem: targets?.find((item) => item.target === target),
      placeholder: udp ? vscode.l10n.t('Send to: pick a peer or type host:port (<broadcast>:port too)') : vscode.l10n.t('Send to one connection or to all'),
      typedItem: udp
        ? (value) => {
            try {
              parseTarget(value, 'udp');
              return { label: value.trim(), description: vscode.l10n.t('typed address'), target: value.trim() };
            } catch (error) {
              return { label: value.trim(), detail: `$(error) ${describeError(error)}`, target: value.trim(), invalid: true };
            }
          }
        : undefined,
    });
    target = picked.target;
    return encodingStep;
  };

  const encodingStep: InputStep = async (input) => {
    const items: EncodingItem[] = PAYLOAD_ENCODINGS.map((value) => ({ label: encodingName(value), description: value, encoding: value }));
    const picked = await input.quickPick<EncodingItem>({
      title,
      step: 1 + offset,
      totalSteps: total,
      items,
      activeItem: items.find((item) => item.encoding === encoding),
      placeholder: vscode.l10n.t('How the payload is written'),
    });
    encoding = picked.encoding;
    return payloadStep;
  };

  const payloadStep: InputStep = async (input) => {
    text = await input.inputBox({
      title,
      step: 2 + offset,
      totalSteps: total,
      value: text,
      prompt: vscode.l10n.t('Payload as {0}; Enter sends.', encodingName(encoding)),
      placeholder: encoding === 'hex' ? '48 65 6c 6c 6f 0d 0a' : encoding === 'escapes' ? 'Hello\\r\\n' : encoding === 'base64' ? 'SGVsbG8NCg==' : 'Hello',
      validate: (value) => {
        const result = validatePayload(value, encoding);
        if (!result.ok) {
          return { ok: false, message: describeError(result.error) };
        }
        return { ok: true, hint: vscode.l10n.t('{0}: {1}', byteCount(result.bytes.byteLength), previewReadable(result.bytes, 60)) };
      },
    });
    bytes = encodePayload(text, encoding);
  };

  // A UDP socket without a default peer has to be told where to send, even with no suggestion.
  const needsTarget = targets !== undefined && (targets.length > 0 || (udp && info.defaultTarget === undefined));
  const finished = await MultiStepInput.run(needsTarget ? targetStep : encodingStep);
  return finished && bytes !== undefined ? { bytes, target } : undefined;
}

async function send(context: CommandContext, first: unknown, payload: unknown, third: unknown): Promise<SendResult | undefined> {
  const { services } = context;
  const options = sendOptions(third);
  const chosen = await socketFromArgument(services, first, {
    filter: canSend,
    placeholder: vscode.l10n.t('Socket to send from'),
    emptyMessage: vscode.l10n.t('Nothing can send yet: open a client or a UDP socket, or wait for a connection to a server.'),
    connections: true,
  });
  if (chosen === undefined) {
    return undefined;
  }
  const { info } = chosen;
  let target = options.target ?? chosen.target;
  let bytes: Uint8Array;
  if (typeof payload === 'string') {
    bytes = encodePayload(payload, options.encoding ?? 'utf8');
  } else if (payload instanceof Uint8Array) {
    // The transcript keeps sent bytes by reference: copy what the caller still owns.
    bytes = payload.slice();
  } else {
    const answer = await askPayload(context, info, target);
    if (answer === undefined) {
      return undefined;
    }
    ({ bytes, target } = answer);
  }
  if (info.kind === 'udp' && target !== undefined) {
    parseTarget(target, 'udp');
  }
  const label = socketLabel(info);
  const started = Date.now();
  const result = await concerning(label, () =>
    withDelayedProgress({ title: vscode.l10n.t('Sending {0} to {1}', formatBytes(bytes.byteLength), label), cancellable: true }, (signal, reporter) =>
      services.engine.send(info.id, bytes, {
        target,
        signal,
        prefix: options.prefix,
        onProgress: (progress) => {
          const seconds = Math.max(0.001, (Date.now() - started) / 1000);
          const message = vscode.l10n.t('{0} of {1} · {2}/s', formatBytes(progress.sent), formatBytes(progress.total), formatBytes(progress.sent / seconds));
          reporter.report(message, progress.total === 0 ? 100 : (progress.sent / progress.total) * 100);
        },
      }),
    ),
  );
  if (info.kind === 'udp' && target !== undefined && target !== 'all') {
    await context.recent.add('target', target.trim());
  }
  const where = destinationOf(context, info, target) ?? label;
  const text = result.cancelled
    ? vscode.l10n.t('Send to {0} cancelled after {1} of {2}', where, formatCount(result.bytesSent), byteCount(bytes.byteLength))
    : result.targets > 1
      ? vscode.l10n.t('Sent {0} to {1} connections of {2}', byteCount(bytes.byteLength), formatCount(result.targets), label)
      : vscode.l10n.t('Sent {0} to {1}', byteCount(result.bytesSent), where);
  services.log.child('commands').info(`${info.id}: ${text}`);
  showStatusMessage(services, result.cancelled ? 'warning' : 'check', text, 4000);
  return result;
}

export function registerSendCommand(context: CommandContext): vscode.Disposable[] {
  return [registerCommand(context, 'socketWorkbench.send', (first, payload, options) => send(context, first, payload, options))];
}

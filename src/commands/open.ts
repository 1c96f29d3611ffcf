/**
 * The commands that open sockets. With arguments they run without a prompt (tests, keybindings,
 * other extensions); without, they run the guided input. Either way the spec goes through the same
 * path: the all-interfaces guard, a cancellable connect, recent addresses, a short confirmation.
 */
import * as vscode from 'vscode';
import { showStatusMessage } from '../services';
import {
  buildSpec,
  EngineError,
  formatAddress,
  formatSpec,
  isEngineError,
  parseSpec,
  type SocketInfo,
  type SocketSpec,
  type SpecOptions,
  splitHostPort,
  withReason,
} from '../engine';
import { kindName } from '../messages';
import { registerCommand, isCancellation, type CommandContext } from './context';
import { guidedSpec, specFromAddressInput, type GuidedDefaults } from './guidedOpen';
import { socketLabel } from '../socketText';
import { withDelayedProgress } from './progress';
import { mayReopen } from '../trust';
import { GUIDED_KINDS, guidedKindOf, resolveUnixPath, type GuidedKind } from './steps';

/** The optional last argument of the open commands. */
export interface OpenArguments {
  readonly name?: string;
  /** Options as in a spec's query: `{ noDelay: true }`. */
  readonly options?: SpecOptions;
  /** New UDP Socket with host and port: 'listen' (the default) binds, 'connect' sets a default peer. */
  readonly role?: 'listen' | 'connect';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function openArguments(value: unknown): OpenArguments {
  if (!isRecord(value)) {
    return {};
  }
  return {
    name: typeof value.name === 'string' ? value.name : undefined,
    options: isRecord(value.options) ? (value.options as SpecOptions) : undefined,
    role: value.role === 'connect' || value.role === 'listen' ? value.role : undefined,
  };
}

export function workspaceFolderPath(): string | undefined {
  const folder = vscode.workspace.workspaceFolders?.[0];
  return folder?.uri.scheme === 'file' ? folder.uri.fsPath : undefined;
}

function commandTitle(kind: GuidedKind | 'udp'): string {
  switch (kind) {
    case 'tcp-server':
      return vscode.l10n.t('New TCP Server');
    case 'tcp-client':
      return vscode.l10n.t('New TCP Client');
    case 'unix-server':
      return vscode.l10n.t('New UNIX Socket Server');
    case 'unix-client':
      return vscode.l10n.t('New UNIX Socket Client');
    default:
      return vscode.l10n.t('New UDP Socket');
  }
}

/**
 * The spec from an open command's arguments:
 *   (spec[, OpenArguments])            'tcp-listen://127.0.0.1:0'
 *   (host, port[, OpenArguments])      '127.0.0.1', 0      (IPv6 with or without brackets)
 *   ('host:port'[, OpenArguments])     '[::1]:8080'
 *   UNIX: (path or spec[, OpenArguments]); a relative path is relative to the workspace folder.
 * Throws the engine's EngineError naming the bad part.
 */
export function specFromArguments(kind: GuidedKind | 'udp', args: readonly unknown[]): { spec: SocketSpec; name?: string } {
  const [given, second, third] = args;
  // An integer host is a binary address in host byte order, as in the primer: 0 is INADDR_ANY.
  const first = typeof given === 'number' && Number.isInteger(given) && (typeof second === 'number' || typeof second === 'string') ? String(given) : given;
  if (typeof first !== 'string') {
    throw new EngineError('INVALID_ARGUMENT', vscode.l10n.t('{0} takes an address as its first argument.', commandTitle(kind)), {});
  }
  const portGiven = typeof second === 'number' || typeof second === 'string';
  const extra = openArguments(portGiven ? third : second);
  const shape = kind === 'udp' ? { transport: 'udp' as const, role: extra.role ?? 'listen' } : GUIDED_KINDS[kind];
  let spec: SocketSpec;
  if (first.includes('://')) {
    spec = parseSpec(first);
    const matches = kind === 'udp' ? spec.transport === 'udp' : spec.transport === shape.transport && spec.role === shape.role;
    if (!matches) {
      const expected = kind === 'udp' ? 'udp-listen:// or udp://' : `${shape.transport}${shape.role === 'listen' ? '-listen' : ''}://`;
      throw new EngineError(
        'INVALID_ARGUMENT',
        vscode.l10n.t('{0} needs a {1} address, not {2}; Open Socket from Address opens any kind.', commandTitle(kind), expected, formatSpec(spec)),
        { spec: first },
      );
    }
    if (extra.options !== undefined) {
      spec = buildSpec({ ...spec, options: { ...spec.options, ...extra.options } });
    }
  } else if (shape.transport === 'unix') {
    spec = buildSpec({ transport: 'unix', role: shape.role, path: resolveUnixPath(first, workspaceFolderPath()), options: extra.options });
  } else if (portGiven) {
    spec = buildSpec({ ...shape, host: first, port: second, options: extra.options });
  } else {
    const split = splitHostPort(first);
    if (split.port === undefined) {
      throw new EngineError('SPEC_PORT', `'${first}' has no port: write HOST:PORT, e.g. localhost:8080`, withReason('port-missing', { host: first, text: first }));
    }
    spec = buildSpec({ ...shape, host: split.host, port: split.port, options: extra.options });
  }
  return { spec, name: extra.name };
}

function guidedDefaults(context: CommandContext): GuidedDefaults {
  return { defaultHost: context.services.settings().defaultHost, recent: context.recent, workspaceFolder: workspaceFolderPath() };
}

/** Says briefly where the socket is, which matters most for port 0. */
function announce(context: CommandContext, info: SocketInfo): void {
  let text: string;
  if (info.state === 'listening' || (info.kind === 'udp' && info.defaultTarget === undefined)) {
    text = vscode.l10n.t('{0} listening on {1}', kindName(info.kind), info.local === undefined ? info.spec : formatAddress(info.local));
  } else if (info.kind === 'udp' && info.defaultTarget !== undefined) {
    // UDP has no connection: the socket only sends to this peer unless told otherwise.
    text = vscode.l10n.t('{0} open on {1}; default peer {2}', kindName(info.kind), info.local === undefined ? '' : formatAddress(info.local), formatAddress(info.defaultTarget));
  } else {
    text = vscode.l10n.t('{0} connected to {1}', kindName(info.kind), socketLabel(info));
  }
  context.services.log.child('commands').info(`${info.id}: ${text}`);
  showStatusMessage(context.services, 'check', text, 5000);
}

/** Opens (or reopens) with a cancellable progress notification when it takes a while. */
async function openWithProgress(spec: SocketSpec, work: (signal: AbortSignal) => Promise<SocketInfo>): Promise<SocketInfo> {
  const text = formatSpec(spec);
  const connects = spec.role === 'connect' && spec.transport !== 'udp';
  return withDelayedProgress(
    { title: connects ? vscode.l10n.t('Connecting to {0}…', text) : vscode.l10n.t('Opening {0}…', text), cancellable: connects },
    (signal) => work(signal),
  );
}

/**
 * Opens a spec: asks before binding all interfaces, remembers the address, shows progress for a
 * slow connect (cancellable; a cancelled or declined new socket is removed again). Failures throw, and the
 * failed socket stays in the engine in `error` state so it can be reopened.
 */
export async function openSpec(context: CommandContext, spec: SocketSpec, name?: string): Promise<SocketInfo | undefined> {
  const { services, recent } = context;
  const text = formatSpec(spec);
  const kind = guidedKindOf(spec);
  // Remembered once opened, or once it failed (worth retrying); not when declined or cancelled.
  const remember = async (): Promise<void> => {
    await recent.add('address', text);
    if (kind !== undefined) {
      await recent.add(kind, text);
    }
  };
  try {
    // The engine asks the all-interfaces guard once it knows the address it will bind.
    const info = await openWithProgress(spec, (signal) => services.engine.open(spec, { name, signal }));
    await remember();
    announce(context, info);
    return info;
  } catch (error) {
    if (isCancellation(error)) {
      const socketId = isEngineError(error) ? error.socketId : undefined;
      if (socketId !== undefined) {
        // The user gave up on a new connection, or declined all interfaces: nothing worth keeping.
        await services.engine.remove(socketId);
        services.log.child('commands').info(`${text}: cancelled, socket ${socketId} removed`);
        return undefined;
      }
    } else {
      await remember();
    }
    throw error;
  }
}

/** Reopens a closed or failed socket; the guard asks about all interfaces only if it was never confirmed. */
export async function reopenSocket(context: CommandContext, info: SocketInfo): Promise<SocketInfo | undefined> {
  if (!mayReopen(context.services, info)) {
    return undefined;
  }
  const spec = parseSpec(info.spec);
  try {
    const reopened = await openWithProgress(spec, (signal) => context.services.engine.reopen(info.id, { signal }));
    announce(context, reopened);
    return reopened;
  } catch (error) {
    if (isCancellation(error)) {
      return undefined;
    }
    throw error;
  }
}

async function openKind(context: CommandContext, kind: GuidedKind | 'udp', args: readonly unknown[]): Promise<SocketInfo | undefined> {
  if (args[0] !== undefined) {
    const { spec, name } = specFromArguments(kind, args);
    return openSpec(context, spec, name);
  }
  const spec = await guidedSpec(kind, guidedDefaults(context));
  return spec === undefined ? undefined : openSpec(context, spec);
}

export function registerOpenCommands(context: CommandContext): vscode.Disposable[] {
  const kinds: ReadonlyArray<[string, GuidedKind | 'udp']> = [
    ['socketWorkbench.newTcpServer', 'tcp-server'],
    ['socketWorkbench.newTcpClient', 'tcp-client'],
    ['socketWorkbench.newUdpSocket', 'udp'],
    ['socketWorkbench.newUnixServer', 'unix-server'],
    ['socketWorkbench.newUnixClient', 'unix-client'],
  ];
  return [
    ...kinds.map(([id, kind]) => registerCommand(context, id, (...args) => openKind(context, kind, args))),
    registerCommand(context, 'socketWorkbench.open', async (text?: unknown, options?: unknown) => {
      if (typeof text === 'string') {
        return openSpec(context, parseSpec(text), openArguments(options).name);
      }
      const spec = await specFromAddressInput(context.recent);
      return spec === undefined ? undefined : openSpec(context, spec);
    }),
  ];
}

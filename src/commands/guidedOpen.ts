/**
 * The guided flows behind New TCP Server…, New TCP Client…, New UDP Socket…, the UNIX commands and
 * Open Socket from Address…: QuickInput steps that check as you type (steps.ts) and end in a spec.
 * Opening it is open.ts's job.
 */
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { parseSpec, type SocketSpec, type SpecOptions } from '../engine';
import { MultiStepInput, type InputStep } from './guidedInput';
import type { RecentAddresses } from './recent';
import {
  buildGuidedSpec,
  checkHost,
  checkPort,
  checkSpecText,
  checkUnixPathInput,
  defaultUnixPath,
  GUIDED_KINDS,
  hostSuggestions,
  hostBindsAllInterfaces,
  isListenerKind,
  optionChoices,
  type GuidedKind,
  type HostSuggestion,
  type OptionChoice,
} from './steps';

export interface GuidedDefaults {
  readonly defaultHost: string;
  readonly recent: RecentAddresses;
  readonly workspaceFolder: string | undefined;
}

interface FlowState {
  kind: GuidedKind;
  host?: string;
  port?: string;
  path?: string;
  options: SpecOptions;
  spec?: SocketSpec;
}

interface HostItem extends vscode.QuickPickItem {
  readonly suggestion: HostSuggestion;
  readonly invalid?: boolean;
}

interface OptionItem extends vscode.QuickPickItem {
  readonly choice: OptionChoice;
}

interface ModeItem extends vscode.QuickPickItem {
  readonly mode: GuidedKind;
}

function title(kind: GuidedKind): string {
  switch (kind) {
    case 'tcp-server':
      return vscode.l10n.t('New TCP Server');
    case 'tcp-client':
      return vscode.l10n.t('New TCP Client');
    case 'tls-server':
      return vscode.l10n.t('New TLS Server');
    case 'tls-client':
      return vscode.l10n.t('New TLS Client');
    case 'udp-listen':
    case 'udp-peer':
      return vscode.l10n.t('New UDP Socket');
    case 'unix-server':
      return vscode.l10n.t('New UNIX Socket Server');
    case 'unix-client':
      return vscode.l10n.t('New UNIX Socket Client');
  }
}

/**
 * Runs the guided steps for a kind ('udp' asks bound or with a peer first). Resolves to the spec,
 * or undefined when the user cancelled.
 */
export async function guidedSpec(kind: GuidedKind | 'udp', defaults: GuidedDefaults): Promise<SocketSpec | undefined> {
  const state: FlowState = { kind: kind === 'udp' ? 'udp-listen' : kind, options: {} };
  const chooseUdp = kind === 'udp';
  // Step numbers: the UDP mode step shifts the rest by one.
  const offset = chooseUdp ? 1 : 0;
  const total = (): number => (GUIDED_KINDS[state.kind].transport === 'unix' ? 2 : 3) + offset;

  const modeStep: InputStep = async (input) => {
    const items: ModeItem[] = [
      { mode: 'udp-listen', label: vscode.l10n.t('Bind and listen'), description: 'udp-listen://', detail: vscode.l10n.t('Receive datagrams on a port, and send to any address.') },
      { mode: 'udp-peer', label: vscode.l10n.t('With a default peer'), description: 'udp://', detail: vscode.l10n.t('Send to one host:port by default, from an ephemeral port; replies come back.') },
    ];
    const picked = await input.quickPick({
      title: title(state.kind),
      step: 1,
      totalSteps: total(),
      items,
      activeItem: items.find((item) => item.mode === state.kind),
      placeholder: vscode.l10n.t('Bound to a port, or with a default peer?'),
    });
    if (picked.mode !== state.kind) {
      state.host = undefined;
      state.port = undefined;
      state.options = {};
    }
    state.kind = picked.mode;
    return hostStep;
  };

  const hostStep: InputStep = async (input) => {
    const suggestions = hostSuggestions(state.kind, defaults.defaultHost, defaults.recent.list(state.kind));
    const items: HostItem[] = suggestions.map((suggestion) => ({
      label: suggestion.label,
      description: suggestion.description,
      iconPath: new vscode.ThemeIcon(suggestion.allInterfaces ? 'warning' : suggestion.recent ? 'history' : 'globe'),
      suggestion,
    }));
    const listener = isListenerKind(state.kind);
    const picked = await input.quickPick<HostItem>({
      title: title(state.kind),
      step: 1 + offset,
      totalSteps: total(),
      items,
      activeItem: items.find((item) => item.suggestion.host === state.host && item.suggestion.port === undefined) ?? items[0],
      placeholder: listener
        ? vscode.l10n.t('Host to bind: pick one or type an address (host or host:port)')
        : vscode.l10n.t('Host to connect to: pick one or type a name or address; Enter on host:port connects at once'),
      typedItem: (value) => {
        const check = checkHost(value, state.kind);
        const host = check.value?.host ?? value.trim();
        return {
          label: value.trim(),
          description: check.ok ? check.hint : undefined,
          detail: check.ok ? undefined : `$(error) ${check.message ?? ''}`,
          iconPath: new vscode.ThemeIcon(check.ok ? 'edit' : 'error'),
          suggestion: { host, port: check.value?.port, label: value.trim(), description: '', recent: false, allInterfaces: hostBindsAllInterfaces(host) },
          invalid: !check.ok,
        };
      },
    });
    state.host = picked.suggestion.host;
    if (picked.suggestion.port !== undefined) {
      state.port = picked.suggestion.port;
      if (state.kind === 'tcp-client' || state.kind === 'tls-client') {
        // host:port is all a client needs: connect now, with the default options.
        state.spec = buildGuidedSpec(state.kind, { host: state.host, port: state.port, options: state.options }).value?.spec;
        return state.spec === undefined ? portStep : undefined;
      }
    }
    return portStep;
  };

  const portStep: InputStep = async (input) => {
    const listener = isListenerKind(state.kind);
    const value = state.port ?? (listener ? '0' : '');
    const answer = await input.inputBox({
      title: title(state.kind),
      step: 2 + offset,
      totalSteps: total(),
      value,
      prompt: listener
        ? vscode.l10n.t('Port to listen on: a number, 0 for any free port, or a service name (http, echo…).')
        : vscode.l10n.t("The server's port: a number or a service name (http, echo…)."),
      placeholder: listener ? '0' : '8080',
      validate: (text) => checkPort(text, state.kind),
    });
    state.port = answer.trim();
    return optionsStep;
  };

  const pathStep: InputStep = async (input) => {
    const server = state.kind === 'unix-server';
    const recentPath = (recentKind: GuidedKind): string | undefined => {
      for (const text of defaults.recent.list(recentKind)) {
        try {
          return parseSpec(text).path;
        } catch {
          // An unreadable entry is skipped.
        }
      }
      return undefined;
    };
    const value = state.path ?? (server ? recentPath('unix-server') : recentPath('unix-client') ?? recentPath('unix-server')) ?? defaultUnixPath();
    const answer = await input.inputBox({
      title: title(state.kind),
      step: 1,
      totalSteps: total(),
      value,
      prompt:
        process.platform === 'linux'
          ? vscode.l10n.t('Socket path: absolute, relative to the workspace folder, or @name for the Linux abstract namespace.')
          : vscode.l10n.t('Socket path: absolute, or relative to the workspace folder.'),
      placeholder: defaultUnixPath(),
      validate: (text) => {
        const check = checkUnixPathInput(text, defaults.workspaceFolder);
        if (!check.ok || check.value === undefined || check.value.startsWith('@')) {
          return check;
        }
        if (server && fs.existsSync(check.value)) {
          return { ...check, warning: vscode.l10n.t('{0} exists: listening fails unless it is a stale socket (then turn on removeStale).', check.value) };
        }
        if (!server && !fs.existsSync(check.value)) {
          return { ...check, warning: vscode.l10n.t('{0} does not exist yet: connecting fails until a server listens there.', check.value) };
        }
        return check;
      },
    });
    state.path = checkUnixPathInput(answer, defaults.workspaceFolder).value ?? answer.trim();
    return optionsStep;
  };

  const optionsStep: InputStep = async (input) => {
    const items: OptionItem[] = optionChoices(state.kind).map((choice) => ({ label: choice.label, description: choice.description, choice }));
    const fields = (selected: readonly OptionItem[]): SpecOptions => {
      const options: Record<string, boolean> = {};
      for (const item of selected) {
        options[item.choice.name] = true;
      }
      return options as SpecOptions;
    };
    const answers = (): { host?: string; port?: string; path?: string } => ({ host: state.host, port: state.port, path: state.path });
    const selected = await input.manyPick<OptionItem>({
      title: title(state.kind),
      step: total(),
      totalSteps: total(),
      items,
      selected: items.filter((item) => state.options[item.choice.name] === true),
      placeholder: vscode.l10n.t('Options (optional): Enter opens {0}', buildGuidedSpec(state.kind, { ...answers(), options: state.options }).value?.text ?? ''),
      validate: (chosen) => {
        const built = buildGuidedSpec(state.kind, { ...answers(), options: fields(chosen) });
        return built.ok ? undefined : built.message;
      },
    });
    state.options = fields(selected);
    state.spec = buildGuidedSpec(state.kind, { ...answers(), options: state.options }).value?.spec;
  };

  const first = chooseUdp ? modeStep : GUIDED_KINDS[state.kind].transport === 'unix' ? pathStep : hostStep;
  const finished = await MultiStepInput.run(first);
  return finished ? state.spec : undefined;
}

/** Open Socket from Address…: one input, checked as you type, showing the canonical form. */
export async function specFromAddressInput(recent: RecentAddresses): Promise<SocketSpec | undefined> {
  const [last] = recent.list('address');
  let spec: SocketSpec | undefined;
  const finished = await MultiStepInput.run(async (input) => {
    const answer = await input.inputBox({
      title: vscode.l10n.t('Open Socket from Address'),
      value: last ?? '',
      prompt: vscode.l10n.t('tcp-listen://HOST:PORT, tcp://HOST:PORT, tls-listen://…, tls://…, udp-listen://…, udp://…, unix-listen:///path, unix:///path; options after ?'),
      placeholder: 'tcp://127.0.0.1:8080',
      validate: (text) => {
        const check = checkSpecText(text);
        return { ok: check.ok, message: check.message, hint: check.hint, warning: check.warning };
      },
    });
    spec = checkSpecText(answer).value?.spec;
  });
  return finished ? spec : undefined;
}

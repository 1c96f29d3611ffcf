/**
 * Join and leave multicast groups on an open UDP socket (IP_ADD_MEMBERSHIP / IP_DROP_MEMBERSHIP),
 * with the group and interface checked as they are typed.
 */
import { isIPv4 } from 'node:net';
import * as vscode from 'vscode';
import { EngineError, isMulticastAddress, parseHost, parseSpec, type SocketInfo } from '../engine';
import { describeError } from '../messages';
import type { Services } from '../services';
import { concerning, registerCommand, type CommandContext } from './context';
import { MultiStepInput } from './guidedInput';
import { socketLabel } from '../socketText';
import { socketFromArgument, type PickOptions } from './pick';

function udpOptions(command: string): PickOptions {
  return {
    filter: (info) => info.kind === 'udp' && info.state === 'open',
    placeholder: vscode.l10n.t('UDP socket'),
    emptyMessage: vscode.l10n.t('No UDP socket is open: {0} needs one.', command),
    mismatch: (info) => vscode.l10n.t('{0} needs an open UDP socket; {1} is not one.', command, socketLabel(info)),
  };
}

function socketFamily(info: SocketInfo): 4 | 6 {
  return info.local?.family === 'IPv6' ? 6 : 4;
}

/** Checks a group for this socket: a multicast address of the socket's family. */
export function checkGroup(text: string, family: 4 | 6): string | undefined {
  const group = text.trim();
  if (!isMulticastAddress(group)) {
    return vscode.l10n.t("'{0}' is not a multicast group: use 224.0.0.0/4 (IPv4) or ff00::/8 (IPv6), e.g. 239.1.2.3.", group);
  }
  if ((isIPv4(group) ? 4 : 6) !== family) {
    return vscode.l10n.t("'{0}' is IPv{1}, but the socket is IPv{2}.", group, isIPv4(group) ? '4' : '6', String(family));
  }
  return undefined;
}

/** Checks an interface address: empty (the system's choice) or a local IP of the socket's family. */
export function checkInterface(text: string, family: 4 | 6): string | undefined {
  const value = text.trim();
  if (value === '') {
    return undefined;
  }
  try {
    const info = parseHost(value, { transport: 'udp', family });
    if (info.kind !== 'ipv4' && info.kind !== 'ipv6') {
      return vscode.l10n.t('The interface is given by its IP address, like 192.168.1.2 or ::%eth0.');
    }
  } catch (error) {
    return describeError(error);
  }
  return undefined;
}

/** Groups the socket is in: from its spec, then the joins and leaves its transcript recorded. */
export function joinedGroups(services: Services, info: SocketInfo): string[] {
  const groups = new Set<string>();
  try {
    for (const group of parseSpec(info.spec).options.multicast ?? []) {
      groups.add(group);
    }
  } catch {
    // A spec that no longer parses joined nothing we can name.
  }
  for (const entry of services.engine.transcript(info.id).entries()) {
    if (entry.kind === 'info' && entry.detail !== undefined) {
      if (entry.code === 'IP_ADD_MEMBERSHIP') {
        groups.add(entry.detail);
      } else if (entry.code === 'IP_DROP_MEMBERSHIP') {
        groups.delete(entry.detail);
      }
    }
  }
  return [...groups];
}

/** Asks for the group (offering the joined ones when leaving) and the interface. */
async function askGroup(services: Services, info: SocketInfo, action: 'join' | 'leave'): Promise<{ group: string; networkInterface?: string } | undefined> {
  const family = socketFamily(info);
  const title = action === 'join' ? vscode.l10n.t('Join Multicast Group') : vscode.l10n.t('Leave Multicast Group');
  const joined = joinedGroups(services, info);
  let group = action === 'leave' && joined.length > 0 ? joined[0] : family === 4 ? '239.1.2.3' : 'ff15::1';
  let networkInterface = '';
  const finished = await MultiStepInput.run(async (input) => {
    group = (
      await input.inputBox({
        title,
        step: 1,
        totalSteps: 2,
        value: group,
        prompt:
          action === 'leave' && joined.length > 0
            ? vscode.l10n.t('Group to leave; joined: {0}', joined.join(', '))
            : vscode.l10n.t('Multicast group address (224.0.0.0/4 or ff00::/8)'),
        validate: (text) => {
          const message = checkGroup(text, family);
          return { ok: message === undefined, message };
        },
      })
    ).trim();
    return async (next) => {
      networkInterface = (
        await next.inputBox({
          title,
          step: 2,
          totalSteps: 2,
          value: networkInterface,
          prompt: vscode.l10n.t('Local interface address (optional): Enter lets the system choose'),
          placeholder: family === 4 ? '127.0.0.1' : '::1',
          validate: (text) => {
            const message = checkInterface(text, family);
            return { ok: message === undefined, message };
          },
        })
      ).trim();
    };
  });
  return finished ? { group, networkInterface: networkInterface === '' ? undefined : networkInterface } : undefined;
}

async function membership(context: CommandContext, action: 'join' | 'leave', args: readonly unknown[]): Promise<string[] | undefined> {
  const command = action === 'join' ? vscode.l10n.t('Join Multicast Group') : vscode.l10n.t('Leave Multicast Group');
  const chosen = await socketFromArgument(context.services, args[0], udpOptions(command));
  if (chosen === undefined) {
    return undefined;
  }
  const { info } = chosen;
  let answer: { group: string; networkInterface?: string } | undefined;
  if (typeof args[1] === 'string') {
    answer = { group: args[1].trim(), networkInterface: typeof args[2] === 'string' && args[2].trim() !== '' ? args[2].trim() : undefined };
    const problem = checkGroup(answer.group, socketFamily(info)) ?? checkInterface(answer.networkInterface ?? '', socketFamily(info));
    if (problem !== undefined) {
      throw new EngineError('INVALID_ARGUMENT', problem, { group: answer.group });
    }
  } else {
    answer = await askGroup(context.services, info, action);
  }
  if (answer === undefined) {
    return undefined;
  }
  const { group, networkInterface } = answer;
  const joined = joinedGroups(context.services, info);
  const complete = context.services.engine.transcript(info.id).counters().evictedEntries === 0;
  if (action === 'leave' && complete && !joined.includes(group)) {
    throw new EngineError('INVALID_ARGUMENT', vscode.l10n.t('{0} has not joined {1}.', socketLabel(info), group), { group });
  }
  await concerning(socketLabel(info), () => context.services.engine.membership(info.id, action, group, networkInterface));
  const text = action === 'join' ? vscode.l10n.t('Joined {0} on {1}', group, socketLabel(info)) : vscode.l10n.t('Left {0} on {1}', group, socketLabel(info));
  vscode.window.setStatusBarMessage(`$(broadcast) ${text}`, 4000);
  return joinedGroups(context.services, info);
}

export function registerMulticastCommands(context: CommandContext): vscode.Disposable[] {
  return [
    registerCommand(context, 'socketWorkbench.joinMulticast', (...args) => membership(context, 'join', args)),
    registerCommand(context, 'socketWorkbench.leaveMulticast', (...args) => membership(context, 'leave', args)),
  ];
}

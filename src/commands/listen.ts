/**
 * Listen on Port… (`socketWorkbench.listen`): the netcat `-l` of the extension. One input
 * (listenInput.ts), loopback unless told otherwise, the port of last time prefilled; it opens the
 * listener through the same path as every open command (the all-interfaces guard included) and
 * shows its panel, where the traffic appears.
 */
import * as vscode from 'vscode';
import type { SocketInfo } from '../engine';
import { registerCommand, type CommandContext } from './context';
import { MultiStepInput } from './guidedInput';
import { checkListenText, lastListenPort, listenSpec, type LastPorts } from './listenInput';
import { openSpec } from './open';

/** The optional second argument. */
interface ListenArguments {
  readonly name?: string;
  /** Show the listener's panel (the default). */
  readonly openPanel?: boolean;
}

function listenArguments(value: unknown): ListenArguments {
  if (typeof value !== 'object' || value === null) {
    return {};
  }
  const record = value as Record<string, unknown>;
  return {
    name: typeof record.name === 'string' ? record.name : undefined,
    openPanel: typeof record.openPanel === 'boolean' ? record.openPanel : undefined,
  };
}

async function askListenText(last: LastPorts): Promise<string | undefined> {
  let answer: string | undefined;
  const value = last.tcp ?? '';
  const finished = await MultiStepInput.run(async (input) => {
    answer = await input.inputBox({
      title: vscode.l10n.t('Listen on Port'),
      value,
      prompt: vscode.l10n.t('A port (8080, :8080), udp:5353, tls:8443, HOST:PORT ([::1]:8080) or a listener spec; on 127.0.0.1 unless a host is given.'),
      placeholder: last.tcp === undefined ? '8080' : vscode.l10n.t('{0} (last used)', last.tcp),
      validate: (text) => checkListenText(text, last),
    });
  });
  return finished ? answer : undefined;
}

async function listen(context: CommandContext, text: unknown, extra: unknown): Promise<SocketInfo | undefined> {
  const last: LastPorts = { tcp: lastListenPort(context.recent, 'tcp'), udp: lastListenPort(context.recent, 'udp'), tls: lastListenPort(context.recent, 'tls') };
  const typed = typeof text === 'string' ? text : await askListenText(last);
  if (typed === undefined) {
    return undefined;
  }
  const options = listenArguments(extra);
  const info = await openSpec(context, listenSpec(typed, last), options.name);
  if (info !== undefined && options.openPanel !== false) {
    await context.features.panels.open(info.id);
  }
  return info;
}

export function registerListenCommand(context: CommandContext): vscode.Disposable[] {
  return [registerCommand(context, 'socketWorkbench.listen', (text, extra) => listen(context, text, extra))];
}

/**
 * Registers every command (one file per group). Each command that opens or acts on a socket also
 * takes its arguments, so it runs without prompts from tests, keybindings and other extensions;
 * docs/commands.md lists the forms.
 */
import * as vscode from 'vscode';
import type { Services } from '../services';
import { ClosedConnections } from './closedConnections';
import type { CommandContext, CommandFeatures } from './context';
import { registerCaptureCommands } from './capture';
import { registerListenCommand } from './listen';
import { registerLogCommand } from './log';
import { registerMulticastCommands } from './multicast';
import { registerOpenCommands } from './open';
import { registerPayloadCommands } from './payloads';
import { RecentAddresses } from './recent';
import { registerRemoveCommands } from './remove';
import { registerSendCommand } from './send';
import { registerSocketCommands } from './socket';
import { registerTlsCommands } from './tls';
import { registerTranscriptCommands } from './transcript';
import { registerWireFileCommands } from './wireFile';

export type { CommandFeatures } from './context';

export function registerCommands(services: Services, features: CommandFeatures): vscode.Disposable {
  const context: CommandContext = {
    services,
    features,
    recent: new RecentAddresses(services.context.globalState),
    guard: features.guard,
    closedConnections: new ClosedConnections(services.engine),
  };
  const forgetRemoved = services.engine.onDidRemove((event) => context.guard.forget(event.id));
  return vscode.Disposable.from(
    ...registerOpenCommands(context),
    ...registerListenCommand(context),
    ...registerSendCommand(context),
    ...registerPayloadCommands(context),
    ...registerSocketCommands(context),
    ...registerRemoveCommands(context),
    ...registerMulticastCommands(context),
    ...registerTranscriptCommands(context),
    ...registerWireFileCommands(context),
    ...registerCaptureCommands(context),
    ...registerTlsCommands(context),
    ...registerLogCommand(context),
    new vscode.Disposable(() => forgetRemoved.dispose()),
    context.closedConnections,
  );
}

/**
 * Export Certificate… and Start TLS: the PEM a tls-listen server presents (so curl --cacert and
 * openssl -CAfile can trust it), and upgrading an open TCP client in place, SMTP/IMAP style.
 */
import * as fs from 'node:fs/promises';
import * as vscode from 'vscode';
import { EngineError, type SocketInfo } from '../engine';
import { showInformation, showStatusMessage } from '../services';
import { socketLabel } from '../socketText';
import { canStartTls, hasCertificate, socketTlsText } from '../tlsText';
import { concerning, registerCommand, type CommandContext } from './context';
import { fileStem } from './labels';
import { workspaceFolderPath } from './open';
import { socketFromArgument } from './pick';

/** A file path from the argument: a file Uri or a path. */
function pathArgument(value: unknown): string | undefined {
  if (value instanceof vscode.Uri) {
    if (value.scheme !== 'file') {
      throw new EngineError('INVALID_ARGUMENT', vscode.l10n.t('Certificates are written to local files; {0} is not one.', value.toString()), { uri: value.toString() });
    }
    return value.fsPath;
  }
  if (typeof value === 'string' && value !== '') {
    return /^file:\/\//i.test(value) ? vscode.Uri.parse(value).fsPath : value;
  }
  return undefined;
}

function notTls(info: SocketInfo): string {
  return vscode.l10n.t('{0} is not a TLS socket: only tls:// and tls-listen:// sockets, and TCP clients after Start TLS, have a certificate to export.', socketLabel(info));
}

async function exportCertificate(context: CommandContext, first: unknown, second: unknown): Promise<string | undefined> {
  const { services } = context;
  const { engine } = services;
  const chosen = await socketFromArgument(services, first, {
    filter: (info) => hasCertificate(info),
    placeholder: vscode.l10n.t('TLS socket whose certificate to export'),
    emptyMessage: vscode.l10n.t('No socket has a certificate to export: open a tls-listen:// server or a tls:// client first.'),
    connections: true,
    mismatch: notTls,
  });
  if (chosen === undefined) {
    return undefined;
  }
  const { info } = chosen;
  const pem = engine.certificate(info.id);
  if (pem === null) {
    throw new EngineError('INVALID_ARGUMENT', vscode.l10n.t('{0} has no certificate yet: a server has one once it listens, a client once its handshake is done.', socketLabel(info)), { id: info.id });
  }
  let target = pathArgument(second);
  if (target === undefined) {
    const folder = workspaceFolderPath();
    const uri = await vscode.window.showSaveDialog({
      title: vscode.l10n.t('Export Certificate of {0}', socketLabel(info)),
      defaultUri: folder === undefined ? undefined : vscode.Uri.joinPath(vscode.Uri.file(folder), `${fileStem(info)}.pem`),
      filters: { [vscode.l10n.t('PEM certificates')]: ['pem', 'crt'] },
    });
    target = uri?.fsPath;
  }
  if (target === undefined) {
    return undefined;
  }
  const path = target;
  await concerning(socketLabel(info), () => fs.writeFile(path, pem));
  services.log.child('commands').info(`${info.id}: certificate exported to ${path}`);
  void showInformation(services, vscode.l10n.t('Exported the certificate of {0} to {1}.', socketLabel(info), path));
  return path;
}

export interface StartTlsOptions {
  readonly servername?: string;
  readonly insecure?: boolean;
  /** PEM file of the CAs to trust, as `ca=` in a spec; relative to the workspace folder. */
  readonly ca?: string;
}

function startTlsOptions(value: unknown): StartTlsOptions | undefined {
  if (value === undefined || value === null) {
    return undefined;
  }
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw new EngineError('INVALID_ARGUMENT', vscode.l10n.t('Start TLS takes its options as an object: {0}', '{ servername?, insecure?, ca? }'), {});
  }
  const record = value as Record<string, unknown>;
  if (record.servername !== undefined && (typeof record.servername !== 'string' || record.servername === '')) {
    throw new EngineError('INVALID_ARGUMENT', vscode.l10n.t('The server name must be a non-empty string, not {0}.', JSON.stringify(record.servername) ?? String(record.servername)), {});
  }
  if (record.insecure !== undefined && typeof record.insecure !== 'boolean') {
    throw new EngineError('INVALID_ARGUMENT', vscode.l10n.t('insecure must be true or false, not {0}.', JSON.stringify(record.insecure) ?? String(record.insecure)), {});
  }
  if (record.ca !== undefined && (typeof record.ca !== 'string' || record.ca === '')) {
    throw new EngineError('INVALID_ARGUMENT', vscode.l10n.t('ca must be the path of a PEM file, not {0}.', JSON.stringify(record.ca) ?? String(record.ca)), {});
  }
  return { servername: record.servername as string | undefined, insecure: record.insecure as boolean | undefined, ca: record.ca as string | undefined };
}

/** Run without options: verify (the default) or skip verification, which is then shown everywhere. */
async function askVerification(info: SocketInfo): Promise<StartTlsOptions | undefined> {
  const items: Array<vscode.QuickPickItem & { readonly insecure: boolean }> = [
    { label: `$(lock) ${vscode.l10n.t('Verify the server certificate')}`, description: vscode.l10n.t('recommended'), insecure: false },
    { label: `$(unlock) ${vscode.l10n.t('Skip verification (insecure)')}`, description: vscode.l10n.t('the socket is marked unverified'), insecure: true },
  ];
  const picked = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Start TLS on {0}', socketLabel(info)), placeHolder: vscode.l10n.t('How to check the server') });
  return picked === undefined ? undefined : { insecure: picked.insecure };
}

async function startTls(context: CommandContext, first: unknown, second: unknown): Promise<SocketInfo | undefined> {
  const { services } = context;
  const given = startTlsOptions(second);
  const chosen = await socketFromArgument(services, first, {
    filter: canStartTls,
    placeholder: vscode.l10n.t('TCP client to upgrade to TLS'),
    emptyMessage: vscode.l10n.t('No open TCP client to upgrade: Start TLS needs a tcp:// client that is connected and not TLS yet.'),
  });
  if (chosen === undefined) {
    return undefined;
  }
  const { info } = chosen;
  const options = given ?? (await askVerification(info));
  if (options === undefined) {
    return undefined;
  }
  const label = socketLabel(info);
  const upgraded = await concerning(label, () => services.engine.startTls(info.id, options));
  const badge = socketTlsText(upgraded)?.badge ?? 'TLS';
  const text = vscode.l10n.t('{0} speaks TLS now: {1}', label, badge);
  services.log.child('commands').info(`${info.id}: ${text}`);
  showStatusMessage(services, options.insecure === true ? 'unlock' : 'lock', text, 5000);
  return upgraded;
}

export function registerTlsCommands(context: CommandContext): vscode.Disposable[] {
  return [
    registerCommand(context, 'socketWorkbench.exportCertificate', (socket, path) => exportCertificate(context, socket, path)),
    registerCommand(context, 'socketWorkbench.startTls', (socket, options) => startTls(context, socket, options)),
  ];
}

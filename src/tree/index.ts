// Placeholder until the Sockets view lands.
import * as vscode from 'vscode';
import type { Services } from '../services';

export type SocketsView = vscode.Disposable;

export function registerSocketsView(_services: Services): SocketsView {
  return new vscode.Disposable(() => undefined);
}

/**
 * The "Get started" walkthrough's progress: context keys that its steps complete on, set the first
 * time the user does the step's thing (whichever way: walkthrough button, palette, tree, API) and
 * kept for the session (VS Code remembers completed steps itself). Each listener goes away once
 * its key is set, so nothing runs per socket event after that.
 */
import * as vscode from 'vscode';
import type { SocketInfo } from './engine';
import type { Services } from './services';

export const WALKTHROUGH_ID = 'socketworkbench.socket-workbench#getStarted';

type Step = 'listening' | 'connected' | 'sent';

function listens(info: SocketInfo): boolean {
  return info.state === 'listening' || (info.kind === 'udp' && info.state === 'open' && info.defaultTarget === undefined);
}

function connects(info: SocketInfo): boolean {
  return info.connections > 0 || info.kind === 'tcp-connection' || info.kind === 'unix-connection' || ((info.kind === 'tcp-client' || info.kind === 'unix-client') && info.state === 'open');
}

export function registerWalkthrough(services: Services): vscode.Disposable {
  const { engine } = services;
  const done = new Set<Step>();
  const subscriptions: { dispose(): void }[] = [];
  const complete = (step: Step): void => {
    if (!done.has(step)) {
      done.add(step);
      void vscode.commands.executeCommand('setContext', `socketWorkbench.walkthrough.${step}`, true);
    }
  };
  const onSocket = (info: SocketInfo): void => {
    if (listens(info)) {
      complete('listening');
    }
    if (connects(info)) {
      complete('connected');
    }
    if (done.has('listening') && done.has('connected')) {
      socketSubscription.dispose();
      createSubscription.dispose();
    }
  };
  const socketSubscription = engine.onDidChange(onSocket);
  const createSubscription = engine.onDidCreate(onSocket);
  const statsSubscription = engine.onDidChangeStats((changes) => {
    if (changes.some((change) => change.stats.bytesOut > 0)) {
      complete('sent');
      statsSubscription.dispose();
    }
  });
  subscriptions.push(socketSubscription, createSubscription, statsSubscription);
  for (const info of engine.list()) {
    onSocket(info);
  }
  return new vscode.Disposable(() => {
    for (const subscription of subscriptions) {
      subscription.dispose();
    }
  });
}

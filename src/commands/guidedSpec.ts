/** The guided answers as a checked spec, and Open Socket from Address text checked as it is typed. */
import * as vscode from 'vscode';
import { bindsAllInterfaces, buildSpec, formatSpec, parseSpec, type SocketSpec, type SpecOptions } from '../engine';
import { describeError } from '../messages';
import { describeGuidedKind, GUIDED_KINDS, guidedKindOf, type GuidedKind, type StepCheck } from './guidedKinds';

// ---------------------------------------------------------------------------------------------
// Building and checking specs

export interface GuidedAnswers {
  readonly host?: string;
  readonly port?: string | number;
  readonly path?: string;
  readonly options?: SpecOptions;
}

export interface BuiltSpec {
  readonly spec: SocketSpec;
  /** The canonical text. */
  readonly text: string;
}

/** The answers as a checked spec; a message names the bad part when they do not fit together. */
export function buildGuidedSpec(kind: GuidedKind, answers: GuidedAnswers): StepCheck<BuiltSpec> {
  const { transport, role } = GUIDED_KINDS[kind];
  try {
    const spec =
      transport === 'unix'
        ? buildSpec({ transport, role, path: answers.path ?? '', options: answers.options })
        : buildSpec({ transport, role, host: answers.host ?? '', port: answers.port, options: answers.options });
    const text = formatSpec(spec);
    return { ok: true, value: { spec, text }, hint: text };
  } catch (error) {
    return { ok: false, message: describeError(error) };
  }
}

/** Checks Open Socket from Address text as it is typed; the hint shows the canonical form. */
export function checkSpecText(text: string): StepCheck<BuiltSpec> {
  if (text.trim() === '') {
    return { ok: false };
  }
  let spec: SocketSpec;
  try {
    spec = parseSpec(text);
  } catch (error) {
    return { ok: false, message: describeError(error) };
  }
  if (spec.transport === 'unix-dgram') {
    return { ok: false, message: vscode.l10n.t('UNIX datagram sockets cannot be created by Node.js; use unix:// for a stream socket or udp:// for datagrams.') };
  }
  const canonical = formatSpec(spec);
  const kind = guidedKindOf(spec);
  const what = kind === undefined ? '' : describeGuidedKind(kind);
  const hint = vscode.l10n.t('{0}: {1}', what, canonical);
  const warning = bindsAllInterfaces(spec) ? vscode.l10n.t('Binds all interfaces: reachable from the network.') : undefined;
  return { ok: true, value: { spec, text: canonical }, hint, warning };
}

/**
 * The parsed form of a `*.wire` file: plain data, so the editor can show it, and the runner and
 * the rule engine can walk it. Every node keeps its 1-based line and column.
 */

export interface Position {
  readonly line: number;
  readonly column: number;
}

/** A piece of text with `{{…}}` macros, split once by the parser. */
export type TemplatePart =
  | { readonly kind: 'text'; readonly text: string; readonly column: number }
  | { readonly kind: 'macro'; readonly macro: Macro; readonly column: number };

export interface Template {
  readonly parts: readonly TemplatePart[];
  /** The text as written, for messages. */
  readonly source: string;
}

export type Macro =
  | { readonly kind: 'variable'; readonly name: string }
  | { readonly kind: 'env'; readonly name: string }
  | { readonly kind: 'counter' }
  | { readonly kind: 'i' }
  | { readonly kind: 'time' }
  | { readonly kind: 'unix_ms' }
  | { readonly kind: 'random_hex'; readonly digits: number }
  | { readonly kind: 'uuid' }
  | { readonly kind: 'peer' };

/** The macro names that are not variables: `@peer = …` is refused. */
export const BUILT_IN_MACROS: readonly string[] = ['counter', 'i', 'time', 'unix_ms', 'random_hex', 'uuid', 'peer', 'env'];

export type Payload =
  /** `"…"` with the engine's escapes, plus `\"`. */
  | { readonly kind: 'string'; readonly template: Template }
  | { readonly kind: 'hex'; readonly template: Template }
  | { readonly kind: 'base64'; readonly template: Template }
  /** `file PATH`, relative to the .wire file. */
  | { readonly kind: 'file'; readonly template: Template }
  /** `<<END` … `END`: lines joined with `\n` (or `\r\n`), macros expanded, no escapes. */
  | { readonly kind: 'heredoc'; readonly template: Template; readonly crlf: boolean };

export type Matcher =
  | { readonly kind: 'contains'; readonly payload: Payload }
  | { readonly kind: 'exactly'; readonly payload: Payload }
  | { readonly kind: 'regex'; readonly source: string; readonly flags: string; readonly regex: RegExp }
  | { readonly kind: 'eof' }
  | { readonly kind: 'closed' }
  | { readonly kind: 'bytes'; readonly count: number };

/** What an `on` rule reacts to: a matcher, or a new connection, or any data at all. */
export type Trigger = Matcher | { readonly kind: 'connect' } | { readonly kind: 'any' };

export type CloseMode = 'graceful' | 'half' | 'reset';

export type Action =
  | ({ readonly kind: 'reply'; readonly payload: Payload } & Position)
  | ({ readonly kind: 'wait'; readonly milliseconds: number } & Position)
  | ({ readonly kind: 'close'; readonly mode: CloseMode } & Position);

export interface Rule extends Position {
  readonly trigger: Trigger;
  readonly actions: readonly Action[];
  /** The `on …` line as written, for reports. */
  readonly text: string;
}

export type Step =
  | ({ readonly kind: 'open'; readonly spec: Template; readonly name?: string } & StepCommon)
  | ({ readonly kind: 'listen'; readonly spec: Template; readonly name?: string; readonly rules: readonly Rule[] } & StepCommon)
  | ({ readonly kind: 'use'; readonly name: string } & StepCommon)
  | ({ readonly kind: 'send'; readonly payload: Payload; readonly to?: Template } & StepCommon)
  | ({ readonly kind: 'expect'; readonly matcher: Matcher; readonly within?: number } & StepCommon)
  | ({ readonly kind: 'wait'; readonly milliseconds: number } & StepCommon)
  | ({ readonly kind: 'repeat'; readonly count: number; readonly steps: readonly Step[] } & StepCommon)
  | ({ readonly kind: 'close'; readonly mode: CloseMode } & StepCommon)
  /** `starttls [insecure] [ca=PATH]`: upgrades the current tcp:// client to TLS in place (ca= relative to the file's folder). */
  | ({ readonly kind: 'starttls'; readonly insecure: boolean; readonly ca?: string } & StepCommon);

export type StepKind = Step['kind'];

export interface StepCommon extends Position {
  /** The line as written (trimmed), for reports. */
  readonly text: string;
}

/** `@name = value`: the value is a template, expanded where it is used. */
export interface VariableDefinition extends Position {
  readonly name: string;
  readonly value: Template;
}

export interface Section extends Position {
  readonly name: string;
  readonly variables: readonly VariableDefinition[];
  readonly steps: readonly Step[];
  /** Only `listen` steps (with their rules): a mock server that runs until stopped. */
  readonly mockServer: boolean;
}

export interface WireFile {
  /** The name used in messages (`echo.wire`). */
  readonly file: string;
  readonly variables: readonly VariableDefinition[];
  readonly sections: readonly Section[];
}

/**
 * The auto-reply rules' messages and records of the payload panel's protocol, kept beside
 * protocol.ts (which re-exports them) so that file stays readable. Types and constants only.
 */

export const RULE_MATCHERS = ['contains', 'exactly', 'regex', 'any', 'wire'] as const;
export type RuleMatcher = (typeof RULE_MATCHERS)[number];
export const RULE_FORMS = ['text', 'hex'] as const;
export type RuleForm = (typeof RULE_FORMS)[number];

/** One auto-reply rule of a listener's panel; `wire` keeps a rule the form cannot show as wire text. */
export interface AutoReplyRule {
  readonly enabled: boolean;
  readonly matcher: RuleMatcher;
  /** How `pattern` reads for contains and exactly: text with the wire string escapes, or hex. */
  readonly form: RuleForm;
  /** contains/exactly: the bytes; regex: the source (or `/…/flags`); wire: the rule's lines; any: unused. */
  readonly pattern: string;
  readonly replyForm: RuleForm;
  readonly reply: string;
  /** Waited before the reply; 0 = none. */
  readonly delayMs: number;
  /** Close the connection after replying. */
  readonly close: boolean;
}

/** The listener's auto-reply rules, their hit counts and, per rule, the localized parse problem. */
export interface RulesMessage {
  readonly type: 'rules';
  /** False for sockets that do not listen: the panel shows no rules section. */
  readonly available: boolean;
  /** False when it answers this panel's own edit: the webview keeps its inputs and takes only the problems and hits. */
  readonly replace: boolean;
  readonly rules: readonly AutoReplyRule[];
  readonly hits: readonly number[];
  readonly problems: readonly (string | null)[];
}

export interface RuleHitsMessage {
  readonly type: 'ruleHits';
  readonly hits: readonly number[];
}

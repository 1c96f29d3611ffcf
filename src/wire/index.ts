/**
 * The wire runner's public surface: parse `*.wire` text, run or serve it on a SocketEngine, attach
 * `on` rules to any listener, record a socket as a wire section, and report results. Plain Node:
 * the editor, the CLI and the tests all use it the same way.
 */
export * from './errors';
export type * from './syntax';
export { BUILT_IN_MACROS } from './syntax';
export type * from './results';
export { parseWire, parseRules } from './parser';
export type { ParseOptions, ParseResult, RulesParseResult } from './parser';
export { runWire, serveWire, overall, unknownSections, baseDirectoryOf, createRunnerEngine } from './runner';
export type { RunOptions, ServeOptions } from './runner';
export { DEFAULT_EXPECT_TIMEOUT_MS, DEFAULT_MAX_STEP_RESULTS } from './section';
export { attachRules, attachRulesText, DEFAULT_MAX_BUFFERED_BYTES } from './rules';
export type { RuleBinding, RuleEvent, RuleOptions } from './rules';
export { describeBytes } from './match';
export { recordSection, payloadText } from './record';
export type { RecordOptions } from './record';

/**
 * The wire parser: text → WireFile, or every error found, each at its file:line:column. It never
 * throws: whatever goes wrong on a line becomes a WireError (code PARSE) and parsing goes on with
 * the next line, so one run of the parser reports all the mistakes of a file.
 */
import { isWireError, parseError, type WireError } from './errors';
import { fail, isName, parseTemplate, type LineContext } from './parseTemplate';
import type { HeredocReader } from './parsePayload';
import { readAction, readRepeatCount, readRule, readSimpleStep, readSocket, type LineInput } from './parseStep';
import { BUILT_IN_MACROS, type Action, type Rule, type Section, type Step, type VariableDefinition, type WireFile } from './syntax';

export type ParseResult =
  | { readonly ok: true; readonly file: WireFile }
  | { readonly ok: false; readonly errors: readonly WireError[] };

export interface ParseOptions {
  /** The name used in messages and results; default `input.wire`. */
  readonly file?: string;
}

interface Block {
  readonly steps: Step[];
  /** The repeat this block belongs to; undefined for the section's top level. */
  readonly repeat?: { readonly line: number; readonly column: number; readonly count: number; readonly text: string };
}

interface SectionBuilder {
  readonly name: string;
  readonly line: number;
  readonly variables: VariableDefinition[];
  readonly blocks: Block[];
  readonly names: Set<string>;
  /** Rules of the last `listen`, which the next `on` lines join. */
  rules: Rule[] | undefined;
}

const VARIABLE = /^@([^\s=]*)\s*=\s*(.*)$/;

class Parser {
  readonly errors: WireError[] = [];
  readonly variables: VariableDefinition[] = [];
  readonly sections: Section[] = [];
  private section: SectionBuilder | undefined;
  private actions: Action[] | undefined;
  private index = 0;

  constructor(
    private readonly file: string,
    private readonly lines: readonly string[],
  ) {}

  run(): void {
    for (this.index = 0; this.index < this.lines.length; this.index++) {
      const context: LineContext = { file: this.file, line: this.index + 1 };
      try {
        this.line(context, this.lines[this.index]);
      } catch (error) {
        this.errors.push(isWireError(error) ? error : parseError(this.file, context.line, 1, 'internal', `internal parser error: ${String(error)}`));
      }
    }
    this.finishSection();
  }

  /** Starts in an unnamed section with one listener, whose rules the text's `on` lines fill. */
  beginRules(): Rule[] {
    const rules: Rule[] = [];
    this.section = { name: 'rules', line: 1, variables: [], blocks: [{ steps: [] }], names: new Set(), rules };
    return rules;
  }

  private readonly heredoc: HeredocReader = (marker) => {
    for (let index = this.index + 1; index < this.lines.length; index++) {
      if (this.lines[index].trim() === marker) {
        const body = this.lines.slice(this.index + 1, index);
        const firstLine = this.index + 2;
        this.index = index;
        return { lines: body, firstLine };
      }
    }
    return undefined;
  };

  private line(context: LineContext, raw: string): void {
    const trimmed = raw.trim();
    if (trimmed === '') {
      return;
    }
    const indent = raw.length - raw.trimStart().length;
    if (trimmed.startsWith('###')) {
      this.startSection(context, trimmed.slice(3).trim(), indent + 1);
      return;
    }
    if (trimmed.startsWith('#') || trimmed.startsWith('//')) {
      return;
    }
    const keywordMatch = /^\S+/.exec(trimmed);
    const keyword = keywordMatch === null ? '' : keywordMatch[0];
    const input: LineInput = {
      context,
      keyword,
      keywordColumn: indent + 1,
      rest: { text: trimmed.slice(keyword.length), column: indent + 1 + keyword.length },
      text: trimmed,
      heredoc: this.heredoc,
    };
    if (this.actions !== undefined && indent > 0 && !trimmed.startsWith('@')) {
      this.actions.push(readAction(input));
      return;
    }
    this.actions = undefined;
    if (trimmed.startsWith('@')) {
      this.variable(context, trimmed, indent + 1);
      return;
    }
    const section = this.section;
    if (section === undefined) {
      throw fail(context, indent + 1, 'step-outside-section', `expected a section ('### name') before the first step '${keyword}'`, { keyword });
    }
    this.step(input, section);
  }

  private step(input: LineInput, section: SectionBuilder): void {
    const block = section.blocks[section.blocks.length - 1];
    const { context, keyword } = input;
    const common = { line: context.line, column: input.keywordColumn, text: input.text };
    switch (keyword) {
      case 'open':
      case 'listen': {
        const socket = readSocket(input);
        if (socket.name !== undefined) {
          if (section.names.has(socket.name)) {
            throw fail(context, socket.nameColumn, 'name-duplicate', `the name '${socket.name}' is already used in this section`, { name: socket.name });
          }
          section.names.add(socket.name);
        }
        if (keyword === 'open') {
          block.steps.push({ kind: 'open', spec: socket.spec, name: socket.name, ...common });
          section.rules = undefined;
        } else {
          const rules: Rule[] = [];
          block.steps.push({ kind: 'listen', spec: socket.spec, name: socket.name, rules, ...common });
          section.rules = block.repeat === undefined ? rules : undefined;
        }
        return;
      }
      case 'use': {
        const name = input.rest.text.trim();
        const column = input.rest.column + input.rest.text.length - input.rest.text.trimStart().length;
        if (!isName(name)) {
          throw fail(context, column, 'name-invalid', `expected a socket name after 'use', got ${name === '' ? 'nothing' : `'${name}'`}`, { after: 'use', got: name });
        }
        if (!section.names.has(name)) {
          throw fail(context, column, 'name-unknown', `no socket named '${name}' is opened before this line in the section ('open … as ${name}')`, { name });
        }
        block.steps.push({ kind: 'use', name, ...common });
        return;
      }
      case 'repeat': {
        const count = readRepeatCount(input);
        section.blocks.push({ steps: [], repeat: { line: context.line, column: input.keywordColumn, count, text: input.text } });
        return;
      }
      case 'end': {
        const repeat = block.repeat;
        if (repeat === undefined || section.blocks.length < 2) {
          throw fail(context, input.keywordColumn, 'end-without-repeat', "'end' without a 'repeat' to close", {});
        }
        if (input.rest.text.trim() !== '') {
          throw fail(context, input.rest.column + 1, 'text-after-payload', `unexpected '${input.rest.text.trim()}' after 'end'`, { got: input.rest.text.trim(), after: "'end'" });
        }
        section.blocks.pop();
        section.blocks[section.blocks.length - 1].steps.push({ kind: 'repeat', count: repeat.count, steps: block.steps, line: repeat.line, column: repeat.column, text: repeat.text });
        return;
      }
      case 'on': {
        if (block.repeat !== undefined) {
          throw fail(context, input.keywordColumn, 'rule-in-repeat', "'on' rules belong to a listener and cannot be inside 'repeat'", {});
        }
        const rules = section.rules;
        if (rules === undefined) {
          throw fail(context, input.keywordColumn, 'rule-without-listen', "'on' needs a 'listen' step before it in the section", {});
        }
        const actions: Action[] = [];
        rules.push(readRule(input, actions));
        this.actions = actions;
        return;
      }
      default:
        block.steps.push(readSimpleStep(input));
    }
  }

  private variable(context: LineContext, text: string, column: number): void {
    const match = VARIABLE.exec(text);
    if (match === null || !isName(match[1])) {
      throw fail(context, column, 'variable-syntax', "expected '@name = value' (a name of letters, digits, _ . -)", {});
    }
    const name = match[1];
    if (BUILT_IN_MACROS.includes(name)) {
      throw fail(context, column + 1, 'variable-reserved', `'${name}' is a built-in macro and cannot be a variable`, { name });
    }
    const valueColumn = column + text.length - match[2].length;
    const value = parseTemplate(context, match[2].trimEnd(), valueColumn);
    const definition: VariableDefinition = { name, value, line: context.line, column };
    (this.section?.variables ?? this.variables).push(definition);
  }

  private startSection(context: LineContext, name: string, column: number): void {
    this.finishSection();
    this.actions = undefined;
    if (name === '') {
      this.errors.push(fail(context, column + 3, 'section-name-missing', "expected a section name after '###'", {}));
    }
    this.section = { name, line: context.line, variables: [], blocks: [{ steps: [] }], names: new Set(), rules: undefined };
  }

  private finishSection(): void {
    const section = this.section;
    if (section === undefined) {
      return;
    }
    this.section = undefined;
    for (const block of section.blocks.slice(1).reverse()) {
      const repeat = block.repeat;
      if (repeat !== undefined) {
        this.errors.push(fail({ file: this.file, line: repeat.line }, repeat.column, 'repeat-unclosed', `expected 'end' to close this 'repeat' before the section ends`, {}));
      }
    }
    const steps = section.blocks[0].steps;
    const mockServer = steps.length > 0 && steps.every((step) => step.kind === 'listen');
    this.sections.push({ name: section.name, line: section.line, column: 1, variables: section.variables, steps, mockServer });
  }
}

/** Splits on LF or CRLF and drops a UTF-8 byte order mark. */
function splitLines(text: string): string[] {
  return (text.startsWith('\ufeff') ? text.slice(1) : text).split(/\r?\n/);
}

export function parseWire(text: string, options: ParseOptions = {}): ParseResult {
  const file = options.file ?? 'input.wire';
  try {
    const parser = new Parser(file, splitLines(String(text)));
    parser.run();
    if (parser.errors.length > 0) {
      return { ok: false, errors: parser.errors };
    }
    return { ok: true, file: { file, variables: parser.variables, sections: parser.sections } };
  } catch (error) {
    return { ok: false, errors: [isWireError(error) ? error : parseError(file, 1, 1, 'internal', `internal parser error: ${String(error)}`)] };
  }
}

export type RulesParseResult =
  | { readonly ok: true; readonly rules: readonly Rule[]; readonly variables: readonly VariableDefinition[] }
  | { readonly ok: false; readonly errors: readonly WireError[] };

/**
 * Parses rules on their own (`on …` lines with indented actions, and `@name = value` lines), for a
 * listener outside any wire file: the editor's auto-reply uses this with attachRules().
 */
export function parseRules(text: string, options: ParseOptions = {}): RulesParseResult {
  const file = options.file ?? 'rules.wire';
  try {
    const parser = new Parser(file, splitLines(String(text)));
    const rules = parser.beginRules();
    parser.run();
    const section = parser.sections[0];
    if (parser.errors.length === 0 && (parser.sections.length > 1 || section.steps.length > 0)) {
      const line = parser.sections.length > 1 ? parser.sections[1].line : section.steps[0].line;
      parser.errors.push(parseError(file, line, 1, 'unknown-directive', "expected only 'on' rules, their indented actions and '@name = value' lines", { variant: 'rules-only' }));
    }
    if (parser.errors.length > 0) {
      return { ok: false, errors: parser.errors };
    }
    return { ok: true, rules, variables: [...parser.variables, ...section.variables] };
  } catch (error) {
    return { ok: false, errors: [isWireError(error) ? error : parseError(file, 1, 1, 'internal', `internal parser error: ${String(error)}`)] };
  }
}

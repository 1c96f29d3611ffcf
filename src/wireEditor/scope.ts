/**
 * Which `{{names}}` a line of a wire file can use, and where each comes from: the
 * `socketWorkbench.wire.variables` setting, the file's and the section's `@name = value`, the named
 * groups of earlier regex expects (or of the rule's own regex), and the address variables of the
 * sockets opened `as NAME` before the line. Completion, hover and diagnostics all ask here.
 */
import { BUILT_IN_MACROS, type Matcher, type Payload, type Rule, type Section, type Step, type Template, type Trigger, type WireFile } from '../wire';

export type VariableSource =
  | { readonly kind: 'setting'; readonly value: string }
  | { readonly kind: 'file'; readonly value: string; readonly line: number }
  | { readonly kind: 'section'; readonly value: string; readonly line: number }
  | { readonly kind: 'capture'; readonly line: number }
  | { readonly kind: 'socket'; readonly socket: string; readonly line: number };

/** A `{{…}}` written in the file, at its 1-based line and column. */
export interface MacroUse {
  readonly name: string;
  readonly line: number;
  readonly column: number;
  /** The names visible there. */
  readonly scope: ReadonlyMap<string, VariableSource>;
}

const NAMED_GROUP = /\(\?<([A-Za-z_$][\w$]*)>/g;

function captureNames(matcher: Matcher | Trigger): string[] {
  return matcher.kind === 'regex' ? [...matcher.source.matchAll(NAMED_GROUP)].map((match) => match[1]) : [];
}

function payloadTemplates(payload: Payload): Template[] {
  return [payload.template];
}

function matcherTemplates(matcher: Matcher | Trigger): Template[] {
  return matcher.kind === 'contains' || matcher.kind === 'exactly' ? payloadTemplates(matcher.payload) : [];
}

function variableNames(template: Template): { name: string; column: number }[] {
  return template.parts.flatMap((part) => (part.kind === 'macro' && part.macro.kind === 'variable' ? [{ name: part.macro.name, column: part.column }] : []));
}

class ScopeWalker {
  readonly uses: MacroUse[] = [];
  private readonly names = new Map<string, VariableSource>();

  constructor(base: ReadonlyMap<string, VariableSource>) {
    for (const [name, source] of base) {
      this.names.set(name, source);
    }
  }

  snapshot(): ReadonlyMap<string, VariableSource> {
    return new Map(this.names);
  }

  use(template: Template, line: number, scope: ReadonlyMap<string, VariableSource> = this.names): void {
    for (const { name, column } of variableNames(template)) {
      this.uses.push({ name, line, column, scope: scope === this.names ? this.snapshot() : scope });
    }
  }

  define(name: string, source: VariableSource): void {
    this.names.set(name, source);
  }

  steps(steps: readonly Step[]): void {
    for (const step of steps) {
      this.step(step);
    }
  }

  private step(step: Step): void {
    switch (step.kind) {
      case 'open':
      case 'listen':
        this.use(step.spec, step.line);
        if (step.name !== undefined) {
          for (const suffix of ['address', 'port', 'host', 'path']) {
            this.define(`${step.name}.${suffix}`, { kind: 'socket', socket: step.name, line: step.line });
          }
        }
        if (step.kind === 'listen') {
          for (const rule of step.rules) {
            this.rule(rule);
          }
        }
        return;
      case 'send':
        for (const template of payloadTemplates(step.payload)) {
          this.use(template, step.line);
        }
        if (step.to !== undefined) {
          this.use(step.to, step.line);
        }
        return;
      case 'expect':
        for (const template of matcherTemplates(step.matcher)) {
          this.use(template, step.line);
        }
        for (const name of captureNames(step.matcher)) {
          this.define(name, { kind: 'capture', line: step.line });
        }
        return;
      case 'repeat':
        this.steps(step.steps);
        return;
      default:
        return;
    }
  }

  /** A rule's captures are visible to its own actions only. */
  private rule(rule: Rule): void {
    for (const template of matcherTemplates(rule.trigger)) {
      this.use(template, rule.line);
    }
    const inRule = new Map(this.names);
    for (const name of captureNames(rule.trigger)) {
      inRule.set(name, { kind: 'capture', line: rule.line });
    }
    for (const action of rule.actions) {
      if (action.kind === 'reply') {
        for (const template of payloadTemplates(action.payload)) {
          this.use(template, action.line, inRule);
        }
      }
    }
  }
}

function fileScope(file: WireFile, settings: Readonly<Record<string, string>>): Map<string, VariableSource> {
  const names = new Map<string, VariableSource>();
  for (const [name, value] of Object.entries(settings)) {
    names.set(name, { kind: 'setting', value });
  }
  for (const definition of file.variables) {
    names.set(definition.name, { kind: 'file', value: definition.value.source, line: definition.line });
  }
  return names;
}

function walkSection(file: WireFile, section: Section, settings: Readonly<Record<string, string>>): ScopeWalker {
  const walker = new ScopeWalker(fileScope(file, settings));
  for (const definition of section.variables) {
    walker.define(definition.name, { kind: 'section', value: definition.value.source, line: definition.line });
  }
  walker.steps(section.steps);
  return walker;
}

/** Every `{{variable}}` of the file with the names visible where it is written. */
export function macroUses(file: WireFile, settings: Readonly<Record<string, string>>): MacroUse[] {
  const top = new ScopeWalker(fileScope(file, settings));
  for (const definition of file.variables) {
    top.use(definition.value, definition.line);
  }
  return [...top.uses, ...file.sections.flatMap((section) => {
    const walker = walkSection(file, section, settings);
    for (const definition of section.variables) {
      walker.use(definition.value, definition.line);
    }
    return walker.uses;
  })];
}

/**
 * The names visible at a 1-based line: everything the section defines up to that line (section
 * variables count from the start, as the runner defines them first).
 */
export function scopeAt(file: WireFile, line: number, settings: Readonly<Record<string, string>>): ReadonlyMap<string, VariableSource> {
  const section = [...file.sections].reverse().find((candidate) => candidate.line <= line);
  if (section === undefined) {
    return fileScope(file, settings);
  }
  const walker = walkSection(file, section, settings);
  const names = new Map(walker.snapshot());
  for (const [name, source] of names) {
    if ((source.kind === 'capture' || source.kind === 'socket') && source.line >= line) {
      names.delete(name);
    }
  }
  return names;
}

/** Names that are macros, not variables: never "unknown". */
export function isBuiltIn(name: string): boolean {
  return BUILT_IN_MACROS.includes(name) || name.startsWith('env:') || name.startsWith('random_hex');
}

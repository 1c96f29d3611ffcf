/**
 * A listener's auto-reply rules under the composer: one row per rule (enabled, matcher and its
 * bytes, reply, delay, close after, hit count), reorder and remove, Add Rule and Edit as Wire File.
 * Every edit sends the whole list (typing is debounced); the host validates each rule with the
 * runner's parser and answers with the problems, which show under their rule.
 */
import { LIMITS, RULE_FORMS, RULE_MATCHERS, type AutoReplyRule, type PanelStrings, type RuleForm, type RuleMatcher, type RulesMessage, type StringKey } from '../shared/protocol';
import { ruleToWire } from '../shared/ruleText';
import { button, element, option, replaceChildren } from './dom';
import { format } from './format';
import { post } from './hostChannel';
import type { StateStore } from './state';

const TYPING_MS = 300;
const NEW_RULE: AutoReplyRule = { enabled: true, matcher: 'contains', form: 'text', pattern: '', replyForm: 'text', reply: '', delayMs: 0, close: false };
const MATCHER_KEYS: Readonly<Record<RuleMatcher, StringKey>> = { contains: 'matcherContains', exactly: 'matcherExactly', regex: 'matcherRegex', any: 'matcherAny', wire: 'matcherWire' };
const FORM_KEYS: Readonly<Record<RuleForm, StringKey>> = { text: 'formText', hex: 'formHex' };

interface RowParts {
  readonly hits: HTMLElement;
  readonly problem: HTMLElement;
  readonly inputs: readonly HTMLElement[];
}

export class RulesSection {
  readonly element: HTMLDetailsElement;
  private readonly list: HTMLElement;
  private readonly count: HTMLElement;
  private rules: AutoReplyRule[] = [];
  private hits: number[] = [];
  private problems: (string | null)[] = [];
  private rows: RowParts[] = [];
  private timer: number | undefined;

  constructor(private readonly strings: PanelStrings, store: StateStore) {
    this.count = element('span', { className: 'rules-count' });
    this.list = element('div', { className: 'rules-list', attributes: { role: 'list' } });
    const add = button(strings.ruleAdd, { icon: 'add', className: 'secondary' });
    add.id = 'rule-add';
    add.addEventListener('click', () => {
      this.rules.push({ ...NEW_RULE });
      this.render(this.rules.length - 1, 'pattern');
      this.sendNow();
    });
    const wire = button(strings.rulesEditAsWire, { icon: 'go-to-file', className: 'secondary' });
    wire.id = 'rules-edit-wire';
    wire.addEventListener('click', () => post({ type: 'editRulesAsWire' }));
    const summary = element('summary', { className: 'rules-summary' }, element('span', { text: strings.rules }), this.count);
    this.element = element(
      'details',
      { id: 'rules', className: 'rules' },
      summary,
      element('p', { className: 'rules-hint', text: strings.rulesHint }),
      this.list,
      element('div', { className: 'rules-actions' }, add, wire),
    );
    this.element.open = store.state.rulesOpen === true;
    this.element.hidden = true;
    this.element.addEventListener('toggle', () => store.update({ rulesOpen: this.element.open }));
  }

  apply(message: RulesMessage): void {
    this.element.hidden = !message.available;
    this.hits = [...message.hits];
    this.problems = [...message.problems];
    if (message.replace) {
      this.rules = message.rules.map((rule) => ({ ...rule }));
      this.render();
    } else {
      this.refreshStatus();
    }
  }

  setHits(hits: readonly number[]): void {
    this.hits = [...hits];
    this.refreshStatus();
  }

  private refreshStatus(): void {
    this.rows.forEach((row, index) => {
      const hits = this.hits[index] ?? 0;
      row.hits.textContent = hits === 1 ? this.strings.ruleHitsOne : format(this.strings.ruleHits, hits);
      const problem = this.problems[index] ?? null;
      row.problem.textContent = problem ?? '';
      for (const input of row.inputs) {
        input.setAttribute('aria-invalid', problem === null ? 'false' : 'true');
      }
    });
    this.count.textContent = this.rules.length === 0 ? '' : `(${this.rules.length})`;
  }

  /** Builds the rows; `focus` puts the caret back where a structural edit (add, move, matcher) left it. */
  private render(focusIndex?: number, focusPart?: string): void {
    this.rows = [];
    if (this.rules.length === 0) {
      replaceChildren(this.list, element('p', { className: 'rules-empty', text: this.strings.rulesEmpty }));
    } else {
      replaceChildren(this.list, ...this.rules.map((rule, index) => this.row(rule, index)));
    }
    this.refreshStatus();
    if (focusIndex !== undefined && focusPart !== undefined) {
      this.list.querySelector<HTMLElement>(`#rule-${focusIndex}-${focusPart}`)?.focus();
    }
  }

  private row(rule: AutoReplyRule, index: number): HTMLElement {
    const id = (part: string): string => `rule-${index}-${part}`;
    const edit = (patch: Partial<AutoReplyRule>, structural?: string): void => {
      this.rules[index] = { ...this.rules[index], ...patch };
      if (structural !== undefined) {
        this.render(index, structural);
        this.sendNow();
      } else {
        this.sendSoon();
      }
    };
    const enabled = element('input', { id: id('enabled'), attributes: { type: 'checkbox', 'aria-label': this.strings.ruleEnabled } });
    enabled.checked = rule.enabled;
    enabled.addEventListener('change', () => edit({ enabled: enabled.checked }, 'enabled'));
    const matcher = this.select(id('matcher'), this.strings.ruleMatcher, RULE_MATCHERS.map((value) => [value, this.strings[MATCHER_KEYS[value]]]), rule.matcher);
    matcher.addEventListener('change', () => {
      const next = matcher.value as RuleMatcher;
      // Switching to wire text starts from what the form said, so nothing typed is lost.
      edit(next === 'wire' ? { matcher: next, pattern: ruleToWire(this.rules[index]) } : next === 'any' || this.rules[index].matcher === 'wire' ? { matcher: next, pattern: '' } : { matcher: next }, 'matcher');
    });
    const hits = element('span', { className: 'rule-hits', attributes: { 'aria-live': 'off' } });
    const up = this.action(id('up'), this.strings.ruleUp, 'arrow-up', index === 0, () => this.move(index, -1));
    const down = this.action(id('down'), this.strings.ruleDown, 'arrow-down', index === this.rules.length - 1, () => this.move(index, 1));
    const remove = this.action(id('remove'), this.strings.ruleRemove, 'trash', false, () => {
      this.rules.splice(index, 1);
      this.hits.splice(index, 1);
      this.problems.splice(index, 1);
      this.render(Math.min(index, this.rules.length - 1), 'remove');
      this.sendNow();
    });
    const problem = element('div', { className: 'field-error rule-problem', id: id('problem'), attributes: { role: 'status' } });
    const head = element('div', { className: 'rule-line' }, enabled, matcher);
    const inputs: HTMLElement[] = [];
    const body: HTMLElement[] = [];
    if (rule.matcher === 'wire') {
      const text = element('textarea', { id: id('pattern'), className: 'payload-input rule-wire', attributes: { rows: 3, spellcheck: 'false', 'aria-label': this.strings.matcherWire, maxlength: LIMITS.maxRuleChars, 'aria-describedby': id('problem') } });
      text.value = rule.pattern;
      text.addEventListener('input', () => edit({ pattern: text.value }));
      inputs.push(text);
      body.push(text);
    } else {
      if (rule.matcher === 'contains' || rule.matcher === 'exactly') {
        const form = this.select(id('form'), this.strings.ruleMatcher, RULE_FORMS.map((value) => [value, this.strings[FORM_KEYS[value]]]), rule.form);
        form.addEventListener('change', () => edit({ form: form.value as RuleForm }));
        head.append(form);
      }
      if (rule.matcher !== 'any') {
        const pattern = this.input(id('pattern'), this.strings.rulePattern, rule.pattern, (value) => edit({ pattern: value }));
        inputs.push(pattern);
        head.append(pattern);
      }
      const replyForm = this.select(id('replyForm'), this.strings.ruleReply, RULE_FORMS.map((value) => [value, this.strings[FORM_KEYS[value]]]), rule.replyForm);
      replyForm.addEventListener('change', () => edit({ replyForm: replyForm.value as RuleForm }));
      const reply = this.input(id('reply'), this.strings.ruleReply, rule.reply, (value) => edit({ reply: value }));
      inputs.push(reply);
      const delay = element('input', { id: id('delay'), className: 'input number', attributes: { type: 'number', min: 0, max: LIMITS.maxRuleDelayMs, step: 1, value: rule.delayMs, 'aria-label': this.strings.ruleDelay, title: this.strings.ruleDelay } });
      delay.addEventListener('input', () => {
        const value = Math.floor(Number(delay.value));
        edit({ delayMs: Number.isFinite(value) ? Math.min(Math.max(0, value), LIMITS.maxRuleDelayMs) : 0 });
      });
      const close = element('input', { id: id('close'), attributes: { type: 'checkbox' } });
      close.checked = rule.close;
      close.addEventListener('change', () => edit({ close: close.checked }));
      body.push(element('div', { className: 'rule-line' },
        element('label', { className: 'inline-label', text: this.strings.ruleReply, attributes: { for: id('reply') } }), replyForm, reply,
        element('label', { className: 'inline-label', text: this.strings.ruleDelay, attributes: { for: id('delay') } }), delay,
        element('label', { className: 'checkbox-label', attributes: { for: id('close') } }, close, this.strings.ruleClose)));
    }
    head.append(hits, up, down, remove);
    this.rows.push({ hits, problem, inputs });
    return element('div', { className: `rule${rule.enabled ? '' : ' disabled'}`, attributes: { role: 'listitem', 'aria-label': format(this.strings.ruleLabel, index + 1) } }, head, ...body, problem);
  }

  private move(index: number, by: number): void {
    const target = index + by;
    for (const list of [this.rules, this.hits, this.problems] as unknown[][]) {
      [list[index], list[target]] = [list[target], list[index]];
    }
    this.render(target, by < 0 ? (target === 0 ? 'down' : 'up') : target === this.rules.length - 1 ? 'up' : 'down');
    this.sendNow();
  }

  private select(id: string, label: string, values: readonly (readonly [string, string])[], selected: string): HTMLSelectElement {
    return element('select', { id, className: 'select', attributes: { 'aria-label': label } }, ...values.map(([value, text]) => option(value, text, value === selected)));
  }

  private input(id: string, label: string, value: string, changed: (value: string) => void): HTMLInputElement {
    const node = element('input', { id, className: 'input grow', attributes: { type: 'text', spellcheck: 'false', 'aria-label': label, placeholder: label, maxlength: LIMITS.maxRuleChars, 'aria-describedby': id.replace(/-[a-zA-Z]+$/, '-problem') } });
    node.value = value;
    node.addEventListener('input', () => changed(node.value));
    return node;
  }

  private action(id: string, label: string, iconName: string, disabled: boolean, run: () => void): HTMLButtonElement {
    const node = button(label, { icon: iconName, iconOnly: true });
    node.id = id;
    node.disabled = disabled;
    node.addEventListener('click', run);
    return node;
  }

  private sendSoon(): void {
    window.clearTimeout(this.timer);
    this.timer = window.setTimeout(() => this.sendNow(), TYPING_MS);
  }

  private sendNow(): void {
    window.clearTimeout(this.timer);
    this.timer = undefined;
    post({ type: 'setRules', rules: this.rules.map((rule) => ({ ...rule })) });
  }
}

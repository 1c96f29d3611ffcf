/**
 * A tiny element builder: the webview's DOM is made with createElement and textContent only, so
 * nothing from the network or the user is ever parsed as HTML, and no inline style or handler
 * attribute is written (the CSP would block them). Styles that change at run time go through CSSOM.
 */
export type Child = Node | string | undefined | false;

export interface ElementOptions {
  readonly className?: string;
  readonly id?: string;
  readonly text?: string;
  readonly title?: string;
  /** Attributes such as aria-label, role, type, for; boolean true writes an empty attribute. */
  readonly attributes?: Readonly<Record<string, string | number | boolean | undefined>>;
}

export function element<K extends keyof HTMLElementTagNameMap>(tag: K, options: ElementOptions = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (options.className !== undefined) {
    node.className = options.className;
  }
  if (options.id !== undefined) {
    node.id = options.id;
  }
  if (options.text !== undefined) {
    node.textContent = options.text;
  }
  if (options.title !== undefined) {
    node.title = options.title;
  }
  for (const [name, value] of Object.entries(options.attributes ?? {})) {
    if (value === true) {
      node.setAttribute(name, '');
    } else if (value !== undefined && value !== false) {
      node.setAttribute(name, String(value));
    }
  }
  append(node, ...children);
  return node;
}

export function append(parent: Node, ...children: Child[]): void {
  for (const child of children) {
    if (child === undefined || child === false) {
      continue;
    }
    parent.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
  }
}

/** A codicon glyph, hidden from screen readers (the control around it carries the label). */
export function icon(name: string, extraClass = ''): HTMLSpanElement {
  return element('span', { className: `codicon codicon-${name}${extraClass === '' ? '' : ` ${extraClass}`}`, attributes: { 'aria-hidden': 'true' } });
}

/** A button with an optional codicon and a text label, or an icon-only button with an aria-label. */
export function button(label: string, options: { readonly icon?: string; readonly iconOnly?: boolean; readonly className?: string; readonly title?: string } = {}): HTMLButtonElement {
  const classes = ['button', options.iconOnly === true ? 'icon-button' : '', options.className ?? ''].filter(Boolean).join(' ');
  const node = element('button', { className: classes, title: options.title ?? (options.iconOnly === true ? label : undefined), attributes: { type: 'button', 'aria-label': options.iconOnly === true ? label : undefined } });
  if (options.icon !== undefined) {
    node.appendChild(icon(options.icon));
  }
  if (options.iconOnly !== true) {
    node.appendChild(element('span', { text: label }));
  }
  return node;
}

/** A two-state toolbar toggle (aria-pressed). */
export function toggle(label: string, iconName: string, pressed: boolean, withText = false): HTMLButtonElement {
  const node = button(label, { icon: iconName, iconOnly: !withText, className: 'toggle' });
  setPressed(node, pressed);
  return node;
}

export function setPressed(node: HTMLElement, pressed: boolean): void {
  node.setAttribute('aria-pressed', pressed ? 'true' : 'false');
  node.classList.toggle('pressed', pressed);
}

export function option(value: string, label: string, selected = false): HTMLOptionElement {
  const node = element('option', { text: label, attributes: { value } });
  node.selected = selected;
  return node;
}

export function replaceChildren(parent: Element, ...children: Child[]): void {
  parent.textContent = '';
  append(parent, ...children);
}

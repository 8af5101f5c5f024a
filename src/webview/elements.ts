import { stripBidiControls } from '../core/text/bidiControls';

export type Child = Node | string | undefined | null | false;

export interface ElementProps {
  className?: string;
  testId?: string;
  /** Attributes set with setAttribute (values are plain text, never markup). */
  attrs?: Record<string, string>;
}

/**
 * Builds an element with createElement / textContent only: strings become text nodes (with bidi controls
 * removed), never markup, so server text cannot inject HTML.
 */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, props: ElementProps = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (props.className) element.className = props.className;
  if (props.testId) element.dataset.testid = props.testId;
  for (const [name, value] of Object.entries(props.attrs ?? {})) element.setAttribute(name, value);
  append(element, ...children);
  return element;
}

export function append(parent: Node, ...children: Child[]): void {
  for (const child of children) {
    if (child === undefined || child === null || child === false) continue;
    parent.appendChild(typeof child === 'string' ? document.createTextNode(stripBidiControls(child)) : child);
  }
}

/** Replaces all children of `parent`. */
export function replaceChildren(parent: Element, ...children: Child[]): void {
  parent.replaceChildren();
  append(parent, ...children);
}

export function setText(element: Element, text: string): void {
  element.textContent = stripBidiControls(text);
}

export function button(label: string, testId: string, onClick: () => void, className = 'button'): HTMLButtonElement {
  const b = h('button', { className, testId, attrs: { type: 'button' } }, label);
  b.addEventListener('click', onClick);
  return b;
}

/**
 * A tiny element builder. Text always goes in as text nodes (never innerHTML), so nothing the
 * extension posts — file names, finding messages — can inject markup.
 */

type Child = Node | string | null | undefined | false;
type Attributes = Record<string, string | number | boolean | undefined>;

function append(parent: Node, children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) {
      continue;
    }
    parent.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
  }
}

function setAttributes(element: Element, attributes: Attributes): void {
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) {
      continue;
    }
    element.setAttribute(name, value === true ? '' : String(value));
  }
}

export function h(tag: string, attributes: Attributes = {}, ...children: Child[]): HTMLElement {
  const element = document.createElement(tag);
  setAttributes(element, attributes);
  append(element, children);
  return element;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

export function svg(tag: string, attributes: Attributes = {}, ...children: Child[]): SVGElement {
  const element = document.createElementNS(SVG_NS, tag);
  setAttributes(element, attributes);
  append(element, children);
  return element;
}

/**
 * A bar's length. Set through the CSSOM: the Content-Security-Policy forbids inline style
 * attributes, not style properties set from the (nonce-approved) script.
 */
export function withWidth<T extends HTMLElement>(element: T, percent: number): T {
  element.style.width = `${Math.max(0, Math.min(100, percent))}%`;
  return element;
}

export function positioned<T extends HTMLElement>(element: T, side: 'left' | 'top', percent: number): T {
  element.style[side] = `${percent}%`;
  return element;
}

/** Visually hidden but read by screen readers. */
export function srOnly(text: string): HTMLElement {
  return h('span', { class: 'sr-only' }, text);
}

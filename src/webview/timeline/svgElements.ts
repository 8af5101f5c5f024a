import { stripBidiControls } from '../../core/text/bidiControls';

const SVG_NS = 'http://www.w3.org/2000/svg';

/** An SVG element with attributes set as plain values (never markup). */
export function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number> = {}, ...children: Array<SVGElement | undefined>): SVGElementTagNameMap[K] {
  const element = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attrs)) element.setAttribute(name, String(value));
  for (const child of children) if (child) element.appendChild(child);
  return element;
}

/** A <text> whose content is set with textContent: server names stay text, with bidi controls removed. */
export function svgText(text: string, attrs: Record<string, string | number>): SVGTextElement {
  const element = svg('text', attrs);
  element.textContent = stripBidiControls(text);
  return element;
}

/** Minimal streaming XML writer: escapes every attribute and text value, indents with 4 spaces like EM. */
export function escapeXml(value: string): string {
  return NEEDS_ESCAPE.test(value) ? value.replace(/[&<>"']/g, (c) => XML_ENTITIES[c]) : value;
}

const NEEDS_ESCAPE = /[&<>"']/;

const XML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

const INDENTS = Array.from({ length: 12 }, (_, i) => '    '.repeat(i));

export type XmlAttributes = ReadonlyArray<readonly [string, string | undefined]>;

export class XmlWriter {
  private readonly parts: string[] = ['<?xml version="1.0" encoding="utf-8"?>\n'];
  private depth = 0;

  open(name: string, attributes: XmlAttributes = []): this {
    this.parts.push(`${this.indent()}<${name}${attrs(attributes)}>\n`);
    this.depth++;
    return this;
  }

  close(name: string): this {
    this.depth--;
    this.parts.push(`${this.indent()}</${name}>\n`);
    return this;
  }

  /** `<Name a="…" />` */
  empty(name: string, attributes: XmlAttributes = []): this {
    this.parts.push(`${this.indent()}<${name}${attrs(attributes)} />\n`);
    return this;
  }

  /** `<Name>text</Name>`, or `<Name />` for an empty string. */
  text(name: string, value: string): this {
    this.parts.push(value === '' ? `${this.indent()}<${name} />\n` : `${this.indent()}<${name}>${escapeXml(value)}</${name}>\n`);
    return this;
  }

  toString(): string {
    return this.parts.join('');
  }

  private indent(): string {
    return INDENTS[this.depth] ?? '    '.repeat(this.depth);
  }
}

function attrs(attributes: XmlAttributes): string {
  let out = '';
  for (const [name, value] of attributes) {
    if (value !== undefined) out += ` ${name}="${escapeXml(value)}"`;
  }
  return out;
}

import type { BodyFormat } from '../core/model/restoreSession';

/** Bodies larger than this are shown as received: indenting them would stall the page for little gain. */
export const MAX_PRETTY_LENGTH = 4 * 1024 * 1024;

const INDENT = '  ';

/**
 * The body indented for reading. Never throws: a body that cannot be indented safely (malformed, too large)
 * comes back unchanged, since the original text is always the fallback.
 */
export function prettyBody(text: string, format: BodyFormat): string {
  if (text.length > MAX_PRETTY_LENGTH) return text;
  return format === 'json' ? prettyJson(text) : prettyXml(text);
}

export function prettyJson(text: string): string {
  try {
    return JSON.stringify(JSON.parse(stripBom(text)), null, 2);
  } catch {
    return text;
  }
}

// One token per alternative: comment, CDATA, processing instruction, declaration, closing tag, any other tag
// (attribute values may contain `>`), text.
const XML_TOKEN =
  /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<\?[\s\S]*?\?>|<![^>]*>|<\/[^>]*>|<[^>"']*(?:(?:"[^"]*"|'[^']*')[^>"']*)*>|[^<]+/g;

type XmlTokenKind = 'open' | 'close' | 'selfClosing' | 'text' | 'other';

function tokenKind(token: string): XmlTokenKind {
  // CDATA is character data: it stays inline like text.
  if (!token.startsWith('<') || token.startsWith('<![CDATA[')) return 'text';
  if (token.startsWith('</')) return 'close';
  if (token.startsWith('<!') || token.startsWith('<?')) return 'other';
  return token.endsWith('/>') ? 'selfClosing' : 'open';
}

/**
 * A small lexical indenter (no entity expansion, no DTD, no parser state to attack): one element per line,
 * elements holding only text stay on one line. Whitespace-only text between tags is dropped; all other
 * characters are kept. Returns the input unchanged when the tokens do not cover it or the tags do not nest.
 */
export function prettyXml(text: string): string {
  const body = stripBom(text);
  const tokens = body.match(XML_TOKEN) ?? [];
  if (tokens.join('').length !== body.length) return text;

  const lines: string[] = [];
  let depth = 0;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    const kind = tokenKind(token);
    const pad = INDENT.repeat(depth);
    switch (kind) {
      case 'open': {
        const next = tokens[i + 1];
        const after = tokens[i + 2];
        if (next !== undefined && tokenKind(next) === 'close') {
          lines.push(pad + token + next);
          i += 1;
        } else if (next !== undefined && after !== undefined && tokenKind(next) === 'text' && tokenKind(after) === 'close') {
          lines.push(pad + token + next + after);
          i += 2;
        } else {
          lines.push(pad + token);
          depth += 1;
        }
        break;
      }
      case 'close':
        depth -= 1;
        if (depth < 0) return text;
        lines.push(INDENT.repeat(depth) + token);
        break;
      case 'text':
        if (token.trim() !== '') lines.push(pad + token.trim());
        break;
      default:
        lines.push(pad + token);
    }
  }
  return depth === 0 ? lines.join('\n') : text;
}

function stripBom(text: string): string {
  return text.startsWith('\uFEFF') ? text.slice(1) : text;
}

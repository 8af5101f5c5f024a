import { VeeamError } from '../errors';
import type { BodyFormat, RawBody } from '../model/restoreSession';

const BOM = '\uFEFF';

/** The text a parser should read: real EM servers may prefix a UTF-8 BOM (the raw body keeps it). */
export function bodyTextForParsing(text: string): string {
  return text.startsWith(BOM) ? text.slice(1) : text;
}

/**
 * Decides whether a response body is Veeam XML or JSON. Content types lie (proxies, misconfigured
 * hosts), so the body's first character is checked too; HTML pages are refused with a hint, since they
 * usually mean the URL points at a web console or a reverse proxy instead of the REST API port.
 */
export function toRawBody(text: string, contentType: string | undefined): RawBody {
  const type = (contentType ?? '').toLowerCase();
  const body = bodyTextForParsing(text);
  const first = firstSignificantChar(body);
  if (first === undefined) {
    throw new VeeamError('malformedResponse', 'The server sent an empty response where Veeam data was expected.', {
      detail: `content-type=${contentType ?? '(none)'}`,
    });
  }
  if (type.includes('html') || looksLikeHtml(body)) {
    throw new VeeamError(
      'malformedResponse',
      'The server answered with an HTML page instead of Veeam data. Check that the URL points at the REST API (Enterprise Manager port 9398, Microsoft 365 port 4443), not a web console or proxy.',
      { detail: `content-type=${contentType ?? '(none)'}; starts with ${JSON.stringify(body.slice(0, 80))}` },
    );
  }
  const format = detectFormat(type, first);
  if (!format) {
    throw new VeeamError('malformedResponse', `The server sent a response that is neither XML nor JSON (content type "${contentType ?? 'none'}").`, {
      detail: `starts with ${JSON.stringify(body.slice(0, 80))}`,
    });
  }
  return { text, contentType: contentType ?? (format === 'xml' ? 'application/xml' : 'application/json'), format };
}

function detectFormat(type: string, first: string): BodyFormat | undefined {
  // Trust the body over the header when they disagree: the body is what we must parse.
  if (first === '<') return 'xml';
  if (first === '{' || first === '[') return 'json';
  if (type.includes('json')) return 'json';
  if (type.includes('xml')) return 'xml';
  return undefined;
}

function firstSignificantChar(text: string): string | undefined {
  const m = /\S/.exec(text.length > 4096 ? text.slice(0, 4096) : text);
  return m?.[0];
}

function looksLikeHtml(body: string): boolean {
  const head = body.slice(0, 512).trimStart().toLowerCase();
  return head.startsWith('<!doctype html') || head.startsWith('<html') || (head.startsWith('<') && /<(head|body)[\s>]/.test(head.slice(0, 200)));
}

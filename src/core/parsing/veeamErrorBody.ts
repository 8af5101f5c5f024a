import { VeeamError } from '../errors';
import { CaseInsensitiveFields, isPlainRecord } from './caseInsensitiveFields';
import { bodyTextForParsing } from './rawBody';
import { parseXmlDocument } from './xmlDocument';

const MAX_MESSAGE = 500;

/**
 * The server's own message from an error body: EM `Error` (XML attribute or JSON `Message`), VB365
 * RESTExceptionInfo (`message`) or an OAuth error (`error_description` / `error`). Never throws.
 */
export function readVeeamErrorMessage(text: string, contentType: string | undefined): string | undefined {
  const body = bodyTextForParsing(text).trim();
  if (!body || body.length > 1_000_000) return undefined;
  try {
    if (body.startsWith('{')) {
      const parsed: unknown = JSON.parse(body);
      return isPlainRecord(parsed) ? messageFromFields(new CaseInsensitiveFields(parsed)) : undefined;
    }
    if (body.startsWith('<') && !(contentType ?? '').toLowerCase().includes('html')) {
      const doc = parseXmlDocument(body);
      return doc.rootName === 'Error' ? messageFromFields(new CaseInsensitiveFields(doc.root)) : undefined;
    }
  } catch {
    return undefined;
  }
  return undefined;
}

function messageFromFields(f: CaseInsensitiveFields): string | undefined {
  const message = f.string('Message') ?? f.string('error_description') ?? f.string('error');
  return message ? clip(message) : undefined;
}

function clip(message: string): string {
  // Server text ends up in notifications and logs: one line, bounded.
  const oneLine = message.replace(/[\r\n\t]+/g, ' ').trim();
  return oneLine.length > MAX_MESSAGE ? `${oneLine.slice(0, MAX_MESSAGE)}…` : oneLine;
}

/** The typed error for a Veeam error body that arrived where data was expected (e.g. with status 200). */
export function errorFromVeeamErrorBody(fields: CaseInsensitiveFields): VeeamError {
  const message = messageFromFields(fields) ?? 'no message';
  const status = Number(fields.string('StatusCode'));
  return new VeeamError('serverError', `The Veeam server reported an error: ${message}`, {
    veeamMessage: message,
    status: Number.isFinite(status) && status > 0 ? status : undefined,
    detail: 'error body in place of data',
  });
}

/** Well-formed Veeam bodies for the scripted servers, built from a few fields (shared/veeam-api.md A.6, B.5). */

export const SESSION_ID = '5b0c5a3e-7d1c-4e5b-9a41-0c3c7f2b9d10';
const EM_NS = 'http://www.veeam.com/ent/v1.0';

export interface EntityFields {
  id?: string;
  name?: string;
  state?: string;
  result?: string;
  progress?: string;
  created?: string;
}

export function enterpriseManagerEntityXml(fields: EntityFields = {}): string {
  const id = fields.id ?? SESSION_ID;
  return (
    '<?xml version="1.0" encoding="utf-8"?>' +
    `<RestoreSession xmlns="${EM_NS}" Href="https://localhost:9398/api/restoreSessions/${id}?format=Entity" Type="RestoreSession" ` +
    `Name="${fields.name ?? 'vm01@2026-05-01 10:00:00'}" UID="urn:veeam:RestoreSession:${id}" VmDisplayName="vm01">` +
    `<Links><Link Href="https://localhost:9398/api/restoreSessions/${id}" Type="RestoreSessionReference" Rel="Alternate"/></Links>` +
    `<JobType>RestoreVm</JobType><CreationTimeUTC>${fields.created ?? '2026-05-01T10:00:00Z'}</CreationTimeUTC>` +
    `<State>${fields.state ?? 'Working'}</State><Result>${fields.result ?? 'None'}</Result><Progress>${fields.progress ?? '42'}</Progress></RestoreSession>`
  );
}

export function enterpriseManagerEntityJson(fields: EntityFields = {}): string {
  const id = fields.id ?? SESSION_ID;
  return JSON.stringify({
    JobType: 'RestoreVm',
    CreationTimeUTC: fields.created ?? '2026-05-01T10:00:00Z',
    EndTimeUTC: null,
    State: fields.state ?? 'Working',
    Result: fields.result ?? 'None',
    Progress: fields.progress === undefined ? 42 : Number(fields.progress),
    Name: fields.name ?? 'vm01@2026-05-01 10:00:00',
    UID: `urn:veeam:RestoreSession:${id}`,
    VmDisplayName: 'vm01',
    Links: [{ Rel: 'Alternate', Href: `https://localhost:9398/api/restoreSessions/${id}`, Type: 'RestoreSessionReference' }],
    Href: `https://localhost:9398/api/restoreSessions/${id}?format=Entity`,
    Type: 'RestoreSession',
  });
}

/** A query page (A.6.3) of entities, with an optional `Next` link. */
export function enterpriseManagerQueryJson(entities: unknown[], next?: string): string {
  const links = [{ Rel: 'First', Href: 'https://localhost:9398/api/query?type=RestoreSession&page=1' }];
  if (next) links.push({ Rel: 'Next', Href: next });
  return JSON.stringify({ Entities: { RestoreSessions: { RestoreSessions: entities } }, PagingInfo: { Links: links, PageNum: 1, PageSize: entities.length, PagesCount: 1000 } });
}

export function microsoft365Session(fields: EntityFields = {}): Record<string, unknown> {
  return {
    id: fields.id ?? SESSION_ID,
    name: fields.name ?? 'Exchange restore (contoso)',
    organization: 'contoso.onmicrosoft.com',
    type: 'Vex',
    creationTime: fields.created ?? '2026-05-01T10:00:00.1234567Z',
    endTime: null,
    state: fields.state ?? 'Working',
    result: fields.result ?? 'Success',
    _links: { self: { href: `/v8/RestoreSessions/${fields.id ?? SESSION_ID}` } },
  };
}

export function enterpriseManagerErrorXml(message: string, status: number): string {
  return `<?xml version="1.0" encoding="utf-8"?><Error xmlns="${EM_NS}" Message="${message}" StatusCode="${status}"/>`;
}

/** The classic entity-expansion bomb: ten levels of ten references (10^9 "lol"s if expanded). */
export function billionLaughsXml(): string {
  const levels = ['<!ENTITY lol0 "lol">'];
  for (let i = 1; i < 10; i++) levels.push(`<!ENTITY lol${i} "${`&lol${i - 1};`.repeat(10)}">`);
  return `<?xml version="1.0"?><!DOCTYPE RestoreSession [${levels.join('')}]><RestoreSession xmlns="${EM_NS}" UID="urn:veeam:RestoreSession:${SESSION_ID}"><Name>&lol9;</Name></RestoreSession>`;
}

export function externalEntityXml(): string {
  return `<?xml version="1.0"?><!DOCTYPE RestoreSession [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><RestoreSession xmlns="${EM_NS}" UID="urn:veeam:RestoreSession:${SESSION_ID}"><Name>&xxe;</Name></RestoreSession>`;
}

import type { EmDocument, EmEntityView, EmLink, EmPagingView, EmRefView } from './enterpriseManagerViews';

type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
type JsonObject = { [key: string]: JsonValue };

/**
 * EM JSON per the mapping rules of A.4.1: PascalCase keys, own data before inherited members,
 * null for absent optional members. `camelCase` gives the EM 13 style keys.
 */
export function renderEnterpriseManagerJson(doc: EmDocument, camelCase: boolean): string {
  const value = toJson(doc);
  return JSON.stringify(camelCase ? camelize(value) : value);
}

function toJson(doc: EmDocument): JsonObject {
  switch (doc.kind) {
    case 'entity':
      return entity(doc.entity);
    case 'ref':
      return ref(doc.ref);
    case 'refList':
      return { Refs: doc.refs.map(ref) };
    case 'entityList':
      return { [doc.listElement]: doc.entities.map(entity) };
    case 'queryRefs':
      return { Refs: doc.refs.map(ref), PagingInfo: paging(doc.paging) };
    case 'queryEntities':
      return { Entities: { [doc.listElement]: { [doc.listElement]: doc.entities.map(entity) } }, PagingInfo: paging(doc.paging) };
    case 'enterpriseManager':
      return {
        Links: links(doc.links),
        SupportedVersions: { SupportedVersions: doc.versions.map((v) => ({ Name: v.name, Links: links(v.links) })) },
      };
    case 'error':
      return { FirstChanceExceptionMessage: null, Message: doc.message, StackTrace: null, Status: null, StatusCode: doc.status };
  }
}

function entity(e: EmEntityView): JsonObject {
  const out: JsonObject = {};
  for (const [name, value] of e.data) out[name] = value;
  for (const [name, value] of e.extraAttributes) out[name] = value;
  if (e.name !== undefined) out.Name = e.name;
  if (e.uid !== undefined) out.UID = e.uid;
  out.Links = links(e.links);
  out.Href = e.href;
  out.Type = e.type;
  return out;
}

function ref(r: EmRefView): JsonObject {
  return { Links: links(r.links), UID: r.uid, Name: r.name, Href: r.href, Type: r.type };
}

function paging(p: EmPagingView): JsonObject {
  return { Links: links(p.links), PageNum: p.pageNum, PageSize: p.pageSize, PagesCount: p.pagesCount };
}

function links(list: readonly EmLink[]): JsonValue[] {
  return list.map((l) => {
    const out: JsonObject = { Rel: l.rel, Href: l.href };
    if (l.name !== undefined) out.Name = l.name;
    if (l.type !== undefined) out.Type = l.type;
    return out;
  });
}

/** .NET JsonNamingPolicy.CamelCase: lower the leading run of capitals (`UID` → `uid`, `CreationTimeUTC` → `creationTimeUTC`). */
export function camelCaseKey(key: string): string {
  let i = 0;
  while (i < key.length && key[i] >= 'A' && key[i] <= 'Z') {
    if (i > 0 && i + 1 < key.length && key[i + 1] >= 'a' && key[i + 1] <= 'z') break;
    i++;
  }
  return key.slice(0, i).toLowerCase() + key.slice(i);
}

function camelize(value: JsonValue): JsonValue {
  if (Array.isArray(value)) return value.map(camelize);
  if (value === null || typeof value !== 'object') return value;
  const out: JsonObject = {};
  for (const [key, v] of Object.entries(value)) out[camelCaseKey(key)] = camelize(v);
  return out;
}

import type { EmDocument, EmEntityView, EmLink, EmPagingView, EmRefView } from './enterpriseManagerViews';
import { XmlWriter, type XmlAttributes } from './xmlWriter';

const EM_NAMESPACE = 'http://www.veeam.com/ent/v1.0';
/** Newer servers declare xsd/xsi first and the default namespace last (A.3.4). */
const NS_FIRST: XmlAttributes = [
  ['xmlns:xsd', 'http://www.w3.org/2001/XMLSchema'],
  ['xmlns:xsi', 'http://www.w3.org/2001/XMLSchema-instance'],
];
const NS_LAST: XmlAttributes = [['xmlns', EM_NAMESPACE]];

export function renderEnterpriseManagerXml(doc: EmDocument): string {
  const w = new XmlWriter();
  switch (doc.kind) {
    case 'entity':
      writeEntity(w, doc.entity, true);
      break;
    case 'ref':
      writeRef(w, 'EntityRef', doc.ref, true);
      break;
    case 'refList':
      w.open('EntityReferences', [...NS_FIRST, ...NS_LAST]);
      for (const ref of doc.refs) writeRef(w, 'Ref', ref, false);
      w.close('EntityReferences');
      break;
    case 'entityList':
      w.open(doc.listElement, [...NS_FIRST, ...NS_LAST]);
      for (const entity of doc.entities) writeEntity(w, entity, false);
      w.close(doc.listElement);
      break;
    case 'queryRefs':
      w.open('QueryResult', [...NS_FIRST, ...NS_LAST]);
      w.open('Refs');
      for (const ref of doc.refs) writeRef(w, 'Ref', ref, false);
      w.close('Refs');
      writePaging(w, doc.paging);
      w.close('QueryResult');
      break;
    case 'queryEntities':
      w.open('QueryResult', [...NS_FIRST, ...NS_LAST]);
      w.open('Entities').open(doc.listElement);
      for (const entity of doc.entities) writeEntity(w, entity, false);
      w.close(doc.listElement).close('Entities');
      writePaging(w, doc.paging);
      w.close('QueryResult');
      break;
    case 'enterpriseManager':
      w.open('EnterpriseManager', [...NS_FIRST, ...NS_LAST]);
      writeLinks(w, doc.links);
      w.open('SupportedVersions');
      for (const version of doc.versions) {
        w.open('SupportedVersion', [['Name', version.name]]);
        writeLinks(w, version.links);
        w.close('SupportedVersion');
      }
      w.close('SupportedVersions');
      w.close('EnterpriseManager');
      break;
    case 'error':
      w.empty('Error', [['Message', doc.message], ['StatusCode', String(doc.status)], ...NS_LAST, ...NS_FIRST]);
      break;
  }
  return w.toString();
}

function writeEntity(w: XmlWriter, e: EmEntityView, root: boolean): void {
  w.open(e.element, [
    ...(root ? NS_FIRST : []),
    ['Href', e.href],
    ['Type', e.type],
    ['Name', e.name],
    ['UID', e.uid],
    ...e.extraAttributes,
    ...(root ? NS_LAST : []),
  ]);
  writeLinks(w, e.links);
  for (const [name, value] of e.data) {
    if (value !== null) w.text(name, String(value));
  }
  w.close(e.element);
}

function writeRef(w: XmlWriter, element: string, r: EmRefView, root: boolean): void {
  w.open(element, [...(root ? NS_FIRST : []), ['Type', r.type], ['Href', r.href], ['Name', r.name], ['UID', r.uid], ...(root ? NS_LAST : [])]);
  writeLinks(w, r.links);
  w.close(element);
}

function writePaging(w: XmlWriter, p: EmPagingView): void {
  w.open('PagingInfo', [['PageNum', String(p.pageNum)], ['PageSize', String(p.pageSize)], ['PagesCount', String(p.pagesCount)]]);
  writeLinks(w, p.links);
  w.close('PagingInfo');
}

function writeLinks(w: XmlWriter, links: readonly EmLink[]): void {
  w.open('Links');
  for (const l of links) w.empty('Link', [['Href', l.href], ['Name', l.name], ['Type', l.type], ['Rel', l.rel]]);
  w.close('Links');
}

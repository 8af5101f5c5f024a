import * as assert from 'assert';
import type { ServerConfig } from '../../src/core/model/serverConfig';
import { findSameServer } from '../../src/vscode/addServer/sameServer';

const server = (id: string, kind: ServerConfig['kind'], url: string, username: string): ServerConfig => ({ id, kind, url, name: id, username, trust: { mode: 'system' } });

describe('Add Server: the same server and user configured already', () => {
  const servers = [server('em', 'em', 'https://em01.corp.local:9398', 'CORP\\restore'), server('vb', 'vb365', 'https://vb:4443', 'admin@corp.local')];

  const same: Array<[string, Pick<ServerConfig, 'kind' | 'url' | 'username'>, string]> = [
    ['identical', { kind: 'em', url: 'https://em01.corp.local:9398', username: 'CORP\\restore' }, 'em'],
    ['host and user in other case', { kind: 'em', url: 'https://EM01.Corp.Local:9398', username: 'corp\\RESTORE' }, 'em'],
    ['user with surrounding blanks', { kind: 'vb365', url: 'https://vb:4443', username: ' admin@corp.local ' }, 'vb'],
  ];
  for (const [what, draft, id] of same) it(`finds it: ${what}`, () => assert.strictEqual(findSameServer(servers, draft)?.id, id));

  const other: Array<[string, Pick<ServerConfig, 'kind' | 'url' | 'username'>]> = [
    ['another user', { kind: 'em', url: 'https://em01.corp.local:9398', username: 'CORP\\other' }],
    ['another port', { kind: 'em', url: 'https://em01.corp.local:9399', username: 'CORP\\restore' }],
    ['another host', { kind: 'em', url: 'https://em02.corp.local:9398', username: 'CORP\\restore' }],
    ['another kind', { kind: 'vb365', url: 'https://em01.corp.local:9398', username: 'CORP\\restore' }],
  ];
  for (const [what, draft] of other) it(`is not a repeat: ${what}`, () => assert.strictEqual(findSameServer(servers, draft), undefined));
});

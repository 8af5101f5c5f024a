import * as assert from 'assert';
import { execFileSync } from 'child_process';
import { curlSnippet, posixQuote, powerShellQuote, powerShellSnippet } from '../../src/vscode/presentation/requestSnippets';
import { sessionUrl } from '../../src/vscode/presentation/sessionUrl';

const ID = 'fd166510-607b-4023-882a-334d0b907e87';

describe('session URLs and request snippets', () => {
  it('builds the REST URL of a session per server kind', () => {
    assert.strictEqual(sessionUrl({ kind: 'em', url: 'https://em01:9398/' }, ID), `https://em01:9398/api/restoreSessions/${ID}?format=Entity`);
    assert.strictEqual(sessionUrl({ kind: 'vb365', url: 'https://vb:4443', apiVersion: 'v6' }, ID), `https://vb:4443/v6/RestoreSessions/${ID}`);
    assert.strictEqual(sessionUrl({ kind: 'vb365', url: 'https://vb:4443' }, ID), `https://vb:4443/v8/RestoreSessions/${ID}`);
    assert.strictEqual(sessionUrl({ kind: 'vbr', url: 'https://vbr:9419', apiVersion: '1.2-rev1' }, ID), `https://vbr:9419/api/v1/sessions/${ID}`);
  });

  it('names the Backup & Replication revision the server speaks in both snippets', () => {
    const url = sessionUrl({ kind: 'vbr', url: 'https://vbr:9419' }, ID);
    assert.strictEqual(
      curlSnippet({ kind: 'vbr', apiVersion: '1.2-rev1' }, url),
      `curl -sS -H "Authorization: Bearer $VEEAM_TOKEN" -H "x-api-version: 1.2-rev1" -H "Accept: application/json" '${url}'`,
    );
    assert.strictEqual(
      powerShellSnippet({ kind: 'vbr', apiVersion: '1.3-rev2' }, url),
      `Invoke-RestMethod -Uri '${url}' -Headers @{ 'Authorization' = "Bearer $env:VEEAM_TOKEN"; 'x-api-version' = '1.3-rev2'; 'Accept' = 'application/json' }`,
    );
  });

  it('uses the right auth header with a placeholder, never a token', () => {
    const url = sessionUrl({ kind: 'em', url: 'https://em01:9398' }, ID);
    assert.strictEqual(curlSnippet({ kind: 'em' }, url), `curl -sS -H "X-RestSvcSessionId: $VEEAM_TOKEN" -H "Accept: application/json" '${url}'`);
    assert.ok(curlSnippet({ kind: 'vb365' }, url).includes('"Authorization: Bearer $VEEAM_TOKEN"'));
    assert.ok(powerShellSnippet({ kind: 'em' }, url).includes(`'X-RestSvcSessionId' = $env:VEEAM_TOKEN`));
    assert.ok(powerShellSnippet({ kind: 'vb365' }, url).includes(`'Authorization' = "Bearer $env:VEEAM_TOKEN"`));
  });

  it('POSIX quoting survives a real shell unchanged', function () {
    const hostile = `https://h/x?a='b'&c=$(id)\`id\`;"q"`;
    const echoed = execFileSync('/bin/sh', ['-c', `printf %s ${posixQuote(hostile)}`]).toString();
    assert.strictEqual(echoed, hostile);
  });

  it('PowerShell quoting doubles every kind of single quote', () => {
    assert.strictEqual(powerShellQuote(`it's ‘x’`), `'it''s ‘‘x’’'`);
  });
});

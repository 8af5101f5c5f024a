import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { fixtureFile } from './fixturePath';

const CLI = path.resolve(__dirname, '../../../dist/cli.js');

function cli(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', input, env: { ...process.env, VEEAM_PASSWORD: '' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function tempFile(name: string, content: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'veeam-cli-'));
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
}

describe('CLI parse (dist/cli.js)', () => {
  before(function () {
    if (!fs.existsSync(CLI)) throw new Error('dist/cli.js is missing: run npm run build first');
  });

  it('normalises the documented EM entity (XML and JSON) to the same model', () => {
    const xml = cli(['parse', '--kind', 'em', fixtureFile('em/restore-session-entity.xml')]);
    const json = cli(['parse', '--kind', 'em', fixtureFile('em/restore-session-entity.json')]);
    assert.strictEqual(xml.code, 0, xml.stderr);
    assert.strictEqual(json.code, 0, json.stderr);
    const a = JSON.parse(xml.stdout) as Record<string, unknown>;
    const b = JSON.parse(json.stdout) as Record<string, unknown>;
    assert.strictEqual(a.id, 'fd166510-607b-4023-882a-334d0b907e87');
    assert.strictEqual(a.result, 'warning');
    delete a.raw;
    delete b.raw;
    assert.deepStrictEqual(a, b);
  });

  it('prints every session of an EM query result and a VB365 page', () => {
    const q = cli(['parse', '--kind', 'em', fixtureFile('em/query-result-page2.xml')]);
    assert.strictEqual(q.code, 0, q.stderr);
    assert.deepStrictEqual((JSON.parse(q.stdout) as Array<{ id: string }>).map((s) => s.id), ['d76f3619-99a8-45e2-9834-b30dcbf69eac', '0b6b3c1e-5a9e-4f59-9a43-0f2f3f1f6a01']);
    const v = cli(['parse', '--kind', 'vb365', fixtureFile('vb365/restore-sessions-v8-page.json')]);
    assert.strictEqual(v.code, 0, v.stderr);
    assert.strictEqual((JSON.parse(v.stdout) as unknown[]).length, 2);
    const arr = cli(['parse', '--kind', 'vb365', '-'], fs.readFileSync(fixtureFile('vb365/restore-sessions-v3-array.json'), 'utf8'));
    assert.strictEqual(arr.code, 0, arr.stderr);
  });

  // The exit code says which class of failure it is (src/cli/exitCodes.ts): 7 server error (a saved Error body has no HTTP status to tell more), 8 unusable.
  const bad: Array<[string, string, string, RegExp, number]> = [
    ['a truncated XML body', 'em', fs.readFileSync(fixtureFile('em/restore-session-entity.xml'), 'utf8').slice(0, 700), /malformed XML/, 8],
    ['a truncated JSON body', 'vb365', '{"offset":0,"results":[{"id":', /malformed JSON/, 8],
    ['an EM Error body (XML)', 'em', fs.readFileSync(fixtureFile('em/error-401.xml'), 'utf8'), /session expired or not found/, 7],
    ['an EM Error body (JSON)', 'em', fs.readFileSync(fixtureFile('em/error-500.json'), 'utf8'), /Object reference not set/, 7],
    ['a VB365 error body', 'vb365', fs.readFileSync(fixtureFile('vb365/error-404.json'), 'utf8'), /Restore session was not found/, 7],
    ['an unrelated document', 'em', '<rss version="2.0"><channel/></rss>', /not an Enterprise Manager/, 8],
    ['an HTML page', 'em', '<!DOCTYPE html><html><body>502</body></html>', /HTML page/, 8],
    ['a token response', 'vb365', fs.readFileSync(fixtureFile('vb365/token.json'), 'utf8'), /token document, not restore sessions/, 8],
  ];
  for (const [what, kind, body, message, exitCode] of bad) {
    it(`exits ${exitCode} with one clear line for ${what}`, () => {
      const r = cli(['parse', '--kind', kind, tempFile('body.txt', body)]);
      assert.strictEqual(r.code, exitCode, r.stderr);
      assert.strictEqual(r.stdout, '');
      assert.match(r.stderr, message);
      assert.strictEqual(r.stderr.trim().split('\n').length, 1, `one line: ${r.stderr}`);
      assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
      assert.doesNotMatch(r.stderr, /illustrative\.access\.token/, 'no token echoed');
    });
  }

  // A list of another entity type must be named, not printed as [] (which reads as "no restore sessions").
  const foreign: Array<[string, string, string, RegExp]> = [
    ['EM job references (XML)', 'em', 'em/job-references.xml', /^error: The response is a list of Job references, not restore sessions\.$/],
    ['EM backup server references (JSON)', 'em', 'em/backup-server-references.json', /^error: The response is a list of BackupServer references, not restore sessions\.$/],
    ['EM cloud tenant references (XML)', 'em', 'em/cloud-tenant-references.xml', /^error: The response is a list of CloudTenant references, not restore sessions\.$/],
    ['an EM query result of backup job sessions (JSON)', 'em', 'em/query-result-backup-job-sessions.json', /^error: The response is a query result of BackupJobSessions, not restore sessions\.$/],
    ['an EM query result of backup job session references (XML)', 'em', 'em/query-result-backup-job-session-refs.xml', /^error: The response is a query result of BackupJobSession references, not restore sessions\.$/],
    ['a Microsoft 365 page of jobs', 'vb365', 'vb365/jobs-v8-page.json', /^error: The response is a list of Jobs, not restore sessions\.$/],
    ['a Microsoft 365 page read as Enterprise Manager', 'em', 'vb365/restore-sessions-v8-page.json', /^error: The response looks like a Veeam Backup for Microsoft 365 document \(.+\), not Veeam Backup Enterprise Manager\.$/],
    ['a Microsoft 365 v3 array read as Enterprise Manager', 'em', 'vb365/restore-sessions-v3-array.json', /^error: The response looks like a Veeam Backup for Microsoft 365 document \(.+\), not Veeam Backup Enterprise Manager\.$/],
    ['an EM entity (XML) read as Microsoft 365', 'vb365', 'em/restore-session-entity.xml', /^error: The response looks like a Veeam Backup Enterprise Manager document \(.+\), not Veeam Backup for Microsoft 365\.$/],
    ['an EM entity (JSON) read as Microsoft 365', 'vb365', 'em/restore-session-entity.json', /^error: The response looks like a Veeam Backup Enterprise Manager document \(.+\), not Veeam Backup for Microsoft 365\.$/],
  ];
  for (const [what, kind, fixture, message] of foreign) {
    it(`names ${what} and exits 8`, () => {
      const r = cli(['parse', '--kind', kind, fixtureFile(fixture)]);
      assert.strictEqual(r.stdout, '');
      assert.match(r.stderr.trimEnd(), message);
      assert.strictEqual(r.code, 8);
    });
  }

  it('names a single reference and an entity list of another type by their Type and root', () => {
    const jobRef = '<EntityRef xmlns="http://www.veeam.com/ent/v1.0" Href="https://em01.example.test:9398/api/jobs/4b2b2d2c-9e1a-4c53-a8f6-0f3c1c7e5a11" Type="JobReference" Name="Nightly VMs" UID="urn:veeam:Job:4b2b2d2c-9e1a-4c53-a8f6-0f3c1c7e5a11"><Links/></EntityRef>';
    const one = cli(['parse', '--kind', 'em', tempFile('job.xml', jobRef)]);
    assert.match(one.stderr, /^error: .*holds a "JobReference" document, not restore sessions\.$/m);
    assert.strictEqual(one.code, 8);
    const jobs = '{"Jobs": [{"JobType": "Backup", "Name": "Nightly VMs", "UID": "urn:veeam:Job:4b2b2d2c-9e1a-4c53-a8f6-0f3c1c7e5a11", "Href": "https://em01.example.test:9398/api/jobs/4b2b2d2c-9e1a-4c53-a8f6-0f3c1c7e5a11?format=Entity", "Type": "Job"}]}';
    const list = cli(['parse', '--kind', 'em', tempFile('jobs.json', jobs)]);
    assert.match(list.stderr, /^error: The response is a list of Jobs, not restore sessions\.$/m);
    assert.strictEqual(list.code, 8);
  });

  it('prints an empty restore-session list as [] and exits 0', () => {
    const r = cli(['parse', '--kind', 'em', fixtureFile('em/restore-session-references-empty.xml')]);
    assert.strictEqual(r.code, 0, r.stderr);
    assert.deepStrictEqual(JSON.parse(r.stdout), []);
    const page = cli(['parse', '--kind', 'vb365', '-'], '{"offset":0,"limit":30,"results":[],"_links":{"self":{"href":"/v8/RestoreSessions?offset=0&limit=30"}}}');
    assert.strictEqual(page.code, 0, page.stderr);
    assert.deepStrictEqual(JSON.parse(page.stdout), []);
  });

  it('explains usage mistakes', () => {
    const r = cli(['parse', fixtureFile('em/restore-session-entity.xml')]);
    assert.strictEqual(r.code, 2);
    assert.match(r.stderr, /^error: parse needs --kind vbr\|em\|vb365/);
    const missing = cli(['parse', '--kind', 'em', '/nonexistent/file.xml']);
    assert.match(missing.stderr, /cannot read \/nonexistent\/file.xml \(ENOENT\)/);
    assert.strictEqual(missing.code, 2);
    const noPassword = cli(['get', '--url', 'https://127.0.0.1:1', '--kind', 'em', '--user', 'u', '--id', 'fd166510-607b-4023-882a-334d0b907e87']);
    assert.strictEqual(noPassword.code, 2);
    assert.match(noPassword.stderr, /VEEAM_PASSWORD/);
    const badId = cli(['get', '--url', 'https://127.0.0.1:1', '--kind', 'em', '--user', 'u', '--id', 'nope']);
    assert.match(badId.stderr, /not a restore session ID\. Accepted:/);
    assert.strictEqual(badId.code, 2);
    const jobUrl = cli(['get', '--user', 'u', '--id', 'https://em01.example.test:9398/api/jobs/4b2b2d2c-9e1a-4c53-a8f6-0f3c1c7e5a11']);
    assert.match(jobUrl.stderr, /^error: The URL "[^"]+" points at Enterprise Manager "jobs", not at a restore session\./);
    assert.strictEqual(jobUrl.code, 2);
  });
});

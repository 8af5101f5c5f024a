import * as fs from 'fs';
import { createRestoreSessionClient } from '../core/protocol';
import type { RestoreSessionClient, SessionFilter } from '../core/clients/restoreSessionClient';
import { VeeamError } from '../core/errors';
import type { ServerConfig, TlsTrust } from '../core/model/serverConfig';
import { SERVER_KIND_IDS, isServerKind, kindDescriptor } from '../core/kinds/serverKinds';
import { parseRestoreSessionReference } from '../core/restoreSessionId';
import { CliUsageError } from './cliUsageError';
import { csvText } from '../core/export/csvText';
import { SESSION_COLUMNS, sessionRow } from '../core/export/sessionRows';

export interface ServerArgs {
  url?: string;
  kind?: string;
  user?: string;
  fingerprint?: string;
  caFile?: string;
  apiVersion?: string;
  password?: string;
}

export async function runGet(args: ServerArgs, options: { id?: string; format?: string; raw: boolean }): Promise<string> {
  if (!options.id) throw new CliUsageError('get needs --id (a GUID, a UID or a restore session URL)');
  const ref = parseRestoreSessionReference(options.id);
  const format = options.format ?? undefined;
  if (format !== undefined && format !== 'xml' && format !== 'json') throw new CliUsageError(`--format must be xml or json, not "${format}"`);
  // A pasted URL names the server and the API: flags may then be omitted.
  const server = serverConfig({
    ...args,
    url: args.url ?? ref.server?.origin,
    kind: args.kind ?? ref.server?.kind,
    apiVersion: args.apiVersion ?? ref.server?.apiVersion,
  });
  return withClient(server, args.password, async (client) => {
    const session = await client.getSession(ref.id, { format });
    if (options.raw) return session.raw?.text ?? '';
    return JSON.stringify(session, null, 2);
  });
}

export async function runList(args: ServerArgs, options: { page?: string; pageSize?: string; state?: string; result?: string; output?: string }): Promise<string> {
  const output = options.output ?? 'json';
  if (output !== 'json' && output !== 'csv') throw new CliUsageError(`--output must be json or csv, not "${output}"`);
  const server = serverConfig(args);
  const page = positiveInt(options.page ?? '1', '--page');
  const pageSize = positiveInt(options.pageSize ?? '100', '--page-size');
  const filter: SessionFilter = {};
  if (options.state) filter.states = [oneOf(options.state, ['running', 'stopping', 'finished'] as const, '--state')];
  if (options.result) filter.results = [oneOf(options.result, ['success', 'warning', 'failed'] as const, '--result')];
  return withClient(server, args.password, async (client) => {
    const result = await client.listSessions({ page, pageSize, filter });
    // CSV: the same rows as the extension's Export Sessions…; the server column is the host the CLI was given.
    if (output === 'csv') return csvText(SESSION_COLUMNS, result.sessions.map((session) => sessionRow({ serverName: server.name, session })));
    return JSON.stringify(result, null, 2);
  });
}

async function withClient<T>(server: ServerConfig, password: string | undefined, run: (client: RestoreSessionClient) => Promise<T>): Promise<T> {
  if (!password) throw new CliUsageError('set the password in the environment variable VEEAM_PASSWORD (it is never taken from a flag)');
  const client = createRestoreSessionClient({ server, password: async () => password });
  try {
    return await run(client);
  } finally {
    await client.logoff().catch(() => undefined);
    await client.dispose();
  }
}

function serverConfig(args: ServerArgs): ServerConfig {
  if (!args.url) throw new CliUsageError('--url is required (e.g. https://em01:9398)');
  if (!args.kind || !isServerKind(args.kind)) throw new CliUsageError(`--kind ${SERVER_KIND_IDS.join('|')} is required`);
  if (!args.user) throw new CliUsageError('--user is required');
  const kind = args.kind;
  let url: URL;
  try {
    url = new URL(args.url);
  } catch {
    throw new CliUsageError(`--url "${args.url}" is not a URL`);
  }
  if (url.protocol !== 'https:') throw new CliUsageError('--url must be an https:// URL');
  if (!url.port) url.port = String(kindDescriptor(kind).defaultPort);
  return {
    id: 'cli',
    kind,
    url: url.origin,
    name: url.host,
    username: args.user,
    apiVersion: args.apiVersion,
    trust: trust(args),
  };
}

function trust(args: ServerArgs): TlsTrust {
  if (args.fingerprint && args.caFile) throw new CliUsageError('use either --fingerprint or --ca, not both');
  if (args.fingerprint) {
    const hex = args.fingerprint.replace(/^sha256[:/]/i, '').replace(/:/g, '');
    if (!/^[0-9a-f]{64}$/i.test(hex)) throw new CliUsageError('--fingerprint must be a SHA-256 fingerprint (64 hex digits, colons optional)');
    return { mode: 'fingerprint', sha256: hex };
  }
  if (args.caFile) {
    let pem: string;
    try {
      pem = fs.readFileSync(args.caFile, 'utf8');
    } catch {
      throw new CliUsageError(`cannot read the CA file ${args.caFile}`);
    }
    if (!pem.includes('-----BEGIN CERTIFICATE-----')) throw new VeeamError('invalidInput', `${args.caFile} is not a PEM certificate`);
    return { mode: 'ca', caPem: pem };
  }
  return { mode: 'system' };
}

function positiveInt(s: string, flag: string): number {
  const n = Number(s);
  if (!Number.isInteger(n) || n < 1) throw new CliUsageError(`${flag} must be a positive integer`);
  return n;
}

function oneOf<T extends string>(value: string, allowed: readonly T[], flag: string): T {
  const v = value.toLowerCase() as T;
  if (!allowed.includes(v)) throw new CliUsageError(`${flag} must be one of ${allowed.join(', ')}`);
  return v;
}

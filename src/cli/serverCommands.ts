import * as fs from 'fs';
// Every core part comes through dist/protocol.js (esbuild.js): the CLI bundle holds only the CLI.
import {
  SERVER_KIND_IDS,
  SESSION_COLUMNS,
  VeeamError,
  createRestoreSessionClient,
  csvText,
  isServerKind,
  kindDescriptor,
  logText,
  parseRestoreSessionReference,
  sessionRow,
} from '../core/protocol';
import type { RestoreSessionClient, SessionFilter } from '../core/clients/restoreSessionClient';
import type { ServerConfig, TlsTrust } from '../core/model/serverConfig';
import { CliUsageError } from './cliUsageError';
import { EXIT } from './exitCodes';

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

/** Prints a session's log; with `follow`, new records as they come until the session ends (like `tail -f`). */
export async function runLog(args: ServerArgs, options: { id?: string; follow: boolean; intervalMs?: number }, write: (text: string) => void): Promise<number> {
  if (!options.id) throw new CliUsageError('log needs --id (a GUID, a UID or a session URL)');
  const ref = parseRestoreSessionReference(options.id);
  const server = serverConfig({ ...args, url: args.url ?? ref.server?.origin, kind: args.kind ?? ref.server?.kind, apiVersion: args.apiVersion ?? ref.server?.apiVersion });
  if (!kindDescriptor(server.kind).capabilities.log) {
    throw new VeeamError('invalidInput', kindDescriptor(server.kind).noLogExplanation ?? `${kindDescriptor(server.kind).productName} publishes no session log.`);
  }
  return withClient(server, args.password, async (client) => {
    const printed = new Map<string, string>();
    for (;;) {
      const session = await client.getSession(ref.id);
      const events = await client.getEvents(ref.id);
      // New records, and records whose status changed (a running step that later failed), in order.
      const fresh = events.filter((e) => printed.get(e.id) !== e.status);
      if (fresh.length > 0) {
        const lines = logText('', fresh).split('\n').slice(2).filter((l) => l !== '' && l !== '(no records yet)');
        if (lines.length > 0) write(`${lines.join('\n')}\n`);
        for (const e of fresh) printed.set(e.id, e.status);
      }
      if (!options.follow) return EXIT.ok;
      if (session.state === 'finished') {
        write(`# ${session.name}: ${session.rawState}, ${session.rawResult || 'no result'}\n`);
        return session.result === 'success' ? EXIT.ok : session.result === 'warning' ? EXIT.sessionWarning : session.result === 'failed' ? EXIT.sessionFailed : EXIT.sessionEndedUnknown;
      }
      await new Promise((resolve) => setTimeout(resolve, options.intervalMs ?? 5000));
    }
  });
}

/**
 * Asks the server to stop a running session. Asks on a terminal first; with no terminal it refuses unless `yes`:
 * a script must say it means it.
 */
export async function runStop(args: ServerArgs, options: { id?: string; yes: boolean }, confirm: (question: string) => Promise<boolean> | undefined): Promise<string> {
  if (!options.id) throw new CliUsageError('stop needs --id (a GUID, a UID or a session URL)');
  const ref = parseRestoreSessionReference(options.id);
  const server = serverConfig({ ...args, url: args.url ?? ref.server?.origin, kind: args.kind ?? ref.server?.kind, apiVersion: args.apiVersion ?? ref.server?.apiVersion });
  const kind = kindDescriptor(server.kind);
  if (!kind.capabilities.stop) throw new VeeamError('invalidInput', `${kind.productName} offers no way to stop a restore session through its REST API.`);
  return withClient(server, args.password, async (client) => {
    const session = await client.getSession(ref.id);
    if (session.state === 'finished') return `${session.name} has already finished (${session.rawResult || session.rawState}): nothing to stop.`;
    if (!options.yes) {
      const answer = confirm(`Stop restore session "${session.name}" on ${server.name}? ${kind.stopMeaning ?? ''} [y/N] `);
      if (answer === undefined) throw new CliUsageError('refusing to stop a session without confirmation: there is no terminal to ask on; pass --yes to confirm');
      if (!(await answer)) return 'Not stopped.';
    }
    await client.stopSession?.(ref.id);
    return `Stop requested for ${session.name}; the server moves it to Stopped (follow it with: log --id ${ref.id} --follow).`;
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

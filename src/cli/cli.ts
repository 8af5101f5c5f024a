/**
 * Command-line access to the same protocol layer the extension uses:
 *   node dist/cli.js get   --url URL --kind KIND --user USER --id ID [--format xml|json] [--fingerprint SHA256] [--ca FILE] [--api-version V] [--raw]
 *   node dist/cli.js list  --url URL --kind KIND --user USER [--page N] [--page-size N] [--state running|finished] [--result success|warning|failed] [--output json|csv] [--fingerprint SHA256] [--ca FILE]
 *   node dist/cli.js parse --kind KIND FILE
 * The password comes from VEEAM_PASSWORD only: flags end up in shell history and process lists.
 */
import * as fs from 'fs';
import * as readline from 'readline';
import { parseArgs } from 'util';
import { runGet, runList, runLog, runStop, type ServerArgs } from './serverCommands';
import { runParse } from './parseCommand';
import { CliUsageError } from './cliUsageError';
import { SERVER_KINDS, SERVER_KIND_IDS, isServerKind, isVeeamError } from '../core/protocol';
import { EXIT, EXIT_CODE_HELP, exitCodeFor, isUsageError } from './exitCodes';

const KINDS = SERVER_KIND_IDS.join('|');
const USAGE = `Usage:
  node dist/cli.js get   --url URL --kind ${KINDS} --user USER --id ID [--format xml|json] [--raw]
  node dist/cli.js list  --url URL --kind ${KINDS} --user USER [--page N] [--page-size N] [--state S] [--result R] [--output json|csv]
  node dist/cli.js log   --url URL --kind ${KINDS} --user USER --id ID [--follow [--interval S]]   (a session's log; --follow until it ends)
  node dist/cli.js stop  --url URL --kind ${KINDS} --user USER --id ID [--yes]      (asks on a terminal; without one only with --yes)
  node dist/cli.js parse --kind ${KINDS} FILE
list --output: json (default) prints the page as the model has it; csv prints its sessions as RFC 4180 CSV with a
  header row (the columns of the extension's Export Sessions…: UTC times in ISO 8601, zone-less server times in
  their own columns, duration in seconds, text that a spreadsheet would run as a formula prefixed with ').
  --format is the body format of get (xml|json), not the output.
Kinds: ${SERVER_KINDS.map((k) => `${k.id} = ${k.productName} (port ${k.defaultPort})`).join(', ')}.
Server options: --fingerprint SHA256 (trust exactly this certificate), --ca FILE (extra CA, PEM), --api-version V (${apiVersionHelp()}).
The password is read from the environment variable VEEAM_PASSWORD.`;

function apiVersionHelp(): string {
  return SERVER_KINDS.flatMap((k) => (k.apiVersions ? [`${k.shortName}: ${k.apiVersions.known[0]}…${k.apiVersions.latest}, default ${k.apiVersions.latest}`] : [])).join('; ');
}

const HELP = `${USAGE}\n${EXIT_CODE_HELP}`;

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      url: { type: 'string' },
      kind: { type: 'string' },
      user: { type: 'string' },
      id: { type: 'string' },
      format: { type: 'string' },
      fingerprint: { type: 'string' },
      ca: { type: 'string' },
      'api-version': { type: 'string' },
      page: { type: 'string' },
      'page-size': { type: 'string' },
      state: { type: 'string' },
      result: { type: 'string' },
      output: { type: 'string' },
      raw: { type: 'boolean' },
      follow: { type: 'boolean' },
      interval: { type: 'string' },
      yes: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const [command, ...rest] = positionals;
  if (values.help || !command) {
    process.stdout.write(`${HELP}\n`);
    return values.help ? EXIT.ok : EXIT.usage;
  }
  const kind = values.kind;
  if (kind !== undefined && !isServerKind(kind)) throw new CliUsageError(`--kind must be one of ${SERVER_KIND_IDS.join(', ')}, not "${kind}"`);

  switch (command) {
    case 'parse': {
      if (!kind) throw new CliUsageError(`parse needs --kind ${SERVER_KIND_IDS.join('|')}`);
      if (rest.length !== 1) throw new CliUsageError('parse needs exactly one FILE (or - for standard input)');
      const text = rest[0] === '-' ? fs.readFileSync(0, 'utf8') : readFile(rest[0]);
      process.stdout.write(`${JSON.stringify(runParse(kind, text, rest[0]), null, 2)}\n`);
      return EXIT.ok;
    }
    case 'get':
    case 'list':
    case 'log':
    case 'stop': {
      const server: ServerArgs = {
        url: values.url,
        kind,
        user: values.user,
        fingerprint: values.fingerprint,
        caFile: values.ca,
        apiVersion: values['api-version'],
        password: process.env.VEEAM_PASSWORD,
      };
      if (command === 'log') {
        const intervalMs = values.interval === undefined ? undefined : positiveSeconds(values.interval) * 1000;
        return await runLog(server, { id: values.id, follow: values.follow ?? false, intervalMs }, (text) => process.stdout.write(text));
      }
      if (command === 'stop') {
        const out = await runStop(server, { id: values.id, yes: values.yes ?? false }, askOnTerminal);
        process.stdout.write(`${out}\n`);
        return EXIT.ok;
      }
      if (command === 'get') {
        if (values.output !== undefined) throw new CliUsageError('--output is for list; get prints the session as JSON, or the body as sent with --raw (--format xml|json)');
        const out = await runGet(server, { id: values.id, format: values.format, raw: values.raw ?? false });
        process.stdout.write(out.endsWith('\n') ? out : `${out}\n`);
      } else {
        const out = await runList(server, { page: values.page, pageSize: values['page-size'], state: values.state, result: values.result, output: values.output });
        // CSV ends with its own record delimiter; JSON gets the final line end here.
        process.stdout.write(out.endsWith('\n') ? out : `${out}\n`);
      }
      return EXIT.ok;
    }
    default:
      throw new CliUsageError(`unknown command "${command}" (expected get, list, log, stop or parse)`);
  }
}

function positiveSeconds(text: string): number {
  const n = Number(text);
  if (!Number.isFinite(n) || n <= 0 || n > 3600) throw new CliUsageError('--interval must be a number of seconds between 0 and 3600');
  return n;
}

/** A yes/no question on the terminal; undefined when there is none (a pipe, CI): the caller then refuses. */
function askOnTerminal(question: string): Promise<boolean> | undefined {
  if (!process.stdin.isTTY || !process.stderr.isTTY) return undefined;
  const rl = readline.createInterface({ input: process.stdin, output: process.stderr });
  return new Promise((resolve) => {
    rl.question(question, (answer) => {
      rl.close();
      resolve(/^y(es)?$/i.test(answer.trim()));
    });
  });
}

function readFile(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new CliUsageError(`cannot read ${file}${code ? ` (${code})` : ''}`);
  }
}

/** One clear line on stderr (usage mistakes add the usage text), never a stack trace. */
function describeFailure(e: unknown): string {
  if (isVeeamError(e)) return e.message;
  if (isUsageError(e)) return `${e.message}\n${USAGE}`;
  return `unexpected failure: ${e instanceof Error ? e.message : String(e)}`;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`error: ${describeFailure(e)}\n`);
    process.exitCode = exitCodeFor(e);
  },
);

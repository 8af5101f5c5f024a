import type { VeeamErrorCode } from '../core/errors';
import { isVeeamError } from '../core/protocol';
import { CliUsageError } from './cliUsageError';

/** Process exit codes of dist/cli.js: scripts branch on these, so a value never changes meaning. */
export const EXIT = {
  ok: 0,
  unexpected: 1,
  usage: 2,
  authentication: 3,
  notFound: 4,
  tlsTrust: 5,
  network: 6,
  serverError: 7,
  unusableResponse: 8,
  /** `log --follow`: the session ended, but not with Success. */
  sessionWarning: 10,
  sessionFailed: 11,
  sessionEndedUnknown: 12,
} as const;

// A Record over every code: a new VeeamErrorCode does not compile until it is given an exit code here.
const BY_CODE: Record<VeeamErrorCode, number> = {
  invalidInput: EXIT.usage,
  authFailed: EXIT.authentication,
  sessionExpired: EXIT.authentication,
  forbidden: EXIT.authentication,
  notFound: EXIT.notFound,
  tlsUntrusted: EXIT.tlsTrust,
  certificateChanged: EXIT.tlsTrust,
  unreachable: EXIT.network,
  timeout: EXIT.network,
  serverError: EXIT.serverError,
  malformedResponse: EXIT.unusableResponse,
  tooLarge: EXIT.unusableResponse,
  cancelled: EXIT.unexpected,
};

export const EXIT_CODE_HELP = `Exit codes:
  0 success
  1 unexpected failure
  2 usage: bad flags or arguments, an --id that is not a restore session, missing password, unreadable file
  3 authentication: wrong user or password, session expired, access denied
  4 not found: no restore session with that ID
  5 TLS trust: certificate not trusted or changed (see --fingerprint, --ca)
  6 network: server unreachable or not answering in time
  7 server error: the server reported an error
  8 unusable response: unparseable, or not a restore-session document
  10, 11, 12 (log --follow): the session ended with Warning, Failed, or no known result (0: Success)`;

/**
 * Classifies by the error's `code`, never by class identity: dist/cli.js and dist/protocol.js are separate bundles,
 * each with its own VeeamError class, so `instanceof` fails for every error the protocol layer throws.
 */
export function exitCodeFor(e: unknown): number {
  if (isVeeamError(e)) return Object.hasOwn(BY_CODE, e.code) ? BY_CODE[e.code] : EXIT.unexpected;
  if (isUsageError(e)) return EXIT.usage;
  return EXIT.unexpected;
}

/** A command-line mistake: ours, or one util.parseArgs reports (unknown flag, missing value). */
export function isUsageError(e: unknown): e is Error {
  return e instanceof CliUsageError || (e instanceof Error && String((e as NodeJS.ErrnoException).code).startsWith('ERR_PARSE_ARGS'));
}

/** A mistake in the command line itself (as opposed to a server or data problem). */
export class CliUsageError extends Error {
  override readonly name = 'CliUsageError';
}

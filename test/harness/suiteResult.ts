/** What one mocha run reports to the harness (written as JSON by suites that run in another process). */
export interface SuiteResult {
  suite: string;
  passes: number;
  failures: number;
  pending: number;
  /** The reporter's own output (spec listing, failure details, "N passing (Xs)" summary). */
  report: string;
}

export function isSuiteResult(value: unknown): value is SuiteResult {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return (
    typeof candidate.suite === 'string' &&
    typeof candidate.passes === 'number' &&
    typeof candidate.failures === 'number' &&
    typeof candidate.pending === 'number' &&
    typeof candidate.report === 'string'
  );
}

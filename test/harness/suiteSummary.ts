import type { SuiteResult } from './suiteResult';

/** Prints each suite's report, then the one plain closing line `N passed, N failed` over all suites. */
export function printSuiteSummary(results: readonly SuiteResult[]): void {
  const passed = results.reduce((sum, r) => sum + r.passes, 0);
  const failed = results.reduce((sum, r) => sum + r.failures, 0);
  for (const result of results) {
    const pending = result.pending > 0 ? `, ${result.pending} pending` : '';
    console.log(`${result.suite}: ${result.passes} passed, ${result.failures} failed${pending}`);
  }
  console.log(`${passed} passed, ${failed} failed`);
}

export function allPassed(results: readonly SuiteResult[]): boolean {
  return results.length > 0 && results.every((r) => r.failures === 0);
}

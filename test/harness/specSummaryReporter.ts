import * as fs from 'fs';
import Mocha from 'mocha';
import type { SuiteResult } from './suiteResult';

/** Where this reporter writes its counts (set by runAllTests). */
const SUMMARY_FILE_VARIABLE = 'VEEAM_TEST_SUMMARY_FILE';

/**
 * mocha's spec reporter, plus a JSON file with the counts so `npm test` can add the unit tests to its closing
 * `N passed, N failed` line. Used as `mocha --reporter out/test/harness/specSummaryReporter.js`.
 */
class SpecSummaryReporter extends Mocha.reporters.Spec {
  constructor(runner: Mocha.Runner, options?: Mocha.MochaOptions) {
    super(runner, options);
    runner.once(Mocha.Runner.constants.EVENT_RUN_END, () => {
      const file = process.env[SUMMARY_FILE_VARIABLE];
      if (!file) return;
      const stats = runner.stats;
      const result: SuiteResult = { suite: 'unit', passes: stats?.passes ?? 0, failures: stats?.failures ?? 0, pending: stats?.pending ?? 0, report: '' };
      fs.writeFileSync(file, JSON.stringify(result));
    });
  }
}

export = SpecSummaryReporter;

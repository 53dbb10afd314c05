// Prints the one closing line CI reads, `N passed, N failed`, from vitest's JSON report.
// A run that never reached the tests (install, build or lint failed) counts as one failure.
import { existsSync, readFileSync } from 'node:fs'

const file = process.argv[2] ?? '.vitest-results.json'
if (!existsSync(file)) {
  console.log('0 passed, 1 failed')
  process.exit(0)
}
const report = JSON.parse(readFileSync(file, 'utf8'))
const failed = report.numFailedTests + (report.numFailedTestSuites ?? 0) - countSuitesWithFailedTests(report)
console.log(`${report.numPassedTests} passed, ${failed} failed`)

// A suite that failed only because its tests failed is already counted through those tests; a suite that
// failed to load (syntax error, missing import) has no failed tests and must still count.
function countSuitesWithFailedTests(r) {
  return (r.testResults ?? []).filter(
    (suite) => suite.status === 'failed' && suite.assertionResults.some((t) => t.status === 'failed'),
  ).length
}
